// The workshop on a projector, in headless Chromium at 1920×1080 against a served build: with
// the 投影模式 / Projector switch on, in Chinese and English, every workshop view's text is
// measured as rendered (computed font size; SVG text by its size on screen, the chart's scale
// included), the comparison is read (changed parameters first, unchanged trace steps folded),
// the multi-year view's width is taken, and no chart line may cross a label (the waterfall of
// several officials, and the workshop's charts). Screenshots go to e2e/artifacts/projector-*.png.
// Usage: BASE_URL=http://127.0.0.1:PORT/ node projector.mjs   (e2e/run.sh serves and calls this)
// MEASURE_ONLY=1 prints the sizes with the switch left alone (e.g. against an older build).
import { createRequire } from 'node:module';
import { mkdir, writeFile } from 'node:fs/promises';
import { launch, watch, newLog } from './browser.mjs';

const require = createRequire(import.meta.url);
const base = process.env.BASE_URL ?? 'http://127.0.0.1:8080/';
const measureOnly = process.env.MEASURE_ONLY === '1';
const out = new URL('./artifacts/', import.meta.url).pathname;
await mkdir(out, { recursive: true });
const log = newLog();
let failures = 0;
const measured = [];

function check(ok, what, detail = '') {
  console.log(`${ok ? '✓' : '✗'} ${what}${ok ? '' : `  ${detail}`}`);
  if (!ok && !measureOnly) failures += 1;
}

const BODY_MIN = 20;
const LABEL_MIN = 16;
const PRESENTER_BODY_MIN = 28;

/** The smallest rendered font size of the visible HTML text under `root` (a selector), with
 *  the elements below `floor`. A select's options count as the select's text; SVG text is
 *  measured by svgText(). */
function htmlText(page, root, floor) {
  return page.evaluate(([root, floor]) => {
    const top = document.querySelector(root);
    if (!top) return { min: null, count: 0, below: [] };
    const sizes = new Map();
    const walker = document.createTreeWalker(top, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim()) continue;
      let el = node.parentElement;
      if (el.closest('svg') || el.closest('.visually-hidden')) continue;
      if (el.closest('select')) el = el.closest('select');
      if (!el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') continue;
      sizes.set(el, parseFloat(getComputedStyle(el).fontSize));
    }
    const name = (el) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
    const all = [...sizes.entries()];
    const below = all.filter(([, s]) => s < floor)
      .map(([el, s]) => `${name(el)} ${s.toFixed(1)}px “${el.textContent.trim().slice(0, 24)}”`);
    return { min: Math.min(...all.map(([, s]) => s)), count: all.length, below: [...new Set(below)].slice(0, 12) };
  }, [root, floor]);
}

/** The smallest size on screen of the SVG text under `root`: the computed font size times the
 *  chart's scale (its screen CTM), and the tallest box height, for the report. */
function svgText(page, root, floor) {
  return page.evaluate(([root, floor]) => {
    const texts = [...document.querySelectorAll(`${root} svg text`)].filter((t) => t.getClientRects().length && t.textContent.trim());
    const sizes = texts.map((t) => {
      const m = t.getScreenCTM();
      const scale = Math.sqrt(m.a * m.a + m.b * m.b);
      return { size: parseFloat(getComputedStyle(t).fontSize) * scale, box: t.getBoundingClientRect().height, text: t.textContent.trim() };
    });
    if (!sizes.length) return { min: null, count: 0, below: [] };
    return {
      min: Math.min(...sizes.map((s) => s.size)),
      box: Math.min(...sizes.map((s) => s.box)),
      count: sizes.length,
      below: sizes.filter((s) => s.size < floor).slice(0, 8).map((s) => `${s.size.toFixed(1)}px “${s.text}”`),
    };
  }, [root, floor]);
}

