// The development server (`cargo xtask serve`): MIME types the page depends on, the
// security headers, and refusal of paths that escape www/.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { startServer } from "./helpers.mjs";

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

test("serves each file with its MIME type", async () => {
  for (const [path, type] of [
    ["", "text/html"],
    ["index.html", "text/html"],
    ["main.js", "text/javascript"],
    ["worker.js", "text/javascript"],
    ["style.css", "text/css"],
    ["pkg/nutshell.js", "text/javascript"],
    ["pkg/nutshell_bg.wasm", "application/wasm"],
  ]) {
    const response = await fetch(server.url + path);
    assert.equal(response.status, 200, path);
    assert.ok(response.headers.get("content-type").startsWith(type), `${path}: ${response.headers.get("content-type")}`);
  }
});

test("sends the security headers", async () => {
  const response = await fetch(server.url);
  const csp = response.headers.get("content-security-policy");
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.equal(response.headers.get("x-content-type-options"), "nosniff");
  const html = await response.text();
  assert.match(html, /<meta http-equiv="Content-Security-Policy"/);
  assert.match(html, /<link rel="icon" href="data:,">/);
});

test("answers 404 for missing files and 405 for other methods", async () => {
  assert.equal((await fetch(server.url + "missing.js")).status, 404);
  assert.equal((await fetch(server.url, { method: "POST", body: "x" })).status, 405);
});

test("refuses paths that escape www/", async () => {
  // fetch() normalizes "..", so send the raw request line.
  const status = await new Promise((resolve, reject) => {
    const { hostname, port } = new URL(server.url);
    const req = request({ hostname, port, path: "/../Cargo.toml", method: "GET" }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on("error", reject);
    req.end();
  });
  assert.equal(status, 400);
});
