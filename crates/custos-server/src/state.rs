//! Shared state: the store, the models, admission control and the compiled-blocklist cache.

use crate::error::ApiError;
use crate::usage::UsageRecorder;
use custos_engine::blocklist::{CompiledBlocklist, ItemSpec};
use custos_engine::image::ImageModel;
use custos_engine::text::ensemble::TextEnsemble;
use custos_store::{ResourceId, Store};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::sync::Semaphore;

/// The loaded models.
#[derive(Debug)]
pub struct Models {
    /// The text ensemble.
    pub text: TextEnsemble,
    /// The image models.
    pub image: ImageModel,
}

/// State shared by every handler.
#[derive(Clone)]
pub struct AppState {
    /// The store.
    pub store: Arc<Store>,
    /// The models.
    pub models: Arc<Models>,
    /// Compiled blocklists.
    pub matchers: Arc<MatcherCache>,
    /// Analysis requests admitted at once (running + waiting); a full house answers 429.
    pub admission: Arc<Semaphore>,
    /// Model runs at once (about one per core: the models are CPU-bound).
    pub workers: Arc<Semaphore>,
    /// Base URL for absolute links, when configured.
    pub public_url: Option<String>,
    /// Regions this instance serves.
    pub regions: Arc<Vec<String>>,
    /// The admin API key; `None` disables the admin API.
    pub admin_key: Option<Arc<str>>,
    /// Usage counters not yet written to the store (see [`crate::usage`]).
    pub usage: Arc<UsageRecorder>,
    /// Sample consents cache and draws (see [`crate::sampling`]).
    pub sampler: Arc<crate::sampling::Sampler>,
    /// `image.blobUrl` fetching from the operator's allow-list (see [`crate::blob_fetch`]).
    pub blob: Arc<crate::blob_fetch::BlobFetcher>,
}

impl AppState {
    /// Runs `f` on the blocking pool once a worker is free, refusing with 429 when too much is already waiting.
    /// Model code never runs on the async workers.
    pub async fn compute<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Models) -> T + Send + 'static,
    {
        let _admitted = self.admission.clone().try_acquire_owned().map_err(|_| ApiError::Busy)?;
        let _worker =
            self.workers.clone().acquire_owned().await.map_err(|_| ApiError::Internal("worker pool closed".into()))?;
        let models = self.models.clone();
        tokio::task::spawn_blocking(move || f(&models)).await.map_err(|e| {
            // The panic hook has already logged the location; the payload may quote content, so drop it.
            ApiError::Internal(if e.is_panic() { "analysis panicked".into() } else { "analysis cancelled".into() })
        })
    }
}

/// Compiled blocklists keyed by list row id, valid for one item version. A request compares the stored
/// versions of the lists it names (one query) and recompiles the ones that changed, so every change is in effect
/// for the next request, on every replica that shares the database.
#[derive(Default)]
pub struct MatcherCache {
    inner: Mutex<HashMap<i64, (i64, Arc<CompiledBlocklist>)>>,
}

impl MatcherCache {
    /// The compiled lists for `names` (deduplicated, in request order), or 404 for the first unknown name.
    pub async fn get(
        &self,
        store: &Store,
        r: &ResourceId,
        names: &[String],
    ) -> Result<Vec<(String, Arc<CompiledBlocklist>)>, ApiError> {
        let versions = store.list_versions(r, names).await?;
        let mut out = Vec::with_capacity(names.len());
        for (name, version) in names.iter().zip(versions) {
            let Some(v) = version else {
                return Err(ApiError::NotFound(format!("The blocklist '{name}' does not exist.")));
            };
            let cached = {
                let map = self.inner.lock().map_err(|_| ApiError::Internal("matcher cache poisoned".into()))?;
                map.get(&v.id).filter(|(ver, _)| *ver == v.version).map(|(_, m)| m.clone())
            };
            let matcher = match cached {
                Some(m) => m,
                None => {
                    let Some((v, items)) = store.load_items(r, name).await? else {
                        return Err(ApiError::NotFound(format!("The blocklist '{name}' does not exist.")));
                    };
                    let specs =
                        items.into_iter().map(|i| ItemSpec { id: i.id, text: i.text, is_regex: i.is_regex }).collect();
                    let compiled = tokio::task::spawn_blocking(move || CompiledBlocklist::compile(specs))
                        .await
                        .map_err(|_| ApiError::Internal("blocklist compilation panicked".into()))??;
                    let compiled = Arc::new(compiled);
                    let mut map = self.inner.lock().map_err(|_| ApiError::Internal("matcher cache poisoned".into()))?;
                    map.insert(v.id, (v.version, compiled.clone()));
                    compiled
                }
            };
            out.push((name.clone(), matcher));
        }
        Ok(out)
    }

}
