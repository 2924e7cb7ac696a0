//! Deterministic obfuscations for the evaluation's evasion table.
//!
//! Each function takes a text and a seed and returns the text written the way people write to slip past a
//! moderation model, the same output for the same `(text, seed)`. They work on Latin-script words (the tricks are
//! Latin-alphabet tricks); [`zero_width`] also works inside words of any script. Words in other scripts pass through
//! unchanged, so for a text without Latin letters most obfuscations return the text as it was.
//!
//! | name | what it does | example |
//! |---|---|---|
//! | [`homoglyphs`] | swaps some letters for Cyrillic/Greek look-alikes, at least one Latin letter left per word | `kіll` |
//! | [`spacing`] | spreads the letters of some words with a space, `.`, `-` or `_` | `k i l l`, `k.i.l.l` |
//! | [`leetspeak`] | replaces some inner letters with digits and symbols | `k1ll`, `a$$hole` |
//! | [`repetition`] | stretches a vowel of some words | `kiiiiill` |
//! | [`zero_width`] | inserts zero-width and other invisible characters inside words | `ki\u{200B}ll` |
//! | [`mixed`] | leetspeak, homoglyphs and invisible characters in the same text | `k\u{200B}1ӏl` |
//!
//! The obfuscations stay within what [`custos_engine::text::normalize`] is meant to undo (a homoglyph word keeps a
//! Latin letter, leetspeak replaces inner letters, spacing uses one separator per word), so the table measures the
//! whole pipeline on realistic evasions, not on arbitrary noise. Every function changes at least one word when the
//! text has a word it can change.

use crate::train::SplitMix;

/// An obfuscation: `(text, seed) -> obfuscated text`, deterministic.
pub type Obfuscation = fn(&str, u64) -> String;

/// Obfuscations by name, in the order of the report's evasion table.
pub const ALL: &[(&str, Obfuscation)] = &[
    ("homoglyphs", homoglyphs),
    ("spacing", spacing),
    ("leetspeak", leetspeak),
    ("repetition", repetition),
    ("zero_width", zero_width),
    ("mixed", mixed),
];

/// Swaps some Latin letters for Cyrillic or Greek look-alikes (about half of those that have one), keeping at least
/// one Latin letter in each word.
pub fn homoglyphs(s: &str, seed: u64) -> String {
    per_word(s, seed, 0.7, homoglyph_word)
}

/// Spreads the letters of some words (of three letters or more) with one separator: a space ("k i l l"), dots,
/// hyphens or underscores. A space is used only when no neighbouring word is a single character, so that the
/// spread word stays one word for a reader.
pub fn spacing(s: &str, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let pieces = split_words(s);
    let words: Vec<usize> = (0..pieces.len()).filter(|&i| pieces[i].1).collect();
    let eligible = |i: usize| -> bool {
        let w = pieces[i].0;
        w.chars().count() >= 3 && w.chars().all(|c| c.is_ascii_alphabetic())
    };
    let mut chosen = vec![false; pieces.len()];
    for &i in &words {
        chosen[i] = eligible(i) && rng.chance(0.4);
    }
    if !chosen.iter().any(|&c| c) {
        if let Some(&i) = words.iter().find(|&&i| eligible(i)) {
            chosen[i] = true;
        }
    }
    let mut out = String::with_capacity(s.len() * 2);
    let mut prev_spaced_with_space = false;
    for (k, &(piece, is_word)) in pieces.iter().enumerate() {
        if !is_word || !chosen[k] {
            out.push_str(piece);
            if is_word {
                prev_spaced_with_space = false;
            }
            continue;
        }
        let pos = words.iter().position(|&i| i == k).unwrap_or(0);
        let short_neighbour = |j: Option<&usize>| j.is_some_and(|&j| pieces[j].0.chars().count() == 1);
        let neighbour_single = short_neighbour(pos.checked_sub(1).and_then(|p| words.get(p)))
            || short_neighbour(words.get(pos + 1))
            || prev_spaced_with_space
            || words.get(pos + 1).is_some_and(|&j| chosen[j]);
        let mut sep = [' ', '.', '-', '_'][rng.below(4)];
        // Three spaced letters that are all one-letter words ("y o u") read as a sentence: use dots.
        if sep == ' ' && (neighbour_single || piece.chars().count() < 4) {
            sep = '.';
        }
        for (n, c) in piece.chars().enumerate() {
            if n > 0 {
                out.push(sep);
            }
            out.push(c);
        }
        prev_spaced_with_space = sep == ' ';
    }
    out
}

