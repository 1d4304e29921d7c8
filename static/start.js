// Starts the app. Trunk's own loader is an inline <script type="module">, which a strict
// Content-Security-Policy (script-src 'self') refuses; Trunk.toml's `pattern_script` puts this
// file in its place, with the hashed names of the wasm-bindgen glue and the wasm in data-*
// attributes. Every URL here is relative, so the app works under any sub-path.
const tag = document.querySelector('script[data-dongliang-js]');
const glue = await import(new URL(tag.dataset.dongliangJs, document.baseURI).href);
const wasm = await glue.default({ module_or_path: new URL(tag.dataset.dongliangWasm, document.baseURI) });
// The wasm module's JS API, as Trunk's loader exposes it (window.dongliang is set by the app).
window.wasmBindings = glue;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));

// Offline use: the service worker keeps this build's files (see sw.js). Its scope is the
// directory the page is served from, whatever the sub-path. It registers once the page is
// idle, so that its precaching does not compete with the first paint.
if ('serviceWorker' in navigator && window.isSecureContext && location.protocol.startsWith('http')) {
  const register = () => navigator.serviceWorker.register(new URL('sw.js', document.baseURI)).catch((e) => {
    console.warn('dongliang: the service worker could not be registered; offline use is off', e);
  });
  if ('requestIdleCallback' in window) requestIdleCallback(register, { timeout: 2000 });
  else setTimeout(register, 500);
}
