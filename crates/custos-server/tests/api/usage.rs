//! Abuse monitoring without content: counters per key and hour, key suspension.

use crate::admin::{admin, app, ADMIN};
use crate::feedback::on_disk;
use crate::*;
use axum::body::Body;
use axum::http::Method;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::sync::Arc;

async fn usage(app: &TestApp, name: &str) -> Value {
    let r = admin(app, Method::GET, &format!("/resources/{name}/usage?hours=2"), Some(ADMIN), None).await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.body
}

/// The counts of `key` summed over the report's buckets.
fn counts(report: &Value, key: &str) -> BTreeMap<String, i64> {
    let mut out = BTreeMap::new();
    for b in report["buckets"].as_array().unwrap().iter().filter(|b| b["keyName"] == key) {
        assert!(b["start"].as_str().unwrap().ends_with(":00:00Z"), "{b}");
        for (name, n) in b["counts"].as_object().unwrap() {
            *out.entry(name.clone()).or_insert(0) += n.as_i64().unwrap();
        }
    }
    out
}

async fn post(app: &TestApp, key: &str, path: &str, body: Value) -> Reply {
    app.request(Method::POST, url(path), Some(key), Some(Body::from(body.to_string())), Some("application/json")).await
}

#[tokio::test]
async fn requests_results_and_blocklist_hits_are_counted_per_key_without_content() {
    let app = app().await;
    let canary = "zq-usage-canary-7120";
    let mut expected: BTreeMap<String, i64> = BTreeMap::new();
    let mut add = |name: String, n: i64| *expected.entry(name).or_insert(0) += n;
    let r = app.call(Method::PATCH, url("/text/blocklists/L"), Some(json!({}))).await;
    assert_eq!(r.status, 201);
    let r = post(&app, KEY1, "/text/blocklists/L:addOrUpdateBlocklistItems", json!({"blocklistItems": [{"text": canary}]})).await;
    assert_eq!(r.status, 200);
    let hit = post(&app, KEY1, "/text:analyze", json!({"text": format!("say {canary} now"), "blocklistNames": ["L"]})).await;
    assert_eq!(hit.body["blocklistsMatch"].as_array().unwrap().len(), 1, "{}", hit.body);
    let plain = post(&app, KEY1, "/text:analyze", json!({"text": "I will hurt you", "outputType": "EightSeverityLevels"})).await;
    for reply in [&hit, &plain] {
        for (category, severity) in severities(&reply.body) {
            add(format!("text/{category}/{severity}"), 1);
        }
    }
    add("requests".into(), 4);
    add("blocklistHits".into(), 1);
    // A refused body is a request too, but has no result.
    post(&app, KEY1, "/text:analyze", json!({"text": 1})).await.assert_error(400, "InvalidRequestBody");
    add("requests".into(), 1);
    // Unknown keys are not counted anywhere.
    assert_eq!(post(&app, "not-a-key", "/text:analyze", json!({"text": "hi"})).await.status, 401);

    let image = post(&app, &app.key2, "/image:analyze", json!({"image": {"content": b64(&png(64, 64))}})).await;
    assert_eq!(image.status, 200, "{}", image.body);
    let not_analyzed: Vec<&str> = image.body["custos"]["notAnalyzed"]
        .as_array()
        .map(|a| a.iter().map(|c| c.as_str().unwrap()).collect())
        .unwrap_or_default();
    let mut expected2: BTreeMap<String, i64> = BTreeMap::from([("requests".to_string(), 1)]);
    for (category, severity) in severities(&image.body) {
        if !not_analyzed.contains(&category.as_str()) {
            *expected2.entry(format!("image/{category}/{severity}")).or_insert(0) += 1;
        }
    }

    let report = usage(&app, "default").await;
    assert_eq!(counts(&report, "key1"), expected);
    assert_eq!(counts(&report, "key2"), expected2);
    assert_eq!(report["hours"], 2);
    assert_eq!(report["keys"], json!([{"keyName": "key1", "suspended": false}, {"keyName": "key2", "suspended": false}]));
    // Reading again adds nothing (the flush moved the counts, it did not copy them).
    assert_eq!(counts(&usage(&app, "default").await, "key1"), expected);
    // Counts only: no content in the answer or the database.
    assert!(!report.to_string().contains(canary) && !report.to_string().contains("hurt"));
    assert!(!on_disk(&app, canary) && !on_disk(&app, "I will hurt you"));
    // Another resource has its own (empty) counters.
    admin(&app, Method::POST, "/resources", Some(ADMIN), Some(json!({"name": "acme"}))).await;
    assert_eq!(usage(&app, "acme").await["buckets"], json!([]));
    for bad in ["0", "745", "x", "-1"] {
        admin(&app, Method::GET, &format!("/resources/default/usage?hours={bad}"), Some(ADMIN), None)
            .await
            .assert_error(400, "InvalidRequestBody");
    }
    admin(&app, Method::GET, "/resources/nobody/usage", Some(ADMIN), None).await.assert_error(404, "ResourceNotFound");
    admin(&app, Method::GET, "/resources/default/usage", None, None).await.assert_error(401, "401");
}

