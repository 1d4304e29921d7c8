// The self-assessment on a phone, by touch alone: headless Chromium as a phone (Playwright's
// isMobile and hasTouch, so `(pointer: coarse)` matches) at 360 × 740 and 390 × 844 CSS px,
// every step a tap (locator.tap(), never a click) or typing into a focused field:
//   open       the first screen shows the result (the bottom bar) and the pledges: the dossier
//              toolbar is folded into one menu button and the basic facts are folded;
//   menu       the menu button opens the whole toolbar, a tap outside closes it;
//   grade      tapping a grade changes the total;
//   quarter    a quarter's "×" marks it not scored, then a score typed into the field (its
//              inputmode gives the numeric keypad) moves the total;
//   positive   claiming a positive item adds its points;
//   negative   recording a negative item deducts its points, waiving it (容错免责) gives them back;
//   result     the bottom bar opens the full result, its × closes it;
//   sections   every closed section opened by tapping its head, every result tab tapped;
//   workshop   the header's link opens the workshop's page, which renders.
// Each step saves e2e/artifacts/phone-<width>-<step>.png and checks that the page does not
// scroll sideways; on the first screen, with the toolbar open, with the result open and with
// every section open, no visible control may be under 44 × 44 CSS px (the survey of touch.mjs).
// Usage: BASE_URL=http://127.0.0.1:PORT/ node phone.mjs   (e2e/run.sh builds and serves)
import { mkdir, writeFile } from 'node:fs/promises';
import { launch, newLog, watch } from './browser.mjs';
import { MIN, survey } from './touch-survey.mjs';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:8080/';
const out = new URL('./artifacts/', import.meta.url).pathname;
await mkdir(out, { recursive: true });
const SIZES = [{ width: 360, height: 740 }, { width: 390, height: 844 }];
const log = newLog();
let failures = 0;

function check(ok, what, detail = '') {
  console.log(`${ok ? '✓' : '✗'} ${what}${ok ? '' : `  ${detail}`}`);
  if (!ok) failures += 1;
}

// Example 01 (95.28, 好) and what each step makes of it under the default rules (checked
// with the CLI: `dongliang evaluate` of the same dossier).
const EXPECTED = {
  open: '95.28',
  grade: '96.54', // pledge 3 B → A
  unscored: '95.14', // pledge 1's fourth quarter (96) not scored: projected at the mean of the others, 92
  quarter: '95.41', // … then scored 100
  positive: '96.41', // + P5 (1 point; the bonus reaches its cap of 5)
  negative: '94.41', // + N9 (−2)
  waived: '96.41', // N9 waived under 容错免责
};

const barTotal = (page) => page.locator('.mobile-bar .mobile-total').innerText();
async function waitTotal(page, expected) {
  await page.waitForFunction(
    (t) => document.querySelector('.mobile-bar .mobile-total')?.textContent === t, expected, { timeout: 5000 },
  ).catch(() => {});
  return barTotal(page);
}

/** Checks that nothing scrolls sideways and saves the screen as phone-<width>-<step>.png. */
async function shot(page, width, step, options = {}) {
  const s = await page.evaluate(() => ({ scroll: document.scrollingElement.scrollWidth, inner: innerWidth }));
  check(s.scroll <= s.inner, `${width} px · ${step}: no sideways scrolling`, `scrollWidth ${s.scroll} > ${s.inner}`);
  await page.screenshot({ path: `${out}phone-${width}-${step}.png`, ...options });
}

/** Counts the visible controls under 44 × 44 px (those on the first screen only with
 *  `firstScreen`) and fails on any, listing them. */
async function targets(page, width, what, { firstScreen = false } = {}) {
  const s = await page.evaluate(survey, MIN);
  const counted = s.controls.filter((c) => !firstScreen || c.firstScreen);
  const small = counted.filter((c) => c.small);
  check(s.coarse, `${width} px: the pointer is coarse`);
  check(small.length === 0, `${width} px · ${what}: none of ${counted.length} controls is under ${MIN} × ${MIN} px`,
    small.slice(0, 12).map((c) => `${c.kind} “${c.name}” ${c.w} × ${c.h}`).join('; '));
  return { controls: counted.length, small: small.length };
}

