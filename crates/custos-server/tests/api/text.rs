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

// ---------------------------------------------------------------------------------------------------------------
// Bad input: every case answers 200 with a valid Azure result or a clear 400 in the Azure error envelope.

/// POSTs a raw body (bytes as given: lone surrogate escapes, invalid UTF-8) to text:analyze with key 1.
async fn analyze_raw(app: &TestApp, body: &[u8]) -> Reply {
    let body = axum::body::Body::from(body.to_vec());
    app.request(Method::POST, url("/text:analyze"), Some(KEY1), Some(body), Some("application/json")).await
}

/// Asserts a 200 `AnalyzeTextResult`: the four categories in Azure order with severities on the requested scale
/// (0/2/4/6 for four levels), and a `blocklistsMatch` array. Returns the severities.
#[track_caller]
fn assert_text_result(r: &Reply, eight_levels: bool) -> Vec<i64> {
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body["blocklistsMatch"].is_array(), "{}", r.body);
    let sev = severities(&r.body);
    let cats: Vec<&str> = sev.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(cats, ["Hate", "SelfHarm", "Sexual", "Violence"]);
    for (c, s) in &sev {
        if eight_levels {
            assert!((0..=7).contains(s), "{c}: {s}");
        } else {
            assert!([0, 2, 4, 6].contains(s), "{c}: {s}");
        }
    }
    sev.into_iter().map(|(_, s)| s).collect()
}

#[tokio::test]
async fn bad_input_empty_and_missing_text() {
    let app = TestApp::new().await;
    // azure-api.md §5.3: the spec sets no minLength; "" is accepted and is safe in every category.
    for output in ["FourSeverityLevels", "EightSeverityLevels"] {
        let r = app.call(Method::POST, &url("/text:analyze"), Some(json!({"text": "", "outputType": output}))).await;
        assert_eq!(assert_text_result(&r, output.starts_with("Eight")), [0, 0, 0, 0]);
    }
    // A missing or non-string text is a 400 naming the field.
    let r = app.call(Method::POST, &url("/text:analyze"), Some(json!({"outputType": "FourSeverityLevels"}))).await;
    r.assert_error(400, "InvalidRequestBody");
    for bad in [json!({"text": null}), json!({"text": 5}), json!({"text": ["a"]})] {
        let r = app.call(Method::POST, &url("/text:analyze"), Some(bad.clone())).await;
        r.assert_error(400, "InvalidRequestBody");
        assert_eq!(r.body["error"]["target"], "text", "{bad}: {}", r.body);
    }
    // An empty body and an empty object.
    analyze_raw(&app, b"").await.assert_error(400, "InvalidRequestBody");
    analyze_raw(&app, b"{}").await.assert_error(400, "InvalidRequestBody");
}

#[tokio::test]
async fn bad_input_whitespace_and_invisible_only() {
    let app = TestApp::new().await;
    let many_spaces = " ".repeat(10_000);
    for text in [
        " ",
        "\n\t\r  \n",
        "\u{00A0}\u{2003}\u{3000}\u{2028}",
        "\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}\u{00AD}",
        &many_spaces,
    ] {
        let r = app.call(Method::POST, &url("/text:analyze"), Some(json!({"text": text}))).await;
        assert_eq!(assert_text_result(&r, false), [0, 0, 0, 0], "{:?}", text.chars().take(8).collect::<String>());
    }
}

#[tokio::test]
async fn bad_input_only_emoji() {
    let app = TestApp::new().await;
    for text in [
        "😀",
        "🙂🌞🌸🎉",
        "👨\u{200D}👩\u{200D}👧\u{200D}👦", // ZWJ family sequence
        "👍🏽👍🏿",                             // skin-tone modifiers
        "🇩🇪🇫🇷🇯🇵",                           // regional-indicator flags
        "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}", // tag sequence (England)
        "❤\u{FE0F} 1\u{FE0F}\u{20E3}",      // variation selector, keycap
    ] {
        for eight in [false, true] {
            let output = if eight { "EightSeverityLevels" } else { "FourSeverityLevels" };
            let r =
                app.call(Method::POST, &url("/text:analyze"), Some(json!({"text": text, "outputType": output}))).await;
            assert_text_result(&r, eight);
        }
    }
    // Friendly emoji are not harmful.
    let r = app.call(Method::POST, &url("/text:analyze"), Some(json!({"text": "🙂🌞🌸🎉"}))).await;
    assert_eq!(assert_text_result(&r, false), [0, 0, 0, 0]);
}

