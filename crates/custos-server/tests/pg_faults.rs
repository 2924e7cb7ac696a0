//! Faults with a real PostgreSQL database: when the database drops every connection mid-run, requests are
//! answered with 503 `ServerBusy` in the Azure shape (with Retry-After) or succeed, and the service recovers by
//! itself without a restart.

use axum::body::Body;
use axum::http::Request;
use custos_server::config::Config;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio_postgres::NoTls;
use tower::ServiceExt;

fn base_url() -> String {
    std::env::var("CUSTOS_TEST_PG_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into())
}

async fn admin() -> tokio_postgres::Client {
    let (client, conn) = tokio_postgres::connect(&base_url(), NoTls)
        .await
        .expect("PostgreSQL must be reachable through CUSTOS_TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/test)");
    tokio::spawn(conn);
    client
}

struct Db(String);

impl Drop for Db {
    fn drop(&mut self) {
        let name = self.0.clone();
        let _ = std::thread::spawn(move || {
            tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
                let _ = admin().await.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await;
            })
        })
        .join();
    }
}

async fn post(router: &axum::Router, body: &str) -> (u16, serde_json::Value, bool) {
    let req = Request::post("/contentsafety/text:analyze?api-version=2023-10-01")
        .header("Ocp-Apim-Subscription-Key", "pg-fault-key")
        .header("content-type", "application/json")
        .body(Body::from(body.to_owned()))
        .unwrap();
    let resp = router.clone().oneshot(req).await.unwrap();
    let status = resp.status().as_u16();
    let retry_after = resp.headers().contains_key("retry-after");
    let bytes = http_body_util::BodyExt::collect(resp.into_body()).await.unwrap().to_bytes();
    (status, serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null), retry_after)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropped_database_connections_get_azure_503s_and_the_service_recovers() {
    let name = format!("custos_srv_{:016x}", rand::random::<u64>());
    admin().await.batch_execute(&format!("CREATE DATABASE {name}")).await.unwrap();
    let _db = Db(name.clone());
    let url = base_url().rsplit_once('/').map(|(b, _)| format!("{b}/{name}")).unwrap();
    let config = Config::load(
        None,
        vec![
            ("CUSTOS_DATABASE_URL".into(), url),
            ("CUSTOS_MASTER_KEY".into(), "cGctZmF1bHQtdGVzdC1tYXN0ZXIta2V5LTMyYnl0ZXM=".into()),
            ("CUSTOS_MODEL_DIR".into(), concat!(env!("CARGO_MANIFEST_DIR"), "/../../models").into()),
        ],
    )
    .unwrap();
    let store = custos_server::open_store(&config).await.unwrap();
    let keys = store.ensure_default_resource(Some("pg-fault-key"), "local").await.unwrap().unwrap();
    store.upsert_blocklist(&keys.resource, "L", custos_store::DescriptionPatch::Keep).await.unwrap();
    let models = Arc::new(custos_server::load_models(&config.models.dir, 1).unwrap());
    let router = custos_server::app::app(custos_server::build_state(&config, store, models), 1 << 20, Duration::from_secs(30));
    let body = r#"{"text":"hello","blocklistNames":["L"]}"#;
    assert_eq!(post(&router, body).await.0, 200);

    // The database drops every connection of ours.
    let killed: i64 = admin()
        .await
        .query_one(
            "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
            &[&name],
        )
        .await
        .unwrap()
        .get(0);
    assert!(killed > 0, "the pool had connections to kill");

    let deadline = Instant::now() + Duration::from_secs(10);
    let mut ok_in_a_row = 0;
    while ok_in_a_row < 3 {
        assert!(Instant::now() < deadline, "did not recover within 10 s");
        let (status, body, retry_after) = post(&router, body).await;
        match status {
            200 => ok_in_a_row += 1,
            503 => {
                assert_eq!(body["error"]["code"], "ServerBusy", "{body}");
                assert!(retry_after, "503 carries Retry-After");
                ok_in_a_row = 0;
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            other => panic!("unexpected status {other}: {body}"),
        }
    }
}
