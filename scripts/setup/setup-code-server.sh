#!/usr/bin/env bash
# Reproducible, cached install of a real VS Code for the e2e suite and the demo, with nothing but the Debian apt
# mirror and the npm registry (test/e2e/README.md):
#   1. apt: the -dev packages code-server's native modules compile against, and Debian's chromium
#   2. Node 24 from the npm package node@24 (scripts/setup/setup-node24.sh)
#   3. code-server@$CODE_SERVER_VERSION from npm, native modules built against Node 24's own headers
# Everything lands in $E2E_CACHE_DIR (default .cache/); a stamp makes re-runs a no-op. Writes $CACHE/env.sh with
# NODE24, CODE_SERVER_ENTRY, CODE_SERVER_VERSION and a PATH that has Node 24 first.
# Knobs: E2E_CACHE_DIR, CODE_SERVER_VERSION (pinned; the ext-host runner relies on workbench internals), SKIP_APT=1.
set -euo pipefail

# shellcheck source=clean-npm-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/clean-npm-env.sh"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="${E2E_CACHE_DIR:-$ROOT/.cache}"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
CS_DIR="$CACHE/code-server"
say() { echo "[setup-code-server $(date +%H:%M:%S)] $*"; }
mkdir -p "$CACHE"

# ---------- 1. apt ----------
APT_PKGS=(build-essential python3 pkg-config libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev chromium unzip)
command -v npm >/dev/null || APT_PKGS+=(nodejs npm) # any npm can bootstrap node@24
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  say "apt: all present"
elif [ "${SKIP_APT:-0}" = 1 ]; then
  say "apt: SKIP_APT=1 but missing: ${missing[*]} (the install or the browser may fail)"
else
  # As root, or through sudo when it needs no password; otherwise (or when apt fails) the one command to run by hand,
  # and stop: without these packages the webview and VS Code tests cannot start.
  SUDO=()
  if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO=(sudo -n); fi
  INSTALL="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
  cannot() {
    echo "setup: $1; install the missing Debian packages (${missing[*]}) with:" >&2
    echo "  sudo sh -c '$INSTALL'" >&2
    exit 1
  }
  command -v apt-get >/dev/null || cannot "apt-get not found"
  [ "$(id -u)" = 0 ] || [ ${#SUDO[@]} -gt 0 ] || cannot "not root and no password-less sudo"
  t0=$(date +%s)
  say "apt-get install ${missing[*]}"
  "${SUDO[@]}" sh -c "$INSTALL" >/dev/null || cannot "apt-get failed"
  say "apt done in $(($(date +%s) - t0))s"
fi

# ---------- 2. Node 24 ----------
NODE24="$(bash "$ROOT/scripts/setup/setup-node24.sh")"
NODE_HOME="$(dirname "$(dirname "$NODE24")")"
NODE_VERSION="$("$NODE24" -v)"

# ---------- 3. code-server ----------
STAMP="$CS_DIR/.stamp-code-server-$CODE_SERVER_VERSION-node-$NODE_VERSION"
ENTRY="$CS_DIR/node_modules/code-server/out/node/entry.js"
if [ -f "$STAMP" ] && [ -f "$ENTRY" ]; then
  say "code-server $CODE_SERVER_VERSION cached ($CS_DIR)"
else
  t0=$(date +%s)
  say "installing code-server@$CODE_SERVER_VERSION with Node $NODE_VERSION (about 2 minutes on 2 cores)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  echo '{"private":true,"allowScripts":{"code-server":true,"argon2":true}}' >"$CS_DIR/package.json"
  # PATH: npm itself must run on Node 24 (code-server's postinstall checks npm_config_user_agent for node/v24).
  # npm_config_nodedir: node-gyp compiles against the headers shipped with node@24 instead of downloading them
  #   from nodejs.org; it also overrides a stray `nodedir=` in ~/.npmrc (Node 20 headers = wrong ABI).
  # dangerously_allow_all_scripts: the postinstall runs nested `npm install`s in lib/vscode that compile native
  #   modules; scoped to this one pinned package install.
  if ! (cd "$CS_DIR" &&
    PATH="$NODE_HOME/bin:$PATH" \
      npm_config_nodedir="$NODE_HOME" \
      npm_config_dangerously_allow_all_scripts=true \
      npm install --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" >"$CS_DIR/install.log" 2>&1); then
    tail -40 "$CS_DIR/install.log"
    echo "setup-code-server: install failed (log: $CS_DIR/install.log)" >&2
    exit 1
  fi
  [ -d "$CS_DIR/node_modules/code-server/lib/vscode/node_modules" ] || {
    echo "setup-code-server: the code-server postinstall did not run (install scripts blocked?); see $CS_DIR/install.log" >&2
    exit 1
  }
  # Own --config and XDG dirs: otherwise even --version writes ~/.config/code-server/config.yaml and
  # ~/.local/share/code-server/coder-logs, which other instances on this machine share.
  echo 'auth: none' >"$CS_DIR/version-check.yaml"
  XDG_CONFIG_HOME="$CS_DIR/.xdg/config" XDG_DATA_HOME="$CS_DIR/.xdg/data" XDG_CACHE_HOME="$CS_DIR/.xdg/cache" \
    "$NODE24" "$ENTRY" --config "$CS_DIR/version-check.yaml" --version | head -1
  touch "$STAMP"
  say "code-server installed in $(($(date +%s) - t0))s"
fi

cat >"$CACHE/env.sh" <<ENV
export NODE24="$NODE24"
export CODE_SERVER_ENTRY="$ENTRY"
export CODE_SERVER_VERSION="$CODE_SERVER_VERSION"
export PATH="$NODE_HOME/bin:\$PATH"
ENV
say "ok: source $CACHE/env.sh"
