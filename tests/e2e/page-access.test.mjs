// Look and access: axe-core (WCAG 2 A/AA) in light and dark, phone width without
// horizontal scrolling, keyboard-only use with visible focus in a logical order, labelled
// controls and regions, options in the URL. Saves the screenshots (desktop light and dark,
// phone) to target/e2e/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./helpers.mjs";
import { SCREENSHOTS, articleInput, assertClean, openPage, showTop, summaryTexts, useBrowser, waitForResult, waitForSummaryLength } from "./page-helpers.mjs";

const env = useBrowser();
const AXE = join(ROOT, "node_modules", "axe-core", "axe.min.js");

/** Runs axe-core on the page; returns the A/AA violations as readable lines. */
async function axeViolations(page) {
  // Through the DevTools protocol: the page's CSP (rightly) refuses an injected <script>.
  await page.evaluate(readFileSync(AXE, "utf8"));
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`);
  });
  return violations;
}

for (const colorScheme of ["light", "dark"]) {
  test(`axe-core finds no A/AA violations (${colorScheme}), with results and an open explanation`, async () => {
    const session = await openPage(env, { colorScheme, path: "?sample" });
    const { page } = session;
    assert.deepEqual(await axeViolations(page), [], "as loaded");
    await waitForResult(page);
    await page.locator(".why-toggle").first().click();
    await page.locator("#figures-table .figure-jump").nth(3).click();
    assert.deepEqual(await axeViolations(page), [], "page with results");
    // The pictures: explanations closed, nothing focused, the top of the page.
    await page.locator(".why-toggle").first().click();
    await page.evaluate(() => document.activeElement.blur());
    await showTop(page);
    await page.screenshot({ path: join(SCREENSHOTS, `desktop-${colorScheme}.png`) });
    await page.screenshot({ path: join(SCREENSHOTS, `desktop-${colorScheme}-full.png`), fullPage: true });
    if (colorScheme === "dark") {
      const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      assert.equal(background, "rgb(20, 21, 24)", "the dark theme did not follow the system");
    }
    assertClean(session);
    await session.context.close();
  });
}

test("phone width: one column, no horizontal scrolling, axe-clean", async () => {
  const session = await openPage(env, {
    path: "?sample",
    viewport: { width: 375, height: 812 },
    contextOptions: { deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  });
  const { page } = session;
  await waitForResult(page);
  const widths = await page.evaluate(() => ({
    document: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
    viewport: innerWidth,
  }));
  assert.ok(widths.document <= widths.viewport && widths.body <= widths.viewport, JSON.stringify(widths));
  // The results sit below the input, full width.
  const input = await articleInput(page).boundingBox();
  const summary = await page.getByRole("region", { name: "Summary" }).boundingBox();
  assert.ok(summary.y > input.y + input.height, "results are not below the input");
  assert.ok(summary.width > 300, `summary is ${summary.width}px wide`);
  assert.deepEqual(await axeViolations(page), []);
  await showTop(page);
  await page.screenshot({ path: join(SCREENSHOTS, "phone.png") });
  await page.screenshot({ path: join(SCREENSHOTS, "phone-full.png"), fullPage: true });
  assertClean(session);
  await session.context.close();
});

test("labelled controls and regions", async () => {
  const session = await openPage(env);
  const { page } = session;
  await articleInput(page).waitFor();
  for (const name of ["Summary", "Key figures", "Keyphrases", "Source"]) {
    assert.equal(await page.getByRole("region", { name, exact: true }).count(), 1, `region ${name}`);
  }
  await page.getByRole("combobox", { name: "Measure" }).waitFor();
  await page.getByRole("slider", { name: "Summary length" }).waitFor();
  await page.getByRole("group", { name: "Summary length" }).waitFor();
  for (const name of ["Try a sample article", "Copy text", "Copy Markdown", "Download JSON", "Download Markdown"]) {
    assert.equal(await page.getByRole("button", { name, exact: true }).count(), 1, `button ${name}`);
  }
  // Progress and errors are announced (the length <output> is a status too).
  assert.ok((await page.getByRole("status").evaluateAll((nodes) => nodes.map((n) => n.id))).includes("status"));
  assertClean(session);
  await session.context.close();
});

test("keyboard only: logical tab order with visible focus", async () => {
  const session = await openPage(env);
  const { page } = session;
  const focused = () =>
    page.evaluate(() => {
      const node = document.activeElement;
      const style = getComputedStyle(node);
      const label = node.labels?.[0]?.textContent ?? node.getAttribute("aria-label") ?? node.textContent;
      return { tag: node.tagName.toLowerCase(), id: node.id, label: label.trim().slice(0, 40), outline: style.outlineStyle, outlineWidth: style.outlineWidth };
    });
  const order = [];
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press("Tab");
    const f = await focused();
    order.push(f.id || f.label);
    assert.ok(f.outline !== "none" && f.outlineWidth !== "0px", `no visible focus on ${JSON.stringify(f)}`);
  }
  assert.deepEqual(order, ["Skip to the results", "sample", "article", "length-mode", "length"]);

  // Type an article without the mouse, change the length with the arrow keys.
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  assert.equal((await focused()).id, "article");
  await page.keyboard.insertText("The bridge reopened on Monday after repairs costing $3 million. Traffic rose 20% on the first day. Officials thanked residents for their patience. More work is planned next year.");
  await waitForSummaryLength(page, 3);
  await page.keyboard.press("Tab"); // Measure
  await page.keyboard.press("Tab"); // slider
  assert.equal((await focused()).id, "length");
  await page.keyboard.press("ArrowLeft");
  await waitForSummaryLength(page, 2);
  // Every summary sentence is a button reachable by Tab.
  await page.keyboard.press("Tab"); // copy text
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  const f = await focused();
  assert.ok(f.tag === "button" && (await summaryTexts(page)).some((s) => s.startsWith(f.label)), JSON.stringify(f));
  assertClean(session);
  await session.context.close();
});

test("length options live in the URL", async () => {
  const session = await openPage(env, { path: "?sample&preset=headline" });
  const { page } = session;
  await waitForResult(page);
  assert.equal((await summaryTexts(page)).length, 1);
  assert.equal(await page.getByRole("combobox", { name: "Measure" }).inputValue(), "headline");
  assert.equal(await page.getByRole("slider", { name: "Summary length" }).isVisible(), false);

  // Switching to sentences and moving the slider rewrites the URL without new history entries.
  const historyLength = await page.evaluate(() => history.length);
  await page.getByRole("combobox", { name: "Measure" }).selectOption("sentences");
  await waitForSummaryLength(page, 3);
  await page.getByRole("slider", { name: "Summary length" }).fill("6");
  await waitForSummaryLength(page, 6);
  assert.match(page.url(), /\?sample&sentences=6$/);
  assert.equal(await page.evaluate(() => history.length), historyLength);

  // Percent and words too; a bookmarked URL restores the setting.
  await page.getByRole("combobox", { name: "Measure" }).selectOption("percent");
  await page.getByRole("slider", { name: "Summary length" }).fill("40");
  await page.waitForFunction(() => /percent=40/.test(location.search));
  const percentCount = (await summaryTexts(page)).length;
  const sentenceCount = await page.evaluate(() => document.querySelectorAll("#source-text .source-sentence").length);
  assert.ok(Math.abs(percentCount - Math.round(sentenceCount * 0.4)) <= 2, `${percentCount} of ${sentenceCount}`);
  await page.goto(`${env.server.url}?sample&words=50`);
  await waitForResult(page);
  assert.equal(await page.getByRole("combobox", { name: "Measure" }).inputValue(), "words");
  assert.equal(await page.getByRole("slider", { name: "Summary length" }).inputValue(), "50");
  const words = (await summaryTexts(page)).join(" ").split(/\s+/).length;
  assert.ok(words <= 50 || (await summaryTexts(page)).length === 1, `${words} words for a 50-word budget`);
  // Nonsense in the URL falls back to the default.
  await page.goto(`${env.server.url}?preset=bogus&sentences=abc`);
  await page.waitForSelector("html[data-ready=true]");
  assert.equal(await page.getByRole("combobox", { name: "Measure" }).inputValue(), "sentences");
  assert.equal(await page.getByRole("slider", { name: "Summary length" }).inputValue(), "3");
  assertClean(session);
  await session.context.close();
});
