//! Text model. (Stub: being replaced by the hashed n-gram linear model + lexicon.)

use crate::EngineError;
use custos_wire::Severity;
use std::path::Path;

/// Scores of one text, indexed by `Category::index()`.
#[derive(Debug, Clone, PartialEq)]
pub struct TextAnalysis {
    /// Calibrated probability-like scores in 0..1.
    pub scores: [f32; 4],
    /// Severities on the 0–7 scale.
    pub severities: [Severity; 4],
}

/// The loaded text model.
#[derive(Debug)]
pub struct TextModel {}

impl TextModel {
    /// Loads the model from `dir` (the `text/` folder of the model directory).
    pub fn load(dir: &Path) -> Result<TextModel, EngineError> {
        Err(EngineError::model_file(dir, "text model not implemented yet"))
    }

    /// Scores `text`.
    pub fn analyze(&self, _text: &str) -> TextAnalysis {
        TextAnalysis { scores: [0.0; 4], severities: [Severity::SAFE; 4] }
    }
}
