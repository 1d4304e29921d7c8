// A tiny static server for dist/ on 127.0.0.1 only, sending the app's security headers
// (Content-Security-Policy and friends; python's http.server cannot set headers). It refuses a
// port that is already taken (a stale server would make the flows test the wrong page) and
// prints "ready <url>" once up. With a base path (e.g. /sub/path/) the files are served only
// under it, as a deployment under a sub-path would; the bare path redirects to the slash.
// Text, scripts, styles and the wasm are sent gzip-compressed to a client that accepts it, as
// a production server does (the README's nginx example; `gzip -9`, compressed once per file
// version and kept in memory), with `Vary: Accept-Encoding`; `--no-gzip` sends them as they are.
// Usage: node serve.mjs [--no-gzip] <dir> <port> [base-path]
// Imported as a module it only offers startServer(), which runs this file in a child process.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync, constants as zlib } from 'node:zlib';

/** Starts `node serve.mjs dir 0 base` and resolves to {url, stop()} once it is ready.
 *  `{ gzip: false }` serves every file uncompressed. */
export function startServer(dir, basePath = '/', { gzip = true } = {}) {
  const args = [fileURLToPath(import.meta.url), ...(gzip ? [] : ['--no-gzip']), dir, '0', basePath];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
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
const gzip = !process.argv.includes('--no-gzip');
const argv = process.argv.slice(2).filter((a) => a !== '--no-gzip');
const root = resolve(argv[0] ?? '../dist');
const port = Number(argv[1] ?? 0);
let base = argv[2] ?? '/';
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

/** The types worth compressing (the PNG icons are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.webmanifest', '.svg']);

/** Whether an Accept-Encoding header admits gzip (`gzip` or `*` with a quality above 0). */
function acceptsGzip(header) {
  let star = false;
  for (const part of String(header ?? '').toLowerCase().split(',')) {
    const [coding, ...params] = part.trim().split(';').map((p) => p.trim());
    const q = params.find((p) => p.startsWith('q='));
    const ok = !q || Number(q.slice(2)) > 0;
    if (coding === 'gzip' || coding === 'x-gzip') return ok;
    if (coding === '*') star = ok;
  }
  return star;
}

/** Compressed bodies by file, kept while the file's size and time are unchanged. */
const compressed = new Map();
function gzipped(file, info, body) {
  const key = `${info.size}:${info.mtimeMs}`;
  const hit = compressed.get(file);
  if (hit?.key === key) return hit.body;
  const gz = gzipSync(body, { level: zlib.Z_BEST_COMPRESSION });
  compressed.set(file, { key, body: gz });
  return gz;
}

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
    const info = await stat(file);
    let body = await readFile(file);
    const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream', ...HEADERS };
    if (gzip && COMPRESSIBLE.has(extname(file))) {
      headers.vary = 'Accept-Encoding';
      if (acceptsGzip(req.headers['accept-encoding'])) {
        body = gzipped(file, info, body);
        headers['content-encoding'] = 'gzip';
      }
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
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
