// Starts the benchmark in a module worker, as the app runs nutshell, and exposes the result.
// With `?memory`, the worker instead measures one call on the largest input (see
// worker.mjs): `globalThis.memoryReady` says when it is set up, `runMemoryCall()` makes the
// call, and the result arrives as `benchResult` too.
const memory = new URLSearchParams(location.search).has("memory");
const script = new URL(memory ? "./worker.mjs?memory" : "./worker.mjs", import.meta.url);
const worker = new Worker(script, { type: "module" });
worker.onmessage = ({ data }) => {
  if (data.ready) {
    globalThis.memoryReady = true;
    return;
  }
  globalThis.benchResult = data;
  document.getElementById("status").textContent = "done";
};
worker.onerror = (e) => {
  globalThis.benchResult = { error: String(e.message ?? e) };
};
globalThis.runMemoryCall = () => worker.postMessage("run");
