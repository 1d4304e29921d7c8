// Security of the served build: the Content-Security-Policy and other headers, no inline
// script, no third-party resource, no framing; imported names, titles and list texts that
// contain HTML or <script> render as inert text; crafted share links inject nothing.
// Every page also fails on a CSP violation, a console error, or a request leaving 127.0.0.1.
// Usage: BASE_URL=http://127.0.0.1:PORT/ node security.mjs
import { deflateRawSync } from 'node:zlib';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { launch, newLog, watch } from './browser.mjs';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:8080/';
const dist = new URL('../dist/', import.meta.url).pathname;
const out = new URL('./artifacts/', import.meta.url).pathname;
await mkdir(out, { recursive: true });
const log = newLog();
let failures = 0;
function check(ok, what, detail = '') {
  console.log(`${ok ? '✓' : '✗'} ${what}${ok ? '' : `  ${detail}`}`);
  if (!ok) failures += 1;
}

// Hostile text: each would set window.__pwned (or fetch "x") if it ever became markup.
const NAME = '<img src=x onerror="window.__pwned=\'name\'">';
const POST = '<script>window.__pwned=\'post\'</script>';
const TITLE = '<svg onload="window.__pwned=\'title\'"></svg><script>window.__pwned=\'title2\'</script>';
const LIST = '<img src=x onerror="window.__pwned=\'list\'"><b>粗体</b>';
const shareOf = (text) => `#share=1.${deflateRawSync(Buffer.from(text), { level: 9 }).toString('base64url')}`;
const dossier = {
  name: NAME, post: POST, unit_score: 91,
  pledges: [{ area: 'key_work', title: TITLE, grade: 'A', quarters: [90, 92, null, null] }],
  votes: { district_leaders: { good: 9, fairly_good: 1 } },
};

/** Nothing ran, nothing was fetched for "x", no element came from the hostile text. */
async function inert(page, what) {
  const state = await page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    injected: document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload], b').length,
    scripts: [...document.scripts].map((s) => s.getAttribute('src') ?? 'inline'),
  }));
  check(state.pwned === null && state.injected === 0 && state.scripts.every((s) => s !== 'inline'),
    `${what}: nothing executes and no element is injected`, JSON.stringify(state));
}

