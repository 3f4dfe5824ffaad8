// The service worker: keeps a copy of the page, its scripts and the wasm so that nutshell
// works offline after one visit.
//
// Cache: one complete set of ASSETS per version, named "nutshell-<hash of the contents>",
// so the version changes exactly when a file does and a page is never served a mix of old
// and new files (the wasm and its JS glue must match). A pointer entry in "nutshell-meta"
// names the current set; it moves only after a new set is complete.
// Strategy: answer from the current set at once (cache first: instant, and the same with
// the network off); a few seconds after each navigation (not during the page's start-up),
// re-fetch the set in the background and, if any file changed, store the new set, drop
// the old one and tell open pages to offer a reload.
// Requests outside the set and outside this origin are not touched.

const PREFIX = "nutshell-";
const META = "nutshell-meta";
const POINTER = "/__nutshell_current__";
const ASSETS = [
  "index.html",
  "boot.js",
  "main.js",
  "options.js",
  "style.css",
  "sample.txt",
  "pkg/worker.js",
  "pkg/nutshell_bg.wasm",
];

const scope = new URL(self.registration.scope);
const assetUrls = new Map(ASSETS.map((path) => [new URL(path, scope).pathname, path]));

/** How long after a navigation the background check for a new version starts. */
const REFRESH_DELAY_MS = 3000;

let refreshing = null;
/** The current set's name, once read (the pointer moves only in refresh(), here). */
let current = null;

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fetches every asset; stores them as a new set if their contents changed. */
function refresh() {
  refreshing ??= (async () => {
    const responses = await Promise.all(
      ASSETS.map(async (path) => {
        const response = await fetch(new URL(path, scope), { cache: "no-cache" });
        if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
        return response;
      }),
    );
    const bodies = await Promise.all(responses.map((r) => r.clone().arrayBuffer()));
    const name = PREFIX + (await digest(bodies));
    const previous = await currentName();
    if (previous === name) return false;
    const cache = await caches.open(name);
    await Promise.all(ASSETS.map((path, i) => cache.put(new URL(path, scope), responses[i])));
    const meta = await caches.open(META);
    await meta.put(POINTER, new Response(name));
    current = name;
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== name && key !== META) await caches.delete(key);
    }
    return previous !== null;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** SHA-256 over the files (each prefixed by its length), as 16 hex digits. */
async function digest(bodies) {
  const parts = [];
  for (const body of bodies) parts.push(new TextEncoder().encode(`${body.byteLength}:`), new Uint8Array(body));
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", all));
  return [...hash.slice(0, 8)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

async function currentName() {
  if (current) return current;
  const pointer = await (await caches.open(META)).match(POINTER);
  current = pointer ? await pointer.text() : null;
  return current;
}

/** The open current set, kept while its name stays current (one lookup less per file). */
let opened = null;

async function fromCache(path) {
  const name = await currentName();
  if (!name) return undefined;
  if (opened?.name !== name) opened = { name, cache: caches.open(name) };
  return (await opened.cache).match(new URL(path, scope));
}

async function notifyUpdated() {
  for (const client of await self.clients.matchAll({ type: "window" })) {
    client.postMessage({ type: "updated" });
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(refresh().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin) return;
  const isPage = request.mode === "navigate" && (url.pathname === scope.pathname || assetUrls.get(url.pathname) === "index.html");
  const path = isPage ? "index.html" : assetUrls.get(url.pathname);
  if (!path) return;
  event.respondWith(
    fromCache(path).then((cached) => cached ?? fetch(request)),
  );
  if (isPage) {
    // Background check for a new version, once the page has started (re-fetching and
    // hashing every file would compete with its start-up); offline it simply fails.
    const check = delay(REFRESH_DELAY_MS).then(refresh);
    event.waitUntil(check.then((updated) => updated && notifyUpdated(), () => {}));
  }
});
