#!/usr/bin/env bash
# Installs everything dongliang needs on a Debian machine of this kind, skipping what is
# already present at the right version. Safe to run again; prints what it does.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
# shellcheck source=env.sh
. "$here/env.sh"
mkdir -p "$DONGLIANG_TOOLS/bin"

say() { printf '[setup] %s\n' "$*"; }
has_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qF "$2"; }

apt_packages=()
[ -x /usr/bin/chromium ] || apt_packages+=(chromium)
[ -x /usr/bin/chromedriver ] || apt_packages+=(chromium-driver)
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || apt_packages+=(fonts-wqy-microhei)
# zbarimg decodes the share link's QR code in the e2e checks (e2e/trust.mjs).
command -v zbarimg >/dev/null 2>&1 || apt_packages+=(zbar-tools)
# Python 3 runs Trunk's post-build hook and the single-file build (scripts/*.py).
command -v python3 >/dev/null 2>&1 || apt_packages+=(python3)
if [ ${#apt_packages[@]} -gt 0 ]; then
  say "apt-get install ${apt_packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
else
  say "chromium, chromedriver, a CJK font, zbarimg and python3 are present"
fi

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "wasm32-unknown-unknown target is present"
else
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  rustup component list --installed | grep -q "^$component" || rustup component add "$component"
done

if has_version trunk "trunk $TRUNK_VERSION"; then
  say "trunk $TRUNK_VERSION is present"
else
  say "cargo install trunk $TRUNK_VERSION (about 10 minutes)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if has_version wasm-bindgen "$WASM_BINDGEN_VERSION" && has_version wasm-bindgen-test-runner "$WASM_BINDGEN_VERSION"; then
  say "wasm-bindgen-cli $WASM_BINDGEN_VERSION is present"
else
  # Its published lock pins webpki-roots 1.0.11, which the registry no longer serves:
  # build it from the downloaded crate with that one dependency moved to 1.0.10.
  say "building wasm-bindgen-cli $WASM_BINDGEN_VERSION from a patched lock (about 2 minutes)"
  work="$(mktemp -d)"
  ( cd "$work" && cargo new --quiet fetcher && cd fetcher \
      && cargo add --quiet "wasm-bindgen-cli@=$WASM_BINDGEN_VERSION" && cargo fetch --quiet )
  crate="$(ls "${CARGO_HOME:-$HOME/.cargo}"/registry/cache/*/wasm-bindgen-cli-"$WASM_BINDGEN_VERSION".crate | head -n 1)"
  tar -xzf "$crate" -C "$work"
  ( cd "$work/wasm-bindgen-cli-$WASM_BINDGEN_VERSION" \
      && cargo update --quiet -p webpki-roots --precise 1.0.10 \
      && cargo install --locked --path . )
  rm -rf "$work"
fi

if has_version cargo-fuzz "cargo-fuzz $CARGO_FUZZ_VERSION"; then
  say "cargo-fuzz $CARGO_FUZZ_VERSION is present"
else
  say "cargo install cargo-fuzz $CARGO_FUZZ_VERSION (about 1 minute)"
  cargo install --locked cargo-fuzz --version "$CARGO_FUZZ_VERSION"
fi

if has_version wasm-opt "version 132"; then
  say "wasm-opt 132 is present"
else
  say "npm install binaryen@$BINARYEN_VERSION (wasm-opt 132)"
  npm install --silent --prefix "$DONGLIANG_TOOLS/binaryen" "binaryen@$BINARYEN_VERSION"
  ln -sf "$DONGLIANG_TOOLS/binaryen/node_modules/binaryen/bin/wasm-opt" "$DONGLIANG_TOOLS/bin/wasm-opt"
  has_version wasm-opt "version 132" || { echo "wasm-opt 132 did not install" >&2; exit 1; }
fi

if [ -f "$root/e2e/package.json" ]; then
  if [ -d "$root/e2e/node_modules/playwright-core" ] && (cd "$root/e2e" && npm ls --silent >/dev/null 2>&1); then
    say "e2e node modules are present"
  else
    say "npm ci in e2e/"
    (cd "$root/e2e" && npm ci --silent --no-audit --no-fund)
  fi
fi

say "cargo fetch --locked"
(cd "$root" && cargo fetch --locked --quiet)
say "done"
