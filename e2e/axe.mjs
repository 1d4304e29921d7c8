// Accessibility audit with axe-core (WCAG 2.x A/AA rules and best practices) on every view:
// each item of the header's navigation, and in each view every tab of every tab list (the
// self-assessment's result tabs, the workshop's views), in Chinese and in English, on a wide
// screen and on a phone. Fails on any serious or critical violation; lists the rest.
// Usage: BASE_URL=http://127.0.0.1:PORT/ node axe.mjs
import { createRequire } from 'node:module';
import { mkdir, writeFile } from 'node:fs/promises';
import { launch, newLog, watch } from './browser.mjs';

const require = createRequire(import.meta.url);
const base = process.env.BASE_URL ?? 'http://127.0.0.1:8080/';
const out = new URL('./artifacts/', import.meta.url).pathname;
await mkdir(out, { recursive: true });
const log = newLog();
const report = [];
let failures = 0;
function check(ok, what, detail = '') {
  console.log(`${ok ? '✓' : '✗'} ${what}${ok ? '' : `  ${detail}`}`);
  if (!ok) failures += 1;
}

/** Runs axe on the page as it is now and records the result under `name`. */
async function audit(page, name) {
  await page.waitForTimeout(50);
  const result = await page.evaluate(() => window.axe.run(document, {
    resultTypes: ['violations'],
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  }));
  const violations = result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
    targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
  }));
  const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  report.push({ view: name, violations });
  check(grave.length === 0, `${name}: no serious or critical violation`
    + (violations.length ? ` (${violations.map((v) => `${v.id}/${v.impact}`).join(', ')})` : ''),
  grave.map((v) => `${v.id} (${v.impact}, ${v.nodes}×): ${v.help} — ${v.targets.join(' | ')}`).join('; '));
}

/** Every view and every tab of it, as the user reaches them by clicking. */
async function auditEveryView(page, label) {
  const navCount = await page.locator('header nav button').count();
  const views = await page.locator('header nav :is(button, a)').count();
  check(views === 4, `${label}: the header offers the four views`, `${views}`);
  for (let i = 0; i < navCount; i++) {
    const nav = page.locator('header nav button').nth(i);
    const viewName = (await nav.innerText()).trim();
    await nav.click();
    await page.waitForFunction((n) => document.querySelectorAll('header nav button')[n]?.getAttribute('aria-current') === 'page', i);
    await page.waitForTimeout(100);
    const tabs = page.locator('main [role=tablist] [role=tab]');
    const tabCount = await tabs.count();
    if (tabCount === 0) {
      await audit(page, `${label} · ${viewName}`);
      continue;
    }
    for (let t = 0; t < tabCount; t++) {
      const tab = tabs.nth(t);
      if (!(await tab.isVisible())) continue;
      const tabName = (await tab.innerText()).trim();
      await tab.click();
      await page.waitForTimeout(100);
      await audit(page, `${label} · ${viewName} · ${tabName}`);
    }
  }
}

const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  // An init script is not subject to the page's Content-Security-Policy.
  await context.addInitScript({ path: require.resolve('axe-core/axe.min.js') });
  const page = await context.newPage();
  watch(page, log);
  // The phone's page (the self-assessment and 说明), then the workshop's page (every view).
  await page.goto(base);
  await page.waitForSelector('.result-card [data-testid=total]');
  await auditEveryView(page, '中文 · index.html');
  await page.goto(`${base}workshop.html`);
  await page.waitForSelector('header nav');
  await auditEveryView(page, '中文 · workshop.html');

  // The self-assessment with notices and errors showing, every editor section open.
  await page.locator('header nav button').first().click();
  await page.waitForSelector('.result-card [data-testid=total]');
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  await page.fill('#f-pledges-0-quarters-1', '104');
  await page.click('text=分享链接');
  await page.waitForSelector('[data-testid=notice]');
  await audit(page, '中文 · 自评 with an error, the share notice and every section open');
  await page.fill('#f-pledges-0-quarters-1', '92');

  // The workshop with the demo cohort ranked (tables and charts full), the presenter and the
  // quiz with its answer showing.
  const workshop = page.locator('header nav button', { hasText: '研讨' });
  if (await workshop.count()) {
    await workshop.click();
    const demo = page.locator('[data-testid=load-demo]');
    if (await demo.count()) {
      await demo.click();
      await page.waitForSelector('[data-testid=ranking-summary]', { timeout: 15000 }).catch(() => {});
      const tabs = page.locator('main [role=tablist] [role=tab]');
      for (let t = 0; t < await tabs.count(); t++) {
        await tabs.nth(t).click();
        await page.waitForTimeout(150);
        await audit(page, `中文 · 研讨演示 with the demo cohort · ${(await tabs.nth(t).innerText()).trim()}`);
      }
      if (await page.locator('#ws-present').count()) {
        await page.click('#ws-present');
        await page.click('[data-testid=present-steps]');
        await page.waitForSelector('[data-testid=presenter]');
        await audit(page, '中文 · presenter');
        await page.keyboard.press('End');
        await audit(page, '中文 · presenter, last step');
        await page.keyboard.press('Escape');
        await page.click('[data-testid=present-quiz]');
        await page.waitForSelector('[data-testid=quiz]');
        await page.keyboard.press('1');
        await page.keyboard.press('Enter');
        await page.waitForSelector('[data-testid=quiz-answer]').catch(() => {});
        await audit(page, '中文 · quiz with the answer showing');
        await page.keyboard.press('Escape');
      }
    }
  }

  await page.locator('header nav button').first().click();
  await page.click('button[aria-label=English]');
  await page.waitForSelector('text=Result');
  await auditEveryView(page, 'English · workshop.html');
  await page.goto(base);
  await page.waitForSelector('text=Result');
  await auditEveryView(page, 'English · index.html');
  await page.click('button[aria-label=中文]');
  await page.screenshot({ path: `${out}axe-last-view.png` });
  await context.close();

  // A phone: the result as a bottom bar, and the opened sheet.
  const phone = await browser.newContext({ viewport: { width: 375, height: 812 } });
  await phone.addInitScript({ path: require.resolve('axe-core/axe.min.js') });
  const small = await phone.newPage();
  watch(small, log);
  await small.goto(base);
  await small.waitForSelector('.mobile-bar');
  await audit(small, 'phone · 自评');
  await small.click('.mobile-bar button');
  await audit(small, 'phone · result sheet open');
  await phone.close();
} finally {
  await browser.close();
}
check(log.consoleErrors.length === 0, 'no console error', log.consoleErrors.join(' | ').slice(0, 2000));
await writeFile(`${out}axe.json`, JSON.stringify(report, null, 2));
console.log(failures === 0 ? 'no serious or critical accessibility violation' : `${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
