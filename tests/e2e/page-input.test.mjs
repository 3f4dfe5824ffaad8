// Input other than typing: files dropped on the textarea (.txt, .md, .html, via a synthetic
// DataTransfer drop), a pasted web page reduced to its article by the core, the sample.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ARTICLE } from "./helpers.mjs";
import { articleInput, assertClean, openPage, summaryTexts, useBrowser, waitForResult } from "./page-helpers.mjs";

const env = useBrowser();

/** A news page written for this test: navigation, a script, the article, a footer. */
const PAGE_HTML = `<!doctype html>
<html><head><title>Lakeside Gazette</title><script>window.__ran = true;</script>
<style>body { color: red }</style></head>
<body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/subscribe">Subscribe now for $1</a></nav>
<article>
<h1>Ferry service to Pine Island resumes after storm repairs</h1>
<p>The ferry between Lakeside and Pine Island resumed service on Thursday after repairs to the storm-damaged pier, which cost about $2.4 million and took 11 weeks.</p>
<p>The operator said the first crossing carried 340 passengers and 60 cars, and that timetables would return to normal within a week.</p>
<p>Islanders had relied on a small water taxi since the storm in February, when waves of up to 6 meters tore away part of the pier.</p>
<p>The county plans to raise the pier by 1.5 meters next year to protect it from future storms.</p>
</article>
<footer>Copyright Lakeside Gazette. All rights reserved. Privacy policy.</footer>
</body></html>`;

/** Drops a file on the textarea as the browser would, with a DataTransfer holding it. */
async function dropFile(page, name, type, content) {
  await page.evaluate(
    ({ name, type, content }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], name, { type }));
      const target = document.getElementById("article");
      const init = { dataTransfer: transfer, bubbles: true, cancelable: true };
      target.dispatchEvent(new DragEvent("dragenter", init));
      const over = new DragEvent("dragover", init);
      target.dispatchEvent(over);
      if (!over.defaultPrevented) throw new Error("dragover was not accepted");
      target.dispatchEvent(new DragEvent("drop", init));
    },
    { name, type, content },
  );
}

test("dropping a .txt file summarizes it", async () => {
  const session = await openPage(env);
  const { page } = session;
  await dropFile(page, "story.txt", "text/plain", ARTICLE);
  await waitForResult(page);
  assert.equal(await articleInput(page).inputValue(), ARTICLE);
  const sentences = await summaryTexts(page);
  assert.equal(sentences.length, 3);
  assert.ok(sentences.every((s) => ARTICLE.includes(s)));
  assert.match(await page.locator("#notice").textContent(), /story\.txt/);
  assertClean(session);
  await session.context.close();
});

test("dropping a .md file summarizes it; other files are refused", async () => {
  const session = await openPage(env);
  const { page } = session;
  const markdown = `# Harbor City plan\n\n${ARTICLE}`;
  await dropFile(page, "notes.md", "", markdown);
  await waitForResult(page);
  assert.equal(await articleInput(page).inputValue(), markdown);
  assert.equal((await summaryTexts(page)).length, 3);

  await dropFile(page, "photo.png", "image/png", "\x89PNG");
  await page.waitForFunction(() => /photo\.png is not/.test(document.getElementById("notice").textContent));
  assert.equal(await articleInput(page).inputValue(), markdown, "a refused file replaced the text");
  assertClean(session);
  await session.context.close();
});

test("a dropped .html page is reduced to its article by the core", async () => {
  const session = await openPage(env);
  const { page } = session;
  await dropFile(page, "ferry.html", "text/html", PAGE_HTML);
  await waitForResult(page);
  const text = await articleInput(page).inputValue();
  assert.ok(!text.includes("<"), `markup left in the text: ${text}`);
  assert.match(text, /The ferry between Lakeside and Pine Island resumed service/);
  assert.match(text, /raise the pier by 1\.5 meters/);
  for (const furniture of ["Subscribe now", "Copyright", "window.__ran", "color: red"]) {
    assert.ok(!text.includes(furniture), `page furniture kept: ${furniture}`);
  }
  assert.match(await page.locator("#notice").textContent(), /Ferry service to Pine Island resumes/);
  const sentences = await summaryTexts(page);
  assert.ok(sentences.length >= 1 && sentences.every((s) => text.includes(s)));
  const figures = await page.locator("#figures-table .figure-text").allTextContents();
  assert.ok(figures.includes("$2.4 million"), figures.join(", "));
  assert.equal(await page.evaluate(() => window.__ran), undefined);

  // The notice offers the raw HTML instead.
  await page.getByRole("button", { name: "Use the HTML as text" }).click();
  await waitForResult(page);
  assert.equal(await articleInput(page).inputValue(), PAGE_HTML);
  assertClean(session);
  await session.context.close();
});

test("pasted HTML source is reduced to its article", async () => {
  const session = await openPage(env);
  const { page } = session;
  await session.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.server.url });
  await page.evaluate((text) => navigator.clipboard.writeText(text), PAGE_HTML);
  await articleInput(page).focus();
  await page.keyboard.press("Control+V");
  await page.waitForFunction(() => !document.getElementById("article").value.includes("<"), undefined, { timeout: 15_000 });
  await waitForResult(page);
  const text = await articleInput(page).inputValue();
  assert.match(text, /^The ferry between Lakeside/);
  assert.ok(!text.includes("Subscribe"));
  assertClean(session);
  await session.context.close();
});

test("the sample article loads with one click", async () => {
  const session = await openPage(env);
  const { page } = session;
  await page.getByRole("button", { name: "Try a sample article" }).click();
  await waitForResult(page);
  const text = await articleInput(page).inputValue();
  const words = text.split(/\s+/).filter(Boolean).length;
  assert.ok(words > 900 && words < 1200, `sample has ${words} words`);
  assert.equal((await summaryTexts(page)).length, 3);
  assert.ok((await page.locator("#figures-table tbody tr").count()) > 20);
  assert.match(page.url(), /[?&]sample(&|$)/);
  // Editing the text makes it no longer the sample: the URL stops saying so.
  await articleInput(page).press("End");
  await articleInput(page).pressSequentially(" Extra.");
  await page.getByRole("combobox", { name: "Measure" }).selectOption("words");
  await page.waitForFunction(() => !/[?&]sample/.test(location.search));
  assertClean(session);
  await session.context.close();
});
