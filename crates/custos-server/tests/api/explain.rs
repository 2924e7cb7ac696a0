//! The `custos` extension on text results: continuous scores and explanation spans with offsets in UTF-8, UTF-16
//! and code points of the request text.

use crate::*;
use axum::http::Method;
use serde_json::json;

/// The text a span points at, cut with each of its three offset units.
fn span_text(text: &str, span: &Value) -> String {
    let cp = |k: &str| span[k]["codePoint"].as_u64().unwrap() as usize;
    let by_cp: String = text.chars().skip(cp("offset")).take(cp("length")).collect();
    let u8o = span["offset"]["utf8"].as_u64().unwrap() as usize;
    let u8l = span["length"]["utf8"].as_u64().unwrap() as usize;
    assert_eq!(&text[u8o..u8o + u8l], by_cp, "utf8 and codePoint offsets disagree");
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let u16o = span["offset"]["utf16"].as_u64().unwrap() as usize;
    let u16l = span["length"]["utf16"].as_u64().unwrap() as usize;
    assert_eq!(String::from_utf16(&utf16[u16o..u16o + u16l]).unwrap(), by_cp, "utf16 and codePoint offsets disagree");
    by_cp
}

#[tokio::test]
async fn flagged_categories_are_explained_in_all_three_units() {
    let app = TestApp::new().await;
    // An emoji (2 UTF-16 units, 4 bytes) and an accented letter before the trigger make the three units differ.
    let text = "😀 Café talk. I will kill you, I swear. Bye.";
    let r = app
        .call(Method::POST, &url("/text:analyze"), Some(json!({"text": text, "outputType": "EightSeverityLevels"})))
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let violence = severities(&r.body).into_iter().find(|(c, _)| c == "Violence").unwrap().1;
    assert!(violence >= 2, "{}", r.body);
    let ext = &r.body["custos"];
    let scores = ext["scores"].as_array().expect("scores");
    assert_eq!(scores.len(), 4);
    assert!(scores.iter().all(|s| (0.0..=1.0).contains(&s["score"].as_f64().unwrap())));
    let explained: Vec<&Value> = ext["explanations"].as_array().expect("explanations").iter().collect();
    let v = explained.iter().find(|e| e["category"] == "Violence").expect("Violence is explained");
    let spans = v["spans"].as_array().unwrap();
    assert!(!spans.is_empty(), "{}", r.body);
    let quoted: Vec<String> = spans.iter().map(|s| span_text(text, s)).collect();
    assert!(quoted.iter().any(|q| q.contains("kill")), "{quoted:?}");
    assert!(quoted.iter().all(|q| !q.contains("Café") && !q.contains("Bye")), "{quoted:?}");
    // Only flagged categories are explained.
    for e in &explained {
        let cat = e["category"].as_str().unwrap();
        let sev = severities(&r.body).into_iter().find(|(c, _)| c == cat).unwrap().1;
        assert!(sev >= 2, "{cat} explained at severity {sev}");
    }
}

#[tokio::test]
async fn span_severities_follow_the_output_type_and_benign_text_has_no_explanations() {
    let app = TestApp::new().await;
    let r = app
        .call(Method::POST, &url("/text:analyze"), Some(json!({"text": "I will kill you, I swear I will kill you"})))
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    for e in r.body["custos"]["explanations"].as_array().unwrap() {
        for s in e["spans"].as_array().unwrap() {
            assert_eq!(s["severity"].as_u64().unwrap() % 2, 0, "four-level output: {s}");
        }
    }
    let r = app
        .call(Method::POST, &url("/text:analyze"), Some(json!({"text": "See you at the station at six, thanks!"})))
        .await;
    assert_eq!(r.status, 200);
    assert!(r.body["custos"].get("explanations").is_none(), "{}", r.body);
    assert_eq!(r.body["custos"]["scores"].as_array().unwrap().len(), 4);
    // Requested categories only.
    let r = app
        .call(
            Method::POST,
            &url("/text:analyze"),
            Some(json!({"text": "I will kill you", "categories": ["Hate"]})),
        )
        .await;
    let scores = r.body["custos"]["scores"].as_array().unwrap();
    assert_eq!(scores.len(), 1);
    assert_eq!(scores[0]["category"], "Hate");
    assert!(r.body["custos"].get("explanations").map_or(true, |e| e.as_array().unwrap().iter().all(|x| x["category"] == "Hate")));
}
