//! The Sample Content program: opt-in consent, masked and sealed samples, the reviewer role, the audit log,
//! revocation (deletion within a second) and the operator's export.

use crate::admin::{admin, app, ADMIN};
use crate::feedback::on_disk;
use crate::*;
use axum::body::Body;
use axum::http::Method;
use custos_store::ResourceId;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

const EMAIL: &str = "zq.person.4471@example.com";
const CARD: &str = "4111 1111 1111 1111";
const PHONE: &str = "+44 20 7946 0958";
const MARK: &str = "zq-sample-canary-7319";

fn canary_text() -> String {
    format!("{MARK} write to {EMAIL} or call {PHONE}, card {CARD}, from 192.168.77.41 https://x.io/r?token=zqTok9911")
}

/// A call with `Authorization: Bearer <key>` on any path.
async fn bearer(app: &TestApp, method: Method, path: &str, key: &str, body: Option<Value>) -> Reply {
    let req = axum::http::Request::builder()
        .method(method)
        .uri(path)
        .header("host", "t")
        .header("authorization", format!("Bearer {key}"))
        .header("content-type", "application/json");
    let body = body.map(|b| Body::from(b.to_string())).unwrap_or_else(Body::empty);
    let resp = tower::ServiceExt::oneshot(app.router.clone(), req.body(body).unwrap()).await.unwrap();
    let status = resp.status();
    let headers = resp.headers().clone();
    let raw = http_body_util::BodyExt::collect(resp.into_body()).await.unwrap().to_bytes().to_vec();
    let body = serde_json::from_slice(&raw).unwrap_or(Value::Null);
    Reply { status, headers, body, raw }
}

async fn default_id(app: &TestApp) -> ResourceId {
    app.store.list_resources().await.unwrap().into_iter().find(|r| r.name == "default").unwrap().id
}

/// Samples stored for the default resource, straight from the backend (no audit entry).
async fn stored(app: &TestApp) -> usize {
    app.store.backend().list_samples(&default_id(app).await).await.unwrap().len()
}

