// A probe for the page's cold start, for iterating on it (not a test: `node --test` skips it).
//
//   node tests/e2e/cold-start-probe.mjs [--runs N] [--repeat] DIR[=XTASK] ...
//
// Serves each DIR (a copy of www/, e.g. an older build) with `xtask serve --no-build 0 --dir
// DIR` (XTASK: another xtask binary, e.g. one with an older server; default target/xtask/xtask)
// and measures, alternating between them run by run, the first visit to `?sample` in a fresh
// browser context exactly as the "cold start" test in page-offline.test.mjs does (and, with
// --repeat, the repeat visit served by the service worker). Prints per DIR the medians of
// the page's start-up marks and of each resource's fetch start and end (ms since navigation),
// and the CPU time Chromium's processes used from navigation to the first complete draw.
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { ROOT, launchChromium, waitForFirstDraw } from "./helpers.mjs";

const args = process.argv.slice(2);
let runs = 7;
let repeat = false;
const variants = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--runs") runs = Number(args[++i]);
  else if (args[i] === "--repeat") repeat = true;
  else {
    const [dir, xtask] = args[i].split("=");
    variants.push({ dir: resolve(dir), xtask: xtask ? resolve(xtask) : join(ROOT, "target", "xtask", "xtask") });
  }
}
if (variants.length === 0) variants.push({ dir: join(ROOT, "www"), xtask: join(ROOT, "target", "xtask", "xtask") });

function serve({ dir, xtask }) {
  const child = spawn(xtask, ["serve", "--no-build", "0", "--dir", dir], { stdio: ["ignore", "pipe", "ignore"] });
  return new Promise((resolveUrl, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const match = out.match(/Serving (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (match) resolveUrl({ url: match[1], child });
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

/** The page's marks and its resources' timings, in ms since navigation start. */
function timing(page) {
  return page.evaluate(() => {
    const out = {};
    const navigation = performance.getEntriesByType("navigation")[0];
    out["html.end"] = navigation.responseEnd;
    out.fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN;
    for (const entry of performance.getEntriesByType("resource")) {
      const name = new URL(entry.name).pathname.slice(1);
      out[`${name}.start`] = entry.startTime;
      out[`${name}.end`] = entry.responseEnd;
      if (entry.requestStart > 0) {
        out[`${name}.start→request`] = entry.requestStart - entry.startTime;
        out[`${name}.request→response`] = entry.responseStart - entry.requestStart;
      }
    }
    for (const entry of performance.getEntriesByType("mark")) out[entry.name.replace("nutshell:", "")] ??= entry.startTime;
    for (const entry of performance.getEntriesByType("measure")) {
      if (entry.name === "nutshell:wasm-init") {
        out["wasm-init.start"] = entry.startTime;
        out["wasm-init.end"] = entry.startTime + entry.duration;
      }
    }
    out.wasm = Number(/· ([\d.]+) ms/.exec(document.getElementById("status").textContent)?.[1]);
    return out;
  });
}

async function waitForOfflineCopy(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    for (let i = 0; i < 300; i++) {
      if (await (await caches.open("nutshell-meta")).match("/__nutshell_current__")) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  });
}

/**
 * CPU time (ms, user + system, 10 ms ticks) used so far by the processes under this one
 * whose command line matches `pattern` (Chromium's processes; the servers).
 */
function cpuMs(pattern) {
  const children = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const parent = Number(fields[1]);
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push({ pid: Number(entry), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended meanwhile.
    }
  }
  let total = 0;
  const visit = (pid) => {
    for (const child of children.get(pid) ?? []) {
      let command = "";
      try {
        command = readFileSync(`/proc/${child.pid}/cmdline`, "utf8");
      } catch {}
      if (pattern.test(command)) total += child.ticks * 10;
      visit(child.pid);
    }
  };
  visit(process.pid);
  return total;
}

const browser = await launchChromium();
for (const variant of variants) Object.assign(variant, await serve(variant), { first: [], warm: [] });
const loads = [loadavg()[0]];
for (let run = 0; run < runs; run++) {
  for (const variant of run % 2 ? [...variants].reverse() : variants) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.waitForTimeout(1500);
    const kinds = { all: /chrom/, renderer: /type=renderer/, gpu: /type=gpu/, utility: /type=utility/, browser: /^(?![^]*--type=)[^]*chrom/ };
    const before = Object.fromEntries(Object.entries(kinds).map(([k, re]) => [k, cpuMs(re)]));
    await page.goto(`${variant.url}?sample`);
    await waitForFirstDraw(page);
    const cpu = Object.fromEntries(Object.entries(kinds).map(([k, re]) => [`cpu ms to first-complete: ${k}`, cpuMs(re) - before[k]]));
    variant.first.push({ ...(await timing(page)), ...cpu });
    if (repeat) {
      await waitForOfflineCopy(page);
      await page.waitForTimeout(1500);
      await page.goto(`${variant.url}?sample`);
      await waitForFirstDraw(page);
      variant.warm.push(await timing(page));
    }
    if (errors.length) console.log(`${variant.dir}: errors ${errors.join("; ")}`);
    await context.close();
  }
  loads.push(loadavg()[0]);
}
await browser.close();
for (const { child } of variants) child.kill("SIGTERM");

const median = (values) => {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
};
function table(samples) {
  const keys = [...new Set(samples.flatMap((s) => Object.keys(s)))];
  const rows = keys.map((key) => [key, median(samples.map((s) => s[key] ?? NaN))]);
  rows.sort((a, b) => a[1] - b[1]);
  return rows.map(([key, value]) => `  ${key.padEnd(28)} ${value.toFixed(1).padStart(7)}`).join("\n");
}
console.log(`load average (1 min) during the runs: ${loads.map((x) => x.toFixed(2)).join(" ")}`);
for (const variant of variants) {
  const summaries = variant.first.map((s) => s["first-summary"].toFixed(0)).join(" ");
  console.log(`\n${variant.dir} — first visit, median of ${runs} (first summary per run: ${summaries})\n${table(variant.first)}`);
  if (repeat) {
    const warm = variant.warm.map((s) => s["first-summary"].toFixed(0)).join(" ");
    console.log(`${variant.dir} — repeat visit (first summary per run: ${warm})\n${table(variant.warm)}`);
  }
}
