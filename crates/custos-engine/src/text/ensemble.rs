//! The text ensemble: evasion normalization → {hashed n-gram ordinal heads, severity lexicon, MiniLM embedding heads}
//! → a trained combiner per category → calibrated severity thresholds, plus the spans that drove each category.
//!
//! Per category `c`, with `s_lin` the n-gram model's raw score (maximum over chunks), `s_emb` the MiniLM embedding
//! head's score (maximum over chunks), `s_use` the multilingual (USE) embedding head's score (maximum over chunks;
//! a linear term plus an optional ReLU hidden layer, [`HiddenLayer`]),
//! `f` the lexicon floor and `u` the share of words the English encoder could not cover:
//!
//! ```text
//! z = b + a₁·s_lin + a₂·s_emb + a₃·s_emb·(1 − u) + a₄·f/7 + a₅·u + a₆·s_use
//! severity = max(#{k : τₖ ≤ z}, f)          score = σ(z − τ₄)
//! ```
//!
//! The embedding heads, the combiner weights and the thresholds are all fitted by `custos-train` (the heads on the
//! training split, the combiner and thresholds on the calibration half of the validation split) and stored in
//! `ensemble.txt` next to the n-gram model. `u` lets the combiner learn how far to trust the English encoder on
//! other scripts. The lexicon floor stays a hard floor: its phrases were written to the severity definitions.

use super::encoder::{Encoded, Encoder, DIM};
use super::multilingual::{MultilingualEncoder, DIM as MDIM};
use super::linear::HEADS;
use super::normalize::{normalize, Normalized};
use super::{prepare_normalized, TextAnalysis, TextModel};
use crate::EngineError;
use custos_wire::Severity;
use sha2::{Digest, Sha256};
use std::ops::Range;
use std::path::Path;

/// File name of the ensemble parameters inside the text model directory.
pub const ENSEMBLE_FILE: &str = "ensemble.txt";
/// Number of combiner inputs (without the bias).
pub const COMBINER_INPUTS: usize = 6;
const MAGIC: &str = "custos-text-ensemble v3";

/// The combiner inputs of one category.
pub fn combiner_inputs(s_lin: f32, s_emb: f32, floor: u8, unknown: f32, s_use: f32) -> [f32; COMBINER_INPUTS] {
    [s_lin, s_emb, s_emb * (1.0 - unknown), f32::from(floor) / 7.0, unknown, s_use]
}

/// A ReLU hidden layer on a multilingual embedding: `w₂ · relu(W₁ e + b₁)`.
#[derive(Debug, Clone, PartialEq)]
pub struct HiddenLayer {
    /// `hidden × MDIM`, row-major.
    pub w1: Vec<f32>,
    /// `hidden`.
    pub b1: Vec<f32>,
    /// `hidden`.
    pub w2: Vec<f32>,
}

impl HiddenLayer {
    /// Width of the layer.
    pub fn hidden(&self) -> usize {
        self.b1.len()
    }

    /// `w₂ · relu(W₁ e + b₁)`.
    pub fn score(&self, e: &[f32]) -> f32 {
        let dim = e.len();
        let mut s = 0.0;
        for j in 0..self.hidden() {
            let pre = self.b1[j] + dot(&self.w1[j * dim..(j + 1) * dim], e);
            if pre > 0.0 {
                s += self.w2[j] * pre;
            }
        }
        s
    }
}

/// `a · b` with eight running sums, which the compiler turns into SIMD (a plain `sum()` of floats has to add in
/// order and stays scalar); the heads evaluate tens of thousands of these products per text.
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0.0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = ca.remainder().iter().zip(cb.remainder()).map(|(x, y)| x * y).sum();
    for (x, y) in ca.zip(cb) {
        for k in 0..8 {
            acc[k] += x[k] * y[k];
        }
    }
    acc.iter().sum::<f32>() + tail
}