/// Waits (up to 10 s) until `n` samples are stored; they are written off the response path.
async fn wait_for(app: &TestApp, n: usize) {
    let start = Instant::now();
    while stored(app).await < n {
        assert!(start.elapsed() < Duration::from_secs(10), "only {} of {n} samples stored", stored(app).await);
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn analyze(app: &TestApp, text: &str) {
    let r = app.call(Method::POST, url("/text:analyze"), Some(json!({"text": text}))).await;
    assert_eq!(r.status, 200, "{}", r.body);
}

async fn grant(app: &TestApp, rate: f64, scope: &str) -> Reply {
    admin(app, Method::PUT, "/resources/default/sampleConsent", Some(ADMIN), Some(json!({"grantedBy": "Dana Owner", "scope": scope, "sampleRate": rate}))).await
}

async fn reviewer(app: &TestApp, name: &str) -> String {
    let r = admin(app, Method::POST, "/reviewers", Some(ADMIN), Some(json!({"name": name}))).await;
    assert_eq!(r.status, 201, "{}", r.body);
    r.body["key"].as_str().unwrap().to_owned()
}

async fn audit(app: &TestApp) -> Vec<(String, String, Option<String>)> {
    let r = admin(app, Method::GET, "/audit?resource=default", Some(ADMIN), None).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(!r.raw.windows(MARK.len()).any(|w| w == MARK.as_bytes()), "the audit log holds no content");
    r.body["value"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (e["actor"].as_str().unwrap().to_owned(), e["action"].as_str().unwrap().to_owned(), e["sampleId"].as_str().map(str::to_owned))
        })
        .collect()
}

#[tokio::test]
async fn no_sample_is_kept_without_consent() {
    let app = app().await;
    for _ in 0..50 {
        analyze(&app, &canary_text()).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(stored(&app).await, 0);
    admin(&app, Method::GET, "/resources/default/sampleConsent", Some(ADMIN), None).await.assert_error(404, "ResourceNotFound");
    assert!(!on_disk(&app, MARK) && !on_disk(&app, EMAIL));
    let key = reviewer(&app, "rita").await;
    let list = bearer(&app, Method::GET, "/review/resources/default/samples", &key, None).await;
    assert_eq!((list.status.as_u16(), list.body["value"].as_array().map(Vec::len)), (200, Some(0)));
}

#[tokio::test]
async fn consented_samples_are_masked_sealed_reviewed_audited_and_exported() {
    let app = app().await;
    let bad = grant(&app, 0.0, "text").await;
    bad.assert_error(400, "InvalidRequestBody");
    let g = grant(&app, 1.0, "both").await;
    assert_eq!(g.status, 201, "{}", g.body);
    assert_eq!((g.body["grantedBy"].as_str(), g.body["scope"].as_str(), g.body["sampleRate"].as_f64()), (Some("Dana Owner"), Some("both"), Some(1.0)));
    let again = grant(&app, 1.0, "both").await;
    assert_eq!(again.status, 200, "{}", again.body);
    for _ in 0..3 {
        analyze(&app, &canary_text()).await;
    }
    // An image sample keeps severities only.
    let img = app.call(Method::POST, url("/image:analyze"), Some(json!({"image": {"content": b64(&png(64, 64))}}))).await;
    assert_eq!(img.status, 200, "{}", img.body);
    wait_for(&app, 4).await;

    // Stored sealed: neither the raw PII nor the kept (non-PII) words are on disk in clear.
    for needle in [MARK, EMAIL, "4111 1111", "7946 0958", "192.168.77.41", "zqTok9911"] {
        assert!(!on_disk(&app, needle), "'{needle}' on disk");
    }

    let key = reviewer(&app, "rita").await;
    let list = bearer(&app, Method::GET, "/review/resources/default/samples", &key, None).await;
    assert_eq!(list.status, 200, "{}", list.body);
    let samples = list.body["value"].as_array().unwrap();
    assert_eq!(samples.len(), 4);
    let texts: Vec<&Value> = samples.iter().filter(|s| s["kind"] == "text").collect();
    assert_eq!(texts.len(), 3);
    let text = texts[0]["text"].as_str().unwrap();
    assert_eq!(text, format!("{MARK} write to [EMAIL] or call [PHONE], card [CARD], from [IP] [URL]"));
    assert_eq!(texts[0]["categoriesAnalysis"].as_array().unwrap().len(), 4);
    let image = samples.iter().find(|s| s["kind"] == "image").unwrap();
    assert!(image.get("text").is_none() && !image["categoriesAnalysis"].as_array().unwrap().is_empty());

    let id = texts[0]["sampleId"].as_str().unwrap().to_owned();
    let one = bearer(&app, Method::GET, &format!("/review/resources/default/samples/{id}"), &key, None).await;
    assert_eq!((one.status.as_u16(), one.body["text"].as_str()), (200, Some(text)));
    let labelled = bearer(
        &app,
        Method::POST,
        &format!("/review/resources/default/samples/{id}:label"),
        &key,
        Some(json!({"label": "falsePositive", "note": "zq-note-3381"})),
    )
    .await;
    assert_eq!(labelled.status, 200, "{}", labelled.body);
    assert_eq!((labelled.body["label"].as_str(), labelled.body["labelledBy"].as_str()), (Some("falsePositive"), Some("rita")));
    assert!(!on_disk(&app, "zq-note-3381"));
    bearer(&app, Method::POST, &format!("/review/resources/default/samples/{id}:label"), &key, Some(json!({"label": "nonsense"})))
        .await
        .assert_error(400, "InvalidRequestBody");
    bearer(&app, Method::GET, "/review/resources/default/samples/00000000-0000-0000-0000-000000000000", &key, None)
        .await
        .assert_error(404, "ResourceNotFound");

    let log = audit(&app).await;
    let has = |actor: &str, action: &str, sample: Option<&str>| {
        log.iter().any(|(a, b, s)| a == actor && b == action && s.as_deref() == sample)
    };
    assert!(has("operator", "grant", None));
    assert!(has("rita", "list", None));
    assert!(has("rita", "read", Some(&id)));
    assert!(has("rita", "label", Some(&id)));

    // The operator's export: the consent record first, then masked samples; audited.
    let export = admin(&app, Method::POST, "/resources/default/samples:export", Some(ADMIN), None).await;
    assert_eq!(export.status, 200);
    assert_eq!(export.headers["content-type"], "application/x-ndjson");
    let lines: Vec<Value> =
        String::from_utf8(export.raw.clone()).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0]["consent"]["grantedBy"], "Dana Owner");
    assert_eq!(lines[0]["consent"]["scope"], "both");
    assert!(lines[0]["consent"]["grantedAt"].as_str().unwrap().ends_with('Z'));
    assert_eq!(lines[0]["samples"], 4);
    assert!(!String::from_utf8_lossy(&export.raw).contains(EMAIL));
    assert!(audit(&app).await.iter().any(|(a, b, _)| a == "operator" && b == "export"));
}

