// Starts the app. Trunk's own loader is an inline <script type="module">, which a strict
// Content-Security-Policy (script-src 'self') refuses; Trunk.toml's `pattern_script` puts this
// file in its place, with the hashed names of the wasm-bindgen glue and the wasm in data-*
// attributes. Every URL here is relative, so the app works under any sub-path.
// A browser without WebAssembly (or one where the module fails to load) gets a plain message in
// both languages (#unsupported in the page) instead of a blank page.
const tag = document.querySelector('script[data-dongliang-js]');
const unsupported = (error) => {
  const box = document.getElementById('unsupported');
  if (!box) return;
  if (error) {
    // WebAssembly is there, but the app did not load (a dropped connection, a blocked file).
    console.error('dongliang: the app could not start', error);
    const [zh, en] = box.querySelectorAll('p');
    zh.textContent = '本工具未能加载。请检查网络后刷新本页;若仍不行,请换用系统浏览器打开。';
    en.textContent = 'The tool could not be loaded. Check the connection and reload this page; if that does not help, open it in a system browser.';
  }
  box.hidden = false;
  document.getElementById('prerender')?.remove();
};
if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
  unsupported();
} else {
  try {
    const glue = await import(new URL(tag.dataset.dongliangJs, document.baseURI).href);
    const wasm = await glue.default({ module_or_path: new URL(tag.dataset.dongliangWasm, document.baseURI) });
    // The wasm module's exports, as Trunk's loader exposes them (the API's module and the
    // workshop's page also set window.dongliang).
    window.wasmBindings = glue;
    dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
  } catch (error) {
    unsupported(error);
  }
}

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
