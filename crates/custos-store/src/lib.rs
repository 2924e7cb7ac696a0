//! Custos storage: resources, API keys, blocklists and their items.
//!
//! # Layout
//! - [`Store`]: what the server uses. It encrypts on the way in and decrypts on the way out ([`crypto`]), over a
//! - [`Backend`]: the trait every database implements (async, object-safe), which only ever sees ciphertext,
//!   blind indexes and wrapped keys: [`sqlite`] (embedded default: one file, WAL, `synchronous=FULL`).
//! - [`keys`]: API key generation and salted hashing. [`crypto`]: envelope encryption and the master keyring.
//!
//! Design: the store speaks in plain store types ([`Blocklist`], [`Item`]), not wire types; the server converts.
//! Every method is scoped by a [`ResourceId`], so no call can reach another resource's data. A write returns only
//! after it is durable (an acknowledged write survives `kill -9`). Deleted rows are overwritten on disk
//! (`secure_delete`) and the WAL is checkpointed after deletes; deleting a list or resource deletes its key, so
//! whatever ciphertext remains is unreadable. Item texts are customer content: they are never logged.
//!
//! Feedback reports ([`Feedback`]) are sealed with the resource key like blocklist descriptions. Usage counters
//! ([`UsageIncrement`], [`UsageCount`]) are aggregate numbers per resource, key slot and hour; the server counts in
//! memory and the store only persists them (one upsert per counter).
//!
//! The Sample Content program ([`samples`]): opt-in consent per resource, samples sealed with a per-consent key
//! (revocation deletes the key and the samples), reviewers, and an audit log without content.
#![deny(missing_docs)]

pub mod crypto;
pub mod keys;
pub mod postgres;
pub mod samples;
pub mod sqlite;
mod store;

pub use samples::{AuditAction, AuditEntry, NewConsent, Reviewer, Sample, SampleConsent, SampleKind, SampleScope, OPERATOR};
pub use store::{ActiveConsent, Store};

use async_trait::async_trait;
use std::fmt;

/// The current time in whole seconds since the Unix epoch (0 if the clock is before it).
pub fn now_secs() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

/// The id of a resource (tenant). Every blocklist belongs to exactly one.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ResourceId(pub String);

impl fmt::Display for ResourceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A resource (tenant): a name, the region its data is pinned to, and two API keys (stored as hashes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourceInfo {
    /// Opaque id (a UUID).
    pub id: ResourceId,
    /// Unique name chosen by the operator.
    pub name: String,
    /// Region the resource is pinned to.
    pub region: String,
    /// Creation time, seconds since the Unix epoch.
    pub created_at: i64,
    /// The resource key, wrapped by a master key (never shown outside the store).
    pub wrapped_key: Vec<u8>,
}

/// One of the two key slots of a resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeySlot {
    /// Key 1.
    One = 1,
    /// Key 2.
    Two = 2,
}

impl KeySlot {
    /// Both slots, in order.
    pub const ALL: [KeySlot; 2] = [KeySlot::One, KeySlot::Two];

    /// The slot numbered `n` (1 or 2).
    pub fn from_number(n: i64) -> Option<KeySlot> {
        match n {
            1 => Some(KeySlot::One),
            2 => Some(KeySlot::Two),
            _ => None,
        }
    }

    /// `"key1"` or `"key2"`, as the admin API and CLI name keys.
    pub fn name(self) -> &'static str {
        match self {
            KeySlot::One => "key1",
            KeySlot::Two => "key2",
        }
    }
}

/// The answer to [`Backend::authenticate`]: whose key it is, which slot matched, and whether that key is
/// suspended (a suspended key still identifies its resource, so its refusals can be counted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyMatch {
    /// The resource the key belongs to.
    pub resource: ResourceInfo,
    /// The slot that matched.
    pub slot: KeySlot,
    /// Whether an operator suspended this key.
    pub suspended: bool,
}

/// A feedback or abuse report (plain from [`Store`]; `comment`, `content` and `request_id` sealed from a
/// [`Backend`]). `kind` and `category` come from fixed vocabularies chosen by the server, never free text.
#[derive(Clone, PartialEq, Eq)]
pub struct Feedback {
    /// Server-generated UUID.
    pub id: String,
    /// The key that sent it.
    pub key_slot: KeySlot,
    /// Seconds since the Unix epoch.
    pub created_at: i64,
    /// What is reported (e.g. `falsePositive`).
    pub kind: String,
    /// The category concerned, if any.
    pub category: Option<String>,
    /// The severity the reporter expected (0–7), if given.
    pub expected_severity: Option<u8>,
    /// The reporter's comment.
    pub comment: Option<String>,
    /// Content the reporter explicitly included (nothing of the analysed text is kept otherwise).
    pub content: Option<String>,
    /// The request id (`apim-request-id`) the report refers to.
    pub request_id: Option<String>,
}

