//! Behaviour every backend shares: each test is written once as `async fn(Engine)` and run per backend.

use crate::fixture::{item, Engine, Fixture};
use custos_store::crypto::Keyring;
use custos_store::{
    DescriptionPatch, Feedback, KeySlot, NewItem, ResourceId, StoreError, UsageCount, UsageIncrement,
    MAX_FEEDBACK_PER_RESOURCE,
};
use std::sync::Arc;

/// Instantiates each named test once per backend: `suite::sqlite::NAME` and `suite::postgres::NAME`.
macro_rules! per_engine {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test]
            async fn $name() {
                super::$name(crate::fixture::Engine::Sqlite).await
            })*
        }
        mod postgres {
            $(#[tokio::test]
            async fn $name() {
                super::$name(crate::fixture::Engine::Postgres).await
            })*
        }
    };
}

per_engine!(
    samples_need_consent_and_are_sealed_at_rest,
    revocation_deletes_samples_and_key_but_keeps_the_audit_log,
    reviewers_authenticate_with_their_own_keys_only,
    default_resource_is_created_once_and_both_keys_authenticate,
    blocklist_upsert_reports_creation_and_merges_description,
    items_are_keyed_on_text_ordered_by_insertion_and_paged,
    versions_change_with_items_and_lists_are_recreated_with_new_ids,
    missing_lists_are_not_found_and_the_item_cap_holds,
    other_resources_see_nothing,
    deleted_item_text_is_gone_from_storage,
    resources_are_created_listed_rotated_and_deleted_with_their_data,
    item_texts_and_descriptions_are_encrypted_at_rest,
    a_wrong_master_key_cannot_read_anything,
    master_key_rotation_rewraps_resource_keys_without_touching_data,
    keys_are_suspended_and_reinstated_per_slot_and_regeneration_clears_it,
    feedback_is_sealed_scoped_to_its_resource_and_deletable,
    feedback_is_capped_per_resource_and_goes_with_the_resource,
    usage_counters_are_upserted_per_slot_bucket_and_name,
);

async fn default_resource_is_created_once_and_both_keys_authenticate(engine: Engine) {
    let mut fx = Fixture::new(engine).await;
    let (r, key2) = (fx.resource.clone(), fx.key2.clone());
    let found = fx.store.authenticate("bootstrap-key-1").await.unwrap().unwrap();
    let info = &found.resource;
    assert_eq!((&info.id, info.name.as_str(), info.region.as_str()), (&r, "default", "local"));
    assert_eq!((found.slot, found.suspended), (KeySlot::One, false));
    let found = fx.store.authenticate(&key2).await.unwrap().unwrap();
    assert_eq!((found.resource.id, found.slot), (r.clone(), KeySlot::Two));
    assert_eq!(fx.store.authenticate("wrong").await.unwrap(), None);
    assert!(fx.store.ensure_default_resource(Some("other"), "local").await.unwrap().is_none());
    // Reopening keeps the resource and its keys; keys are not stored in clear.
    fx.reopen().await;
    assert_eq!(fx.store.authenticate("bootstrap-key-1").await.unwrap().map(|m| m.resource.id), Some(r));
    assert!(fx.store.ensure_default_resource(None, "local").await.unwrap().is_none());
    fx.assert_not_stored("bootstrap-key-1").await;
}

async fn blocklist_upsert_reports_creation_and_merges_description(engine: Engine) {
    let fx = Fixture::new(engine).await;
    let (store, r) = (&fx.store, &fx.resource);
    let (b, created) = store.upsert_blocklist(r, "L1", DescriptionPatch::Set("d".into())).await.unwrap();
    assert!(created);
    assert_eq!(b.description.as_deref(), Some("d"));
    let (b, created) = store.upsert_blocklist(r, "L1", DescriptionPatch::Keep).await.unwrap();
    assert!(!created);
    assert_eq!(b.description.as_deref(), Some("d"));
    let (b, created) = store.upsert_blocklist(r, "L1", DescriptionPatch::Clear).await.unwrap();
    assert!(!created);
    assert_eq!(b.description, None);
    let (b, _) = store.upsert_blocklist(r, "L1", DescriptionPatch::Set("e".into())).await.unwrap();
    assert_eq!(b.description.as_deref(), Some("e"));
    assert_eq!(store.get_blocklist(r, "L1").await.unwrap().unwrap().description.as_deref(), Some("e"));
    store.upsert_blocklist(r, "A0", DescriptionPatch::Keep).await.unwrap();
    // Byte order, as SQLite sorts: upper case before lower case.
    store.upsert_blocklist(r, "a1", DescriptionPatch::Keep).await.unwrap();
    let names: Vec<_> = store.list_blocklists(r).await.unwrap().into_iter().map(|b| b.name).collect();
    assert_eq!(names, ["A0", "L1", "a1"]);
    // names are case-sensitive keys
    assert!(store.get_blocklist(r, "l1").await.unwrap().is_none());
}

