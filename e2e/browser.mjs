// Launches the system Chromium (never a downloaded one) with the flags that keep it off the
// network, and watches a page for console errors and for requests leaving 127.0.0.1.
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-default-apps', '--disable-extensions', '--disable-domain-reliability', '--no-pings',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Records console errors, page errors, Content-Security-Policy violations (also counted as
 *  console errors, so every flow fails on one) and every request that is not to 127.0.0.1. */
export function watch(page, log) {
  page.on('console', (m) => {
    if (m.type() === 'error') log.consoleErrors.push(m.text());
    if (m.text().startsWith('csp-violation ')) {
      log.cspViolations.push(m.text());
      log.consoleErrors.push(m.text());
    }
  });
  page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => {
    console.warn(`csp-violation ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
  }));
  page.on('pageerror', (e) => log.consoleErrors.push(String(e)));
  page.on('request', (r) => {
    const url = new URL(r.url());
    const local = url.hostname === '127.0.0.1' || ['data:', 'blob:', 'about:'].includes(url.protocol);
    if (!local) log.outside.push(r.url());
  });
}

export function newLog() {
  return { consoleErrors: [], outside: [], cspViolations: [] };
}
