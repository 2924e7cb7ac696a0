//! The Sample Content program, server side: deciding per request whether to keep a sample, masking it, and
//! storing it off the response path.
//!
//! - Opt-in: nothing is sampled unless the resource has an active consent (granted through the admin API or CLI).
//! - Per request, a sample is drawn with probability `sampleRate` (`rand`), only for the kinds the consent's
//!   scope covers. Text is masked with [`crate::pii::mask`] and sealed with the consent key by the store; image
//!   samples keep severities only (image bytes are never stored).
//! - Storing happens in a spawned task after the answer is computed; it never delays or fails a request, and
//!   failures are logged without content (store errors never quote content).
//! - Consents are cached per resource for [`CONSENT_TTL`]. Granting or revoking through the admin API drops this
//!   replica's entry at once. Revocation is enforced by the database regardless of caches: a sample insert
//!   selects the consent's key row, which revocation deletes (and the samples reference it), so once revocation
//!   commits no replica can store another sample of that consent. Other replicas (or the CLI) only waste at most
//!   [`CONSENT_TTL`] of draws whose inserts are no-ops; a grant reaches other replicas within [`CONSENT_TTL`].

use custos_store::{ActiveConsent, ResourceId, SampleKind, Store};
use custos_wire::text::CategoryAnalysis;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a resource's consent (or its absence) is cached per replica.
pub const CONSENT_TTL: Duration = Duration::from_secs(1);

/// Per-replica consent cache and sample drawing.
#[derive(Default)]
pub struct Sampler {
    cache: Mutex<HashMap<String, (Instant, Option<ActiveConsent>)>>,
}

impl Sampler {
    /// The consent to store a sample under, when the resource has an active consent covering `kind` and the draw
    /// (probability = sample rate) says so; `None` otherwise (and on store errors: sampling never fails a request).
    pub async fn draw(&self, store: &Store, r: &ResourceId, kind: SampleKind) -> Option<ActiveConsent> {
        let cached = self
            .cache
            .lock()
            .ok()?
            .get(&r.0)
            .filter(|(at, _)| at.elapsed() < CONSENT_TTL)
            .map(|(_, c)| c.clone());
        let consent = match cached {
            Some(c) => c,
            None => {
                let fetched = match store.active_consent(r).await {
                    Ok(c) => c,
                    Err(e) => {
                        tracing::warn!(error = %e, "cannot read sample consent; not sampling");
                        return None;
                    }
                };
                self.cache.lock().ok()?.insert(r.0.clone(), (Instant::now(), fetched.clone()));
                fetched
            }
        }?;
        (consent.consent.scope.covers(kind) && rand::random::<f64>() < consent.consent.sample_rate).then_some(consent)
    }

    /// Forgets the cached consent of a resource (after a grant or revocation on this replica).
    pub fn invalidate(&self, r: &ResourceId) {
        if let Ok(mut c) = self.cache.lock() {
            c.remove(&r.0);
        }
    }
}

/// `Hate=2,SelfHarm=0,...`: the severities answered, in a fixed vocabulary.
pub fn severities(analysis: &[CategoryAnalysis]) -> String {
    analysis.iter().map(|c| format!("{}={}", c.category.as_str(), c.severity.level())).collect::<Vec<_>>().join(",")
}

/// Masks `text` (when given) and stores the sample in a background task.
pub fn keep(store: Arc<Store>, r: ResourceId, consent: ActiveConsent, kind: SampleKind, text: Option<String>, severities: String) {
    tokio::spawn(async move {
        let masked = match text {
            Some(t) => match tokio::task::spawn_blocking(move || crate::pii::mask(&t)).await {
                Ok(m) => Some(m),
                Err(_) => return,
            },
            None => None,
        };
        if let Err(e) = store.add_sample(&r, &consent, kind, masked.as_deref(), severities).await {
            tracing::warn!(error = %e, "cannot store a sample");
        }
    });
}
