// Shared set-up for the page tests (page*.test.mjs): one server and one Chromium per test
// file, a fresh browser context per test that records every request and every error, and
// small helpers to read the result regions as a person sees them.
import { after, before } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, isLocal, launchChromium, startServer } from "./helpers.mjs";

export const SCREENSHOTS = join(ROOT, "target", "e2e");

/** Starts the server and Chromium for this file; returns a getter object. */
export function useBrowser() {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer();
    env.browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

/**
 * A fresh context and page that record every request and every problem (console error,
 * page error, failed request, HTTP error, any request leaving loopback — which is aborted).
 * `path` is appended to the server's URL (e.g. "?preset=headline").
 * `intercept: false` only watches requests instead of holding each one for the test to
 * let through (a round trip to this process per request): for timing the page. A request
 * leaving loopback is then still recorded, and fails assertClean, but is not stopped.
 */
export async function openPage(env, { colorScheme = "light", viewport = { width: 1280, height: 900 }, path = "", wait = true, contextOptions = {}, intercept = true } = {}) {
  const context = await env.browser.newContext({ viewport, colorScheme, ...contextOptions });
  const requests = [];
  const problems = [];
  context.on("request", (request) => requests.push(request.url()));
  if (intercept) {
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      problems.push(`non-loopback request: ${url}`);
      return route.abort();
    });
  }
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    dialog.dismiss();
  });
  if (wait) {
    await page.goto(env.server.url + path);
    await page.waitForSelector("html[data-ready=true]", { timeout: 30_000 });
  }
  return { context, page, requests, problems };
}

/** No problems were recorded and every request stayed on this machine. */
export function assertClean({ requests, problems }) {
  assert.deepEqual(problems, []);
  assert.ok(requests.length > 0, "no requests were recorded");
  for (const url of requests) assert.ok(isLocal(url), `request left the machine: ${url}`);
}

export const articleInput = (page) => page.getByRole("textbox", { name: "Article text" });

/** The summary sentences' texts, as shown. */
export const summaryTexts = (page) =>
  page.getByRole("region", { name: "Summary" }).locator(".summary-text").allTextContents();

export async function waitForSummaryLength(page, n) {
  await page.waitForFunction(
    (n) => document.querySelectorAll("#summary-list .summary-text").length === n && document.documentElement.dataset.complete === "true",
    n,
    { timeout: 20_000 },
  );
}

/** Waits until a result for exactly the textarea's current text has been drawn. */
export async function waitForResult(page) {
  await page.waitForFunction(
    () => {
      const source = document.getElementById("source-text");
      const value = document.getElementById("article").value;
      // The source view is drawn last (in slices): when it holds the whole text, the rest is drawn.
      return value.trim() !== "" && document.documentElement.dataset.complete === "true" && source.textContent === value && Number(document.documentElement.dataset.renders) > 0;
    },
    undefined,
    { timeout: 30_000, polling: 200 },
  );
}

/** The figure table's rows as {order, text, kind, value, qualifier, counted}. */
export async function figureRows(page) {
  const rows = page.getByRole("region", { name: "Key figures" }).locator("tbody tr");
  return rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const [order, text, kind, value, qualifier, counted] = [...tr.cells].map((td) => td.textContent);
      return { order: Number(order), text, kind, value, qualifier, counted };
    }),
  );
}

/** Scrolls the textarea back to the article's start and drops focus, for screenshots. */
export async function showTop(page) {
  await articleInput(page).evaluate((textarea) => {
    textarea.scrollTop = 0;
    textarea.blur();
  });
  await page.evaluate(() => window.scrollTo(0, 0));
}
