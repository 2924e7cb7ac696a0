//! A disk cache of encoder outputs, so that retraining the heads and the combiner does not re-encode ~55,000 texts.
//!
//! Keyed by the SHA-256 of the encoder graph and vocabulary (file name) and, inside, by a stable hash of the
//! normalized text. The file lives under `.cache/` (git-ignored) and holds embeddings only — derived numbers, not
//! text. Deleting it only costs time. A damaged file is ignored and rewritten.

use crate::data::stable_hash;
use crate::eval::par_map;
use custos_engine::text::encoder::{Encoded, DIM, MODEL_FILE, VOCAB_FILE};
use custos_engine::text::ensemble::Encodings;
use custos_engine::text::multilingual::{DIM as MDIM, MODEL_FILE as USE_FILE, VOCAB_FILE as USE_VOCAB};
use custos_engine::text::ensemble::TextEnsemble;
use custos_engine::text::normalize::normalize;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The cache.
pub struct EncodingCache {
    path: Option<PathBuf>,
    map: HashMap<u64, Encodings>,
    dirty: bool,
}

impl EncodingCache {
    /// Opens the cache for the encoder in `model_dir/vendor` under `dir` (created when saving); `dir = None`
    /// disables it.
    pub fn open(dir: Option<&Path>, model_dir: &Path, minilm: bool) -> EncodingCache {
        let Some(dir) = dir else {
            return EncodingCache { path: None, map: HashMap::new(), dirty: false };
        };
        let mut h = Sha256::new();
        for f in [MODEL_FILE, VOCAB_FILE, USE_FILE, USE_VOCAB] {
            h.update(std::fs::read(model_dir.join("vendor").join(f)).unwrap_or_default());
        }
        // v3: chunked encodings of both encoders (see `ensemble::chunk_ranges`); v4: no multilingual encoding of
        // chunks without an informative piece; v5: nor of chunks mostly in scripts USE does not cover (both
        // `MultilingualEncoder::encode`)
        let tag = if minilm { "" } else { "-use-only-u" };
        let path = dir.join(format!("encodings-v5{tag}-{}.bin", &hex::encode(h.finalize())[..16]));
        let map = std::fs::read(&path).ok().and_then(|b| parse(&b)).unwrap_or_default();
        EncodingCache { path: Some(path), map, dirty: false }
    }

    /// Entries in the cache.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The encodings of `texts` (after normalization), computing the missing ones on all threads.
    pub fn encode_all<S: AsRef<str> + Sync>(&mut self, ens: &TextEnsemble, texts: &[S]) -> Vec<Encodings> {
        let keys: Vec<u64> = par_map(texts, |t| stable_hash(&normalize(t.as_ref()).text));
        let missing: Vec<usize> = (0..texts.len()).filter(|&i| !self.map.contains_key(&keys[i])).collect();
        let computed: Vec<Encodings> =
            par_map(&missing, |&i| ens.embed(texts[i].as_ref()).expect("encoder failed while training"));
        for (i, e) in missing.iter().zip(computed) {
            self.map.insert(keys[*i], e);
            self.dirty = true;
        }
        keys.iter().map(|k| self.map[k].clone()).collect()
    }

    /// Writes the cache if it changed.
    pub fn save(&mut self) -> std::io::Result<()> {
        let Some(path) = &self.path else { return Ok(()) };
        if !self.dirty {
            return Ok(());
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut out = Vec::with_capacity(self.map.len() * (DIM * 4 + 16));
        let mut keys: Vec<&u64> = self.map.keys().collect();
        keys.sort();
        for k in keys {
            let e = &self.map[k];
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&e.minilm.unknown_share.to_le_bytes());
            write_vectors(&mut out, &e.minilm.windows);
            write_vectors(&mut out, &e.multi);
        }
        let tmp = path.with_extension("part");
        std::fs::write(&tmp, &out)?;
        std::fs::rename(&tmp, path)?;
        self.dirty = false;
        Ok(())
    }
}

fn parse(b: &[u8]) -> Option<HashMap<u64, Encodings>> {
    let mut map = HashMap::new();
    let mut i = 0;
    while i < b.len() {
        let key = u64::from_le_bytes(take(b, &mut i, 8)?.try_into().ok()?);
        let unknown_share = f32::from_le_bytes(take(b, &mut i, 4)?.try_into().ok()?);
        let windows = read_vectors::<DIM>(b, &mut i)?;
        let multi = read_vectors::<MDIM>(b, &mut i)?;
        map.insert(key, Encodings { minilm: Encoded { windows, unknown_share }, multi });
    }
    Some(map)
}

/// The next `n` bytes.
fn take<'a>(b: &'a [u8], i: &mut usize, n: usize) -> Option<&'a [u8]> {
    let s = b.get(*i..*i + n)?;
    *i += n;
    Some(s)
}

/// A `u32` count, then that many little-endian `[f32; N]`.
fn read_vectors<const N: usize>(b: &[u8], i: &mut usize) -> Option<Vec<[f32; N]>> {
    let n = u32::from_le_bytes(take(b, i, 4)?.try_into().ok()?) as usize;
    let mut out = Vec::with_capacity(n.min(64));
    for _ in 0..n {
        let raw = take(b, i, N * 4)?;
        let mut w = [0f32; N];
        for (d, c) in w.iter_mut().zip(raw.chunks_exact(4)) {
            *d = f32::from_le_bytes(c.try_into().ok()?);
        }
        out.push(w);
    }
    Some(out)
}

/// Appends a `u32` count and the vectors, as [`read_vectors`] reads them.
fn write_vectors<const N: usize>(out: &mut Vec<u8>, vectors: &[[f32; N]]) {
    out.extend_from_slice(&(vectors.len() as u32).to_le_bytes());
    for w in vectors {
        for x in w {
            out.extend_from_slice(&x.to_le_bytes());
        }
    }
}