impl fmt::Debug for Feedback {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Feedback")
            .field("id", &self.id)
            .field("key_slot", &self.key_slot)
            .field("kind", &self.kind)
            .field("category", &self.category)
            .field("has_content", &self.content.is_some())
            .finish_non_exhaustive()
    }
}

/// Most reports kept per resource; past it new reports are refused until some are deleted.
pub const MAX_FEEDBACK_PER_RESOURCE: usize = 10_000;

/// An amount to add to one usage counter. Counter names are fixed vocabulary built by the server from enums
/// (e.g. `requests`, `text/Hate/2`); they never hold request content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageIncrement {
    /// The resource.
    pub resource: ResourceId,
    /// The key slot.
    pub slot: KeySlot,
    /// Start of the bucket (hour), seconds since the Unix epoch.
    pub bucket: i64,
    /// Counter name.
    pub counter: String,
    /// Amount to add.
    pub count: i64,
}

/// One stored usage counter of a resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageCount {
    /// The key slot.
    pub slot: KeySlot,
    /// Start of the bucket (hour), seconds since the Unix epoch.
    pub bucket: i64,
    /// Counter name.
    pub counter: String,
    /// Total.
    pub count: i64,
}

/// Length of a usage bucket, in seconds (one hour).
pub const USAGE_BUCKET_SECS: i64 = 3600;

/// A blocklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blocklist {
    /// Name, unique within its resource (case-sensitive).
    pub name: String,
    /// Optional description.
    pub description: Option<String>,
}

/// A blocklist row as a backend stores it: description sealed with the resource key, blocklist key wrapped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredBlocklist {
    /// Row id (never reused).
    pub id: i64,
    /// Name.
    pub name: String,
    /// Sealed description.
    pub description: Option<String>,
    /// The blocklist key, wrapped by the resource key.
    pub wrapped_key: Vec<u8>,
}

/// An item to store: text and description sealed, `lookup` the blind index of the text.
#[derive(Debug, Clone)]
pub struct SealedItem {
    /// Blind index of the plain text (add-or-update key).
    pub lookup: String,
    /// Sealed text.
    pub text: String,
    /// Sealed description.
    pub description: Option<String>,
    /// Whether the text is a regular expression.
    pub is_regex: bool,
}

/// A stored blocklist item (plain from [`Store`]; text and description sealed from a [`Backend`]).
#[derive(Clone, PartialEq, Eq)]
pub struct Item {
    /// Server-generated UUID (lower-case, hyphenated).
    pub id: String,
    /// The term or regular expression.
    pub text: String,
    /// Optional description.
    pub description: Option<String>,
    /// Whether `text` is a regular expression.
    pub is_regex: bool,
}

impl fmt::Debug for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Item").field("id", &self.id).field("is_regex", &self.is_regex).finish_non_exhaustive()
    }
}

/// An item to add or update; keyed on `text` within its list (re-adding a text keeps its id).
#[derive(Clone)]
pub struct NewItem {
    /// The term or regular expression.
    pub text: String,
    /// Optional description.
    pub description: Option<String>,
    /// Whether `text` is a regular expression.
    pub is_regex: bool,
}

/// A description change in a merge-patch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DescriptionPatch {
    /// Leave as is.
    Keep,
    /// Remove it.
    Clear,
    /// Set it.
    Set(String),
}

/// The version stamp of a blocklist's items: changes whenever an item is added, updated or removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ListVersion {
    /// Row id of the list (never reused, so a deleted and re-created list gets a new one).
    pub id: i64,
    /// Item version within the list.
    pub version: i64,
}

/// Keys handed out when a resource is created. Shown once; only hashes are stored.
pub struct NewKeys {
    /// The resource.
    pub resource: ResourceId,
    /// Key 1.
    pub key1: String,
    /// Key 2.
    pub key2: String,
}

impl fmt::Debug for NewKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NewKeys").field("resource", &self.resource).finish_non_exhaustive()
    }
}

