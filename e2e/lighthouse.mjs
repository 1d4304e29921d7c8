// The phone benchmark: Lighthouse 12's default mobile preset (simulated Slow 4G — 150 ms RTT,
// 1.6 Mbps — and a 4× slower CPU), performance category only, against a served build, in two
// scenarios, N runs each:
//   first      a first visit: a fresh profile, empty storage, no service worker;
//   returning  a returning visit: the same profile has loaded the page once (so the service
//              worker and its cache are in place, as for anyone who came before) and holds a
//              saved library whose open dossier is not example 01; Lighthouse then loads the
//              page with `disableStorageReset`;
//   edit       no Lighthouse: the page as a phone under DevTools' real 4× CPU throttle, with
//              the longest main-thread task up to the result on screen and for three edits
//              (retype a score, tick a checkbox, pick another option), and the slowest input
//              event of each (Event Timing).
// It prints per build and scenario the medians (min–max) of the score, FCP, LCP, TBT, CLS,
// Speed Index and the bytes transferred (total and by resource type), then the main-thread long
// tasks of the median run: Lighthouse's list (simulated durations, with its breakdown by kind of
// work) and the trace's top-level tasks that are long at 4× (what ran inside them). Everything
// goes to e2e/artifacts/lighthouse-<time>.json, with the full report of each median run beside
// it. Figures are for the README — never assert them in a test.
//
// Usage: node lighthouse.mjs [runs=5] [dist-or-url ...] [--page=index.html]
//                            [--scenarios=first,returning,edit] [--no-gzip]
// A dist directory is served with gzip (serve.mjs) on a free 127.0.0.1 port; a URL is used as
// it is (the page path is resolved against it). With two or more builds the runs alternate,
// A B A B, so that both see the same machine: `node lighthouse.mjs 5 ../dist ../dist-prev`.
// `bash scripts/lighthouse.sh` runs it while holding the build lock (no build disturbs it).
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import { TraceProcessor } from 'lighthouse/core/lib/tracehouse/trace-processor.js';
import { MainThreadTasks } from 'lighthouse/core/lib/tracehouse/main-thread-tasks.js';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CPU_SLOWDOWN = 4; // the mobile preset's; tasks above 50 / 4 ms observed are long at 4×

// Off the network (no DNS, no updates), and no background throttling of the headless tab.
const CHROME_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--no-first-run', '--no-default-browser-check', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-extensions',
  '--disable-domain-reliability', '--no-pings', '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows', '--disable-renderer-backgrounding',
  '--password-store=basic', '--use-mock-keychain', '--mute-audio',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

// A returning official's own library: two dossiers (neither is a bundled example), the second
// open. It must stay valid for the app's stored layout (src/app/storage.rs: schema 1); the
// priming step checks that the app read it back.
const OWN_NAME = '王某某';
const LIBRARY = {
  schema: 1,
  current: 1,
  slots: [
    {
      label: '2023 年度自评',
      dossier: {
        name: OWN_NAME, post: '某街道党工委书记', unit_kind: 'street', year: 2023, unit_score: 88,
        pledges: [
          { area: 'party_building', title: '社区党群服务中心提档升级 12 处', grade: 'B', quarters: [85, 88, 90, 91] },
          { area: 'innovation', grade: 'A', quarters: [90, 92, 93, 94] },
          { area: 'key_work', factors: { difficulty: 4, innovation: 3, contribution: 4 }, quarters: [88, 86, 90, 92] },
        ],
        votes: {
          district_leaders: { good: 8, fairly_good: 5, average: 1, poor: 0 },
          unit_staff: { good: 30, fairly_good: 18, average: 6, poor: 1 },
        },
        positive: [{ item: 'P2' }, { item: 'P5' }],
        negative: [{ item: 'N12' }],
        history: ['fairly_good', 'good'],
      },
    },
    {
      label: '2024 年中自评',
      dossier: {
        name: OWN_NAME, post: '某街道党工委书记', unit_kind: 'street', year: 2024, unit_score: null,
        pledges: [
          { area: 'party_building', grade: 'B', quarters: [87, 89, null, null] },
          { area: 'innovation', grade: 'A', quarters: [91, null, null, null] },
          { area: 'key_work', factors: { difficulty: 4, innovation: 4, contribution: 3 }, quarters: [89, 90, null, null] },
        ],
        votes: { district_leaders: { good: 9, fairly_good: 4, average: 1, poor: 0 } },
        positive: [{ item: 'P3' }, { item: 'P8', count: 2 }],
        negative: [{ item: 'N7' }],
        history: ['good', 'fairly_good'],
        assumptions: { unit_score: 90 },
      },
    },
  ],
};