/// Replaces some inner letters of words with leetspeak digits and symbols (4/@ a, 3 e, 1/! i, 0 o, 5/$ s, 7 t, 8 b,
/// 9 g). First and last letters stay, as most real leetspeak keeps the word's outline.
pub fn leetspeak(s: &str, seed: u64) -> String {
    per_word(s, seed, 0.7, leet_word)
}

/// Stretches one vowel of some words to 3–6 copies ("kiiiill", "haaaate").
pub fn repetition(s: &str, seed: u64) -> String {
    per_word(s, seed, 0.6, repeat_word)
}

/// Inserts one or two invisible characters (zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen)
/// between the letters of some words.
pub fn zero_width(s: &str, seed: u64) -> String {
    per_word(s, seed, 0.6, zero_width_word)
}

/// A combination: in each word, maybe leetspeak, then maybe homoglyphs, then maybe invisible characters.
pub fn mixed(s: &str, seed: u64) -> String {
    per_word(s, seed, 0.8, |w, rng| {
        let mut cur = w.to_owned();
        let mut changed = false;
        for (p, f) in [(0.6, leet_word as WordFn), (0.6, homoglyph_word), (0.5, zero_width_word)] {
            if rng.chance(p) {
                if let Some(next) = f(&cur, rng) {
                    cur = next;
                    changed = true;
                }
            }
        }
        if !changed {
            // Guarantee a change for a word that can take one.
            for f in [leet_word as WordFn, homoglyph_word, zero_width_word] {
                if let Some(next) = f(&cur, rng) {
                    return Some(next);
                }
            }
            return None;
        }
        Some(cur)
    })
}

type WordFn = fn(&str, &mut Rng) -> Option<String>;

/// Splits `s` into words (maximal runs of non-whitespace, `true`) and the whitespace between them (`false`).
fn split_words(s: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_word = None;
    for (i, c) in s.char_indices() {
        let w = !c.is_whitespace();
        match in_word {
            Some(prev) if prev != w => {
                out.push((&s[start..i], prev));
                start = i;
            }
            _ => {}
        }
        in_word = Some(w);
    }
    if let Some(w) = in_word {
        out.push((&s[start..], w));
    }
    out
}

/// Applies `f` to each word with probability `rate`; if that changed nothing, to the first word it can change.
fn per_word(s: &str, seed: u64, rate: f64, f: impl Fn(&str, &mut Rng) -> Option<String>) -> String {
    let mut rng = Rng::new(seed);
    let pieces = split_words(s);
    let mut replaced: Vec<Option<String>> = vec![None; pieces.len()];
    for (k, &(piece, is_word)) in pieces.iter().enumerate() {
        if is_word && rng.chance(rate) {
            replaced[k] = f(piece, &mut rng);
        }
    }
    if replaced.iter().all(Option::is_none) {
        for (k, &(piece, is_word)) in pieces.iter().enumerate() {
            if is_word {
                if let Some(r) = f(piece, &mut rng) {
                    replaced[k] = Some(r);
                    break;
                }
            }
        }
    }
    let mut out = String::with_capacity(s.len() * 2);
    for ((piece, _), r) in pieces.iter().zip(&replaced) {
        out.push_str(r.as_deref().unwrap_or(piece));
    }
    out
}

/// Latin letters (ASCII and the Latin-1 / Latin Extended blocks).
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (matches!(c, '\u{00C0}'..='\u{024F}') && c.is_alphabetic())
}

/// The word's core: the characters between leading and trailing ASCII punctuation, when they are all Latin letters.
/// Returns (prefix length, core, suffix) in bytes.
fn latin_core(w: &str) -> Option<(&str, &str, &str)> {
    let start = w.find(|c: char| !c.is_ascii_punctuation())?;
    let (last, c) = w.char_indices().rev().find(|&(_, c)| !c.is_ascii_punctuation())?;
    let end = last + c.len_utf8();
    let core = &w[start..end];
    core.chars().all(is_latin_letter).then_some((&w[..start], core, &w[end..]))
}

