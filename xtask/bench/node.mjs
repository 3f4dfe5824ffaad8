// node.mjs SITE_DIR: runs the benchmark in node on SITE_DIR/pkg and SITE_DIR/inputs/*.txt
// (+ SITE_DIR/articles.jsonl if present); prints one JSON object.
import { existsSync, readFileSync } from "node:fs";
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
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
const baseRss = process.memoryUsage().rss;
const results = runSuite(
  { summarize: glue.summarize, memoryBytes: () => wasm.memory.buffer.byteLength },
  inputs,
  articles,
  () => performance.now(),
);
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
results.rssBytes = { base: baseRss, peak: peakRss };
console.log(JSON.stringify(results));
