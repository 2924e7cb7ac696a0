//! Behaviour of the SQLite store. (Run per backend once PostgreSQL exists.)

use custos_store::crypto::Keyring;
use custos_store::sqlite::SqliteStore;
use custos_store::{DescriptionPatch, KeySlot, NewItem, ResourceId, Store, StoreError};
use std::path::Path;
use std::sync::Arc;

fn open(dir: &Path) -> Store {
    let backend = SqliteStore::open(&dir.join("db").join("custos.db")).unwrap();
    Store::new(Arc::new(backend), Arc::new(Keyring::open_or_create(&dir.join("master.key")).unwrap()))
}

async fn fresh() -> (tempfile::TempDir, Store, ResourceId, String) {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let keys = store.ensure_default_resource(Some("bootstrap-key-1"), "local").await.unwrap().expect("created");
    let key2 = keys.key2.clone();
    (dir, store, keys.resource, key2)
}

fn item(text: &str) -> NewItem {
    NewItem { text: text.into(), description: None, is_regex: false }
}

#[tokio::test]
async fn default_resource_is_created_once_and_both_keys_authenticate() {
    let (dir, store, r, key2) = fresh().await;
    let info = store.authenticate("bootstrap-key-1").await.unwrap().unwrap();
    assert_eq!((&info.id, info.name.as_str(), info.region.as_str()), (&r, "default", "local"));
    assert_eq!(store.authenticate(&key2).await.unwrap().map(|i| i.id), Some(r.clone()));
    assert_eq!(store.authenticate("wrong").await.unwrap(), None);
    assert!(store.ensure_default_resource(Some("other"), "local").await.unwrap().is_none());
    drop(store);
    // Reopening keeps the resource and its keys; keys are not stored in clear.
    let store = open(dir.path());
    assert_eq!(store.authenticate("bootstrap-key-1").await.unwrap().map(|i| i.id), Some(r));
    let raw = std::fs::read(dir.path().join("db").join("custos.db")).unwrap();
    assert!(!raw.windows(15).any(|w| w == b"bootstrap-key-1"), "key stored in clear");
}

#[tokio::test]
async fn blocklist_upsert_reports_creation_and_merges_description() {
    let (_d, store, r, _) = fresh().await;
    let (b, created) = store.upsert_blocklist(&r, "L1", DescriptionPatch::Set("d".into())).await.unwrap();
    assert!(created);
    assert_eq!(b.description.as_deref(), Some("d"));
    let (b, created) = store.upsert_blocklist(&r, "L1", DescriptionPatch::Keep).await.unwrap();
    assert!(!created);
    assert_eq!(b.description.as_deref(), Some("d"));
    let (b, _) = store.upsert_blocklist(&r, "L1", DescriptionPatch::Clear).await.unwrap();
    assert_eq!(b.description, None);
    store.upsert_blocklist(&r, "A0", DescriptionPatch::Keep).await.unwrap();
    let names: Vec<_> = store.list_blocklists(&r).await.unwrap().into_iter().map(|b| b.name).collect();
    assert_eq!(names, ["A0", "L1"]);
    // names are case-sensitive keys
    assert!(store.get_blocklist(&r, "l1").await.unwrap().is_none());
}

#[tokio::test]
async fn items_are_keyed_on_text_ordered_by_insertion_and_paged() {
    let (_d, store, r, _) = fresh().await;
    store.upsert_blocklist(&r, "L", DescriptionPatch::Keep).await.unwrap();
    let first = store.upsert_items(&r, "L", vec![item("a"), item("b"), item("c")]).await.unwrap();
    let again = store
        .upsert_items(&r, "L", vec![NewItem { text: "b".into(), description: Some("x".into()), is_regex: false }])
        .await
        .unwrap();
    assert_eq!(again[0].id, first[1].id, "re-adding a text keeps its id");
    let (page, total) = store.list_items(&r, "L", 1, 1).await.unwrap();
    assert_eq!(total, 3);
    assert_eq!(page[0].id, first[1].id);
    assert_eq!(page[0].description.as_deref(), Some("x"));
    let (all, _) = store.list_items(&r, "L", 0, 100).await.unwrap();
    assert_eq!(all.iter().map(|i| i.text.as_str()).collect::<Vec<_>>(), ["a", "b", "c"]);
    assert_eq!(store.get_item(&r, "L", &first[2].id).await.unwrap().unwrap().text, "c");
    assert!(store.get_item(&r, "L", "nope").await.unwrap().is_none());
}

