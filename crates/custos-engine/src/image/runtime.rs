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

/// Creates one session for the model at `path` with `threads` intra-op threads, one inter-op thread and no
/// spinning (the server mixes workloads on few cores; a spinning pool would steal a core from the next request).
/// Graph optimisation stays at ONNX Runtime's default, all levels: measured on one thread (open_nsfw, the OCR
/// detector and recogniser), stopping at the extended level was 1.6–2× slower, and denormals-as-zero or memory
/// patterns off changed nothing.
pub(crate) fn session(env: &Environment, path: &Path, threads: usize) -> Result<ort::session::Session, EngineError> {
    ort::session::Session::builder(env)
        .and_then(|b| b.with_intra_threads(threads.max(1)).map_err(ort::Error::from))
        .and_then(|b| b.with_inter_threads(1).map_err(ort::Error::from))
        .and_then(|b| b.with_intra_op_spinning(false).map_err(ort::Error::from))
        .and_then(|b| b.with_inter_op_spinning(false).map_err(ort::Error::from))
        .and_then(|mut b| b.commit_from_file(path))
        .map_err(|e| EngineError::model_file(path, format!("cannot create an ONNX Runtime session: {e}")))
}

/// A small fixed pool of sessions of one model. `Session::run` needs `&mut Session`, so each session sits behind a
/// mutex; a caller takes the first free one and otherwise waits on one picked round-robin.
pub(crate) struct SessionPool {
    sessions: Vec<Mutex<ort::session::Session>>,
    next: std::sync::atomic::AtomicUsize,
    /// Name of the first input.
    pub(crate) input: String,
    /// Name of the first output.
    pub(crate) output: String,
}

impl SessionPool {
    /// Loads `size` sessions (at least one) of `model_dir/vendor/FILE`.
    pub(crate) fn load(model_dir: &Path, file: &str, threads: usize, size: usize) -> Result<SessionPool, EngineError> {
        let env = environment(model_dir)?;
        let path = require_file(&vendor_dir(model_dir).join(file))?;
        let sessions =
            (0..size.max(1)).map(|_| session(&env, &path, threads)).collect::<Result<Vec<_>, _>>()?;
        let first = &sessions[0];
        let (input, output) = match (first.inputs().first(), first.outputs().first()) {
            (Some(i), Some(o)) => (i.name().to_owned(), o.name().to_owned()),
            _ => return Err(EngineError::model_file(&path, "the model has no input or no output")),
        };
        Ok(SessionPool {
            sessions: sessions.into_iter().map(Mutex::new).collect(),
            next: std::sync::atomic::AtomicUsize::new(0),
            input,
            output,
        })
    }

    /// Number of sessions.
    pub(crate) fn len(&self) -> usize {
        self.sessions.len()
    }

    /// One run of a model with one input and one float output: builds the input tensor from `input`, runs a free
    /// session and hands the output's shape and values to `read`. `what` names the model in error messages.
    pub(crate) fn run<T, R>(
        &self,
        what: &str,
        input: impl ort::value::OwnedTensorArrayData<T>,
        read: impl FnOnce(&[i64], &[f32]) -> Result<R, EngineError>,
    ) -> Result<R, EngineError>
    where
        T: ort::value::PrimitiveTensorElementType + std::fmt::Debug,
    {
        let tensor = ort::value::Tensor::from_array(input)
            .map_err(|e| EngineError::Runtime(format!("cannot build the {what} input: {e}")))?;
        let mut session = self.checkout();
        let outputs = session
            .run(ort::inputs![self.input.as_str() => tensor])
            .map_err(|e| EngineError::Runtime(format!("{what} inference failed: {e}")))?;
        let value =
            outputs.get(&self.output).ok_or_else(|| EngineError::Runtime(format!("{what} returned no output")))?;
        let (shape, data) = value
            .try_extract_tensor::<f32>()
            .map_err(|e| EngineError::Runtime(format!("{what} output is not float32: {e}")))?;
        read(shape, data)
    }

    /// A session for one run.
    pub(crate) fn checkout(&self) -> std::sync::MutexGuard<'_, ort::session::Session> {
        for slot in &self.sessions {
            match slot.try_lock() {
                Ok(guard) => return guard,
                Err(std::sync::TryLockError::Poisoned(p)) => return p.into_inner(),
                Err(std::sync::TryLockError::WouldBlock) => {}
            }
        }
        let i = self.next.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % self.sessions.len();
        self.sessions[i].lock().unwrap_or_else(PoisonError::into_inner)
    }
}
