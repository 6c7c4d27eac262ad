#!/usr/bin/env bash
# `npm ci` when node_modules is missing or does not hold what package-lock.json pins; otherwise nothing. Run with the
# Node that should install (scripts/test.sh and scripts/demo.sh put Node 24 or the machine's Node >= 22 first on
# PATH). "Out of date" compares npm's own record of the install (node_modules/.package-lock.json) with the lock file,
# not file times: a git checkout or pull stamps package-lock.json with the current time whether it changed or not.
set -euo pipefail

# shellcheck source=clean-npm-env.sh
source "$(dirname "${BASH_SOURCE[0]}")/clean-npm-env.sh"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
say() { echo "[deps] $*"; }

# Prints why node_modules is out of date, or nothing. Packages npm skips on this platform (optional ones such as
# other systems' esbuild binaries) are not in its record, so only missing required packages and other versions count.
stale="$(node -e '
const fs = require("node:fs");
const read = (f) => (fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, "utf8")).packages ?? {} : undefined);
const lock = read("package-lock.json");
const installed = read("node_modules/.package-lock.json");
if (!installed) {
  console.log("node_modules is missing");
  process.exit(0);
}
const off = Object.entries(lock).filter(([where, p]) => where !== "" &&
  (installed[where] ? installed[where].version !== p.version : !p.optional));
if (off.length > 0) console.log(`${off.length} packages differ from package-lock.json (first: ${off[0][0]})`);
')"
[ -z "$stale" ] && exit 0

if [ -L node_modules ]; then
  # A shared install (a git worktree linking another checkout's node_modules): npm ci here would replace it for
  # everyone who links it, so the owner of that checkout decides.
  echo "[deps] $stale, and node_modules links to $(readlink -f node_modules): run npm ci in $(dirname "$(readlink -f node_modules)")" >&2
  exit 1
fi
say "$stale: npm ci on Node $(node -v)"
t0=$(date +%s)
npm ci --no-audit --no-fund
say "npm ci done in $(($(date +%s) - t0))s"
