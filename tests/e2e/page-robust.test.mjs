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
  // Every main-thread task over 50 ms; when the textarea had taken the paste (the frame after
  // the paste event); and in how many separate tasks the source view grew.
  await page.evaluate(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: "longtask", buffered: false });
    addEventListener("paste", () => {
      window.__pasteStart = performance.now();
      requestAnimationFrame(() => setTimeout(() => (window.__pasteTaken = performance.now()), 0));
    }, true);
    window.__sourceBatches = 0;
    new MutationObserver(() => window.__sourceBatches++).observe(document.getElementById("source-text"), { childList: true, subtree: true });
  });
  await page.evaluate((text) => navigator.clipboard.writeText(text), text);
  const started = Date.now();
  await articleInput(page).focus();
  await page.keyboard.press("Control+V");
  // While the worker works on the megabyte, the page answers and typing goes in.
  const typingStart = await page.evaluate(() => performance.now());
  await page.keyboard.press("Control+End");
  await page.keyboard.insertText("\n\nThe mayor of Ashford resigned on Friday.");
  assert.ok((await articleInput(page).inputValue()).endsWith("resigned on Friday."));
  const typed = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0))));
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
  const timing = await page.evaluate(() => ({
    tasks: window.__tasks,
    pasteStart: window.__pasteStart,
    pasteTaken: window.__pasteTaken,
    batches: window.__sourceBatches,
    drawing: performance.getEntriesByName("nutshell:render-complete").at(-1).duration,
    summary: performance.getEntriesByName("nutshell:render").at(-1).duration,
  }));
  const longest = (tasks) => tasks.reduce((max, task) => Math.max(max, task.duration), 0);
  // Three phases: the paste (the browser lays out a megabyte in the textarea), typing at its
  // end (laid out again), and the rest: the result arriving and being drawn.
  const during = (from, to) => timing.tasks.filter((task) => task.start >= from && task.start < to);
  const pasting = during(0, typingStart);
  const typing = during(typingStart, typed);
  const drawing = during(typed, Infinity);
  // The source view of a megabyte was built in many slices, not in one blocking task.
  assert.ok(timing.batches >= 10, `the source view grew in ${timing.batches} tasks`);
  // A generous sanity bound (drawing everything in one task took several hundred ms), not a benchmark.
  assert.ok(longest(drawing) < 1000, `a ${longest(drawing).toFixed(0)} ms task while the result was drawn`);
  const list = (tasks) => tasks.map((task) => task.duration.toFixed(0)).join("+") || "none";
  t.diagnostic(
    `1 MB paste: result drawn after ${elapsed} ms; summary drawn in ${timing.summary.toFixed(0)} ms, ` +
      `figures and source in ${timing.drawing.toFixed(0)} ms over ${timing.batches} tasks; ` +
      `longest main-thread task ${longest(timing.tasks).toFixed(0)} ms; long tasks (ms) during the paste ${list(pasting)} ` +
      `(the textarea took the text after ${(timing.pasteTaken - timing.pasteStart).toFixed(0)} ms), while typing ` +
      `at its end ${list(typing)}, after that (result arriving and drawn) ${list(drawing)}; ${status}`,
  );
  assertClean(session);
  await session.context.close();
});

/** The worker as the page loads it: www/worker.js bundled with the glue (`cargo xtask build`). */
const ORIGINAL_WORKER = readFileSync(join(ROOT, "www", "pkg", "worker.js"), "utf8");

/** worker.js with a message listener that throws at the top level for text with `marker`. */
const crashingWorker = (marker) => `
const addListener = self.addEventListener.bind(self);
self.addEventListener = (type, listener, options) =>
  addListener(type, type !== "message" ? listener : (event) => {
    if (String(event.data?.text).includes(${JSON.stringify(marker)})) throw new Error("simulated crash");
    return listener(event);
  }, options);
${ORIGINAL_WORKER}`;

/** The worker with the glue's summarize trapping (as a wasm `unreachable` would) on `marker`. */
function trappingWorker(marker) {
  const declaration = "function summarize(text, options) {";
  assert.ok(ORIGINAL_WORKER.includes(declaration));
  return ORIGINAL_WORKER.replace(
    declaration,
    `function summarize(text, options) {
  if (String(text).includes(${JSON.stringify(marker)})) throw new WebAssembly.RuntimeError("unreachable executed");
  return realSummarize(text, options);
}
function realSummarize(text, options) {`,
  );
}

