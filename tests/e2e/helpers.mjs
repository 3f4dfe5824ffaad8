// Shared set-up for the page tests: the project's own server (`xtask serve --no-build`) on
// a free loopback port, and Debian's Chromium through playwright-core with the flags of
// tests/webdriver.json (the same ones the wasm tests use).
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * Starts `xtask serve --no-build 0` (serving `www/`, or `dir` when given); resolves to
 * { url, stop } once it listens.
 */
export async function startServer({ dir } = {}) {
  const xtask = process.env.NUTSHELL_XTASK ?? join(ROOT, "target", "xtask", "xtask");
  if (!existsSync(xtask)) {
    throw new Error(`${xtask} not found: run the page tests with \`cargo xtask test\``);
  }
  if (!existsSync(join(ROOT, "www", "pkg", "nutshell_bg.wasm"))) {
    throw new Error("www/pkg/ is not built: run `cargo xtask build` first");
  }
  const child = spawn(xtask, ["serve", "--no-build", "0", ...(dir ? ["--dir", dir] : [])], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = [];
  child.stderr.on("data", (chunk) => log.push(String(chunk)));
  const url = await new Promise((resolve, reject) => {
    let out = "";
    const timeout = setTimeout(() => reject(new Error(`server did not start: ${out}${log.join("")}`)), 30_000);
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const match = out.match(/Serving (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (match) {
        clearTimeout(timeout);
        resolve(match[1]);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timeout);
      reject(new Error(`server exited with ${code}: ${out}${log.join("")}`));
    });
  });
  return {
    url,
    log,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", resolve);
        child.kill("SIGTERM");
      }),
  };
}

/** Chromium's flags, from tests/webdriver.json. */
export function chromiumFlags() {
  const capabilities = JSON.parse(readFileSync(join(ROOT, "tests", "webdriver.json"), "utf8"));
  return capabilities["goog:chromeOptions"].args;
}

/** Launches headless Debian Chromium (never with --user-data-dir: playwright makes a fresh profile). */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.NUTSHELL_CHROMIUM ?? "/usr/bin/chromium",
    args: chromiumFlags().filter((flag) => flag !== "--headless"),
    headless: true,
  });
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Whether a request URL stays on this machine (loopback) or inside the page (data:, blob:). */
export function isLocal(url) {
  const parsed = new URL(url);
  if (parsed.protocol === "data:" || parsed.protocol === "blob:") return true;
  return ["http:", "https:", "ws:", "wss:"].includes(parsed.protocol) && LOOPBACK_HOSTS.has(parsed.hostname);
}

/** The test article, written for these tests (no text from the evaluation data). */
export const ARTICLE = readFileSync(join(ROOT, "tests", "e2e", "article.txt"), "utf8");

/**
 * Waits until the page's first result has been drawn completely, without disturbing the
 * start-up being measured: a tiny observer of the page's own mark "nutshell:first-complete".
 * (page.waitForFunction would first inject playwright's selector engine, a script that takes
 * ~35 ms of the page's main thread, while the page is starting.) Shared by the cold-start
 * test and tests/e2e/cold-start-probe.mjs, so both measure the same way.
 */
export function waitForFirstDraw(page) {
  return page.evaluate(`new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error("no result within 30 s")), 30000);
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName("nutshell:first-complete").length === 0) return;
      observer.disconnect();
      resolve();
    }).observe({ type: "mark", buffered: true });
  })`);
}
