//! Image decoding and models. (Stub: being replaced by safe decoding + open_nsfw through ONNX Runtime.)

use crate::EngineError;
use custos_wire::Severity;
use std::path::Path;

/// Result for one image, indexed by `Category::index()`; `None` means the category is not analysed for images.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageAnalysis {
    /// Severities on the four-level scale (0, 2, 4, 6).
    pub severities: [Option<Severity>; 4],
    /// Continuous scores in 0..1 behind them.
    pub scores: [Option<f32>; 4],
}

/// The loaded image models.
#[derive(Debug)]
pub struct ImageModel {}

impl ImageModel {
    /// Loads ONNX Runtime and the image models from `model_dir`.
    pub fn load(model_dir: &Path, _threads: usize) -> Result<ImageModel, EngineError> {
        Err(EngineError::model_file(model_dir, "image model not implemented yet"))
    }

    /// Decodes, validates and scores `bytes`.
    pub fn analyze(&self, _bytes: &[u8]) -> Result<ImageAnalysis, EngineError> {
        Err(EngineError::InvalidInput("not implemented".into()))
    }
}
