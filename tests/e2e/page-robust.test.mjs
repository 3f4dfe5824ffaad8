// Robustness and security of the page: a 1 MB paste gets a result while the page stays
// usable; a worker that dies (a wasm trap, or an error thrown at the worker's top level) is
// replaced and the user's text is kept; no HTML sink anywhere in www/ outside www/pkg/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { ROOT } from "./helpers.mjs";
import { articleInput, assertClean, openPage, summaryTexts, useBrowser, waitForResult, waitForSummaryLength } from "./page-helpers.mjs";

const env = useBrowser();

/** About `bytes` of news-like prose written for this test, every sentence different. */
function bigArticle(bytes) {
  const places = ["Ashford", "Brennan Bay", "Calder", "Dunmore", "Elsworth", "Fairhaven", "Glenrock"];
  const paragraphs = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const place = places[i % places.length];
    const paragraph =
      `Officials in ${place} said on Tuesday that spending on road repairs in district ${i} would rise by ${(i % 40) + 2}% next year. ` +
      `The council approved $${(i % 90) + 10} million for the work, which will cover about ${(i * 7) % 300 + 20} kilometers of streets. ` +
      `Residents of block ${i} told reporters that the potholes had damaged ${(i % 12) + 3} cars since March ${2000 + (i % 25)}. ` +
      `A spokesperson for ${place} promised that crews would work ${(i % 5) + 6} days a week until the job was finished.`;
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  return paragraphs.join("\n\n");
}

test("a 1 MB paste shows a result and the page stays usable meanwhile", async (t) => {
  const session = await openPage(env);
  const { page } = session;
  const text = bigArticle(1024 * 1024);
  await session.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.server.url });
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
    }).observe({ type: "longtask", buffered: false });
  });
  await page.evaluate((text) => navigator.clipboard.writeText(text), text);
  const started = Date.now();
  await articleInput(page).focus();
  await page.keyboard.press("Control+V");
  // While the worker works on the megabyte, the page answers and typing goes in.
  await page.keyboard.press("Control+End");
  await page.keyboard.insertText("\n\nThe mayor of Ashford resigned on Friday.");
  assert.ok((await articleInput(page).inputValue()).endsWith("resigned on Friday."));
  await waitForResult(page);
  const elapsed = Date.now() - started;
  const value = await articleInput(page).inputValue();
  assert.equal(value.length, text.length + "\n\nThe mayor of Ashford resigned on Friday.".length);
  // The drawn result is the newest text's (stale answers were dropped).
  assert.equal(await page.locator("#source-text").evaluate((node) => node.textContent.length), value.length);
  assert.equal((await summaryTexts(page)).length, 3);
  const status = await page.locator("#status").textContent();
  assert.match(status, /[\d,]+ sentences/);
  // The figures table is capped, with a way to show everything.
  assert.equal(await page.locator("#figures-table tbody tr").count(), 300);
  assert.match(await page.locator("#figures-more").textContent(), /Showing 300 of \d+ figures/);
  const longest = await page.evaluate(() => window.__longest);
  const render = await page.evaluate(() => performance.getEntriesByName("nutshell:render").at(-1).duration);
  t.diagnostic(
    `1 MB paste: result drawn after ${elapsed} ms; drawing it took ${render.toFixed(0)} ms; ` +
      `longest main-thread task ${longest.toFixed(0)} ms; ${status}`,
  );
  assertClean(session);
  await session.context.close();
});

const ORIGINAL_WORKER = readFileSync(join(ROOT, "www", "worker.js"), "utf8");

/** worker.js with a message listener that throws at the top level for text with `marker`. */
const crashingWorker = (marker) => `
const addListener = self.addEventListener.bind(self);
self.addEventListener = (type, listener, options) =>
  addListener(type, type !== "message" ? listener : (event) => {
    if (String(event.data?.text).includes(${JSON.stringify(marker)})) throw new Error("simulated crash");
    return listener(event);
  }, options);
${ORIGINAL_WORKER}`;