async fn items_are_keyed_on_text_ordered_by_insertion_and_paged(engine: Engine) {
    let fx = Fixture::new(engine).await;
    let (store, r) = (&fx.store, &fx.resource);
    store.upsert_blocklist(r, "L", DescriptionPatch::Keep).await.unwrap();
    let first = store.upsert_items(r, "L", vec![item("a"), item("b"), item("c")]).await.unwrap();
    let again = store
        .upsert_items(r, "L", vec![NewItem { text: "b".into(), description: Some("x".into()), is_regex: false }])
        .await
        .unwrap();
    assert_eq!(again[0].id, first[1].id, "re-adding a text keeps its id");
    let (page, total) = store.list_items(r, "L", 1, 1).await.unwrap();
    assert_eq!(total, 3);
    assert_eq!(page[0].id, first[1].id);
    assert_eq!(page[0].description.as_deref(), Some("x"));
    let (all, _) = store.list_items(r, "L", 0, 100).await.unwrap();
    assert_eq!(all.iter().map(|i| i.text.as_str()).collect::<Vec<_>>(), ["a", "b", "c"]);
    assert_eq!(store.get_item(r, "L", &first[2].id).await.unwrap().unwrap().text, "c");
    assert!(store.get_item(r, "L", "nope").await.unwrap().is_none());
    // A text repeated within one request is one item, updated by its later occurrence.
    let twice = store
        .upsert_items(r, "L", vec![item("d"), NewItem { text: "d".into(), description: None, is_regex: true }])
        .await
        .unwrap();
    assert_eq!(twice[0].id, twice[1].id);
    let (all, total) = store.list_items(r, "L", 0, usize::MAX).await.unwrap();
    assert_eq!(total, 4);
    assert!(all[3].is_regex);
    assert!(store.list_items(r, "L", 10, 10).await.unwrap().0.is_empty());
}

async fn versions_change_with_items_and_lists_are_recreated_with_new_ids(engine: Engine) {
    let fx = Fixture::new(engine).await;
    let (store, r) = (&fx.store, &fx.resource);
    store.upsert_blocklist(r, "L", DescriptionPatch::Keep).await.unwrap();
    let v0 = store.list_versions(r, &["L".into(), "missing".into()]).await.unwrap();
    assert!(v0[1].is_none());
    let added = store.upsert_items(r, "L", vec![item("a")]).await.unwrap();
    let v1 = store.list_versions(r, &["L".into()]).await.unwrap()[0].unwrap();
    assert_ne!(v0[0].unwrap(), v1);
    store.remove_items(r, "L", &[added[0].id.clone(), "unknown".into()]).await.unwrap();
    let (v2, items) = store.load_items(r, "L").await.unwrap().unwrap();
    assert_ne!(v1, v2);
    assert!(items.is_empty());
    // Removing nothing changes nothing.
    store.remove_items(r, "L", &["unknown".into()]).await.unwrap();
    assert_eq!(store.list_versions(r, &["L".into()]).await.unwrap()[0], Some(v2));
    assert!(store.delete_blocklist(r, "L").await.unwrap());
    assert!(!store.delete_blocklist(r, "L").await.unwrap());
    assert!(store.load_items(r, "L").await.unwrap().is_none());
    store.upsert_blocklist(r, "L", DescriptionPatch::Keep).await.unwrap();
    let v3 = store.list_versions(r, &["L".into()]).await.unwrap()[0].unwrap();
    assert_ne!(v3.id, v2.id);
    // Same name twice, same answer twice, in order.
    let vs = store.list_versions(r, &["L".into(), "x".into(), "L".into()]).await.unwrap();
    assert_eq!(vs, [Some(v3), None, Some(v3)]);
}

