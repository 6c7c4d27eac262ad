#!/usr/bin/env bash
# npm run package: production bundles + `vsce package --no-dependencies` -> podlens-<version>.vsix at the repo root
# (PODLENS_VSIX=<path> to put it elsewhere). @vscode/vsce 4.x needs Node >= 22: it runs on Node 24 from the npm
# registry (scripts/setup/setup-node24.sh, cached).
# It packages from a staging folder: sources, esbuild.mjs and node_modules are symlinked, the shipped files copied,
# and vsce's `vscode:prepublish` (node esbuild.mjs --production) writes the bundles into the staging dist/. So the
# .vsix never picks up a development build that another process (watch, vitest's global setup) writes into dist/
# while packaging runs.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
NAME="$(node -p "require('./package.json').name")"
VERSION="$(node -p "require('./package.json').version")"
OUT="${PODLENS_VSIX:-$ROOT/$NAME-$VERSION.vsix}"
case "$OUT" in /*) ;; *) OUT="$ROOT/$OUT" ;; esac
[ -x node_modules/.bin/vsce ] || { echo "package: node_modules/.bin/vsce missing: run npm ci" >&2; exit 1; }
for f in README.md docs/CHANGELOG.md docs/LICENSE client/media/icon.png .vscodeignore; do
  [ -f "$f" ] || { echo "package: $f is missing" >&2; exit 1; }
done
NODE24="$(bash scripts/setup/setup-node24.sh)"
t0=$(date +%s)

STAGE="$(mktemp -d "${TMPDIR:-/tmp}/podlens-package-XXXXXX")"
trap 'rm -rf "$STAGE"' EXIT
mkdir -p "$STAGE/client/media" "$STAGE/docs/images"
# LICENSE and CHANGELOG.md live in docs/ (the repository's top level is fixed); vsce wants them at the root.
cp package.json README.md docs/CHANGELOG.md docs/LICENSE .vscodeignore "$STAGE/"
cp client/media/icon.png "$STAGE/client/media/"
cp docs/images/*.png "$STAGE/docs/images/"
for f in client/src client/webview; do ln -s "$ROOT/$f" "$STAGE/$f"; done
for f in server shared node_modules esbuild.mjs tsconfig.json; do [ -e "$f" ] && ln -s "$ROOT/$f" "$STAGE/$f"; done

mkdir -p "$(dirname "$OUT")" # vsce does not create the output directory
(cd "$STAGE" && PATH="$(dirname "$NODE24"):$PATH" "$NODE24" "$ROOT/node_modules/@vscode/vsce/vsce" package \
  --no-dependencies --no-rewrite-relative-links -o "$OUT")
echo "package: $(basename "$OUT") ($(du -k "$OUT" | cut -f1) KiB) in $(($(date +%s) - t0))s"

if ! command -v unzip >/dev/null; then
  echo "package: unzip not installed: skipped the content checks of the .vsix" >&2
  exit 0
fi
# Guards: only the manifest, docs, bundles, css/fonts and the icon inside, and the bundles are the production ones.
unexpected="$(unzip -Z1 "$OUT" | grep '^extension/' |
  grep -v -E '^extension/(package\.json|readme\.md|changelog\.md|LICENSE\.txt|dist/[^/]+\.(js|css|ttf)|client/media/icon\.png|docs/images/[^/]+\.png)$' || true)"
if [ -n "$unexpected" ]; then
  echo "package: unexpected files in the .vsix (fix .vscodeignore):" >&2
  echo "$unexpected" >&2
  exit 1
fi
for b in client server cli; do
  unzip -l "$OUT" "extension/dist/$b.js" >/dev/null || { echo "package: dist/$b.js missing from the .vsix" >&2; exit 1; }
  if unzip -p "$OUT" "extension/dist/$b.js" | tail -c 300 | grep -q sourceMappingURL; then
    echo "package: dist/$b.js in the .vsix is a development build (source map comment)" >&2
    exit 1
  fi
done
