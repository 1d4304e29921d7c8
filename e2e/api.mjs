// The JavaScript API embedded in another page: a host page loads the embedders' module
// (dongliang-api: the engine and its API, no Yew, no page of its own), calls evaluate, whatIf,
// rank and defaultRules, and gets the engine's figures and typed errors. Also: the module's own
// page (api.html) answers, and the module is the smallest of the build.
import { readFileSync, statSync } from 'node:fs';
import assert from 'node:assert/strict';
import { launch, watch, newLog } from './browser.mjs';

const base = process.env.BASE_URL;
const page = readFileSync(new URL('../dist/api.html', import.meta.url), 'utf8');
const js = page.match(/dongliang-api-[0-9a-f]+\.js/)?.[0];
const wasm = page.match(/dongliang-api-[0-9a-f]+_bg\.wasm/)?.[0];
assert.ok(js && wasm, 'dist/api.html names the module and its wasm');
const size = (name) => statSync(new URL(`../dist/${name}`, import.meta.url)).size;
const phoneWasm = readFileSync(new URL('../dist/index.html', import.meta.url), 'utf8').match(/dongliang-app-[0-9a-f]+_bg\.wasm/)?.[0];
assert.ok(size(wasm) < size(phoneWasm) / 2, `the API's module (${size(wasm)} bytes) is far smaller than the phone's page (${size(phoneWasm)})`);

const host = `<!doctype html><html><head><meta charset="utf-8"><title>host</title>
<link rel="icon" href="data:,"></head><body><p id="host">another page</p>
<script type="module">
  import init, { evaluate, whatIf, rank, defaultRules } from "./${js}";
  await init({ module_or_path: "./${wasm}" });
  const dossier = { unit_score: 92,
    pledges: [{ area: "key_work", grade: "A", quarters: [95, 93, null, null] }],
    votes: { district_leaders: { good: 12, fairly_good: 2 } } };
  const out = { result: evaluate(dossier) };
  out.whatIf = whatIf(JSON.stringify(dossier));
  out.ranking = rank([dossier, { ...dossier, unit_score: 60 }, dossier]);
  out.rules = defaultRules();
  try { evaluate({ pledges: [] }); } catch (e) { out.error = { name: e.name, errors: e.errors }; }
  try { evaluate(dossier, { name: "broken" }); } catch (e) { out.rulesError = e.errors[0]; }
  window.out = out;
</script></body></html>`;

const browser = await launch();
const log = newLog();
try {
  const page = await browser.newPage();
  watch(page, log);
  await page.goto(`${base}api.html`);
  await page.waitForFunction(() => document.getElementById('demo').textContent !== '…', null, { timeout: 60000 });
  assert.equal(await page.locator('#demo').textContent(), '94.34 (good)', 'api.html evaluates with its module');
  assert.equal(await page.evaluate(() => typeof window.dongliang.rank), 'function', 'api.html offers window.dongliang');
  await page.route(`${base}embed-test.html`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: host }));
  await page.goto(`${base}embed-test.html`);
  await page.waitForFunction(() => window.out !== undefined, null, { timeout: 15000 });
  const out = await page.evaluate(() => window.out);
  assert.equal(out.result.total, 94.34);
  assert.equal(out.result.tier, 'good');
  assert.deepEqual(out.result.assumed, ['pledges[0].quarters[2]', 'pledges[0].quarters[3]']);
  assert.ok(out.result.trace.length > 5, 'evaluate returns the trace');
  assert.equal(out.whatIf.tier, 'good');
  assert.deepEqual(out.ranking.officials.map((o) => o.rank), [1, 1, 3]);
  assert.ok(out.rules.name.includes('默认示例参数'));
  assert.equal(out.error.name, 'DossierError');
  assert.equal(out.error.errors[0].path, 'pledges');
  assert.equal(out.error.errors[0].type, 'count');
  assert.match(out.error.errors[0].message, /has 0 entries/);
  assert.ok(out.rulesError.path.length > 0, 'a bad rule set names its field');
  assert.equal(await page.locator('#host').textContent(), 'another page');
  assert.equal(await page.locator('header').count(), 0, 'the app did not mount');
  assert.deepEqual(log.consoleErrors, []);
  assert.deepEqual(log.outside, []);
  console.log('api: evaluate, whatIf, rank, defaultRules and typed errors work in a host page');
} finally {
  await browser.close();
}
