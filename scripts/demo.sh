#!/usr/bin/env bash
# npm run demo — from a fresh clone: install, build, package, and open podlens in a real VS Code on a throw-away
# copy of examples/ (tests read the tracked files: quick fixes tried in the demo must never rewrite them), with
# autosave off in the copy's .vscode/settings.json.
#   * desktop VS Code when `code` is on PATH: code --extensionDevelopmentPath=<repo> <copy> (the copy stays in
#     $TMPDIR; VS Code keeps running after this script ends)
#   * otherwise code-server (scripts/setup/setup-code-server.sh, cached in .cache/) with the freshly packaged .vsix,
#     on 127.0.0.1 with auth off and a throw-away user-data dir; prints the URL and runs until Ctrl+C, then removes
#     the copy with everything else.
# Knobs: PODLENS_DEMO_PORT (default: a free port), PODLENS_DEMO_FORCE_CODE_SERVER=1 (ignore a desktop `code`).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
say() { echo "[demo] $*"; }

# Node >= 22 for npm ci and the build (package.json engines): the machine's own when new enough, else Node 24
# from the npm registry (scripts/setup/setup-node24.sh, cached).
if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 22 ? 0 : 1)'; then
  # shellcheck source=/dev/null
  source "$(bash scripts/setup/setup-node24.sh --env)"
fi
bash scripts/setup/deps.sh
say "building"
npm run -s build >/dev/null
say "packaging"
bash scripts/package.sh | tail -1
VSIX="$ROOT/$(node -p "const p=require('./package.json'); p.name + '-' + p.version + '.vsix'")"

# The workspace: a copy of examples/ whose own settings turn autosave off (code-server saves after 1 s otherwise).
copy_examples() {
  mkdir -p "$1/.vscode"
  cp -R "$ROOT/examples/." "$1/"
  printf '{\n  "files.autoSave": "off"\n}\n' >"$1/.vscode/settings.json"
  say "workspace: a throw-away copy of examples/ in $1 (autosave off): edits and quick fixes never touch the repository"
}

if command -v code >/dev/null && [ "${PODLENS_DEMO_FORCE_CODE_SERVER:-0}" != 1 ]; then
  WS="$(mktemp -d "${TMPDIR:-/tmp}/podlens-demo-examples-XXXXXX")"
  copy_examples "$WS"
  say "opening VS Code: code --extensionDevelopmentPath=$ROOT $WS"
  exec code --extensionDevelopmentPath="$ROOT" "$WS"
fi

say "no desktop 'code' on PATH: using code-server (first run installs it, about 2 minutes)"
bash scripts/setup/setup-code-server.sh
source "${E2E_CACHE_DIR:-$ROOT/.cache}/env.sh"

RUN="$(mktemp -d "${TMPDIR:-/tmp}/podlens-demo-XXXXXX")"
CS_PID=""
cleanup() {
  trap - EXIT INT TERM
  if [ -n "$CS_PID" ] && kill -0 "$CS_PID" 2>/dev/null; then
    kill -TERM -- "-$CS_PID" 2>/dev/null || true # our own process group only (setsid below)
    for _ in $(seq 50); do kill -0 "$CS_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$CS_PID" 2>/dev/null || true
  fi
  rm -rf "$RUN"
  say "stopped; removed $RUN"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo 'auth: none' >"$RUN/config.yaml"
WS="$RUN/examples"
copy_examples "$WS"
mkdir -p "$RUN/user-data/User" "$RUN/extensions" "$RUN/xdg"
cat >"$RUN/user-data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false,
  "chat.disableAIFeatures": true,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "git.openRepositoryInParentFolders": "never",
  "files.autoSave": "off"
}
JSON
export XDG_CONFIG_HOME="$RUN/xdg/config" XDG_DATA_HOME="$RUN/xdg/data" XDG_CACHE_HOME="$RUN/xdg/cache"
CS=("$NODE24" "$CODE_SERVER_ENTRY" --config "$RUN/config.yaml" --user-data-dir "$RUN/user-data" --extensions-dir "$RUN/extensions")
"${CS[@]}" --install-extension "$VSIX" --force | tail -1

PORT="${PODLENS_DEMO_PORT:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}"
setsid "${CS[@]}" --auth none --bind-addr "127.0.0.1:$PORT" --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override --ignore-last-opened "$WS" \
  >"$RUN/code-server.log" 2>&1 &
CS_PID=$!
for _ in $(seq 300); do
  node -e "fetch('http://127.0.0.1:$PORT/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))" && break
  kill -0 "$CS_PID" 2>/dev/null || { cat "$RUN/code-server.log"; say "code-server exited"; exit 1; }
  sleep 0.2
done
URL="http://127.0.0.1:$PORT/?folder=$WS"
echo
echo "  podlens demo is running in VS Code (code-server $CODE_SERVER_VERSION) with $(basename "$VSIX") installed."
echo "  Open:  $URL"
echo "  (loopback only, no password; a throw-away profile in $RUN). Press Ctrl+C to stop."
echo "  The workspace is a copy of examples/ with autosave off: try quick fixes freely, the repository stays as it is."
echo
wait "$CS_PID"
