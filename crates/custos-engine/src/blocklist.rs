//! Compiled blocklists.
//!
//! Matching is case-insensitive and Unicode-aware, as the Azure text container documents ("all items are
//! converted to lowercase before matching"): both the item and the analysed text go through [`normalize`]
//! (NFKC, then Unicode lower-casing, then removal of invisible format characters such as zero-width spaces),
//! and an item matches when its normalized form occurs anywhere in the normalized text (substring semantics,
//! like Azure's: `k*ll` matches inside "I want to k*ll you").
//!
//! Exact terms are matched all at once with one Aho-Corasick automaton (linear in the text, whatever the number
//! of terms). Regex items (api-version 2024-09-01, `isRegex: true`) use the `regex` crate, whose matching is
//! linear-time by construction (no backtracking), compiled case-insensitively against the same normalized text,
//! with a compiled-size cap so a customer pattern cannot take unbounded memory.

use crate::EngineError;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::{Regex, RegexBuilder};
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

/// Compiled size cap of one regex item (bytes of the compiled program).
pub const REGEX_SIZE_LIMIT: usize = 256 * 1024;

/// Characters that render as nothing and are removed before matching (so "h\u{200B}ate" matches "hate").
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}' | '\u{180B}'
            ..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}'
            | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}' | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// The normalization shared by items and analysed text: NFKC, lower-case (final sigma folded), invisible
/// characters removed.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfkc().filter(|c| !is_invisible(*c)) {
        // Lower-casing plus the one case-folding step lower-casing lacks: final sigma folds to sigma.
        out.extend(c.to_lowercase().map(|l| if l == 'ς' { 'σ' } else { l }));
    }
    out
}

/// Checks that an item can be compiled: a non-empty term, or a regex within the size cap that cannot match the
/// empty string (it would match every text).
pub fn validate_item(text: &str, is_regex: bool) -> Result<(), EngineError> {
    if is_regex {
        let re = compile_regex(text)?;
        if re.is_match("") {
            return Err(EngineError::InvalidPattern("the regular expression matches empty text".into()));
        }
    } else if normalize(text).is_empty() {
        return Err(EngineError::InvalidPattern("the item text is empty after normalization".into()));
    }
    Ok(())
}

fn compile_regex(pattern: &str) -> Result<Regex, EngineError> {
    RegexBuilder::new(pattern)
        .case_insensitive(true)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(4 * REGEX_SIZE_LIMIT)
        .nest_limit(64)
        .build()
        .map_err(|e| match e {
            regex::Error::CompiledTooBig(_) => {
                EngineError::InvalidPattern("the regular expression is too large".into())
            }
            _ => EngineError::InvalidPattern("the regular expression is not valid".into()),
        })
}

/// One item to compile.
#[derive(Clone)]
pub struct ItemSpec {
    /// The item id, reported back on a match.
    pub id: String,
    /// The stored text (term or pattern), reported back on a match.
    pub text: String,
    /// Whether `text` is a regular expression.
    pub is_regex: bool,
}

impl std::fmt::Debug for ItemSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ItemSpec").field("id", &self.id).field("is_regex", &self.is_regex).finish_non_exhaustive()
    }
}

/// A blocklist compiled for matching.
pub struct CompiledBlocklist {
    items: Vec<ItemSpec>,
    /// Automaton over the distinct normalized terms.
    terms: Option<AhoCorasick>,
    /// For each automaton pattern, the items that normalize to it.
    term_items: Vec<Vec<usize>>,
    regexes: Vec<(usize, Regex)>,
}

impl std::fmt::Debug for CompiledBlocklist {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CompiledBlocklist")
            .field("terms", &self.term_items.len())
            .field("regexes", &self.regexes.len())
            .finish()
    }
}

