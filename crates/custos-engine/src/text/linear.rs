//! The hashed linear model: one ordinal logistic head per category, and its file format.
//!
//! Each head computes a raw score `s = (w · x) / sqrt(n + 16)` over the `n` signed hashed features of a text (see
//! [`super::features`] and [`SCALE_PRIOR`]). Training fits `s` as an all-threshold ordinal logistic model: `P(severity ≥ k) = σ(s − θₖ)`
//! for k = 1..=7, so one weight vector orders texts by severity. The shipped severity thresholds `τₖ` are the `θₖ`
//! re-calibrated on a validation split; the severity of a text is the number of `τₖ ≤ s`.
//!
//! # File format (`model.bin`, little-endian)
//!
//! | offset | size | field |
//! |---|---|---|
//! | 0 | 8 | magic `CUSTXLIN` |
//! | 8 | 4 | format version (1) |
//! | 12 | 4 | feature version ([`super::features::FEATURE_VERSION`]) |
//! | 16 | 4 | log2 of the bucket count (10..=24) |
//! | 20 | 4 | heads (4, in `Category::ALL` order) |
//! | 24 | 4 | levels (7) |
//! | 28 | 4 | reserved (0) |
//! | 32 | 4·4·7 | learned cut-points θ, head-major |
//! | 144 | 4·4·7 | calibrated thresholds τ, head-major |
//! | 256 | 4·4·buckets | weights f32, bucket-major (`w[bucket·4 + head]`) so one feature touches one cache line |
//! | end−32 | 32 | SHA-256 of all bytes before it |

use super::features::{for_each_feature, FEATURE_VERSION};
use sha2::{Digest, Sha256};

/// Number of heads (categories).
pub const HEADS: usize = 4;
/// Severity levels above 0.
pub const LEVELS: usize = 7;

/// Pseudo-count added to the feature count before normalizing: `s = w·x / sqrt(n + SCALE_PRIOR)`. Plain
/// `1/sqrt(n)` gives a three-character text the same confidence as a paragraph; the pseudo-count shrinks the scores
/// of very short texts toward 0 ("no evidence").
pub const SCALE_PRIOR: f32 = 16.0;

/// The factor applied to the sum of signed weights of `n` features.
pub fn feature_scale(n: usize) -> f32 {
    1.0 / (n as f32 + SCALE_PRIOR).sqrt()
}

const MAGIC: &[u8; 8] = b"CUSTXLIN";
const FORMAT_VERSION: u32 = 1;
const HEADER_LEN: usize = 32 + 2 * HEADS * LEVELS * 4;
const DIGEST_LEN: usize = 32;

/// Weights and thresholds of the linear model.
#[derive(Clone, PartialEq)]
pub struct LinearModel {
    /// log2 of the number of hash buckets.
    pub log2_buckets: u32,
    /// `w[bucket * HEADS + head]`.
    pub weights: Vec<f32>,
    /// Learned ordinal cut-points θ per head, ascending.
    pub cutpoints: [[f32; LEVELS]; HEADS],
    /// Calibrated severity thresholds τ per head, ascending: severity = number of τ ≤ raw score.
    pub thresholds: [[f32; LEVELS]; HEADS],
}

impl std::fmt::Debug for LinearModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LinearModel")
            .field("buckets", &(1usize << self.log2_buckets))
            .field("thresholds", &self.thresholds)
            .finish_non_exhaustive()
    }
}

impl LinearModel {
    /// A zero model with `2^log2_buckets` buckets.
    pub fn zeros(log2_buckets: u32) -> LinearModel {
        LinearModel {
            log2_buckets,
            weights: vec![0.0; (1usize << log2_buckets) * HEADS],
            cutpoints: [[0.0; LEVELS]; HEADS],
            thresholds: [[0.0; LEVELS]; HEADS],
        }
    }

    /// Raw scores `s` per head of an already normalized text, and the number of features.
    pub fn raw_scores(&self, normalized: &str) -> ([f32; HEADS], usize) {
        let mut acc = [0.0f32; HEADS];
        let w = &self.weights;
        let n = for_each_feature(normalized, self.log2_buckets, |bucket, sign| {
            let row = &w[bucket * HEADS..bucket * HEADS + HEADS];
            for h in 0..HEADS {
                acc[h] += sign * row[h];
            }
        });
        if n > 0 {
            let scale = feature_scale(n);
            for a in &mut acc {
                *a *= scale;
            }
        }
        (acc, n)
    }

    /// Severity (0..=7) of raw score `s` on head `head`.
    pub fn severity(&self, head: usize, s: f32) -> u8 {
        self.thresholds[head].iter().filter(|&&t| t <= s).count() as u8
    }

