//! `POST /text:analyze`.

use crate::{Category, OutputType, Severity};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Request body of `text:analyze`.
#[derive(Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AnalyzeTextOptions {
    /// The text; at most 10,000 code points.
    pub text: String,
    /// Categories to analyse; absent, null or empty means all four.
    #[serde(default)]
    pub categories: Option<Vec<Category>>,
    /// Blocklists to match, by name.
    #[serde(default)]
    pub blocklist_names: Option<Vec<String>>,
    /// Skip the harm analysis when a blocklist matched.
    #[serde(default)]
    pub halt_on_blocklist_hit: Option<bool>,
    /// Four (default) or eight severity levels.
    #[serde(default)]
    pub output_type: Option<OutputType>,
}

impl fmt::Debug for AnalyzeTextOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AnalyzeTextOptions")
            .field("text_chars", &self.text.chars().count())
            .field("categories", &self.categories)
            .field("blocklist_names", &self.blocklist_names.as_ref().map(Vec::len))
            .field("halt_on_blocklist_hit", &self.halt_on_blocklist_hit)
            .field("output_type", &self.output_type)
            .finish()
    }
}

/// Response body of `text:analyze`.
#[derive(Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct AnalyzeTextResult {
    /// One entry per matched blocklist item; always present (`[]` when none).
    #[serde(default)]
    pub blocklists_match: Vec<TextBlocklistMatch>,
    /// One entry per analysed category, in `Hate, SelfHarm, Sexual, Violence` order.
    pub categories_analysis: Vec<CategoryAnalysis>,
    /// Custos extension; the official SDKs ignore unknown fields.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub custos: Option<Extension>,
}

impl fmt::Debug for AnalyzeTextResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AnalyzeTextResult")
            .field("blocklists_match", &self.blocklists_match.len())
            .field("categories_analysis", &self.categories_analysis)
            .finish()
    }
}

/// One matched blocklist item.
#[derive(Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TextBlocklistMatch {
    /// The list's name.
    pub blocklist_name: String,
    /// The item's id.
    pub blocklist_item_id: String,
    /// The stored item text (not the matched substring).
    pub blocklist_item_text: String,
}

/// Severity of one category (text and image results share the shape).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub struct CategoryAnalysis {
    /// The category.
    pub category: Category,
    /// Its severity on the requested scale.
    pub severity: Severity,
}

/// The `custos` extension object on analysis results. Every field is optional, so an empty extension is omitted.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Extension {
    /// Categories that were requested but that this server's models cannot evaluate for this input type: their
    /// severity is reported as 0 only because the Azure schema needs a number, and it means "not analysed".
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub not_analyzed: Vec<Category>,
    /// Continuous scores in 0..1 behind each reported severity (the calibrated model output).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub scores: Vec<CategoryScore>,
    /// Per flagged category (severity ≥ 2), the spans of the input text that drove it.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub explanations: Vec<CategoryExplanation>,
}

impl Extension {
    /// Whether nothing would be serialized.
    pub fn is_empty(&self) -> bool {
        self.not_analyzed.is_empty() && self.scores.is_empty() && self.explanations.is_empty()
    }
}

/// The spans of the input that drove one category.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct CategoryExplanation {
    /// The category.
    pub category: Category,
    /// Spans in text order. Empty when no span reaches the category on its own (the whole text's meaning did).
    pub spans: Vec<TextSpan>,
}

/// A span of the input text.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct TextSpan {
    /// Where it starts.
    pub offset: IndexDetails,
    /// How long it is.
    pub length: IndexDetails,
    /// The severity the span reaches on its own, on the requested scale.
    pub severity: Severity,
}

/// An offset or length in three units, as Azure's groundedness API reports them: UTF-8 bytes, UTF-16 code units
/// (JavaScript, Java, C#) and Unicode code points (Python).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "camelCase")]
pub struct IndexDetails {
    /// UTF-8 bytes.
    pub utf8: i64,
    /// UTF-16 code units.
    pub utf16: i64,
    /// Unicode code points.
    pub code_point: i64,
}

impl IndexDetails {
    /// The offset/length of `s` measured in all three units.
    pub fn of(s: &str) -> IndexDetails {
        IndexDetails {
            utf8: s.len() as i64,
            utf16: s.chars().map(|c| c.len_utf16() as i64).sum(),
            code_point: s.chars().count() as i64,
        }
    }

    /// The span `range` (byte range) of `text`: (offset, length). The range must lie on char boundaries.
    pub fn span(text: &str, range: std::ops::Range<usize>) -> (IndexDetails, IndexDetails) {
        (IndexDetails::of(&text[..range.start]), IndexDetails::of(&text[range]))
    }
}

/// A continuous score for one category.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq)]
pub struct CategoryScore {
    /// The category.
    pub category: Category,
    /// Probability-like score in 0..1.
    pub score: f32,
}
