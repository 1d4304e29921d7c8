// Timings in headless Chromium (measured, never asserted): first contentful paint, the moment
// the result is on screen, and edit → repaint (a click on a grade button, and typing a quarter
// score, until the new total is painted). Medians of several runs; also the transfer sizes.
// Usage: BASE_URL=http://127.0.0.1:PORT/ node perf.mjs [runs]
import { readdir, readFile, stat } from 'node:fs/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { launch } from './browser.mjs';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:8080/';
const runs = Number(process.argv[2] ?? 7);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

// Marks when the total first appears (set before any page script runs).
const marker = () => {
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid=total]')) {
      performance.mark('result-shown');
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

// One edit, timed from the event to the first frame painted after the total changed.
const timeEdit = (kind) => new Promise((resolve) => {
  const total = document.querySelector('.result-card [data-testid=total]');
  const before = total.textContent;
  const t0 = performance.now();
  const observer = new MutationObserver(() => {
    if (total.textContent === before) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
  });
  observer.observe(total, { characterData: true, childList: true, subtree: true });
  if (kind === 'click') {
    const a = document.querySelector('[data-testid=grade-2-A]');
    (a.getAttribute('aria-pressed') === 'true' ? document.querySelector('[data-testid=grade-2-B]') : a).click();
  } else {
    const input = document.querySelector('#f-pledges-1-quarters-3');
    input.value = input.value === '97' ? '91' : '97';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
});

const browser = await launch();
const fcp = [], shown = [], clicks = [], typing = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await page.addInitScript(marker);
    await page.goto(base);
    await page.waitForSelector('.result-card [data-testid=total]');
    // The total can be in the page before its frame is painted: wait for the paint entry.
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    const t = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      shown: performance.getEntriesByName('result-shown')[0]?.startTime,
    }));
    fcp.push(t.fcp); shown.push(t.shown);
    for (let k = 0; k < 5; k++) {
      clicks.push(await page.evaluate(timeEdit, 'click'));
      typing.push(await page.evaluate(timeEdit, 'type'));
    }
    await context.close();
  }
} finally {
  await browser.close();
}

const dist = new URL('../dist/', import.meta.url).pathname;
const sizes = {};
for (const name of await readdir(dist)) {
  if (!/\.(wasm|js|css)$/.test(name)) continue;
  const body = await readFile(dist + name);
  sizes[name] = {
    raw: (await stat(dist + name)).size,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}
const sum = Object.values(sizes).reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const ms = (x) => `${x.toFixed(1)} ms`;
console.log(`runs: ${runs} (fresh context each; ${clicks.length} clicks and ${typing.length} typed edits)`);
console.log(`first contentful paint   median ${ms(median(fcp))}  (min ${ms(Math.min(...fcp))}, max ${ms(Math.max(...fcp))})`);
console.log(`result on screen         median ${ms(median(shown))}`);
console.log(`click → repaint          median ${ms(median(clicks))}  (max ${ms(Math.max(...clicks))})`);
console.log(`typing → repaint         median ${ms(median(typing))}  (max ${ms(Math.max(...typing))})`);
const row = (name, s) => `${name.padEnd(44)} ${String(s.raw).padStart(8)} B  gzip -9 ${String(s.gzip).padStart(7)} B  brotli ${String(s.brotli).padStart(7)} B`;
for (const [name, s] of Object.entries(sizes)) console.log(row(name, s));
console.log(row('wasm + js + css', sum));
