// Touch targets on phones: the served build in headless Chromium as a phone (Playwright's
// isMobile and hasTouch, so `(pointer: coarse)` matches) at 360 × 740 and 390 × 844 CSS px.
// For each width it counts the visible, enabled controls and those whose tap target is under
// 44 × 44 CSS px, lists the small ones by kind with their sizes, checks that the page does not
// scroll sideways, and saves the first screen to e2e/artifacts/touch-<width>.png.
// For now it only reports (exit 0 whatever the counts); `--check` makes it fail unless every
// count is zero and nothing scrolls sideways.
//
// What counts as a control: button, a[href], input (not hidden; checkbox, radio and range
// included), select, textarea, summary, elements with role button, link, tab, checkbox, radio,
// switch, menuitem or option, and any other element with a tabindex of 0 or more (tabindex=-1
// only takes focus from a script: not a target). It is visible when it has a box of its own
// (not display:none, not in a closed <details>, not visibility:hidden, not placed off the page
// like the skip link until it has the keyboard focus) anywhere on the page, scrolled to or not;
// disabled ones are left out. The tap target is the control's border box,
// except for a checkbox or radio: tapping its <label> toggles it, so a checkbox or radio inside a
// label, or named by <label for>, counts with the label's box when that is larger; so does a
// file input (usually hidden, and opened by tapping its label).
// Inline links inside running text are counted too (WCAG 2.5.8 exempts them, the issue does not).
//
// Usage: node touch.mjs [dist-or-url] [--page=index.html] [--check]
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './browser.mjs';
import { startServer } from './serve.mjs';
import { MIN, survey } from './touch-survey.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const SIZES = [{ width: 360, height: 740 }, { width: 390, height: 844 }];

const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split('=').slice(1).join('=');
const check = args.includes('--check');
const target = args.find((a) => !a.startsWith('--')) ?? resolve(here, '../dist');
const pagePath = (option('page') ?? 'index.html').replace(/^\/+/, '');

let server = null;
let url;
if (/^https?:\/\//.test(target)) url = new URL(pagePath, target).href;
else {
  server = await startServer(resolve(target));
  url = new URL(pagePath, server.url).href;
}
const artifacts = join(here, 'artifacts');
await mkdir(artifacts, { recursive: true });

const browser = await launch();
const totals = [];
try {
  for (const size of SIZES) {
    const context = await browser.newContext({
      viewport: size, screen: size, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN',
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelectorAll('button, input').length > 5, null, { timeout: 30000 });
    await page.waitForTimeout(300);
    const shot = join(artifacts, `touch-${size.width}.png`);
    await page.screenshot({ path: shot });
    const s = await page.evaluate(survey, MIN);
    const small = s.controls.filter((c) => c.small);
    const sideways = s.scrollWidth > s.innerWidth;
    totals.push({ width: size.width, controls: s.controls.length, small: small.length, sideways });

    console.log(`\n== ${size.width} × ${size.height} (isMobile, hasTouch; pointer: coarse ${s.coarse ? 'matches' : 'DOES NOT match'}) — ${url}`);
    console.log(`  ${small.length} of ${s.controls.length} visible controls are under ${MIN} × ${MIN} px `
      + `(first screen: ${small.filter((c) => c.firstScreen).length} of ${s.controls.filter((c) => c.firstScreen).length})`);
    console.log(`  sideways scrolling: ${sideways ? `YES — scrollWidth ${s.scrollWidth} > ${s.innerWidth}` : `no (scrollWidth ${s.scrollWidth} ≤ ${s.innerWidth})`}`);
    for (const w of s.wide) console.log(`    reaches past the right edge: ${w}`);
    const kinds = [...new Set(s.controls.map((c) => c.kind))].sort();
    for (const k of kinds) {
      const all = s.controls.filter((c) => c.kind === k);
      const bad = all.filter((c) => c.small);
      console.log(`  ${k}: ${bad.length} of ${all.length} small`);
      // Same-sized controls of a kind are listed once, with how many and a few of their names.
      const bySize = new Map();
      for (const c of bad) {
        const key = `${c.w} × ${c.h}${c.via ? ' (label)' : ''}`;
        bySize.set(key, [...(bySize.get(key) ?? []), c.name]);
      }
      for (const [key, names] of [...bySize].sort((x, y) => y[1].length - x[1].length)) {
        const shown = [...new Set(names)].slice(0, 4).map((n) => `“${n}”`).join(', ');
        console.log(`    ${String(names.length).padStart(3)} × ${key.padEnd(16)} ${shown}${new Set(names).size > 4 ? ', …' : ''}`);
      }
    }
    if (errors.length) console.log(`  page errors: ${errors.join(' | ')}`);
    console.log(`  screenshot: ${shot}`);
    await context.close();
  }
} finally {
  await browser.close();
  if (server) await server.stop();
}

console.log(`\nsummary: ${totals.map((t) => `${t.width} px: ${t.small} of ${t.controls} under ${MIN} px${t.sideways ? ', scrolls sideways' : ''}`).join('; ')}`);
if (check && totals.some((t) => t.small > 0 || t.sideways)) {
  console.error('touch check failed: every control must be at least 44 × 44 px and nothing may scroll sideways');
  process.exit(1);
}
