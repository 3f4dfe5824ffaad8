// The Chromium side of the benchmark: fetches the inputs from the bench site and runs them.
// With `?memory` in its URL, it instead loads the largest input, says it is ready, and on
// "run" makes one `summarize` call on it (the driver reads the renderer's peak RSS around
// it: chromium.mjs).
import init, { summarize } from "../pkg/nutshell.js";
import { parseArticles, runSuite } from "./bench-core.mjs";

try {
  const wasm = await init();
  const names = await (await fetch("../inputs/index.json")).json();
  const inputs = [];
  for (const name of names) inputs.push({ name, text: await (await fetch(`../inputs/${name}`)).text() });
  if (new URL(import.meta.url).searchParams.has("memory")) {
    await oneCallOnLargest(wasm, inputs);
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

/** Waits for "run", then summarizes the largest input once and reports the wasm growth. */
async function oneCallOnLargest(wasm, inputs) {
  const { text } = inputs.reduce((a, b) => (b.text.length > a.text.length ? b : a));
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