/** Lines of the charts under `root` that cross a text's box, from their screen geometry. */
function crossings(page, root) {
  return page.evaluate((root) => {
    const found = [];
    for (const svg of document.querySelectorAll(`${root} svg`)) {
      const boxes = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim())
        .map((t) => ({ r: t.getBoundingClientRect(), text: t.textContent.trim() }));
      for (const line of svg.querySelectorAll('line')) {
        const m = line.getScreenCTM();
        const at = (x, y) => new DOMPoint(x, y).matrixTransform(m);
        const p = at(line.x1.baseVal.value, line.y1.baseVal.value);
        const q = at(line.x2.baseVal.value, line.y2.baseVal.value);
        for (const { r, text } of boxes) {
          // Clip the segment to the box (shrunk by half a pixel: touching is not crossing).
          const [x0, x1, y0, y1] = [r.left + 0.5, r.right - 0.5, r.top + 0.5, r.bottom - 0.5];
          let [t0, t1] = [0, 1];
          const dx = q.x - p.x, dy = q.y - p.y;
          const clip = (pp, qq) => {
            if (pp === 0) return qq >= 0;
            const t = qq / pp;
            if (pp < 0) { if (t > t1) return false; if (t > t0) t0 = t; } else { if (t < t0) return false; if (t < t1) t1 = t; }
            return true;
          };
          if (clip(-dx, p.x - x0) && clip(dx, x1 - p.x) && clip(-dy, p.y - y0) && clip(dy, y1 - p.y) && t0 <= t1) {
            found.push(`${svg.dataset.testid ?? 'chart'}: line at y ${p.y.toFixed(0)} crosses “${text}”`);
          }
        }
      }
    }
    return found;
  }, root);
}

async function measure(page, view, lang, root, { body = BODY_MIN, svg = true } = {}) {
  const t = await htmlText(page, root, body);
  const s = svg ? await svgText(page, root, LABEL_MIN) : { min: null, count: 0, below: [] };
  measured.push({ view, lang, text: t.min, textCount: t.count, svgText: s.min, svgBox: s.box ?? null, svgCount: s.count });
  console.log(`  ${view} (${lang}): smallest text ${t.min?.toFixed(1)} px over ${t.count} elements` +
    (s.count ? `; smallest chart label ${s.min.toFixed(1)} px on screen (box ${s.box.toFixed(1)} px) over ${s.count}` : ''));
  check(t.min >= body, `${view} (${lang}): every text is ${body} px or more`, t.below.join(' | '));
  if (s.count) check(s.min >= LABEL_MIN, `${view} (${lang}): every chart label is ${LABEL_MIN} px or more on screen`, s.below.join(' | '));
}

/** axe-core on the page as it is (as e2e/axe.mjs runs it): no serious or critical violation,
 *  contrast included, with the projector's sizes. */
async function axe(page, name) {
  if (measureOnly) return;
  const result = await page.evaluate(() => window.axe.run(document, {
    resultTypes: ['violations'],
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  }));
  const grave = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  check(grave.length === 0, `${name}: axe finds no serious or critical violation`,
    grave.map((v) => `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`).join('; '));
}

async function newPage(browser, width = 1920, height = 1080) {
  const context = await browser.newContext({ viewport: { width, height } });
  // An init script is not subject to the page's Content-Security-Policy.
  await context.addInitScript({ path: require.resolve('axe-core/axe.min.js') });
  const page = await context.newPage();
  watch(page, log);
  page.on('crash', () => check(false, 'the page did not crash'));
  return { context, page };
}

async function openWorkshop(page) {
  await page.goto(`${base}workshop.html`);
  await page.waitForSelector('.workshop');
}

async function setLang(page, lang) {
  await page.click(`button[aria-label=${lang === 'zh' ? '中文' : 'English'}]`);
}

const nav = (page, zh, en) => page.click(`nav >> text=/^(${zh}|${en})$/`);
const shot = (page, name) => page.screenshot({ path: `${out}projector-${name}.png` });