const browser = await launch();
const counts = [];
try {
  for (const size of SIZES) {
    const { width } = size;
    const context = await browser.newContext({
      viewport: size, screen: size, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN',
    });
    const page = await context.newPage();
    watch(page, log);

    // open: the result in the bottom bar, the pledges on the first screen.
    await page.goto(base);
    await page.waitForSelector('.mobile-bar .mobile-total');
    // The page starts in stages (src/app/simulator/page.rs); the print report comes last.
    await page.waitForSelector('.print-report', { state: 'attached', timeout: 15000 });
    check(await barTotal(page) === EXPECTED.open, `${width} px: example 01 opens with ${EXPECTED.open} in the bottom bar`, await barTotal(page));
    const first = await page.evaluate(() => {
      const top = (sel) => document.querySelector(sel)?.getBoundingClientRect().top ?? Infinity;
      return {
        pledges: top('[data-testid=pledge-0]') < innerHeight - 120,
        grades: top('[data-testid=grade-0-A]') < innerHeight,
        menu: !!document.querySelector('.menu-button')?.checkVisibility(),
        toolbarHidden: !document.querySelector('#slot-select')?.checkVisibility(),
        basicsFolded: !document.querySelector('#sec-basics')?.open,
        bar: !!document.querySelector('.mobile-bar')?.checkVisibility(),
      };
    });
    check(first.pledges && first.grades && first.bar, `${width} px: the first screen shows the first pledge and its grades above the result bar`, JSON.stringify(first));
    check(first.menu && first.toolbarHidden, `${width} px: the dossier toolbar is folded into the menu button`, JSON.stringify(first));
    check(first.basicsFolded, `${width} px: the basic facts start folded`, JSON.stringify(first));
    await shot(page, width, '1-open');
    counts.push({ width, step: 'first screen', ...await targets(page, width, 'first screen', { firstScreen: true }) });
    counts.push({ width, step: 'whole page as opened', ...await targets(page, width, 'whole page as opened') });

    // menu: every toolbar action in one panel; a tap outside closes it.
    const menu = page.locator('.menu-button');
    await menu.tap();
    check(await menu.getAttribute('aria-expanded') === 'true', `${width} px: the menu button opens the toolbar (aria-expanded)`);
    const actions = ['新建我的自评', '复制', '删除', '导出 JSON', '分享链接', '打印报告', '撤销'];
    const shown = await page.evaluate((names) => names.filter((n) => [...document.querySelectorAll('#dossier-tools button')]
      .some((b) => b.textContent.trim() === n && b.checkVisibility())), actions);
    const fields = await page.evaluate(() => ['#slot-select', '#slot-label', '#example-select', 'label[for=import-file]']
      .filter((s) => document.querySelector(s)?.checkVisibility()));
    check(shown.length === actions.length && fields.length === 4, `${width} px: the open menu holds every action (select, rename, new, example, copy, delete, import, export, share, print, undo)`,
      `${shown.join(', ')} | ${fields.join(', ')}`);
    await shot(page, width, '2-menu');
    counts.push({ width, step: 'menu open', ...await targets(page, width, 'menu open', { firstScreen: true }) });
    await page.locator('.menu-backdrop').tap({ position: { x: 8, y: size.height - 90 } });
    check(await menu.getAttribute('aria-expanded') === 'false' && !(await page.locator('#slot-select').isVisible()),
      `${width} px: a tap outside closes the menu`);

    // grade: pledge 3 from B to A.
    await page.locator('[data-testid=grade-2-A]').tap();
    check(await waitTotal(page, EXPECTED.grade) === EXPECTED.grade, `${width} px: tapping grade A of pledge 3 gives ${EXPECTED.grade}`, await barTotal(page));
    await shot(page, width, '3-grade');
    await page.locator('[data-testid=grade-2-B]').tap();
    await waitTotal(page, EXPECTED.open);

    // quarter: not scored, then typed on the numeric keypad.
    const q4 = page.locator('#f-pledges-0-quarters-3');
    check(['decimal', 'numeric'].includes(await q4.getAttribute('inputmode')), `${width} px: a quarter score asks for the numeric keypad (inputmode)`, await q4.getAttribute('inputmode'));
    await page.locator('[data-testid=pledge-0] .clear[aria-label^="第四季度"]').tap();
    check(await waitTotal(page, EXPECTED.unscored) === EXPECTED.unscored && await q4.inputValue() === '',
      `${width} px: the quarter's × marks it not scored (projected: ${EXPECTED.unscored})`, await barTotal(page));
    await q4.tap();
    await page.keyboard.type('100');
    check(await waitTotal(page, EXPECTED.quarter) === EXPECTED.quarter, `${width} px: typing 100 into it gives ${EXPECTED.quarter}`, await barTotal(page));
    await shot(page, width, '4-quarter');

    // positive: claim P5 by tapping its text.
    await page.locator('label[for=pos-P5]').tap();
    check(await waitTotal(page, EXPECTED.positive) === EXPECTED.positive && await page.isChecked('#pos-P5'),
      `${width} px: claiming P5 gives ${EXPECTED.positive}`, await barTotal(page));
    await shot(page, width, '5-positive');

    // negative: record N9, then waive it.
    await page.locator('label[for=neg-N9]').tap();
    check(await waitTotal(page, EXPECTED.negative) === EXPECTED.negative, `${width} px: recording N9 deducts 2 (${EXPECTED.negative})`, await barTotal(page));
    await page.locator('label[for=tol-N9]').tap();
    check(await waitTotal(page, EXPECTED.waived) === EXPECTED.waived && await page.isChecked('#tol-N9'),
      `${width} px: waiving N9 (容错免责) removes the deduction (${EXPECTED.waived})`, await barTotal(page));
    await shot(page, width, '6-negative');

    // result: the bottom bar opens the full result as a sheet; its × closes it.
    await page.locator('.mobile-bar button').tap();
    const card = page.locator('.result-card');
    check(await card.isVisible() && await card.locator('[data-testid=total]').innerText() === EXPECTED.waived,
      `${width} px: the bottom bar opens the full result`);
    await shot(page, width, '7-result');
    counts.push({ width, step: 'result open', ...await targets(page, width, 'result open', { firstScreen: true }) });
    await page.locator('.sheet-close').tap();
    check(await card.isHidden(), `${width} px: the sheet's × closes it`);

    // sections: open every closed section by its head, then every result tab.
    for (let i = 0; i < 10; i++) {
      const closed = page.locator('form details:not([open]) > summary');
      if (!(await closed.count())) break;
      await closed.first().tap();
    }
    check(await page.locator('form details:not([open])').count() === 0, `${width} px: every section opens by a tap on its head`);
    counts.push({ width, step: 'every section open', ...await targets(page, width, 'every section open') });
    await page.locator('#sec-votes').scrollIntoViewIfNeeded();
    await shot(page, width, '8-sections');
    for (const tab of await page.locator('[role=tab]').all()) {
      await tab.tap();
      const name = (await tab.innerText()).trim();
      check(await tab.getAttribute('aria-selected') === 'true', `${width} px: the tab ${name} opens by a tap`);
      const t = await targets(page, width, `every section open, tab ${name}`);
      counts.push({ width, step: `tab ${name}`, ...t });
    }
    await shot(page, width, '9-tabs');

    // workshop: the header's link loads the workshop's page.
    await page.evaluate(() => scrollTo(0, 0));
    await page.locator('header nav a', { hasText: '研讨演示' }).tap();
    await page.waitForURL(/workshop\.html/, { timeout: 15000 });
    await page.waitForSelector('header nav [aria-current=page]', { timeout: 30000 });
    const current = (await page.locator('header nav [aria-current=page]').innerText()).trim();
    check(current === '研讨演示' && await page.locator('main').innerText().then((t) => t.trim().length > 20),
      `${width} px: the workshop's page opens and renders`, current);
    await shot(page, width, '10-workshop');
    await context.close();
  }
} finally {
  await browser.close();
}

check(log.outside.length === 0, 'no request left 127.0.0.1', log.outside.join(' '));
check(log.consoleErrors.length === 0, 'no console error', log.consoleErrors.join(' | '));
console.log(`controls under ${MIN} px: ${counts.map((c) => `${c.width} px ${c.step} ${c.small}/${c.controls}`).join('; ')}`);
await writeFile(`${out}phone.json`, JSON.stringify({ failures, counts, ...log }, null, 2));
console.log(failures === 0 ? 'all phone flows passed' : `${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
