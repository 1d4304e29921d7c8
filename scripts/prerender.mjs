// Puts the phone page's first frame into dist/index.html, so that a phone paints the result
// and the pledges from the HTML before the wasm has arrived (README, "Phone performance").
//
// The built page is opened in headless Chromium as a first visit (fresh profile, empty
// storage: worked example 01, in Chinese) on a phone-sized viewport; the app's first frame —
// what its first render task puts into the page — is taken as it stands, with the values of its
// fields written into their attributes, and placed in the page as <div id="prerender" inert>.
// In the browser:
// - static/boot.js (a tiny blocking script in <head>) hides it before the first paint for a
//   visitor with work of their own (saved dossiers, drafts, other rules, English, a share link
//   or another view in the address): they never see example 01's numbers, not even for a frame;
// - the app removes it in the same task in which it renders its own first frame, laid out the
//   same, so nothing moves; it is inert, so nothing can be typed into it and lost;
// - start.js hides it when the app cannot start (the page then says why).
// Usage: node scripts/prerender.mjs [dist]   (scripts/build.sh runs it)
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer } from '../e2e/serve.mjs';
import { launch } from '../e2e/browser.mjs';

const dist = resolve(process.argv[2] ?? 'dist');
const indexPath = `${dist}/index.html`;
let html = readFileSync(indexPath, 'utf8');
if (html.includes('id="prerender"')) html = html.replace(/\s*<div id="prerender"[\s\S]*?<!--\/prerender-->/, '');
const server = await startServer(dist, '/', { gzip: false });
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  // Taken when the app's root first appears: the observer's callback runs once the task that
  // rendered the first frame (Yew's render and its effects) has finished, before any paint.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const app = document.querySelector('body > .app');
      if (!app) return;
      observer.disconnect();
      const copy = app.cloneNode(true);
      const live = app.querySelectorAll('input, textarea, select');
      copy.querySelectorAll('input, textarea, select').forEach((el, i) => {
        const from = live[i];
        if (el.tagName === 'INPUT' && (el.type === 'checkbox' || el.type === 'radio')) {
          if (from.checked) el.setAttribute('checked', ''); else el.removeAttribute('checked');
        } else if (el.tagName === 'SELECT') {
          [...el.options].forEach((o, k) => (from.options[k]?.selected ? o.setAttribute('selected', '') : o.removeAttribute('selected')));
        } else if (el.tagName === 'TEXTAREA') {
          el.textContent = from.value;
        } else {
          el.setAttribute('value', from.value);
        }
      });
      copy.querySelectorAll('.print-report').forEach((el) => el.remove());
      window.__firstFrame = copy.outerHTML;
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(server.url);
  await page.waitForFunction(() => window.__firstFrame !== undefined, null, { timeout: 30000 });
  const frame = await page.evaluate(() => window.__firstFrame);
  if (/<script\b|\sstyle="|\son[a-z]+=/i.test(frame)) throw new Error('prerender: the first frame holds a script, a style attribute or a handler');
  const block = `<div id="prerender" inert>${frame}</div><!--/prerender-->`;
  const out = html.replace(/<body([^>]*)>/, (m) => `${m}\n    ${block}`);
  if (out === html) throw new Error('prerender: no <body> in index.html');
  writeFileSync(indexPath, out);
  console.log(`prerender: the first frame (${frame.length.toLocaleString('en-US')} characters) is in ${indexPath}`);
} finally {
  await browser.close();
  await server.stop();
}
