// Uppdragskollen service worker: keeps the last loaded list and uppdrag pages
// readable when the network drops (the page then says "offline, shown as of").
// Pages are network-first; static build files cache-first. Signing out clears
// every cache (see sign-out-button.tsx), so nothing stays on a shared tablet.
const PAGES = "pages-v1";
const STATIC = "static-v1";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== PAGES && k !== STATIC).map((k) => caches.delete(k)))).then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "clear") event.waitUntil(caches.keys().then((keys) => Promise.all(keys.map((k) => caches.delete(k)))));
});

function offlinePage() {
  return new Response(
    '<!doctype html><html lang="sv"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Offline – Uppdragskollen</title>' +
      '<main style="font-family:system-ui;max-width:36rem;margin:3rem auto;padding:0 1rem"><h1>Du är offline</h1>' +
      "<p>Sidan har inte öppnats tidigare på den här enheten och kan inte visas utan nätverk. Försök igen när du är uppkopplad.</p></main></html>",
    { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } },
  );
}

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin) return;

  if (url.pathname.startsWith("/_next/static/") || /^\/(icon|apple-touch-icon)/.test(url.pathname)) {
    event.respondWith(
      caches.open(STATIC).then(async (cache) => {
        const hit = await cache.match(req);
        if (hit) return hit;
        const res = await fetch(req);
        if (res.ok) cache.put(req, res.clone());
        return res;
      }),
    );
    return;
  }

  if (req.mode === "navigate" && url.pathname.startsWith("/uppdrag")) {
    event.respondWith(
      fetch(req)
        .then((res) => {
          if (res.ok && !res.redirected) {
            const copy = res.clone();
            caches.open(PAGES).then((cache) => cache.put(req, copy));
          }
          return res;
        })
        .catch(async () => (await caches.match(req)) || (await caches.match("/uppdrag")) || offlinePage()),
    );
  }
});
