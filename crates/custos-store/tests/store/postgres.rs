//! What only the PostgreSQL backend has: writers on several connections, start-up retries, schemas, replicas.

use crate::fixture::{item, with_database, TestDb};
use custos_store::postgres::{ConnectOptions, PostgresStore};
use custos_store::{DescriptionPatch, StoreError};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_writers_never_push_a_list_past_the_item_cap() {
    let db = TestDb::create().await;
    let store = Arc::new(db.store().await);
    let r = store.ensure_default_resource(None, "local").await.unwrap().unwrap().resource;
    store.upsert_blocklist(&r, "L", DescriptionPatch::Keep).await.unwrap();
    for chunk in 0..98 {
        let batch = (0..100).map(|i| item(&format!("pre-{chunk}-{i}"))).collect();
        store.upsert_items(&r, "L", batch).await.unwrap();
    }
    // Four writers, 100 distinct one-item requests each, all at once: 200 places are left.
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let (store, r) = (store.clone(), r.clone());
            tokio::spawn(async move {
                let (mut ok, mut full) = (0, 0);
                for i in 0..100 {
                    match store.upsert_items(&r, "L", vec![item(&format!("w{w}-{i}"))]).await {
                        Ok(_) => ok += 1,
                        Err(StoreError::LimitExceeded(_)) => full += 1,
                        Err(e) => panic!("writer {w}: {e}"),
                    }
                }
                (ok, full)
            })
        })
        .collect();
    let (mut ok, mut full) = (0, 0);
    for w in writers {
        let (o, f) = w.await.unwrap();
        ok += o;
        full += f;
    }
    assert_eq!((ok, full), (200, 200));
    let (version, items) = store.load_items(&r, "L").await.unwrap().unwrap();
    assert_eq!(items.len(), 10_000);
    assert_eq!(store.list_items(&r, "L", 0, 1).await.unwrap().1, 10_000);
    let texts: std::collections::HashSet<_> = items.iter().map(|i| i.text.as_str()).collect();
    let ids: std::collections::HashSet<_> = items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!((texts.len(), ids.len()), (10_000, 10_000));
    // Every successful request bumped the version once (98 pre-fill batches + 200).
    assert_eq!(version.version, 98 + 200);
}

#[tokio::test]
async fn connect_gives_up_after_its_retry_budget_naming_host_and_port_but_not_the_password() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let options = ConnectOptions { retry_budget: Duration::from_millis(1600), ..ConnectOptions::default() };
    let started = Instant::now();
    let err = PostgresStore::connect_with(&format!("postgres://custos:sekret-pw@127.0.0.1:{port}/custos"), &options)
        .await
        .unwrap_err();
    let elapsed = started.elapsed();
    let msg = err.to_string();
    assert!(matches!(err, StoreError::Backend(_)), "{msg}");
    assert!(msg.contains(&format!("127.0.0.1:{port}")), "{msg}");
    assert!(msg.contains("3 attempts"), "backoff 0.5 s, 1 s, then the budget is spent: {msg}");
    assert!(!msg.contains("sekret"), "{msg}");
    assert!(elapsed >= Duration::from_millis(1400) && elapsed < Duration::from_secs(10), "{elapsed:?}");
}

#[tokio::test]
async fn server_errors_fail_at_once_without_retrying() {
    let url = with_database(&crate::fixture::base_url(), "custos_no_such_database");
    let started = Instant::now();
    let err = PostgresStore::connect(&url).await.unwrap_err().to_string();
    assert!(err.contains("custos_no_such_database") && err.contains("1 attempts"), "{err}");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn schemas_in_one_database_do_not_see_each_other() {
    let db = TestDb::create().await;
    let sep = if db.url.contains('?') { '&' } else { '?' };
    let a = db.store_at(&format!("{}{sep}schema=tenant_a", db.url)).await;
    let b = db.store_at(&format!("{}{sep}schema=tenant_b", db.url)).await;
    let ka = a.ensure_default_resource(Some("key-for-a"), "local").await.unwrap().expect("a's own default");
    let kb = b.ensure_default_resource(Some("key-for-b"), "local").await.unwrap().expect("b's own default");
    a.upsert_blocklist(&ka.resource, "only-a", DescriptionPatch::Keep).await.unwrap();
    assert!(b.list_blocklists(&ka.resource).await.unwrap().is_empty());
    assert!(b.list_blocklists(&kb.resource).await.unwrap().is_empty());
    assert_eq!(b.authenticate("key-for-a").await.unwrap(), None);
    assert_eq!(a.authenticate("key-for-a").await.unwrap().unwrap().resource.id, ka.resource);
    // Nothing went to the default schema.
    let client = db.connect().await;
    let mut tables = Vec::new();
    for schema in ["tenant_a", "tenant_b", "public"] {
        let sql = "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = $1";
        tables.push(client.query_one(sql, &[&schema]).await.unwrap().get::<_, i64>(0));
    }
    // 0001: 4 tables, 0002: 2 more, 0003: 5 more, plus schema_migrations.
    assert_eq!(tables, [12, 12, 0]);
    // Reconnecting to a schema that exists finds its data.
    let a2 = db.store_at(&format!("{}{sep}schema=tenant_a", db.url)).await;
    assert!(a2.get_blocklist(&ka.resource, "only-a").await.unwrap().is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn replicas_starting_together_migrate_once_and_create_one_default_resource() {
    let db = TestDb::create().await;
    let (a, b) = tokio::join!(db.store(), db.store());
    let (ra, rb) =
        tokio::join!(a.ensure_default_resource(Some("k1"), "local"), b.ensure_default_resource(Some("k1"), "local"));
    let created = [ra.unwrap(), rb.unwrap()].into_iter().flatten().count();
    assert_eq!(created, 1);
    let client = db.connect().await;
    let n: i64 = client.query_one("SELECT COUNT(*) FROM schema_migrations", &[]).await.unwrap().get(0);
    // One row per migration file, applied once although two replicas started together.
    assert_eq!(n, 3);
    assert_eq!(a.list_resources().await.unwrap().len(), 1);
    // Both see the same data at once.
    let r = b.authenticate("k1").await.unwrap().unwrap().resource.id;
    a.upsert_blocklist(&r, "L", DescriptionPatch::Keep).await.unwrap();
    a.upsert_items(&r, "L", vec![item("x")]).await.unwrap();
    assert_eq!(b.load_items(&r, "L").await.unwrap().unwrap().1.len(), 1);
}

#[tokio::test]
async fn the_pool_recovers_when_its_connections_are_killed() {
    let db = TestDb::create().await;
    let store = db.store().await;
    let r = store.ensure_default_resource(None, "local").await.unwrap().unwrap().resource;
    store.upsert_blocklist(&r, "L", DescriptionPatch::Keep).await.unwrap();
    let admin = db.connect_admin().await;
    let killed: i64 = admin
        .query_one(
            "SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = $1 AND pid <> pg_backend_pid()) t",
            &[&db.name],
        )
        .await
        .unwrap()
        .get(0);
    assert!(killed >= 1);
    // Calls fail with Backend (503 at the edge) until the pool has replaced its connections, then succeed.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match store.get_blocklist(&r, "L").await {
            Ok(found) => {
                assert!(found.is_some());
                break;
            }
            Err(StoreError::Backend(_)) if Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(100)).await
            }
            Err(e) => panic!("did not recover: {e}"),
        }
    }
}
