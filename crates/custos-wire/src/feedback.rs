//! Feedback and abuse reports (a Custos extension, not part of Azure's protocol).
//!
//! `POST /contentsafety/feedback` takes a [`FeedbackRequest`]; nothing of the analysed text is kept unless the
//! client puts it in `content` explicitly. Operators read reports as [`FeedbackView`] through the admin API.
//! Both types print lengths, never text, in `Debug`.

use crate::Category;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Longest comment, in code points.
pub const MAX_COMMENT_CHARS: usize = 1024;
/// Longest explicitly included content, in code points (the longest text `text:analyze` accepts).
pub const MAX_CONTENT_CHARS: usize = 10_000;
/// Longest request id, in code points.
pub const MAX_REQUEST_ID_CHARS: usize = 64;

/// What a report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum FeedbackKind {
    /// A result flagged content that is fine.
    FalsePositive,
    /// A result missed harmful content.
    FalseNegative,
    /// Abuse of the service or through it.
    Abuse,
    /// Anything else.
    Other,
}

impl FeedbackKind {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            FeedbackKind::FalsePositive => "falsePositive",
            FeedbackKind::FalseNegative => "falseNegative",
            FeedbackKind::Abuse => "abuse",
            FeedbackKind::Other => "other",
        }
    }

    /// The kind named `s` (exact wire name).
    pub fn parse(s: &str) -> Option<FeedbackKind> {
        [FeedbackKind::FalsePositive, FeedbackKind::FalseNegative, FeedbackKind::Abuse, FeedbackKind::Other]
            .into_iter()
            .find(|k| k.as_str() == s)
    }

    /// Whether the kind is about a wrong result (and so names a category).
    pub fn is_wrong_result(self) -> bool {
        matches!(self, FeedbackKind::FalsePositive | FeedbackKind::FalseNegative)
    }
}

/// `POST /contentsafety/feedback`. Unknown fields are ignored (and so never stored).
#[derive(Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackRequest {
    /// What is reported.
    pub kind: FeedbackKind,
    /// The category concerned (required for `falsePositive` and `falseNegative`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    /// The severity the reporter expected, 0–7.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_severity: Option<u8>,
    /// A comment, at most [`MAX_COMMENT_CHARS`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Content the reporter chooses to include, at most [`MAX_CONTENT_CHARS`]. Stored encrypted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// The `apim-request-id` of the request the report is about, at most [`MAX_REQUEST_ID_CHARS`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

impl fmt::Debug for FeedbackRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FeedbackRequest")
            .field("kind", &self.kind)
            .field("category", &self.category)
            .field("expected_severity", &self.expected_severity)
            .field("comment_chars", &self.comment.as_ref().map(|c| c.chars().count()))
            .field("content_chars", &self.content.as_ref().map(|c| c.chars().count()))
            .field("request_id_chars", &self.request_id.as_ref().map(|c| c.chars().count()))
            .finish()
    }
}

/// The answer to a report (201): its id, to delete it later, and what was kept.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackReceipt {
    /// The report's id.
    pub feedback_id: String,
    /// What was reported.
    pub kind: FeedbackKind,
    /// When it was received, RFC 3339 UTC.
    pub created_at: String,
    /// Whether content was included (and so stored, encrypted).
    pub content_stored: bool,
}

/// A report as operators see it (admin API).
#[derive(Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackView {
    /// The report's id.
    pub feedback_id: String,
    /// The key that sent it: `key1` or `key2`.
    pub key_name: String,
    /// What was reported.
    pub kind: FeedbackKind,
    /// The category concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    /// The severity the reporter expected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_severity: Option<u8>,
    /// The comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Content the reporter included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// The request id the report refers to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// When it was received, RFC 3339 UTC.
    pub created_at: String,
}

impl fmt::Debug for FeedbackView {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FeedbackView")
            .field("feedback_id", &self.feedback_id)
            .field("key_name", &self.key_name)
            .field("kind", &self.kind)
            .field("category", &self.category)
            .field("expected_severity", &self.expected_severity)
            .field("comment_chars", &self.comment.as_ref().map(|c| c.chars().count()))
            .field("content_chars", &self.content.as_ref().map(|c| c.chars().count()))
            .field("created_at", &self.created_at)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_parse_and_debug_prints_no_text() {
        let r: FeedbackRequest = serde_json::from_str(
            r#"{"kind":"falseNegative","category":"Hate","expectedSeverity":4,"comment":"zq-secret","content":"zq-text","text":"ignored"}"#,
        )
        .unwrap();
        assert_eq!((r.kind, r.category, r.expected_severity), (FeedbackKind::FalseNegative, Some(Category::Hate), Some(4)));
        let dbg = format!("{r:?}");
        assert!(!dbg.contains("zq-") && dbg.contains("content_chars: Some(7)"), "{dbg}");
        assert!(serde_json::from_str::<FeedbackRequest>(r#"{"kind":"FalsePositive"}"#).is_err());
        for k in ["falsePositive", "falseNegative", "abuse", "other"] {
            let kind = FeedbackKind::parse(k).unwrap();
            assert_eq!(serde_json::to_value(kind).unwrap(), k);
        }
    }
}