/// Trained parameters of the ensemble (everything but the n-gram weights and the encoder graph).
#[derive(Debug, Clone, PartialEq)]
pub struct EnsembleParams {
    /// MiniLM embedding head weights per category: `s_emb = w · e` (no bias: the combiner has one).
    pub heads: Vec<[f32; DIM]>,
    /// Multilingual (USE) embedding head weights per category: `s_use = w · e (+ the hidden layer below)`.
    pub mheads: Vec<[f32; MDIM]>,
    /// Optional hidden layer of the multilingual heads, one per category (empty: linear heads). It adds
    /// `w₂ · relu(W₁ e + b₁)` to `w · e`, which lets a head express interactions a linear head cannot, such as
    /// "names a group" *and* "is hostile" (either alone is not hate).
    pub mlp: Vec<HiddenLayer>,
    /// Combiner per category: bias, then one weight per input of [`combiner_inputs`].
    pub combiner: [[f32; COMBINER_INPUTS + 1]; HEADS],
    /// Severity thresholds τ₁..τ₇ on the combined score per category, ascending.
    pub thresholds: [[f32; 7]; HEADS],
    /// Whether the MiniLM encoder is a member. When it is not, it is neither loaded nor run: `s_emb` is 0 and `u`
    /// comes from its (cheap) WordPiece tokenizer alone.
    pub minilm: bool,
}

impl EnsembleParams {
    /// Zero parameters (every text decodes to 0 unless the lexicon says otherwise).
    pub fn zeros() -> EnsembleParams {
        EnsembleParams {
            heads: vec![[0.0; DIM]; HEADS],
            mheads: vec![[0.0; MDIM]; HEADS],
            mlp: Vec::new(),
            combiner: [[0.0; COMBINER_INPUTS + 1]; HEADS],
            thresholds: [[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]; HEADS],
            minilm: true,
        }
    }

    /// Embedding head score of category `h` for one embedding.
    pub fn head_score(&self, h: usize, e: &[f32; DIM]) -> f32 {
        dot(&self.heads[h], e)
    }

    /// Multilingual head score of category `h` for one embedding.
    pub fn mhead_score(&self, h: usize, e: &[f32; MDIM]) -> f32 {
        let linear = dot(&self.mheads[h], e);
        linear + self.mlp.get(h).map_or(0.0, |m| m.score(e))
    }

    /// The combined score `z` of category `h`.
    pub fn combine(&self, h: usize, inputs: &[f32; COMBINER_INPUTS]) -> f32 {
        let c = &self.combiner[h];
        c[0] + c[1..].iter().zip(inputs).map(|(w, x)| w * x).sum::<f32>()
    }

    /// Severity 0..=7 of combined score `z` in category `h`.
    pub fn severity(&self, h: usize, z: f32) -> u8 {
        self.thresholds[h].iter().filter(|t| **t <= z).count() as u8
    }

    /// The text form: a header, the numbers one category per line, and a SHA-256 of everything above it.
    pub fn to_text(&self) -> String {
        let mut s = format!(
            "{MAGIC}\nfeature_version {}\ndim {DIM} {MDIM}\nminilm {}\nhidden {}\n",
            super::features::FEATURE_VERSION,
            u8::from(self.minilm),
            self.mlp.first().map_or(0, HiddenLayer::hidden)
        );
        let line = |name: &str, h: usize, v: &[f32]| {
            let nums: Vec<String> = v.iter().map(|x| format!("{x:e}")).collect();
            format!("{name} {h} {}\n", nums.join(" "))
        };
        for h in 0..HEADS {
            s.push_str(&line("head", h, &self.heads[h]));
        }
        for h in 0..HEADS {
            s.push_str(&line("mhead", h, &self.mheads[h]));
        }
        for (h, m) in self.mlp.iter().enumerate() {
            s.push_str(&line("mlp_w1", h, &m.w1));
            s.push_str(&line("mlp_b1", h, &m.b1));
            s.push_str(&line("mlp_w2", h, &m.w2));
        }
        for h in 0..HEADS {
            s.push_str(&line("combiner", h, &self.combiner[h]));
        }
        for h in 0..HEADS {
            s.push_str(&line("thresholds", h, &self.thresholds[h]));
        }
        let sum = hex(&Sha256::digest(s.as_bytes()));
        s.push_str(&format!("sha256 {sum}\n"));
        s
    }