    /// Serializes the model, checksum included.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER_LEN + self.weights.len() * 4 + DIGEST_LEN);
        out.extend_from_slice(MAGIC);
        for v in [FORMAT_VERSION, FEATURE_VERSION, self.log2_buckets, HEADS as u32, LEVELS as u32, 0] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for table in [&self.cutpoints, &self.thresholds] {
            for head in table.iter() {
                for v in head {
                    out.extend_from_slice(&v.to_le_bytes());
                }
            }
        }
        for v in &self.weights {
            out.extend_from_slice(&v.to_le_bytes());
        }
        let digest = Sha256::digest(&out);
        out.extend_from_slice(&digest);
        out
    }

    /// Parses and validates a serialized model. The error says what is wrong, never panics.
    pub fn from_bytes(bytes: &[u8]) -> Result<LinearModel, String> {
        if bytes.len() < HEADER_LEN + DIGEST_LEN {
            return Err(format!("file too short ({} bytes)", bytes.len()));
        }
        if &bytes[..8] != MAGIC {
            return Err("bad magic: not a Custos text model".into());
        }
        let word = |i: usize| u32::from_le_bytes([bytes[8 + 4 * i], bytes[9 + 4 * i], bytes[10 + 4 * i], bytes[11 + 4 * i]]);
        let (version, feature_version, log2_buckets, heads, levels) = (word(0), word(1), word(2), word(3), word(4));
        if version != FORMAT_VERSION {
            return Err(format!("unsupported format version {version} (expected {FORMAT_VERSION})"));
        }
        if feature_version != FEATURE_VERSION {
            return Err(format!(
                "trained with feature version {feature_version}, this build extracts version {FEATURE_VERSION}: retrain"
            ));
        }
        if !(10..=24).contains(&log2_buckets) || heads as usize != HEADS || levels as usize != LEVELS {
            return Err(format!("bad shape: 2^{log2_buckets} buckets, {heads} heads, {levels} levels"));
        }
        let n_weights = (1usize << log2_buckets) * HEADS;
        let expected = HEADER_LEN + n_weights * 4 + DIGEST_LEN;
        if bytes.len() != expected {
            return Err(format!("size {} bytes, expected {expected}", bytes.len()));
        }
        let (body, digest) = bytes.split_at(bytes.len() - DIGEST_LEN);
        if Sha256::digest(body).as_slice() != digest {
            return Err("checksum mismatch: the file is corrupted".into());
        }
        let mut floats = body[32..].chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]));
        let mut model = LinearModel::zeros(log2_buckets);
        for table in [&mut model.cutpoints, &mut model.thresholds] {
            for head in table.iter_mut() {
                for v in head.iter_mut() {
                    *v = floats.next().unwrap_or(f32::NAN);
                }
            }
        }
        for (w, v) in model.weights.iter_mut().zip(floats) {
            *w = v;
        }
        if model.weights.iter().chain(model.thresholds.iter().flatten()).any(|v| !v.is_finite()) {
            return Err("non-finite weight or threshold".into());
        }
        for head in &model.thresholds {
            if head.windows(2).any(|p| p[0] > p[1]) {
                return Err("severity thresholds are not ascending".into());
            }
        }
        Ok(model)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> LinearModel {
        let mut m = LinearModel::zeros(10);
        for (i, w) in m.weights.iter_mut().enumerate() {
            *w = (i as f32 * 0.37).sin();
        }
        for h in 0..HEADS {
            for k in 0..LEVELS {
                m.thresholds[h][k] = k as f32 * 0.1 - 0.2;
                m.cutpoints[h][k] = k as f32;
            }
        }
        m
    }

    #[test]
    fn round_trip() {
        let m = sample();
        assert_eq!(LinearModel::from_bytes(&m.to_bytes()).unwrap(), m);
    }

    #[test]
    fn every_single_byte_flip_is_rejected() {
        let bytes = sample().to_bytes();
        for i in (0..bytes.len()).step_by(97).chain([0, 8, 16, bytes.len() - 1]) {
            let mut bad = bytes.clone();
            bad[i] ^= 0x40;
            assert!(LinearModel::from_bytes(&bad).is_err(), "flip at {i} accepted");
        }
        assert!(LinearModel::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(LinearModel::from_bytes(&[]).is_err());
    }

    #[test]
    fn severity_counts_thresholds() {
        let m = sample();
        assert_eq!(m.severity(0, -1.0), 0);
        assert_eq!(m.severity(0, -0.2), 1);
        assert_eq!(m.severity(0, 0.05), 3);
        assert_eq!(m.severity(0, 9.0), 7);
    }
}
