// The user flows of the self-assessment view, in headless Chromium against a served build.
// Usage: BASE_URL=http://127.0.0.1:PORT/ node flows.mjs   (e2e/run.sh builds, serves and calls this)
// Every flow also checks that no request leaves 127.0.0.1 and that the console stays clean.
import { writeFile, mkdir } from 'node:fs/promises';
import { launch, watch, newLog } from './browser.mjs';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:8080/';
const out = new URL('./artifacts/', import.meta.url).pathname;
await mkdir(out, { recursive: true });
const log = newLog();
let failures = 0;

function check(ok, what, detail = '') {
  console.log(`${ok ? '✓' : '✗'} ${what}${ok ? '' : `  ${detail}`}`);
  if (!ok) failures += 1;
}

async function newPage(browser, width = 1440, height = 1000) {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  const page = await context.newPage();
  watch(page, log);
  return { context, page };
}

const total = (page) => page.locator('.result-card [data-testid=total]').innerText();
const tier = (page) => page.locator('.result-card [data-testid=tier]').innerText();
async function waitTotal(page, expected) {
  await page.waitForFunction(
    (t) => document.querySelector('.result-card [data-testid=total]')?.textContent === t, expected, { timeout: 5000 },
  ).catch(() => {});
  return total(page);
}

const browser = await launch();
try {
  // 1. The page opens on example 01 with its result.
  const { context, page } = await newPage(browser);
  await page.goto(base);
  await page.waitForSelector('.result-card [data-testid=total]');
  check(await total(page) === '95.28', 'example 01 opens with total 95.28', await total(page));
  check(await tier(page) === '好', 'example 01 is 好', await tier(page));
  await page.screenshot({ path: `${out}01-open.png` });

  // 1b. The JS API: the embedders' module on its own page (api.html; Trunk's
  // window.wasmBindings, also window.dongliang). The phone's page does not carry it.
  check(await page.evaluate(() => window.dongliang === undefined), "the phone's page does not carry the JS API");
  const apiPage = await context.newPage();
  watch(apiPage, log);
  await apiPage.goto(`${base}api.html`);
  await apiPage.waitForFunction(() => window.dongliang !== undefined);
  const api = await apiPage.evaluate(() => {
    const api = window.wasmBindings;
    const example = { unit_score: 92, pledges: [{ area: 'key_work', grade: 'A', quarters: [95, 95, null, null] }],
      votes: { district_leaders: { good: 9, fairly_good: 1 } } };
    const result = api.evaluate(example);
    const fromText = window.dongliang.evaluate(JSON.stringify(example));
    const what = api.whatIf(example);
    const ranking = api.rank([example, { ...example, unit_score: 60 }]);
    const rules = api.defaultRules();
    let thrown = null;
    try { api.evaluate({ pledges: [{ area: 'x', quarters: [104, null, null, null] }] }); } catch (e) {
      thrown = { name: e.name, isError: e instanceof Error, errors: e.errors };
    }
    let badRules = null;
    try { api.evaluate(example, { ...rules, tiers: { ...rules.tiers, thresholds: [{ tier: 'good', min: 80 }, { tier: 'fairly_good', min: 90 }] } }); }
    catch (e) { badRules = e.errors.map((x) => x.path); }
    return { total: result.total, tier: result.tier, projected: result.projected, same: fromText.total === result.total,
      steps: result.trace.length, targets: what.quarter_targets.length, ranks: ranking.officials.map((o) => o.rank),
      rulesName: rules.name, thrown, badRules };
  });
  check(api.tier === 'good' && api.projected && api.same && api.steps > 5, 'JS evaluate() returns the assessment with its trace', JSON.stringify(api));
  check(api.ranks.join() === '1,2' && api.targets >= 0 && api.rulesName.includes('市北'), 'JS whatIf(), rank(), defaultRules() answer', JSON.stringify(api));
  check(api.thrown?.isError && api.thrown.errors.some((e) => e.path === 'pledges[0].quarters[0]' && e.type === 'out_of_range')
    && api.thrown.errors.some((e) => e.path === 'pledges[0].area'), 'JS errors are thrown with {path, type, …}', JSON.stringify(api.thrown));
  check(Array.isArray(api.badRules) && api.badRules.every((p) => p.startsWith('rules')), 'invalid rules are refused with paths', JSON.stringify(api.badRules));
  await apiPage.close();

  // 1c. Accessibility: every control has a name; the keyboard reaches and works everything.
  const unnamed = await page.evaluate(() => [...document.querySelectorAll('input, select, button')]
    .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || el.textContent.trim()))
    .map((el) => el.id || el.outerHTML.slice(0, 60)));
  check(unnamed.length === 0, 'every input, select and button is labelled', unnamed.join(', '));
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => document.activeElement?.className) === 'skip', 'the first Tab reaches the skip link');
  await page.focus('[data-testid=grade-2-C]');
  await page.keyboard.press('Enter');
  check(await waitTotal(page, '94.01') === '94.01', 'Enter on a grade button regrades (pledge 3 → C: 94.01)', await total(page));
  await page.focus('[data-testid=grade-2-B]');
  await page.keyboard.press('Space');
  await waitTotal(page, '95.28');
  await page.focus('#tab-explain');
  await page.keyboard.press('ArrowRight');
  check(await page.evaluate(() => document.activeElement?.id) === 'tab-whatif'
    && await page.getAttribute('#tab-whatif', 'aria-selected') === 'true', 'arrow keys move between the result tabs');
  await page.keyboard.press('ArrowLeft');

  // 2. Pledge 3 from B to A: the total rises (95.28 → 96.54).
  await page.click('[data-testid=grade-2-A]');
  check(await waitTotal(page, '96.54') === '96.54', 'pledge 3 B→A raises the total to 96.54', await total(page));
  await page.click('[data-testid=grade-2-B]');
  await waitTotal(page, '95.28');

  // 2b. Near the line: unit score 72 gives 89.28 较好; pledge 3 to A lifts it to 90.54 好.
  await page.fill('#f-unit_score', '72');
  check(await waitTotal(page, '89.28') === '89.28', 'unit score 72 gives 89.28', await total(page));
  check(await tier(page) === '较好', '… which is 较好', await tier(page));
  await page.click('[data-testid=grade-2-A]');
  check(await waitTotal(page, '90.54') === '90.54', 'pledge 3 B→A gives 90.54', await total(page));
  check(await tier(page) === '好', '… and the tier changes to 好', await tier(page));
  await page.screenshot({ path: `${out}02-regraded.png` });

  // 3. An invalid entry shows the engine's message beside the field and keeps the last result.
  await page.fill('#f-pledges-0-quarters-1', '104');
  const fieldError = await page.locator('#f-pledges-0-quarters-1-note').innerText();
  check(fieldError.includes('104') && fieldError.includes('0–100'), 'a quarter of 104 is reported beside the field', fieldError);
  check(await total(page) === '90.54', '… and the last valid result stays', await total(page));
  check(await page.locator('[data-testid=error-summary]').isVisible(), '… and listed in the error summary');
  await page.screenshot({ path: `${out}03-invalid.png` });
  await page.fill('#f-pledges-0-quarters-1', '92');
  check(await page.locator('[data-testid=error-summary]').count() === 0, 'fixing it clears the error');

  // 4. Claiming N7 vetoes: banner with the item and the article's words; tier capped at 较好.
  await page.check('[data-testid=neg-N7]');
  const banner = page.locator('.veto-banner');
  await banner.waitFor();
  const bannerText = await banner.innerText();
  check(bannerText.includes('在关键时刻退缩不前、敷衍塞责'), 'the veto banner names N7', bannerText);
  check(bannerText.includes('直接取消评优资格') && bannerText.includes('《青岛日报》2023-03-23'), '… and quotes the article', bannerText);
  check(await tier(page) === '较好', 'the vetoed tier is capped at 较好', await tier(page));
  check(await total(page) === '90.54', '… while the total stays 90.54', await total(page));
  await page.screenshot({ path: `${out}04-veto.png` });

  // 5. The what-if table applies a change and undoes it.
  await page.click('#tab-whatif');
  const row = page.locator('[data-testid=what-if] tbody tr', { hasText: '承诺 1 由 A 改评 B' });
  await row.getByRole('button').click();
  check(await total(page) !== '90.54', 'applying a what-if row changes the dossier', await total(page));
  await page.locator('.what-if-head button').click();
  check(await waitTotal(page, '90.54') === '90.54', 'undo restores it', await total(page));
  await page.screenshot({ path: `${out}05-what-if.png` });

  // 6. Reload: the dossier is restored from the browser's storage.
  await page.reload();
  await page.waitForSelector('.result-card [data-testid=total]');
  check(await total(page) === '90.54' && await tier(page) === '较好', 'after reload the dossier is restored', `${await total(page)} ${await tier(page)}`);
  check(await page.inputValue('#f-unit_score') === '72', '… with the unit score typed before');
  check(await page.isChecked('[data-testid=neg-N7]'), '… and N7 still claimed');

  // 7. A broken file: a clear message, nothing changed (also after reload).
  const slotsBefore = await page.locator('#slot-select option').count();
  await page.setInputFiles('#import-file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"pledges": [') });
  const notice = page.locator('[data-testid=notice]');
  await notice.waitFor();
  const noticeText = await notice.innerText();
  check(noticeText.includes('broken.json') && noticeText.includes('JSON 格式错误'), 'a broken file is refused with the reason', noticeText);
  check(await total(page) === '90.54' && await page.locator('#slot-select option').count() === slotsBefore, '… and nothing changed');
  await page.screenshot({ path: `${out}07-import-broken.png` });
  await page.setInputFiles('#import-file', { name: 'wrong.json', mimeType: 'application/json',
    buffer: Buffer.from('{"pledges": [{"area": "key_work", "quarters": [104, null, null, null]}]}') });
  await page.waitForFunction(() => document.querySelector('[data-testid=notice]')?.textContent.includes('wrong.json'));
  const wrongText = await notice.innerText();
  check(wrongText.includes('承诺 1 第 1 季度') && wrongText.includes('104'), 'an invalid dossier file names the field (in words)', wrongText);
  await page.setInputFiles('#import-file', { name: 'huge.json', mimeType: 'application/json',
    buffer: Buffer.alloc(1024 * 1024 + 1, ' ') });
  await page.waitForFunction(() => document.querySelector('[data-testid=notice]')?.textContent.includes('huge.json'));
  const hugeText = await notice.innerText();
  check(hugeText.includes('文件超过 1 MB') && await page.locator('#slot-select option').count() === slotsBefore,
    'a file over 1 MB is refused unread', hugeText);
  await page.reload();
  await page.waitForSelector('.result-card [data-testid=total]');
  check(await total(page) === '90.54', '… nothing lost after reload either', await total(page));

  // 8. Export a valid file and import it back as a new dossier (the export panel offers the
  // download beside the copy).
  await page.click('text=导出 JSON');
  await page.waitForSelector('[data-testid=transfer-panel]');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=transfer-panel] button.primary')]);
  const exported = await download.path();
  await page.keyboard.press('Escape');
  await page.setInputFiles('#import-file', exported);
  await page.waitForFunction(() => document.querySelector('[data-testid=notice]')?.textContent.includes('已导入'));
  check(await page.locator('#slot-select option').count() === slotsBefore + 1 && await total(page) === '90.54',
    'an exported file imports back as a new dossier with the same result');

  // 9. A share link opened in a fresh browser context gives the same result.
  await page.click('text=分享链接');
  const url = await page.inputValue('#share-url');
  check(url.startsWith(base) && url.includes('#share=1.'), 'a share link is made', url.slice(0, 80));
  const fresh = await newPage(browser);
  await fresh.page.goto(url);
  await fresh.page.waitForSelector('.result-card [data-testid=total]');
  check(await total(fresh.page) === '90.54' && await tier(fresh.page) === '较好', 'the share link reproduces the result in a fresh context',
    `${await total(fresh.page)} ${await tier(fresh.page)}`);
  check(await fresh.page.locator('.veto-banner').isVisible(), '… veto included');
  check(!(await fresh.page.evaluate(() => location.hash)).includes('share='), '… and the fragment is cleared from the address bar');
  await fresh.page.screenshot({ path: `${out}09-shared.png` });
  await fresh.context.close();

  // 10. English, remembered across reloads.
  await page.click('button[aria-label=English]');
  await page.waitForSelector('text=Result');
  check(await tier(page) === 'fairly good', 'English labels the tier', await tier(page));
  await page.reload();
  await page.waitForSelector('.result-card [data-testid=total]');
  check(await page.locator('#result-title').innerText() === 'Result', 'the language choice is remembered');
  await page.screenshot({ path: `${out}10-english.png` });
  await page.click('button[aria-label=中文]');

  // 11. Phones: the result is a bottom bar that opens the full card.
  const phone = await newPage(browser, 375, 812);
  await phone.page.goto(base);
  await phone.page.waitForSelector('.mobile-bar');
  check(await phone.page.locator('.result-card').isHidden(), 'at 375 px the card is collapsed');
  const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth);
  check(overflow <= 375, 'nothing overflows sideways at 375 px', `scrollWidth ${overflow}`);
  await phone.page.screenshot({ path: `${out}11-phone.png` });
  await phone.page.click('.mobile-bar button');
  check(await phone.page.locator('.result-card').isVisible(), 'the bottom bar opens the card');
  await phone.page.screenshot({ path: `${out}11-phone-open.png` });
  await phone.context.close();

  // 12a. Every editor section answers (on a fresh copy of example 02, the mid-year projection).
  await page.click('button[aria-label=中文]').catch(() => {});
  await page.selectOption('#example-select', '1');
  await page.waitForFunction(() => document.querySelector('.result-card [data-testid=total]')?.textContent === '90.76');
  check(await page.locator('[data-testid=projected]').isVisible(), 'example 02 is marked 推算 with its assumptions');
  await page.click('#sec-assumptions summary');
  await page.fill('#f-assumptions-quarter_score', '100');
  check(await total(page) !== '90.76', 'an assumed score for unscored quarters moves the projection', await total(page));
  await page.fill('#f-assumptions-quarter_score', '');
  await waitTotal(page, '90.76');
  await page.uncheck('#unit-pending');
  await page.fill('#f-unit_score', '95');
  check(await waitTotal(page, '90.76') === '90.76', 'a published unit score equal to the assumption keeps the total');
  await page.fill('#f-votes-peers-good', 'abc');
  check((await page.locator('#f-votes-peers-good ~ .field-error').innerText()).includes('类型错误'), 'a vote count that is not a number is reported in its cell');
  await page.fill('#f-votes-peers-good', '');
  await page.fill('#f-positive-3-count', '0');
  check((await page.locator('#f-positive-3-count ~ .field-error').innerText()).includes('0 超出范围 1–10'), 'a count of 0 is reported beside it');
  await page.fill('#f-positive-3-count', '2');
  const before = await total(page);
  await page.check('#tol-N9');
  check(Number(await total(page)) === Number(before) + 2, 'tolerating N9 (容错免责) removes its 2-point deduction', `${before} → ${await total(page)}`);
  await page.click('#sec-history summary');
  await page.click('text=+ 添加一年');
  await page.selectOption('#f-history-0', 'average');
  check(await page.locator('#f-history-0').inputValue() === 'average', 'a previous year can be added and set');
  for (let i = 0; i < 7; i++) await page.click('text=+ 添加承诺');
  check(await page.locator('.pledge-card').count() === 10 && await page.locator('text=+ 添加承诺(10/10)').isDisabled(), 'pledges stop at 10');
  await page.click('[aria-label="删除承诺 10"]');
  check(await page.locator('.pledge-card').count() === 9, 'a pledge can be removed');
  await page.focus('#f-pledges-2-factors-0');
  await page.keyboard.press('ArrowLeft');
  const derived = await page.locator('[data-testid=derived-2]').innerText();
  check(derived.includes('3 + 4 + 4 = 11') && derived.includes('B 级'), 'a factor slider moves from the keyboard and the derived grade follows', derived);
  await page.fill('#slot-label', '我的 2023 年中自评');
  await page.press('#slot-label', 'Enter');
  check((await page.locator('#slot-select option:checked').innerText()) === '我的 2023 年中自评', 'a dossier can be renamed');
  const count = await page.locator('#slot-select option').count();
  page.once('dialog', (d) => d.accept());
  await page.click('text=删除');
  await page.waitForFunction((n) => document.querySelectorAll('#slot-select option').length === n - 1, count);
  check(true, 'a dossier can be deleted after confirming');
  await page.screenshot({ path: `${out}12a-editor.png`, fullPage: true });

  // 12b. The print stylesheet makes a one-page report with the rule set's name, version and hash.
  await page.emulateMedia({ media: 'print' });
  const report = await page.locator('.print-report').innerText();
  check(report.includes('自评报告') && /版本 \d+\.\d+\.\d+/.test(report) && /sha256:[0-9a-f]{16}/.test(report)
    && /\d{4}-\d{2}-\d{2}/.test(report), 'the printed report names the rules, version, hash and date', report.slice(0, 200));
  const pdf = await page.pdf({ format: 'A4', path: `${out}report.pdf` });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  check(pages === 1, 'the report prints on one A4 page', `${pages} pages`);
  await page.screenshot({ path: `${out}12b-print.png` });
  await page.emulateMedia({ media: 'screen' });

  // 12. Corrupt storage: start clean, say so, offer the text.
  await page.evaluate(() => localStorage.setItem('dongliang.library', '{"schema": 1, "slots": [oops'));
  await page.reload();
  await page.waitForSelector('[data-testid=notice]');
  const corrupt = await page.locator('[data-testid=notice]').innerText();
  check(corrupt.includes('无法读取') && corrupt.includes('下载'), 'corrupt storage: started clean and said so', corrupt);
  check(await total(page) === '95.28', '… with example 01', await total(page));
  await page.screenshot({ path: `${out}12-corrupt.png` });
  await context.close();
} finally {
  await browser.close();
}

check(log.outside.length === 0, 'no request left 127.0.0.1', log.outside.join(' '));
check(log.consoleErrors.length === 0, 'no console error', log.consoleErrors.join(' | '));
await writeFile(`${out}flows.json`, JSON.stringify({ failures, ...log }, null, 2));
console.log(failures === 0 ? 'all flows passed' : `${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
