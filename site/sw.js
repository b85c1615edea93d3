// Offline copy of the page: cache-first, refreshed in the background, so a
// visit after the first works without a network and picks up a new build on the
// visit after that. Bump VERSION to drop every old copy at once.
const VERSION = "v2";
const CACHE = `sakura-sim-${VERSION}`;
const CORE = [
  "./", "index.html", "style.css", "app.js", "favicon.svg",
  "app/strings.js", "app/dom.js", "lib/engine-client.js", "lib/engine-worker.js", "lib/safe-storage.js", "app/catalogs.js", "app/catalog-ui.js", "app/rows.js",
  "app/form.js", "app/scenario.js", "app/errors.js", "app/share.js", "app/storage.js", "app/saved-ui.js",
  "app/export.js", "app/toolbar.js", "app/offline.js", "app/match.js", "app/confirm.js", "app/saved-rules.js", "app/scenario-shape.js", "lib/i18n.js", "lib/format.js", "components/index.js",
  "gen/wasm_exec.js", "gen/main.wasm",
];

self.addEventListener("install", (event) => {
  // One missing file (components still being written, say) must not stop the rest.
  event.waitUntil(
    caches.open(CACHE).then((c) => Promise.all(CORE.map((u) => c.add(u).catch(() => {})))).then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("sakura-sim-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page lists what it loaded (modules imported by other modules included).
self.addEventListener("message", (event) => {
  const urls = (event.data?.cache ?? []).filter((u) => new URL(u).origin === self.location.origin);
  event.waitUntil(
    caches.open(CACHE).then((c) =>
      Promise.all(urls.map((u) => c.match(u, { ignoreSearch: true }).then((hit) => hit || c.add(u).catch(() => {}))))),
  );
});

function refresh(request) {
  return fetch(request).then((res) => {
    if (res.ok && res.type === "basic") {
      const copy = res.clone();
      caches.open(CACHE).then((c) => c.put(request, copy));
    }
    return res;
  });
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then((c) => c.match(request, { ignoreSearch: true })).then((hit) => {
      if (hit) {
        event.waitUntil(refresh(request).catch(() => {}));
        return hit;
      }
      return refresh(request);
    }),
  );
});
