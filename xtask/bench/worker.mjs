// The Chromium side of the benchmark: fetches the inputs from the bench site and runs them.
// With `?memory` in its URL, it instead loads the largest input, says it is ready, and on
// "run" makes one `summarize` call on it (the driver reads the renderer's peak RSS around
// it: chromium.mjs). With `&warm` too, it first summarizes the smallest input for a second,
// as a page that has summarized an article has: V8 has compiled the wasm's hot code and
// grown its young generation by then (which the first call of a fresh renderer pays for
// inside the call).
import init, { summarize } from "../pkg/nutshell.js";
import { parseArticles, runSuite } from "./bench-core.mjs";

try {
  const wasm = await init();
  const names = await (await fetch("../inputs/index.json")).json();
  const inputs = [];
  for (const name of names) inputs.push({ name, text: await (await fetch(`../inputs/${name}`)).text() });
  const params = new URL(import.meta.url).searchParams;
  if (params.has("memory")) {
    await oneCallOnLargest(wasm, inputs, params.has("warm"));
  } else {
    const response = await fetch("../articles.jsonl");
    const articles = response.ok ? parseArticles(await response.text()) : null;
    const results = runSuite(
      { summarize, memoryBytes: () => wasm.memory.buffer.byteLength },
      inputs,
      articles,
      () => performance.now(),
    );
    self.postMessage(results);
  }
} catch (error) {
  self.postMessage({ error: String(error?.stack ?? error) });
}

/**
 * Waits for "run", then summarizes the largest input once and reports the wasm growth;
 * `warm`: after summarizing the smallest for a second.
 */
async function oneCallOnLargest(wasm, inputs, warm) {
  const bySize = [...inputs].sort((a, b) => a.text.length - b.text.length);
  const { text } = bySize[bySize.length - 1];
  if (warm) {
    const small = bySize[0].text;
    const started = performance.now();
    while (performance.now() - started < 1000) summarize(small, {});
  }
  for (const input of inputs) if (input.text !== text) input.text = null;
  const bytes = new TextEncoder().encode(text).length;
  globalThis.gc?.(); // with --js-flags=--expose-gc: the baseline without the fetches' garbage
  const run = new Promise((resolve) => (self.onmessage = resolve));
  self.postMessage({ ready: true });
  await run;
  const wasmBefore = wasm.memory.buffer.byteLength;
  const result = summarize(text, {});
  self.postMessage({
    bytes,
    wasmGrowth: wasm.memory.buffer.byteLength - wasmBefore,
    sentences: result.sentences.length,
    facts: result.facts.length,
  });
}
