//! The Custos analysis engine.
//!
//! # Layout
//! - [`text`]: the text model (hashed n-gram linear model + severity lexicon) → per-category scores and severities.
//! - [`image`]: safe image decoding and validation, and the image models (open_nsfw through ONNX Runtime).
//! - [`blocklist`]: compiled blocklists (Aho-Corasick for terms, `regex` for patterns) and the normalization both
//!   sides share.
//!
//! Design: every model call is synchronous and CPU-bound; the server runs it on blocking threads and never on the
//! async workers. Engine types are not `Serialize`: the server converts them into `custos-wire` shapes. The engine
//! never sees API keys or resource ids, and it writes nothing anywhere: content lives only in the caller's memory.
#![deny(missing_docs)]

pub mod blocklist;
pub mod image;
pub mod text;

use std::path::{Path, PathBuf};

/// Errors of the engine.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// A model file is missing or unreadable at start-up.
    #[error("model file {path}: {reason}")]
    ModelFile {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// The ONNX Runtime library or a session failed.
    #[error("onnx runtime: {0}")]
    Runtime(String),
    /// The input is not acceptable (bad image bytes, dimensions, ...). The message never quotes content.
    #[error("{0}")]
    InvalidInput(String),
    /// A blocklist pattern cannot be compiled.
    #[error("{0}")]
    InvalidPattern(String),
}

impl EngineError {
    /// A missing or unreadable model file.
    pub fn model_file(path: &Path, reason: impl ToString) -> EngineError {
        EngineError::ModelFile { path: path.to_owned(), reason: reason.to_string() }
    }
}
