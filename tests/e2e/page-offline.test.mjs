// Offline and start-up: the service worker precaches the page, its scripts and the wasm, so
// a reload with the network off still summarizes; a changed file is picked up as a new
// cache version; and the cold start (navigation → first summary of the ~1,000-word sample)
// is measured and printed (not asserted: timings belong in reports, not in pass/fail).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadavg } from "node:os";
import { ARTICLE, ROOT, startServer, waitForFirstDraw } from "./helpers.mjs";
import { SCREENSHOTS, articleInput, assertClean, openPage, summaryTexts, useBrowser, waitForResult } from "./page-helpers.mjs";

const env = useBrowser();

/** Waits until the service worker is active and its cache holds a complete set. */
async function waitForOfflineCopy(page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    for (let i = 0; i < 300; i++) {
      const pointer = await (await caches.open("nutshell-meta")).match("/__nutshell_current__");
      if (pointer && registration.active?.state === "activated") {
        const name = await pointer.text();
        const keys = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
        return { name, keys: keys.sort() };
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error("the service worker did not finish caching");
  });
}

test("after one visit the page works with the network off", async () => {
  const session = await openPage(env);
  const { page, context } = session;
  const copy = await waitForOfflineCopy(page);
  assert.match(copy.name, /^nutshell-[0-9a-f]{16}$/);
  assert.deepEqual(copy.keys, [
    "/boot.js",
    "/index.html",
    "/main.js",
    "/options.js",
    "/pkg/nutshell_bg.wasm",
    "/pkg/worker.js",
    "/sample.txt",
    "/style.css",
  ]);

  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector("html[data-ready=true]", { timeout: 30_000 });
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), "the reload was not served by the service worker");
  await articleInput(page).fill(ARTICLE);
  await waitForResult(page);
  assert.equal((await summaryTexts(page)).length, 3);
  // The sample comes from the cache too.
  await page.getByRole("button", { name: "Try a sample article" }).click();
  await page.waitForFunction(() => document.getElementById("article").value.startsWith("Valley Line"));
  await waitForResult(page);
  // The page's CSP survives in the cached copy.
  assert.equal(await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content.includes("worker-src 'self'")), true);
  assertClean(session);
  // And nothing could have reached the server: a request outside the cached set fails.
  assert.equal(await page.evaluate(() => fetch("/Cargo.toml?offline").then(() => "reached", () => "offline")), "offline");
  await context.close();
});

test("a changed file becomes a new cache version, offered on the next load", async () => {
  const session = await openPage(env);
  const { page, context } = session;
  const first = await waitForOfflineCopy(page);
  // The server now has a new style.css (served through a route, so www/ is untouched).
  const css = readFileSync(join(ROOT, "www", "style.css"), "utf8") + "\n/* version 2 */\n";
  await context.route("**/style.css", (route) => route.fulfill({ status: 200, contentType: "text/css", body: css }));
  await page.reload();
  await page.waitForSelector("html[data-ready=true]");
  // The reload was answered from the old set at once; the check in the background found the
  // change, stored a new complete set and told the page.
  await page.waitForFunction(() => /new version/.test(document.getElementById("notice").textContent), undefined, { timeout: 20_000 });
  const second = await waitForOfflineCopy(page);
  assert.notEqual(second.name, first.name);
  assert.deepEqual(second.keys, first.keys);
  assert.deepEqual(
    (await page.evaluate(() => caches.keys())).sort(),
    ["nutshell-meta", second.name].sort(),
    "the old version was not removed",
  );
  await page.getByRole("button", { name: "Reload to use it" }).click();
  await page.waitForSelector("html[data-ready=true]");
  assert.match(await page.evaluate(() => fetch("style.css").then((r) => r.text())), /version 2/);
  assertClean(session);
  await context.close();
});

