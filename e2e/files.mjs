// Files as offices have them, imported into the workshop the way a trainer would: the same
// cohort as JSON, as Chinese Excel/WPS CSV (GBK, no byte-order mark), as Excel's "Unicode
// text" (UTF-16, tabs), as UTF-8 without a mark, with semicolons, as a workbook written by
// another program (openpyxl: a merged title row, a date cell) and as one written by this app
// (exported, then imported back); each must show the same names, totals and ranks and say how
// it was read. Files in no encoding read, damaged, encrypted, legacy .xls and unfinished
// formulas are refused with the reason, and nothing changes. The Excel template downloads,
// and the table copied for a spreadsheet pastes back. Fixtures: tests/data/files/README.md.
// Usage: BASE_URL=http://127.0.0.1:PORT/ node files.mjs   (e2e/run.sh builds, serves and calls this)
import { mkdir, writeFile } from 'node:fs/promises';
import { launch, watch, newLog } from './browser.mjs';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:8080/';
const out = new URL('./artifacts/', import.meta.url).pathname;
const files = new URL('../tests/data/files/', import.meta.url).pathname;
await mkdir(out, { recursive: true });
const log = newLog();
let failures = 0;

function check(ok, what, detail = '') {
  console.log(`${ok ? '✓' : '✗'} ${what}${ok ? '' : `  ${detail}`}`);
  if (!ok) failures += 1;
}

/** The ranking as the table shows it: name, total and rank of every row. */
const table = (page) => page.locator('[data-testid=ws-row]').evaluateAll((rows) => rows.map((r) => [
  r.querySelector('th button')?.textContent.trim(),
  r.querySelector('td.total-cell')?.textContent.trim(),
  r.querySelector('td.rank')?.textContent.trim(),
].join(' | ')));
const loaded = (page) => page.locator('[data-testid=cohort-loaded]').innerText();

async function importFile(page, name) {
  await page.setInputFiles('#ws-import', `${files}${name}`);
  await page.waitForFunction((n) => document.querySelector('[data-testid=cohort-loaded]')?.textContent.includes(n)
    || document.querySelector('[data-testid=ws-import-error]'), name, { timeout: 30000 });
}

