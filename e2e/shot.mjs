// Screenshots of the served app at several widths (for looking at, not for asserting).
// Usage: node shot.mjs <url> <out-prefix>
import { launch, watch, newLog } from './browser.mjs';
const [url, prefix = 'artifacts/shot'] = process.argv.slice(2);
const browser = await launch();
const log = newLog();
for (const [w, h] of [[1440, 1000], [375, 800], [1920, 1080]]) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  watch(page, log);
  await page.goto(url);
  await page.waitForSelector('[data-testid=total]', { state: 'attached' });
  await page.screenshot({ path: `${prefix}-${w}.png`, fullPage: process.env.FULL === '1' });
  await page.close();
}
console.log(JSON.stringify(log));
await browser.close();