test("with ?sample the worker's early summary is shown, the same the page computes itself", async () => {
  for (const query of ["?sample", "?sample&preset=headline", "?sample&percent=10", "?words=120&sample"]) {
    const shown = async (session) => {
      await waitForResult(session.page);
      return {
        summary: await summaryTexts(session.page),
        status: (await session.page.locator("#status").textContent()).replace(/ · [\d.]+ ms$/, ""),
        early: await session.page.evaluate(() => performance.getEntriesByName("nutshell:early-answer").length),
      };
    };
    const session = await openPage(env, { path: query, contextOptions: { serviceWorkers: "block" } });
    const early = await shown(session);
    assert.equal(early.early, 1, `${query}: the early summary was not used`);
    assertClean(session);
    await session.context.close();
    // Without boot.js nothing starts early: main.js asks the worker itself.
    const plain = await openPage(env, { wait: false, contextOptions: { serviceWorkers: "block" } });
    await plain.context.route("**/boot.js", (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: "// nothing\n" }));
    await plain.page.goto(env.server.url + query);
    const computed = await shown(plain);
    assert.equal(computed.early, 0);
    assert.deepEqual(early.summary, computed.summary, query);
    assert.equal(early.status, computed.status, query);
    assert.ok(early.summary.length >= 1);
    assertClean(plain);
    await plain.context.close();
  }
});

/**
 * Where a page's start-up time went, from its performance timeline (ms since navigation):
 * `summary` is when the summary was drawn (nutshell:first-summary), `complete` when the
 * figures and source were too; the rest are the steps on the way (see boot.js, main.js).
 */
function startUpTiming(page) {
  return page.evaluate(async () => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    const navigation = performance.getEntriesByType("navigation")[0];
    const init = performance.getEntriesByName("nutshell:wasm-init")[0];
    // The first paint can be recorded after the first result is drawn: wait for it.
    const firstPaint = await new Promise((resolve) => {
      const timeout = setTimeout(() => resolve(NaN), 2000);
      new PerformanceObserver((list, observer) => {
        const entry = list.getEntriesByName("first-contentful-paint")[0];
        if (!entry) return;
        observer.disconnect();
        clearTimeout(timeout);
        resolve(entry.startTime);
      }).observe({ type: "paint", buffered: true });
    });
    return {
      summary: at("nutshell:first-summary"),
      complete: at("nutshell:first-complete"),
      html: navigation.responseEnd,
      firstPaint,
      boot: at("nutshell:boot"),
      wasmCompiled: at("nutshell:wasm-compiled"),
      main: at("nutshell:main"),
      workerCreated: at("nutshell:worker-created"),
      instantiated: init ? init.startTime + init.duration : NaN,
      workerReady: at("nutshell:worker-ready"),
      earlyAnswer: at("nutshell:early-answer"),
      wasm: Number(/· ([\d.]+) ms/.exec(document.getElementById("status").textContent)?.[1]),
    };
  });
}

// Each run opens a fresh browser context (no HTTP cache, no service worker: a first visit),
// then visits again in the same context (a repeat visit, served by the service worker).
// A new context is a new browser window, and headless Chromium spends about a second of
// CPU on its own window furniture (the omnibox popup's WebUI renderer) after opening one;
// on two cores that would be measured as the page's start-up, though a person's browser
// did it long before they navigated. So each run lets the new window settle first.
const SETTLE_MS = 1500;

/**
 * This machine's floor for the same start-up (tests/e2e/floor/): navigation → the first
 * message of an empty module worker started by a classic script at the top of a blank
 * page, in a fresh context like the page's first visit. A summary computed in the page's
 * worker cannot arrive before that, however fast the wasm.
 */
async function floorTiming(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.waitForTimeout(SETTLE_MS);
    await page.goto(url);
    return await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          setTimeout(() => reject(new Error("the floor page's worker did not answer in 30 s")), 30000);
          new PerformanceObserver((list, observer) => {
            const message = list.getEntriesByName("floor:worker-message")[0];
            if (!message) return;
            observer.disconnect();
            resolve({ script: performance.getEntriesByName("floor:script")[0].startTime, workerMessage: message.startTime });
          }).observe({ type: "mark", buffered: true });
        }),
    );
  } finally {
    await context.close();
  }
}

