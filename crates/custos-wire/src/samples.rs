//! The Sample Content program (a Custos extension): consent records, reviewers, samples and the audit log.
//!
//! Operators manage consent and reviewers through the admin API; reviewers read and label samples through
//! `/review`. Types that can hold sample text print lengths, never text, in `Debug`.

use crate::text::CategoryAnalysis;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Longest reviewer note, in code points.
pub const MAX_NOTE_CHARS: usize = 1024;
/// Longest `grantedBy` and reviewer name, in code points.
pub const MAX_NAME_CHARS: usize = 128;

/// What a consent covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ConsentScope {
    /// Text analysis: masked text and severities.
    Text,
    /// Image analysis: severities only (image bytes are never kept).
    Image,
    /// Both.
    Both,
}

/// `PUT /admin/resources/{name}/sampleConsent`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConsentRequest {
    /// Who, on the customer's side, granted consent.
    pub granted_by: String,
    /// What it covers (default `text`).
    #[serde(default)]
    pub scope: Option<ConsentScope>,
    /// Fraction of requests sampled, 0 < r ≤ 1.
    pub sample_rate: f64,
}

/// A consent record.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ConsentView {
    /// Who granted it.
    pub granted_by: String,
    /// When (RFC 3339).
    pub granted_at: String,
    /// What it covers.
    pub scope: ConsentScope,
    /// Fraction sampled.
    pub sample_rate: f64,
}

/// `POST /admin/reviewers`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateReviewer {
    /// Unique name (also the actor in the audit log).
    pub name: String,
}

/// A reviewer; `key` only in the answer to creation (shown once).
#[derive(Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ReviewerView {
    /// Name.
    pub name: String,
    /// Creation time (RFC 3339).
    pub created_at: String,
    /// The reviewer key (creation only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

impl fmt::Debug for ReviewerView {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReviewerView").field("name", &self.name).finish_non_exhaustive()
    }
}

/// A reviewer's verdict on a sample.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SampleLabel {
    /// The severities were right.
    Correct,
    /// Flagged, but fine.
    FalsePositive,
    /// Harmful, but missed.
    FalseNegative,
    /// Cannot tell.
    Unsure,
}

impl SampleLabel {
    /// The wire (and stored) name.
    pub fn as_str(self) -> &'static str {
        match self {
            SampleLabel::Correct => "correct",
            SampleLabel::FalsePositive => "falsePositive",
            SampleLabel::FalseNegative => "falseNegative",
            SampleLabel::Unsure => "unsure",
        }
    }

    /// Parses a wire or stored name.
    pub fn parse(s: &str) -> Option<SampleLabel> {
        [SampleLabel::Correct, SampleLabel::FalsePositive, SampleLabel::FalseNegative, SampleLabel::Unsure]
            .into_iter()
            .find(|l| l.as_str() == s)
    }
}

/// `POST /review/resources/{name}/samples/{id}:label`.
#[derive(Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LabelRequest {
    /// The verdict.
    pub label: SampleLabel,
    /// Optional note (sealed at rest).
    #[serde(default)]
    pub note: Option<String>,
}

impl fmt::Debug for LabelRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LabelRequest")
            .field("label", &self.label)
            .field("note_len", &self.note.as_ref().map(String::len))
            .finish()
    }
}

/// A sample as reviewers (and exports) see it: masked text, never raw.
#[derive(Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SampleView {
    /// UUID.
    pub sample_id: String,
    /// When it was taken (RFC 3339).
    pub created_at: String,
    /// `text` or `image`.
    pub kind: String,
    /// The masked text (absent for images).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The severities answered.
    pub categories_analysis: Vec<CategoryAnalysis>,
    /// The label, once labelled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<SampleLabel>,
    /// The reviewer's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Who labelled it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labelled_by: Option<String>,
}

impl fmt::Debug for SampleView {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SampleView")
            .field("sample_id", &self.sample_id)
            .field("kind", &self.kind)
            .field("text_len", &self.text.as_ref().map(String::len))
            .field("label", &self.label)
            .finish_non_exhaustive()
    }
}

/// The first line of an export: the consent the samples were taken under.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ExportHeader {
    /// Resource name.
    pub resource: String,
    /// The consent record (who, when, scope, rate).
    pub consent: ConsentView,
    /// When the export was made (RFC 3339).
    pub exported_at: String,
    /// How many sample lines follow.
    pub samples: usize,
}

/// One audit-log entry (never content).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntryView {
    /// When (RFC 3339).
    pub at: String,
    /// Reviewer name or `operator`.
    pub actor: String,
    /// `list`, `read`, `label`, `export`, `grant` or `revoke`.
    pub action: String,
    /// Resource name.
    pub resource: String,
    /// The sample concerned, if one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sample_id: Option<String>,
}
