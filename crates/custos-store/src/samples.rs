//! Types of the Sample Content program: consent records, samples, reviewers and the audit log.
//!
//! # Design
//! - Consent is per resource and opt-in. Each grant gets its own data key (the *consent key*), wrapped by the
//!   resource key and stored in its own row (`sample_keys`). Samples are sealed with that key and reference its
//!   row (`ON DELETE CASCADE`), so revocation deletes the key row and, with it, every sample in the same
//!   transaction: deletion and crypto-shred at once. The consent record itself stays (who, when, scope, rate,
//!   when revoked); it holds no content.
//! - A sample is stored only while its consent's key row exists: the insert selects the key row, and the foreign
//!   key makes a concurrent revocation win (a late insert fails and is dropped).
//! - Image samples keep severities only; image bytes are never stored.
//! - Reviewers are a global role (every resource with active consent); their keys are salted hashes like API
//!   keys, looked up in their own table, so API keys and the admin key are never reviewer keys.
//! - The audit log names actor, action, resource (by name) and sample id, never content. It has no foreign key,
//!   so entries survive revocation and resource deletion. [`crate::Store`] writes the entry *before* returning any
//!   sample, so no read goes unaudited.

use std::fmt;

/// What a consent covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SampleScope {
    /// `text:analyze` only.
    Text,
    /// `image:analyze` only (severities only; image bytes are never kept).
    Image,
    /// Both.
    Both,
}

impl SampleScope {
    /// The stored and wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            SampleScope::Text => "text",
            SampleScope::Image => "image",
            SampleScope::Both => "both",
        }
    }

    /// Parses a stored or wire name.
    pub fn parse(s: &str) -> Option<SampleScope> {
        match s {
            "text" => Some(SampleScope::Text),
            "image" => Some(SampleScope::Image),
            "both" => Some(SampleScope::Both),
            _ => None,
        }
    }

    /// Whether the scope covers samples of `kind`.
    pub fn covers(self, kind: SampleKind) -> bool {
        matches!(
            (self, kind),
            (SampleScope::Both, _) | (SampleScope::Text, SampleKind::Text) | (SampleScope::Image, SampleKind::Image)
        )
    }
}

/// The operation a sample came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SampleKind {
    /// `text:analyze`: masked text and severities.
    Text,
    /// `image:analyze`: severities only.
    Image,
}

impl SampleKind {
    /// The stored and wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            SampleKind::Text => "text",
            SampleKind::Image => "image",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<SampleKind> {
        match s {
            "text" => Some(SampleKind::Text),
            "image" => Some(SampleKind::Image),
            _ => None,
        }
    }
}

/// A consent to grant (or to update the active one with).
#[derive(Debug, Clone, PartialEq)]
pub struct NewConsent {
    /// Who granted it (free text chosen by the operator, e.g. the customer's contact).
    pub granted_by: String,
    /// What it covers.
    pub scope: SampleScope,
    /// Fraction of requests sampled, 0 < r ≤ 1.
    pub sample_rate: f64,
}

/// A consent record.
#[derive(Debug, Clone, PartialEq)]
pub struct SampleConsent {
    /// UUID.
    pub id: String,
    /// Who granted it.
    pub granted_by: String,
    /// Seconds since the Unix epoch.
    pub granted_at: i64,
    /// What it covers.
    pub scope: SampleScope,
    /// Fraction of requests sampled.
    pub sample_rate: f64,
    /// When it was revoked; `None` while active.
    pub revoked_at: Option<i64>,
}

/// A sample (plain from [`crate::Store`]; `text` and `note` sealed from a [`crate::Backend`]).
#[derive(Clone, PartialEq, Eq)]
pub struct Sample {
    /// UUID.
    pub id: String,
    /// Seconds since the Unix epoch.
    pub created_at: i64,
    /// Text or image.
    pub kind: SampleKind,
    /// The masked text (`None` for images).
    pub text: Option<String>,
    /// Severities, `Category=level` pairs joined by `,` (fixed vocabulary built by the server).
    pub severities: String,
    /// The reviewer's label, once labelled.
    pub label: Option<String>,
    /// The reviewer's note.
    pub note: Option<String>,
    /// Name of the reviewer who labelled it.
    pub labelled_by: Option<String>,
    /// When it was labelled.
    pub labelled_at: Option<i64>,
}

impl fmt::Debug for Sample {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sample")
            .field("id", &self.id)
            .field("kind", &self.kind)
            .field("text_len", &self.text.as_ref().map(String::len))
            .field("label", &self.label)
            .finish_non_exhaustive()
    }
}

/// A reviewer (the key is never stored, only its salted hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reviewer {
    /// UUID.
    pub id: String,
    /// Unique name.
    pub name: String,
    /// Seconds since the Unix epoch.
    pub created_at: i64,
}

/// What an audit entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    /// A reviewer listed a resource's samples.
    List,
    /// A reviewer read one sample.
    Read,
    /// A reviewer labelled one sample.
    Label,
    /// An operator exported a resource's samples.
    Export,
    /// An operator granted or updated consent.
    Grant,
    /// An operator revoked consent (samples deleted).
    Revoke,
}

impl AuditAction {
    /// The stored and wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::List => "list",
            AuditAction::Read => "read",
            AuditAction::Label => "label",
            AuditAction::Export => "export",
            AuditAction::Grant => "grant",
            AuditAction::Revoke => "revoke",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<AuditAction> {
        [AuditAction::List, AuditAction::Read, AuditAction::Label, AuditAction::Export, AuditAction::Grant, AuditAction::Revoke]
            .into_iter()
            .find(|a| a.as_str() == s)
    }
}

/// One audit-log entry. Never holds content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    /// Seconds since the Unix epoch.
    pub at: i64,
    /// Reviewer name, or `operator`.
    pub actor: String,
    /// What was done.
    pub action: AuditAction,
    /// Resource name.
    pub resource: String,
    /// The sample concerned, if one.
    pub sample_id: Option<String>,
}

/// The actor name of the operator (admin key or CLI) in the audit log.
pub const OPERATOR: &str = "operator";