async fn missing_lists_are_not_found_and_the_item_cap_holds(engine: Engine) {
    let fx = Fixture::new(engine).await;
    let (store, r) = (&fx.store, &fx.resource);
    assert!(matches!(store.upsert_items(r, "nope", vec![item("a")]).await, Err(StoreError::NotFound(_))));
    assert!(matches!(store.remove_items(r, "nope", &[]).await, Err(StoreError::NotFound(_))));
    assert!(matches!(store.list_items(r, "nope", 0, 1).await, Err(StoreError::NotFound(_))));
    assert!(matches!(store.get_item(r, "nope", "id").await, Err(StoreError::NotFound(_))));
    store.upsert_blocklist(r, "big", DescriptionPatch::Keep).await.unwrap();
    for chunk in 0..100 {
        let batch = (0..100).map(|i| item(&format!("t{chunk}-{i}"))).collect();
        store.upsert_items(r, "big", batch).await.unwrap();
    }
    let before = store.list_versions(r, &["big".into()]).await.unwrap()[0];
    let err = store.upsert_items(r, "big", vec![item("t0-1"), item("one-more")]).await.unwrap_err();
    assert!(matches!(err, StoreError::LimitExceeded(_)));
    // The failed request wrote nothing; updating an existing text is still allowed at the cap.
    assert_eq!(store.list_items(r, "big", 0, 1).await.unwrap().1, 10_000);
    assert_eq!(store.list_versions(r, &["big".into()]).await.unwrap()[0], before);
    store.upsert_items(r, "big", vec![item("t0-0")]).await.unwrap();
}

async fn other_resources_see_nothing(engine: Engine) {
    let fx = Fixture::new(engine).await;
    let (store, r) = (&fx.store, &fx.resource);
    store.upsert_blocklist(r, "L", DescriptionPatch::Keep).await.unwrap();
    let added = store.upsert_items(r, "L", vec![item("a")]).await.unwrap();
    let other = ResourceId("someone-else".into());
    assert!(store.get_blocklist(&other, "L").await.unwrap().is_none());
    assert!(store.list_blocklists(&other).await.unwrap().is_empty());
    assert!(matches!(store.upsert_items(&other, "L", vec![item("a")]).await, Err(StoreError::NotFound(_))));
    assert!(matches!(store.get_item(&other, "L", &added[0].id).await, Err(StoreError::NotFound(_))));
    assert!(!store.delete_blocklist(&other, "L").await.unwrap());
    assert_eq!(store.list_versions(&other, &["L".into()]).await.unwrap(), [None]);
    assert!(store.load_items(&other, "L").await.unwrap().is_none());
}

async fn deleted_item_text_is_gone_from_storage(engine: Engine) {
    let fx = Fixture::new(engine).await;
    let (store, r) = (&fx.store, &fx.resource);
    let canary = "zq-canary-item-7731";
    store.upsert_blocklist(r, "L", DescriptionPatch::Keep).await.unwrap();
    store.upsert_items(r, "L", vec![item(canary)]).await.unwrap();
    assert!(store.delete_blocklist(r, "L").await.unwrap());
    fx.assert_not_stored(canary).await;
}

async fn resources_are_created_listed_rotated_and_deleted_with_their_data(engine: Engine) {
    let fx = Fixture::new(engine).await;
    let store = &fx.store;
    let keys = store.create_resource("acme", "eu-west").await.unwrap();
    assert!(matches!(store.create_resource("acme", "eu-west").await, Err(StoreError::Conflict(_))));
    assert!(matches!(store.create_resource("default", "local").await, Err(StoreError::Conflict(_))));
    store.create_resource("Zeta", "local").await.unwrap();
    let names: Vec<_> = store.list_resources().await.unwrap().into_iter().map(|r| (r.name, r.region)).collect();
    assert_eq!(
        names,
        [
            ("Zeta".to_string(), "local".to_string()),
            ("acme".into(), "eu-west".into()),
            ("default".into(), "local".into())
        ]
    );

    // Rotating key 1 leaves key 2 working.
    let new1 = store.regenerate_key("acme", KeySlot::One).await.unwrap().unwrap();
    assert_eq!(store.authenticate(&keys.key1).await.unwrap(), None);
    assert_eq!(store.authenticate(&new1).await.unwrap().unwrap().resource.name, "acme");
    assert_eq!(store.authenticate(&keys.key2).await.unwrap().unwrap().resource.name, "acme");
    assert_eq!(store.regenerate_key("nobody", KeySlot::Two).await.unwrap(), None);

    let canary = "zq-resource-canary-3391";
    store.upsert_blocklist(&keys.resource, "L", DescriptionPatch::Keep).await.unwrap();
    store.upsert_items(&keys.resource, "L", vec![item(canary)]).await.unwrap();
    assert!(store.delete_resource("acme").await.unwrap());
    assert!(!store.delete_resource("acme").await.unwrap());
    assert_eq!(store.authenticate(&keys.key2).await.unwrap(), None);
    assert!(store.get_blocklist(&keys.resource, "L").await.unwrap().is_none());
    fx.assert_not_stored(canary).await;
}

