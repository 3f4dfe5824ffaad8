// The page in headless Chromium, used as a person would: paste an article into the
// textarea labelled "Article text", read the "Summary" and "Key figures" regions, move
// the length control, type more. Any console error, page error, failed or non-loopback
// request fails the test. Screenshots go to target/e2e/.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { ARTICLE, ROOT, isLocal, launchChromium, startServer } from "./helpers.mjs";

const SCREENSHOTS = join(ROOT, "target", "e2e");

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** A fresh page that records every request and every error. */
async function openPage({ colorScheme = "light" } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
  const requests = [];
  const problems = [];
  context.on("request", (request) => requests.push(request.url()));
  // Nothing may leave the machine: record it as a problem and never let it through.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    problems.push(`non-loopback request: ${url}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(server.url);
  await page.waitForSelector("html[data-ready=true]", { timeout: 30_000 });
  return { context, page, requests, problems };
}

function assertClean({ requests, problems }) {
  assert.deepEqual(problems, []);
  assert.ok(requests.length > 0, "no requests were recorded");
  for (const url of requests) assert.ok(isLocal(url), `request left the machine: ${url}`);
}

const summaryItems = (page) => page.getByRole("region", { name: "Summary" }).getByRole("listitem");

async function waitForSummaryLength(page, n) {
  await page.waitForFunction(
    (n) => document.querySelectorAll("#summary-list li").length === n,
    n,
    { timeout: 15_000 },
  );
}

/** Scrolls the textarea back to the article's start and drops focus, for screenshots. */
async function showTop(page) {
  await page.getByRole("textbox", { name: "Article text" }).evaluate((textarea) => {
    textarea.scrollTop = 0;
    textarea.blur();
  });
}

/** The figure table's rows as {text, kind, value} objects. */
async function figureRows(page) {
  const rows = page.getByRole("region", { name: "Key figures" }).locator("tbody tr");
  return rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const [text, kind, value] = [...tr.cells].map((td) => td.textContent);
      return { text, kind, value };
    }),
  );
}

test("summarizes a pasted article and lists its key figures", async () => {
  const session = await openPage();
  const { page } = session;

  // Paste as a person does: the article on the clipboard, then Ctrl+V in the textarea.
  await session.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  await page.evaluate((text) => navigator.clipboard.writeText(text), ARTICLE);
  const input = page.getByRole("textbox", { name: "Article text" });
  await input.focus();
  await page.keyboard.press("Control+V");
  await waitForSummaryLength(page, 3);
  assert.equal(await input.inputValue(), ARTICLE);

  // The summary: three sentences of the article, in document order.
  const sentences = await summaryItems(page).allTextContents();
  assert.equal(sentences.length, 3);
  const positions = sentences.map((s) => ARTICLE.indexOf(s));
  assert.ok(positions.every((p) => p >= 0), `not sentences of the article: ${sentences}`);
  assert.deepEqual([...positions].sort((a, b) => a - b), positions, "summary is not in document order");
  assert.ok(sentences.some((s) => s.includes("$800 billion")), `the lead fact is missing: ${sentences}`);

  // Key figures with normalized values.
  const rows = await figureRows(page);
  const row = (text) => rows.find((r) => r.text === text) ?? assert.fail(`no figure ${text}: ${JSON.stringify(rows)}`);
  assert.deepEqual(row("$800 billion"), { text: "$800 billion", kind: "money", value: "800,000,000,000 USD" });
  assert.deepEqual(row("$120 million"), { text: "$120 million", kind: "money", value: "120,000,000 USD" });
  assert.equal(row("40%").kind, "percent");
  assert.equal(row("40%").value, "40%");
  assert.equal(row("3.5 meters").value, "3.5 m");
  assert.equal(row("January 1, 2026").value, "2026-01-01");

  // Keyphrases and the source view with the summary highlighted.
  const keyphrases = page.getByRole("region", { name: "Keyphrases" }).getByRole("listitem");
  assert.ok((await keyphrases.count()) > 0, "no keyphrases");
  const source = page.getByRole("region", { name: "Source" });
  assert.equal(await source.locator("mark").count(), 3);
  assert.equal(await source.locator("#source-text").textContent(), ARTICLE);

  await showTop(page);
  await page.screenshot({ path: join(SCREENSHOTS, "page.png"), fullPage: true });
  // The README's picture: the first screen only (docs/screenshot.png is a copy of it).
  await page.setViewportSize({ width: 1200, height: 760 });
  await page.screenshot({ path: join(SCREENSHOTS, "readme.png") });
  assertClean(session);
  assert.ok(session.requests.some((u) => u.endsWith("/pkg/nutshell_bg.wasm")), "the wasm request was not seen");
  await session.context.close();
});

test("the length control changes the summary", async () => {
  const session = await openPage();
  const { page } = session;
  await page.getByRole("textbox", { name: "Article text" }).fill(ARTICLE);
  await waitForSummaryLength(page, 3);
  const three = await summaryItems(page).allTextContents();

  const length = page.getByRole("slider", { name: "Summary length" });
  await length.fill("5");
  await waitForSummaryLength(page, 5);
  assert.equal(await page.locator("#length-value").textContent(), "5 sentences");
  const five = await summaryItems(page).allTextContents();
  assert.notDeepEqual(five, three);
  assert.equal(await page.getByRole("region", { name: "Source" }).locator("mark").count(), 5);

  await length.fill("1");
  await waitForSummaryLength(page, 1);
  assert.equal(await page.locator("#length-value").textContent(), "1 sentence");
  assertClean(session);
  await session.context.close();
});

test("typing updates the results as you go", async () => {
  const session = await openPage();
  const { page } = session;
  const input = page.getByRole("textbox", { name: "Article text" });
  await input.fill("The museum reopened on Friday after a two-year renovation.");
  await waitForSummaryLength(page, 1);
  await input.press("End");
  await input.pressSequentially(" Ticket sales rose 30% in the first week.", { delay: 5 });
  await page.waitForFunction(
    () => [...document.querySelectorAll("#figures-table tbody tr td:first-child")].some((td) => td.textContent === "30%"),
    undefined,
    { timeout: 15_000 },
  );
  await waitForSummaryLength(page, 2);
  // Clearing the text clears the results.
  await input.fill("");
  await waitForSummaryLength(page, 0);
  assert.equal(await page.locator("#figures-table tbody tr").count(), 0);
  assertClean(session);
  await session.context.close();
});

test("article text is shown as text, never run as markup", async () => {
  const session = await openPage();
  const { page } = session;
  const hostile =
    'The mayor said <img src=x onerror="window.__pwned=1"> costs rose 12% this year. ' +
    "Officials called it <b>historic</b> and <script>window.__pwned=2</script> promised $5 million more.";
  await page.getByRole("textbox", { name: "Article text" }).fill(hostile);
  await waitForSummaryLength(page, 2);
  const results = page.locator(".results");
  assert.equal(await results.locator("img, b, script").count(), 0);
  assert.ok((await summaryItems(page).first().textContent()).includes("<img src=x"));
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assertClean(session);
  await session.context.close();
});

test("dark color scheme renders", async () => {
  const session = await openPage({ colorScheme: "dark" });
  const { page } = session;
  await page.getByRole("textbox", { name: "Article text" }).fill(ARTICLE);
  await waitForSummaryLength(page, 3);
  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  assert.notEqual(background, "rgb(247, 246, 242)", "dark scheme kept the light background");
  await showTop(page);
  await page.screenshot({ path: join(SCREENSHOTS, "page-dark.png"), fullPage: true });
  assertClean(session);
  await session.context.close();
});
