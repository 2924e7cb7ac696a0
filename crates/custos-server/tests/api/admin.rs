//! The admin API: resources, key rotation without downtime, deletion, isolation.

use crate::*;
use axum::body::Body;
use axum::http::Method;
use serde_json::json;

pub const ADMIN: &str = "admin-key-0123456789abcdef";

pub async fn app() -> TestApp {
    let config =
        Config::load(None, vec![("CUSTOS_ADMIN_KEY".into(), ADMIN.into()), ("CUSTOS__SERVER__REGIONS".into(), "local,eu-west".into())])
            .unwrap();
    TestApp::with_config(config).await
}

pub async fn admin(app: &TestApp, method: Method, path: &str, key: Option<&str>, body: Option<serde_json::Value>) -> Reply {
    let mut req = axum::http::Request::builder().method(method).uri(format!("/admin{path}")).header("host", "t");
    if let Some(k) = key {
        req = req.header("authorization", format!("Bearer {k}"));
    }
    let body = body.map(|b| Body::from(b.to_string())).unwrap_or_else(Body::empty);
    let resp = tower::ServiceExt::oneshot(app.router.clone(), req.header("content-type", "application/json").body(body).unwrap())
        .await
        .unwrap();
    let status = resp.status();
    let headers = resp.headers().clone();
    let raw = http_body_util::BodyExt::collect(resp.into_body()).await.unwrap().to_bytes().to_vec();
    let body = serde_json::from_slice(&raw).unwrap_or(serde_json::Value::Null);
    Reply { status, headers, body, raw }
}

#[tokio::test]
async fn the_admin_api_is_off_without_a_key_and_refuses_wrong_keys() {
    let plain = TestApp::new().await;
    admin(&plain, Method::GET, "/resources", Some(ADMIN), None).await.assert_error(404, "NotFound");
    let app = app().await;
    admin(&app, Method::GET, "/resources", None, None).await.assert_error(401, "401");
    admin(&app, Method::GET, "/resources", Some("admin-key-0123456789abcdeX"), None).await.assert_error(401, "401");
    // Data-plane keys are not admin keys.
    admin(&app, Method::GET, "/resources", Some(KEY1), None).await.assert_error(401, "401");
}

#[tokio::test]
async fn resources_are_created_rotated_and_deleted() {
    let app = app().await;
    let r = admin(&app, Method::POST, "/resources", Some(ADMIN), Some(json!({"name": "acme", "region": "eu-west"}))).await;
    assert_eq!(r.status, 201, "{}", r.body);
    let (key1, key2) = (r.body["key1"].as_str().unwrap().to_owned(), r.body["key2"].as_str().unwrap().to_owned());
    assert_eq!(r.body["region"], "eu-west");
    admin(&app, Method::POST, "/resources", Some(ADMIN), Some(json!({"name": "acme"}))).await.assert_error(409, "Conflict");
    admin(&app, Method::POST, "/resources", Some(ADMIN), Some(json!({"name": "x y"}))).await.assert_error(400, "InvalidRequestBody");
    admin(&app, Method::POST, "/resources", Some(ADMIN), Some(json!({"name": "far", "region": "ap-south"})))
        .await
        .assert_error(400, "InvalidRequestBody");

    let r = admin(&app, Method::GET, "/resources", Some(ADMIN), None).await;
    let names: Vec<&str> = r.body["value"].as_array().unwrap().iter().map(|v| v["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["acme", "default"]);
    assert!(r.body["value"][0]["createdAt"].as_str().unwrap().ends_with('Z'));
    assert!(!r.raw.windows(key1.len()).any(|w| w == key1.as_bytes()), "keys are shown only at creation");

    // Rotate key 1: key 2 keeps working throughout, the old key 1 stops.
    let app = &app;
    let analyze = |k: String| async move {
        app.request(Method::POST, url("/text:analyze"), Some(&k), Some(Body::from(r#"{"text":"hi"}"#)), Some("application/json")).await.status
    };
    assert_eq!(analyze(key1.clone()).await, 200);
    let r = admin(&app, Method::POST, "/resources/acme:regenerateKey", Some(ADMIN), Some(json!({"keyName": "key1"}))).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let new1 = r.body["key1"].as_str().unwrap().to_owned();
    assert!(r.body.get("key2").is_none());
    assert_eq!(analyze(key1).await, 401);
    assert_eq!(analyze(new1.clone()).await, 200);
    assert_eq!(analyze(key2.clone()).await, 200);
    admin(&app, Method::POST, "/resources/acme:regenerateKey", Some(ADMIN), Some(json!({"keyName": "key3"})))
        .await
        .assert_error(400, "InvalidRequestBody");

    let r = admin(&app, Method::DELETE, "/resources/acme", Some(ADMIN), None).await;
    assert_eq!(r.status, 204);
    assert_eq!(analyze(key2).await, 401);
    admin(&app, Method::DELETE, "/resources/acme", Some(ADMIN), None).await.assert_error(404, "ResourceNotFound");
    admin(&app, Method::GET, "/resources/acme", Some(ADMIN), None).await.assert_error(404, "ResourceNotFound");
}
