//! Feedback and abuse reports: kept only as sent (content only when included), sealed at rest, visible to the
//! operator, deletable by the reporting resource and by the operator.

use crate::admin::{admin, app, ADMIN};
use crate::*;
use axum::body::Body;
use axum::http::Method;
use serde_json::json;

/// Whether `needle` appears in any file of the app's data directory (database, WAL, keyring).
pub fn on_disk(app: &TestApp, needle: &str) -> bool {
    std::fs::read_dir(app.dir.path()).unwrap().any(|e| {
        let bytes = std::fs::read(e.unwrap().path()).unwrap_or_default();
        bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
    })
}

async fn report(app: &TestApp, key: &str, body: serde_json::Value) -> Reply {
    app.request(Method::POST, url("/feedback"), Some(key), Some(Body::from(body.to_string())), Some("application/json")).await
}

#[tokio::test]
async fn reports_keep_only_what_is_sent_sealed_and_the_operator_reads_them() {
    let app = app().await;
    let (analysed, comment, content) = ("zq-analysed-text-5501", "zq-comment-8812", "zq-included-content-3307");
    // A request whose text is then reported without content: nothing of it is kept.
    let analysed_reply = app.call(Method::POST, url("/text:analyze"), Some(json!({"text": analysed}))).await;
    assert_eq!(analysed_reply.status, 200);
    let request_id = analysed_reply.headers["apim-request-id"].to_str().unwrap().to_owned();
    let without = report(
        &app,
        KEY1,
        json!({"kind": "falsePositive", "category": "Violence", "expectedSeverity": 0, "requestId": request_id}),
    )
    .await;
    assert_eq!(without.status, 201, "{}", without.body);
    assert_eq!((without.body["kind"].as_str(), without.body["contentStored"].as_bool()), (Some("falsePositive"), Some(false)));
    assert!(without.body["createdAt"].as_str().unwrap().ends_with('Z'));
    // A report that includes content explicitly, sent with key 2.
    let with = report(
        &app,
        &app.key2,
        json!({"kind": "falseNegative", "category": "Hate", "expectedSeverity": 6, "comment": comment, "content": content}),
    )
    .await;
    assert_eq!(with.status, 201, "{}", with.body);
    assert_eq!(with.body["contentStored"], true);
    let (id1, id2) = (without.body["feedbackId"].as_str().unwrap(), with.body["feedbackId"].as_str().unwrap());
    assert_ne!(id1, id2);
    assert_eq!(id1.len(), 36);

    let list = admin(&app, Method::GET, "/resources/default/feedback", Some(ADMIN), None).await;
    assert_eq!(list.status, 200, "{}", list.body);
    let value = list.body["value"].as_array().unwrap();
    assert_eq!(value.len(), 2);
    assert_eq!(value[0]["feedbackId"], id1);
    assert_eq!(value[0]["keyName"], "key1");
    assert_eq!(value[0]["category"], "Violence");
    assert_eq!(value[0]["expectedSeverity"], 0);
    assert_eq!(value[0]["requestId"].as_str(), Some(request_id.as_str()));
    assert!(value[0].get("content").is_none() && value[0].get("comment").is_none());
    let one = admin(&app, Method::GET, &format!("/resources/default/feedback/{id2}"), Some(ADMIN), None).await;
    assert_eq!(one.status, 200, "{}", one.body);
    assert_eq!(
        (one.body["keyName"].as_str(), one.body["kind"].as_str(), one.body["comment"].as_str(), one.body["content"].as_str()),
        (Some("key2"), Some("falseNegative"), Some(comment), Some(content))
    );
    assert_eq!(one.body["expectedSeverity"], 6);
    // The analysed text is nowhere; the included content and comment are stored, but only sealed. (The check
    // does read the database: the report's kind is stored in clear.)
    assert!(on_disk(&app, "falseNegative"));
    for needle in [analysed, comment, content, request_id.as_str()] {
        assert!(!on_disk(&app, needle), "'{needle}' is on disk in clear");
    }
    // The operator's view needs the admin key; data-plane keys cannot read reports.
    admin(&app, Method::GET, "/resources/default/feedback", Some(KEY1), None).await.assert_error(401, "401");
    app.call(Method::GET, url(&format!("/feedback/{id2}")), None).await.assert_error(405, "MethodNotAllowed");
    admin(&app, Method::GET, "/resources/nobody/feedback", Some(ADMIN), None).await.assert_error(404, "ResourceNotFound");
    admin(&app, Method::GET, "/resources/default/feedback/nope", Some(ADMIN), None).await.assert_error(404, "ResourceNotFound");
}

