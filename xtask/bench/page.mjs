// Starts the benchmark in a module worker, as the app runs nutshell, and exposes the result.
// With `?memory`, the worker instead measures one call on the largest input (see
// worker.mjs; `&warm` warms it up first): `globalThis.memoryReady` says when it is set up,
// `runMemoryCall()` makes the call, and the result arrives as `benchResult` too.
// With `?inuse`, this page measures the memory in use around one such call itself
// (`measureInUse`): a worker has no API for its heap, the page has
// `performance.memory` (precise with `--enable-precise-memory-info`).
const params = new URLSearchParams(location.search);
if (params.has("inuse")) {
  measureInUse().then(
    (result) => finish(result),
    (error) => finish({ error: String(error?.stack ?? error) }),
  );
} else {
  const worker = new Worker(new URL(`./worker.mjs${location.search}`, import.meta.url), { type: "module" });
  worker.onmessage = ({ data }) => {
    if (data.ready) {
      globalThis.memoryReady = true;
      return;
    }
    finish(data);
  };
  worker.onerror = (e) => finish({ error: String(e.message ?? e) });
  globalThis.runMemoryCall = () => worker.postMessage("run");
}

function finish(result) {
  globalThis.benchResult = result;
  document.getElementById("status").textContent = "done";
}

/**
 * The memory in use for one `summarize` of the largest input, on a fresh wasm instance:
 * the wasm's linear memory after the call (its peak: it never shrinks), and the JS heap
 * that the result holds (used heap with it, less without it, each after a full GC:
 * `--js-flags=--expose-gc`). The same objects take the same room in a worker's heap.
 */
async function measureInUse() {
  const { default: init, summarize } = await import("../pkg/nutshell.js");
  const wasm = await init();
  const names = await (await fetch("../inputs/index.json")).json();
  const text = await (await fetch(`../inputs/${names[names.length - 1]}`)).text();
  const heapUsed = () => {
    globalThis.gc();
    return performance.memory.usedJSHeapSize;
  };
  let result = summarize(text, {});
  const heapWith = heapUsed();
  const counts = { sentences: result.sentences.length, facts: result.facts.length };
  result = null;
  return {
    bytes: new TextEncoder().encode(text).length,
    wasmMemory: wasm.memory.buffer.byteLength,
    resultHeap: heapWith - heapUsed(),
    ...counts,
  };
}
