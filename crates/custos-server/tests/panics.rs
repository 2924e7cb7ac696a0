//! A panic while analysing is caught: the client gets a generic 500 in the Azure shape, and neither the response
//! nor the log carries the panic message (which, in real panics such as a bad string slice, quotes the data).
//! Its own test binary, because it installs the process-wide panic hook and log subscriber.

use axum::response::IntoResponse;
use custos_server::config::Config;
use std::io::Write;
use std::sync::{Arc, Mutex};

const CANARY: &str = "zqpaniccanary3307";

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

#[tokio::test]
async fn a_panic_in_analysis_becomes_a_generic_500_and_its_message_is_not_logged() {
    let log = Captured::default();
    let writer = log.clone();
    tracing::subscriber::set_global_default(
        tracing_subscriber::fmt().with_max_level(tracing::Level::TRACE).with_writer(move || writer.clone()).finish(),
    )
    .unwrap();
    custos_server::install_panic_hook();

    let dir = tempfile::tempdir().unwrap();
    let config = Config::load(
        None,
        vec![
            ("CUSTOS_DATABASE_URL".into(), format!("sqlite://{}/custos.db", dir.path().display())),
            ("CUSTOS__CRYPTO__MASTER_KEY_FILE".into(), dir.path().join("master.key").display().to_string()),
        ],
    )
    .unwrap();
    let store = custos_server::open_store(&config).await.unwrap();
    let model_dir = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../models"));
    let models = Arc::new(custos_server::load_models(&model_dir, 1).unwrap());
    let state = custos_server::build_state(&config, store, models);

    let text = format!("user text {CANARY}");
    let err = state
        .compute(move |_| {
            // What a real bug looks like: slicing inside a multi-byte character panics with the string quoted.
            let s = format!("é{text}");
            s[1..].len()
        })
        .await
        .unwrap_err();
    let resp = err.into_response();
    assert_eq!(resp.status().as_u16(), 500);
    assert_eq!(resp.headers()["x-ms-error-code"], "InternalError");
    let body = http_body_util::BodyExt::collect(resp.into_body()).await.unwrap().to_bytes();
    let body = String::from_utf8_lossy(&body);
    assert!(body.contains("An internal error occurred"), "{body}");
    assert!(!body.contains(CANARY));

    // The server keeps working after the panic.
    assert_eq!(state.compute(|m| m.text.analyze("hello").severities.len()).await.unwrap(), 4);

    let logged = String::from_utf8_lossy(&log.0.lock().unwrap()).into_owned();
    assert!(logged.contains("panic (message withheld"), "the panic is logged with its location: {logged}");
    assert!(!logged.contains(CANARY), "the panic message reached the log: {logged}");
}
