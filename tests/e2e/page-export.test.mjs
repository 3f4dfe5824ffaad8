// Export: copy the summary as plain text and as Markdown (read back from the clipboard),
// download summary + figures as JSON and as Markdown (read back from the download).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { ARTICLE } from "./helpers.mjs";
import { articleInput, assertClean, figureRows, openPage, summaryTexts, useBrowser, waitForResult } from "./page-helpers.mjs";

const env = useBrowser();

async function openWithArticle() {
  const session = await openPage(env, { contextOptions: { acceptDownloads: true } });
  await session.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.server.url });
  await articleInput(session.page).fill(ARTICLE);
  await waitForResult(session.page);
  return session;
}

const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

async function downloaded(page, buttonName) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: buttonName }).click(),
  ]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), "utf8") };
}

test("copies the summary as plain text and as Markdown", async () => {
  const session = await openWithArticle();
  const { page } = session;
  const sentences = await summaryTexts(page);

  await page.getByRole("button", { name: "Copy text" }).click();
  await page.waitForFunction(() => /Copied/.test(document.getElementById("status").textContent));
  assert.equal(await clipboard(page), sentences.map((s) => s.trim()).join(" "));

  await page.getByRole("button", { name: "Copy Markdown" }).click();
  await page.waitForFunction(() => /Markdown/.test(document.getElementById("status").textContent));
  const markdown = await clipboard(page);
  const lines = markdown.trimEnd().split("\n");
  assert.equal(lines.length, sentences.length);
  assert.ok(lines.every((line) => line.startsWith("- ")), markdown);
  // These sentences have nothing Markdown would read as formatting: they survive as written.
  assert.deepEqual(lines.map((line) => line.slice(2)), sentences.map((s) => s.trim()));
  assertClean(session);
  await session.context.close();
});

test("downloads summary and figures as JSON", async () => {
  const session = await openWithArticle();
  const { page } = session;
  const { name, text } = await downloaded(page, "Download JSON");
  assert.equal(name, "nutshell-summary.json");
  const json = JSON.parse(text);
  assert.equal(json.generator, "nutshell");
  assert.equal(json.offset_unit, "utf16");
  assert.deepEqual(json.options, { sentences: 3 });
  assert.deepEqual(json.summary.map((s) => s.text), await summaryTexts(page));
  for (const s of json.summary) {
    assert.equal(ARTICLE.slice(s.start, s.end), s.text);
    assert.equal(typeof s.parts.position, "number");
  }
  const rows = await figureRows(page);
  assert.deepEqual(json.facts.map((f) => f.text), rows.map((r) => r.text));
  const money = json.facts.find((f) => f.text === "$800 billion");
  assert.deepEqual([money.kind, money.value, money.unit], ["money", 800e9, "USD"]);
  for (const f of json.facts) assert.equal(ARTICLE.slice(f.start, f.end), f.text);
  assert.ok(json.keyphrases.length > 0 && json.keyphrases.every((k) => k.weight > 0));
  assert.equal(json.stats.sentences > 0, true);
  assertClean(session);
  await session.context.close();
});

test("downloads summary and figures as Markdown", async () => {
  const session = await openWithArticle();
  const { page } = session;
  await page.getByRole("combobox", { name: "Measure" }).selectOption("headline");
  await page.waitForFunction(() => document.querySelectorAll("#summary-list .summary-text").length === 1);
  const { name, text } = await downloaded(page, "Download Markdown");
  assert.equal(name, "nutshell-summary.md");
  const [summaryPart, rest] = text.split("## Key figures");
  assert.match(summaryPart, /^# Summary\n\n- /);
  assert.equal(summaryPart.trim().split("\n").filter((l) => l.startsWith("- ")).length, 1);
  const [figurePart, keyphrasePart] = rest.split("## Keyphrases");
  const tableRows = figurePart.trim().split("\n").filter((l) => l.startsWith("| "));
  const rows = await figureRows(page);
  assert.equal(tableRows.length, rows.length + 1, "one header row and one row per figure");
  assert.ok(tableRows.some((l) => l === "| 1 | $800 billion | money | 800,000,000,000 USD |  |  |" || l.startsWith("| 1 | $800 billion | money | 800,000,000,000 USD |")), figurePart);
  assert.match(keyphrasePart, /\n- .+ \(\d\.\d\d\)\n/);
  assertClean(session);
  await session.context.close();
});
