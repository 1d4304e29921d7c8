// Results an official can trust (issue: honest projections, no lost keystrokes, visible and
// carried rules, looking at an official without adopting them, copy/paste and QR codes), in
// headless Chromium against a served build, in both languages where words matter.
// Usage: BASE_URL=http://127.0.0.1:PORT/ node trust.mjs   (e2e/run.sh builds, serves and calls this)
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
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

async function newPage(browser, { width = 1440, height = 1000, phone = false } = {}) {
  const context = await browser.newContext({
    viewport: { width, height }, acceptDownloads: true,
    ...(phone ? { isMobile: true, hasTouch: true } : {}),
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(base).origin });
  const page = await context.newPage();
  watch(page, log);
  return { context, page };
}

const total = (page) => page.locator('.result-card [data-testid=total]').innerText();
const clickText = (page, text) => page.locator('button', { hasText: text }).first().click();
async function ready(page) {
  await page.waitForSelector('#sec-pledges');
}
async function setLang(page, lang) {
  await page.locator(`.lang-option[lang="${lang === 'zh' ? 'zh-CN' : 'en'}"]`).click();
}

const browser = await launch();
try {
  // 1. A blank dossier shows what to enter, not a tier — in both languages, desktop and phone.
  for (const [lang, label] of [['zh', '新建我的自评'], ['en', 'Start my own']]) {
    const { context, page } = await newPage(browser);
    await page.goto(base);
    await ready(page);
    if (lang === 'en') await setLang(page, 'en');
    await page.locator('button', { hasText: lang === 'zh' ? label : /new|start/i }).first().click();
    await page.waitForSelector('[data-testid=nothing-yet]');
    const card = await page.locator('.result-card').innerText();
    check(!/好|较好|一般|较差|good|average|poor/i.test(card.replace(/not official|illustrative/gi, '')),
      `${lang}: a blank dossier shows no tier`, card);
    check(await page.locator('.result-card [data-testid=total]').count() === 0, `${lang}: … and no total`);
    check(await page.locator('[data-testid=rules-note]').first().isVisible(), `${lang}: … and says the parameters are illustrative`);
    await page.screenshot({ path: `${out}trust-blank-${lang}.png` });
    await context.close();
  }

  // 2. 105 in a quarter survives a reload with its error; the result says it is the last valid one.
  {
    const { context, page } = await newPage(browser);
    await page.goto(base);
    await ready(page);
    const before = await total(page);
    await page.fill('#f-pledges-0-quarters-1', '105');
    await page.waitForSelector('[data-testid=stale]');
    const stale = await page.locator('[data-testid=stale]').innerText();
    check(stale.includes('承诺 1 第 2 季度') && stale.includes('105'), 'the stale result names the wrong field in words', stale);
    check(await total(page) === before, '… and keeps the last valid total', `${before} → ${await total(page)}`);
    await page.reload();
    await ready(page);
    await page.waitForSelector('[data-testid=stale]');
    check(await page.inputValue('#f-pledges-0-quarters-1') === '105', '105 is still in the field after a reload');
    check((await page.locator('[data-testid=error-summary]').innerText()).includes('105'), '… with its error');
    await page.screenshot({ path: `${out}trust-105-after-reload.png` });
    await page.fill('#f-pledges-0-quarters-1', '92');
    await page.waitForFunction(() => !document.querySelector('[data-testid=stale]'));
    await page.reload();
    await ready(page);
    check(await page.inputValue('#f-pledges-0-quarters-1') === '92' && !(await page.locator('[data-testid=stale]').count()),
      'once corrected, the reload shows the valid entry and no error');
    await context.close();
  }

  // 3. Changed rules: a banner on every view, and a share link that reproduces the sender's
  // total in a fresh browser.
  {
    const { context, page } = await newPage(browser);
    await page.goto(`${base}workshop.html#rules`);
    await page.waitForSelector('#r-dimensions-weights-unit');
    await page.fill('#r-dimensions-weights-unit', '0.4');
    await page.fill('#r-dimensions-weights-pledges', '0.3');
    await page.waitForSelector('[data-testid=rules-banner]');
    check(await page.locator('[data-testid=rules-banner]').isVisible(), 'changed rules show a banner in the rules view');
    await page.locator('header nav button').first().click();
    await ready(page);
    const senderTotal = await total(page);
    check(senderTotal !== '95.28', 'the changed weights change example 01', senderTotal);
    check(await page.locator('[data-testid=rules-banner]').isVisible() && await page.locator('[data-testid=rules-mark]').isVisible(),
      '… and the self-assessment marks them (banner and result card)');
    await page.goto(`${base}#about`);
    await page.waitForSelector('main');
    check(await page.locator('[data-testid=rules-banner]').isVisible(), "… and so does the phone's page");
    await page.goto(base);
    await ready(page);
    await clickText(page, '分享链接');
    const link = await page.locator('#share-url').inputValue();
    check(link.includes('#share=2.'), 'the share link carries the rules (#share=2.)', link.slice(0, 80));
    // The QR code decodes back to the link.
    const qr = page.locator('[data-testid=share-qr]');
    await qr.screenshot({ path: `${out}trust-qr.png` });
    let decoded = '';
    try {
      decoded = execFileSync('zbarimg', ['--quiet', '--raw', `${out}trust-qr.png`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch (e) {
      decoded = `zbarimg failed: ${e.message}`;
    }
    check(decoded === link, 'the QR code decodes to the share link', decoded.slice(0, 120));
    await context.close();

    const fresh = await newPage(browser, { width: 390, height: 844, phone: true });
    await fresh.page.goto(link);
    await fresh.page.waitForSelector('[data-testid=shared-rules]');
    const shown = await fresh.page.locator('.mobile-bar .mobile-total').innerText();
    check(shown === senderTotal, "a fresh browser opening the link sees the sender's total", `${senderTotal} vs ${shown}`);
    check((await fresh.page.locator('[data-testid=shared-rules]').innerText()).includes('修改过的规则'), '… and is told the rules differ');
    await fresh.page.screenshot({ path: `${out}trust-shared-rules.png` });
    await fresh.context.close();
  }

  // 4. An official opened from the workshop's ranking is looked at, not added to one's dossiers.
  {
    const { context, page } = await newPage(browser);
    await page.goto(`${base}workshop.html`);
    await page.click('[data-testid=load-demo]');
    await page.waitForSelector('[data-testid=ws-row]');
    const before = await page.evaluate(() => JSON.parse(localStorage.getItem('dongliang.library') ?? '{"slots":[]}').slots.length);
    await page.locator('[data-testid=ws-row] th button').first().click();
    await page.waitForSelector('[data-testid=preview-banner]');
    await page.waitForTimeout(200);
    const after = await page.evaluate(() => JSON.parse(localStorage.getItem('dongliang.library') ?? '{"slots":[]}').slots.length);
    check(after === before, 'opening an official from the ranking adds nothing to the dossiers', `${before} → ${after}`);
    await page.screenshot({ path: `${out}trust-preview.png` });
    await clickText(page, '另存为我的档案');
    await page.waitForFunction(() => !document.querySelector('[data-testid=preview-banner]'));
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('dongliang.library')).slots.length);
    check(saved === before + 1, '"save a copy" adds it', `${before} → ${saved}`);
    await context.close();
  }

  // 6. A vetoed official's what-if: "without N7" is listed among the first rows, marked as
  // lifting the veto, and applying it lifts the tier; the explanation reads as sentences, in
  // both languages, with English free of full-width punctuation.
  {
    const { context, page } = await newPage(browser);
    await page.goto(base);
    await ready(page);
    await page.selectOption('#example-select', '1');
    await page.waitForSelector('.veto-banner');
    await page.click('role=tab[name=/假如/]');
    await page.waitForSelector('[data-testid=what-if-row]');
    const rows = await page.locator('[data-testid=what-if-row]').allInnerTexts();
    const without = rows.findIndex((r) => r.includes('N7') && r.includes('解除一票否决'));
    check(without >= 0 && without < 3, 'the what-if lists removing N7, marked as lifting the veto, among the first rows', rows.slice(0, 3).join(' | '));
    const vetoes = await page.locator('[data-testid=veto-mark]').count();
    check(vetoes >= 3, '… and marks the veto items', `${vetoes}`);
    check(await page.locator('[data-testid=what-if-held]').count() === 1, '… and says what a projection holds fixed');
    await page.locator('[data-testid=what-if-row]').nth(without).locator('button').click();
    await page.waitForFunction(() => !document.querySelector('.veto-banner'));
    check((await page.locator('.result-card [data-testid=tier]').innerText()).includes('好'), 'applying it lifts the tier');
    await page.screenshot({ path: `${out}trust-what-if.png` });
    await page.click('role=button[name=撤销]');
    await page.waitForSelector('.veto-banner');
    await page.click('role=tab[name=/如何计算/]');
    const zh = await page.locator('[data-testid=trace]').innerText();
    check(!/round2|∧|\[.*\] →|\d\.\d{3}/.test(zh), 'the explanation has no code or four-decimal figures', zh.slice(0, 200));
    check((await page.locator('[data-testid=trace-line] .says').count()) >= 5, '… but a sentence a step');
    const quotes = await page.locator('[data-testid=trace] blockquote').allInnerTexts();
    check(new Set(quotes).size === quotes.length, '… and each quote of the article once', `${quotes.length} quotes`);
    check((await page.locator('[data-testid=projection-note]').innerText()).includes('假设'), 'the headline says what the projection assumes');
    check((await page.locator('[data-testid=consequences]').innerText()).startsWith('若最终评为'), 'the consequences of a projection read as conditional');
    await setLang(page, 'en');
    await page.waitForSelector('text=Result');
    const en = await page.locator('main').innerText();
    // Full-width punctuation (the Chinese strings' ，。：；（）、！“”《》) in a line without Chinese.
    const fullWidth = /[\uff0c\u3002\uff1a\uff1b\uff08\uff09\u3001\uff01\u201c\u201d\u300a\u300b]/;
    const english = en.split('\n').filter((l) => fullWidth.test(l) && !/[\u4e00-\u9fff]/.test(l));
    check(english.length === 0, 'English text has no full-width punctuation', english.slice(0, 3).join(' | '));
    check(!/1 consecutive years|\(虚构\)/.test(en), 'English has plurals and no untranslated (虚构)');
    check(en.includes('Translation:'), "the article's quotes carry an English translation, marked as one");
    await page.screenshot({ path: `${out}trust-english.png`, fullPage: true });
    await context.close();
  }

  // 5. Copy and paste round-trip a dossier (chat apps block downloads).
  {
    const { context, page } = await newPage(browser);
    await page.goto(base);
    await ready(page);
    await page.fill('#f-pledges-0-quarters-1', '81');
    await page.waitForFunction(() => document.querySelector('.result-card [data-testid=total]')?.textContent !== '95.28');
    const edited = await total(page);
    await clickText(page, '导出 JSON');
    await page.waitForSelector('[data-testid=transfer-panel]');
    await page.screenshot({ path: `${out}trust-export-panel.png` });
    await page.click('[data-testid=copy]');
    await page.waitForSelector('.transfer-status');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    check(copied.includes('"pledges"') && copied.includes('81'), 'copy puts the dossier JSON on the clipboard', copied.slice(0, 80));
    await page.keyboard.press('Escape');
    await clickText(page, '新建我的自评');
    await clickText(page, '粘贴导入');
    await page.fill('[data-testid=paste-text]', copied);
    await page.click('[data-testid=paste-import]');
    await page.waitForFunction((t) => document.querySelector('.result-card [data-testid=total]')?.textContent === t, edited, { timeout: 5000 }).catch(() => {});
    check(await total(page) === edited, 'pasting it back imports the same dossier (same total)', `${edited} vs ${await total(page)}`);
    const exported = JSON.parse(copied);
    check(exported.rules?.hash?.length > 0 && await page.locator('[data-testid=other-rules]').count() === 0,
      'the exported dossier carries the mark of the rules in force, and reading it back under them says nothing more', JSON.stringify(exported.rules));
    // The same dossier as if exported under another district's rules: imported, with a word.
    exported.rules = { name: '某区 2024 版', version: '2024.1', hash: '0123456789abcdef' };
    await clickText(page, '粘贴导入');
    await page.fill('[data-testid=paste-text]', JSON.stringify(exported));
    await page.click('[data-testid=paste-import]');
    await page.waitForSelector('[data-testid=other-rules]', { timeout: 5000 }).catch(() => {});
    const other = await page.locator('[data-testid=other-rules]').innerText().catch(() => '');
    check(other.includes('另一套规则') && other.includes('某区 2024 版') && await total(page) === edited,
      'a dossier exported under other rules is imported and says so, naming them', other);
    await context.close();
  }

  // 7. The HTML carries the first view of a first visit (example 01, prerendered), painted
  // before the wasm arrives; a visitor with work of their own never sees it, not for a frame.
  {
    const { context, page } = await newPage(browser, { width: 412, height: 823, phone: true });
    await page.addInitScript(() => {
      window.__shown = [];
      const look = () => {
        const p = document.getElementById('prerender');
        if (p) window.__shown.push(getComputedStyle(p).display !== 'none' && p.getBoundingClientRect().height > 0);
      };
      document.addEventListener('DOMContentLoaded', look);
      const frame = () => { look(); if (document.getElementById('prerender')) requestAnimationFrame(frame); };
      requestAnimationFrame(frame);
    });
    await page.goto(base);
    await ready(page);
    const first = await page.evaluate(() => window.__shown);
    check(first.length > 0 && first.every(Boolean), 'a first visit shows the prerendered first view until the app takes over', JSON.stringify(first));
    check(await page.locator('#prerender').count() === 0, '… which the app then removes');
    await page.fill('#f-pledges-0-quarters-0', '70');
    await page.waitForFunction(() => localStorage.getItem('dongliang.library')?.includes('70'), null, { timeout: 5000 }).catch(() => {});
    const own = await total(page);
    await page.reload();
    await ready(page);
    const again = await page.evaluate(() => window.__shown);
    check(again.length > 0 && !again.some(Boolean) && await total(page) === own && own !== '95.28',
      'with a dossier of their own, the prerendered example is never shown, and their own total is', `${JSON.stringify(again)} ${own}`);
    await context.close();
  }
} finally {
  await browser.close();
}
await writeFile(`${out}trust-log.json`, JSON.stringify(log, null, 2));
check(log.consoleErrors.length === 0, 'no console errors', log.consoleErrors.join(' | '));
check(log.outside.length === 0, 'no request left 127.0.0.1', log.outside.join(' | '));
if (failures) {
  console.error(`${failures} trust check(s) failed`);
  process.exit(1);
}
console.log('all trust checks passed');