#[tokio::test]
async fn versions_change_with_items_and_lists_are_recreated_with_new_ids() {
    let (_d, store, r, _) = fresh().await;
    store.upsert_blocklist(&r, "L", DescriptionPatch::Keep).await.unwrap();
    let v0 = store.list_versions(&r, &["L".into(), "missing".into()]).await.unwrap();
    assert!(v0[1].is_none());
    let added = store.upsert_items(&r, "L", vec![item("a")]).await.unwrap();
    let v1 = store.list_versions(&r, &["L".into()]).await.unwrap()[0].unwrap();
    assert_ne!(v0[0].unwrap(), v1);
    store.remove_items(&r, "L", &[added[0].id.clone(), "unknown".into()]).await.unwrap();
    let (v2, items) = store.load_items(&r, "L").await.unwrap().unwrap();
    assert_ne!(v1, v2);
    assert!(items.is_empty());
    assert!(store.delete_blocklist(&r, "L").await.unwrap());
    assert!(!store.delete_blocklist(&r, "L").await.unwrap());
    store.upsert_blocklist(&r, "L", DescriptionPatch::Keep).await.unwrap();
    let v3 = store.list_versions(&r, &["L".into()]).await.unwrap()[0].unwrap();
    assert_ne!(v3.id, v2.id);
}

#[tokio::test]
async fn missing_lists_are_not_found_and_the_item_cap_holds() {
    let (_d, store, r, _) = fresh().await;
    assert!(matches!(store.upsert_items(&r, "nope", vec![item("a")]).await, Err(StoreError::NotFound(_))));
    assert!(matches!(store.remove_items(&r, "nope", &[]).await, Err(StoreError::NotFound(_))));
    assert!(matches!(store.list_items(&r, "nope", 0, 1).await, Err(StoreError::NotFound(_))));
    store.upsert_blocklist(&r, "big", DescriptionPatch::Keep).await.unwrap();
    for chunk in 0..100 {
        let batch = (0..100).map(|i| item(&format!("t{chunk}-{i}"))).collect();
        store.upsert_items(&r, "big", batch).await.unwrap();
    }
    let err = store.upsert_items(&r, "big", vec![item("one-more")]).await.unwrap_err();
    assert!(matches!(err, StoreError::LimitExceeded(_)));
    // The failed request wrote nothing; updating an existing text is still allowed at the cap.
    assert_eq!(store.list_items(&r, "big", 0, 1).await.unwrap().1, 10_000);
    store.upsert_items(&r, "big", vec![item("t0-0")]).await.unwrap();
}

#[tokio::test]
async fn other_resources_see_nothing() {
    let (_d, store, r, _) = fresh().await;
    store.upsert_blocklist(&r, "L", DescriptionPatch::Keep).await.unwrap();
    let other = ResourceId("someone-else".into());
    assert!(store.get_blocklist(&other, "L").await.unwrap().is_none());
    assert!(store.list_blocklists(&other).await.unwrap().is_empty());
    assert!(matches!(store.upsert_items(&other, "L", vec![item("a")]).await, Err(StoreError::NotFound(_))));
}

#[tokio::test]
async fn deleted_item_text_is_gone_from_the_files() {
    let (dir, store, r, _) = fresh().await;
    let canary = "zq-canary-item-7731";
    store.upsert_blocklist(&r, "L", DescriptionPatch::Keep).await.unwrap();
    store.upsert_items(&r, "L", vec![item(canary)]).await.unwrap();
    assert!(store.delete_blocklist(&r, "L").await.unwrap());
    for entry in std::fs::read_dir(dir.path().join("db")).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        assert!(!bytes.windows(canary.len()).any(|w| w == canary.as_bytes()), "item text left on disk");
    }
}