impl CompiledBlocklist {
    /// Compiles items. Items that fail [`validate_item`] are skipped with a warning (the server validates
    /// on write, so this only happens for data written by another version).
    pub fn compile(items: Vec<ItemSpec>) -> Result<CompiledBlocklist, EngineError> {
        let mut patterns: Vec<String> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut term_items: Vec<Vec<usize>> = Vec::new();
        let mut regexes = Vec::new();
        for (i, it) in items.iter().enumerate() {
            if it.is_regex {
                match compile_regex(&it.text) {
                    Ok(re) if !re.is_match("") => regexes.push((i, re)),
                    _ => tracing::warn!(item_id = %it.id, "skipping a regex item that does not compile"),
                }
                continue;
            }
            let norm = normalize(&it.text);
            if norm.is_empty() {
                tracing::warn!(item_id = %it.id, "skipping an item that is empty after normalization");
                continue;
            }
            let slot = *index.entry(norm.clone()).or_insert_with(|| {
                patterns.push(norm);
                term_items.push(Vec::new());
                patterns.len() - 1
            });
            term_items[slot].push(i);
        }
        let terms = if patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .build(&patterns)
                    .map_err(|e| EngineError::InvalidPattern(format!("cannot build the term automaton: {e}")))?,
            )
        };
        Ok(CompiledBlocklist { items, terms, term_items, regexes })
    }

    /// Number of items compiled in.
    pub fn len(&self) -> usize {
        self.term_items.iter().map(Vec::len).sum::<usize>() + self.regexes.len()
    }

    /// Whether no item is compiled in.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The items that match `normalized` (the output of [`normalize`]), each once, in item order.
    pub fn matches(&self, normalized: &str) -> Vec<&ItemSpec> {
        let mut hit = vec![false; self.items.len()];
        if let Some(ac) = &self.terms {
            for m in ac.find_overlapping_iter(normalized) {
                for &i in &self.term_items[m.pattern().as_usize()] {
                    hit[i] = true;
                }
            }
        }
        for (i, re) in &self.regexes {
            if !hit[*i] && re.is_match(normalized) {
                hit[*i] = true;
            }
        }
        self.items.iter().zip(hit).filter_map(|(it, h)| h.then_some(it)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(items: &[(&str, bool)]) -> CompiledBlocklist {
        CompiledBlocklist::compile(
            items
                .iter()
                .enumerate()
                .map(|(i, (t, r))| ItemSpec { id: format!("id{i}"), text: t.to_string(), is_regex: *r })
                .collect(),
        )
        .unwrap()
    }

    fn hits(l: &CompiledBlocklist, text: &str) -> Vec<String> {
        l.matches(&normalize(text)).into_iter().map(|i| i.text.clone()).collect()
    }

    #[test]
    fn terms_match_case_insensitively_as_substrings() {
        let l = list(&[("h*te", false), ("k*ll", false), ("Contoso", false)]);
        assert_eq!(hits(&l, "I H*TE you and I want to k*ll you."), ["h*te", "k*ll"]);
        assert_eq!(hits(&l, "CONTOSO and contoso"), ["Contoso"]);
        assert!(hits(&l, "nothing here").is_empty());
    }

    #[test]
    fn unicode_case_width_and_invisible_characters_are_normalized() {
        let l = list(&[("straße", false), ("ΣΊΣΥΦΟΣ", false), ("hate", false)]);
        assert_eq!(hits(&l, "STRASSE? no: STRAẞE"), ["straße"]);
        assert_eq!(hits(&l, "σίσυφος"), ["ΣΊΣΥΦΟΣ"]);
        // full-width letters (NFKC) and a zero-width space inside the word
        assert_eq!(hits(&l, "ｈａｔｅ and h\u{200B}ate"), ["hate"]);
    }

    #[test]
    fn overlapping_and_duplicate_terms_are_all_reported_once() {
        let l = list(&[("abc", false), ("bcd", false), ("ABC", false)]);
        assert_eq!(hits(&l, "xabcdx abc"), ["abc", "bcd", "ABC"]);
    }

    #[test]
    fn regex_items_are_case_insensitive_and_validated() {
        let l = list(&[(r"b[i1][a@][s\$]", true), ("plain", false)]);
        assert_eq!(hits(&l, "such B1@S here"), [r"b[i1][a@][s\$]"]);
        assert!(validate_item("(unclosed", true).is_err());
        assert!(validate_item("a*", true).is_err(), "matches empty text");
        assert!(validate_item("\u{200B}", false).is_err());
        assert!(validate_item("x{1000}{1000}", true).is_err(), "too large");
        assert!(validate_item("ok", false).is_ok());
    }

    #[test]
    fn empty_list_and_empty_text() {
        let l = list(&[]);
        assert!(l.is_empty());
        assert!(hits(&l, "anything").is_empty());
        assert!(hits(&list(&[("a", false)]), "").is_empty());
    }
}