for (const kind of ["a wasm trap", "an error at the worker's top level"]) {
  test(`after ${kind} the worker is replaced and the text kept`, async () => {
    const marker = "Zanzibar-Quokka";
    const session = await openPage(env, { wait: false, contextOptions: { serviceWorkers: "block" } });
    const { page, context } = session;
    const workers = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    const body = kind === "a wasm trap" ? trappingWorker(marker) : crashingWorker(marker);
    await context.route("**/pkg/worker.js", (route) => route.fulfill({ status: 200, contentType: "text/javascript", body }));
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

/** worker.js whose message listener never returns (a busy loop) for text with `marker`. */
const hangingWorker = (marker) => `
const addListener = self.addEventListener.bind(self);
self.addEventListener = (type, listener, options) =>
  addListener(type, type !== "message" ? listener : (event) => {
    if (String(event.data?.text).includes(${JSON.stringify(marker)})) for (;;);
    return listener(event);
  }, options);
${ORIGINAL_WORKER}`;

/** main.js with the watchdog's base time cut to `ms` (production waits 15 s). */
function impatientMain(ms) {
  const main = readFileSync(join(ROOT, "www", "main.js"), "utf8");
  const pattern = /const WATCHDOG_BASE_MS = [\d_]+;/;
  assert.match(main, pattern);
  return main.replace(pattern, `const WATCHDOG_BASE_MS = ${ms};`);
}

test("a worker that stops answering is replaced by the watchdog; the page stays usable", async () => {
  const marker = "Xylophone-Narwhal";
  const session = await openPage(env, { wait: false, contextOptions: { serviceWorkers: "block" } });
  const { page, context } = session;
  const workers = [];
  page.on("worker", (worker) => workers.push(worker.url()));
  const worker = hangingWorker(marker);
  const main = impatientMain(1500);
  await context.route("**/pkg/worker.js", (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: worker }));
  await context.route("**/main.js", (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: main }));
  await page.goto(env.server.url);
  await page.waitForSelector("html[data-ready=true]", { timeout: 30_000 });

  const input = articleInput(page);
  await input.fill("The bridge reopened on Monday after repairs. It carries 12,000 cars a day. Drivers welcomed the news.");
  await waitForSummaryLength(page, 3);
  const stuck = `The ${marker} exhibit opened on Sunday with 300 visitors. Curators said it would stay until May.`;
  await input.fill(stuck);
  // Nothing answers, so after the watchdog's time the worker is replaced and the page says so.
  await page.waitForFunction(() => /stopped answering/.test(document.getElementById("status").textContent), undefined, { timeout: 20_000 });
  const status = await page.locator("#status").textContent();
  assert.match(status, /did not answer within 2 s\) and was restarted\. Your text is kept/);
  assert.equal(await page.locator("#status").evaluate((node) => node.classList.contains("is-error")), true);
  assert.equal(await page.locator("#notice").isVisible(), true);
  assert.match(await page.locator("#notice").textContent(), /stopped answering/);
  assert.equal(await input.inputValue(), stuck, "the text was lost");
  // The same text is not sent again (it would hang again): one replacement, two workers.
  for (let i = 0; i < 20 && workers.length < 2; i++) await page.waitForTimeout(100);
  await page.waitForTimeout(500);
  assert.equal(workers.length, 2, `workers started: ${workers.length}`);
  // The old result is still shown, and the page still works: an edit summarizes in the new worker.
  assert.equal((await summaryTexts(page)).length, 3);
  await input.fill("The exhibit opened on Sunday with 300 visitors. Curators said it would stay until May.");
  await waitForResult(page);
  assert.equal((await summaryTexts(page)).length, 2);
  assert.equal(await page.locator("#status").evaluate((node) => node.classList.contains("is-error")), false);
  assert.equal(await page.locator("#notice").isVisible(), false, "the watchdog's notice outlived a good result");
  assertClean(session);
  await context.close();
});

test("without boot.js (the early start) the page starts its worker itself and works", async () => {
  const session = await openPage(env, { wait: false, contextOptions: { serviceWorkers: "block" } });
  const { page, context } = session;
  const workers = [];
  page.on("worker", (worker) => workers.push(worker.url()));
  await context.route("**/boot.js", (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: "// nothing\n" }));
  await page.goto(`${env.server.url}?sample`);
  await page.waitForSelector("html[data-ready=true]", { timeout: 30_000 });
  await waitForResult(page);
  assert.equal(await page.evaluate(() => self.nutshellBoot), undefined);
  assert.ok((await articleInput(page).inputValue()).startsWith("Valley Line"));
  assert.equal((await summaryTexts(page)).length, 3);
  assert.equal(workers.length, 1);
  assertClean(session);
  await context.close();
});

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