async fn item_texts_and_descriptions_are_encrypted_at_rest(engine: Engine) {
    let fx = Fixture::new(engine).await;
    let (store, r) = (&fx.store, &fx.resource);
    let (text, desc, list_desc) = ("zq-item-canary-5120", "zq-item-description-77", "zq-list-description-91");
    store.upsert_blocklist(r, "L", DescriptionPatch::Set(list_desc.into())).await.unwrap();
    store
        .upsert_items(r, "L", vec![NewItem { text: text.into(), description: Some(desc.into()), is_regex: false }])
        .await
        .unwrap();
    // Readable through the store, in memory...
    let (items, _) = store.list_items(r, "L", 0, 10).await.unwrap();
    assert_eq!((items[0].text.as_str(), items[0].description.as_deref()), (text, Some(desc)));
    assert_eq!(store.get_blocklist(r, "L").await.unwrap().unwrap().description.as_deref(), Some(list_desc));
    // ...but stored nowhere in clear.
    for needle in [text, desc, list_desc] {
        fx.assert_not_stored(needle).await;
    }
    // Re-adding the same text finds the item through the blind index.
    let again = store.upsert_items(r, "L", vec![item(text)]).await.unwrap();
    assert_eq!(again[0].id, items[0].id);
}

async fn a_wrong_master_key_cannot_read_anything(engine: Engine) {
    let mut fx = Fixture::new(engine).await;
    let r = fx.resource.clone();
    fx.store.upsert_blocklist(&r, "L", DescriptionPatch::Set("secret".into())).await.unwrap();
    fx.reopen_with(Arc::new(Keyring::from_base64("b3RoZXItbWFzdGVyLWtleS0zMi1ieXRlcy1sb25nISE=").unwrap())).await;
    assert!(matches!(fx.store.authenticate("bootstrap-key-1").await, Err(StoreError::Crypto(_))));
    assert!(matches!(fx.store.get_blocklist(&r, "L").await, Err(StoreError::Crypto(_))));
}

async fn master_key_rotation_rewraps_resource_keys_without_touching_data(engine: Engine) {
    let mut fx = Fixture::new(engine).await;
    let r = fx.resource.clone();
    fx.store.upsert_blocklist(&r, "L", DescriptionPatch::Keep).await.unwrap();
    fx.store.upsert_items(&r, "L", vec![item("kept-through-rotation")]).await.unwrap();
    let before = fx.store.backend().list_items(&r, "L", 0, 10).await.unwrap().unwrap().1;
    // A keyring file holding the tests' key, then a new primary key.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("master.key");
    std::fs::write(&path, "env dGVzdC1tYXN0ZXIta2V5LTMyLWJ5dGVzLWxvbmchISE=\n").unwrap();
    let ring = Arc::new(Keyring::open_or_create(&path).unwrap());
    ring.add_primary().unwrap();
    fx.reopen_with(ring.clone()).await;
    assert_eq!(fx.store.rewrap_resource_keys().await.unwrap(), 1);
    assert_eq!(fx.store.rewrap_resource_keys().await.unwrap(), 0, "idempotent");
    assert_eq!(ring.retire_old().unwrap(), 1);
    // The data ciphertext is unchanged, and readable with only the new master key.
    let after = fx.store.backend().list_items(&r, "L", 0, 10).await.unwrap().unwrap().1;
    assert_eq!(before, after);
    fx.reopen_with(Arc::new(Keyring::open_or_create(&path).unwrap())).await;
    assert_eq!(fx.store.list_items(&r, "L", 0, 10).await.unwrap().0[0].text, "kept-through-rotation");
}

