//! Text model: a hashed n-gram linear model with one ordinal head per category, plus a severity lexicon.
//!
//! - [`features`]: normalization and hashed character/word n-grams (shared with `custos-train`).
//! - [`linear`]: the per-category ordinal logistic heads, their calibrated severity thresholds and the file format.
//! - [`lexicon`]: curated phrases that raise a category's severity floor.
//!
//! A text's severity per category is `max(model severity, lexicon floor)`. The model directory (`models/text` in the
//! repository) holds `model.bin` and `lexicon.tsv`, documented in its `MODEL_CARD.md`; `custos-train` rebuilds `model.bin`.
//! This is the first-pass model: a later ensemble can combine [`TextModel::raw_scores`] with other models.

pub mod features;
pub mod lexicon;
pub mod linear;

use crate::EngineError;
use custos_wire::Severity;
use lexicon::Lexicon;
use linear::{LinearModel, HEADS};
use std::path::Path;

/// File name of the weights inside the model directory.
pub const MODEL_FILE: &str = "model.bin";
/// File name of the lexicon inside the model directory.
pub const LEXICON_FILE: &str = "lexicon.tsv";

/// Scores of one text, indexed by `Category::index()`.
#[derive(Debug, Clone, PartialEq)]
pub struct TextAnalysis {
    /// Probability-like scores in 0..1: `σ(s − τ₄)`, so a score ≥ 0.5 means severity ≥ 4 (Azure's recommended
    /// starting threshold). A lexicon floor lifts the score to at least the floor's threshold.
    pub scores: [f32; 4],
    /// Severities on the 0–7 scale.
    pub severities: [Severity; 4],
}

/// The loaded text model.
#[derive(Debug)]
pub struct TextModel {
    linear: LinearModel,
    lexicon: Lexicon,
}

impl TextModel {
    /// Loads the model from `dir` (the `text/` folder of the model directory): `model.bin` and `lexicon.tsv`.
    ///
    /// The weight file is validated (magic, versions, size, SHA-256 trailer, finite values); a missing lexicon is an
    /// error too, so that a half-copied model directory fails at start-up rather than under-reporting.
    pub fn load(dir: &Path) -> Result<TextModel, EngineError> {
        let model_path = dir.join(MODEL_FILE);
        let bytes = std::fs::read(&model_path).map_err(|e| EngineError::model_file(&model_path, e))?;
        let linear = LinearModel::from_bytes(&bytes).map_err(|e| EngineError::model_file(&model_path, e))?;
        let lexicon_path = dir.join(LEXICON_FILE);
        let tsv = std::fs::read_to_string(&lexicon_path).map_err(|e| EngineError::model_file(&lexicon_path, e))?;
        let lexicon = Lexicon::parse(&tsv).map_err(|e| EngineError::model_file(&lexicon_path, e))?;
        Ok(TextModel { linear, lexicon })
    }

    /// Builds a model from parts (used by the trainer to evaluate before writing files).
    pub fn from_parts(linear: LinearModel, lexicon: Lexicon) -> TextModel {
        TextModel { linear, lexicon }
    }

    /// One line for the start-up log: buckets and lexicon size. No content.
    pub fn describe(&self) -> String {
        let c = self.lexicon.counts();
        format!(
            "hashed linear text model: 2^{} buckets x {HEADS} ordinal heads (feature v{}), lexicon {} phrases \
             (Hate {}, SelfHarm {}, Sexual {}, Violence {})",
            self.linear.log2_buckets,
            features::FEATURE_VERSION,
            c.iter().sum::<usize>(),
            c[0],
            c[1],
            c[2],
            c[3]
        )
    }

    /// Raw ordinal scores `s` per head (before thresholds and lexicon), for ensembles and evaluation.
    pub fn raw_scores(&self, text: &str) -> [f32; 4] {
        self.linear.raw_scores(&features::normalize(text)).0
    }

    /// Scores `text`.
    pub fn analyze(&self, text: &str) -> TextAnalysis {
        let normalized = features::normalize(text);
        let mut out = TextAnalysis { scores: [0.0; 4], severities: [Severity::SAFE; 4] };
        if normalized.is_empty() {
            return out;
        }
        let (raw, _) = self.linear.raw_scores(&normalized);
        let floors = self.lexicon.floors(&normalized);
        for head in 0..HEADS {
            let thresholds = &self.linear.thresholds[head];
            let model_sev = self.linear.severity(head, raw[head]);
            let sev = model_sev.max(floors[head]);
            let s = if floors[head] > model_sev { thresholds[floors[head] as usize - 1] } else { raw[head] };
            out.scores[head] = sigmoid(s - thresholds[3]);
            out.severities[head] = Severity::new(sev);
        }
        out
    }
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> TextModel {
        let mut linear = LinearModel::zeros(12);
        let hot = features::normalize("zzqx");
        let mut buckets = Vec::new();
        features::for_each_feature(&hot, 12, |b, s| buckets.push((b, s)));
        for (b, s) in buckets {
            linear.weights[b * HEADS + 3] = s;
        }
        for h in 0..HEADS {
            for k in 0..7 {
                linear.thresholds[h][k] = 0.5 + k as f32 * 0.1;
            }
        }
        let lexicon = Lexicon::parse("SelfHarm\t5\ten\tword\thurt myself\n").unwrap();
        TextModel::from_parts(linear, lexicon)
    }

    #[test]
    fn model_and_lexicon_combine() {
        let m = toy();
        let a = m.analyze("zzqx");
        assert_eq!(a.severities[3], Severity::new(7));
        assert!(a.scores[3] > 0.5);
        let b = m.analyze("I want to hurt myself");
        assert_eq!(b.severities[1], Severity::new(5));
        assert!(b.scores[1] > 0.5);
        assert_eq!(b.severities[3], Severity::SAFE);
        assert_eq!(m.analyze("").severities, [Severity::SAFE; 4]);
    }

    #[test]
    fn is_send_sync() {
        fn check<T: Send + Sync + std::fmt::Debug>() {}
        check::<TextModel>();
    }
}
