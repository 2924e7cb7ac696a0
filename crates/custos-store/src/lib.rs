//! Custos storage: resources, API keys, blocklists and their items.
//!
//! # Layout
//! - [`Store`]: the trait every backend implements (async, object-safe; the server holds an `Arc<dyn Store>`).
//! - [`sqlite`]: the embedded default backend (one file, WAL, `synchronous=FULL`).
//! - [`keys`]: API key generation and salted hashing.
//!
//! Design: the trait speaks in plain store types ([`Blocklist`], [`Item`]), not wire types; the server converts.
//! Every method is scoped by a [`ResourceId`], so no call can reach another resource's data. A write returns only
//! after it is durable (an acknowledged write survives `kill -9`). Deleted rows are overwritten on disk
//! (`secure_delete`) and the WAL is checkpointed after deletes, so erased item text does not linger in the file.
//! Item texts are customer content: they are never logged.
#![deny(missing_docs)]

pub mod keys;
pub mod postgres;
pub mod sqlite;

use async_trait::async_trait;
use std::fmt;

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
}

/// One of the two key slots of a resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeySlot {
    /// Key 1.
    One = 1,
    /// Key 2.
    Two = 2,
}

/// A blocklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blocklist {
    /// Name, unique within its resource (case-sensitive).
    pub name: String,
    /// Optional description.
    pub description: Option<String>,
}

/// A stored blocklist item.
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
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Backend(e.to_string())
    }
}

/// The storage seam. SQLite implements it now; PostgreSQL implements the same trait.
#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// Creates the resource named `default` in `region` on first start. Returns its keys when it was created now
    /// (`key1` is `bootstrap_key` when given), `None` when it already existed.
    async fn ensure_default_resource(
        &self,
        bootstrap_key: Option<&str>,
        region: &str,
    ) -> Result<Option<NewKeys>, StoreError>;

    /// The resource a key belongs to, if any. Constant-time comparison of the salted hash.
    async fn authenticate(&self, key: &str) -> Result<Option<ResourceInfo>, StoreError>;

    /// Creates a resource with two new random keys. `Conflict` if the name is taken.
    async fn create_resource(&self, name: &str, region: &str) -> Result<NewKeys, StoreError>;

    /// All resources, by name.
    async fn list_resources(&self) -> Result<Vec<ResourceInfo>, StoreError>;

    /// Deletes a resource with its keys, blocklists and items; `false` if it did not exist.
    async fn delete_resource(&self, name: &str) -> Result<bool, StoreError>;

    /// Replaces one key of a resource with a new random key (the other key keeps working); `None` if the
    /// resource does not exist.
    async fn regenerate_key(&self, name: &str, slot: KeySlot) -> Result<Option<String>, StoreError>;

    /// Creates (`true`) or updates (`false`) a blocklist.
    async fn upsert_blocklist(
        &self,
        r: &ResourceId,
        name: &str,
        description: DescriptionPatch,
    ) -> Result<(Blocklist, bool), StoreError>;

    /// One blocklist.
    async fn get_blocklist(&self, r: &ResourceId, name: &str) -> Result<Option<Blocklist>, StoreError>;

    /// All blocklists of the resource, by name.
    async fn list_blocklists(&self, r: &ResourceId) -> Result<Vec<Blocklist>, StoreError>;

    /// Deletes a list and all its items; `false` if it did not exist.
    async fn delete_blocklist(&self, r: &ResourceId, name: &str) -> Result<bool, StoreError>;

    /// Adds or updates items (keyed on text); returns them as stored, in request order.
    /// `NotFound` if the list does not exist, `LimitExceeded` past the per-list item cap.
    async fn upsert_items(&self, r: &ResourceId, list: &str, items: Vec<NewItem>) -> Result<Vec<Item>, StoreError>;

    /// Removes items by id; unknown ids are ignored. `NotFound` if the list does not exist.
    async fn remove_items(&self, r: &ResourceId, list: &str, ids: &[String]) -> Result<(), StoreError>;

    /// A page of items in insertion order, plus the total count. `NotFound` if the list does not exist.
    async fn list_items(
        &self,
        r: &ResourceId,
        list: &str,
        skip: usize,
        limit: usize,
    ) -> Result<(Vec<Item>, usize), StoreError>;

    /// One item. `NotFound` if the list does not exist; `Ok(None)` if the item does not.
    async fn get_item(&self, r: &ResourceId, list: &str, id: &str) -> Result<Option<Item>, StoreError>;

    /// Version stamps of the named lists (same order; `None` for a list that does not exist).
    async fn list_versions(&self, r: &ResourceId, names: &[String]) -> Result<Vec<Option<ListVersion>>, StoreError>;

    /// Every item of a list (for compiling its matcher), with the version they belong to.
    async fn load_items(&self, r: &ResourceId, list: &str) -> Result<Option<(ListVersion, Vec<Item>)>, StoreError>;
}
