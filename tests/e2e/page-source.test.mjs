// The evidence: why each summary sentence was chosen, the source view with highlights and
// figure marks, click-to-scroll from a summary sentence or a figure, the sortable figures
// table, keyphrases with weights. Uses the page's own sample article (?sample).
import { test } from "node:test";
import assert from "node:assert/strict";
import { articleInput, assertClean, figureRows, openPage, summaryTexts, useBrowser, waitForResult } from "./page-helpers.mjs";

const env = useBrowser();

async function openSample(options = {}) {
  const session = await openPage(env, { path: "?sample", viewport: { width: 1280, height: 800 }, ...options });
  await waitForResult(session.page);
  return session;
}

/** Whether the element is inside the visible part of the source view and of the window. */
function isShown(selector) {
  return (selector) => {
    const target = document.querySelector(selector);
    const box = document.getElementById("source-text").getBoundingClientRect();
    const r = target.getBoundingClientRect();
    return r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.top >= 0 && r.bottom <= innerHeight;
  };
}

test("each summary sentence says why it was chosen", async () => {
  const session = await openSample();
  const { page } = session;
  const summary = page.getByRole("region", { name: "Summary" });
  const toggles = summary.getByText("Why this sentence?");
  assert.equal(await toggles.count(), 3);
  await toggles.first().click();
  const table = summary.locator(".why-table").first();
  await table.waitFor();
  const rows = await table.locator("tr").evaluateAll((trs) =>
    trs.map((tr) => [tr.cells[0].textContent, Number(tr.cells[1].textContent)]),
  );
  const names = rows.map(([name]) => name);
  for (const name of ["Position", "Coverage", "Figures", "Redundancy", "Score"]) {
    assert.ok(names.includes(name), `no ${name} in ${names}`);
  }
  for (const [name, value] of rows) {
    assert.ok(Number.isFinite(value), `${name}: ${value}`);
    if (name !== "Score") assert.ok(value >= -1 && value <= 1, `${name}: ${value} outside [-1, 1]`);
  }
  // Each sentence has its own explanation.
  await toggles.last().click();
  const scores = await summary.locator(".why-total .why-value").allTextContents();
  assert.equal(scores.length, 3);
  assert.ok(new Set(scores).size > 1, `all scores equal: ${scores}`);
  assertClean(session);
  await session.context.close();
});

test("the source view highlights the summary and marks every figure", async () => {
  const session = await openSample();
  const { page } = session;
  const text = await articleInput(page).inputValue();
  const source = page.getByRole("region", { name: "Source" });
  assert.equal(await source.locator("#source-text").textContent(), text);
  const marked = await source.locator("#source-text mark.source-sentence").allTextContents();
  assert.deepEqual(marked, await summaryTexts(page));
  const figureMarks = await source.locator("#source-text .figure-mark").count();
  const figures = await figureRows(page);
  assert.equal(figureMarks, figures.length, "not every figure is marked in the source");
  assertClean(session);
  await session.context.close();
});

test("clicking a summary sentence or a figure scrolls to it and flashes it", async () => {
  const session = await openSample({ contextOptions: { reducedMotion: "reduce" } });
  const { page } = session;
  // The last summary sentence is far down the article: out of the source view at first.
  const last = page.locator("#summary-list .summary-text").last();
  const target = `#${await last.getAttribute("data-target")}`;
  await page.locator("#source-text").evaluate((node) => (node.scrollTop = 0));
  await last.click();
  await page.waitForFunction(isShown(target), target);
  assert.ok(await page.locator(target).evaluate((node) => node.classList.contains("flash")));
  assert.equal(await page.locator(target).textContent(), await last.textContent());
  assert.equal(await page.evaluate(() => document.activeElement.id), target.slice(1), "focus did not follow");

  // A figure near the end of the article, from the table.
  const figure = page.locator("#figures-table .figure-jump").last();
  const figureTarget = `#${await figure.getAttribute("data-target")}`;
  await page.locator("#source-text").evaluate((node) => (node.scrollTop = 0));
  await figure.click();
  await page.waitForFunction(isShown(figureTarget), figureTarget);
  assert.ok(await page.locator(figureTarget).evaluate((node) => node.classList.contains("flash")));
  assert.equal(await page.locator(figureTarget).textContent(), await figure.textContent());

  // By keyboard: Enter on a focused summary sentence does the same.
  const first = page.locator("#summary-list .summary-text").first();
  const firstTarget = `#${await first.getAttribute("data-target")}`;
  await page.locator("#source-text").evaluate((node) => (node.scrollTop = node.scrollHeight));
  await first.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(isShown(firstTarget), firstTarget);
  assertClean(session);
  await session.context.close();
});