async fn keys_are_suspended_and_reinstated_per_slot_and_regeneration_clears_it(engine: Engine) {
    let fx = Fixture::new(engine).await;
    let store = &fx.store;
    let keys = store.create_resource("acme", "local").await.unwrap();
    assert_eq!(
        store.key_states(&keys.resource).await.unwrap(),
        [(KeySlot::One, false), (KeySlot::Two, false)]
    );
    assert!(store.set_key_suspended("acme", KeySlot::One, true).await.unwrap());
    let one = store.authenticate(&keys.key1).await.unwrap().unwrap();
    assert_eq!((one.slot, one.suspended, one.resource.name.as_str()), (KeySlot::One, true, "acme"));
    let two = store.authenticate(&keys.key2).await.unwrap().unwrap();
    assert_eq!((two.slot, two.suspended), (KeySlot::Two, false));
    assert_eq!(store.key_states(&keys.resource).await.unwrap(), [(KeySlot::One, true), (KeySlot::Two, false)]);
    // Other resources are untouched.
    assert!(!store.authenticate("bootstrap-key-1").await.unwrap().unwrap().suspended);
    // Suspending twice is harmless; reinstating restores the key.
    assert!(store.set_key_suspended("acme", KeySlot::One, true).await.unwrap());
    assert!(store.set_key_suspended("acme", KeySlot::One, false).await.unwrap());
    assert!(!store.authenticate(&keys.key1).await.unwrap().unwrap().suspended);
    assert!(!store.set_key_suspended("nobody", KeySlot::One, true).await.unwrap());
    // A regenerated key is a new key: it starts active.
    assert!(store.set_key_suspended("acme", KeySlot::Two, true).await.unwrap());
    let new2 = store.regenerate_key("acme", KeySlot::Two).await.unwrap().unwrap();
    assert_eq!(store.authenticate(&keys.key2).await.unwrap(), None);
    assert!(!store.authenticate(&new2).await.unwrap().unwrap().suspended);
    assert!(store.key_states(&ResourceId("nobody".into())).await.unwrap().is_empty());
}

fn report(kind: &str, comment: Option<&str>, content: Option<&str>) -> Feedback {
    Feedback {
        id: String::new(),
        key_slot: KeySlot::Two,
        created_at: 0,
        kind: kind.into(),
        category: Some("Hate".into()),
        expected_severity: Some(4),
        comment: comment.map(Into::into),
        content: content.map(Into::into),
        request_id: Some("zq-request-id-2291".into()),
    }
}

async fn feedback_is_sealed_scoped_to_its_resource_and_deletable(engine: Engine) {
    let fx = Fixture::new(engine).await;
    let (store, r) = (&fx.store, &fx.resource);
    let (comment, content) = ("zq-feedback-comment-6610", "zq-feedback-content-4407");
    let a = store.add_feedback(r, report("falsePositive", Some(comment), Some(content))).await.unwrap();
    let b = store.add_feedback(r, report("abuse", None, None)).await.unwrap();
    assert_ne!(a.id, b.id);
    assert!(uuid_like(&a.id), "{}", a.id);
    assert!(a.created_at > 1_700_000_000);
    // Readable through the store...
    let got = store.get_feedback(r, &a.id).await.unwrap().unwrap();
    assert_eq!(got, a);
    assert_eq!((got.comment.as_deref(), got.content.as_deref()), (Some(comment), Some(content)));
    assert_eq!((got.category.as_deref(), got.expected_severity, got.key_slot), (Some("Hate"), Some(4), KeySlot::Two));
    let all = store.list_feedback(r).await.unwrap();
    assert_eq!(all.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(), [a.id.as_str(), b.id.as_str()]);
    assert_eq!((all[1].comment.as_ref(), all[1].content.as_ref()), (None, None));
    // ...stored nowhere in clear, and Debug prints no content.
    for needle in [comment, content, "zq-request-id-2291"] {
        fx.assert_not_stored(needle).await;
    }
    assert!(!format!("{got:?}").contains(content) && !format!("{got:?}").contains(comment));
    // Another resource sees and deletes nothing.
    let other = store.create_resource("other", "local").await.unwrap().resource;
    assert!(store.list_feedback(&other).await.unwrap().is_empty());
    assert!(store.get_feedback(&other, &a.id).await.unwrap().is_none());
    assert!(!store.delete_feedback(&other, &a.id).await.unwrap());
    assert!(matches!(
        store.add_feedback(&ResourceId("nobody".into()), report("other", None, None)).await,
        Err(StoreError::NotFound(_))
    ));
    // Deleting removes it (and, on SQLite, its ciphertext from the file).
    assert!(store.delete_feedback(r, &a.id).await.unwrap());
    assert!(!store.delete_feedback(r, &a.id).await.unwrap());
    assert!(store.get_feedback(r, &a.id).await.unwrap().is_none());
    assert_eq!(store.list_feedback(r).await.unwrap(), [b]);
}