    /// Parses [`EnsembleParams::to_text`]; refuses a wrong header, feature version, checksum, shape or non-finite
    /// number, and thresholds that are not ascending.
    pub fn from_text(text: &str) -> Result<EnsembleParams, String> {
        let body_end = text.rfind("sha256 ").ok_or("no sha256 line")?;
        let (body, trailer) = text.split_at(body_end);
        let want = trailer.trim_start_matches("sha256 ").trim();
        if hex(&Sha256::digest(body.as_bytes())) != want {
            return Err("checksum mismatch (file damaged or edited by hand)".into());
        }
        let mut lines = body.lines();
        if lines.next() != Some(MAGIC) {
            return Err(format!("not a {MAGIC} file"));
        }
        let fv = format!("feature_version {}", super::features::FEATURE_VERSION);
        if lines.next() != Some(fv.as_str()) {
            return Err(format!("trained with another feature version (this build has {fv})"));
        }
        if lines.next() != Some(format!("dim {DIM} {MDIM}").as_str()) {
            return Err("embedding width mismatch".into());
        }
        let mut p = EnsembleParams::zeros();
        p.minilm = match lines.next() {
            Some("minilm 1") => true,
            Some("minilm 0") => false,
            _ => return Err("no minilm line".into()),
        };
        let hidden: usize = lines
            .next()
            .and_then(|l| l.strip_prefix("hidden "))
            .and_then(|n| n.parse().ok())
            .filter(|n| *n <= 4096)
            .ok_or("no hidden line")?;
        if hidden > 0 {
            p.mlp = vec![HiddenLayer { w1: vec![0.0; hidden * MDIM], b1: vec![0.0; hidden], w2: vec![0.0; hidden] }; HEADS];
        }
        let mut seen = [[false; HEADS]; 7];
        for line in lines {
            let mut parts = line.split_ascii_whitespace();
            let (kind, h) = (parts.next().unwrap_or(""), parts.next().and_then(|h| h.parse::<usize>().ok()));
            let h = h.filter(|h| *h < HEADS).ok_or_else(|| format!("bad line {kind:?}"))?;
            let nums = parts.map(|x| x.parse::<f32>()).collect::<Result<Vec<f32>, _>>().map_err(|e| e.to_string())?;
            if nums.iter().any(|x| !x.is_finite()) {
                return Err(format!("non-finite value in {kind} {h}"));
            }
            let (slot, dst): (usize, &mut [f32]) = match kind {
                "head" => (0, &mut p.heads[h][..]),
                "combiner" => (1, &mut p.combiner[h][..]),
                "thresholds" => (2, &mut p.thresholds[h][..]),
                "mhead" => (3, &mut p.mheads[h][..]),
                "mlp_w1" if hidden > 0 => (4, &mut p.mlp[h].w1[..]),
                "mlp_b1" if hidden > 0 => (5, &mut p.mlp[h].b1[..]),
                "mlp_w2" if hidden > 0 => (6, &mut p.mlp[h].w2[..]),
                _ => return Err(format!("unknown line {kind:?}")),
            };
            if nums.len() != dst.len() {
                return Err(format!("{kind} {h}: {} values, expected {}", nums.len(), dst.len()));
            }
            dst.copy_from_slice(&nums);
            seen[slot][h] = true;
        }
        let needed = if hidden > 0 { 7 } else { 4 };
        if seen[..needed].iter().flatten().any(|s| !s) {
            return Err("missing lines".into());
        }
        if p.thresholds.iter().any(|t| t.windows(2).any(|w| w[0] > w[1])) {
            return Err("thresholds are not ascending".into());
        }
        Ok(p)
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Everything the combiner sees for one text, kept for training and evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct Components {
    /// n-gram raw scores.
    pub linear: [f32; HEADS],
    /// Lexicon floors.
    pub floors: [u8; HEADS],
    /// MiniLM embedding head scores (max over windows; 0 without any word piece).
    pub embedding: [f32; HEADS],
    /// Multilingual embedding head scores (max over chunks; 0 without any piece).
    pub multilingual: [f32; HEADS],
    /// Share of words unknown to the encoder's vocabulary.
    pub unknown: f32,
}

/// The loaded ensemble.
#[derive(Debug)]
pub struct TextEnsemble {
    base: TextModel,
    encoder: Option<Encoder>,
    /// MiniLM's vocabulary when MiniLM is not a member: the unknown-word share `u` is still a combiner input.
    vocab: Option<super::wordpiece::WordPiece>,
    multi: MultilingualEncoder,
    params: EnsembleParams,
}

/// What both encoders made of one (normalized, chunked) text.
#[derive(Debug, Clone, PartialEq)]
pub struct Encodings {
    /// MiniLM: one embedding per window of each chunk.
    pub minilm: Encoded,
    /// USE multilingual: one embedding per chunk that has pieces.
    pub multi: Vec<[f32; MDIM]>,
}

impl TextEnsemble {
    /// Loads the n-gram model and lexicon from `model_dir/text/`, the ensemble parameters from
    /// `model_dir/text/ensemble.txt` and the encoder from `model_dir/vendor/` with `sessions` sessions of `threads`
    /// intra-op threads.
    pub fn load(model_dir: &Path, threads: usize, sessions: usize) -> Result<TextEnsemble, EngineError> {
        let dir = model_dir.join("text");
        let base = TextModel::load(&dir)?;
        let path = dir.join(ENSEMBLE_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| EngineError::model_file(&path, e))?;
        let params = EnsembleParams::from_text(&text).map_err(|e| EngineError::model_file(&path, e))?;
        let encoder = if params.minilm { Some(Encoder::load(model_dir, threads, sessions)?) } else { None };
        let vocab = if params.minilm { None } else { Some(super::encoder::load_vocab(model_dir)?) };
        let multi = MultilingualEncoder::load(model_dir, threads, sessions)?;
        Ok(TextEnsemble { base, encoder, vocab, multi, params })
    }

    /// Builds an ensemble from parts (the trainer evaluates before writing files).
    pub fn from_parts(
        base: TextModel,
        encoder: Option<Encoder>,
        multi: MultilingualEncoder,
        params: EnsembleParams,
        vocab: Option<super::wordpiece::WordPiece>,
    ) -> TextEnsemble {
        TextEnsemble { base, encoder, vocab, multi, params }
    }

    /// The n-gram + lexicon model.
    pub fn base(&self) -> &TextModel {
        &self.base
    }

    /// The MiniLM encoder, when it is a member.
    pub fn encoder(&self) -> Option<&Encoder> {
        self.encoder.as_ref()
    }

    /// The parameters.
    pub fn params(&self) -> &EnsembleParams {
        &self.params
    }

    /// One line for the start-up log. No content.
    pub fn describe(&self) -> String {
        format!(
            "text ensemble: {}; {}USE multilingual v3 ({} sessions) with {HEADS} heads; trained combiner",
            self.base.describe(),
            self.encoder.as_ref().map_or(String::new(), |e| format!("all-MiniLM-L6-v2 int8 ({} sessions), ", e.sessions())),
            self.multi.sessions()
        )
    }

    /// The combiner inputs of `text` with embedding head scores from `params` (training passes its own).
    pub fn components_with(&self, text: &str, params: &EnsembleParams) -> Result<Components, EngineError> {
        let normalized = normalize(text);
        let encoded = self.encode_normalized(&normalized.text)?;
        Ok(self.components_encoded(&normalized.text, &encoded, params))
    }

    /// [`TextEnsemble::components_with`] for a normalized text and its encoding ([`TextEnsemble::encode_normalized`]).
    pub fn components_encoded(&self, normalized: &str, encoded: &Encodings, params: &EnsembleParams) -> Components {
        let (linear, floors) = self.linear_members(normalized);
        let embedding = std::array::from_fn(|h| max_score(&encoded.minilm.windows, |e| params.head_score(h, e)));
        let multilingual = std::array::from_fn(|h| max_score(&encoded.multi, |e| params.mhead_score(h, e)));
        let unknown = if !params.minilm {
            encoded.minilm.unknown_share
        } else if encoded.minilm.windows.is_empty() {
            1.0
        } else {
            encoded.minilm.unknown_share
        };
        Components { linear, floors, embedding, multilingual, unknown }
    }

    /// The n-gram scores (maximum over chunks) and the lexicon floors (whole text) of a normalized text.
    fn linear_members(&self, normalized: &str) -> ([f32; HEADS], [u8; HEADS]) {
        let (linear, lexicon) = (self.base.linear(), self.base.lexicon());
        let whole = prepare_normalized(normalized);
        let chunks = chunk_ranges(normalized);
        let mut scores = [f32::NEG_INFINITY; HEADS];
        if chunks.len() == 1 {
            scores = linear.raw_scores(&whole).0;
        } else {
            for r in chunks {
                let raw = linear.raw_scores(&prepare_normalized(&normalized[r])).0;
                for h in 0..HEADS {
                    scores[h] = scores[h].max(raw[h]);
                }
            }
        }
        (scores, lexicon.floors(&whole))
    }

    /// The encoder's output for `text` after normalization (training fits the heads on it).
    pub fn embed(&self, text: &str) -> Result<Encodings, EngineError> {
        self.encode_normalized(&normalize(text).text)
    }

    /// The encoder's output for a normalized text: each chunk ([`chunk_ranges`]) embedded on its own.
    pub fn encode_normalized(&self, normalized: &str) -> Result<Encodings, EngineError> {
        let chunks: Vec<&str> = chunk_ranges(normalized).into_iter().map(|r| &normalized[r]).collect();
        let minilm = match &self.encoder {
            Some(e) => e.encode_chunks(&chunks)?,
            None => {
                let (mut unknown, mut words, mut ids) = (0usize, 0usize, Vec::with_capacity(64));
                if let Some(v) = &self.vocab {
                    for c in &chunks {
                        ids.clear();
                        let (u, w) = v.tokenize_into(c, &mut ids, super::encoder::WINDOW * 4);
                        unknown += u;
                        words += w;
                    }
                }
                Encoded { windows: Vec::new(), unknown_share: if words == 0 { 0.0 } else { unknown as f32 / words as f32 } }
            }
        };
        let mut multi = Vec::with_capacity(chunks.len());
        for c in chunks.iter().take(super::encoder::MAX_WINDOWS * 4) {
            if let Some(e) = self.multi.encode(c)? {
                multi.push(e);
            }
        }
        Ok(Encodings { minilm, multi })
    }

    /// Scores `text`: severities, continuous scores and the spans that drove each category.
    ///
    /// If the encoder fails (it should not: shapes are fixed at load time), the n-gram + lexicon model's result is
    /// returned with `degraded` set, and an error is logged without content.
    pub fn analyze(&self, text: &str) -> TextAnalysis {
        let normalized = normalize(text);
        if prepare_normalized(&normalized.text).is_empty() {
            return TextAnalysis::safe();
        }
        match self.encode_normalized(&normalized.text) {
            Ok(encoded) => self.analyze_encoded(&normalized, &encoded),
            Err(e) => {
                tracing::error!(error = %e, "text encoder failed; answering from the n-gram model alone");
                let mut a = self.base.analyze(text);
                a.degraded = true;
                a
            }
        }
    }

    /// [`TextEnsemble::analyze`] for a normalized text and the encoder's output for `normalized.text` (the trainer
    /// caches encodings between runs; serving always calls `analyze`).
    pub fn analyze_encoded(&self, normalized: &Normalized, encoded: &Encodings) -> TextAnalysis {
        let mut out = TextAnalysis::safe();
        if prepare_normalized(&normalized.text).is_empty() {
            return out;
        }
        if !self.params.minilm && encoded.multi.is_empty() {
            // No piece the multilingual encoder knows (only emoji, symbols or unknown scripts): its member has
            // nothing to say, and the combiner was fitted with it present, so the answer is the n-gram + lexicon
            // model's own calibrated result.
            let mut out = self.base.analyze_prepared(&prepare_normalized(&normalized.text));
            out.spans = self.explain(normalized, &out.severities);
            return out;
        }
        let c = self.components_encoded(&normalized.text, encoded, &self.params);
        let (linear, floors, unknown) = (c.linear, c.floors, c.unknown);
        for h in 0..HEADS {
            let z = self.params.combine(
                h,
                &combiner_inputs(linear[h], c.embedding[h], floors[h], unknown, c.multilingual[h]),
            );
            let model_sev = self.params.severity(h, z);
            let sev = model_sev.max(floors[h]);
            let t = &self.params.thresholds[h];
            let z_eff = if floors[h] > model_sev { t[floors[h] as usize - 1] } else { z };
            out.raw[h] = z;
            out.scores[h] = sigmoid(z_eff - t[3]);
            out.severities[h] = Severity::new(sev);
        }
        out.spans = self.explain(normalized, &out.severities);
        out
    }

    /// Spans of the original text that on their own reach severity ≥ 2 in a category the whole text reached ≥ 2
    /// in, according to the n-gram model and the lexicon (windows of one to three words of the normalized text).
    /// The embedding model judges the text as a whole and contributes no spans: a category can be flagged with an
    /// empty span list when only context gave it away.
    fn explain(&self, normalized: &Normalized, severities: &[Severity; HEADS]) -> [Vec<Span>; HEADS] {
        let mut spans: [Vec<Span>; HEADS] = Default::default();
        let wanted: Vec<usize> = (0..HEADS).filter(|&h| severities[h].level() >= 2).collect();
        if wanted.is_empty() {
            return spans;
        }
        let text = &normalized.text;
        let words: Vec<Range<usize>> = word_ranges(text).take(MAX_EXPLAINED_WORDS).collect();
        for n in 1..=3usize {
            for i in 0..words.len().saturating_sub(n - 1) {
                let r = words[i].start..words[i + n - 1].end;
                // a longer window only counts where no shorter one inside it already did
                let sev = self.base.severities_prepared(&prepare_normalized(&text[r.clone()]));
                for &h in &wanted {
                    let level = sev[h];
                    if level < 2 || spans[h].iter().any(|s| s.normalized.start >= r.start && s.normalized.end <= r.end) {
                        continue;
                    }
                    spans[h].push(Span { normalized: r.clone(), original: normalized.original_range(r.clone()), severity: level });
                }
            }
        }
        for list in spans.iter_mut() {
            list.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.original.start.cmp(&b.original.start)));
            list.truncate(MAX_SPANS);
            list.sort_by_key(|s| s.original.start);
        }
        spans
    }
}