test("the figures table sorts by kind and by order in the text", async () => {
  const session = await openSample();
  const { page } = session;
  const inOrder = await figureRows(page);
  assert.ok(inOrder.length > 20);
  assert.deepEqual(inOrder.map((r) => r.order), inOrder.map((_, i) => i + 1));
  // Values with units and currencies, qualifiers and what is counted, from the sample.
  const row = (text) => inOrder.find((r) => r.text === text) ?? assert.fail(`no ${text}: ${inOrder.map((r) => r.text)}`);
  assert.equal(row("$4.2 billion").value, "4,200,000,000 USD");
  assert.equal(row("$4.2 billion").kind, "money");
  assert.equal(row("160 km/h").kind, "measure");
  assert.ok(inOrder.some((r) => r.qualifier === "approximate"), "no approximate figure");
  assert.ok(inOrder.some((r) => r.qualifier.includes("at least") || r.qualifier.includes("at most")), "no bound");
  assert.ok(inOrder.some((r) => r.counted !== ""), "no figure says what it counts");

  const region = page.getByRole("region", { name: "Key figures" });
  await region.getByRole("button", { name: "Kind" }).click();
  const byKind = await figureRows(page);
  const kinds = byKind.map((r) => r.kind);
  assert.deepEqual(kinds, [...kinds].sort((a, b) => a.localeCompare(b)), "not sorted by kind");
  for (let i = 1; i < byKind.length; i++) {
    if (byKind[i].kind === byKind[i - 1].kind) assert.ok(byKind[i].order > byKind[i - 1].order, "kind groups not in text order");
  }
  assert.notDeepEqual(byKind.map((r) => r.order), inOrder.map((r) => r.order));
  assert.equal(await region.locator("th", { has: page.getByRole("button", { name: "Kind" }) }).getAttribute("aria-sort"), "ascending");

  await region.getByRole("button", { name: "#" }).click();
  assert.deepEqual(await figureRows(page), inOrder);
  assertClean(session);
  await session.context.close();
});

test("keyphrases come with their weights", async () => {
  const session = await openSample();
  const { page } = session;
  const items = page.getByRole("region", { name: "Keyphrases" }).getByRole("listitem");
  const phrases = await items.evaluateAll((lis) =>
    lis.map((li) => ({ text: li.querySelector(".keyphrase-text").textContent, weight: Number(li.querySelector(".keyphrase-weight").textContent) })),
  );
  assert.ok(phrases.length >= 5, JSON.stringify(phrases));
  for (const { text, weight } of phrases) {
    assert.ok(weight > 0, `${text}: ${weight}`);
    assert.ok((await articleInput(page).inputValue()).toLowerCase().includes(text.toLowerCase().split(" ")[0]), text);
  }
  const weights = phrases.map((p) => p.weight);
  assert.deepEqual(weights, [...weights].sort((a, b) => b - a), "keyphrases not by weight");
  assert.ok(phrases.some((p) => /tunnel/i.test(p.text)), JSON.stringify(phrases));
  assertClean(session);
  await session.context.close();
});