// ---- command line -------------------------------------------------------------------------
const options = Object.fromEntries(process.argv.slice(2).filter((a) => a.startsWith('--'))
  .map((a) => { const [k, ...v] = a.slice(2).split('='); return [k, v.length ? v.join('=') : true]; }));
const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const runs = /^\d+$/.test(positional[0] ?? '') ? Number(positional.shift()) : 5;
const targets = positional.length ? positional : [resolve(here, '../dist')];
const pagePath = String(options.page ?? 'index.html').replace(/^\/+/, '');
const scenarios = String(options.scenarios ?? 'first,returning,edit').split(',').filter(Boolean);
const gzip = !options['no-gzip'];
for (const s of scenarios) if (!['first', 'returning', 'edit'].includes(s)) throw new Error(`unknown scenario ${s}`);
if (!(runs > 0)) throw new Error('runs must be a positive number');

// ---- helpers ------------------------------------------------------------------------------
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const spread = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

/** Starts Chromium on a fresh profile with a DevTools port; {port, stop()}. */
async function startChrome() {
  const profile = await mkdtemp(join(tmpdir(), 'dongliang-lh-'));
  const child = spawn(CHROME, [...CHROME_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (d) => { errors = (errors + d).slice(-4000); });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill();
      await Promise.race([exited, sleep(5000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await rm(profile, { recursive: true, force: true, maxRetries: 3 });
  };
  for (let i = 0; i < 200; i++) {
    const text = await readFile(join(profile, 'DevToolsActivePort'), 'utf8').catch(() => '');
    const port = Number(text.split('\n')[0]);
    if (port > 0) return { port, stop };
    if (child.exitCode !== null) break;
    await sleep(50);
  }
  await stop();
  throw new Error(`Chromium did not start:\n${errors}`);
}

/** Loads the page once in the browser on `port` and leaves a returning visitor's state:
 *  the service worker in control and the own library in storage, read back by the app. */
async function prime(port, url) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const context = browser.contexts()[0];
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelectorAll('button, input').length > 5, null, { timeout: 30000 });
    await page.evaluate(async () => {
      if (!('serviceWorker' in navigator) || !(await navigator.serviceWorker.getRegistration())) return;
      await Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(r, 10000))]);
    });
    await page.evaluate((text) => localStorage.setItem('dongliang.library', text), JSON.stringify(LIBRARY));
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelectorAll('button, input').length > 5, null, { timeout: 30000 });
    const state = await page.evaluate((name) => ({
      corrupt: localStorage.getItem('dongliang.corrupt'),
      shown: [...document.querySelectorAll('input')].some((i) => i.value === name) || document.body.innerText.includes(name),
      controlled: !!navigator.serviceWorker?.controller,
    }), OWN_NAME);
    if (state.corrupt !== null || !state.shown) {
      throw new Error(`the app did not open the stored library (corrupt: ${state.corrupt}, shown: ${state.shown}): update LIBRARY in lighthouse.mjs`);
    }
    await page.close();
    return state;
  } finally {
    await browser.close(); // disconnects; the browser and its profile stay for Lighthouse
  }
}