fn homoglyph_of(c: char) -> Option<char> {
    Some(match c {
        'a' => 'а',
        'c' => 'с',
        'd' => 'ԁ',
        'e' => 'е',
        'h' => 'һ',
        'i' => 'і',
        'j' => 'ј',
        'k' => 'κ',
        'l' => 'ӏ',
        'n' => 'η',
        'o' => 'о',
        'p' => 'р',
        'q' => 'ԛ',
        's' => 'ѕ',
        't' => 'τ',
        'u' => 'υ',
        'v' => 'ν',
        'w' => 'ԝ',
        'x' => 'х',
        'y' => 'у',
        'A' => 'А',
        'B' => 'В',
        'C' => 'С',
        'E' => 'Е',
        'H' => 'Н',
        'I' => 'І',
        'J' => 'Ј',
        'K' => 'К',
        'M' => 'М',
        'O' => 'О',
        'P' => 'Р',
        'S' => 'Ѕ',
        'T' => 'Т',
        'X' => 'Х',
        'Y' => 'У',
        _ => return None,
    })
}

fn homoglyph_word(w: &str, rng: &mut Rng) -> Option<String> {
    let chars: Vec<char> = w.chars().collect();
    let latin = chars.iter().filter(|c| c.is_ascii_alphabetic()).count();
    let candidates: Vec<usize> = (0..chars.len()).filter(|&i| homoglyph_of(chars[i]).is_some()).collect();
    if latin < 2 || candidates.is_empty() {
        return None;
    }
    let mut pick: Vec<usize> = candidates.iter().copied().filter(|_| rng.chance(0.5)).collect();
    if pick.is_empty() {
        pick.push(candidates[rng.below(candidates.len())]);
    }
    if pick.len() == latin {
        pick.remove(rng.below(pick.len()));
    }
    let mut out = chars;
    for i in pick {
        if let Some(h) = homoglyph_of(out[i]) {
            out[i] = h;
        }
    }
    Some(out.into_iter().collect())
}

fn leet_of(c: char, rng: &mut Rng) -> Option<char> {
    let options: &[char] = match c.to_ascii_lowercase() {
        'a' => &['4', '@'],
        'e' => &['3'],
        'i' => &['1', '!'],
        'o' => &['0'],
        's' => &['5', '$'],
        't' => &['7'],
        'b' => &['8'],
        'g' => &['9'],
        _ => return None,
    };
    Some(options[rng.below(options.len())])
}

fn leet_word(w: &str, rng: &mut Rng) -> Option<String> {
    let (prefix, core, suffix) = latin_core(w)?;
    let chars: Vec<char> = core.chars().collect();
    if chars.len() < 3 {
        return None;
    }
    let inner: Vec<usize> = (1..chars.len() - 1)
        .filter(|&i| matches!(chars[i].to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 's' | 't' | 'b' | 'g'))
        .collect();
    if inner.is_empty() {
        return None;
    }
    let mut pick: Vec<usize> = inner.iter().copied().filter(|_| rng.chance(0.5)).collect();
    if pick.is_empty() {
        pick.push(inner[rng.below(inner.len())]);
    }
    let mut out = chars;
    for i in pick {
        if let Some(l) = leet_of(out[i], rng) {
            out[i] = l;
        }
    }
    Some(format!("{prefix}{}{suffix}", out.into_iter().collect::<String>()))
}