fn uuid_like(s: &str) -> bool {
    s.len() == 36 && s.bytes().filter(|&b| b == b'-').count() == 4
}

async fn feedback_is_capped_per_resource_and_goes_with_the_resource(engine: Engine) {
    let fx = Fixture::new(engine).await;
    let store = &fx.store;
    let keys = store.create_resource("acme", "local").await.unwrap();
    let r = &keys.resource;
    // Fill the resource through the backend (the store path is tested above; this keeps the test fast).
    let backend = store.backend();
    for i in 0..MAX_FEEDBACK_PER_RESOURCE {
        let f = Feedback { id: format!("id-{i}"), request_id: None, ..report("other", None, None) };
        backend.insert_feedback(r, f).await.unwrap();
    }
    let err = store.add_feedback(r, report("abuse", None, None)).await.unwrap_err();
    assert!(matches!(err, StoreError::LimitExceeded(_)), "{err}");
    assert_eq!(store.list_feedback(r).await.unwrap().len(), MAX_FEEDBACK_PER_RESOURCE);
    // Other resources are not affected by this one's cap.
    store.add_feedback(&fx.resource, report("abuse", None, None)).await.unwrap();
    assert!(store.delete_feedback(r, "id-0").await.unwrap());
    store.add_feedback(r, report("abuse", None, None)).await.unwrap();
    // Deleting the resource deletes its reports.
    assert!(store.delete_resource("acme").await.unwrap());
    assert!(backend.list_feedback(r).await.unwrap().is_empty());
    assert_eq!(store.list_feedback(&fx.resource).await.unwrap().len(), 1);
}

async fn usage_counters_are_upserted_per_slot_bucket_and_name(engine: Engine) {
    let fx = Fixture::new(engine).await;
    let (store, r) = (&fx.store, &fx.resource);
    let other = store.create_resource("acme", "local").await.unwrap().resource;
    let inc = |r: &ResourceId, slot, bucket, counter: &str, count| UsageIncrement {
        resource: r.clone(),
        slot,
        bucket,
        counter: counter.into(),
        count,
    };
    let (h0, h1) = (1_800_000_000 / 3600 * 3600, 1_800_000_000 / 3600 * 3600 + 3600);
    store
        .add_usage(&[
            inc(r, KeySlot::One, h0, "requests", 3),
            inc(r, KeySlot::Two, h0, "requests", 1),
            inc(r, KeySlot::One, h0, "text/Hate/2", 2),
            inc(&other, KeySlot::One, h0, "requests", 7),
            // Increments of a resource that does not exist are dropped, not an error.
            inc(&ResourceId("gone".into()), KeySlot::One, h0, "requests", 1),
        ])
        .await
        .unwrap();
    store.add_usage(&[inc(r, KeySlot::One, h0, "requests", 2), inc(r, KeySlot::One, h1, "rateLimited", 1)]).await.unwrap();
    store.add_usage(&[]).await.unwrap();
    let row = |slot, bucket, counter: &str, count| UsageCount { slot, bucket, counter: counter.into(), count };
    assert_eq!(
        store.usage(r, 0).await.unwrap(),
        [
            row(KeySlot::One, h0, "requests", 5),
            row(KeySlot::One, h0, "text/Hate/2", 2),
            row(KeySlot::Two, h0, "requests", 1),
            row(KeySlot::One, h1, "rateLimited", 1),
        ]
    );
    assert_eq!(store.usage(r, h1).await.unwrap(), [row(KeySlot::One, h1, "rateLimited", 1)]);
    assert_eq!(store.usage(&other, 0).await.unwrap(), [row(KeySlot::One, h0, "requests", 7)]);
    assert!(store.usage(&ResourceId("gone".into()), 0).await.unwrap().is_empty());
    // Counters go with their resource.
    assert!(store.delete_resource("acme").await.unwrap());
    assert!(store.usage(&other, 0).await.unwrap().is_empty());
}

