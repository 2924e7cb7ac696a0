//! The severity lexicon: curated phrases that set a per-category severity floor.
//!
//! The lexicon is a TSV (`lexicon.tsv` beside the model) with the columns
//! `category  severity  lang  mode  phrase`; `#` starts a comment line. `mode` is `word` (the phrase must start and
//! end on word boundaries of the normalized text) or `sub` (plain substring, for scripts written without spaces such
//! as Chinese and Japanese). Phrases are normalized with the same [`normalize`] as the text, so case, width and
//! punctuation do not matter.
//!
//! Entries are phrases rather than single words on purpose: "kill yourself" is in, "kill" is not, so "kill the
//! process" or a news report never reaches the lexicon. A match only raises the floor; the model decides the rest.

use super::features::normalize;
use aho_corasick::AhoCorasick;
use custos_wire::Category;

/// A compiled lexicon. `Debug` prints counts only, never phrases.
#[derive(Clone)]
pub struct Lexicon {
    matcher: Option<AhoCorasick>,
    /// Per pattern: head index and severity.
    entries: Vec<(usize, u8)>,
    /// Entries per category, for the start-up log.
    counts: [usize; 4],
}

/// One parsed lexicon line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconEntry {
    /// The category whose floor the phrase raises.
    pub category: Category,
    /// Severity floor 1..=7.
    pub severity: u8,
    /// Language tag (informational).
    pub lang: String,
    /// Whether the phrase must sit on word boundaries.
    pub word_bounded: bool,
    /// The phrase as written in the file.
    pub phrase: String,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon").field("phrases_per_category", &self.counts).finish_non_exhaustive()
    }
}

impl Lexicon {
    /// An empty lexicon (matches nothing).
    pub fn empty() -> Lexicon {
        Lexicon { matcher: None, entries: Vec::new(), counts: [0; 4] }
    }

    /// Parses the TSV. Errors name the line, never echo the phrase.
    pub fn parse_entries(tsv: &str) -> Result<Vec<LexiconEntry>, String> {
        let mut out = Vec::new();
        for (i, line) in tsv.lines().enumerate() {
            let line_no = i + 1;
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 5 {
                return Err(format!("line {line_no}: expected 5 tab-separated columns, found {}", cols.len()));
            }
            let category: Category =
                cols[0].parse().map_err(|_| format!("line {line_no}: unknown category (use Hate, SelfHarm, Sexual, Violence)"))?;
            let severity: u8 = cols[1].parse().map_err(|_| format!("line {line_no}: severity is not a number"))?;
            if !(1..=7).contains(&severity) {
                return Err(format!("line {line_no}: severity must be 1..=7"));
            }
            let word_bounded = match cols[3] {
                "word" => true,
                "sub" => false,
                _ => return Err(format!("line {line_no}: mode must be `word` or `sub`")),
            };
            if normalize(cols[4]).is_empty() {
                return Err(format!("line {line_no}: empty phrase after normalization"));
            }
            out.push(LexiconEntry {
                category,
                severity,
                lang: cols[2].to_owned(),
                word_bounded,
                phrase: cols[4].to_owned(),
            });
        }
        Ok(out)
    }

    /// Parses and compiles the TSV.
    pub fn parse(tsv: &str) -> Result<Lexicon, String> {
        Lexicon::from_entries(&Lexicon::parse_entries(tsv)?)
    }

    /// Compiles parsed entries.
    pub fn from_entries(entries: &[LexiconEntry]) -> Result<Lexicon, String> {
        if entries.is_empty() {
            return Ok(Lexicon::empty());
        }
        let mut patterns = Vec::with_capacity(entries.len());
        let mut compiled = Vec::with_capacity(entries.len());
        let mut counts = [0usize; 4];
        for e in entries {
            let norm = normalize(&e.phrase);
            patterns.push(if e.word_bounded { format!(" {norm} ") } else { norm });
            compiled.push((e.category.index(), e.severity));
            counts[e.category.index()] += 1;
        }
        let matcher = AhoCorasick::new(&patterns).map_err(|e| format!("lexicon automaton: {e}"))?;
        Ok(Lexicon { matcher: Some(matcher), entries: compiled, counts })
    }

    /// Entries per category, indexed by `Category::index()`.
    pub fn counts(&self) -> [usize; 4] {
        self.counts
    }

    /// Severity floors per category for an already normalized text.
    pub fn floors(&self, normalized: &str) -> [u8; 4] {
        let mut floors = [0u8; 4];
        let Some(matcher) = &self.matcher else { return floors };
        // Pad with spaces so that word-bounded patterns (" phrase ") match at both ends. Small per-text allocation.
        let mut padded = String::with_capacity(normalized.len() + 2);
        padded.push(' ');
        padded.push_str(normalized);
        padded.push(' ');
        for m in matcher.find_overlapping_iter(&padded) {
            let (head, sev) = self.entries[m.pattern().as_usize()];
            floors[head] = floors[head].max(sev);
        }
        floors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TSV: &str = "# category\tseverity\tlang\tmode\tphrase\n\
        SelfHarm\t4\ten\tword\tKill myself\n\
        Violence\t5\ten\tword\tI will kill you\n\
        SelfHarm\t4\tzh\tsub\t想死\n";

    #[test]
    fn phrases_match_on_word_boundaries_only() {
        let lex = Lexicon::parse(TSV).unwrap();
        assert_eq!(lex.floors(&normalize("I want to KILL myself.")), [0, 4, 0, 0]);
        assert_eq!(lex.floors(&normalize("i will kill you and then kill myself")), [0, 4, 0, 5]);
        assert_eq!(lex.floors(&normalize("kill the process")), [0; 4]);
        assert_eq!(lex.floors(&normalize("skill myselfie")), [0; 4]);
        assert_eq!(lex.floors(&normalize("我真的想死了")), [0, 4, 0, 0]);
        assert_eq!(lex.counts(), [0, 2, 0, 1]);
    }

    #[test]
    fn bad_lines_are_rejected_with_line_numbers() {
        let err = Lexicon::parse("Hate\t4\ten\tword\n").unwrap_err();
        assert!(err.contains("line 1"), "{err}");
        assert!(Lexicon::parse("Hateful\t4\ten\tword\tx\n").is_err());
        assert!(Lexicon::parse("Hate\t9\ten\tword\tx\n").is_err());
        assert!(Lexicon::parse("Hate\t4\ten\tregex\tx\n").is_err());
        assert!(Lexicon::parse("Hate\t4\ten\tword\t!!!\n").is_err());
    }
}
