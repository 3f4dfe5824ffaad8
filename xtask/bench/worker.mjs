// The Chromium side of the benchmark: fetches the inputs from the bench site and runs them.
import init, { summarize } from "../pkg/nutshell.js";
import { parseArticles, runSuite } from "./bench-core.mjs";

try {
  const wasm = await init();
  const names = await (await fetch("../inputs/index.json")).json();
  const inputs = [];
  for (const name of names) inputs.push({ name, text: await (await fetch(`../inputs/${name}`)).text() });
  const response = await fetch("../articles.jsonl");
  const articles = response.ok ? parseArticles(await response.text()) : null;
  const results = runSuite(
    { summarize, memoryBytes: () => wasm.memory.buffer.byteLength },
    inputs,
    articles,
    () => performance.now(),
  );
  self.postMessage(results);
} catch (error) {
  self.postMessage({ error: String(error?.stack ?? error) });
}
