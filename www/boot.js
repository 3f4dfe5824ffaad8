// Start-up: the slow parts of opening the page, begun before anything else.
//
// A classic script at the top of <head> (so it runs before the page script, main.js, has
// even been fetched): it starts the summarizer's Web Worker, compiles the WebAssembly here
// in parallel (streaming: the compiling overlaps the download, on background threads) and
// hands the compiled module to the worker, and fetches the sample article when the URL asks
// for it (?sample). The worker, named after this page's URL, fetches the sample too and
// starts summarizing it as soon as it can (see worker.js). Without this script these would
// run one after another: page script → worker start → worker script → wasm → sample →
// summary.
//
// main.js takes all of it over through `self.nutshellBoot.adopt(...)`; the messages and
// errors the worker sends before then are kept and handed over in order. If this script
// did not run, main.js does the same work itself, only later.
"use strict";

(() => {
  performance.mark("nutshell:boot");
  const WASM = "pkg/nutshell_bg.wasm";

  // Streaming needs the server to send application/wasm; the worker copes without it.
  const wasm = (typeof WebAssembly.compileStreaming === "function"
    ? WebAssembly.compileStreaming(fetch(WASM))
    : Promise.reject(new Error("no streaming compilation"))
  ).then((module) => {
    performance.mark("nutshell:wasm-compiled");
    return module;
  });
  // main.js reports a failure; the worker then fetches and compiles the wasm itself.
  wasm.catch(() => {});

  // Named after this page's URL: with ?sample the worker starts the first summary itself.
  const worker = new Worker("pkg/worker.js", { type: "module", name: location.href });
  const early = [];
  const keep = (event) => {
    if (event.type === "error") event.preventDefault();
    early.push(event);
  };
  worker.addEventListener("message", keep);
  worker.addEventListener("error", keep);
  wasm.then(
    (module) => worker.postMessage({ op: "init", module }),
    () => worker.postMessage({ op: "init", module: null }),
  );

  let sample = null;
  if (new URLSearchParams(location.search).has("sample")) {
    sample = fetch("sample.txt").then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.text();
    });
    sample.catch(() => {});
  }

  self.nutshellBoot = {
    /** Resolves to the compiled WebAssembly.Module (for replacement workers too). */
    wasm,
    /**
     * The sample's text when the URL has ?sample (a promise), else null; taken once.
     */
    takeSample() {
      const taken = sample;
      sample = null;
      return taken;
    },
    /** Hands the worker to main.js: its listeners get the kept events first, in order. */
    adopt(onMessage, onError) {
      worker.removeEventListener("message", keep);
      worker.removeEventListener("error", keep);
      worker.addEventListener("message", onMessage);
      worker.addEventListener("error", onError);
      for (const event of early.splice(0)) (event.type === "error" ? onError : onMessage)(event);
      return worker;
    },
  };
})();