fn consent(rate: f64, scope: custos_store::SampleScope) -> custos_store::NewConsent {
    custos_store::NewConsent { granted_by: "Dana Owner".into(), scope, sample_rate: rate }
}

async fn resource_info(fx: &Fixture) -> custos_store::ResourceInfo {
    fx.store.list_resources().await.unwrap().into_iter().find(|r| r.id == fx.resource).unwrap()
}

async fn samples_need_consent_and_are_sealed_at_rest(engine: Engine) {
    use custos_store::{AuditAction, SampleKind, SampleScope};
    let fx = Fixture::new(engine).await;
    let (store, r) = (&fx.store, &fx.resource);
    let info = resource_info(&fx).await;
    // No consent: nothing can be stored, nothing is listed.
    assert!(store.active_consent(r).await.unwrap().is_none());
    assert!(store.sample_consent(r).await.unwrap().is_none());
    assert!(store.list_samples(&info, "rita").await.unwrap().is_empty());
    // Invalid rates are refused.
    assert!(store.grant_consent(&info, consent(0.0, SampleScope::Text)).await.is_err());
    assert!(store.grant_consent(&info, consent(1.5, SampleScope::Text)).await.is_err());
    let (granted, created) = store.grant_consent(&info, consent(0.5, SampleScope::Text)).await.unwrap();
    assert!(created);
    assert_eq!((granted.granted_by.as_str(), granted.scope, granted.sample_rate), ("Dana Owner", SampleScope::Text, 0.5));
    let (updated, created) = store.grant_consent(&info, consent(1.0, SampleScope::Both)).await.unwrap();
    assert!(!created);
    assert_eq!((updated.id.as_str(), updated.sample_rate, updated.scope), (granted.id.as_str(), 1.0, SampleScope::Both));
    let active = store.active_consent(r).await.unwrap().unwrap();
    let text = "zq-sample-text-7781 [EMAIL]";
    assert!(store.add_sample(r, &active, SampleKind::Text, Some(text), "Hate=2,SelfHarm=0".into()).await.unwrap());
    assert!(store.add_sample(r, &active, SampleKind::Image, Some("ignored-zq-img-1"), "Hate=0".into()).await.unwrap());
    let all = store.list_samples(&info, "rita").await.unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].text.as_deref(), Some(text));
    assert_eq!(all[0].kind, SampleKind::Text);
    assert_eq!(all[1].text, None, "image samples keep severities only");
    let id = all[0].id.clone();
    assert!(store.label_sample(&info, &id, "falsePositive", Some("zq-note-5521"), "rita").await.unwrap());
    let one = store.get_sample(&info, &id, "rita").await.unwrap().unwrap();
    assert_eq!((one.label.as_deref(), one.note.as_deref(), one.labelled_by.as_deref()), (Some("falsePositive"), Some("zq-note-5521"), Some("rita")));
    assert!(!format!("{one:?}").contains("zq-sample-text"));
    for needle in ["zq-sample-text-7781", "zq-note-5521", "ignored-zq-img-1"] {
        fx.assert_not_stored(needle).await;
    }
    // Another resource sees nothing.
    let other_keys = store.create_resource("other", "local").await.unwrap();
    let other = store.list_resources().await.unwrap().into_iter().find(|x| x.id == other_keys.resource).unwrap();
    assert!(store.list_samples(&other, "rita").await.unwrap().is_empty());
    assert!(store.get_sample(&other, &id, "rita").await.unwrap().is_none());
    // Every read and label is in the audit log, without content.
    let audit = store.audit_log(Some("default")).await.unwrap();
    let actions: Vec<_> = audit.iter().map(|e| (e.action, e.actor.as_str())).collect();
    assert_eq!(
        actions,
        [
            (AuditAction::List, "rita"),
            (AuditAction::Grant, "operator"),
            (AuditAction::Grant, "operator"),
            (AuditAction::List, "rita"),
            (AuditAction::Label, "rita"),
            (AuditAction::Read, "rita"),
        ]
    );
    assert_eq!(audit[5].sample_id.as_deref(), Some(id.as_str()));
    let exported = store.export_samples(&info).await.unwrap().unwrap();
    assert_eq!((exported.0.granted_by.as_str(), exported.1.len()), ("Dana Owner", 2));
    assert_eq!(store.audit_log(Some("default")).await.unwrap().last().unwrap().action, AuditAction::Export);
}

