// Runs nutshell off the main thread: `const s = createSummarizer(); await s.summarize(text)`.
// Each call returns a promise; errors from the core reject it with an Error.
export function createSummarizer(workerUrl = new URL("./worker.js", import.meta.url)) {
  const worker = new Worker(workerUrl, { type: "module" });
  const pending = new Map();
  let nextId = 0;
  worker.onmessage = ({ data: { id, result, error } }) => {
    const call = pending.get(id);
    if (!call) return;
    pending.delete(id);
    if (error === undefined) call.resolve(result);
    else call.reject(new Error(error));
  };
  const call = (op, ...args) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, op, args });
    });
  return {
    summarize: (text, options) => call("summarize", text, options),
    segment: (text) => call("segment", text),
    figures: (text) => call("figures", text),
    extractArticle: (html) => call("extractArticle", html),
    terminate: () => {
      worker.terminate();
      for (const { reject } of pending.values()) reject(new Error("summarizer terminated"));
      pending.clear();
    },
  };
}
