//! Text blocklists and their items.

use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// Blocklist names: 1–64 characters of `[0-9A-Za-z._~-]`.
pub fn is_valid_blocklist_name(name: &str) -> bool {
    (1..=MAX_NAME_LEN).contains(&name.len())
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'~' | b'-'))
}

/// Longest blocklist name.
pub const MAX_NAME_LEN: usize = 64;
/// Longest description of a list or an item, in code points.
pub const MAX_DESCRIPTION_CHARS: usize = 1024;
/// Longest item text, in code points.
pub const MAX_ITEM_TEXT_CHARS: usize = 128;
/// Most items in one add or remove request.
pub const MAX_ITEMS_PER_REQUEST: usize = 100;
/// Most items per blocklist.
pub const MAX_ITEMS_PER_LIST: usize = 10_000;

/// A blocklist as returned by get, list and create-or-update.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TextBlocklist {
    /// The name.
    pub blocklist_name: String,
    /// The description, if any.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub description: Option<String>,
}

/// PATCH body (JSON merge-patch): absent fields stay, `"description": null` removes the description.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct TextBlocklistPatch {
    /// Must equal the path name when present.
    #[serde(default)]
    pub blocklist_name: Option<String>,
    /// `None`: unchanged; `Some(None)`: removed; `Some(Some(d))`: set.
    #[serde(default, deserialize_with = "present")]
    pub description: Option<Option<String>>,
}

fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

/// An item as stored and returned.
#[derive(Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TextBlocklistItem {
    /// Server-generated UUID.
    pub blocklist_item_id: String,
    /// The description, if any.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub description: Option<String>,
    /// The term or pattern.
    pub text: String,
    /// Whether `text` is a regular expression (emitted for api-version 2024-09-01 only).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub is_regex: Option<bool>,
}

impl fmt::Debug for TextBlocklistItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TextBlocklistItem")
            .field("blocklist_item_id", &self.blocklist_item_id)
            .field("text_chars", &self.text.chars().count())
            .field("is_regex", &self.is_regex)
            .finish()
    }
}

/// An item in an add-or-update request. A client-sent `blocklistItemId` is read-only and ignored.
#[derive(Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TextBlocklistItemInput {
    /// The description, if any.
    #[serde(default)]
    pub description: Option<String>,
    /// The term or pattern.
    pub text: String,
    /// Whether `text` is a regular expression.
    #[serde(default)]
    pub is_regex: Option<bool>,
}

impl fmt::Debug for TextBlocklistItemInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TextBlocklistItemInput")
            .field("text_chars", &self.text.chars().count())
            .field("is_regex", &self.is_regex)
            .finish()
    }
}

/// Body of `:addOrUpdateBlocklistItems`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AddOrUpdateTextBlocklistItemsOptions {
    /// 1–100 items.
    pub blocklist_items: Vec<TextBlocklistItemInput>,
}

/// Result of `:addOrUpdateBlocklistItems`: the stored items with their ids.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct AddOrUpdateTextBlocklistItemsResult {
    /// The items as stored.
    pub blocklist_items: Vec<TextBlocklistItem>,
}

/// Body of `:removeBlocklistItems`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RemoveTextBlocklistItemsOptions {
    /// 1–100 item ids.
    pub blocklist_item_ids: Vec<String>,
}

/// A page of a list operation.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Paged<T> {
    /// The items of this page.
    pub value: Vec<T>,
    /// Absolute URL of the next page; omitted on the last page.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub next_link: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_spec_pattern() {
        for ok in ["a", "TestBlocklist", "x.y_z~-0", &"a".repeat(64)] {
            assert!(is_valid_blocklist_name(ok), "{ok}");
        }
        for bad in ["", "a b", "a/b", "ä", &"a".repeat(65), "a:b"] {
            assert!(!is_valid_blocklist_name(bad), "{bad}");
        }
    }

    #[test]
    fn merge_patch_distinguishes_null_from_absent() {
        let p: TextBlocklistPatch = serde_json::from_str(r#"{"description":null}"#).unwrap();
        assert_eq!(p.description, Some(None));
        let p: TextBlocklistPatch = serde_json::from_str(r#"{}"#).unwrap();
        assert_eq!(p.description, None);
        let p: TextBlocklistPatch = serde_json::from_str(r#"{"blocklistName":"L","description":"d"}"#).unwrap();
        assert_eq!(p.description, Some(Some("d".into())));
    }

    #[test]
    fn item_input_ignores_client_ids() {
        let o: AddOrUpdateTextBlocklistItemsOptions = serde_json::from_str(
            r#"{"blocklistItems":[{"blocklistItemId":null,"description":"Hate word","text":"hate"}]}"#,
        )
        .unwrap();
        assert_eq!(o.blocklist_items[0].text, "hate");
        assert!(!format!("{o:?}").contains("hate"), "Debug must not print item text");
    }
}