// 1. The build and its headers.
const html = await readFile(`${dist}index.html`, 'utf8');
check(!/<script\b(?![^>]*\bsrc=)/i.test(html), 'dist/index.html has no inline script');
check(!/\son[a-z]+=/i.test(html) && !/\sstyle=/i.test(html), '… no inline event handler or style attribute');
const texts = (await readdir(dist)).filter((f) => /\.(html|css|webmanifest|svg)$/.test(f) || ['start.js', 'sw.js'].includes(f));
const remote = [];
for (const f of texts) {
  for (const m of (await readFile(`${dist}${f}`, 'utf8')).matchAll(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"'<>)]*/gi)) {
    if (!m[0].startsWith('http://www.w3.org/')) remote.push(`${f}: ${m[0]}`);
  }
}
check(remote.length === 0, 'no third-party URL in the page, styles, loader, worker or manifest', remote.join(' '));
const response = await fetch(base);
const csp = response.headers.get('content-security-policy') ?? '';
const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
check(directives['default-src'] === "'self'" && directives['script-src'] === "'self' 'wasm-unsafe-eval'"
  && directives['style-src'] === "'self'" && directives['connect-src'] === "'self'" && directives['object-src'] === "'none'"
  && directives['base-uri'] === "'none'" && directives['frame-ancestors'] === "'none'" && directives['form-action'] === "'none'"
  && directives['img-src'] === "'self' data:", 'the server sends the strict Content-Security-Policy', csp);
check(/<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';/.test(html),
  '… and the page carries it too (<meta>)');
check(response.headers.get('x-content-type-options') === 'nosniff' && response.headers.get('referrer-policy') === 'no-referrer',
  '… with nosniff and no-referrer');

const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  watch(page, log);
  const toX = [];
  context.on('request', (r) => { if (/\/x$/.test(new URL(r.url()).pathname)) toX.push(r.url()); });
  await page.goto(base);
  await page.waitForSelector('.result-card [data-testid=total]');

  // 2. The policy is enforced: an injected inline script is refused (and reported). In a page
  // of its own, so that the refusal provoked here is not counted against the others.
  {
    const probe = await context.newPage();
    await probe.goto(base);
    await probe.waitForSelector('.result-card [data-testid=total]');
    const blocked = await probe.evaluate(() => new Promise((done) => {
      document.addEventListener('securitypolicyviolation', (e) => done(e.violatedDirective), { once: true });
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.append(s);
      setTimeout(() => done(window.__inline ? 'ran' : 'no report'), 1000);
    }));
    check(blocked.startsWith('script-src'), 'an injected inline script is refused by the policy', blocked);
    await probe.close();
  }

  // 3. A dossier file whose name, post and pledge title are HTML.
  await page.setInputFiles('#import-file', { name: 'evil.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(dossier)) });
  await page.waitForFunction(() => document.querySelector('[data-testid=notice]')?.textContent.includes('已导入'));
  await page.waitForTimeout(200);
  await inert(page, 'imported dossier');
  check(await page.inputValue('#f-name') === NAME && await page.inputValue('#f-post') === POST, '… its name and post show literally in the form',
    `${await page.inputValue('#f-name')} ${await page.inputValue('#f-post')}`);
  check(await page.inputValue('#f-pledges-0-title') === TITLE, '… and its pledge title', await page.inputValue('#f-pledges-0-title'));
  check((await page.locator('#slot-select option:checked').innerText()) === NAME, '… and the dossier list names it literally',
    await page.locator('#slot-select option:checked').innerText());
  await page.emulateMedia({ media: 'print' });
  const printed = await page.locator('.print-report').innerText();
  check(printed.includes(NAME) && printed.includes(TITLE), '… and so does the printed report', printed.slice(0, 300));
  await page.emulateMedia({ media: 'screen' });
  await page.screenshot({ path: `${out}security-import.png` });

  // 4. A rule set whose names and list texts are HTML, imported in the rules view (the
  // workshop's page, which also carries the JS API).
  await page.goto(`${base}workshop.html#rules`);
  await page.waitForFunction(() => window.dongliang !== undefined && document.querySelector('header nav'));
  const rules = await page.evaluate(() => window.dongliang.defaultRules());
  rules.name = NAME;
  rules.positive.items[0].zh = LIST;
  rules.negative.items[0].zh = LIST;
  rules.negative.items[0].en = LIST;
  const rulesNav = page.locator('header nav button', { hasText: '规则' });
  await rulesNav.click();
  if (await page.locator('#rules-import').count()) {
    await page.setInputFiles('#rules-import', { name: 'evil-rules.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(rules)) });
    await page.waitForFunction((t) => document.querySelector('main')?.innerText.includes(t), '粗体', { timeout: 5000 }).catch(() => {});
    await page.waitForTimeout(200);
    await inert(page, 'imported rule set');
    const values = await page.evaluate(() => [...document.querySelectorAll('main input, main textarea')].map((e) => e.value));
    const shown = await page.locator('main').innerText();
    check(shown.includes(NAME) || values.includes(NAME), '… its name shows literally in the rules view', shown.slice(0, 200));
    check(shown.includes(LIST) || values.includes(LIST), '… and its list texts', values.filter((v) => v.includes('粗体')).join(' | '));
    await page.locator('header nav button').first().click();
    await page.waitForSelector('.result-card [data-testid=total]');
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    await inert(page, 'the self-assessment under that rule set');
    check((await page.locator('main').innerText()).includes(LIST), '… whose positive and negative lists show the text literally');
    await page.locator('header nav button', { hasText: '规则' }).click();
    await page.screenshot({ path: `${out}security-rules.png` });
  } else {
    check(true, 'no rule-set import in this build: skipped');
  }

  // 5. A cohort whose official names are HTML, imported in the workshop.
  const workshopNav = page.locator('header nav button', { hasText: '研讨' });
  if (await workshopNav.count()) {
    await workshopNav.click();
    await page.waitForTimeout(200);
    if (await page.locator('#ws-import').count()) {
      const cohort = { officials: [dossier, { ...dossier, name: `${NAME}2`, unit_score: 70 }] };
      await page.setInputFiles('#ws-import', { name: 'evil-cohort.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(cohort)) });
      await page.waitForFunction((t) => document.querySelector('main')?.innerText.includes(t), NAME, { timeout: 5000 }).catch(() => {});
      await page.waitForTimeout(200);
      await inert(page, 'imported cohort');
      check((await page.locator('main').innerText()).includes(NAME), '… its names show literally in the workshop');
      await page.screenshot({ path: `${out}security-cohort.png` });
    }
  }
  await page.locator('header nav button').first().click();
  check(toX.length === 0, 'no request was made for the hostile <img src=x>', toX.join(' '));
  await context.close();

  // 6. Crafted share links.
  const links = [
    ['a share link whose dossier holds HTML', shareOf(JSON.stringify(dossier)), { total: true, name: NAME }],
    ['a share link with an invalid dossier naming HTML', shareOf(JSON.stringify({ pledges: [{ area: NAME, quarters: [101, null, null, null] }] })), { notice: '承诺 1 方面' }],
    ['a share link whose payload is markup', `#share=1.${encodeURIComponent('<script>window.__pwned=1</script>')}`, { notice: true }],
    ['a share link cut short', shareOf(JSON.stringify(dossier)).slice(0, 40), { notice: true }],
    ['a deflate bomb (20 MB of spaces)', shareOf(' '.repeat(20 * 1024 * 1024)), { notice: true }],
    ['deeply nested JSON', shareOf('['.repeat(100000)), { notice: true }],
    ['a share link of an unknown version', '#share=9.AAAA', { total: true }],
    ['a javascript: URL in the fragment', '#share=javascript:window.__pwned=1', { total: true }],
  ];
  for (const [what, fragment, expect] of links) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const p = await ctx.newPage();
    watch(p, log);
    const t0 = Date.now();
    await p.goto(`${base}${fragment}`);
    await p.waitForSelector('.result-card [data-testid=total]', { timeout: 10000 });
    const elapsed = Date.now() - t0;
    await p.waitForTimeout(100);
    await inert(p, what);
    if (expect.name) check(await p.inputValue('#f-name') === expect.name, '… the name shows literally', await p.inputValue('#f-name'));
    if (expect.notice) {
      const notice = await p.locator('[data-testid=notice]').innerText().catch(() => '');
      check(notice.length > 0 && (expect.notice === true || notice.includes(expect.notice)), '… it is refused with a notice', notice.slice(0, 200));
    }
    check(elapsed < 8000, `… and the page is ready in ${elapsed} ms`);
    await ctx.close();
  }

  // 7. No framing: another origin cannot embed the app.
  const framer = await browser.newPage();
  const frameLog = [];
  framer.on('console', (m) => frameLog.push(m.text()));
  await framer.setContent(`<iframe src="${base}" width="400" height="300"></iframe>`);
  await framer.waitForTimeout(1500);
  const framed = framer.frames().find((f) => f !== framer.mainFrame());
  const inside = framed ? await framed.evaluate(() => document.querySelector('.result-card') !== null).catch(() => false) : false;
  check(!inside && frameLog.some((t) => t.includes('frame-ancestors')), 'the app refuses to be framed (frame-ancestors \'none\')', frameLog.join(' | ').slice(0, 300));
  await framer.close();
} finally {
  await browser.close();
}
check(log.outside.length === 0, 'no request left 127.0.0.1', log.outside.join(' '));
check(log.cspViolations.length === 0, 'no Content-Security-Policy violation', log.cspViolations.join(' | '));
check(log.consoleErrors.length === 0, 'no console error', log.consoleErrors.join(' | ').slice(0, 2000));
console.log(failures === 0 ? 'all security checks passed' : `${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
