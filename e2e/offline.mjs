// Offline use and deployment under a sub-path: dist/ is served under /sub/path/ (as on a
// shared host); after one visit the service worker has the build, the server is stopped and
// the browser put offline, and the app still loads and evaluates. Also: the manifest makes the
// app installable, every URL stays under the sub-path, and the bare path redirects.
// Usage: node offline.mjs [dist-dir]   (e2e/run.sh runs it after the build)
import { mkdir } from 'node:fs/promises';
import { launch, newLog, watch } from './browser.mjs';
import { startServer } from './serve.mjs';

const dist = process.argv[2] ?? new URL('../dist', import.meta.url).pathname;
const out = new URL('./artifacts/', import.meta.url).pathname;
await mkdir(out, { recursive: true });
const log = newLog();
let failures = 0;
function check(ok, what, detail = '') {
  console.log(`${ok ? '✓' : '✗'} ${what}${ok ? '' : `  ${detail}`}`);
  if (!ok) failures += 1;
}
const total = (page) => page.locator('.result-card [data-testid=total]').innerText();
const waitTotal = (page, t) => page.waitForFunction(
  (x) => document.querySelector('.result-card [data-testid=total]')?.textContent === x, t, { timeout: 5000 },
).catch(() => {});

const server = await startServer(dist, '/sub/path/');
const base = server.url; // http://127.0.0.1:PORT/sub/path/
const origin = new URL(base).origin;
let serverUp = true;
const browser = await launch();
try {
  const bare = await fetch(base.replace(/\/$/, ''), { redirect: 'manual' });
  check(bare.status === 301 && bare.headers.get('location') === '/sub/path/', '/sub/path redirects to /sub/path/', `${bare.status} ${bare.headers.get('location')}`);
  check((await fetch(`${origin}/index.html`)).status === 404, 'nothing is served outside the sub-path');

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  watch(page, log);
  const outsideBase = [];
  context.on('request', (r) => {
    const u = r.url();
    if (u.startsWith(origin) && !u.startsWith(base)) outsideBase.push(u);
  });

  // 1. First visit, online: the app runs under the sub-path and the worker takes the build.
  await page.goto(base);
  await page.waitForSelector('.result-card [data-testid=total]');
  check(await total(page) === '95.28', 'the app runs under /sub/path/', await total(page));
  const sw = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
    }
    const names = await caches.keys();
    const cache = await caches.open(names.find((n) => n.startsWith('dongliang-')));
    return { scope: registration.scope, script: registration.active?.scriptURL, caches: names, cached: (await cache.keys()).map((r) => r.url) };
  });
  check(sw.scope === base && sw.script === `${base}sw.js`, 'the service worker is registered with the sub-path as its scope', JSON.stringify(sw));
  const wanted = ['', 'start.js', 'manifest.webmanifest', 'icon-192.png'].map((f) => `${base}${f}`);
  check(wanted.every((u) => sw.cached.includes(u)) && sw.cached.some((u) => u.endsWith('.wasm')) && sw.cached.some((u) => u.endsWith('.css')),
    `… and has cached the build (${sw.cached.length} files)`, sw.cached.join(' '));

  // 2. The manifest: found under the sub-path, its start URL and scope inside it, installable.
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector('link[rel=manifest]');
    const href = new URL(link.getAttribute('href'), document.baseURI).href;
    const m = await (await fetch(href)).json();
    const icons = await Promise.all(m.icons.map(async (i) => (await fetch(new URL(i.src, href))).status));
    return { href, start: new URL(m.start_url, href).href, scope: new URL(m.scope, href).href, display: m.display, icons, sizes: m.icons.map((i) => i.sizes) };
  });
  check(manifest.href === `${base}manifest.webmanifest` && manifest.start === base && manifest.scope === base,
    'the manifest, its start URL and scope resolve inside the sub-path', JSON.stringify(manifest));
  check(manifest.icons.every((s) => s === 200) && manifest.sizes.includes('192x192') && manifest.sizes.includes('512x512') && manifest.display === 'standalone',
    '… standalone, with 192 and 512 px icons that load', JSON.stringify(manifest));
  const cdp = await context.newCDPSession(page);
  const { errors: manifestErrors = [] } = await cdp.send('Page.getAppManifest').catch((e) => ({ errors: [{ message: String(e) }] }));
  check(manifestErrors.length === 0, 'Chromium reads the manifest without errors', JSON.stringify(manifestErrors));
  const { installabilityErrors = [] } = await cdp.send('Page.getInstallabilityErrors').catch(() => ({}));
  // A headless, incognito-like Playwright context may add "in-incognito"; nothing else may show.
  if (process.env.DEBUG) console.log(JSON.stringify(installabilityErrors));
  const blocking = installabilityErrors.filter((e) => e.errorId !== 'in-incognito');
  check(blocking.length === 0, 'Chromium sees nothing that stops installing the app', JSON.stringify(installabilityErrors));

  // 3. Offline: no server, no network. The page, the wasm and the styles come from the worker.
  await server.stop();
  serverUp = false;
  await context.setOffline(true);
  check(await fetch(base).then(() => false, () => true), 'the server is stopped');
  await page.reload();
  await page.waitForSelector('.result-card [data-testid=total]', { timeout: 10000 });
  check(await total(page) === '95.28', 'offline, the app loads again (95.28)', await total(page));
  check(await page.evaluate(() => !!navigator.serviceWorker.controller), '… served by the service worker');
  const styled = await page.evaluate(() => getComputedStyle(document.querySelector('.result-card')).borderRadius);
  check(styled !== '0px', '… with its stylesheet', styled);
  await page.fill('#f-unit_score', '72');
  await waitTotal(page, '89.28');
  check(await total(page) === '89.28', 'offline, editing the unit score changes the total to 89.28', await total(page));
  await page.click('[data-testid=grade-2-A]');
  await waitTotal(page, '90.54');
  check(await total(page) === '90.54', '… and regrading pledge 3 to A gives 90.54', await total(page));
  await page.screenshot({ path: `${out}offline.png` });

  // A second tab opened offline (a share link of the same build) works as well.
  const second = await context.newPage();
  watch(second, log);
  await second.goto(`${base}?from=bookmark`);
  await second.waitForSelector('.result-card [data-testid=total]', { timeout: 10000 });
  check(await total(second) === '90.54', 'a new tab opened offline shows the saved dossier', await total(second));
  check(outsideBase.length === 0, 'no request went outside the sub-path', outsideBase.join(' '));
  await context.close();
} finally {
  await browser.close();
  if (serverUp) await server.stop();
}
// Failed requests while offline are expected of the worker's update check; anything else is not.
if (process.env.DEBUG) console.log(log.consoleErrors);
const errors = log.consoleErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|An unknown error occurred when fetching the script/.test(e));
check(log.cspViolations.length === 0, 'no Content-Security-Policy violation', log.cspViolations.join(' | '));
check(errors.length === 0, 'no console error', errors.join(' | ').slice(0, 2000));
console.log(failures === 0 ? 'offline use and the sub-path work' : `${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