/// At most this many words of a text are searched for explanation spans.
const MAX_EXPLAINED_WORDS: usize = 2_000;
/// At most this many spans per category.
pub const MAX_SPANS: usize = 8;

/// A part of the input that drove a category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Byte range in the normalized text.
    pub normalized: Range<usize>,
    /// Byte range in the original text.
    pub original: Range<usize>,
    /// Severity the span reaches on its own.
    pub severity: u8,
}

/// A chunk holds at most this many words...
pub const CHUNK_WORDS: usize = 32;
/// ... and at most this many bytes (texts without spaces: CJK, Thai).
pub const CHUNK_BYTES: usize = 480;

/// Splits a normalized text into chunks of whole sentences (ending at `.`, `!`, `?`, `。`, `！`, `？` or a line
/// break) of at most [`CHUNK_WORDS`] words and [`CHUNK_BYTES`] bytes; a longer sentence is cut at word (or, without
/// spaces, character) boundaries. Short texts are one chunk. Each chunk is scored on its own and every category
/// takes its maximum over chunks, so one harmful sentence in a long, benign text is not diluted.
pub fn chunk_ranges(text: &str) -> Vec<Range<usize>> {
    // pieces: sentences, each cut to the limits
    let mut pieces: Vec<Range<usize>> = Vec::new();
    let (mut start, mut words, mut in_word) = (0usize, 0usize, false);
    let mut last_space = None;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        if c.is_whitespace() {
            if in_word {
                words += 1;
            }
            in_word = false;
            last_space = Some(i);
        } else {
            in_word = true;
        }
        let sentence_end = matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | '\n');
        if sentence_end || words >= CHUNK_WORDS || end - start >= CHUNK_BYTES {
            let cut = if sentence_end { end } else { last_space.filter(|&s| s > start).map_or(end, |s| s + 1) };
            pieces.push(start..cut);
            start = cut;
            words = 0;
            in_word = false;
            last_space = None;
            // count the words of the carried-over part, if any
            let rest = &text[start..end];
            if !rest.trim().is_empty() {
                words = rest.split_whitespace().count().saturating_sub(1);
                in_word = !rest.ends_with(char::is_whitespace);
            }
        }
    }
    if start < text.len() {
        pieces.push(start..text.len());
    }
    // pack consecutive pieces into chunks within the limits
    let mut chunks: Vec<Range<usize>> = Vec::new();
    let mut cur: Option<(Range<usize>, usize)> = None;
    for p in pieces {
        let w = text[p.clone()].split_whitespace().count();
        if w == 0 {
            continue;
        }
        cur = match cur {
            Some((r, cw)) if cw + w <= CHUNK_WORDS && p.end - r.start <= CHUNK_BYTES => Some((r.start..p.end, cw + w)),
            Some((r, _)) => {
                chunks.push(r);
                Some((p, w))
            }
            None => Some((p, w)),
        };
    }
    if let Some((r, _)) = cur {
        chunks.push(r);
    }
    if chunks.is_empty() {
        chunks.push(0..text.len());
    }
    chunks
}