/// Storage errors.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The named blocklist (or item) does not exist in this resource.
    #[error("{0} not found")]
    NotFound(String),
    /// A documented limit would be exceeded.
    #[error("{0}")]
    LimitExceeded(String),
    /// The thing to create exists already.
    #[error("{0} already exists")]
    Conflict(String),
    /// The database failed or is unreachable.
    #[error("database error: {0}")]
    Backend(String),
    /// A key is missing or data does not decrypt.
    #[error("encryption: {0}")]
    Crypto(String),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Backend(e.to_string())
    }
}

/// The storage seam: SQLite implements it, PostgreSQL implements the same trait. A backend sees only sealed
/// texts, blind indexes and wrapped keys; [`Store`] does the cryptography.
#[async_trait]
pub trait Backend: Send + Sync + 'static {
    /// Creates the resource named `default` in `region` on first start. Returns its keys when it was created now
    /// (`key1` is `bootstrap_key` when given), `None` when it already existed.
    async fn ensure_default_resource(
        &self,
        bootstrap_key: Option<&str>,
        region: &str,
        wrapped_key: &[u8],
    ) -> Result<Option<NewKeys>, StoreError>;

    /// The resource a key belongs to, with the slot that matched and whether it is suspended; `None` for an
    /// unknown key. Constant-time comparison of the salted hash.
    async fn authenticate(&self, key: &str) -> Result<Option<KeyMatch>, StoreError>;

    /// A resource by id.
    async fn get_resource(&self, id: &ResourceId) -> Result<Option<ResourceInfo>, StoreError>;

    /// Creates a resource with two new random keys. `Conflict` if the name is taken.
    async fn create_resource(&self, name: &str, region: &str, wrapped_key: &[u8]) -> Result<NewKeys, StoreError>;

    /// All resources, by name.
    async fn list_resources(&self) -> Result<Vec<ResourceInfo>, StoreError>;

    /// Deletes a resource with its keys, blocklists and items; `false` if it did not exist.
    async fn delete_resource(&self, name: &str) -> Result<bool, StoreError>;

    /// Replaces one API key of a resource with a new random key (the other keeps working); `None` if the
    /// resource does not exist.
    async fn regenerate_key(&self, name: &str, slot: KeySlot) -> Result<Option<String>, StoreError>;

    /// Suspends (`true`) or reinstates (`false`) one key of a resource; `false` if the resource does not exist.
    async fn set_key_suspended(&self, name: &str, slot: KeySlot, suspended: bool) -> Result<bool, StoreError>;

    /// Which keys of the resource are suspended, by slot (both slots, in order).
    async fn key_states(&self, r: &ResourceId) -> Result<Vec<(KeySlot, bool)>, StoreError>;

    /// Stores a report (free-text fields already sealed). `NotFound` if the resource does not exist,
    /// `LimitExceeded` past [`MAX_FEEDBACK_PER_RESOURCE`].
    async fn insert_feedback(&self, r: &ResourceId, feedback: Feedback) -> Result<(), StoreError>;

    /// The resource's reports, oldest first.
    async fn list_feedback(&self, r: &ResourceId) -> Result<Vec<Feedback>, StoreError>;

    /// One report of the resource.
    async fn get_feedback(&self, r: &ResourceId, id: &str) -> Result<Option<Feedback>, StoreError>;

    /// Deletes one report of the resource; `false` if it did not exist there.
    async fn delete_feedback(&self, r: &ResourceId, id: &str) -> Result<bool, StoreError>;

    /// Adds the increments to their counters (one upsert each, in one transaction). Increments for a resource
    /// that no longer exists are dropped.
    async fn add_usage(&self, increments: &[UsageIncrement]) -> Result<(), StoreError>;

    /// The resource's counters in buckets starting at or after `since`, ordered by bucket, slot and name.
    async fn usage(&self, r: &ResourceId, since: i64) -> Result<Vec<UsageCount>, StoreError>;

    /// Replaces a resource's wrapped key (master-key rotation); `false` if the resource does not exist.
    async fn set_resource_key(&self, id: &ResourceId, wrapped_key: &[u8]) -> Result<bool, StoreError>;

    /// Creates (`true`, with `wrapped_key`) or updates (`false`, key unchanged) a blocklist.
    async fn upsert_blocklist(
        &self,
        r: &ResourceId,
        name: &str,
        description: DescriptionPatch,
        wrapped_key: &[u8],
    ) -> Result<(StoredBlocklist, bool), StoreError>;

    /// One blocklist.
    async fn get_blocklist(&self, r: &ResourceId, name: &str) -> Result<Option<StoredBlocklist>, StoreError>;

    /// All blocklists of the resource, by name.
    async fn list_blocklists(&self, r: &ResourceId) -> Result<Vec<StoredBlocklist>, StoreError>;

    /// Deletes a list, its key and all its items; `false` if it did not exist.
    async fn delete_blocklist(&self, r: &ResourceId, name: &str) -> Result<bool, StoreError>;

    /// Adds or updates items (keyed on `lookup`) in the list with row id `list_id` (which must belong to `r`);
    /// returns them as stored, in request order. `NotFound` if that list no longer exists, `LimitExceeded` past
    /// the per-list item cap (nothing is written then).
    async fn upsert_items(&self, r: &ResourceId, list_id: i64, items: Vec<SealedItem>) -> Result<Vec<Item>, StoreError>;

    /// Removes items by id; unknown ids are ignored. `NotFound` if the list does not exist.
    async fn remove_items(&self, r: &ResourceId, list: &str, ids: &[String]) -> Result<(), StoreError>;

    /// The list, a page of its items in insertion order, and the total count; `None` if the list does not exist.
    async fn list_items(
        &self,
        r: &ResourceId,
        list: &str,
        skip: usize,
        limit: usize,
    ) -> Result<Option<(StoredBlocklist, Vec<Item>, usize)>, StoreError>;

    /// The list and one of its items; `None` if the list does not exist.
    async fn get_item(&self, r: &ResourceId, list: &str, id: &str) -> Result<Option<(StoredBlocklist, Option<Item>)>, StoreError>;

    /// Grants consent (`true`: a new consent with its key `wrapped_key`) or updates the active one (`false`: who,
    /// scope and rate replaced, key and id kept). `NotFound` if the resource does not exist.
    async fn put_consent(
        &self,
        r: &ResourceId,
        consent: &NewConsent,
        wrapped_key: &[u8],
    ) -> Result<(SampleConsent, bool), StoreError>;

    /// The active consent of the resource with its wrapped key; `None` if there is none.
    async fn active_consent(&self, r: &ResourceId) -> Result<Option<(SampleConsent, Vec<u8>)>, StoreError>;

    /// Revokes the active consent: marks it revoked and deletes its key row and every sample of the resource, in one
    /// transaction. `false` if there was no active consent.
    async fn revoke_consent(&self, r: &ResourceId) -> Result<bool, StoreError>;

    /// Stores a sample (text and note sealed) under consent `consent_id`; `false` (nothing stored) if that consent
    /// is no longer active.
    async fn insert_sample(&self, r: &ResourceId, consent_id: &str, sample: Sample) -> Result<bool, StoreError>;

    /// The resource's samples, oldest first.
    async fn list_samples(&self, r: &ResourceId) -> Result<Vec<Sample>, StoreError>;

    /// One sample of the resource.
    async fn get_sample(&self, r: &ResourceId, id: &str) -> Result<Option<Sample>, StoreError>;

    /// Sets a sample's label, sealed note, reviewer and time; `false` if the resource has no such sample.
    async fn label_sample(
        &self,
        r: &ResourceId,
        id: &str,
        label: &str,
        note: Option<String>,
        by: &str,
        at: i64,
    ) -> Result<bool, StoreError>;

    /// Creates a reviewer with a new random key (returned once). `Conflict` if the name is taken.
    async fn create_reviewer(&self, name: &str) -> Result<(Reviewer, String), StoreError>;

    /// All reviewers, by name.
    async fn list_reviewers(&self) -> Result<Vec<Reviewer>, StoreError>;

    /// Deletes a reviewer (its key stops working); `false` if there was none of that name.
    async fn delete_reviewer(&self, name: &str) -> Result<bool, StoreError>;

    /// The reviewer a key belongs to (constant-time comparison of the salted hash).
    async fn authenticate_reviewer(&self, key: &str) -> Result<Option<Reviewer>, StoreError>;

    /// Appends an audit entry.
    async fn add_audit(&self, entry: &AuditEntry) -> Result<(), StoreError>;

    /// Audit entries, oldest first, of one resource (by name) or all.
    async fn list_audit(&self, resource: Option<&str>) -> Result<Vec<AuditEntry>, StoreError>;

    /// Version stamps of the named lists (same order; `None` for a list that does not exist).
    async fn list_versions(&self, r: &ResourceId, names: &[String]) -> Result<Vec<Option<ListVersion>>, StoreError>;

    /// The list, its version and every item (for compiling its matcher).
    async fn load_items(
        &self,
        r: &ResourceId,
        list: &str,
    ) -> Result<Option<(StoredBlocklist, ListVersion, Vec<Item>)>, StoreError>;
}
