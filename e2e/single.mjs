// The single-file edition (scripts/build-single.sh → dist-single/dongliang.html) opened from
// file:// with no server: it starts, evaluates a dossier (typed, imported and through the JS
// API), under its own strict policy, and asks for nothing but itself.
// Usage: node single.mjs [path/to/dongliang.html]
import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, newLog, watch } from './browser.mjs';

const file = resolve(process.argv[2] ?? new URL('../dist-single/dongliang.html', import.meta.url).pathname);
const url = pathToFileURL(file).href;
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

const html = await readFile(file, 'utf8');
check(!/\s(?:src|href)=["'](?!data:|#)/.test(html), 'the file refers to no other file');
check((html.match(/<script type="module">/g) ?? []).length === 1 && (html.match(/<script\b/g) ?? []).length === 2
  && /<script nomodule>/.test(html) && /script-src 'sha256-[^']+' 'sha256-[^']+' 'wasm-unsafe-eval'/.test(html),
  'one inline module script and the no-module notice, each allowed by its hash in the page\'s own policy');

const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  watch(page, log);
  const elsewhere = [];
  page.on('request', (r) => { if (r.url() !== url && !/^(data|blob):/.test(r.url())) elsewhere.push(r.url()); });
  await page.goto(url);
  await page.waitForSelector('.result-card [data-testid=total]', { timeout: 15000 });
  check(page.url().startsWith('file://'), 'opened from file://', page.url());
  check(await total(page) === '95.28', 'example 01 is evaluated: 95.28', await total(page));
  await page.screenshot({ path: `${out}single-open.png` });

  await page.fill('#f-unit_score', '72');
  await waitTotal(page, '89.28');
  check(await total(page) === '89.28', 'editing the unit score re-evaluates: 89.28', await total(page));

  const dossier = await readFile(new URL('../src/app/examples/03-average-twice.json', import.meta.url));
  await page.setInputFiles('#import-file', { name: 'average.json', mimeType: 'application/json', buffer: dossier });
  await waitTotal(page, '71.36');
  check(await total(page) === '71.36', 'an imported dossier is evaluated: 71.36 一般', await total(page));

  const api = await page.evaluate((text) => {
    const r = window.dongliang.evaluate(text);
    return { total: r.total, tier: r.tier, same: window.wasmBindings.evaluate(JSON.parse(text)).total === r.total };
  }, dossier.toString());
  check(api.total === 71.36 && api.tier === 'average' && api.same, 'the JS API evaluates it too', JSON.stringify(api));

  await page.reload();
  await page.waitForSelector('.result-card [data-testid=total]');
  check(await total(page) === '71.36', 'the work is kept across a reload (localStorage of file://)', await total(page));
  await page.screenshot({ path: `${out}single-imported.png` });
  check(elsewhere.length === 0, 'nothing is requested but the file itself', elsewhere.join(' '));
  await context.close();
} finally {
  await browser.close();
}
check(log.cspViolations.length === 0, 'no Content-Security-Policy violation', log.cspViolations.join(' | '));
check(log.consoleErrors.length === 0, 'no console error', log.consoleErrors.join(' | ').slice(0, 2000));
console.log(failures === 0 ? 'the single file works' : `${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
