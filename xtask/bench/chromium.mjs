// chromium.mjs URL: opens the bench page in headless Chromium (Debian's), waits for the
// worker's result and prints it as JSON. Fails on any console error.
import { chromium } from "playwright-core";

const url = process.argv[2];
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
try {
  const page = await browser.newPage();
  page.on("console", (m) => m.type() === "error" && console.error(`console: ${m.text()}`));
  await page.goto(url);
  await page.waitForFunction(() => globalThis.benchResult, null, { timeout: 600_000, polling: 200 });
  const result = await page.evaluate(() => globalThis.benchResult);
  if (result.error) throw new Error(result.error);
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
