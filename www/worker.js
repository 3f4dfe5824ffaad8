// The Web Worker that owns the WebAssembly module: the page's main thread never blocks on it.
//
// The page loads this as www/pkg/worker.js: one file that `cargo xtask build` bundles from
// this one, options.js and the wasm-bindgen glue (pkg/nutshell.js), so that starting it takes
// one request, not three in a row.
//
// Start-up: the page compiles the wasm while this worker starts (boot.js) and sends the
// module. boot.js names the worker after the page's URL: with ?sample the worker fetches the
// sample itself and summarizes it with the URL's length setting (read by options.js, as the
// page reads it) as soon as the wasm is ready, without waiting for the page script. When the
// page then asks for exactly that text with exactly those options, it gets that result
// (nothing is computed twice; anything else is computed as usual).
//
// Protocol (structured-clone messages):
//   first  {op: "init", module}: the compiled WebAssembly.Module, or null to fetch and
//          compile it here
//   request  {id, op, text, options}
//     op: "summarize" (default) | "prepare" | "segment" | "figures" | "defaultOptions"
//     "prepare": {html: looksLikeHtml(text), article: extractArticle(text) when html}
//   response {id, result} or {id, error, fatal?} (plus `early: true` when it is the early
//   summary); once loaded, {id: 0, loaded: {timing}},
//   or {id: 0, failed: message} if the wasm cannot load
// Responses carry the request's id so the page can drop stale ones. Until the wasm has
// loaded, requests wait for it; if it cannot load, every request gets that error.
// A trap inside the wasm (WebAssembly.RuntimeError) leaves the instance in an unknown
// state, so that answer is marked `fatal`: the page then replaces this worker.
import init, {
  summarize,
  segment,
  figures,
  defaultOptions,
  extractArticle,
  looksLikeHtml,
} from "./pkg/nutshell.js";
import { lengthFromQuery, lengthOptions } from "./options.js";

let receiveModule;
const moduleReceived = new Promise((resolve) => {
  receiveModule = resolve;
});

// Start-up timing for the page (it marks it in its performance timeline): when this worker
// got the module, relative to its own time origin, and when the instance was ready.
const ready = moduleReceived.then(async (module) => {
  const initStarted = performance.now();
  await init(module ? { module_or_path: module } : undefined);
  self.postMessage({
    id: 0,
    loaded: { timeOrigin: performance.timeOrigin, initStarted, initEnded: performance.now() },
  });
});
ready.then(
  // After the messages already queued: a request that is here needs no warm-up.
  () => setTimeout(warmUp, 0),
  (error) => self.postMessage({ id: 0, failed: error instanceof Error ? error.message : String(error) }),
);

/**
 * The summary the page is about to ask for ({text, options, result}), or null. boot.js
 * names this worker after the page's URL; when that has ?sample, the worker fetches the
 * sample itself at once (not through the page, whose main thread is busy laying the page
 * out meanwhile) and summarizes it with the URL's length setting as soon as the wasm is
 * ready. Set to null once taken, or if the sample cannot be fetched (the page reports that).
 */
let early = null;
const page = pageUrl();
if (page?.searchParams.has("sample")) {
  const { mode, value } = lengthFromQuery(page.search);
  const options = lengthOptions(mode, value);
  const sample = fetch(new URL("sample.txt", page)).then((response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.text();
  });
  early = { options: JSON.stringify(options), text: sample, result: null };
  early.result = Promise.all([sample, ready]).then(([text]) => {
    early.text = text;
    return run("summarize", text, options);
  });
  early.result.catch(() => {
    early = null;
  });
}

/** The page's URL, when the page named this worker after it (boot.js does). */
function pageUrl() {
  try {
    return self.name ? new URL(self.name) : null;
  } catch {
    return null;
  }
}

/**
 * The early answer ({result} or {error, fatal}) if this request is exactly the one it
 * answers (taken once), else null. Waits for the early sample to arrive (the page's own copy
 * of it can come first).
 */
async function takeEarly(op, text, options) {
  if (!early || op !== "summarize" || early.options !== JSON.stringify(options)) return null;
  const taken = early;
  const sample = await Promise.resolve(taken.text).catch(() => null);
  if (early !== taken || sample !== text) return null;
  early = null;
  return taken.result;
}

const operations = {
  summarize: (text, options) => slim(summarize(text, options)),
  prepare: (text) => {
    const html = looksLikeHtml(text);
    return { html, article: html ? extractArticle(text) : null };
  },
  segment: (text) => segment(text),
  figures: (text) => figures(text),
  defaultOptions: () => defaultOptions(),
};

/**
 * The page draws every sentence from its offsets and explains only the chosen ones (which
 * `summary` holds in full), so the other sentences travel without their text and score
 * parts: on a megabyte of text that halves what the main thread has to copy in.
 */
function slim(result) {
  for (const sentence of result.sentences) {
    if (sentence.selected) continue;
    delete sentence.text;
    delete sentence.parts;
  }
  return result;
}

let requests = 0;

/**
 * The engine compiles each wasm function on its first call (and optimises it later), so
 * the first summary pays ~20–50 ms of compilation. When no request is waiting yet, pay
 * that on a short text of our own now, so the person's first summary runs on compiled
 * code. (When one is waiting, warming up first measured slower: the warm-up's own run on
 * unoptimised code comes on top.)
 */
function warmUp() {
  if (requests > 0 || early) return;
  try {
    summarize(
      "The city council approved $12 million for road repairs on Tuesday, officials said. " +
        "About 40% of the streets, some 85 kilometers, will be repaved by March 2027. " +
        "“It is overdue,” said Mayor Ana Ruiz, who promised crews would work six days a week.",
      { sentences: 2 },
    );
  } catch {
    // Only a warm-up: a real request reports its own errors.
  }
}

/** Runs one operation: {result} or {error, fatal}. */
function run(op, text, options) {
  try {
    const operation = operations[op];
    if (!operation) throw new Error(`unknown operation ${JSON.stringify(op)}`);
    return { result: operation(text, options) };
  } catch (error) {
    return {
      error: error instanceof Error ? error.message : String(error),
      fatal: error instanceof WebAssembly.RuntimeError,
    };
  }
}

self.addEventListener("message", async (event) => {
  const { id, text, options, op = "summarize", module } = event.data ?? {};
  if (op === "init") {
    receiveModule(module ?? null);
    return;
  }
  requests += 1;
  try {
    await ready;
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error), fatal: false });
    return;
  }
  const early = await takeEarly(op, text, options);
  const answer = early ? { ...early, early: true } : run(op, text, options);
  self.postMessage({ id, ...answer });
});
