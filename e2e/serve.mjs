// A tiny static server for dist/ on 127.0.0.1 only, sending the app's security headers
// (Content-Security-Policy and friends; python's http.server cannot set headers). It refuses a
// port that is already taken (a stale server would make the flows test the wrong page) and
// prints "ready <url>" once up. With a base path (e.g. /sub/path/) the files are served only
// under it, as a deployment under a sub-path would; the bare path redirects to the slash.
// Usage: node serve.mjs <dir> <port> [base-path]
// Imported as a module it only offers startServer(), which runs this file in a child process.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

/** Starts `node serve.mjs dir 0 base` and resolves to {url, stop()} once it is ready. */
export function startServer(dir, basePath = '/') {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), dir, '0', basePath], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((ok, fail) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const ready = out.match(/^ready (\S+)/m);
      if (ready) ok({ url: ready[1], stop: () => new Promise((done) => { child.once('exit', done); child.kill(); }) });
    });
    child.once('exit', (code) => fail(new Error(`the server exited (${code}) before it was ready`)));
  });
}

const main = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
const root = resolve(process.argv[2] ?? '../dist');
const port = Number(process.argv[3] ?? 0);
let base = process.argv[4] ?? '/';
if (!base.startsWith('/')) base = `/${base}`;
if (!base.endsWith('/')) base = `${base}/`;

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** The policy of the served app: its own files only, no inline script or style, no frames. */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "manifest-src 'self'",
  "worker-src 'self'",
].join('; ');

const HEADERS = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'cache-control': 'no-store',
};

const server = main && createServer(async (req, res) => {
  try {
    const path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    if (`${path}/` === base) {
      res.writeHead(301, { location: base, ...HEADERS });
      res.end();
      return;
    }
    if (!path.startsWith(base)) throw new Error('outside the base path');
    let file = normalize(join(root, path.slice(base.length)));
    if (file !== root && !file.startsWith(root + sep)) throw new Error('outside root');
    if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', ...HEADERS });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...HEADERS });
    res.end('not found');
  }
});
if (main) server.on('error', (e) => {
  console.error(e.code === 'EADDRINUSE' ? `port ${port} is taken: refusing to start` : String(e));
  process.exit(1);
});
if (main) server.listen(port, '127.0.0.1', () => {
  console.log(`ready http://127.0.0.1:${server.address().port}${base}`);
});