/// Maximum of `score` over the embeddings (one per window or chunk); 0 when there are none.
fn max_score<const N: usize>(embeddings: &[[f32; N]], score: impl Fn(&[f32; N]) -> f32) -> f32 {
    let m = embeddings.iter().map(score).fold(f32::NEG_INFINITY, f32::max);
    if m.is_finite() {
        m
    } else {
        0.0
    }
}

fn word_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = None;
    let mut chars = text.char_indices().chain(std::iter::once((text.len(), ' ')));
    std::iter::from_fn(move || {
        for (i, c) in chars.by_ref() {
            let boundary = c.is_whitespace();
            match (start, boundary) {
                (None, false) => start = Some(i),
                (Some(s), true) => {
                    start = None;
                    return Some(s..i);
                }
                _ => {}
            }
        }
        None
    })
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_round_trip_and_refuse_damage() {
        let mut p = EnsembleParams::zeros();
        p.heads[2][7] = -0.125;
        p.combiner[1] = [0.5, 1.0, 2.0, 3.0, 4.0, 1e-7, -2.5];
        p.mheads[0][511] = 0.25;
        p.minilm = false;
        p.thresholds[3] = [-1.0, 0.0, 0.5, 1.0, 1.5, 2.0, 9.0];
        let text = p.to_text();
        assert_eq!(EnsembleParams::from_text(&text).unwrap(), p);
        let damaged = text.replacen("head 2", "head 1", 1);
        assert!(EnsembleParams::from_text(&damaged).unwrap_err().contains("checksum"));
        assert!(EnsembleParams::from_text("").is_err());
        // with a hidden layer: round trip, and it adds to the linear head's score
        let mut e = [0.0f32; MDIM];
        e[0] = 1.0;
        e[1] = -1.0;
        let linear = p.mhead_score(0, &e);
        let mut w1 = vec![0.0; 2 * MDIM];
        w1[0] = 2.0; // unit 0: 2·e₀ − 0.5 = 1.5 > 0
        w1[MDIM] = -1.0; // unit 1: −e₀ = −1 → cut by the ReLU
        p.mlp = vec![HiddenLayer { w1, b1: vec![-0.5, 0.0], w2: vec![0.5, 3.0] }; HEADS];
        assert!((p.mhead_score(0, &e) - (linear + 0.75)).abs() < 1e-6);
        let text = p.to_text();
        assert!(text.contains("\nhidden 2\n"));
        assert_eq!(EnsembleParams::from_text(&text).unwrap(), p);
        let cut = text.replacen("mlp_b1 3", "mlp_bx 3", 1);
        assert!(EnsembleParams::from_text(&cut).is_err());
    }

    #[test]
    fn chunks_are_whole_sentences_within_the_limits() {
        let t = "hello there. i will kill you. see you.";
        assert_eq!(chunk_ranges(t), vec![0..t.len()], "a short text is one chunk");
        let long = "we went to the park and the weather was lovely all day long. ".repeat(10) + "i will kill you.";
        let chunks = chunk_ranges(&long);
        assert!(chunks.len() >= 4, "{}", chunks.len());
        let mut pos = 0;
        for r in &chunks {
            assert!(r.start >= pos && long.is_char_boundary(r.start) && long.is_char_boundary(r.end));
            assert!(long[r.clone()].split_whitespace().count() <= CHUNK_WORDS);
            pos = r.end;
        }
        assert!(long[chunks.last().unwrap().clone()].contains("kill"));
        // no spaces at all (CJK) and one endless word: cut by bytes, never panics
        let cjk: String = std::iter::repeat('哈').take(2000).collect();
        let c = chunk_ranges(&cjk);
        assert!(c.len() >= 10 && c.iter().all(|r| r.len() <= CHUNK_BYTES + 4));
        let words = "a ".repeat(500);
        assert!(chunk_ranges(&words).iter().all(|r| words[r.clone()].split_whitespace().count() <= CHUNK_WORDS));
        assert_eq!(chunk_ranges(""), vec![0..0]);
    }

    #[test]
    fn word_ranges_split_on_whitespace() {
        let t = "ab  cd é";
        let r: Vec<&str> = word_ranges(t).map(|r| &t[r]).collect();
        assert_eq!(r, vec!["ab", "cd", "é"]);
        assert_eq!(word_ranges("").count(), 0);
    }
}
