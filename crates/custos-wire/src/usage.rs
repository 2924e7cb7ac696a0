//! Abuse monitoring without content (admin API, a Custos extension): aggregate counters per key and hour, and
//! key suspension.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `POST /admin/resources/{name}:suspendKey` / `:reinstateKey` body.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyNameRequest {
    /// `key1` or `key2`.
    pub key_name: String,
}

/// The state of one key.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct KeyState {
    /// `key1` or `key2`.
    pub key_name: String,
    /// Whether its requests are refused (403 `KeySuspended`).
    pub suspended: bool,
}

/// The answer to `:suspendKey` and `:reinstateKey`: the states of both keys.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct KeyStates {
    /// The resource.
    pub name: String,
    /// Both keys.
    pub keys: Vec<KeyState>,
}

/// `GET /admin/resources/{name}/usage?hours=N`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct UsageReport {
    /// The resource.
    pub name: String,
    /// How many hours back the report reaches (the current hour included).
    pub hours: u32,
    /// Both keys and whether they are suspended.
    pub keys: Vec<KeyState>,
    /// Non-empty buckets, oldest first, key 1 before key 2.
    pub buckets: Vec<UsageBucket>,
}

/// The counters of one key in one hour.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct UsageBucket {
    /// Start of the hour, RFC 3339 UTC.
    pub start: String,
    /// `key1` or `key2`.
    pub key_name: String,
    /// Counter name → count. Names: `requests`, `rateLimited` (429 answers), `suspendedRejections`,
    /// `blocklistHits`, `text/<Category>/<severity>`, `image/<Category>/<severity>` (severities as reported).
    pub counts: BTreeMap<String, i64>,
}
