#!/usr/bin/env bash
# npm test — the whole suite, from a bare clone as the first command, the same way on a laptop and in CI (.ci/run
# only calls this). Installs what it needs first, each step cached so a second run only checks:
#   1. Debian's chromium and code-server's build tools (apt), Node 24 and code-server from the npm registry into
#      $E2E_CACHE_DIR (default .cache/): scripts/setup/setup-code-server.sh. When apt cannot install, it prints the
#      one command to run and stops.
#   2. Node 24 first on PATH: npm started this script on the machine's Node, which may be older than the dev tools
#      need (package.json engines); every npm and node below runs on Node 24.
#   3. npm ci when node_modules is missing or differs from package-lock.json (scripts/setup/deps.sh).
# Then the stages, stopping at the first that fails: build, unit (vitest), webview (Chromium), e2e (VS Code).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# The outer npm's settings must not reach the npm runs below (see the script).
# shellcheck source=setup/clean-npm-env.sh
source scripts/setup/clean-npm-env.sh

T0=$(date +%s)
stage() {
  local t
  t=$(date +%s)
  echo "[test] $1"
  "${@:2}"
  echo "[test] $1: $(($(date +%s) - t))s"
}

stage "setup: apt, Node 24, code-server" bash scripts/setup/setup-code-server.sh
# shellcheck source=/dev/null
source "$(bash scripts/setup/setup-node24.sh --env)"
echo "[test] on node $(node -v), npm $(npm -v)"
stage "dependencies" bash scripts/setup/deps.sh
stage "build" npm run build
stage "unit" npm run test:unit
stage "webview" npm run test:webview
stage "e2e" npm run test:e2e
echo "[test] all stages passed in $(($(date +%s) - T0))s"
