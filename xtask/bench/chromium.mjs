// chromium.mjs URL: opens the bench page in headless Chromium (Debian's), waits for the
// worker's result and prints it as JSON. Fails on any console error. Then, each in a browser
// of its own, measures one call on the largest input: the renderer's peak RSS around it
// (`measureLargest`), after a warm-up (`largest`) and as the worker's first call
// (`largestCold`), and the memory in use (`inUse`, see page.mjs).
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { chromium } from "playwright-core";

const ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

const url = process.argv[2];
const result = await withPage([], url, benchResult);
const GC = "--js-flags=--expose-gc";
result.largest = await withPage([GC], `${url}?memory&warm`, measureLargest);
result.largestCold = await withPage([GC], `${url}?memory`, measureLargest);
result.inUse = await withPage([GC, "--enable-precise-memory-info"], `${url}?inuse`, benchResult);
console.log(JSON.stringify(result));

/** The page's `benchResult`, once it has one. */
async function benchResult(page) {
  await page.waitForFunction(() => globalThis.benchResult, null, { timeout: 600_000, polling: 100 });
  return page.evaluate(() => globalThis.benchResult);
}

/** Runs `use(page)` on `pageUrl` in a new browser; throws the page's error, if any. */
async function withPage(extraArgs, pageUrl, use) {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: [...ARGS, ...extraArgs] });
  try {
    const page = await browser.newPage();
    page.on("console", (m) => m.type() === "error" && console.error(`console: ${m.text()}`));
    await page.goto(pageUrl);
    const out = await use(page);
    if (out?.error) throw new Error(out.error);
    return out;
  } finally {
    await browser.close();
  }
}

/**
 * What one `summarize` of the largest input adds to the peak RSS of the renderer process
 * that runs the page's worker (Linux's `VmHWM`, reset to the current RSS just before the
 * call through `/proc/PID/clear_refs`), with the worker's report of the wasm memory growth.
 * The renderer is the one whose peak grew most (the others are idle).
 */
async function measureLargest(page) {
  await page.waitForFunction(() => globalThis.memoryReady || globalThis.benchResult, null, { timeout: 600_000, polling: 100 });
  // This script started the browser, so its renderers are this process's descendants.
  const renderers = rendererPids(process.pid);
  if (renderers.length === 0) throw new Error("found no Chromium renderer process under this one");
  const before = new Map(renderers.map((pid) => {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return [pid, status(pid, "VmRSS")];
  }));
  await page.evaluate(() => globalThis.runMemoryCall());
  const report = await benchResult(page);
  const growth = Math.max(...renderers.map((pid) => status(pid, "VmHWM") - before.get(pid)));
  return { ...report, peakRssGrowth: growth, renderers: renderers.length };
}

/** The pids of Chromium's renderer processes under the process `root`. */
function rendererPids(root) {
  const parent = new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // the process has exited
    }
  }
  const under = (pid) => pid === root || (parent.has(pid) && pid !== 1 && under(parent.get(pid)));
  return [...parent.keys()].filter((pid) => {
    if (pid === root || !under(pid)) return false;
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("--type=renderer");
    } catch {
      return false;
    }
  });
}

/** A memory line of `/proc/PID/status` (`VmRSS`, `VmHWM`) in bytes. */
function status(pid, key) {
  const kb = new RegExp(`${key}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!kb) throw new Error(`no ${key} for process ${pid}`);
  return Number(kb[1]) * 1024;
}
