//! Text analysis: an ensemble of classification models behind one API ([`ensemble::TextEnsemble`]).
//!
//! - [`normalize`]: evasion-resistant normalization (NFKC, case, invisible characters, homoglyphs, leetspeak,
//!   repetition, spaced-out letters) with a map back to original offsets.
//! - [`features`]: the n-gram model's own normalization and hashed character/word n-grams (shared with
//!   `custos-train`).
//! - [`linear`]: the hashed n-gram model's per-category ordinal logistic heads and their file format.
//! - [`lexicon`]: curated phrases that raise a category's severity floor.
//! - [`wordpiece`], [`encoder`]: the all-MiniLM-L6-v2 sentence encoder (int8, ONNX Runtime).
//! - [`ensemble`]: embedding heads, the trained combiner, calibrated thresholds and explanation spans.
//!
//! [`TextModel`] is the n-gram model + lexicon alone (a text's severity is `max(model severity, lexicon floor)`);
//! the ensemble uses it as one of its members. The model directory (`models/text` in the repository) holds
//! `model.bin`, `lexicon.tsv` and `ensemble.txt`, documented in its `MODEL_CARD.md`; `custos-train` rebuilds them.

pub mod encoder;
pub mod ensemble;
pub mod features;
pub mod lexicon;
pub mod linear;
pub mod multilingual;
pub mod normalize;
pub mod sentencepiece;
pub mod wordpiece;

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
    /// The continuous score the severities were decoded from (the combined score `z` of the ensemble, or the
    /// n-gram model's raw score), before any lexicon floor.
    pub raw: [f32; 4],
    /// Per category, the spans of the input that drove it (see [`ensemble::TextEnsemble::analyze`]).
    pub spans: [Vec<ensemble::Span>; 4],
    /// True when the encoder failed and only the n-gram model and lexicon answered.
    pub degraded: bool,
}

impl TextAnalysis {
    /// Severity 0 everywhere.
    pub fn safe() -> TextAnalysis {
        TextAnalysis {
            scores: [0.0; 4],
            severities: [Severity::SAFE; 4],
            raw: [0.0; 4],
            spans: Default::default(),
            degraded: false,
        }
    }
}

/// The n-gram model's input for `text`: evasion normalization ([`normalize::normalize`]) then the feature
/// normalization ([`features::normalize`]). Training and serving both call this.
pub fn prepare(text: &str) -> String {
    prepare_normalized(&normalize::normalize(text).text)
}

/// [`prepare`] for a text that already went through [`normalize::normalize`].
pub fn prepare_normalized(normalized: &str) -> String {
    features::normalize(normalized)
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
        self.linear.raw_scores(&prepare(text)).0
    }

    /// Raw scores and lexicon floors of a [`prepare`]d text.
    pub fn raw_and_floors(&self, prepared: &str) -> ([f32; 4], [u8; 4]) {
        (self.linear.raw_scores(prepared).0, self.lexicon.floors(prepared))
    }

    /// Severities (model + lexicon floor) of a [`prepare`]d text.
    pub fn severities_prepared(&self, prepared: &str) -> [u8; 4] {
        let (raw, floors) = self.raw_and_floors(prepared);
        std::array::from_fn(|h| self.linear.severity(h, raw[h]).max(floors[h]))
    }

    /// The n-gram heads and their thresholds.
    pub fn linear(&self) -> &LinearModel {
        &self.linear
    }

    /// The severity lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Scores `text` with the n-gram model and the lexicon only.
    pub fn analyze(&self, text: &str) -> TextAnalysis {
        self.analyze_prepared(&prepare(text))
    }

    /// [`TextModel::analyze`] of a [`prepare`]d text.
    pub fn analyze_prepared(&self, normalized: &str) -> TextAnalysis {
        let mut out = TextAnalysis::safe();
        if normalized.is_empty() {
            return out;
        }
        let (raw, _) = self.linear.raw_scores(normalized);
        let floors = self.lexicon.floors(normalized);
        for head in 0..HEADS {
            let thresholds = &self.linear.thresholds[head];
            let model_sev = self.linear.severity(head, raw[head]);
            let sev = model_sev.max(floors[head]);
            let s = if floors[head] > model_sev { thresholds[floors[head] as usize - 1] } else { raw[head] };
            out.scores[head] = sigmoid(s - thresholds[3]);
            out.severities[head] = Severity::new(sev);
            out.raw[head] = raw[head];
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
        let hot = prepare("zzqx");
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