const browser = await launch();
try {
  const { context, page } = await newPage(browser);
  await openWorkshop(page);
  await page.click('[data-testid=load-demo]');
  await page.waitForSelector('[data-testid=ws-row]');

  // 1. The switch: off at first, remembered once on, and unreadable storage means off.
  const switchThere = await page.locator('#ws-projector').count() === 1;
  if (!measureOnly) {
    check(switchThere && await page.getAttribute('#ws-projector', 'aria-pressed') === 'false', 'the projector switch is there, off at first');
    const laptop = await htmlText(page, '.workshop', BODY_MIN);
    console.log(`  laptop layout at 1920×1080: smallest workshop text ${laptop.min.toFixed(1)} px`);
    await page.click('#ws-projector');
    check(await page.getAttribute('#ws-projector', 'aria-pressed') === 'true', 'the switch turns on');
    check(await page.evaluate(() => localStorage.getItem('dongliang.projector')) === '1', '… and is remembered under dongliang.projector');
    await page.reload();
    await page.waitForSelector('[data-testid=ws-row]');
    check(await page.getAttribute('#ws-projector', 'aria-pressed') === 'true' && await page.evaluate(() => document.documentElement.hasAttribute('data-projector')),
      'after a reload the workshop is still in projector mode');
    await page.evaluate(() => localStorage.setItem('dongliang.projector', '{oops'));
    await page.reload();
    await page.waitForSelector('[data-testid=ws-row]');
    check(await page.getAttribute('#ws-projector', 'aria-pressed') === 'false', 'an unreadable stored value means off, without an error');
    await page.click('#ws-projector');
  }

  // 2. The rules in force differ from the default, so the comparison has something to show.
  await nav(page, '规则', 'Rules');
  await page.fill('#r-dimensions-weights-unit', '0.4');
  await page.fill('#r-dimensions-weights-pledges', '0.3');
  await page.fill('#r-tiers-thresholds-1-min', '82');
  await nav(page, '研讨演示', 'Workshop');
  await page.waitForSelector('[data-testid=ws-row]');

  for (const lang of ['zh', 'en']) {
    await setLang(page, lang);
    // Ranking.
    await page.click('#ws-ranking');
    await page.waitForSelector('[data-testid=histogram]');
    await measure(page, 'ranking', lang, '.workshop');
    check((await crossings(page, '.workshop')).length === 0, `ranking (${lang}): no chart line crosses a label`, (await crossings(page, '.workshop')).join(' | '));
    await shot(page, `ranking-${lang}`);
    await axe(page, `ranking (${lang})`);

    // Comparison: default rules → the rules in force.
    await page.click('#ws-compare');
    await page.waitForSelector('[data-testid=transition-matrix]');
    await measure(page, 'compare', lang, '.workshop');
    if (!measureOnly) {
      const order = await page.evaluate(() => {
        const panel = document.querySelector('.ws-compare');
        const params = panel.querySelector('[data-testid=changed-params]');
        const firsts = ['[data-testid=compare-summary]', '[data-testid=transition-matrix]', '[data-testid=tier-chart]', '[data-testid=movers]']
          .map((s) => panel.querySelector(s)).filter(Boolean);
        const before = (a, b) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
        return {
          there: Boolean(params),
          first: Boolean(params) && firsts.every((el) => before(params, el)),
          items: params ? [...params.querySelectorAll('[data-testid=changed-param]')].map((li) => li.innerText.replace(/\s+/g, ' ')) : [],
        };
      });
      const words = lang === 'zh' ? ['四维权重 · 单位绩效', '四维权重 · 履职践诺', '等次分数线 · 较好'] : ['dimension weight · unit', 'dimension weight · pledges', 'tier threshold · fairly good'];
      check(order.there && order.first, `compare (${lang}): the changed parameters come first`, JSON.stringify(order));
      check(order.items.length === 3 && words.every((w, i) => order.items[i]?.includes(w)) && /0\.3\s*→\s*(改为|becomes)?\s*0\.4/.test(order.items[0]) && /80\s*→\s*(改为|becomes)?\s*82/.test(order.items[2]),
        `compare (${lang}): each is named in words with old → new`, order.items.join(' | '));
      const trace = await page.evaluate(() => {
        const side = document.querySelector('.side-by-side');
        const changed = side?.querySelector('[data-testid=trace-changed]');
        const folded = side?.querySelector('details[data-testid=trace-unchanged]');
        return {
          changed: changed ? changed.querySelectorAll('[data-testid=trace-step]').length : 0,
          folded: folded ? folded.querySelectorAll('[data-testid=trace-step]').length : -1,
          open: folded?.open ?? null,
          summary: folded?.querySelector('summary')?.innerText ?? '',
          changedFirst: Boolean(changed && folded && (changed.compareDocumentPosition(folded) & Node.DOCUMENT_POSITION_FOLLOWING)),
          pair: changed ? changed.querySelector('[data-testid=trace-step]')?.innerText.replace(/\s+/g, ' ') : '',
        };
      });
      const n = trace.folded;
      const said = lang === 'zh' ? `${n} 个步骤未变` : `${n} steps unchanged`;
      check(trace.changed > 0 && trace.changedFirst, `compare (${lang}): the official's changed steps are listed on top`, JSON.stringify(trace));
      check(n > 0 && trace.open === false && trace.summary.includes(said), `compare (${lang}): the unchanged steps are folded (“${said}”)`, JSON.stringify(trace));
      check(/→/.test(trace.pair), `compare (${lang}): a changed step shows baseline → variant`, trace.pair);
    }
    await shot(page, `compare-${lang}`);
    await page.locator('.side-by-side').scrollIntoViewIfNeeded();
    await shot(page, `compare-trace-${lang}`);
    if (!measureOnly) {
      await page.click('details[data-testid=trace-unchanged] summary');
      await measure(page, 'compare, unchanged steps open', lang, '.side-by-side', { svg: false });
      await axe(page, `compare, unchanged steps open (${lang})`);
      await page.click('details[data-testid=trace-unchanged] summary');
    }

    // Multi-year: the full width of the main column.
    await page.click('#ws-years');
    await page.waitForSelector('[data-testid=year-path]');
    await measure(page, 'years', lang, '.workshop');
    const width = await page.evaluate(() => {
      const main = document.querySelector('#main');
      const style = getComputedStyle(main);
      const column = main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      // The years' cards as laid out, not their grid (an auto-filled grid is wide but empty).
      const cards = [...document.querySelectorAll('[data-testid=year-path] > li')].map((li) => li.getBoundingClientRect());
      return { column, path: Math.max(...cards.map((r) => r.right)) - Math.min(...cards.map((r) => r.left)), years: cards.length };
    });
    measured.push({ view: 'years width', lang, ...width });
    console.log(`  years (${lang}): the year path is ${width.path.toFixed(0)} px of a ${width.column.toFixed(0)} px column`);
    check(width.path >= 0.9 * width.column, `years (${lang}): the multi-year view uses 90 % or more of the main column`, JSON.stringify(width));
    await shot(page, `years-${lang}`);
    await axe(page, `years (${lang})`);

    // 演示: the home, the step-through and the quiz.
    await page.click('#ws-present');
    await measure(page, 'present', lang, '.workshop');
    await axe(page, `present (${lang})`);
    await page.click('[data-testid=present-steps]');
    await page.waitForSelector('[data-testid=presenter]');
    for (const k of [0, 2]) {
      if (k) { await page.keyboard.press('ArrowRight'); await page.keyboard.press('ArrowRight'); }
      await measure(page, `presenter step ${k + 1}`, lang, '[data-testid=presenter]', { body: BODY_MIN });
      const body = await htmlText(page, '[data-testid=presenter] :is(.present-slide)', PRESENTER_BODY_MIN);
      check(body.min >= PRESENTER_BODY_MIN || body.below.every((b) => /^(span\.tag|button)/.test(b)),
        `presenter step ${k + 1} (${lang}): its body text is ${PRESENTER_BODY_MIN} px or more`, body.below.join(' | '));
      await shot(page, `presenter-${k + 1}-${lang}`);
      await axe(page, `presenter step ${k + 1} (${lang})`);
    }
    await page.keyboard.press('Escape');
    await page.click('[data-testid=present-quiz]');
    await page.waitForSelector('[data-testid=quiz]');
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=quiz-answer]');
    await measure(page, 'quiz', lang, '[data-testid=quiz]');
    await shot(page, `quiz-${lang}`);
    await axe(page, `quiz (${lang})`);
    await page.keyboard.press('Escape');
  }

  // 3. The waterfall on the self-assessment's 图表 tab: no tier line crosses a label, for
  // officials all along the ranking, in both languages.
  await setLang(page, 'zh');
  await nav(page, '规则', 'Rules');
  await page.click('[data-testid=rules-reset]');
  await nav(page, '研讨演示', 'Workshop');
  await page.click('#ws-ranking');
  await page.waitForSelector('[data-testid=ws-row]');
  const rowCount = await page.locator('[data-testid=ws-row]').count();
  const picks = [0, 3, 10, 25, 45, 60, 75, 85, 92, rowCount - 1];
  let checked = 0;
  const crossed = [];
  for (const [i, row] of picks.entries()) {
    const lang = i % 2 ? 'en' : 'zh';
    await setLang(page, 'zh');
    await nav(page, '研讨演示', 'Workshop');
    await page.click('#ws-ranking');
    await page.locator('[data-testid=ws-row] th button').nth(row).click();
    await page.waitForSelector('.result-card [data-testid=total]');
    await setLang(page, lang);
    await page.click('#tab-charts');
    await page.waitForSelector('[data-testid=waterfall]');
    crossed.push(...(await crossings(page, '.tab-panel')).map((c) => `row ${row + 1} (${lang}): ${c}`));
    checked += 1;
    if (i < 2 || row === 25) {
      await page.locator('[data-testid=waterfall]').scrollIntoViewIfNeeded();
      await page.locator('[data-testid=waterfall]').screenshot({ path: `${out}projector-waterfall-${row + 1}-${lang}.png` });
    }
  }
  const waterfallCrossed = crossed.filter((c) => c.includes(': waterfall:'));
  check(checked === picks.length && waterfallCrossed.length === 0, `the waterfall of ${checked} officials: no tier line crosses a label`, waterfallCrossed.slice(0, 6).join(' | '));
  // The other charts of that tab are not the workshop's; what crosses there is reported only.
  const others = crossed.filter((c) => !c.includes(': waterfall:'));
  if (others.length) console.log(`  (other charts of the 图表 tab: ${others.length} crossings, e.g. ${others[0]})`);

  // 4. The multi-year view at 1440 and on a phone (projector mode still on).
  for (const [w, h] of [[1440, 900], [375, 812]]) {
    await page.setViewportSize({ width: w, height: h });
    await setLang(page, 'zh');
    await nav(page, '研讨演示', 'Workshop');
    await page.click('#ws-years');
    const fit = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      path: document.querySelector('[data-testid=year-path]').getBoundingClientRect().width,
      column: document.querySelector('#main').clientWidth,
    }));
    check(fit.scroll <= w && fit.path <= fit.column, `years at ${w} px: nothing overflows sideways`, JSON.stringify(fit));
    await shot(page, `years-${w}`);
  }
  await context.close();
} finally {
  await browser.close();
}

check(log.outside.length === 0, 'no request left 127.0.0.1', log.outside.join(' '));
check(log.consoleErrors.length === 0, 'no console error', log.consoleErrors.slice(0, 3).join(' | '));
await writeFile(`${out}projector.json`, JSON.stringify({ failures, measured, ...log }, null, 2));
console.log(failures === 0 ? 'all projector checks passed' : `${failures} projector check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