const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(base).origin });
  const page = await context.newPage();
  watch(page, log);
  await page.goto(`${base}workshop.html`);
  await page.waitForSelector('#ws-import', { state: 'attached' });

  await importFile(page, 'cohort.json');
  const reference = await table(page);
  check(reference.length === 12 && reference.every((r) => !r.includes('�')), 'the reference cohort (JSON) shows 12 officials', reference.slice(0, 2).join(' / '));

  for (const [name, how] of [
    ['cohort-gbk.csv', 'GBK/GB18030'],
    ['cohort-utf16.txt', 'UTF-16 LE'],
    ['cohort-utf8.csv', 'UTF-8'],
    ['cohort-semicolon.csv', 'UTF-8'],
    ['cohort-openpyxl.xlsx', '考核名单'],
    ['cohort-app.xlsx', '工作表'],
  ]) {
    await importFile(page, name);
    const error = await page.locator('[data-testid=ws-import-error]').count();
    const rows = await table(page);
    const same = rows.length === reference.length && rows.every((r, i) => r === reference[i]);
    check(!error && same, `${name}: the same names, totals and ranks as the JSON`, error ? await page.locator('[data-testid=ws-import-error]').innerText() : rows.slice(0, 2).join(' / '));
    const note = await loaded(page);
    check(note.includes(how), `${name}: the page says how it was read (${how})`, note);
    if (name === 'cohort-gbk.csv') await page.screenshot({ path: `${out}files-gbk.png` });
  }

  // Refused files: nothing changes.
  for (const [name, words] of [
    ['unknown-encoding.csv', '第 3 行'],
    ['corrupt.xlsx', ''],
    ['encrypted.xlsx', '密码'],
    ['legacy.xls', '.xlsx'],
    ['formula-uncomputed.xlsx', '公式'],
  ]) {
    const before = [await loaded(page), await table(page)];
    await importFile(page, name);
    const error = page.locator('[data-testid=ws-import-error]');
    const text = (await error.count()) ? await error.innerText() : '';
    check(text.includes(name) && text.includes(words), `${name} is refused with the reason`, text.slice(0, 300));
    const after = [await loaded(page), await table(page)];
    check(JSON.stringify(after) === JSON.stringify(before), `… and the cohort in the workshop is unchanged`);
    if (name === 'unknown-encoding.csv') await page.screenshot({ path: `${out}files-refused.png` });
    await page.click('[data-testid=ws-import-error] .notice-close');
  }

  // The app's own workbook, exported then imported back.
  await importFile(page, 'cohort.json');
  await page.click('[data-testid=export-xlsx]');
  await page.waitForSelector('[data-testid=transfer-panel]', { timeout: 60000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=transfer-panel] button.primary')]);
  const saved = `${out}files-exported.xlsx`;
  await download.saveAs(saved);
  // The table to copy for a spreadsheet: tab-separated, with the header.
  await page.click('[data-testid=copy]');
  await page.waitForSelector('.transfer-status');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  check(copied.split('\n')[0].includes('\tpost\t') && copied.split('\n').length >= 13, 'the workbook export also copies the table, tab-separated', copied.slice(0, 80));
  await page.keyboard.press('Escape');
  await page.setInputFiles('#ws-import', saved);
  await page.waitForFunction(() => document.querySelector('[data-testid=cohort-loaded]')?.textContent.includes('files-exported.xlsx'), null, { timeout: 30000 });
  const back = await table(page);
  check(back.every((r, i) => r === reference[i]) && back.length === reference.length, "the app's own .xlsx export imports back unchanged", back.slice(0, 2).join(' / '));

  // What was copied pastes back (text copied from a spreadsheet is tab-separated too).
  await page.click('button:has-text("粘贴导入")');
  await page.fill('[data-testid=paste-text]', copied);
  await page.click('[data-testid=paste-import]');
  await page.waitForFunction(() => document.querySelector('[data-testid=cohort-loaded]')?.textContent.includes('粘贴'), null, { timeout: 30000 });
  const pasted = await table(page);
  check(pasted.every((r, i) => r === reference[i]) && pasted.length === reference.length, 'the copied table pastes back as the same cohort', pasted.slice(0, 2).join(' / '));

  // The Excel template downloads, and imports as its one example official.
  await page.click('[data-testid=template-xlsx]');
  await page.waitForSelector('[data-testid=transfer-panel]', { timeout: 60000 });
  const [template] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=transfer-panel] button.primary')]);
  check(template.suggestedFilename() === 'cohort-template.xlsx', 'the Excel template downloads', template.suggestedFilename());
  const templatePath = `${out}files-template.xlsx`;
  await template.saveAs(templatePath);
  await page.keyboard.press('Escape');
  await page.setInputFiles('#ws-import', templatePath);
  await page.waitForFunction(() => document.querySelector('[data-testid=cohort-loaded]')?.textContent.includes('files-template.xlsx'), null, { timeout: 30000 });
  check((await table(page)).length === 1, '… and reads back as its example official');

  // The ranking exported as a workbook.
  await page.click('[data-testid=ranking-xlsx]');
  await page.waitForSelector('[data-testid=transfer-panel]', { timeout: 60000 });
  const [ranking] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=transfer-panel] button.primary')]);
  check(ranking.suggestedFilename() === 'ranking.xlsx', 'the ranking exports as .xlsx', ranking.suggestedFilename());
  await ranking.saveAs(`${out}files-ranking.xlsx`);
  await page.keyboard.press('Escape');
  await context.close();
} finally {
  await browser.close();
}
await writeFile(`${out}files-log.json`, JSON.stringify(log, null, 2));
check(log.consoleErrors.length === 0, 'no console errors', log.consoleErrors.join(' | '));
check(log.outside.length === 0, 'no request left 127.0.0.1', log.outside.join(' | '));
if (failures) {
  console.error(`${failures} file check(s) failed`);
  process.exit(1);
}
console.log('all file checks passed');
