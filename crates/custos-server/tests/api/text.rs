//! `text:analyze`.

use crate::*;
use axum::http::Method;
use serde_json::json;

const BENIGN: &str = "The weather is lovely today and we are going for a walk in the park.";

#[tokio::test]
async fn default_analysis_reports_four_categories_in_azure_order() {
    let app = TestApp::new().await;
    let r = app.call(Method::POST, &url("/text:analyze"), Some(json!({"text": BENIGN}))).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["blocklistsMatch"], json!([]));
    assert_eq!(
        severities(&r.body),
        [("Hate".into(), 0), ("SelfHarm".into(), 0), ("Sexual".into(), 0), ("Violence".into(), 0)]
    );
}

#[tokio::test]
async fn categories_filter_and_output_type() {
    let app = TestApp::new().await;
    let r = app
        .call(Method::POST, &url("/text:analyze"), Some(json!({"text": BENIGN, "categories": ["Violence", "Hate"]})))
        .await;
    let cats: Vec<String> = severities(&r.body).into_iter().map(|(c, _)| c).collect();
    assert_eq!(cats, ["Hate", "Violence"]);
    let r = app.call(Method::POST, &url("/text:analyze"), Some(json!({"text": BENIGN, "categories": []}))).await;
    assert_eq!(severities(&r.body).len(), 4);

    // A text the model scores high somewhere: four-level output is the eight-level output with pairs collapsed.
    let harsh = "I will kill you, you worthless idiot. I hate people like you and I will hurt you badly.";
    let eight = app
        .call(Method::POST, &url("/text:analyze"), Some(json!({"text": harsh, "outputType": "EightSeverityLevels"})))
        .await;
    let four = app
        .call(Method::POST, &url("/text:analyze"), Some(json!({"text": harsh, "outputType": "FourSeverityLevels"})))
        .await;
    let (e, f) = (severities(&eight.body), severities(&four.body));
    for ((ce, se), (cf, sf)) in e.iter().zip(&f) {
        assert_eq!(ce, cf);
        assert!((0..=7).contains(se));
        assert_eq!(*sf, se & !1, "{ce}: eight={se} four={sf}");
    }
    assert!(e.iter().any(|(_, s)| *s >= 2), "a violent threat should score: {e:?}");
}

#[tokio::test]
async fn text_limits() {
    let app = TestApp::new().await;
    let at_limit = "é".repeat(10_000); // code points, not bytes
    let r = app.call(Method::POST, &url("/text:analyze"), Some(json!({"text": at_limit}))).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let over = "a".repeat(10_001);
    let r = app.call(Method::POST, &url("/text:analyze"), Some(json!({"text": over}))).await;
    r.assert_error(400, "InvalidRequestBody");
    assert_eq!(r.body["error"]["target"], "text");
    for text in ["", "   \n\t", "😀😀😀", "Привет мир 你好 مرحبا hello"] {
        let r = app.call(Method::POST, &url("/text:analyze"), Some(json!({"text": text}))).await;
        assert_eq!(r.status, 200, "{text:?}: {}", r.body);
        assert_eq!(severities(&r.body).len(), 4);
    }
}

#[tokio::test]
async fn blocklist_names_in_the_request_are_validated() {
    let app = TestApp::new().await;
    let r = app
        .call(Method::POST, &url("/text:analyze"), Some(json!({"text": "x", "blocklistNames": ["missing"]})))
        .await;
    r.assert_error(404, "ResourceNotFound");
    let r = app
        .call(Method::POST, &url("/text:analyze"), Some(json!({"text": "x", "blocklistNames": ["bad name"]})))
        .await;
    r.assert_error(400, "InvalidRequestBody");
    assert_eq!(r.body["error"]["target"], "blocklistNames[0]");
}
