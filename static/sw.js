// The service worker that lets dongliang load and work with the network off after a first
// visit. It keeps this build's files in one cache named after the build; scripts/postbuild.py
// (a Trunk post_build hook) writes the list and the version below. Every path is relative to
// this file, so the scope is the directory the app is served from, at any sub-path.
const VERSION = 'dev'; // replaced at build
const FILES = ['./']; // replaced at build
const CACHE = `dongliang-${VERSION}`;
const scope = new URL('./', self.location).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new Request(new URL(f, scope), { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('dongliang-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  if (request.mode === 'navigate') {
    // The page itself: the network first (a new build shows up at once), this build's copy
    // when offline. Share links carry their data in the fragment, which never reaches here.
    // Each page (index.html, workshop.html, api.html) answers for itself; the directory for
    // the phone's page.
    event.respondWith(fetch(request).catch(() => caches.match(request, { cacheName: CACHE, ignoreSearch: true })
      .then((page) => page ?? caches.match(scope, { cacheName: CACHE }))
      .then((page) => page ?? Response.error())));
    return;
  }
  // Everything else is named by content hash or fixed with the build: the cache first.
  event.respondWith(caches.match(request, { cacheName: CACHE, ignoreSearch: true })
    .then((hit) => hit ?? fetch(request)));
});
