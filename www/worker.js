// The Web Worker that owns the WebAssembly module: the page's main thread never blocks on it.
//
// The page loads this as www/pkg/worker.js: one file that `cargo xtask build` bundles from
// this one, options.js and the wasm-bindgen glue (pkg/nutshell.js), so that starting it takes
// one request, not three in a row.
//
// Start-up: the page compiles the wasm while this worker starts (boot.js) and sends the
// module. With ?sample, boot.js also sends the sample and the page's URL query at once, and
// the worker summarizes it with the query's length setting (read by options.js, as the page
// reads it) as soon as the wasm is ready, without waiting for the page script. When the
// page then asks for exactly that text with exactly those options, it gets that result
// (nothing is computed twice; anything else is computed as usual).
//
// Protocol (structured-clone messages):
//   first  {op: "init", module}: the compiled WebAssembly.Module, or null to fetch and
//          compile it here
//   early  {op: "early", text, query}: summarize `text` with the options that the URL query
//          `query` states; no answer of its own (see above)
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
 * The summary the page is about to ask for ({text, options, result}): boot.js sends the
 * sample and the page's URL query ("early") as soon as it has them, long before the page
 * script runs, and it is summarized as soon as the wasm is ready. Null when there is none
 * (or it has been taken).
 */
let early = null;

function startEarly(text, query) {
  const { mode, value } = lengthFromQuery(query);
  const options = lengthOptions(mode, value);
  const result = ready.then(() => run("summarize", text, options));
  // If the wasm cannot load, the page's own request reports that.
  result.catch(() => {});
  early = { text, options: JSON.stringify(options), result };
}

/** The early answer if this request is exactly the one it answers (taken once), else null. */
function takeEarly(op, text, options) {
  if (!early || op !== "summarize" || early.text !== text || early.options !== JSON.stringify(options)) return null;
  const { result } = early;
  early = null;
  return result;
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
  if (op === "early") {
    startEarly(text, event.data.query ?? "");
    return;
  }
  requests += 1;
  try {
    await ready;
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error), fatal: false });
    return;
  }
  const taken = takeEarly(op, text, options);
  const answer = taken ? { ...(await taken), early: true } : run(op, text, options);
  self.postMessage({ id, ...answer });
});