#[tokio::test]
async fn reviewer_keys_api_keys_and_the_admin_key_are_not_interchangeable() {
    let app = app().await;
    grant(&app, 1.0, "text").await;
    let key = reviewer(&app, "rita").await;
    let path = "/review/resources/default/samples";
    // API keys and the admin key are refused on /review, as Bearer or as subscription key.
    bearer(&app, Method::GET, path, KEY1, None).await.assert_error(401, "401");
    bearer(&app, Method::GET, path, ADMIN, None).await.assert_error(401, "401");
    app.request(Method::GET, path, Some(KEY1), None, None).await.assert_error(401, "401");
    // A reviewer key is refused on the data plane and the admin API.
    app.request(Method::POST, url("/text:analyze"), Some(&key), Some(Body::from(r#"{"text":"hi"}"#)), Some("application/json"))
        .await
        .assert_error(401, "401");
    admin(&app, Method::GET, "/resources", Some(&key), None).await.assert_error(401, "401");
    admin(&app, Method::GET, "/audit", Some(&key), None).await.assert_error(401, "401");
    // Reviewers are listed without keys; a removed reviewer's key stops working.
    let list = admin(&app, Method::GET, "/reviewers", Some(ADMIN), None).await;
    assert_eq!(list.body["value"][0]["name"], "rita");
    assert!(list.body["value"][0].get("key").is_none());
    assert_eq!(bearer(&app, Method::GET, path, &key, None).await.status, 200);
    assert_eq!(admin(&app, Method::DELETE, "/reviewers/rita", Some(ADMIN), None).await.status, 204);
    bearer(&app, Method::GET, path, &key, None).await.assert_error(401, "401");
}

#[tokio::test]
async fn revocation_deletes_samples_within_a_second_and_stops_sampling_but_keeps_the_audit_log() {
    let app = app().await;
    assert_eq!(grant(&app, 1.0, "text").await.status, 201);
    for _ in 0..5 {
        analyze(&app, &canary_text()).await;
    }
    wait_for(&app, 5).await;
    let key = reviewer(&app, "rita").await;
    assert_eq!(bearer(&app, Method::GET, "/review/resources/default/samples", &key, None).await.body["value"].as_array().unwrap().len(), 5);

    let started = Instant::now();
    let revoke = admin(&app, Method::DELETE, "/resources/default/sampleConsent", Some(ADMIN), None).await;
    assert_eq!(revoke.status, 204, "{}", revoke.body);
    assert!(started.elapsed() < Duration::from_secs(1), "revocation took {:?}", started.elapsed());
    // Deleted by the time the answer arrives, and the consent key with them.
    assert_eq!(stored(&app).await, 0);
    assert!(app.store.backend().active_consent(&default_id(&app).await).await.unwrap().is_none());
    // Sampling stops at once.
    for _ in 0..20 {
        analyze(&app, &canary_text()).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(stored(&app).await, 0);
    admin(&app, Method::DELETE, "/resources/default/sampleConsent", Some(ADMIN), None).await.assert_error(404, "ResourceNotFound");
    admin(&app, Method::GET, "/resources/default/sampleConsent", Some(ADMIN), None).await.assert_error(404, "ResourceNotFound");
    admin(&app, Method::POST, "/resources/default/samples:export", Some(ADMIN), None).await.assert_error(404, "ResourceNotFound");
    // The audit entries remain (without content).
    let log = audit(&app).await;
    let actions: Vec<&str> = log.iter().map(|(_, a, _)| a.as_str()).collect();
    assert_eq!(&actions[..3], ["grant", "list", "revoke"]);
    assert!(!on_disk(&app, MARK) && !on_disk(&app, EMAIL));
}
