//! Request content never reaches the logs. (The full on-disk canary test lives with the privacy issue; here the
//! log output of every route, errors included, is captured and searched.)

use crate::*;
use axum::body::Body;
use axum::http::Method;
use serde_json::json;
use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn capture() -> Captured {
    static LOG: OnceLock<Captured> = OnceLock::new();
    LOG.get_or_init(|| {
        let log = Captured::default();
        let writer = log.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_writer(move || writer.clone())
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("one global subscriber");
        log
    })
    .clone()
}

#[tokio::test]
async fn no_route_logs_request_content() {
    let log = capture();
    let app = TestApp::new().await;
    let canary = "zqxcanary4417";
    let text = format!("I will hurt you {canary} and {canary}");
    let calls = vec![
        (Method::POST, url("/text:analyze"), json!({"text": text})),
        (Method::POST, url("/text:analyze"), json!({"text": text, "categories": [canary]})),
        (Method::POST, url("/text:analyze"), json!({"text": canary.repeat(2000)})),
        (Method::PATCH, url("/text/blocklists/C"), json!({"description": canary})),
        (Method::POST, url("/text/blocklists/C:addOrUpdateBlocklistItems"), json!({"blocklistItems": [{"text": canary}]})),
        (Method::POST, url("/text/blocklists/C:addOrUpdateBlocklistItems"), json!({"blocklistItems": [{"text": canary.repeat(20)}]})),
        (Method::POST, url("/text:analyze"), json!({"text": text, "blocklistNames": ["C"], "haltOnBlocklistHit": true})),
        (Method::POST, url("/image:analyze"), json!({"image": {"content": b64(canary.as_bytes())}})),
        (Method::POST, url("/image:analyze"), json!({"image": {"content": canary}})),
        (Method::GET, url("/text/blocklists/C/blocklistItems"), serde_json::Value::Null),
        (Method::POST, url("/feedback"), json!({"kind": "falseNegative", "category": "Hate", "comment": canary, "content": text, "requestId": canary})),
        (Method::POST, url("/feedback"), json!({"kind": "abuse", "comment": canary.repeat(200)})),
    ];
    for (method, uri, body) in calls {
        let body = (!body.is_null()).then(|| Body::from(serde_json::to_vec(&body).unwrap()));
        let r = app.request(method, &uri, Some(KEY1), body, Some("application/json")).await;
        assert!(r.status.as_u16() < 500, "{uri}: {}", r.body);
        if r.status.as_u16() >= 400 {
            assert!(!r.body.to_string().contains(canary), "error message echoes content: {}", r.body);
        }
    }
    let raw = app.request(Method::POST, &url("/text:analyze"), Some(KEY1), Some(Body::from(format!("{{\"text\": {canary}}}"))), Some("application/json")).await;
    raw.assert_error(400, "InvalidRequestBody");
    assert!(!raw.body.to_string().contains(canary));

    // image.blobUrl (it may carry a SAS token): neither logged nor quoted, whether fetched or refused.
    let server = crate::image_blob::BlobServer::start(png(64, 64)).await;
    let blob_app = TestApp::with_config(server.config(&[])).await;
    let base = server.base();
    for blob_url in [
        format!("{base}/imgs/a.jpg?sig={canary}"),
        format!("{base}/imgs/{canary}"),
        format!("{base}/imgs/redirect?sig={canary}"),
        format!("{base}/{canary}/a.jpg"),
        format!("http://{canary}.invalid/imgs/a.jpg"),
    ] {
        let r = blob_app.call(Method::POST, &url("/image:analyze"), Some(json!({"image": {"blobUrl": blob_url}}))).await;
        assert!(r.status.as_u16() < 500, "{}", r.body);
        assert!(!r.body.to_string().contains(canary), "error message echoes the URL: {}", r.body);
    }
    assert_eq!(server.hits().len(), 3, "the allow-listed URLs were fetched");

    let logged = String::from_utf8_lossy(&log.0.lock().unwrap()).into_owned();
    assert!(logged.contains("request"), "the access log is captured: {logged}");
    assert!(!logged.contains(canary), "request content reached the log");
    assert!(!logged.contains(KEY1), "a key reached the log");
}
