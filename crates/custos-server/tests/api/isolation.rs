//! Resources A and B with identically named blocklists: every operation with A's key affects only A, and
//! nothing of B (ids, items, links, existence) shows through A.

use crate::*;
use axum::body::Body;
use axum::http::Method;
use serde_json::{json, Value};

struct Tenant {
    key: String,
}

async fn call(app: &TestApp, t: &Tenant, method: Method, path: &str, body: Option<Value>) -> Reply {
    let body = body.map(|b| Body::from(b.to_string()));
    app.request(method, url(path), Some(&t.key), body, Some("application/json")).await
}

#[tokio::test]
async fn identically_named_blocklists_never_leak_between_resources() {
    let app = TestApp::new().await;
    let a = Tenant { key: app.store.create_resource("tenant-a", "local").await.unwrap().key1 };
    let b = Tenant { key: app.store.create_resource("tenant-b", "local").await.unwrap().key2 };

    for (t, desc, items) in [(&a, "A's list", vec!["alpha-term", "shared"]), (&b, "B's list", vec!["bravo-term", "shared", "bravo-2"])] {
        let r = call(&app, t, Method::PATCH, "/text/blocklists/Same", Some(json!({"description": desc}))).await;
        assert_eq!(r.status, 201, "each resource creates its own list: {}", r.body);
        let items: Vec<Value> = items.iter().map(|i| json!({"text": i})).collect();
        let r = call(&app, t, Method::POST, "/text/blocklists/Same:addOrUpdateBlocklistItems", Some(json!({"blocklistItems": items}))).await;
        assert_eq!(r.status, 200);
    }
    call(&app, &b, Method::PATCH, "/text/blocklists/OnlyB", Some(json!({}))).await;

    // Reads through A show only A.
    let r = call(&app, &a, Method::GET, "/text/blocklists", None).await;
    assert_eq!(r.body, json!({"value": [{"blocklistName": "Same", "description": "A's list"}]}));
    let r = call(&app, &a, Method::GET, "/text/blocklists/Same/blocklistItems?maxpagesize=1", None).await;
    let next = r.body["nextLink"].as_str().unwrap().to_owned();
    let r2 = call(&app, &a, Method::GET, next.trim_start_matches("http://custos.test:5080/contentsafety").split("&api-version").next().unwrap(), None).await;
    let a_texts: Vec<String> = [&r.body, &r2.body]
        .iter()
        .flat_map(|b| b["value"].as_array().unwrap().iter().map(|i| i["text"].as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(a_texts, ["alpha-term", "shared"]);
    assert!(r2.body.get("nextLink").is_none(), "A's paging ends with A's items");

    // B's ids are unknown to A, with the same error as a random id; B-only lists do not exist for A.
    let b_items = call(&app, &b, Method::GET, "/text/blocklists/Same/blocklistItems", None).await;
    let b_id = b_items.body["value"][0]["blocklistItemId"].as_str().unwrap().to_owned();
    let via_a = call(&app, &a, Method::GET, &format!("/text/blocklists/Same/blocklistItems/{b_id}"), None).await;
    let random = call(&app, &a, Method::GET, "/text/blocklists/Same/blocklistItems/00000000-0000-4000-8000-000000000000", None).await;
    via_a.assert_error(404, "ResourceNotFound");
    assert_eq!(via_a.body["error"]["message"].as_str().unwrap().replace(&b_id, "ID"), random.body["error"]["message"].as_str().unwrap().replace("00000000-0000-4000-8000-000000000000", "ID"));
    let only_b = call(&app, &a, Method::GET, "/text/blocklists/OnlyB", None).await;
    let never = call(&app, &a, Method::GET, "/text/blocklists/NeverExisted", None).await;
    only_b.assert_error(404, "ResourceNotFound");
    assert_eq!(only_b.body["error"]["message"].as_str().unwrap().replace("OnlyB", "X"), never.body["error"]["message"].as_str().unwrap().replace("NeverExisted", "X"));

    // Matching through A uses A's list only.
    let r = call(&app, &a, Method::POST, "/text:analyze", Some(json!({"text": "bravo-term alpha-term shared", "blocklistNames": ["Same"]}))).await;
    let hits: Vec<&str> = r.body["blocklistsMatch"].as_array().unwrap().iter().map(|m| m["blocklistItemText"].as_str().unwrap()).collect();
    assert_eq!(hits, ["alpha-term", "shared"]);
    call(&app, &a, Method::POST, "/text:analyze", Some(json!({"text": "x", "blocklistNames": ["OnlyB"]}))).await.assert_error(404, "ResourceNotFound");

    // Writes through A (remove B's id, delete) leave B untouched.
    let r = call(&app, &a, Method::POST, "/text/blocklists/Same:removeBlocklistItems", Some(json!({"blocklistItemIds": [b_id]}))).await;
    assert_eq!(r.status, 204);
    call(&app, &a, Method::DELETE, "/text/blocklists/Same", None).await;
    call(&app, &a, Method::DELETE, "/text/blocklists/OnlyB", None).await.assert_error(404, "ResourceNotFound");
    let after = call(&app, &b, Method::GET, "/text/blocklists/Same/blocklistItems", None).await;
    assert_eq!(after.body, b_items.body);
    assert_eq!(call(&app, &b, Method::GET, "/text/blocklists", None).await.body["value"].as_array().unwrap().len(), 2);
}