fn repeat_word(w: &str, rng: &mut Rng) -> Option<String> {
    let (prefix, core, suffix) = latin_core(w)?;
    let chars: Vec<char> = core.chars().collect();
    let vowels: Vec<usize> = (0..chars.len())
        .filter(|&i| matches!(chars[i].to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
        .collect();
    if chars.len() < 2 || vowels.is_empty() {
        return None;
    }
    let at = vowels[rng.below(vowels.len())];
    let extra = 2 + rng.below(4);
    let mut out = String::with_capacity(w.len() + extra);
    out.push_str(prefix);
    for (i, &c) in chars.iter().enumerate() {
        out.push(c);
        if i == at {
            for _ in 0..extra {
                out.push(c);
            }
        }
    }
    out.push_str(suffix);
    Some(out)
}

fn zero_width_word(w: &str, rng: &mut Rng) -> Option<String> {
    const INVISIBLE: [char; 6] = ['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}'];
    let chars: Vec<char> = w.chars().collect();
    // Between two letters or digits: never before a combining accent (not alphanumeric), which NFKC could then no
    // longer compose with its base letter.
    let slots: Vec<usize> =
        (1..chars.len()).filter(|&i| chars[i - 1].is_alphanumeric() && chars[i].is_alphanumeric()).collect();
    if slots.is_empty() {
        return None;
    }
    let first = slots[rng.below(slots.len())];
    let second = if slots.len() > 1 && rng.chance(0.5) { Some(slots[rng.below(slots.len())]) } else { None };
    let mut out = String::with_capacity(w.len() + 6);
    for (i, &c) in chars.iter().enumerate() {
        if i == first || Some(i) == second {
            out.push(INVISIBLE[rng.below(INVISIBLE.len())]);
        }
        out.push(c);
    }
    Some(out)
}

/// The trainer's [`SplitMix`], with the draws the obfuscations need.
struct Rng(SplitMix);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(SplitMix::new(seed ^ 0x5EED_0B5F_u64.rotate_left(32)))
    }

    fn next(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// Uniform in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use custos_engine::text::normalize::normalize;

    const PHRASES: &[&str] = &[
        "I will kill you",
        "You are a worthless idiot and everyone hates you.",
        "Go back to your country, nobody wants your kind here!",
        "I want to hurt myself tonight",
        "Send me naked pictures of yourself",
        "They should all be shot, every last one of them",
        "Das ist ein dummer Test, du Idiot",
        "Tu es une sale ordure",
    ];

    fn norm(s: &str) -> String {
        normalize(s).text
    }

    /// Runs of one letter squeezed to one, for obfuscations that normalize back up to a doubled letter.
    fn squeeze(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            if !out.ends_with(c) || !c.is_alphabetic() {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn every_obfuscation_changes_the_text_and_is_deterministic() {
        for &(name, f) in ALL {
            for (k, p) in PHRASES.iter().enumerate() {
                for seed in 0..20u64 {
                    let seed = seed * 1_000 + k as u64;
                    let a = f(p, seed);
                    assert_ne!(&a, p, "{name} did not change phrase {k} with seed {seed}");
                    assert_eq!(a, f(p, seed), "{name} is not deterministic");
                }
            }
            // Different seeds give different obfuscations (for a text with room for it).
            let outs: std::collections::HashSet<String> = (0..20).map(|s| f(PHRASES[1], s)).collect();
            assert!(outs.len() > 3, "{name} barely depends on the seed");
        }
    }

    #[test]
    fn normalization_undoes_each_obfuscation() {
        for &(name, f) in ALL {
            for (k, p) in PHRASES.iter().enumerate() {
                let clean = norm(p);
                for seed in 0..50u64 {
                    let obf = f(p, seed);
                    let back = norm(&obf);
                    if name == "repetition" {
                        // A stretched e or o normalizes to a double letter ("hateee" → "hatee"): equal up to doubles.
                        assert_eq!(squeeze(&back), squeeze(&clean), "{name}, phrase {k}, seed {seed}");
                    } else {
                        assert_eq!(back, clean, "{name}, phrase {k}, seed {seed}");
                    }
                }
            }
        }
    }

    #[test]
    fn repetition_of_rarely_doubled_vowels_normalizes_exactly() {
        // a, i, u, y are never doubled: every stretch of them normalizes back exactly.
        for seed in 0..50 {
            let p = "I will hit a fat guy";
            assert_eq!(norm(&repetition(p, seed)), norm(p));
        }
    }

    #[test]
    fn obfuscations_look_like_the_technique() {
        let p = "I will absolutely destroy you";
        let h = homoglyphs(p, 1);
        assert!(h.chars().any(|c| ('\u{0370}'..='\u{04FF}').contains(&c)));
        assert!(h.split(' ').all(|w| w.chars().any(|c| c.is_ascii_alphabetic())), "a Latin letter stays per word");
        let s = spacing(p, 1);
        assert!(s.len() > p.len());
        assert_eq!(s.replace([' ', '.', '-', '_'], ""), p.replace(' ', ""));
        let l = leetspeak(p, 1);
        assert!(l.chars().any(|c| c.is_ascii_digit() || "@$!".contains(c)));
        assert_eq!(l.len(), p.len());
        let r = repetition(p, 1);
        assert!(r.len() >= p.len() + 2);
        let z = zero_width(p, 1);
        assert!(z
            .chars()
            .any(|c| ['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}'].contains(&c)));
        assert_eq!(z.chars().filter(|c| c.is_alphanumeric() || *c == ' ').collect::<String>(), p);
    }

    #[test]
    fn other_scripts_pass_through_except_zero_width() {
        for p in ["这是一个测试", "Привет мир", "مرحبا بالعالم", "नमस्ते दुनिया"]
        {
            for &(name, f) in ALL {
                let out = f(p, 7);
                match name {
                    "zero_width" | "mixed" => {
                        assert_eq!(norm(&out), norm(p), "{name}");
                    }
                    _ => assert_eq!(out, p, "{name}"),
                }
            }
        }
        for &(_, f) in ALL {
            assert_eq!(f("", 3), "");
            assert_eq!(f("  ", 3), "  ");
        }
    }
}
