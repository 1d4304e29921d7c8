#!/usr/bin/env python3
"""Finishes the build in dist/ once scripts/build.sh has merged the three pages into it.

1. Refuses a page with an inline script: the Content-Security-Policy (script-src 'self')
   would block it. Trunk's own inline loader is replaced by static/start.js (`pattern_script`).
   Refuses a root-relative URL too: the build must work under any sub-path.
2. Writes the service worker's file list and build version into sw.js: every file of the
   build, as paths relative to sw.js, and a version taken from their contents, so a new build
   installs a new worker and its cache replaces the old one.
"""
import hashlib
import os
import re
import sys
from pathlib import Path

staging = Path(os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist"))
pages = sorted(staging.glob("*.html"))
if not any(p.name == "index.html" for p in pages):
    sys.exit(f"postbuild: {staging}/index.html is missing")
for page in pages:
    html = page.read_text(encoding="utf-8")
    inline = [m.group(0)[:80] for m in re.finditer(r"<script\b(?![^>]*\bsrc=)[^>]*>", html, re.I)]
    if inline:
        sys.exit(f"postbuild: {page.name} has an inline script, which the CSP forbids: {inline}")
    if re.search(r"""(?:href|src)=["']/(?!/)""", html):
        sys.exit(f"postbuild: {page.name} has a root-relative URL; the build must work under any sub-path")

files = sorted(
    p.relative_to(staging).as_posix()
    for p in staging.rglob("*")
    if p.is_file() and p.name != "sw.js"
)
digest = hashlib.sha256()
for name in files:
    digest.update(name.encode() + b"\0" + (staging / name).read_bytes())
version = digest.hexdigest()[:16]

sw = staging / "sw.js"
text = sw.read_text(encoding="utf-8")
listing = ", ".join(repr("./" if f == "index.html" else f"./{f}") for f in files)
text, n1 = re.subn(r"const VERSION = '[^']*';", f"const VERSION = '{version}';", text, count=1)
text, n2 = re.subn(r"const FILES = \[[^\]]*\];", f"const FILES = [{listing}];", text, count=1)
if (n1, n2) != (1, 1):
    sys.exit("postbuild: sw.js lacks the VERSION or FILES line")
sw.write_text(text, encoding="utf-8")
print(f"postbuild: sw.js caches {len(files)} files, version {version}")
