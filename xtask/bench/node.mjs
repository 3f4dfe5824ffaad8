// node.mjs SITE_DIR: runs the benchmark in node on SITE_DIR/pkg and SITE_DIR/inputs/*.txt
// (+ SITE_DIR/articles.jsonl if present); prints one JSON object. `node --expose-gc node.mjs
// SITE_DIR --memory` instead measures one call on the largest input (`measureLargest`).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArticles, runSuite } from "./bench-core.mjs";

const site = process.argv[2];
const glue = await import(pathToFileURL(join(site, "pkg", "nutshell.js")));
const wasm = glue.initSync({ module: readFileSync(join(site, "pkg", "nutshell_bg.wasm")) });
const names = JSON.parse(readFileSync(join(site, "inputs", "index.json"), "utf8"));
const inputs = names.map((name) => ({ name, text: readFileSync(join(site, "inputs", name), "utf8") }));
const articlesPath = join(site, "articles.jsonl");
const articles = existsSync(articlesPath) ? parseArticles(readFileSync(articlesPath, "utf8")) : null;
if (process.argv[3] === "--memory") {
  // A process of its own, so that the timed runs start from a fresh heap too.
  console.log(JSON.stringify(measureLargest(inputs.reduce((a, b) => (b.text.length > a.text.length ? b : a)))));
} else {
  const results = runSuite(
    { summarize: glue.summarize, memoryBytes: () => wasm.memory.buffer.byteLength },
    inputs,
    articles,
    () => performance.now(),
  );
  console.log(JSON.stringify(results));
}

/**
 * What one `summarize` of `text` costs in memory in a fresh process: the growth of the peak
 * RSS (Linux's `VmHWM`, reset to the current RSS just before the call through
 * `/proc/self/clear_refs`, as chromium.mjs does for the renderer; it sees the peak inside
 * the call, where no JS sampler runs), of the wasm's linear memory (the core's peak: it
 * never shrinks), and the JS heap that the result holds (heap used with it alive, less
 * without it, each after a full GC: `--expose-gc`). The memory in use is the last two.
 */
function measureLargest({ text }) {
  const heapUsed = () => {
    globalThis.gc();
    return process.memoryUsage().heapUsed;
  };
  const status = (key) => {
    const kb = new RegExp(`${key}:\\s+(\\d+) kB`).exec(readFileSync("/proc/self/status", "utf8"));
    return kb ? Number(kb[1]) * 1024 : NaN;
  };
  const heapBefore = heapUsed();
  writeFileSync("/proc/self/clear_refs", "5");
  const [rssBefore, wasmBefore] = [status("VmRSS"), wasm.memory.buffer.byteLength];
  let result = glue.summarize(text, {});
  const peak = status("VmHWM");
  const heapWith = heapUsed();
  const counts = { sentences: result.sentences.length, facts: result.facts.length };
  result = null;
  return {
    bytes: Buffer.byteLength(text),
    peakRssGrowth: peak - rssBefore,
    wasmGrowth: wasm.memory.buffer.byteLength - wasmBefore,
    wasmMemory: wasm.memory.buffer.byteLength,
    resultHeap: heapWith - heapUsed(),
    heapBefore,
    ...counts,
  };
}