#[tokio::test]
async fn reports_are_validated_without_echoing_them() {
    let app = TestApp::new().await;
    let secret = "zq-echo-canary-1188";
    for (body, target) in [
        (json!({"comment": secret}), None),
        (json!({"kind": "wrongResult", "comment": secret}), Some("kind")),
        (json!({"kind": "falsePositive", "comment": secret}), Some("category")),
        (json!({"kind": "falseNegative", "category": "Gore"}), Some("category")),
        (json!({"kind": "falseNegative", "category": "Hate", "expectedSeverity": 8}), Some("expectedSeverity")),
        (json!({"kind": "other", "expectedSeverity": -1}), Some("expectedSeverity")),
        (json!({"kind": "abuse", "comment": "é".repeat(1025)}), Some("comment")),
        (json!({"kind": "abuse", "content": secret.repeat(527)}), Some("content")),
        (json!({"kind": "abuse", "requestId": "r".repeat(65)}), Some("requestId")),
    ] {
        let r = report(&app, KEY1, body.clone()).await;
        r.assert_error(400, "InvalidRequestBody");
        assert_eq!(r.body["error"]["target"].as_str(), target, "{body}: {}", r.body);
        assert!(!r.raw.windows(secret.len()).any(|w| w == secret.as_bytes()), "{}", r.body);
    }
    // At the limits, accepted.
    let ok = json!({"kind": "abuse", "comment": "é".repeat(1024), "content": "x".repeat(10_000), "requestId": "r".repeat(64)});
    assert_eq!(report(&app, KEY1, ok).await.status, 201);
    assert_eq!(report(&app, KEY1, json!({"kind": "other"})).await.status, 201);
    // Without a key or api-version, refused like every data-plane route.
    let no_key = app.request(Method::POST, url("/feedback"), None, Some(Body::from(r#"{"kind":"abuse"}"#)), Some("application/json")).await;
    no_key.assert_error(401, "401");
    let no_version = app
        .request(Method::POST, "/contentsafety/feedback", Some(KEY1), Some(Body::from(r#"{"kind":"abuse"}"#)), Some("application/json"))
        .await;
    no_version.assert_error(400, "UnsupportedApiVersion");
}

#[tokio::test]
async fn reports_are_deleted_by_their_resource_or_the_operator_only() {
    let app = app().await;
    let created = admin(&app, Method::POST, "/resources", Some(ADMIN), Some(json!({"name": "other"}))).await;
    let other_key = created.body["key1"].as_str().unwrap().to_owned();
    let mut ids = Vec::new();
    for _ in 0..3 {
        let r = report(&app, KEY1, json!({"kind": "abuse", "content": "zq-delete-me-4410"})).await;
        ids.push(r.body["feedbackId"].as_str().unwrap().to_owned());
    }
    let delete = |key: String, id: String| {
        let app = &app;
        async move { app.request(Method::DELETE, url(&format!("/feedback/{id}")), Some(&key), None, None).await }
    };
    // Another resource cannot see or delete them.
    delete(other_key.clone(), ids[0].clone()).await.assert_error(404, "ResourceNotFound");
    admin(&app, Method::GET, &format!("/resources/other/feedback/{}", ids[0]), Some(ADMIN), None)
        .await
        .assert_error(404, "ResourceNotFound");
    // The reporting resource deletes with either key.
    assert_eq!(delete(KEY1.into(), ids[0].clone()).await.status, 204);
    assert_eq!(delete(app.key2.clone(), ids[1].clone()).await.status, 204);
    delete(KEY1.into(), ids[0].clone()).await.assert_error(404, "ResourceNotFound");
    // The operator deletes too.
    let r = admin(&app, Method::DELETE, &format!("/resources/default/feedback/{}", ids[2]), Some(ADMIN), None).await;
    assert_eq!(r.status, 204);
    admin(&app, Method::DELETE, &format!("/resources/default/feedback/{}", ids[2]), Some(ADMIN), None)
        .await
        .assert_error(404, "ResourceNotFound");
    let list = admin(&app, Method::GET, "/resources/default/feedback", Some(ADMIN), None).await;
    assert_eq!(list.body["value"].as_array().unwrap().len(), 0);
    // The other resource's own reports are listed under it.
    assert_eq!(report(&app, &other_key, json!({"kind": "other"})).await.status, 201);
    let list = admin(&app, Method::GET, "/resources/other/feedback", Some(ADMIN), None).await;
    assert_eq!(list.body["value"].as_array().unwrap().len(), 1);
}
