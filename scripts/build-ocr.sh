#!/usr/bin/env bash
# Builds the faster OCR graphs into MODEL_DIR/vendor/ (default: models/vendor/):
#
#   scripts/build-ocr.sh [MODEL_DIR]      (default: $CUSTOS_MODEL_DIR, else <repo>/models)
#
# - ch_PP-OCRv4_det_fused.onnx, ch_PP-OCRv4_rec_fused.onnx: the PP-OCRv4 detector and recogniser fetched by
#   scripts/fetch-models.sh (rapidocr-onnxruntime 1.4.4, Apache-2.0), rewritten into equivalent graphs (weights as
#   initializers, hard-swish as one node, scalar affine blocks folded into convolutions) and checked against the
#   originals — see scripts/encoder/build_ocr.py. numpy + onnx + onnxruntime from the pinned tools venv in
#   .cache/encoder-venv (shared with scripts/build-encoder.sh). Run scripts/fetch-models.sh first.
#
# Deterministic; the results' sha256 are compared with the ones recorded below and a difference is reported but not
# fatal (the script itself fails when a rewritten graph's outputs drift from the original's). Idempotent: a stamp
# file records the checksums of the inputs, the build script and its pinned requirements. Without these files the
# engine falls back to the original graphs (slower, same results).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=encoder/common.sh
. "$ROOT/scripts/encoder/common.sh"
model_paths "$@"

EXPECTED_DET_SHA256="157eb5cc282c9350e4abc6733d95812be129602bd2a9042ed8821470899e977d"
EXPECTED_REC_SHA256="6bf06bad8229f7aab22f11db987e5dd2af00fb74c05b92ed1f1666b6bd459df0"
STAMP="$VENDOR/ocr-fused.stamp"


for f in ch_PP-OCRv4_det_infer.onnx ch_PP-OCRv4_rec_infer.onnx; do
  if [ ! -f "$VENDOR/$f" ]; then
    echo "build-ocr: $VENDOR/$f is missing; run scripts/fetch-models.sh first" >&2
    exit 1
  fi
done

# What the outputs depend on: the original graphs, the build script and the pinned tools.
INPUTS="$(sha256_of "$VENDOR/ch_PP-OCRv4_det_infer.onnx") $(sha256_of "$VENDOR/ch_PP-OCRv4_rec_infer.onnx") $(sha256_of "$ROOT/scripts/encoder/build_ocr.py") $(sha256_of "$ROOT/scripts/encoder/requirements.txt")"
if [ -f "$VENDOR/ch_PP-OCRv4_det_fused.onnx" ] && [ -f "$VENDOR/ch_PP-OCRv4_rec_fused.onnx" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$INPUTS" ]; then
  echo "ok       $VENDOR/ch_PP-OCRv4_det_fused.onnx (sha256 $(sha256_of "$VENDOR/ch_PP-OCRv4_det_fused.onnx"))"
  echo "ok       $VENDOR/ch_PP-OCRv4_rec_fused.onnx (sha256 $(sha256_of "$VENDOR/ch_PP-OCRv4_rec_fused.onnx"))"
  exit 0
fi

ensure_venv

TMP="$(mktemp -d "$VENDOR/.ocr.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
"$VENV/bin/python" "$ROOT/scripts/encoder/build_ocr.py" "$VENDOR" "$TMP"
for kind in det rec; do
  file="ch_PP-OCRv4_${kind}_fused.onnx"
  got="$(sha256_of "$TMP/$file")"
  if [ "$kind" = det ]; then want="$EXPECTED_DET_SHA256"; else want="$EXPECTED_REC_SHA256"; fi
  if [ "$got" != "$want" ]; then
    echo "build-ocr: note: $file sha256 $got differs from the recorded $want" >&2
  fi
  mv -f "$TMP/$file" "$VENDOR/$file"
  echo "built    $VENDOR/$file (sha256 $got)"
done
echo "$INPUTS" > "$STAMP"
