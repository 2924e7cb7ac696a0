//! Authentication, api-version, routing and body-level errors.

use crate::*;
use axum::body::Body;
use axum::http::Method;
use serde_json::json;

#[tokio::test]
async fn both_keys_work_and_missing_or_wrong_keys_get_401() {
    let app = TestApp::new().await;
    let body = || Some(Body::from(r#"{"text":"hello"}"#));
    for key in [KEY1, app.key2.as_str()] {
        let r = app.request(Method::POST, &url("/text:analyze"), Some(key), body(), Some("application/json")).await;
        assert_eq!(r.status, 200, "{}", r.body);
    }
    for key in [None, Some("wrong"), Some("")] {
        let r = app.request(Method::POST, &url("/text:analyze"), key, body(), Some("application/json")).await;
        r.assert_error(401, "401");
    }
    // Auth comes before routing: an unknown route without a key does not reveal whether it exists.
    let r = app.request(Method::GET, &url("/text/nothing"), None, None, None).await;
    r.assert_error(401, "401");
}

#[tokio::test]
async fn api_versions_are_checked() {
    let app = TestApp::new().await;
    let text = Some(json!({"text": "hello"}));
    app.call(Method::POST, "/contentsafety/text:analyze", text.clone()).await.assert_error(400, "UnsupportedApiVersion");
    app.call(Method::POST, &versioned("/text:analyze", "2099-01-01"), text.clone())
        .await
        .assert_error(400, "UnsupportedApiVersion");
    for v in ["2023-10-01", "2024-09-01"] {
        let r = app.call(Method::POST, &versioned("/text:analyze", v), text.clone()).await;
        assert_eq!(r.status, 200);
        assert_eq!(r.headers["api-supported-versions"], "2023-10-01,2024-09-01");
        assert!(r.headers.contains_key("apim-request-id"));
        assert!(r.headers["content-type"].to_str().unwrap().starts_with("application/json"));
    }
}

#[tokio::test]
async fn unknown_routes_and_methods_get_azure_errors() {
    let app = TestApp::new().await;
    app.call(Method::GET, &url("/text/unknown"), None).await.assert_error(404, "NotFound");
    app.call(Method::PUT, &url("/text/blocklists/x"), None).await.assert_error(405, "MethodNotAllowed");
    app.call(Method::POST, &url("/text/blocklists/x:frobnicate"), Some(json!({}))).await.assert_error(404, "NotFound");
    let r = app.request(Method::GET, "/nowhere", None, None, None).await;
    r.assert_error(404, "NotFound");
    let r = app.request(Method::GET, "/health", None, None, None).await;
    assert_eq!(r.status, 200);
}

#[tokio::test]
async fn malformed_bodies_get_invalid_request_body() {
    let app = TestApp::new().await;
    let post = |b: &'static str| {
        app.request(Method::POST, url("/text:analyze"), Some(KEY1), Some(Body::from(b)), Some("application/json"))
    };
    for (body, target) in [
        ("{", None),
        ("", None),
        ("[]", None),
        (r#"{"categories":["Hate"]}"#, None),
        (r#"{"text": 5}"#, Some("text")),
        (r#"{"text": "x", "categories": "Hate"}"#, Some("categories")),
        (r#"{"text": "x", "categories": ["Nope"]}"#, Some("categories[0]")),
        (r#"{"text": "x", "outputType": "TwoLevels"}"#, Some("outputType")),
        (r#"{"text": "x", "haltOnBlocklistHit": "yes"}"#, Some("haltOnBlocklistHit")),
        (r#"{"text": "\ud800"}"#, Some("text")),
    ] {
        let r = post(body).await;
        r.assert_error(400, "InvalidRequestBody");
        assert_eq!(r.body["error"]["target"].as_str(), target, "{body}: {}", r.body);
    }
    let r = app
        .request(Method::POST, &url("/text:analyze"), Some(KEY1), Some(Body::from("text=hi")), Some("text/plain"))
        .await;
    r.assert_error(415, "UnsupportedMediaType");
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let mut config = custos_server::config::Config::load(None, Vec::new()).unwrap();
    config.server.max_body_bytes = 64 * 1024;
    let app = TestApp::with_config(config).await;
    let big = json!({"text": "a".repeat(70 * 1024)});
    app.call(Method::POST, &url("/text:analyze"), Some(big)).await.assert_error(413, "RequestTooLarge");
}

#[tokio::test]
async fn resources_pinned_to_another_region_are_refused_and_scoped() {
    let app = TestApp::new().await;
    let far = app.store.create_resource("far", "eu-west").await.unwrap();
    let near = app.store.create_resource("near", "local").await.unwrap();
    let text = || Some(Body::from(r#"{"text":"hello"}"#));
    let r = app.request(Method::POST, url("/text:analyze"), Some(&far.key1), text(), Some("application/json")).await;
    r.assert_error(403, "WrongRegion");
    assert!(r.body["error"]["message"].as_str().unwrap().contains("eu-west"));
    // Another resource in this region works, and sees none of the default resource's blocklists.
    app.call(Method::PATCH, url("/text/blocklists/Shared"), Some(json!({}))).await;
    let r = app.request(Method::GET, url("/text/blocklists"), Some(&near.key2), None, None).await;
    assert_eq!(r.body, json!({"value": []}));
    let r = app.request(Method::GET, url("/text/blocklists/Shared"), Some(&near.key2), None, None).await;
    r.assert_error(404, "ResourceNotFound");
}