// ---- what a run yields ----------------------------------------------------------------------
const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index',
};

/** A short name for an event inside a task: the event, and the script, function or DOM event. */
function eventLabel(e) {
  const d = e.args?.data ?? {};
  const file = (u) => (u ? basename(new URL(u, 'http://x/').pathname) || u : '');
  switch (e.name) {
    case 'FunctionCall': return `FunctionCall ${d.functionName || '(anonymous)'} ${file(d.url)}`.trim();
    case 'EvaluateScript': case 'v8.compile': case 'v8.produceCache': return `${e.name} ${file(d.url ?? e.args?.fileName)}`.trim();
    case 'EventDispatch': return `EventDispatch ${d.type ?? ''}`.trim();
    case 'TimerFire': return 'TimerFire';
    case 'ParseHTML': return `ParseHTML ${file(e.args?.beginData?.url)}`.trim();
    case 'ResourceReceivedData': case 'ResourceFinish': return e.name;
    default: return e.name;
  }
}

/** Self time by `key` of the events over a task tree (ms). */
function selfTimes(task, key, into = new Map()) {
  const k = key(task);
  into.set(k, (into.get(k) ?? 0) + task.selfTime);
  for (const c of task.children) selfTimes(c, key, into);
  return into;
}
const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).filter(([, ms]) => ms >= 0.5)
  .map(([label, ms]) => [label, Math.round(ms * 10) / 10]);

/** The trace's top-level main-thread tasks that are long at 4× the CPU, with what ran in them. */
function observedLongTasks(trace) {
  const processed = TraceProcessor.processTrace(trace);
  const tasks = MainThreadTasks.getMainThreadTasks(processed.mainThreadEvents, processed.frames,
    processed.timestamps.traceEnd, processed.timestamps.timeOrigin);
  return tasks
    .filter((t) => !t.parent && !t.unbounded && t.duration * CPU_SLOWDOWN > 50)
    .map((t) => ({
      start: Math.round(t.startTime),
      observed: Math.round(t.duration * 10) / 10,
      at4x: Math.round(t.duration * CPU_SLOWDOWN),
      urls: t.attributableURLs.map((u) => basename(new URL(u).pathname)),
      // observed ms by kind of work (Lighthouse's task groups) and by event
      groups: Object.fromEntries(top(selfTimes(t, (n) => n.group.id), 9)),
      inside: top(selfTimes(t, (n) => eventLabel(n.event)), 5),
    }));
}