/** The wasm glue with a summarize that traps (as a wasm `unreachable` would) on `marker`. */
function trappingGlue(marker) {
  const glue = readFileSync(join(ROOT, "www", "pkg", "nutshell.js"), "utf8");
  assert.match(glue, /export function summarize\(/);
  return (
    glue.replace("export function summarize(", "function realSummarize(") +
    `\nexport function summarize(text, options) {
  if (String(text).includes(${JSON.stringify(marker)})) throw new WebAssembly.RuntimeError("unreachable executed");
  return realSummarize(text, options);
}\n`
  );
}

for (const kind of ["a wasm trap", "an error at the worker's top level"]) {
  test(`after ${kind} the worker is replaced and the text kept`, async () => {
    const marker = "Zanzibar-Quokka";
    const session = await openPage(env, { wait: false, contextOptions: { serviceWorkers: "block" } });
    const { page, context } = session;
    const workers = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    if (kind === "a wasm trap") {
      const body = trappingGlue(marker);
      await context.route("**/pkg/nutshell.js", (route) => route.fulfill({ status: 200, contentType: "text/javascript", body }));
    } else {
      const body = crashingWorker(marker);
      await context.route("**/worker.js", (route) => route.fulfill({ status: 200, contentType: "text/javascript", body }));
    }
    await page.goto(env.server.url);
    await page.waitForSelector("html[data-ready=true]", { timeout: 30_000 });

    const input = articleInput(page);
    await input.fill("The library opened a new wing on Monday. It holds 40,000 books. Visitors praised the reading room.");
    await waitForSummaryLength(page, 3);
    const hostile = `The ${marker} festival drew 5,000 visitors on Saturday. Organisers said it would return next year.`;
    await input.fill(hostile);
    await page.waitForFunction(() => /stopped on this text and was restarted/.test(document.getElementById("status").textContent), undefined, { timeout: 20_000 });
    assert.equal(await input.inputValue(), hostile, "the text was lost");
    // One replacement, one retry, a second replacement: three workers in all.
    for (let i = 0; i < 50 && workers.length < 3; i++) await page.waitForTimeout(100);
    assert.equal(workers.length, 3, `workers started: ${workers.length}`);

    // Editing the text summarizes again, in the fresh worker.
    await input.fill("The festival drew 5,000 visitors on Saturday. Organisers said it would return next year.");
    await waitForResult(page);
    assert.equal((await summaryTexts(page)).length, 2);
    assert.equal(await page.locator("#status").evaluate((node) => node.classList.contains("is-error")), false);
    assertClean(session);
    await context.close();
  });
}

// ---------------------------------------------------------------------------------------
// No HTML sinks: article text must only ever reach the DOM as text.

const SINKS = [
  [/\binnerHTML\b/, "innerHTML"],
  [/\bouterHTML\s*=[^=]/, "outerHTML assignment"],
  [/\binsertAdjacentHTML\b/, "insertAdjacentHTML"],
  [/\bdocument\s*\.\s*write(ln)?\b/, "document.write"],
  [/\bDOMParser\b/, "DOMParser"],
  [/\bcreateContextualFragment\b/, "createContextualFragment"],
  [/\b(set|parse)HTMLUnsafe\b/, "setHTMLUnsafe/parseHTMLUnsafe"],
  [/\bsrcdoc\b/, "srcdoc"],
  [/\beval\s*\(/, "eval"],
  [/\bnew\s+Function\s*\(/, "new Function"],
  [/\bset(Timeout|Interval)\s*\(\s*["'`]/, "string timer"],
  [/javascript:/i, "javascript: URL"],
  [/\.setAttribute\(\s*["'`](on\w+|style|srcdoc)["'`]/, "event-handler/style attribute"],
];

/** HTML: no inline script, no inline handler, no inline style. */
const HTML_SINKS = [
  [/<script(?![^>]*\bsrc=)[^>]*>/i, "inline <script>"],
  [/\son[a-z]+\s*=/i, "inline event handler"],
  [/\sstyle\s*=/i, "style attribute"],
];

/** Lines of `source` that contain a sink, ignoring // comments. */
export function findSinks(source, rules) {
  const found = [];
  source.split("\n").forEach((line, i) => {
    const code = line.replace(/(^|\s)\/\/.*$/, "");
    for (const [pattern, name] of rules) if (pattern.test(code)) found.push(`${i + 1}: ${name}: ${line.trim()}`);
  });
  return found;
}

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "pkg" && dir === join(ROOT, "www") ? [] : filesUnder(path);
    return [path];
  });
}

test("the sink check catches each kind of sink", () => {
  assert.deepEqual(findSinks("const a = 1;\nnode.textContent = text;", SINKS), []);
  for (const line of [
    "node.innerHTML = text;",
    "el.outerHTML = '<b>' + x;",
    "node.insertAdjacentHTML('beforeend', text)",
    "document.write(text)",
    "new DOMParser().parseFromString(html, 'text/html')",
    "range.createContextualFragment(text)",
    "el.setHTMLUnsafe(x)",
    "frame.srcdoc = text",
    "eval(code)",
    "new Function('return 1')",
    "setTimeout('alert(1)', 10)",
    "a.href = 'javascript:void 0'",
    "img.setAttribute('onerror', code)",
  ]) {
    assert.equal(findSinks(line, SINKS).length, 1, line);
  }
  assert.equal(findSinks('<div onclick="x()">', HTML_SINKS).length, 1);
  assert.equal(findSinks("<script>alert(1)</script>", HTML_SINKS).length, 1);
  assert.deepEqual(findSinks('<script type="module" src="main.js"></script>', HTML_SINKS), []);
  // Reading outerHTML (the extension does, to hand a page to the core) is not a sink.
  assert.deepEqual(findSinks("func: () => document.documentElement.outerHTML,", SINKS), []);
});

test("no HTML sink in www/ outside www/pkg/", () => {
  const files = filesUnder(join(ROOT, "www")).filter((path) => /\.(m?js|html?)$/.test(path));
  assert.ok(files.some((f) => f.endsWith("main.js")) && files.some((f) => f.endsWith("worker.js")) && files.some((f) => f.endsWith("sw.js")));
  const found = [];
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    const rules = /\.html?$/.test(file) ? HTML_SINKS : SINKS;
    for (const hit of findSinks(source, rules)) found.push(`${relative(ROOT, file)}:${hit}`);
  }
  assert.deepEqual(found, []);
});