#[tokio::test]
async fn bad_input_mixed_scripts() {
    let app = TestApp::new().await;
    // Latin, Cyrillic, CJK, Arabic (right-to-left, with bidi marks), Devanagari, Hebrew, Hangul, Thai in one text.
    let greetings = "Hello Привет 你好 \u{200F}مرحبا بكم\u{200E} नमस्ते שלום 안녕하세요 สวัสดี, have a nice day!";
    let r = app.call(Method::POST, &url("/text:analyze"), Some(json!({"text": greetings}))).await;
    assert_eq!(assert_text_result(&r, false), [0, 0, 0, 0]);
    // Scripts mixed inside words (homoglyph style) and a right-to-left override.
    for text in ["hеllо wоrld", "Мy nаme is Аnnа", "\u{202E}dlrow olleh\u{202C} 日本語テキスト العربية"]
    {
        let r = app
            .call(Method::POST, &url("/text:analyze"), Some(json!({"text": text, "outputType": "EightSeverityLevels"})))
            .await;
        assert_text_result(&r, true);
    }
}

#[tokio::test]
async fn bad_input_ten_thousand_code_points_of_one_character() {
    let app = TestApp::new().await;
    // The limit is 10,000 code points (azure-api.md §5.3), whatever their UTF-8 or UTF-16 length: a 4-byte emoji
    // is one code point (two UTF-16 units), a combining mark is one code point, ﷺ expands to 18 under NFKC.
    for c in ['a', 'é', '😀', '\u{0301}', '\u{200B}', '!', '哈', 'ﷺ', '\u{FFFF}', '\u{10FFFF}', ' '] {
        let at_limit = c.to_string().repeat(10_000);
        let r = app
            .call(
                Method::POST,
                &url("/text:analyze"),
                Some(json!({"text": at_limit, "outputType": "EightSeverityLevels"})),
            )
            .await;
        assert_text_result(&r, true);
        let over = c.to_string().repeat(10_001);
        let r = app.call(Method::POST, &url("/text:analyze"), Some(json!({"text": over}))).await;
        r.assert_error(400, "InvalidRequestBody");
        assert_eq!(r.body["error"]["target"], "text");
        let message = r.body["error"]["message"].as_str().unwrap();
        assert!(message.contains("10000"), "{message}");
        assert!(!message.contains(&c.to_string().repeat(3)), "the message must not quote the text: {message}");
    }
}

#[tokio::test]
async fn bad_input_surrogates_in_json() {
    let app = TestApp::new().await;
    // A valid surrogate pair escape is one code point (😀).
    let r = analyze_raw(&app, br#"{"text": "\ud83d\ude00 ok"}"#).await;
    assert_text_result(&r, false);
    // Lone or reversed surrogate escapes cannot become a string: a clear 400, no echo of the text.
    for body in [
        &br#"{"text": "\ud800"}"#[..],
        br#"{"text": "\udc00\ud800"}"#,
        br#"{"text": "abc\udfffdef"}"#,
        br#"{"text": "\ud800\u0041"}"#,
        br#"{"text": "\ud800\ud800"}"#,
        br#"{"text": "ok", "categories": ["\ud800"]}"#,
    ] {
        let r = analyze_raw(&app, body).await;
        r.assert_error(400, "InvalidRequestBody");
        let message = r.body["error"]["message"].as_str().unwrap();
        assert!(message.contains("surrogate"), "{message}");
        assert!(!message.to_ascii_lowercase().contains("\\ud8") && !message.contains("abc"), "{message}");
    }
    // Raw bytes that are not UTF-8: a lone surrogate encoded as UTF-8 (CESU style), stray continuation bytes.
    for body in [&b"{\"text\": \"\xED\xA0\x80\"}"[..], b"{\"text\": \"\xFF\xFE\"}", b"{\"text\": \"a\x80b\"}"] {
        let r = analyze_raw(&app, body).await;
        r.assert_error(400, "InvalidRequestBody");
        let message = r.body["error"]["message"].as_str().unwrap();
        assert!(message.contains("UTF-8"), "{message}");
    }
    // Other syntax errors keep the plain message.
    let r = analyze_raw(&app, br#"{"text": "unterminated"#).await;
    r.assert_error(400, "InvalidRequestBody");
    assert!(r.body["error"]["message"].as_str().unwrap().contains("not valid JSON"), "{}", r.body);
}
