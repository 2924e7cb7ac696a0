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

/// A committed image of the evaluation set (`eval/images/`, made by `eval/images/generate.py`).
pub fn eval_image(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../eval/images").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn not_analyzed(body: &serde_json::Value) -> Vec<String> {
    body["custos"]["notAnalyzed"]
        .as_array()
        .map(|a| a.iter().map(|v| v.as_str().unwrap().to_owned()).collect())
        .unwrap_or_default()
}

#[tokio::test]
async fn harmful_text_in_an_image_is_found_and_scored_in_its_category() {
    let app = TestApp::new().await;
    for (file, category) in [
        ("meme-violence-en.jpg", "Violence"),
        ("text-selfharm-en.png", "SelfHarm"),
        ("text-violence-en.png", "Violence"),
    ] {
        let r = app.call(Method::POST, &url("/image:analyze"), Some(json!({"image": {"content": b64(&eval_image(file))}}))).await;
        assert_eq!(r.status, 200, "{file}: {}", r.body);
        let sev = severities(&r.body);
        let got = sev.iter().find(|(c, _)| c == category).map(|(_, s)| *s).unwrap();
        assert!(got >= 2, "{file}: {category} severity {got}, expected >= 2 ({sev:?})");
        assert!(sev.iter().all(|(_, s)| [0, 2, 4, 6].contains(s)), "{sev:?}");
        // Text was found, so every category was analysed (from the text), and the extension says nothing.
        assert!(not_analyzed(&r.body).is_empty(), "{file}: {}", r.body);
        // The recognised text is never echoed back.
        let body = r.body.to_string().to_lowercase();
        for word in ["kill", "cut myself", "shoot"] {
            assert!(!body.contains(word), "{file}: the response quotes the image text: {body}");
        }
    }
}

#[tokio::test]
async fn benign_text_and_text_free_images_stay_safe_and_say_what_was_not_analysed() {
    let app = TestApp::new().await;
    // Benign text: all four analysed (from the text), all safe.
    let r = app
        .call(Method::POST, &url("/image:analyze"), Some(json!({"image": {"content": b64(&eval_image("text-en-notice.png"))}})))
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(severities(&r.body).iter().all(|(_, s)| *s == 0), "{}", r.body);
    assert!(not_analyzed(&r.body).is_empty(), "{}", r.body);
    // A photo without text: Sexual from the image model, the other three honestly not analysed.
    let r = app
        .call(Method::POST, &url("/image:analyze"), Some(json!({"image": {"content": b64(&eval_image("photo-coffee.jpg"))}})))
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(severities(&r.body).iter().all(|(_, s)| *s == 0), "{}", r.body);
    assert_eq!(not_analyzed(&r.body), ["Hate", "SelfHarm", "Violence"], "{}", r.body);
    // Only the requested categories are reported, with text found.
    let r = app
        .call(
            Method::POST,
            &url("/image:analyze"),
            Some(json!({"image": {"content": b64(&eval_image("meme-violence-en.jpg"))}, "categories": ["Violence"]})),
        )
        .await;
    let sev = severities(&r.body);
    assert_eq!(sev.len(), 1, "{}", r.body);
    assert_eq!(sev[0].0, "Violence");
    assert!(sev[0].1 >= 2, "{}", r.body);
}
