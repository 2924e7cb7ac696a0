//! `image:analyze`.

use crate::*;
use axum::http::Method;
use serde_json::json;

#[tokio::test]
async fn a_plain_image_is_safe_and_honest_about_unanalysed_categories() {
    let app = TestApp::new().await;
    let r = app.call(Method::POST, &url("/image:analyze"), Some(json!({"image": {"content": b64(&png(128, 96))}}))).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let sev = severities(&r.body);
    assert_eq!(sev.iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>(), ["Hate", "SelfHarm", "Sexual", "Violence"]);
    assert!(sev.iter().all(|(_, s)| [0, 2, 4, 6].contains(s)));
    assert_eq!(sev[2], ("Sexual".into(), 0));
    // Categories without an image model are flagged in the extension, never silently claimed.
    let not: Vec<&str> =
        r.body["custos"]["notAnalyzed"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert!(!not.contains(&"Sexual"));
    assert!(not.iter().all(|c| ["Hate", "SelfHarm", "Violence"].contains(c)));

    let r = app
        .call(Method::POST, &url("/image:analyze"), Some(json!({"image": {"content": b64(&png(64, 64))}, "categories": ["Sexual"]})))
        .await;
    assert_eq!(severities(&r.body), [("Sexual".into(), 0)]);
    assert!(r.body.get("custos").is_none(), "{}", r.body);
    assert!(r.body.get("blocklistsMatch").is_none());
}

#[tokio::test]
async fn bad_images_get_clear_400s() {
    let app = TestApp::new().await;
    let ok = b64(&png(64, 64));
    let truncated = b64(&png(64, 64)[..60]);
    let cases = [
        json!({"image": {}}),
        json!({"image": {"content": ok, "blobUrl": "https://x.blob.core.windows.net/c/i.png"}}),
        json!({"image": {"blobUrl": "https://x.blob.core.windows.net/c/i.png"}}),
        json!({"image": {"content": "%%% not base64 %%%"}}),
        json!({"image": {"content": b64(b"definitely not an image, just bytes")}}),
        json!({"image": {"content": truncated}}),
        json!({"image": {"content": b64(&png(49, 200))}}),
        json!({"image": {"content": ok}, "outputType": "EightSeverityLevels"}),
        json!({"image": "inline"}),
        json!({}),
    ];
    for body in cases {
        let r = app.call(Method::POST, &url("/image:analyze"), Some(body.clone())).await;
        r.assert_error(400, "InvalidRequestBody");
    }
}
