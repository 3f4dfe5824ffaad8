import { chromium } from "playwright-core";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--js-flags=--expose-gc", "--enable-precise-memory-info"] });
const page = await browser.newPage();
page.on("console", (m) => console.error(m.text()));
page.on("pageerror", (e) => console.error(String(e)));
await page.goto(process.argv[2]);
await page.waitForFunction(() => globalThis.benchResult, null, { timeout: 600000 });
console.log(JSON.stringify(await page.evaluate(() => globalThis.benchResult)));
await browser.close();
