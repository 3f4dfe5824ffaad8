// The page in headless Chromium, used as a person would: paste an article into the
// textarea labelled "Article text", read the "Summary" and "Key figures" regions, move
// the length control, type more. Any console error, page error, failed or non-loopback
// request fails the test. Screenshots go to target/e2e/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ARTICLE } from "./helpers.mjs";
import {
  SCREENSHOTS,
  assertClean,
  figureRows,
  openPage as open,
  showTop,
  summaryTexts,
  useBrowser,
  waitForSummaryLength,
} from "./page-helpers.mjs";

const env = useBrowser();
const openPage = (options) => open(env, options);
const summaryItems = (page) => ({ allTextContents: () => summaryTexts(page) });

test("summarizes a pasted article and lists its key figures", async () => {
  const session = await openPage();
  const { page } = session;

  // Paste as a person does: the article on the clipboard, then Ctrl+V in the textarea.
  await session.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.server.url });
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
  assert.ok(sentences.some((s) => /\d/.test(s)), `no sentence with a figure: ${sentences}`);

  // Key figures with normalized values.
  const rows = await figureRows(page);
  const row = (text) => rows.find((r) => r.text === text) ?? assert.fail(`no figure ${text}: ${JSON.stringify(rows)}`);
  const pick = ({ text, kind, value }) => ({ text, kind, value });
  assert.deepEqual(pick(row("$800 billion")), { text: "$800 billion", kind: "money", value: "800,000,000,000 USD" });
  assert.deepEqual(pick(row("$120 million")), { text: "$120 million", kind: "money", value: "120,000,000 USD" });
  assert.deepEqual(rows.map((r) => r.order), rows.map((_, i) => i + 1), "figures are not numbered in text order");
  assert.equal(row("40%").kind, "percent");
  assert.equal(row("40%").value, "40%");
  assert.equal(row("3.5 meters").value, "3.5 m");
  assert.equal(row("January 1, 2026").value, "2026-01-01");

  // Keyphrases and the source view with the summary highlighted.
  const keyphrases = page.getByRole("region", { name: "Keyphrases" }).getByRole("listitem");
  assert.ok((await keyphrases.count()) > 0, "no keyphrases");
  const source = page.getByRole("region", { name: "Source" });
  assert.equal(await source.locator("#source-text mark").count(), 3);
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
  assert.equal(await page.locator("#source-text mark").count(), 5);

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
    () => [...document.querySelectorAll("#figures-table tbody .figure-text")].some((td) => td.textContent === "30%"),
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
    'The mayor said <img src=x onerror="window.__pwned=1;alert(1)"> costs rose 12% this year. ' +
    "Officials called it <b>historic</b> and <script>window.__pwned=2;alert(2)</script> promised $5 million more. " +
    'Critics posted <svg onload="alert(3)"></svg> and <iframe src="javascript:alert(4)"></iframe> links to https://example.com/x.png online.';
  const input = page.getByRole("textbox", { name: "Article text" });
  await input.fill(hostile);
  await waitForSummaryLength(page, 3);
  const results = page.locator(".results");
  assert.equal(await results.locator("img, b, script, svg, iframe").count(), 0);
  const first = (await summaryTexts(page))[0];
  assert.ok(first.includes('<img src=x onerror="window.__pwned=1;alert(1)">'), first);
  assert.equal(await page.locator("#source-text").textContent(), hostile);
  // Figures, keyphrases and the "why" tables hold text only.
  assert.equal(await page.locator("#figures-table tbody :is(img, svg, script, iframe)").count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);

  // The same as a pasted page fragment: the core extracts text; nothing runs either.
  await session.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.server.url });
  const fragment = `<div><p>${hostile}</p><p>The council meets again on Tuesday.</p></div>`;
  await input.fill("");
  await page.evaluate((text) => navigator.clipboard.writeText(text), fragment);
  await input.focus();
  await page.keyboard.press("Control+V");
  await page.waitForFunction(() => !document.getElementById("article").value.startsWith("<div>"), undefined, { timeout: 15_000 });
  await page.waitForFunction(() => document.getElementById("source-text").textContent === document.getElementById("article").value, undefined, { timeout: 15_000 });
  assert.equal(await results.locator("img, b, script, svg, iframe").count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // Dialogs and any request for "x" or example.com would have been recorded as problems.
  assertClean(session);
  assert.ok(!session.requests.some((u) => /\/x$|example\.com/.test(u)), "the text made the page fetch something");
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
