#!/usr/bin/env python3
"""Makes one self-contained HTML file of a release build (dist/), for USB sticks and messaging
apps: it opens from file:// with no server and loads nothing from anywhere.

- The stylesheets go into one <style>.
- It is the workshop's page (every view: workshop.html's module), opening on the
  self-assessment.
- The wasm-bindgen glue (an ES module) goes into one inline <script type="module"> with its
  `export`s removed; the wasm, gzip-compressed and base64-encoded, is unpacked in the browser
  (DecompressionStream, or static/inflate.js where a browser lacks it) and started with
  initSync({module}) — no fetch at all. A browser without WebAssembly, or without module
  scripts, shows the page's message saying so in both languages.
- The page carries its own Content-Security-Policy: no network (default-src 'none'), and only
  this one script and this one style, allowed by their SHA-256 hashes.
- No service worker, no manifest (neither works from file://).

Usage: python3 scripts/single_file.py [dist-dir] [output.html]
"""
import base64
import gzip
import hashlib
import re
import sys
from pathlib import Path

dist = Path(sys.argv[1] if len(sys.argv) > 1 else "dist")
out = Path(sys.argv[2] if len(sys.argv) > 2 else "dist-single/dongliang.html")


def fail(message):
    sys.exit(f"single_file: {message}")


html = (dist / "workshop.html").read_text(encoding="utf-8")
html, n = re.subn(r'<body data-start="workshop">', "<body>", html)
if n != 1:
    fail("workshop.html has no <body data-start=\"workshop\">")
inflate = (Path(__file__).parent.parent / "static" / "inflate.js").read_text(encoding="utf-8")
local = lambda href: dist / href.removeprefix("./")  # noqa: E731

# The stylesheets, in page order.
styles = []
for m in re.finditer(r'<link rel="stylesheet" href="([^"]+)"[^>]*/?>', html):
    css = local(m.group(1)).read_text(encoding="utf-8")
    if re.search(r"url\((?!\s*['\"]?data:)", css) or "@import" in css:
        fail(f"{m.group(1)} refers to another file")
    styles.append(css.strip())
if not styles:
    fail("no stylesheet found in workshop.html")
style = "\n".join(styles)

# The loader tag names the glue and the wasm.
loader = re.search(r'<script type="module" src="[^"]*start\.js" data-dongliang-js="([^"]+)" data-dongliang-wasm="([^"]+)"></script>', html)
if not loader:
    fail("the loader script (static/start.js) is not in workshop.html")
glue = local(loader.group(1)).read_text(encoding="utf-8")
wasm = local(loader.group(2)).read_bytes()

# The glue as a classic part of one module script: exported functions become plain functions,
# and the export list goes.
exported = re.findall(r"^export function (\w+)", glue, re.M)
glue, n = re.subn(r"^export (?=(?:async )?function |class |const |let )", "", glue, flags=re.M)
glue, m = re.subn(r"^export \{[^}]*\};?\s*$", "", glue, flags=re.M)
if m != 1 or re.search(r"^\s*(?:export|import)\b", glue, re.M):
    fail("the wasm-bindgen glue has an unexpected shape (exports or imports left)")
if "function initSync" not in glue:
    fail("the wasm-bindgen glue has no initSync")

packed = base64.b64encode(gzip.compress(wasm, compresslevel=9, mtime=0)).decode("ascii")
start = f"""
{inflate.strip()}
const packed = '{packed}';
if (typeof WebAssembly !== 'object') {{
  document.getElementById('unsupported').hidden = false;
}} else {{
  const bytes = Uint8Array.from(atob(packed), (c) => c.charCodeAt(0));
  const wasmBytes = typeof DecompressionStream === 'function'
    ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()
    : gunzip(bytes);
  initSync({{ module: wasmBytes }});
  window.wasmBindings = {{ {", ".join(exported)} }};
  dispatchEvent(new CustomEvent('TrunkApplicationStarted'));
}}
"""
script = f"{glue.rstrip()}\n{start}"
if "</script" in script.lower() or "</style" in style.lower():
    fail("a closing tag inside the inlined code")


def sha256(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


style_text = f"\n{style}\n"
script_text = f"\n{script}\n"
# Browsers without module scripts run this one instead: the page's message, in both languages.
nomodule_text = "document.getElementById('unsupported').hidden = false;"
csp = "; ".join([
    "default-src 'none'",
    f"script-src {sha256(script_text)} {sha256(nomodule_text)} 'wasm-unsafe-eval'",
    f"style-src {sha256(style_text)}",
    "img-src data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
])
icon = base64.b64encode((dist / "icon.svg").read_bytes()).decode() if (dist / "icon.svg").exists() else ""

page = html
page = re.sub(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>', "", page)
page = re.sub(r"\s*<!--.*?-->", "", page, flags=re.S)
page = re.sub(r'\s*<link rel="(?:stylesheet|manifest|modulepreload|preload|icon)"[^>]*>', "", page)
page = re.sub(r'\s*<script type="module" src="[^"]*start\.js"[^>]*></script>', "", page)
# No .xlsx module in the single file (it would double its size): the workshop says so when a
# workbook is chosen, and CSV works.
page = re.sub(r'\s*<script type="module" src="[^"]*xlsx\.js"[^>]*></script>', "", page)
page, n = re.subn(r'<script nomodule src="[^"]*unsupported\.js"></script>', f"<script nomodule>{nomodule_text}</script>", page)
if n != 1:
    fail("the nomodule script (static/unsupported.js) is not in workshop.html")
head_end = page.index("</head>")
head = (
    (f'    <link rel="icon" href="data:image/svg+xml;base64,{icon}" />\n' if icon else "")
    + f"    <style>{style_text}</style>\n"
    + f'    <script type="module">{script_text}</script>\n'
)
page = page[:head_end].rstrip() + "\n" + head + "  " + page[head_end:]
# The policy first, before anything it governs.
charset = '<meta charset="utf-8" />'
if charset not in page:
    fail("index.html has no <meta charset>")
page = page.replace(charset, f'{charset}\n    <meta http-equiv="Content-Security-Policy" content="{csp}" />', 1)
if re.search(r"""\s(?:src|href)=["'](?!data:|#)""", page):
    fail("a reference to another file is left: " + re.search(r"""\s(?:src|href)=["'](?!data:|#)[^"']*""", page).group(0))

out.parent.mkdir(parents=True, exist_ok=True)
out.write_text(page, encoding="utf-8")
raw = len(page.encode("utf-8"))
gz = len(gzip.compress(page.encode("utf-8"), compresslevel=9, mtime=0))
print(f"single_file: {out} — {raw:,} bytes raw, {gz:,} gzip (wasm {len(wasm):,} → {len(packed):,} base64 of gzip)")
