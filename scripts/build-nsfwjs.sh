#!/usr/bin/env bash
# Builds the second Sexual member of the image model into MODEL_DIR/vendor/ (default: models/vendor/):
#
#   scripts/build-nsfwjs.sh [MODEL_DIR]      (default: $CUSTOS_MODEL_DIR, else <repo>/models)
#
# - nsfwjs-mobilenet-v2.onnx: the MobileNetV2 classifier of the npm package `nsfwjs@4.4.0` (MIT, Infinite Red;
#   classes Drawing, Hentai, Neutral, Porn, Sexy), converted from the tfjs Layers model bundled in the tarball
#   (`dist/models/mobilenet_v2/`) to ONNX by scripts/encoder/build_nsfwjs.py. No TensorFlow, no torch, and no
#   package JavaScript is run: numpy + onnx (+ onnxruntime for the self-check) from the pinned tools venv
#   (.cache/encoder-venv, shared with build-encoder.sh and build-use.sh).
#
# The tarball comes from `npm pack` into .cache/npm/ and is checked against a pinned sha256 and the registry's
# sha512 integrity. Before anything is written the converter compares the graph with the real nsfwjs on
# @tensorflow/tfjs (the synthetic images of crates/custos-engine/tests/fixtures/nsfwjs_golden.json, written by
# scripts/nsfwjs-golden.sh) and fails above 1e-4. Deterministic: the result's sha256 is compared with the one
# recorded below and a difference is reported but not fatal (a different numpy/onnx build could change rounding).
# Idempotent: a stamp file records the checksums of the tarball, the converter, its requirements and the golden
# file. Needs npm only when the tarball is not in .cache/npm/ yet.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=encoder/common.sh
. "$ROOT/scripts/encoder/common.sh"
model_paths "$@"
NPM_CACHE="$ROOT/.cache/npm"

PACKAGE="nsfwjs@4.4.0"
TARBALL="nsfwjs-4.4.0.tgz"
TARBALL_SHA256="585cd178f3b994337c4d10a87b080d342fc52f8b9bf0085c4d1f345a3a1c5382"
# The registry's `dist.integrity` for nsfwjs 4.4.0 (sha512, base64).
TARBALL_INTEGRITY="sha512-krC1fgeTLXtZwgdpKJ0jm7hqv0gTSRQQRL+FhOaxaJ9Wj92t42BO3csO2odwgTAgZgf2RvkwPtp0R8Aa7dc+MA=="
OUT="nsfwjs-mobilenet-v2.onnx"
EXPECTED_ONNX_SHA256="f229d5be9db716cad09b776bc8eec54389db37fb6d74b7ddaf6cef513ffa8ae2"
GOLDEN="$ROOT/crates/custos-engine/tests/fixtures/nsfwjs_golden.json"
STAMP="$VENDOR/nsfwjs-mobilenet-v2.stamp"


# What the output depends on: the tarball, the converter, the pinned tools and the reference it is checked against.
INPUTS="$TARBALL_SHA256 $(sha256_of "$ROOT/scripts/encoder/build_nsfwjs.py") $(sha256_of "$ROOT/scripts/encoder/requirements.txt") $(sha256_of "$GOLDEN")"
if [ -f "$VENDOR/$OUT" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$INPUTS" ]; then
  echo "ok       $VENDOR/$OUT (sha256 $(sha256_of "$VENDOR/$OUT"))"
  exit 0
fi

integrity_of() { "$PYTHON" -c 'import base64,hashlib,sys; print("sha512-" + base64.b64encode(hashlib.sha512(open(sys.argv[1], "rb").read()).digest()).decode())' "$1"; }

mkdir -p "$VENDOR" "$NPM_CACHE"
if [ ! -f "$NPM_CACHE/$TARBALL" ] || [ "$(sha256_of "$NPM_CACHE/$TARBALL")" != "$TARBALL_SHA256" ]; then
  rm -f "$NPM_CACHE/$TARBALL"
  if ! command -v npm >/dev/null; then
    echo "build-nsfwjs: npm is needed once to fetch $PACKAGE (or put $TARBALL into $NPM_CACHE)" >&2
    exit 1
  fi
  (cd "$NPM_CACHE" && npm pack --silent --ignore-scripts "$PACKAGE" >/dev/null)
fi
got="$(sha256_of "$NPM_CACHE/$TARBALL")"
if [ "$got" != "$TARBALL_SHA256" ] || [ "$(integrity_of "$NPM_CACHE/$TARBALL")" != "$TARBALL_INTEGRITY" ]; then
  echo "build-nsfwjs: checksum mismatch for $TARBALL: expected sha256 $TARBALL_SHA256, got $got" >&2
  rm -f "$NPM_CACHE/$TARBALL"
  exit 1
fi

ensure_venv

TMP="$(mktemp -d "$VENDOR/.nsfwjs.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
"$VENV/bin/python" "$ROOT/scripts/encoder/build_nsfwjs.py" "$NPM_CACHE/$TARBALL" "$TMP" "$GOLDEN"
got="$(sha256_of "$TMP/$OUT")"
if [ "$got" != "$EXPECTED_ONNX_SHA256" ]; then
  echo "build-nsfwjs: note: $OUT sha256 $got differs from the recorded $EXPECTED_ONNX_SHA256" >&2
fi
mv -f "$TMP/$OUT" "$VENDOR/$OUT"
echo "$INPUTS" > "$STAMP"
echo "built    $VENDOR/$OUT (sha256 $got, from $TARBALL)"