#[tokio::test]
async fn a_suspended_key_is_refused_with_403_until_reinstated() {
    let app = app().await;
    let analyze = |key: String| {
        let app = &app;
        async move { post(app, &key, "/text:analyze", json!({"text": "hi"})).await }
    };
    assert_eq!(analyze(KEY1.into()).await.status, 200);
    let r = admin(&app, Method::POST, "/resources/default:suspendKey", Some(ADMIN), Some(json!({"keyName": "key1"}))).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body, json!({"name": "default", "keys": [{"keyName": "key1", "suspended": true}, {"keyName": "key2", "suspended": false}]}));
    // Every data-plane route refuses the key, with Azure's error shape; the other key keeps working.
    analyze(KEY1.into()).await.assert_error(403, "KeySuspended");
    app.call(Method::GET, url("/text/blocklists"), None).await.assert_error(403, "KeySuspended");
    app.call(Method::GET, url("/no/such/route"), None).await.assert_error(403, "KeySuspended");
    assert_eq!(analyze(app.key2.clone()).await.status, 200);
    let report = usage(&app, "default").await;
    assert_eq!(report["keys"][0], json!({"keyName": "key1", "suspended": true}));
    let key1 = counts(&report, "key1");
    assert_eq!((key1.get("suspendedRejections"), key1.get("requests")), (Some(&3), Some(&1)));

    let r = admin(&app, Method::POST, "/resources/default:reinstateKey", Some(ADMIN), Some(json!({"keyName": "key1"}))).await;
    assert_eq!(r.body["keys"][0], json!({"keyName": "key1", "suspended": false}));
    assert_eq!(analyze(KEY1.into()).await.status, 200);

    // A regenerated key starts active.
    admin(&app, Method::POST, "/resources/default:suspendKey", Some(ADMIN), Some(json!({"keyName": "key2"}))).await;
    analyze(app.key2.clone()).await.assert_error(403, "KeySuspended");
    let r = admin(&app, Method::POST, "/resources/default:regenerateKey", Some(ADMIN), Some(json!({"keyName": "key2"}))).await;
    assert_eq!(analyze(r.body["key2"].as_str().unwrap().to_owned()).await.status, 200);

    admin(&app, Method::POST, "/resources/default:suspendKey", Some(ADMIN), Some(json!({"keyName": "key3"})))
        .await
        .assert_error(400, "InvalidRequestBody");
    admin(&app, Method::POST, "/resources/nobody:suspendKey", Some(ADMIN), Some(json!({"keyName": "key1"})))
        .await
        .assert_error(404, "ResourceNotFound");
    admin(&app, Method::POST, "/resources/default:frobnicate", Some(ADMIN), Some(json!({"keyName": "key1"})))
        .await
        .assert_error(404, "NotFound");
    admin(&app, Method::POST, "/resources/default:suspendKey", Some(KEY1), Some(json!({"keyName": "key2"})))
        .await
        .assert_error(401, "401");
}

#[tokio::test]
async fn rate_limited_requests_are_counted() {
    let config = Config::load(None, vec![("CUSTOS_ADMIN_KEY".into(), ADMIN.into())]).unwrap();
    // No admission at all: every analysis is refused with 429, deterministically.
    let app = TestApp::with_state(config, |s| s.admission = Arc::new(tokio::sync::Semaphore::new(0))).await;
    for _ in 0..3 {
        let r = post(&app, &app.key2, "/text:analyze", json!({"text": "hi"})).await;
        r.assert_error(429, "TooManyRequests");
    }
    let key2 = counts(&usage(&app, "default").await, "key2");
    assert_eq!(key2, BTreeMap::from([("rateLimited".to_string(), 3), ("requests".to_string(), 3)]));
}
