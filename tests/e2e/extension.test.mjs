// The browser extension, end to end in Debian's Chromium: load target/extension/ unpacked,
// open a local news page full of navigation, comments and footer noise (served with a strict
// CSP of its own), run the popup against that tab, and check that the summary comes from the
// article body, that the figures are listed, and that "Highlight in page" marks the
// sentences in the page. No request may leave loopback.
//
// One difference from a user's click: clicking the toolbar button grants `activeTab` for the
// tab, which a test cannot do, so the test's copy of the manifest adds a host permission for
// http://127.0.0.1/* (the shipped manifest has none) and opens the popup page in a tab with
// `?tab=ID`. Everything else — injection, extraction, summary, figures, highlight — is the
// shipped code.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { ROOT, chromiumFlags, isLocal } from "./helpers.mjs";

const NEWS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Valley dam approved | The Daily Ledger</title></head>
<body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a> Subscribe for unlimited access today</nav></header>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<main><article>
<h1>Regional council approves $640 million dam on the Orrin river</h1>
<p class="byline">By Petra Lund</p>
<p>The regional council on Thursday approved a $640 million dam on the Orrin river, ending a decade of dispute over water for the valley's farms.</p>
<p>The dam will hold 1.2 billion cubic meters of water and irrigate about 45,000 hectares, engineers said. Construction is due to start in March 2027 and to take six years.</p>
<p>Farmers' groups welcomed the vote, which passed 14-3. "This is the first good news for the valley in years," said Amir Rahimi, who grows citrus near the river.</p>
<p>Environmental groups said the reservoir would flood 3,000 hectares of wetland and vowed to challenge the decision in court.</p>
</article></main>
<aside class="related"><h2>Most read</h2><ul><li><a href="/a">Ten recipes for the long weekend</a></li><li><a href="/b">Celebrity chef opens third restaurant</a></li></ul></aside>
<section class="comments"><h2>Comments</h2><p>Great news for farmers, finally!!! Posted by valleyfan</p></section>
<footer><p>Copyright 2026 The Daily Ledger. All rights reserved. Privacy policy. Terms of use.</p></footer>
</body></html>`;

const NOISE = ["Subscribe", "cookies", "recipes", "Celebrity", "valleyfan", "Copyright", "Privacy"];

/** Chromium's ID for an unpacked extension: SHA-256 of its path, hex digits mapped to a–p. */
function extensionId(path) {
  const hex = createHash("sha256").update(path).digest("hex").slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join("");
}

function servePage() {
  const server = createServer((request, response) => {
    response.writeHead(200, {
      "Content-Type": "text/html; charset=utf-8",
      // Strict page CSP: no scripts at all. The extension must work regardless.
      "Content-Security-Policy": "default-src 'none'; style-src 'none'; script-src 'none'",
    });
    response.end(NEWS_PAGE);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

test("the extension summarizes the article of the current tab", async () => {
  const built = join(ROOT, "target", "extension");
  const manifest = JSON.parse(readFileSync(join(built, "manifest.json"), "utf8"));
  assert.deepEqual(manifest.permissions, ["activeTab", "scripting"], "minimal permissions");
  assert.equal(manifest.host_permissions, undefined, "no host permissions are shipped");
  assert.match(manifest.content_security_policy.extension_pages, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.ok(manifest.browser_specific_settings?.gecko?.id, "Firefox settings present");

  const dir = mkdtempSync(join(tmpdir(), "nutshell-ext-"));
  cpSync(built, dir, { recursive: true });
  writeFileSync(
    join(dir, "manifest.json"),
    JSON.stringify({ ...manifest, host_permissions: ["http://127.0.0.1/*"] }),
  );
  const server = await servePage();
  const pageUrl = `http://127.0.0.1:${server.address().port}/news/dam.html`;
  const profile = mkdtempSync(join(tmpdir(), "nutshell-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.NUTSHELL_CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      ...chromiumFlags().filter((f) => f !== "--headless"),
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
    ],
  });
  const requests = [];
  const errors = [];
  context.on("request", (r) => requests.push(r.url()));
  try {
    const article = await context.newPage();
    await article.goto(pageUrl);
    const id = extensionId(dir);
    const popup = await context.newPage();
    popup.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    popup.on("pageerror", (e) => errors.push(String(e)));
    // The popup's own page first (to look up the article tab's id), then the popup for it.
    await popup.goto(`chrome-extension://${id}/popup.html?tab=-1`);
    const tabId = await popup.evaluate(async (url) => {
      const tabs = await chrome.tabs.query({ url });
      return tabs[0]?.id;
    }, pageUrl);
    assert.ok(Number.isInteger(tabId), "found the article's tab");
    errors.length = 0; // tab -1 fails on purpose; only the real run counts
    await popup.goto(`chrome-extension://${id}/popup.html?tab=${tabId}`);
    const summary = popup.getByRole("region", { name: "Summary" }).locator("li");
    await summary.first().waitFor({ timeout: 30_000 });
    const sentences = await summary.allTextContents();
    assert.equal(sentences.length, 3);
    const body = NEWS_PAGE.slice(NEWS_PAGE.indexOf("<article>"), NEWS_PAGE.indexOf("</article>"));
    for (const s of sentences) {
      assert.ok(body.includes(s.slice(0, 40)), `summary sentence from the article body: ${s}`);
      for (const noise of NOISE) assert.ok(!s.includes(noise), `no page furniture: ${s}`);
    }
    assert.ok(sentences.some((s) => s.includes("$640 million")), "the lead is summarized");
    const figures = await popup.getByRole("region", { name: "Key figures" }).locator("tbody tr").allTextContents();
    assert.ok(figures.some((row) => row.includes("$640 million") && row.includes("USD")), figures.join(" | "));
    assert.ok(!figures.some((row) => row.includes("2026")), "footer years are not figures of the article");

    await popup.getByRole("button", { name: "Highlight in page" }).click();
    await popup.getByText(/Highlighted 3 of 3 sentences/).waitFor({ timeout: 10_000 });
    const highlighted = await article.evaluate(() => CSS.highlights.get("nutshell-summary")?.size ?? 0);
    assert.equal(highlighted, 3, "the three sentences are highlighted in the page");

    await popup.setViewportSize({ width: 460, height: 720 });
    await popup.screenshot({ path: join(ROOT, "target", "extension-popup.png"), fullPage: true });
    assert.deepEqual(errors, [], "no console errors in the popup");
    const remote = requests.filter((u) => !u.startsWith("chrome-extension://") && !isLocal(u));
    assert.deepEqual(remote, [], "no request leaves the machine");
  } finally {
    await context.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
});
