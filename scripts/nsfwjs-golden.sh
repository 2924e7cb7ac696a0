#!/usr/bin/env bash
# Regenerates crates/custos-engine/tests/fixtures/nsfwjs_golden.json: the class probabilities of the real nsfwjs
# 4.4.0 (MobileNetV2) on @tensorflow/tfjs 4.22.0's pure-JS CPU backend, for synthetic images and every image of
# eval/images/ (see scripts/encoder/nsfwjs-golden/golden.mjs). Run by hand when the reference should change; not
# part of `make models` (the committed file is what scripts/build-nsfwjs.sh and the Rust tests check against).
#
#   scripts/nsfwjs-golden.sh
#
# Installs the pinned package-lock.json of scripts/encoder/nsfwjs-golden/ into .cache/nsfwjs-golden with
# `npm ci --ignore-scripts` (no install scripts, no native code) and runs node there.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SRC="$ROOT/scripts/encoder/nsfwjs-golden"
WORK="$ROOT/.cache/nsfwjs-golden"
OUT="$ROOT/crates/custos-engine/tests/fixtures/nsfwjs_golden.json"

mkdir -p "$WORK"
cp "$SRC/package.json" "$SRC/package-lock.json" "$SRC/golden.mjs" "$WORK/"
if ! cmp -s "$SRC/package-lock.json" "$WORK/node_modules/.package-lock.json.custos" 2>/dev/null; then
  (cd "$WORK" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
  cp "$SRC/package-lock.json" "$WORK/node_modules/.package-lock.json.custos"
fi
node "$WORK/golden.mjs" "$ROOT" > "$OUT.part"
mv -f "$OUT.part" "$OUT"
echo "wrote $OUT ($(grep -c '"probs"' "$OUT") images)"