async fn revocation_deletes_samples_and_key_but_keeps_the_audit_log(engine: Engine) {
    use custos_store::{AuditAction, SampleKind, SampleScope};
    let fx = Fixture::new(engine).await;
    let (store, r) = (&fx.store, &fx.resource);
    let info = resource_info(&fx).await;
    store.grant_consent(&info, consent(1.0, SampleScope::Text)).await.unwrap();
    let active = store.active_consent(r).await.unwrap().unwrap();
    for i in 0..5 {
        let text = format!("zq-revoked-text-{i}");
        assert!(store.add_sample(r, &active, SampleKind::Text, Some(&text), "Hate=0".into()).await.unwrap());
    }
    // Image samples are refused under a text-only scope.
    assert!(!store.add_sample(r, &active, SampleKind::Image, None, "Hate=0".into()).await.unwrap());
    let id = store.list_samples(&info, "rita").await.unwrap()[0].id.clone();
    let started = std::time::Instant::now();
    assert!(store.revoke_consent(&info, "operator").await.unwrap());
    assert!(started.elapsed() < std::time::Duration::from_secs(1));
    assert!(!store.revoke_consent(&info, "operator").await.unwrap());
    // Samples and the consent key are gone; a late insert with the old consent stores nothing.
    assert!(store.backend().list_samples(r).await.unwrap().is_empty());
    assert!(store.backend().active_consent(r).await.unwrap().is_none());
    assert!(!store.add_sample(r, &active, SampleKind::Text, Some("zq-late-text"), "Hate=0".into()).await.unwrap());
    assert!(store.backend().get_sample(r, &id).await.unwrap().is_none());
    fx.assert_not_stored("zq-late-text").await;
    // The audit log remains, without content.
    let audit = store.audit_log(Some("default")).await.unwrap();
    assert_eq!(audit.iter().map(|e| e.action).collect::<Vec<_>>(), [AuditAction::Grant, AuditAction::List, AuditAction::Revoke]);
    // A new grant gets a new consent and key and starts empty.
    let (again, created) = store.grant_consent(&info, consent(0.25, SampleScope::Both)).await.unwrap();
    assert!(created);
    assert_ne!(again.id, active.consent.id);
    assert!(store.list_samples(&info, "rita").await.unwrap().is_empty());
    // Deleting the resource removes consents and samples but not the audit entries.
    assert!(store.delete_resource("default").await.unwrap());
    assert!(!store.audit_log(Some("default")).await.unwrap().is_empty());
}

async fn reviewers_authenticate_with_their_own_keys_only(engine: Engine) {
    let fx = Fixture::new(engine).await;
    let store = &fx.store;
    let (rita, key) = store.create_reviewer("rita").await.unwrap();
    assert_eq!(rita.name, "rita");
    assert!(matches!(store.create_reviewer("rita").await, Err(StoreError::Conflict(_))));
    assert_eq!(store.authenticate_reviewer(&key).await.unwrap().map(|r| r.name), Some("rita".into()));
    // API keys are not reviewer keys, and reviewer keys are not API keys.
    assert!(store.authenticate_reviewer("bootstrap-key-1").await.unwrap().is_none());
    assert!(store.authenticate_reviewer(&fx.key2).await.unwrap().is_none());
    assert!(store.authenticate(&key).await.unwrap().is_none());
    fx.assert_not_stored(&key).await;
    assert_eq!(store.list_reviewers().await.unwrap().len(), 1);
    assert!(store.delete_reviewer("rita").await.unwrap());
    assert!(!store.delete_reviewer("rita").await.unwrap());
    assert!(store.authenticate_reviewer(&key).await.unwrap().is_none());
}
