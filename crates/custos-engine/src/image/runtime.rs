//! The process-wide ONNX Runtime environment.
//!
//! `ort` (load-dynamic) loads `libonnxruntime.so` once per process and allows only **one** environment per process:
//! a second `EnvironmentBuilder::build` fails even after the first environment was dropped. So the environment is
//! built once, kept forever in a static, and handed out as a cheap clone. Any other engine module that needs ONNX
//! Runtime must take it from [`environment`] rather than build its own. The first successful call decides which
//! library file is loaded; later calls with another path get the same runtime. A failed first attempt (missing file)
//! is not cached, so a later call with a good path still works.

use crate::EngineError;
use ort::environment::Environment;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

/// File name of the ONNX Runtime library inside `model_dir/vendor/`, as extracted by `scripts/fetch-models.sh`.
pub const ORT_LIBRARY: &str = "libonnxruntime.so.1.32.0";

static ENVIRONMENT: Mutex<Option<Environment>> = Mutex::new(None);

/// The vendor directory of `model_dir`.
pub fn vendor_dir(model_dir: &Path) -> PathBuf {
    model_dir.join("vendor")
}

/// Returns the process-wide ONNX Runtime environment, loading the library from `model_dir/vendor/` on first use.
pub fn environment(model_dir: &Path) -> Result<Environment, EngineError> {
    let mut slot = ENVIRONMENT.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(env) = slot.as_ref() {
        return Ok(env.clone());
    }
    let lib = vendor_dir(model_dir).join(ORT_LIBRARY);
    let lib = require_file(&lib)?;
    let builder =
        ort::init_from(&lib).map_err(|e| EngineError::Runtime(format!("cannot load {}: {e}", lib.display())))?;
    let env = builder
        .with_name("custos")
        .with_telemetry(false)
        .build()
        .map_err(|e| EngineError::Runtime(format!("cannot create the environment: {e}")))?;
    tracing::info!(library = %lib.display(), "ONNX Runtime loaded");
    *slot = Some(env.clone());
    Ok(env)
}

/// Checks that a vendor file exists and returns its absolute path (`ort` resolves relative library paths against
/// the executable's directory, which is not what a relative `CUSTOS_MODEL_DIR` means).
pub(crate) fn require_file(path: &Path) -> Result<PathBuf, EngineError> {
    if !path.is_file() {
        return Err(EngineError::model_file(path, "missing; run scripts/fetch-models.sh to download it"));
    }
    path.canonicalize().map_err(|e| EngineError::model_file(path, e))
}
