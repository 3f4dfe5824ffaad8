// The Web Worker that owns the WebAssembly module: the page's main thread never blocks on it.
//
// Protocol (structured-clone messages):
//   request  {id, text, options, op?}   op: "summarize" (default) | "segment" | "figures"
//   response {id, result} or {id, error}
// Responses carry the request's id so the page can drop stale ones. Until the wasm has
// loaded, requests wait for it; if it cannot load, every request gets that error.
import init, { summarize, segment, figures, defaultOptions } from "./pkg/nutshell.js";

const ready = init();

const operations = {
  summarize: (text, options) => summarize(text, options),
  segment: (text) => segment(text),
  figures: (text) => figures(text),
  defaultOptions: () => defaultOptions(),
};

self.addEventListener("message", async (event) => {
  const { id, text, options, op = "summarize" } = event.data ?? {};
  try {
    await ready;
    const operation = operations[op];
    if (!operation) throw new Error(`unknown operation ${JSON.stringify(op)}`);
    self.postMessage({ id, result: operation(text, options) });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
