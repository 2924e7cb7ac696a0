//! Text normalization and hashed n-gram features, shared by serving and by `custos-train`.
//!
//! One extractor exists so that training and serving can never disagree. The design follows the "hashed linear
//! classifier floor" notes: no `String` per n-gram and no hash map. Each character gets a 64-bit hash once; n-gram
//! hashes are combined from a ring of the last five character hashes, then finalized into a bucket index and a sign
//! (signed feature hashing halves the bias from collisions). Words are hashed the same way.
//!
//! Features of a normalized text:
//! - character n-grams, n = 2..=5, over the text padded with one space on each side;
//! - word unigrams and bigrams (words = the space-separated runs of the normalized text).
//!
//! Any change to the output of [`normalize`] or [`for_each_feature`] must bump [`FEATURE_VERSION`]: model files record
//! the version they were trained with and loading refuses a mismatch.

use unicode_normalization::UnicodeNormalization;

/// Version of the normalization + feature hashing scheme. Stored in model files.
pub const FEATURE_VERSION: u32 = 2;

/// Normalized texts are cut at this many characters. The API caps text at 10,000 code points, so this only bounds
/// the work for callers that skip that check.
pub const MAX_NORMALIZED_CHARS: usize = 16_384;

/// Smallest character n-gram.
const CHAR_MIN: usize = 2;
/// Largest character n-gram.
const CHAR_MAX: usize = 5;

/// Appends the normalized form of `text` to `out` (which is cleared first).
///
/// NFKC, Unicode lower-casing, punctuation and whitespace runs become one space, zero-width characters and
/// combining marks are dropped, symbols (emoji, ...) become one-character words, a character repeated more than
/// three times is kept three times ("soooo" → "sooo"), `@`/`$`/`*` inside a word are kept as letters (masked
/// profanity), and the result has no leading or trailing space.
pub fn normalize_into(text: &str, out: &mut String) {
    out.clear();
    // NFKC leaves ASCII unchanged: skip the decomposition machinery for the common case.
    if text.is_ascii() {
        normalize_chars(text.chars(), out);
    } else {
        normalize_chars(text.nfkc(), out);
    }
}

