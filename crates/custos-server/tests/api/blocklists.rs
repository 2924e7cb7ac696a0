//! Blocklist management and matching.

use crate::*;
use axum::body::Body;
use axum::http::Method;
use serde_json::{json, Value};

async fn create(app: &TestApp, name: &str) {
    let r = app.call(Method::PATCH, &url(&format!("/text/blocklists/{name}")), Some(json!({"description": "d"}))).await;
    assert_eq!(r.status, 201, "{}", r.body);
}

async fn add(app: &TestApp, name: &str, items: Value) -> Reply {
    app.call(Method::POST, &url(&format!("/text/blocklists/{name}:addOrUpdateBlocklistItems")), Some(json!({"blocklistItems": items})))
        .await
}

fn ids(body: &Value, field: &str) -> Vec<String> {
    body[field].as_array().unwrap().iter().map(|i| i["blocklistItemId"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn create_update_get_list_delete() {
    let app = TestApp::new().await;
    let r = app
        .request(
            Method::PATCH,
            &url("/text/blocklists/TestBlocklist"),
            Some(KEY1),
            Some(Body::from(r#"{"blocklistName":"TestBlocklist","description":"first"}"#)),
            Some("application/merge-patch+json"),
        )
        .await;
    assert_eq!(r.status, 201);
    assert_eq!(r.body, json!({"blocklistName": "TestBlocklist", "description": "first"}));
    assert_eq!(
        r.headers["location"],
        "http://custos.test:5080/contentsafety/text/blocklists/TestBlocklist?api-version=2023-10-01"
    );
    let r = app.call(Method::PATCH, &url("/text/blocklists/TestBlocklist"), Some(json!({"description": "second"}))).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body["description"], "second");
    // merge-patch: absent keeps, null clears
    let r = app.call(Method::PATCH, &url("/text/blocklists/TestBlocklist"), Some(json!({}))).await;
    assert_eq!(r.body["description"], "second");
    let r = app.call(Method::PATCH, &url("/text/blocklists/TestBlocklist"), Some(json!({"description": null}))).await;
    assert_eq!(r.body, json!({"blocklistName": "TestBlocklist"}));

    create(&app, "Another").await;
    let r = app.call(Method::GET, &url("/text/blocklists"), None).await;
    assert_eq!(r.body, json!({"value": [{"blocklistName": "Another", "description": "d"}, {"blocklistName": "TestBlocklist"}]}));
    let r = app.call(Method::GET, &url("/text/blocklists/Another"), None).await;
    assert_eq!(r.body["blocklistName"], "Another");

    let r = app.call(Method::DELETE, &url("/text/blocklists/Another"), None).await;
    assert_eq!(r.status, 204);
    assert!(r.raw.is_empty() && !r.headers.contains_key("content-type"));
    app.call(Method::GET, &url("/text/blocklists/Another"), None).await.assert_error(404, "ResourceNotFound");
    app.call(Method::DELETE, &url("/text/blocklists/Another"), None).await.assert_error(404, "ResourceNotFound");
}

#[tokio::test]
async fn names_and_bodies_are_validated() {
    let app = TestApp::new().await;
    let long = "a".repeat(65);
    for bad in ["bad%20name", "bad:name", long.as_str()] {
        let r = app.call(Method::GET, &url(&format!("/text/blocklists/{bad}")), None).await;
        r.assert_error(400, "InvalidResourceName");
    }
    let r = app.call(Method::PATCH, &url("/text/blocklists/L1"), Some(json!({"blocklistName": "L2"}))).await;
    r.assert_error(400, "InvalidRequestBody");
    let r = app.call(Method::PATCH, &url("/text/blocklists/L1"), Some(json!({"description": "x".repeat(1025)}))).await;
    r.assert_error(400, "InvalidRequestBody");
    // nothing partial was written
    app.call(Method::GET, &url("/text/blocklists/L1"), None).await.assert_error(404, "ResourceNotFound");

    add(&app, "L1", json!([{"text": "x"}])).await.assert_error(404, "ResourceNotFound");
    create(&app, "L1").await;
    let too_many: Vec<Value> = (0..101).map(|i| json!({"text": format!("t{i}")})).collect();
    for items in [
        json!([]),
        Value::Array(too_many),
        json!([{"text": ""}]),
        json!([{"text": "x".repeat(129)}]),
        json!([{"text": "ok", "description": "d".repeat(1025)}]),
        json!([{"text": "dup"}, {"text": "DUP"}]),
        json!([{"description": "no text"}]),
    ] {
        add(&app, "L1", items).await.assert_error(400, "InvalidRequestBody");
    }
    let r = app.call(Method::GET, &url("/text/blocklists/L1/blocklistItems"), None).await;
    assert_eq!(r.body, json!({"value": []}), "a refused request wrote nothing");
    let r = app
        .call(Method::POST, &url("/text/blocklists/L1:removeBlocklistItems"), Some(json!({"blocklistItemIds": []})))
        .await;
    r.assert_error(400, "InvalidRequestBody");
}

#[tokio::test]
async fn items_match_in_analysis_and_changes_apply_to_the_next_request() {
    let app = TestApp::new().await;
    create(&app, "L1").await;
    let r = add(&app, "L1", json!([{"blocklistItemId": null, "description": "Hate word", "text": "h*te"}, {"text": "k*ll"}])).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let item_ids = ids(&r.body, "blocklistItems");
    assert_eq!(r.body["blocklistItems"][0]["text"], "h*te");
    assert_eq!(r.body["blocklistItems"][0]["description"], "Hate word");
    assert!(r.body["blocklistItems"][0].get("isRegex").is_none(), "no isRegex on 2023-10-01");
    assert_eq!(item_ids[0].len(), 36);

    let analyze = |halt: bool| {
        app.call(
            Method::POST,
            url("/text:analyze"),
            Some(json!({"text": "I H*TE you and I want to k*ll you.", "blocklistNames": ["L1", "L1"], "haltOnBlocklistHit": halt})),
        )
    };
    let r = analyze(false).await;
    assert_eq!(
        r.body["blocklistsMatch"],
        json!([
            {"blocklistName": "L1", "blocklistItemId": item_ids[0], "blocklistItemText": "h*te"},
            {"blocklistName": "L1", "blocklistItemId": item_ids[1], "blocklistItemText": "k*ll"},
        ])
    );
    assert_eq!(severities(&r.body).len(), 4);
    let r = analyze(true).await;
    assert_eq!(r.body["blocklistsMatch"].as_array().unwrap().len(), 2);
    assert_eq!(r.body["categoriesAnalysis"], json!([]));

    // Re-adding a text updates it in place (same id).
    let r = add(&app, "L1", json!([{"text": "h*te", "description": "updated"}])).await;
    assert_eq!(ids(&r.body, "blocklistItems"), [item_ids[0].clone()]);
    let r = app.call(Method::GET, &url(&format!("/text/blocklists/L1/blocklistItems/{}", item_ids[0])), None).await;
    assert_eq!(r.body, json!({"blocklistItemId": item_ids[0], "description": "updated", "text": "h*te"}));
    app.call(Method::GET, &url("/text/blocklists/L1/blocklistItems/00000000-0000-0000-0000-000000000000"), None)
        .await
        .assert_error(404, "ResourceNotFound");

    let r = app
        .call(Method::POST, &url("/text/blocklists/L1:removeBlocklistItems"), Some(json!({"blocklistItemIds": [item_ids[0], "unknown-id"]})))
        .await;
    assert_eq!(r.status, 204);
    assert!(r.raw.is_empty());
    let r = analyze(false).await;
    assert_eq!(r.body["blocklistsMatch"].as_array().unwrap().len(), 1, "removal applies to the next request");

    app.call(Method::DELETE, &url("/text/blocklists/L1"), None).await;
    analyze(false).await.assert_error(404, "ResourceNotFound");
}

#[tokio::test]
async fn paging_follows_the_official_test_suite() {
    let app = TestApp::new().await;
    create(&app, "P").await;
    let r = add(&app, "P", json!([{"text": "one"}, {"text": "two"}, {"text": "three"}])).await;
    let all = ids(&r.body, "blocklistItems");
    let list = |q: &str| app.call(Method::GET, url(&format!("/text/blocklists/P/blocklistItems?{q}")), None);

    let r = list("top=10&skip=0&maxpagesize=1").await;
    assert_eq!(ids(&r.body, "value"), [all[0].clone()]);
    let next = r.body["nextLink"].as_str().unwrap();
    assert_eq!(
        next,
        "http://custos.test:5080/contentsafety/text/blocklists/P/blocklistItems?top=9&skip=1&maxpagesize=1&api-version=2023-10-01"
    );
    let r = list("top=10&skip=1&maxpagesize=1").await;
    assert_eq!(ids(&r.body, "value"), [all[1].clone()]);
    assert!(r.body["nextLink"].as_str().unwrap().contains("skip=2"));
    let r = list("top=10&skip=0&maxpagesize=3").await;
    assert_eq!(ids(&r.body, "value"), all);
    assert!(r.body.get("nextLink").is_none(), "no nextLink on the last page: {}", r.body);

    // Following nextLink walks the list in the same order as the unpaged listing.
    let mut walked = Vec::new();
    let mut next = Some(url("/text/blocklists/P/blocklistItems?maxpagesize=2"));
    while let Some(link) = next {
        let path = link.trim_start_matches("http://custos.test:5080");
        let r = app.call(Method::GET, path, None).await;
        walked.extend(ids(&r.body, "value"));
        next = r.body["nextLink"].as_str().map(str::to_owned);
    }
    assert_eq!(walked, all);

    assert_eq!(ids(&list("top=2").await.body, "value"), all[..2]);
    assert!(list("top=2").await.body.get("nextLink").is_none(), "top is exhausted");
    assert_eq!(ids(&list("skip=2").await.body, "value"), all[2..]);
    assert_eq!(ids(&list("skip=10").await.body, "value"), Vec::<String>::new());
    list("top=-1").await.assert_error(400, "InvalidRequestBody");
    list("maxpagesize=0").await.assert_error(400, "InvalidRequestBody");
}

#[tokio::test]
async fn regex_items_on_2024_09_01() {
    let app = TestApp::new().await;
    create(&app, "R").await;
    let v24 = |p: &str| versioned(p, "2024-09-01");
    let r = app
        .call(
            Method::POST,
            &v24("/text/blocklists/R:addOrUpdateBlocklistItems"),
            Some(json!({"blocklistItems": [{"text": "hate"}, {"text": r"b[i1][a@][s\$]", "isRegex": true}]})),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["blocklistItems"][0]["isRegex"], false);
    assert_eq!(r.body["blocklistItems"][1]["isRegex"], true);
    let r = app
        .call(Method::POST, &v24("/text:analyze"), Some(json!({"text": "so much B1@S", "blocklistNames": ["R"]})))
        .await;
    assert_eq!(r.body["blocklistsMatch"][0]["blocklistItemText"], r"b[i1][a@][s\$]");
    // The 2023-10-01 view of the same items carries no isRegex.
    let r = app.call(Method::GET, &url("/text/blocklists/R/blocklistItems"), None).await;
    assert!(r.body["value"].as_array().unwrap().iter().all(|i| i.get("isRegex").is_none()));
    for bad in [json!({"text": "(unclosed", "isRegex": true}), json!({"text": ".*", "isRegex": true})] {
        let r = app
            .call(Method::POST, &v24("/text/blocklists/R:addOrUpdateBlocklistItems"), Some(json!({"blocklistItems": [bad]})))
            .await;
        r.assert_error(400, "InvalidRequestBody");
        assert_eq!(r.body["error"]["target"], "blocklistItems[0].text");
    }
}