/** The figures of one Lighthouse result. */
function summarise(result) {
  const { lhr, artifacts } = result;
  const a = lhr.audits;
  const out = { score: Math.round((lhr.categories.performance.score ?? 0) * 100) };
  for (const [k, id] of Object.entries(METRICS)) out[k] = a[id]?.numericValue ?? null;
  out.tti = a.interactive?.numericValue ?? null;
  out.bytes = a['total-byte-weight']?.numericValue ?? null;
  const byType = {};
  const requests = [];
  for (const r of a['network-requests']?.details?.items ?? []) {
    byType[r.resourceType] = (byType[r.resourceType] ?? 0) + (r.transferSize ?? 0);
    requests.push({
      url: basename(new URL(r.url).pathname) || '/', type: r.resourceType, transfer: r.transferSize,
      resource: r.resourceSize, start: Math.round(r.networkRequestTime), end: Math.round(r.networkEndTime),
      target: r.sessionTargetType === 'page' ? undefined : r.sessionTargetType, status: r.statusCode,
    });
  }
  out.bytesByType = byType;
  out.requests = requests;
  const long = a['long-tasks']?.details;
  out.longTasks = (long?.items ?? []).map((t, i) => {
    const debug = long.debugData?.tasks?.[i] ?? {};
    const { urlIndex, startTime, duration, ...groups } = debug;
    return {
      url: basename(new URL(t.url, 'http://x/').pathname) || t.url, start: Math.round(t.startTime ?? startTime ?? 0),
      duration: Math.round(t.duration), by: Object.fromEntries(Object.entries(groups).map(([g, ms]) => [g, Math.round(ms)])),
    };
  });
  out.longTaskCount = out.longTasks.length;
  out.longestTask = Math.max(0, ...out.longTasks.map((t) => t.duration));
  out.mainThread = Object.fromEntries((a['mainthread-work-breakdown']?.details?.items ?? [])
    .map((i) => [i.group, Math.round(i.duration)]));
  out.bootup = (a['bootup-time']?.details?.items ?? []).map((i) => ({
    url: basename(new URL(i.url, 'http://x/').pathname) || i.url, total: Math.round(i.total),
    scripting: Math.round(i.scripting), parseCompile: Math.round(i.scriptParseCompile),
  }));
  out.domElements = a['dom-size']?.numericValue ?? null;
  out.layoutShifts = (a['layout-shifts']?.details?.items ?? []).map((i) => ({
    element: i.node?.selector ?? i.node?.snippet ?? '?', score: Math.round(i.score * 1000) / 1000,
  }));
  const lcpEl = a['largest-contentful-paint-element']?.details?.items ?? [];
  out.lcpElement = lcpEl[0]?.items?.[0]?.node?.snippet ?? null;
  out.lcpPhases = Object.fromEntries((lcpEl[1]?.items ?? []).map((p) => [p.phase, Math.round(p.timing)]));
  out.criticalChain = a['critical-request-chains']?.details?.longestChain ?? null;
  out.observed = Object.fromEntries((a.metrics?.details?.items?.[0] ? Object.entries(a.metrics.details.items[0]) : [])
    .filter(([k]) => ['observedFirstContentfulPaint', 'observedLargestContentfulPaint', 'observedLoad', 'observedDomContentLoaded', 'observedTraceEnd'].includes(k))
    .map(([k, v]) => [k.replace('observed', ''), Math.round(v)]));
  try {
    out.traceLongTasks = artifacts?.Trace ? observedLongTasks(artifacts.Trace) : [];
  } catch (e) {
    out.traceLongTasks = [];
    out.traceError = String(e);
  }
  out.traceLongCount = out.traceLongTasks.length;
  out.traceLongest = Math.max(0, ...out.traceLongTasks.map((t) => t.at4x));
  out.warnings = lhr.runWarnings ?? [];
  if (lhr.runtimeError) out.runtimeError = lhr.runtimeError;
  return out;
}

// The edits of the `edit` scenario, found by what they are rather than by the app's classes:
// retyping a score (a text field holding a number), ticking a checkbox and picking another
// option of a select, each in the self-assessment's editor.
const EDITS = {
  'type a score': async (page) => {
    const field = page.locator('form details input[type=text], form details input:not([type])')
      .filter({ hasNot: page.locator('xpath=self::*[@disabled]') });
    const n = await field.count();
    for (let i = 0; i < n; i++) {
      const f = field.nth(i);
      if (/^\d{2}(\.\d+)?$/.test(await f.inputValue()) && await f.isVisible()) {
        await f.scrollIntoViewIfNeeded();
        await f.click();
        await f.press('ControlOrMeta+a');
        await f.pressSequentially('78', { delay: 120 });
        return (await f.getAttribute('id')) ?? true;
      }
    }
    return false;
  },
  'tick a checkbox': async (page) => {
    const box = page.locator('form details input[type=checkbox]:not([disabled])').first();
    if (!(await box.count())) return false;
    await box.scrollIntoViewIfNeeded();
    await box.click({ force: true });
    return (await box.getAttribute('id')) ?? true;
  },
  'pick an option': async (page) => {
    const selects = page.locator('form details select:not([disabled])');
    for (let i = 0; i < await selects.count(); i++) {
      const sel = selects.nth(i);
      const values = await sel.evaluate((el) => [...el.options].filter((o) => !o.disabled && !o.selected && o.value).map((o) => o.value));
      if (values.length && await sel.isVisible()) {
        await sel.scrollIntoViewIfNeeded();
        await sel.selectOption(values[0]);
        return `${(await sel.getAttribute('id')) ?? 'select'} = ${values[0]}`;
      }
    }
    return false;
  },
};