#[tokio::test]
async fn resources_are_created_listed_rotated_and_deleted_with_their_data() {
    let (dir, store, _default, _) = fresh().await;
    let keys = store.create_resource("acme", "eu-west").await.unwrap();
    assert!(matches!(store.create_resource("acme", "eu-west").await, Err(StoreError::Conflict(_))));
    let names: Vec<_> = store.list_resources().await.unwrap().into_iter().map(|r| (r.name, r.region)).collect();
    assert_eq!(names, [("acme".to_string(), "eu-west".to_string()), ("default".into(), "local".into())]);

    // Rotating key 1 leaves key 2 working.
    let new1 = store.regenerate_key("acme", KeySlot::One).await.unwrap().unwrap();
    assert_eq!(store.authenticate(&keys.key1).await.unwrap(), None);
    assert_eq!(store.authenticate(&new1).await.unwrap().unwrap().name, "acme");
    assert_eq!(store.authenticate(&keys.key2).await.unwrap().unwrap().name, "acme");
    assert_eq!(store.regenerate_key("nobody", KeySlot::Two).await.unwrap(), None);

    let canary = "zq-resource-canary-3391";
    store.upsert_blocklist(&keys.resource, "L", DescriptionPatch::Keep).await.unwrap();
    store.upsert_items(&keys.resource, "L", vec![item(canary)]).await.unwrap();
    assert!(store.delete_resource("acme").await.unwrap());
    assert!(!store.delete_resource("acme").await.unwrap());
    assert_eq!(store.authenticate(&keys.key2).await.unwrap(), None);
    assert!(store.get_blocklist(&keys.resource, "L").await.unwrap().is_none());
    for entry in std::fs::read_dir(dir.path().join("db")).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        assert!(!bytes.windows(canary.len()).any(|w| w == canary.as_bytes()), "item text left on disk");
    }
}

fn files_contain(dir: &Path, needle: &str) -> bool {
    std::fs::read_dir(dir.join("db")).unwrap().any(|e| {
        let bytes = std::fs::read(e.unwrap().path()).unwrap();
        bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
    })
}

#[tokio::test]
async fn item_texts_and_descriptions_are_encrypted_at_rest() {
    let (dir, store, r, _) = fresh().await;
    let (text, desc, list_desc) = ("zq-item-canary-5120", "zq-item-description-77", "zq-list-description-91");
    store.upsert_blocklist(&r, "L", DescriptionPatch::Set(list_desc.into())).await.unwrap();
    store
        .upsert_items(&r, "L", vec![NewItem { text: text.into(), description: Some(desc.into()), is_regex: false }])
        .await
        .unwrap();
    // Readable through the store, in memory...
    let (items, _) = store.list_items(&r, "L", 0, 10).await.unwrap();
    assert_eq!((items[0].text.as_str(), items[0].description.as_deref()), (text, Some(desc)));
    assert_eq!(store.get_blocklist(&r, "L").await.unwrap().unwrap().description.as_deref(), Some(list_desc));
    // ...but nowhere in the database files (main file and WAL), not even as its own blind index input.
    for needle in [text, desc, list_desc] {
        assert!(!files_contain(dir.path(), needle), "{needle} stored in clear");
    }
    // Re-adding the same text finds the item through the blind index.
    let again = store.upsert_items(&r, "L", vec![item(text)]).await.unwrap();
    assert_eq!(again[0].id, items[0].id);
}

#[tokio::test]
async fn a_wrong_master_key_cannot_read_anything() {
    let (dir, store, r, _) = fresh().await;
    store.upsert_blocklist(&r, "L", DescriptionPatch::Set("secret".into())).await.unwrap();
    drop(store);
    std::fs::remove_file(dir.path().join("master.key")).unwrap();
    let store = open(dir.path()); // a new random master key
    assert!(matches!(store.authenticate("bootstrap-key-1").await, Err(StoreError::Crypto(_))));
    assert!(matches!(store.get_blocklist(&r, "L").await, Err(StoreError::Crypto(_))));
}

#[tokio::test]
async fn master_key_rotation_rewraps_resource_keys_without_touching_data() {
    let (dir, store, r, _) = fresh().await;
    store.upsert_blocklist(&r, "L", DescriptionPatch::Keep).await.unwrap();
    store.upsert_items(&r, "L", vec![item("kept-through-rotation")]).await.unwrap();
    let before = store.backend().list_items(&r, "L", 0, 10).await.unwrap().unwrap().1;
    drop(store);
    let ring = Arc::new(Keyring::open_or_create(&dir.path().join("master.key")).unwrap());
    ring.add_primary().unwrap();
    let backend = Arc::new(SqliteStore::open(&dir.path().join("db").join("custos.db")).unwrap());
    let store = Store::new(backend, ring.clone());
    assert_eq!(store.rewrap_resource_keys().await.unwrap(), 1);
    assert_eq!(store.rewrap_resource_keys().await.unwrap(), 0, "idempotent");
    assert_eq!(ring.retire_old().unwrap(), 1);
    // Data ciphertext is unchanged; it is still readable with only the new master key.
    let after = store.backend().list_items(&r, "L", 0, 10).await.unwrap().unwrap().1;
    assert_eq!(before, after);
    let store = open(dir.path());
    assert_eq!(store.list_items(&r, "L", 0, 10).await.unwrap().0[0].text, "kept-through-rotation");
}
