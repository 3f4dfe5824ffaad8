// The Web Worker that owns the WebAssembly module: the page's main thread never blocks on it.
//
// Protocol (structured-clone messages):
//   request  {id, op, text, options}
//     op: "summarize" (default) | "prepare" | "segment" | "figures" | "defaultOptions"
//     "prepare": {html: looksLikeHtml(text), article: extractArticle(text) when html}
//   response {id, result} or {id, error, fatal?}; once loaded, {id: 0, loaded: {timing}}
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

// Start-up timing for the page (it marks it in its performance timeline): when this worker
// started, relative to its own time origin, and how long fetching + compiling the wasm took.
const initStarted = performance.now();
const ready = init().then(() => {
  self.postMessage({
    id: 0,
    loaded: { timeOrigin: performance.timeOrigin, initStarted, initEnded: performance.now() },
  });
});

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

self.addEventListener("message", async (event) => {
  const { id, text, options, op = "summarize" } = event.data ?? {};
  try {
    await ready;
    const operation = operations[op];
    if (!operation) throw new Error(`unknown operation ${JSON.stringify(op)}`);
    self.postMessage({ id, result: operation(text, options) });
  } catch (error) {
    self.postMessage({
      id,
      error: error instanceof Error ? error.message : String(error),
      fatal: error instanceof WebAssembly.RuntimeError,
    });
  }
});