/** The `edit` scenario: no Lighthouse; the page in Chromium as a phone under DevTools' real 4×
 *  CPU throttle (no network throttle), with the long tasks (PerformanceObserver) of the load up
 *  to the result on screen and of each edit, and the longest event handling of each edit. */
async function measureEdits(url) {
  const browser = await chromium.launch({ executablePath: CHROME, args: CHROME_ARGS.filter((a) => !a.startsWith('--headless')) });
  try {
    const context = await browser.newContext({
      viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1.75, locale: 'zh-CN',
    });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__long = [];
      window.__events = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push({
        start: Math.round(e.startTime), duration: Math.round(e.duration),
        by: e.attribution?.map((a) => a.containerType || a.name).join(' ') ?? '',
      }))).observe({ type: 'longtask', buffered: true });
      new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__events.push({
        type: e.name, start: Math.round(e.startTime), duration: Math.round(e.duration),
        handlers: Math.round(e.processingEnd - e.processingStart),
      }))).observe({ type: 'event', durationThreshold: 16, buffered: true });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelectorAll('form input').length > 5, null, { timeout: 60000 });
    await page.waitForTimeout(1500);
    const take = () => page.evaluate(() => {
      const out = { long: window.__long, events: window.__events };
      window.__long = [];
      window.__events = [];
      return out;
    });
    const load = await take();
    const figures = { load: { longTasks: load.long, longest: Math.max(0, ...load.long.map((t) => t.duration)) }, edits: {} };
    for (const [name, edit] of Object.entries(EDITS)) {
      const done = await edit(page);
      await page.waitForTimeout(1000);
      const got = await take();
      figures.edits[name] = done ? {
        control: done,
        longTasks: got.long,
        longest: Math.max(0, ...got.long.map((t) => t.duration)),
        slowestEvent: Math.max(0, ...got.events.map((e) => e.duration)),
        events: got.events,
      } : null;
    }
    return { figures };
  } finally {
    await browser.close();
  }
}

/** One Lighthouse run of `scenario` against `url` in a fresh browser profile. */
async function measure(url, scenario) {
  if (scenario === 'edit') return measureEdits(url);
  const chrome = await startChrome();
  try {
    const primed = scenario === 'returning' ? await prime(chrome.port, url) : null;
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      locale: 'en-US',
      onlyCategories: ['performance'],
      disableStorageReset: scenario === 'returning',
    });
    if (!result) throw new Error('Lighthouse returned nothing');
    return { figures: { ...summarise(result), primed }, lhr: result.lhr };
  } finally {
    await chrome.stop();
  }
}

// ---- main ---------------------------------------------------------------------------------
const builds = [];
for (const [i, target] of targets.entries()) {
  if (/^https?:\/\//.test(target)) {
    builds.push({ label: target, url: new URL(pagePath, target).href, stop: async () => {} });
    continue;
  }
  const dir = resolve(target);
  if (!(await stat(join(dir, pagePath)).catch(() => null))) throw new Error(`${join(dir, pagePath)} is missing: build first`);
  const server = await startServer(dir, '/', { gzip });
  const label = targets.length > 1 && targets.filter((t) => basename(resolve(t)) === basename(dir)).length > 1 ? `${basename(dir)}#${i + 1}` : basename(dir);
  builds.push({ label, dir, url: new URL(pagePath, server.url).href, stop: server.stop });
}

