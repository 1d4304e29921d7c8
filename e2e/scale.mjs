// The workshop at scale, in headless Chromium (measured, never asserted): a generated cohort of
// 100,000 fictional officials (`demo::cohort(2023, 100_000, 2023)`) is generated a piece per
// frame, then ranked. Reports the time the page measures around `Engine::rank` (performance.now()
// in the wasm), for the first ranking of a fresh page and for rankings again ("重新排名"), the time
// from the click to the first page of rows, and the longest task (how long the page could not
// answer). Medians of several runs.
// Usage: BASE_URL=http://127.0.0.1:PORT/ node scale.mjs [pages] [reranks]
// (`PERF=1 bash e2e/run.sh` runs it after the workshop flows, with 5 pages and 5 rankings again.)
import { cpus, loadavg } from 'node:os';
import { launch } from './browser.mjs';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:8080/';
const direct = process.argv[1]?.endsWith('scale.mjs');
const pages = Number((direct && process.argv[2]) || 5);
const reranks = Number((direct && process.argv[3]) || 5);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (x) => `${x.toFixed(1)} ms`;

const browser = await launch();
const first = [], again = [], loaded = [], longest = [];
try {
  for (let i = 0; i < pages; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__long = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration)))
        .observe({ type: 'longtask', buffered: true });
    });
    await page.goto(base);
    await page.waitForSelector('.result-card [data-testid=total]');
    await page.click('nav >> text=研讨演示');
    await page.evaluate(() => { window.__long = []; window.__t0 = performance.now(); });
    await page.click('[data-testid=load-100k]');
    await page.waitForFunction(() => document.querySelector('[data-testid=row-range]')?.textContent.includes('100000'),
      null, { timeout: 120000 });
    const t = await page.evaluate(() => ({ load: performance.now() - window.__t0, long: Math.max(0, ...window.__long) }));
    loaded.push(t.load);
    longest.push(t.long);
    first.push(Number(await page.getAttribute('[data-testid=rank-ms]', 'data-ms')));
    for (let k = 0; k < reranks; k++) {
      const before = await page.getAttribute('[data-testid=rank-ms]', 'data-ms');
      await page.click('[data-testid=rerank]');
      await page.waitForFunction((b) => document.querySelector('[data-testid=rank-ms]')?.dataset.ms !== b, before, { timeout: 5000 })
        .catch(() => {});
      again.push(Number(await page.getAttribute('[data-testid=rank-ms]', 'data-ms')));
    }
    await context.close();
  }
} finally {
  await browser.close();
}

const all = [...first, ...again];
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(`pages: ${pages} (fresh context each), ${reranks} rankings again per page`);
console.log(`rank 100,000 (Engine::rank in wasm)  median ${ms(median(all))} over ${all.length} runs  (min ${ms(Math.min(...all))}, max ${ms(Math.max(...all))})`);
console.log(`  first ranking of a page            median ${ms(median(first))}  [${first.map((x) => x.toFixed(0)).join(', ')}]`);
console.log(`  ranking again                      median ${ms(median(again))}`);
console.log(`click → 100,000 generated, ranked and shown  median ${ms(median(loaded))}`);
console.log(`longest task meanwhile               median ${ms(median(longest))}  (max ${ms(Math.max(...longest))})`);