test("cold start: navigation to the first summary of a 1,000-word article", async (t) => {
  const runs = [];
  const floorServer = await startServer({ dir: join(ROOT, "tests", "e2e", "floor") });
  t.after(() => floorServer.stop());
  for (let i = 0; i < 5; i++) {
    const floor = await floorTiming(env.browser, floorServer.url);
    // Requests are watched, not intercepted: holding each one for this process to let
    // through would add a round trip to every fetch on the start-up path.
    const session = await openPage(env, { path: "?sample", wait: false, intercept: false });
    const { page } = session;
    await page.waitForTimeout(SETTLE_MS);
    await page.goto(`${env.server.url}?sample`);
    await waitForFirstDraw(page);
    const first = await startUpTiming(page);
    await waitForResult(page);
    // Second visit in the same profile: page, scripts and wasm from the service worker.
    await waitForOfflineCopy(page);
    await page.waitForTimeout(SETTLE_MS);
    await page.goto(`${env.server.url}?sample`);
    await waitForFirstDraw(page);
    const warm = await startUpTiming(page);
    await waitForResult(page);
    const words = (await articleInput(page).inputValue()).split(/\s+/).filter(Boolean).length;
    assert.ok(words >= 1000, `the sample has ${words} words`);
    runs.push({ words, first, warm, floor });
    assertClean(session);
    await session.context.close();
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const medians = (visit) =>
    Object.fromEntries(Object.keys(runs[0][visit]).map((key) => [`${key}_ms`, median(runs.map((r) => r[visit][key]))]));
  const report = {
    words: runs[0].words,
    load_average: loadavg(),
    first_visit: medians("first"),
    repeat_visit: medians("warm"),
    floor: medians("floor"),
    runs,
  };
  writeFileSync(join(SCREENSHOTS, "cold-start.json"), JSON.stringify(report, null, 2) + "\n");
  const ms = (x) => `${x.toFixed(0)} ms`;
  const describe = (m) =>
    `${ms(m.summary_ms)} (all drawn ${ms(m.complete_ms)}; html ${ms(m.html_ms)}, boot.js ${ms(m.boot_ms)}, ` +
    `wasm compiled ${ms(m.wasmCompiled_ms)}, main.js ${ms(m.main_ms)}, worker started ${ms(m.workerCreated_ms)}, ` +
    `instantiated ${ms(m.instantiated_ms)}, worker ready ${ms(m.workerReady_ms)}, early summary answered ${ms(m.earlyAnswer_ms)}, ` +
    `first paint ${ms(m.firstPaint_ms)}, summarize in wasm ${ms(m.wasm_ms)})`;
  const line =
    `cold start, navigation → first summary of the ${report.words}-word sample (median of ${runs.length}): ` +
    `first visit ${describe(report.first_visit)}; repeat visit from the service worker ${describe(report.repeat_visit)}; ` +
    `this machine's floor (blank page, empty module worker answering) ${ms(report.floor.workerMessage_ms)} ` +
    `(its script ran at ${ms(report.floor.script_ms)}); ` +
    `load average ${report.load_average.map((x) => x.toFixed(1)).join(" ")}`;
  t.diagnostic(line);
  console.log(line);
  for (const { first, warm, floor } of runs) {
    assert.ok(first.summary > 0 && warm.summary > 0 && first.wasm > 0);
    assert.ok(floor.workerMessage > floor.script && floor.script > 0);
    assert.ok(first.complete >= first.summary && warm.complete >= warm.summary);
    // The first summary was the one the worker started before the page script ran.
    assert.ok(first.earlyAnswer <= first.summary && warm.earlyAnswer <= warm.summary, "the early summary was not used");
  }
});