const lhVersion = JSON.parse(await readFile(join(here, 'node_modules/lighthouse/package.json'), 'utf8')).version;
const chromeVersion = await new Promise((ok) => {
  const c = spawn(CHROME, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  c.stdout.on('data', (d) => { out += d; });
  c.on('exit', () => ok(out.trim()));
});
console.log(`Lighthouse ${lhVersion}, ${chromeVersion}; mobile preset (simulated Slow 4G, 4× CPU), performance only`);
console.log(`${runs} run(s) per scenario (${scenarios.join(', ')}) of ${builds.map((b) => `${b.label} = ${b.url}`).join(', ')}${gzip ? ', served with gzip' : ', served WITHOUT gzip'}`);

const results = builds.map(() => Object.fromEntries(scenarios.map((s) => [s, []])));
const lhrs = builds.map(() => Object.fromEntries(scenarios.map((s) => [s, []])));
const load = [loadavg()[0]];
const failures = [];
try {
  for (let run = 0; run < runs; run++) {
    for (const scenario of scenarios) {
      for (const [b, build] of builds.entries()) {
        let measured = null;
        // A run Lighthouse could not finish (a runtime error, a missing metric) is reported and
        // tried again, twice at most; the failures are counted in the results.
        for (let attempt = 0; attempt < 3 && !measured; attempt++) {
          const m = await measure(build.url, scenario).catch((e) => ({ error: String(e?.stack ?? e) }));
          const f = m.figures;
          const broken = m.error ?? (scenario === 'edit' ? null
            : f.runtimeError ? `${f.runtimeError.code}: ${f.runtimeError.message}`
              : Object.keys(METRICS).filter((k) => typeof f[k] !== 'number').map((k) => `no ${k}`).join(', ') || null);
          if (broken) {
            failures.push({ build: build.label, scenario, run: run + 1, error: broken, warnings: f?.warnings });
            console.log(`  run ${run + 1} ${build.label} ${scenario} FAILED: ${broken}${f?.warnings?.length ? ` (warnings: ${f.warnings.join(' | ')})` : ''}`);
          } else measured = m;
        }
        if (!measured) continue;
        const { figures, lhr } = measured;
        results[b][scenario].push(figures);
        lhrs[b][scenario].push(lhr);
        if (scenario === 'edit') {
          console.log(`  run ${run + 1} ${build.label} edit      longest task: load ${figures.load.longest} ms; ${Object.entries(figures.edits)
            .map(([k, e]) => `${k} ${e ? `${e.longest} ms (slowest event ${e.slowestEvent} ms)` : 'not found'}`).join('; ')}`);
          continue;
        }
        console.log(`  run ${run + 1} ${build.label} ${scenario.padEnd(9)} score ${String(figures.score).padStart(3)}  FCP ${(figures.fcp / 1000).toFixed(2)} s  LCP ${(figures.lcp / 1000).toFixed(2)} s  TBT ${Math.round(figures.tbt)} ms  CLS ${figures.cls.toFixed(3)}  SI ${(figures.si / 1000).toFixed(2)} s  ${Math.round(figures.bytes / 1024)} KiB  long tasks ${figures.longTaskCount} (longest ${figures.longestTask} ms)${figures.warnings.length ? `  warnings: ${figures.warnings.join(' | ')}` : ''}`);
        load.push(loadavg()[0]);
      }
    }
  }
} finally {
  for (const b of builds) await b.stop();
}

// ---- report -------------------------------------------------------------------------------
const fmt = {
  score: (v) => String(Math.round(v)),
  fcp: (v) => `${(v / 1000).toFixed(2)} s`,
  lcp: (v) => `${(v / 1000).toFixed(2)} s`,
  si: (v) => `${(v / 1000).toFixed(2)} s`,
  tti: (v) => `${(v / 1000).toFixed(2)} s`,
  tbt: (v) => `${Math.round(v)} ms`,
  cls: (v) => v.toFixed(3),
  bytes: (v) => `${Math.round(v).toLocaleString('en')} B`,
  longTaskCount: (v) => String(v),
  longestTask: (v) => `${Math.round(v)} ms`,
  traceLongCount: (v) => String(v),
  traceLongest: (v) => `${Math.round(v)} ms`,
};
const NAMES = {
  score: 'performance score', fcp: 'First Contentful Paint', lcp: 'Largest Contentful Paint',
  tbt: 'Total Blocking Time', cls: 'Cumulative Layout Shift', si: 'Speed Index', tti: 'Time to Interactive',
  bytes: 'bytes transferred', longTaskCount: 'long tasks (Lighthouse)', longestTask: 'longest task (Lighthouse)',
  traceLongCount: 'long tasks (trace × 4)', traceLongest: 'longest task (trace × 4)',
};

const stamp = new Date().toISOString().replace(/[:.]/g, '-').replace(/-\d\d\dZ$/, 'Z');
const outDir = join(here, 'artifacts');
await mkdir(outDir, { recursive: true });
const summary = [];
for (const [b, build] of builds.entries()) {
  for (const scenario of scenarios) {
    const rs = results[b][scenario];
    if (!rs.length) {
      console.log(`\n== ${build.label} · ${scenario}: no run succeeded`);
      continue;
    }
    if (scenario === 'edit') {
      const stats = { load: spread(rs.map((r) => r.load.longest)) };
      for (const k of Object.keys(EDITS)) {
        const done = rs.map((r) => r.edits[k]).filter(Boolean);
        if (done.length) stats[k] = { longest: spread(done.map((e) => e.longest)), slowestEvent: spread(done.map((e) => e.slowestEvent)) };
      }
      summary.push({ build: build.label, dir: build.dir, url: build.url, scenario, stats, runs: rs });
      console.log(`\n== ${build.label} · edits under DevTools' 4× CPU throttle (real, not simulated; no network throttle) · ${rs.length} run(s): median (min–max)`);
      const r = (x) => `${x.median} ms (${x.min}–${x.max})`;
      console.log(`  longest task from navigation until 1.5 s after the editor is on screen  ${r(stats.load)}`);
      for (const k of Object.keys(EDITS)) {
        if (stats[k]) console.log(`  ${`${k}:`.padEnd(16)} longest task ${r(stats[k].longest)}; slowest input event ${r(stats[k].slowestEvent)}`);
        else console.log(`  ${k}: no such control found`);
      }
      const last = rs.at(-1);
      console.log(`  long tasks of the last run (ms at start, duration): load ${last.load.longTasks.map((t) => `${t.start}+${t.duration}`).join(', ') || 'none'}`);
      for (const [k, e] of Object.entries(last.edits)) if (e) console.log(`    ${k} (#${e.control}): ${e.longTasks.map((t) => t.duration).join(', ') || 'none'}`);
      continue;
    }
    const stats = {};
    for (const k of Object.keys(NAMES)) {
      const xs = rs.map((r) => r[k]).filter((v) => typeof v === 'number');
      if (xs.length) stats[k] = spread(xs);
    }
    const types = [...new Set(rs.flatMap((r) => Object.keys(r.bytesByType)))];
    stats.bytesByType = Object.fromEntries(types.map((t) => [t, spread(rs.map((r) => r.bytesByType[t] ?? 0))]));
    // The run whose TBT is the median (then the score's): its long tasks are the ones listed.
    const order = rs.map((r, i) => i).sort((x, y) => rs[x].tbt - rs[y].tbt || rs[x].score - rs[y].score);
    const mid = order[(order.length - 1) >> 1];
    const lhrFile = `lighthouse-${stamp}-${build.label.replace(/[^\w.-]+/g, '_')}-${scenario}.report.json`;
    await writeFile(join(outDir, lhrFile), JSON.stringify(lhrs[b][scenario][mid]));
    summary.push({ build: build.label, dir: build.dir, url: build.url, scenario, stats, medianRun: mid + 1, medianRunReport: lhrFile, runs: rs });

    console.log(`\n== ${build.label} · ${scenario} visit · ${rs.length} run(s): median (min–max)`);
    for (const [k, s] of Object.entries(stats)) {
      if (k === 'bytesByType') continue;
      console.log(`  ${NAMES[k].padEnd(26)} ${fmt[k](s.median).padStart(12)}   (${fmt[k](s.min)} – ${fmt[k](s.max)})`);
    }
    console.log(`  bytes by type: ${Object.entries(stats.bytesByType).sort((x, y) => y[1].median - x[1].median)
      .map(([t, s]) => `${t} ${Math.round(s.median).toLocaleString('en')}`).join(', ')}`);
    const m = rs[mid];
    console.log(`  median run (#${mid + 1}): LCP element ${m.lcpElement ?? '?'}`);
    if (Object.keys(m.lcpPhases).length) console.log(`    LCP phases: ${Object.entries(m.lcpPhases).map(([p, t]) => `${p} ${t} ms`).join(', ')}`);
    if (m.criticalChain) console.log(`    longest request chain: ${m.criticalChain.length} requests, ${Math.round(m.criticalChain.duration)} ms observed`);
    console.log(`    DOM elements ${m.domElements}; layout shifts: ${m.layoutShifts.map((l) => `${l.element} ${l.score}`).join(', ') || 'none'}`);
    console.log(`    main thread (simulated): ${Object.entries(m.mainThread).map(([g, t]) => `${g} ${t}`).join(', ')} ms`);
    console.log(`    scripts (simulated): ${m.bootup.map((s) => `${s.url} ${s.total} ms (scripting ${s.scripting}, parse/compile ${s.parseCompile})`).join('; ')}`);
    console.log(`    requests (observed ms from navigation; 0 B = from the service worker's cache): ${m.requests.map((r) => `${r.url} ${r.transfer.toLocaleString('en')} B ${r.start}–${r.end}`).join('; ')}`);
    console.log(`    long tasks, Lighthouse (simulated ms, attributed script): ${m.longTasks.length ? '' : 'none'}`);
    for (const t of m.longTasks) console.log(`      ${String(t.duration).padStart(5)} ms at ${t.start} ms  ${t.url}`);
    console.log(`    tasks long at 4× in the trace (observed ms × 4, observed start; inside, observed ms): ${m.traceLongTasks.length ? '' : 'none'}`);
    for (const t of m.traceLongTasks) {
      const g = Object.entries(t.groups).map(([k, v]) => `${k} ${v}`).join(', ');
      console.log(`      ${String(t.at4x).padStart(5)} ms (${t.observed}) at ${t.start} ms  ${t.urls.join(' ') || '-'}\n              by kind: ${g}\n              events: ${t.inside.map(([k, v]) => `${k} ${v}`).join('; ')}`);
    }
  }
}

const file = join(outDir, `lighthouse-${stamp}.json`);
await writeFile(file, JSON.stringify({
  date: new Date().toISOString(), lighthouse: lhVersion, chromium: chromeVersion, node: process.version,
  preset: 'mobile (default): simulated Slow 4G 150 ms RTT 1.6 Mbps, CPU 4×', gzip, runsPerScenario: runs,
  page: pagePath, loadAverage: { start: load[0], max: Math.max(...load), end: load.at(-1) }, failures, summary,
}, null, 1));
console.log(`\nresults: ${file}`);
if (failures.length) console.log(`${failures.length} run(s) failed and were tried again: ${failures.map((f) => `${f.build} ${f.scenario} #${f.run}: ${f.error.split('\n')[0]}`).join('; ')}`);
console.log(`load average (1 min) during the runs: ${load[0].toFixed(2)} at start, ${Math.max(...load).toFixed(2)} at most — others' work on this 2-core machine inflates TBT`);
