//! The Custos HTTP service: the Azure AI Content Safety data plane (api-versions 2023-10-01 and 2024-09-01).
//!
//! # Layout
//! - [`config`]: the one validated `Config` (embedded defaults, file, environment).
//! - [`app`]: `fn app(state) -> Router`, middleware (request id, access log, time limit, key, api-version).
//! - [`routes`]: one file per resource; a handler validates, calls the store or the engine, converts to wire.
//! - [`error`]: `ApiError`, the single mapping from every failure to status + Azure error envelope.
//! - [`extract`]: extractors whose rejections are `ApiError`s.
//! - [`state`]: shared state: store, models, admission control, compiled-blocklist cache.
//! - [`pii`], [`sampling`]: the Sample Content program (opt-in, masked, sealed samples; see `routes::review`).
//! - [`usage`]: abuse monitoring without content: counters in memory, flushed to the store in the background.
//! - [`blob_fetch`]: `image.blobUrl`, fetched only from the operator's allow-list (off by default).
//!
//! [`run`] builds everything from a `Config` and serves until the shutdown future resolves.
//! No code here logs or stores request content: logs carry method, route template, status, latency, request id
//! and a hash of the resource id.
#![deny(missing_docs)]

pub mod app;
pub mod blob_fetch;
pub mod config;
pub mod error;
pub mod extract;
pub mod pii;
pub mod routes;
pub mod sampling;
pub mod state;
pub mod usage;

use anyhow::Context;
use config::{Config, DatabaseUrl};
use custos_engine::image::ImageModel;
use custos_engine::text::ensemble::TextEnsemble;
use custos_store::postgres::PostgresStore;
use custos_store::sqlite::SqliteStore;
use custos_store::crypto::Keyring;
use custos_store::{Backend, Store};
use state::{AppState, MatcherCache, Models};
use std::future::Future;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

/// Loads the models from `dir` (text from `dir/text`, the encoder, image models and ONNX Runtime from `dir/vendor`).
/// `threads` is the intra-op thread count of each ONNX Runtime session; the text encoder gets one session per CPU
/// (at most 4), since requests run one per worker.
pub fn load_models(dir: &Path, threads: usize) -> anyhow::Result<Models> {
    let sessions = std::thread::available_parallelism().map_or(1, |n| n.get()).min(4);
    let text = TextEnsemble::load(dir, threads, sessions).with_context(|| {
        format!(
            "loading the text ensemble from {} (`make models` fetches and builds the model files)",
            dir.display()
        )
    })?;
    let image_threads = threads;
    let image = ImageModel::load(dir, image_threads).with_context(|| {
        format!("loading the image models from {} (run scripts/fetch-models.sh to fetch them)", dir.display())
    })?;
    Ok(Models { text, image })
}

/// Opens the configured store: the SQLite file, or the PostgreSQL database (retrying for about 30 s while the
/// server is unreachable, then failing with a message naming host and port), behind the encrypting [`Store`].
pub async fn open_store(config: &Config) -> anyhow::Result<Arc<Store>> {
    let backend: Arc<dyn Backend> = match config.database_url()? {
        DatabaseUrl::Sqlite(path) => {
            Arc::new(SqliteStore::open(&path).with_context(|| format!("opening {}", path.display()))?)
        }
        DatabaseUrl::Postgres(url) => {
            Arc::new(PostgresStore::connect(&url).await.context("opening the PostgreSQL store")?)
        }
    };
    Ok(Arc::new(Store::new(backend, open_keyring(config)?)))
}

/// The master keyring: `CUSTOS_MASTER_KEY` when set, else the keyring file (created on first start).
pub fn open_keyring(config: &Config) -> anyhow::Result<Arc<Keyring>> {
    let key = config.crypto.master_key.expose();
    let ring = if key.is_empty() {
        let path = &config.crypto.master_key_file;
        Keyring::open_or_create(path).with_context(|| format!("opening the master keyring {}", path.display()))?
    } else {
        Keyring::from_base64(key).context("CUSTOS_MASTER_KEY")?
    };
    Ok(Arc::new(ring))
}

