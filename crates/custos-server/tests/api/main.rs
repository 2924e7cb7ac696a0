//! API tests: the whole router driven in-process (no socket) against a temporary SQLite database and the real
//! models from `<workspace>/models` (run `scripts/fetch-models.sh` first; `make test` does).
//!
//! Where new tests go: one module per resource (`text`, `image`, `image_blob` for `image.blobUrl` fetching against
//! a local HTTP server, `blocklists`, `protocol` for auth, versions and
//! errors, `privacy` for what must never be logged, `admin` for the admin API, `feedback` for reports, `usage` for
//! usage counters and key suspension, `samples` for the Sample Content program: consent, masking, reviewers, audit,
//! `explain` for the text extension: scores and explanation spans).

mod admin;
mod blocklists;
mod explain;
mod feedback;
mod image;
mod image_blob;
mod isolation;
mod privacy;
mod protocol;
mod samples;
mod text;
mod usage;

use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use axum::Router;
use custos_server::config::Config;
use custos_server::state::Models;
use custos_store::sqlite::SqliteStore;
use custos_store::crypto::Keyring;
use custos_store::Store;
use serde_json::Value;
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tower::ServiceExt;

pub const KEY1: &str = "test-key-one-0000000000000000000";

pub fn model_dir() -> std::path::PathBuf {
    std::env::var_os("CUSTOS_MODEL_DIR")
        .map(Into::into)
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/../../models").into())
}

fn models() -> Arc<Models> {
    static MODELS: OnceLock<Arc<Models>> = OnceLock::new();
    MODELS
        .get_or_init(|| {
            Arc::new(custos_server::load_models(&model_dir(), 1).unwrap_or_else(|e| {
                panic!("cannot load models from {} ({e:#}); run scripts/fetch-models.sh", model_dir().display())
            }))
        })
        .clone()
}

pub struct TestApp {
    pub router: Router,
    pub store: Arc<Store>,
    pub key2: String,
    pub dir: tempfile::TempDir,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
    pub raw: Vec<u8>,
}

impl Reply {
    /// Asserts an Azure error envelope with `code` (also in `x-ms-error-code`).
    #[track_caller]
    pub fn assert_error(&self, status: u16, code: &str) {
        assert_eq!(self.status.as_u16(), status, "body: {}", self.body);
        assert_eq!(self.body["error"]["code"], code, "body: {}", self.body);
        assert!(self.body["error"]["message"].as_str().is_some_and(|m| !m.is_empty()));
        assert_eq!(self.headers.get("x-ms-error-code").and_then(|v| v.to_str().ok()), Some(code));
    }
}

impl TestApp {
    pub async fn new() -> TestApp {
        Self::with_config(Config::load(None, Vec::new()).unwrap()).await
    }

    pub async fn with_config(config: Config) -> TestApp {
        Self::with_state(config, |_| {}).await
    }

    /// Like [`TestApp::with_config`], with a chance to change the state before the router is built.
    pub async fn with_state(config: Config, edit: impl FnOnce(&mut custos_server::state::AppState)) -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let backend = SqliteStore::open(&dir.path().join("custos.db")).unwrap();
        let keyring = Keyring::open_or_create(&dir.path().join("master.key")).unwrap();
        let store = Store::new(Arc::new(backend), Arc::new(keyring));
        let keys = store.ensure_default_resource(Some(KEY1), &config.server.regions[0]).await.unwrap().unwrap();
        let store = Arc::new(store);
        let mut state = custos_server::build_state(&config, store.clone(), models());
        edit(&mut state);
        let router = custos_server::app::app(state, config.server.max_body_bytes, Duration::from_secs(30));
        TestApp { router, store, key2: keys.key2, dir }
    }

    pub async fn request(&self, method: Method, uri: impl AsRef<str>, key: Option<&str>, body: Option<Body>, content_type: Option<&str>) -> Reply {
        let mut req = Request::builder().method(method).uri(uri.as_ref()).header("host", "custos.test:5080");
        if let Some(k) = key {
            req = req.header("Ocp-Apim-Subscription-Key", k);
        }
        if let Some(ct) = content_type {
            req = req.header("content-type", ct);
        }
        let resp = self.router.clone().oneshot(req.body(body.unwrap_or_else(Body::empty)).unwrap()).await.unwrap();
        let status = resp.status();
        let headers = resp.headers().clone();
        let raw = http_body_util::BodyExt::collect(resp.into_body()).await.unwrap().to_bytes().to_vec();
        let body = if raw.is_empty() { Value::Null } else { serde_json::from_slice(&raw).unwrap_or(Value::Null) };
        Reply { status, headers, body, raw }
    }

    /// A JSON call with key 1.
    pub async fn call(&self, method: Method, uri: impl AsRef<str>, body: Option<Value>) -> Reply {
        let body = body.map(|b| Body::from(serde_json::to_vec(&b).unwrap()));
        self.request(method, uri, Some(KEY1), body, Some("application/json")).await
    }
}

/// `path` under /contentsafety with api-version 2023-10-01.
pub fn url(path: &str) -> String {
    versioned(path, "2023-10-01")
}

pub fn versioned(path: &str, version: &str) -> String {
    let sep = if path.contains('?') { '&' } else { '?' };
    format!("/contentsafety{path}{sep}api-version={version}")
}

/// A PNG of `w`×`h` with a smooth gradient.
pub fn png(w: u32, h: u32) -> Vec<u8> {
    let img = ::image::RgbImage::from_fn(w, h, |x, y| ::image::Rgb([(x * 255 / w.max(1)) as u8, (y * 255 / h.max(1)) as u8, 128]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, ::image::ImageFormat::Png).unwrap();
    out.into_inner()
}

pub fn b64(bytes: &[u8]) -> String {
    // Standard base64 with padding, as the Python SDK sends it.
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::new();
    for c in bytes.chunks(3) {
        let n = (c[0] as u32) << 16 | (*c.get(1).unwrap_or(&0) as u32) << 8 | *c.get(2).unwrap_or(&0) as u32;
        for i in 0..4 {
            if i <= c.len() {
                s.push(T[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}

/// Severities of a categoriesAnalysis array, as (category, severity) pairs.
pub fn severities(body: &Value) -> Vec<(String, i64)> {
    body["categoriesAnalysis"]
        .as_array()
        .unwrap_or_else(|| panic!("no categoriesAnalysis in {body}"))
        .iter()
        .map(|c| (c["category"].as_str().unwrap().to_owned(), c["severity"].as_i64().unwrap()))
        .collect()
}
