// The workshop's import at scale, in headless Chromium (measured, never asserted): a cohort
// file of 20,000 and of 100,000 fictional officials (`dongliang demo --size N`, as JSON and as
// the CSV `dongliang csv` writes) chosen in the file dialog, up to its ranking on screen.
// Reports, as medians of several runs, the time from choosing the file to the first page of
// ranked rows, and the longest main-thread task meanwhile (how long the page could not answer;
// the Long Tasks API). Also checks each run reached the right number of rows.
// Usage: BASE_URL=http://127.0.0.1:PORT/ node import-bench.mjs [runs] [sizes, comma-separated]
// (needs the CLI: `cargo build --release`; CLI=path overrides target/release/dongliang;
// WORKSHOP_PATH=index.html WORKSHOP_NAV=研讨演示 measures a build from before the workshop had
// its own page).
// Files are written to a temporary directory and chosen by path (Playwright sends no buffer
// over 50 MB).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from './browser.mjs';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:8080/';
const runs = Number(process.argv[2] || 5);
const sizes = (process.argv[3] || '20000,100000').split(',').map(Number);
const cli = process.env.CLI ?? new URL('../target/release/dongliang', import.meta.url).pathname;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const dir = mkdtempSync(join(tmpdir(), 'dongliang-import-'));
const files = [];
for (const size of sizes) {
  const json = execFileSync(cli, ['demo', '--size', String(size), '--seed', '7', '--compact'], { maxBuffer: 1 << 30 });
  const csv = execFileSync(cli, ['csv', '-'], { input: json, maxBuffer: 1 << 30 });
  for (const [name, buffer] of [[`cohort-${size}.json`, json], [`cohort-${size}.csv`, csv]]) {
    writeFileSync(join(dir, name), buffer);
    files.push({ size, name, path: join(dir, name), bytes: buffer.length });
  }
}

const browser = await launch();
const rows = [];
try {
  for (const file of files) {
    const times = [], longest = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
      const page = await context.newPage();
      await page.addInitScript(() => {
        window.__long = [];
        new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.duration)))
          .observe({ type: 'longtask', buffered: true });
      });
      await page.goto(new URL(process.env.WORKSHOP_PATH ?? 'workshop.html#workshop', base).href);
      if (process.env.WORKSHOP_NAV) await page.click(`nav >> text=${process.env.WORKSHOP_NAV}`);
      await page.waitForSelector('#ws-import', { state: 'attached' });
      await page.waitForTimeout(300);
      await page.evaluate(() => { window.__long = []; window.__t0 = performance.now(); });
      await page.setInputFiles('#ws-import', file.path);
      const n = String(file.size);
      await page.waitForFunction((n) => document.querySelector('[data-testid=row-range]')?.textContent.replace(/,/g, '').includes(n)
        && !document.querySelector('[data-testid=ws-progress]'), n, { timeout: 180000, polling: 50 });
      const t = await page.evaluate(() => ({ ms: performance.now() - window.__t0, long: Math.max(0, ...window.__long) }));
      times.push(t.ms);
      longest.push(t.long);
      await context.close();
    }
    rows.push({ file: `${file.name} (${(file.bytes / 1e6).toFixed(1)} MB)`, ms: median(times), long: median(longest), max: Math.max(...longest) });
  }
} finally {
  await browser.close();
}
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(`runs: ${runs} per file (fresh context each); medians`);
console.log('file'.padEnd(32), 'chosen → ranked rows shown'.padStart(28), 'longest task'.padStart(14), 'max'.padStart(8));
for (const r of rows) {
  console.log(r.file.padEnd(32), `${(r.ms / 1000).toFixed(2)} s`.padStart(28), `${r.long.toFixed(0)} ms`.padStart(14), `${r.max.toFixed(0)} ms`.padStart(8));
}