/// Builds the state from its parts.
pub fn build_state(config: &Config, store: Arc<Store>, models: Arc<Models>) -> AppState {
    AppState {
        store,
        models,
        matchers: Arc::new(MatcherCache::default()),
        admission: Arc::new(Semaphore::new(config.engine.max_pending)),
        workers: Arc::new(Semaphore::new(config.workers())),
        public_url: Some(config.server.public_url.clone()).filter(|u| !u.is_empty()),
        regions: Arc::new(config.server.regions.clone()),
        admin_key: Some(config.auth.admin_key.expose()).filter(|k| !k.is_empty()).map(Arc::from),
        usage: Arc::new(usage::UsageRecorder::default()),
        sampler: Arc::new(sampling::Sampler::default()),
        // Config::load has checked the allow-list; a Config built otherwise and invalid fetches nothing.
        blob: Arc::new(blob_fetch::BlobFetcher::new(&config.blob_fetch).unwrap_or_else(|e| {
            tracing::error!(error = %e, "image.blobUrl fetching disabled");
            blob_fetch::BlobFetcher::disabled()
        })),
    }
}

/// Starts the service: opens the store, creates the default resource on first start (printing its keys once
/// on stdout), loads the models, binds, and serves until `shutdown` resolves. Calls `on_bound` with the bound
/// address (useful with port 0).
pub async fn run(
    config: Config,
    shutdown: impl Future<Output = ()> + Send + 'static,
    on_bound: impl FnOnce(SocketAddr),
) -> anyhow::Result<()> {
    let store = open_store(&config).await?;
    let bootstrap = Some(config.auth.bootstrap_key.expose()).filter(|k| !k.is_empty());
    if let Some(keys) = store.ensure_default_resource(bootstrap, &config.server.regions[0]).await? {
        // Printed once, on stdout (not the log): only salted hashes are stored.
        if bootstrap.is_some() {
            println!("Created the default resource. Key 1 is CUSTOS_BOOTSTRAP_KEY. Key 2: {}", keys.key2);
        } else {
            println!("Created the default resource. Key 1: {}  Key 2: {}", keys.key1, keys.key2);
        }
        println!("Keys are shown only now; store them safely.");
    }
    let started = std::time::Instant::now();
    let dir = config.models.dir.clone();
    let threads = config.engine.image_threads;
    let models = tokio::task::spawn_blocking(move || load_models(&dir, threads)).await??;
    tracing::info!(elapsed_ms = started.elapsed().as_millis() as u64, "models loaded");
    let state = build_state(&config, store.clone(), Arc::new(models));
    let usage = state.usage.clone();
    let flusher = usage.clone().spawn_flusher(store.clone(), Duration::from_secs(config.usage.flush_secs));
    let router = app::app(state, config.server.max_body_bytes, Duration::from_secs(config.server.request_timeout_secs));
    let listener = tokio::net::TcpListener::bind(config.server.listen)
        .await
        .with_context(|| format!("binding {}", config.server.listen))?;
    let addr = listener.local_addr()?;
    tracing::info!(%addr, "listening");
    on_bound(addr);
    let served = axum::serve(listener, router).with_graceful_shutdown(shutdown).await;
    // Write the last counts even when serving failed.
    flusher.abort();
    if let Err(e) = usage.flush(&store).await {
        tracing::warn!(error = %e, "could not write the last usage counters");
    }
    served?;
    tracing::info!("stopped");
    Ok(())
}

/// Replaces the default panic hook, whose message can quote the data being processed (a string slice panic
/// prints the string), with one that logs only the location.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let location = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
        tracing::error!(%location, "panic (message withheld: it may contain request content)");
    }));
}