fn normalize_chars(chars: impl Iterator<Item = char>, out: &mut String) {
    let mut count = 0usize;
    let mut last: char = ' ';
    let mut run = 0usize;
    for raw in chars {
        let mut lower_buf = ['\0'; 3];
        let lowered: &[char] = if raw.is_ascii() {
            lower_buf[0] = raw.to_ascii_lowercase();
            &lower_buf[..1]
        } else {
            let mut n = 0;
            // Unicode lower-case mappings are at most 3 characters long; the bound only guards the array
            for l in raw.to_lowercase().take(3) {
                lower_buf[n] = l;
                n += 1;
            }
            &lower_buf[..n]
        };
        for &c in lowered {
            let class = classify(c, last);
            let mapped = match class {
                Class::Skip => continue,
                Class::Space => ' ',
                Class::Word(m) => m,
                Class::Symbol => {
                    if last != ' ' {
                        out.push(' ');
                        count += 1;
                    }
                    out.push(c);
                    out.push(' ');
                    count += 2;
                    last = ' ';
                    run = 0;
                    if count >= MAX_NORMALIZED_CHARS {
                        break;
                    }
                    continue;
                }
            };
            if mapped == ' ' {
                if last != ' ' {
                    out.push(' ');
                    count += 1;
                    last = ' ';
                }
                run = 0;
                continue;
            }
            if mapped == last {
                run += 1;
                if run >= 3 {
                    continue;
                }
            } else {
                run = 0;
            }
            out.push(mapped);
            count += 1;
            last = mapped;
        }
        if count >= MAX_NORMALIZED_CHARS {
            break;
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    if out.starts_with(' ') {
        out.remove(0);
    }
}

/// The normalized form of `text` (see [`normalize_into`]).
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalize_into(text, &mut out);
    out
}

enum Class {
    Skip,
    Space,
    Word(char),
    Symbol,
}

fn classify(c: char, last: char) -> Class {
    let in_word = last != ' ' && last.is_alphanumeric();
    match c {
        _ if c.is_alphanumeric() => Class::Word(c),
        '@' if in_word => Class::Word('a'),
        '$' if in_word => Class::Word('s'),
        '*' if in_word => Class::Word('*'),
        // zero-width characters, joiners, variation selectors, BOM, soft hyphen
        '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{00AD}' => {
            Class::Skip
        }
        // combining marks that NFKC could not compose
        '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' => Class::Skip,
        // skin-tone modifiers and tag characters of emoji sequences
        '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0000}'..='\u{E007F}' => Class::Skip,
        _ if c.is_whitespace() || c.is_control() || c.is_ascii_punctuation() => Class::Space,
        // Latin-1 punctuation, general punctuation, CJK and full-width punctuation
        '\u{00A1}'..='\u{00BF}' | '\u{2010}'..='\u{205F}' | '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF0F}' => {
            Class::Space
        }
        '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}' => Class::Space,
        _ => Class::Symbol,
    }
}

/// 64-bit finalizer (MurmurHash3 fmix64): spreads the combined n-gram state over all bits.
#[inline]
fn fmix64(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h
}

#[inline]
fn combine(h: u64, x: u64) -> u64 {
    (h ^ x).wrapping_mul(0x0000_0100_0000_01b3).rotate_left(17)
}

#[inline]
fn char_hash(c: char) -> u64 {
    fmix64(c as u64 ^ 0x9e37_79b9_7f4a_7c15)
}

/// Seeds that keep the feature kinds apart in the hash space.
const SEED_CHAR: u64 = 0x243f_6a88_85a3_08d3;
const SEED_WORD1: u64 = 0x1319_8a2e_0370_7344;
const SEED_WORD2: u64 = 0xa409_3822_299f_31d0;

/// Calls `emit(bucket, sign)` for every hashed feature of an already normalized text (see [`normalize_into`]).
///
/// `log2_buckets` must be in `1..=31`. The number of calls is returned. No allocation.
pub fn for_each_feature(normalized: &str, log2_buckets: u32, mut emit: impl FnMut(usize, f32)) -> usize {
    let mask = (1u64 << log2_buckets) - 1;
    let mut n = 0usize;
    let mut out = |h: u64| {
        let f = fmix64(h);
        let sign = if f >> 63 == 1 { -1.0 } else { 1.0 };
        emit((f & mask) as usize, sign);
        n += 1;
    };

    // Character n-grams over " " + text + " ". When a character arrives, the n-grams ending at it are hashed
    // newest-to-oldest, so each length extends the previous one: 4 combines per character, not 2+3+4+5.
    let mut ring = [0u64; CHAR_MAX];
    let mut seen = 0usize;
    let padded = std::iter::once(' ').chain(normalized.chars()).chain(std::iter::once(' '));
    for c in padded {
        ring[seen % CHAR_MAX] = char_hash(c);
        seen += 1;
        let mut h = combine(SEED_CHAR, ring[(seen - 1) % CHAR_MAX]);
        for len in 2..=CHAR_MAX.min(seen) {
            h = combine(h, ring[(seen - len) % CHAR_MAX]);
            if len >= CHAR_MIN {
                out(h);
            }
        }
    }

    // Word unigrams and bigrams.
    let mut prev: Option<u64> = None;
    for word in normalized.split(' ').filter(|w| !w.is_empty()) {
        let mut h = SEED_WORD1;
        for c in word.chars() {
            h = combine(h, char_hash(c));
        }
        out(h);
        if let Some(p) = prev {
            out(combine(combine(SEED_WORD2, p), h));
        }
        prev = Some(h);
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalization_folds_case_width_punctuation_and_repeats() {
        assert_eq!(normalize("  Hello,   WORLD!!! "), "hello world");
        assert_eq!(normalize("Ｆｕｌｌ　width"), "full width");
        assert_eq!(normalize("soooooo gooood"), "sooo goood");
        assert_eq!(normalize("f*ck y0u"), "f*ck y0u");
        assert_eq!(normalize("b@d a$$"), "bad ass");
        assert_eq!(normalize("zero\u{200B}width"), "zerowidth");
        assert_eq!(normalize("🙂🙂"), "🙂 🙂");
        assert_eq!(normalize(""), "");
        assert_eq!(normalize(" \t\n "), "");
    }

    #[test]
    fn features_are_deterministic_and_in_range() {
        let text = normalize("Ein kleiner Test, un petit test, 小さなテスト");
        let mut a = Vec::new();
        let n = for_each_feature(&text, 10, |i, s| a.push((i, s)));
        let mut b = Vec::new();
        for_each_feature(&text, 10, |i, s| b.push((i, s)));
        assert_eq!(a, b);
        assert_eq!(n, a.len());
        assert!(a.iter().all(|&(i, s)| i < 1024 && (s == 1.0 || s == -1.0)));
        // 4 char n-gram lengths per position, minus 4+3+2+1 missing at the start, plus words and bigrams.
        let chars = text.chars().count() + 2;
        let words = text.split(' ').count();
        assert_eq!(n, (chars * 4 - 10) + words + (words - 1));
    }

    #[test]
    fn ascii_fast_path_matches_nfkc_path() {
        // The same text once pure ASCII and once with a non-ASCII tail must normalize identically up to the tail.
        let ascii = "Hello,   WORLD!!! Kill -9 the PROCESS; sooooo b@d";
        let mixed = format!("{ascii} é");
        assert_eq!(format!("{} é", normalize(ascii)), normalize(&mixed));
    }

    #[test]
    fn normalization_is_bounded() {
        let long = "ab ".repeat(20_000);
        assert!(normalize(&long).chars().count() <= MAX_NORMALIZED_CHARS + 2);
    }
}
