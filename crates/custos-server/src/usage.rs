//! Abuse monitoring without content: aggregate counters per resource, key slot and hour.
//!
//! Design: the request path only bumps a number in memory ([`UsageRecorder::add`]: one std mutex, held for a
//! hash-map update, never across an await). A background task ([`UsageRecorder::spawn_flusher`]) writes the
//! accumulated increments to the store every `usage.flush_secs` (one upsert per counter, in one transaction), and
//! [`crate::run`] flushes once more at shutdown; the admin usage endpoint flushes first too, so its answer is
//! current for the replica that serves it. If a flush fails (database down) the increments are put back and
//! retried next time. A crash loses at most one interval of counts; that is the price of keeping database writes
//! off the response path.
//!
//! Counter names come from [`Counter`] (enums and numbers only): no text, no hash of text, ever.

use custos_store::{KeySlot, ResourceId, Store, StoreError, UsageIncrement, USAGE_BUCKET_SECS};
use custos_wire::Category;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Counter {
    /// An authenticated data-plane request (suspended keys excluded).
    Requests,
    /// A request answered 429 (admission full).
    RateLimited,
    /// A request refused because its key is suspended.
    SuspendedRejections,
    /// Blocklist items matched by `text:analyze`.
    BlocklistHits,
    /// A text result: category and reported severity.
    Text(Category, u8),
    /// An image result: category and reported severity.
    Image(Category, u8),
}

impl Counter {
    /// The stored name.
    pub fn name(self) -> String {
        match self {
            Counter::Requests => "requests".into(),
            Counter::RateLimited => "rateLimited".into(),
            Counter::SuspendedRejections => "suspendedRejections".into(),
            Counter::BlocklistHits => "blocklistHits".into(),
            Counter::Text(c, s) => format!("text/{c}/{s}"),
            Counter::Image(c, s) => format!("image/{c}/{s}"),
        }
    }
}

type Key = (ResourceId, KeySlot, i64, Counter);

/// Counts in memory until the next flush.
#[derive(Debug, Default)]
pub struct UsageRecorder {
    pending: Mutex<HashMap<Key, i64>>,
}

/// Start of the current hour bucket.
pub fn current_bucket() -> i64 {
    let now = custos_store::now_secs();
    now - now.rem_euclid(USAGE_BUCKET_SECS)
}

impl UsageRecorder {
    fn pending(&self) -> std::sync::MutexGuard<'_, HashMap<Key, i64>> {
        // A panic while holding the lock cannot leave a count half-written; keep counting.
        self.pending.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Adds `n` to `counter` of the resource's key `slot` in the current hour.
    pub fn add(&self, r: &ResourceId, slot: KeySlot, counter: Counter, n: i64) {
        if n == 0 {
            return;
        }
        *self.pending().entry((r.clone(), slot, current_bucket(), counter)).or_insert(0) += n;
    }

    /// Adds one.
    pub fn incr(&self, r: &ResourceId, slot: KeySlot, counter: Counter) {
        self.add(r, slot, counter, 1);
    }

    /// Writes everything counted so far to the store; on failure the counts are kept for the next flush.
    /// Returns how many counters were written.
    pub async fn flush(&self, store: &Store) -> Result<usize, StoreError> {
        let taken: Vec<(Key, i64)> = self.pending().drain().collect();
        if taken.is_empty() {
            return Ok(0);
        }
        let increments: Vec<UsageIncrement> = taken
            .iter()
            .map(|((resource, slot, bucket, counter), count)| UsageIncrement {
                resource: resource.clone(),
                slot: *slot,
                bucket: *bucket,
                counter: counter.name(),
                count: *count,
            })
            .collect();
        match store.add_usage(&increments).await {
            Ok(()) => Ok(increments.len()),
            Err(e) => {
                let mut pending = self.pending();
                for (key, count) in taken {
                    *pending.entry(key).or_insert(0) += count;
                }
                Err(e)
            }
        }
    }

    /// Flushes every `every` until the returned task is aborted.
    pub fn spawn_flusher(self: Arc<Self>, store: Arc<Store>, every: Duration) -> tokio::task::JoinHandle<()> {
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            // The first tick is immediate and there is nothing to write yet.
            tick.tick().await;
            loop {
                tick.tick().await;
                if let Err(e) = self.flush(&store).await {
                    tracing::warn!(error = %e, "could not write usage counters; keeping them for the next try");
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counter_names_are_fixed_vocabulary() {
        assert_eq!(Counter::Requests.name(), "requests");
        assert_eq!(Counter::Text(Category::SelfHarm, 4).name(), "text/SelfHarm/4");
        assert_eq!(Counter::Image(Category::Sexual, 2).name(), "image/Sexual/2");
        assert_eq!(current_bucket() % 3600, 0);
    }

    #[test]
    fn increments_accumulate_per_key() {
        let u = UsageRecorder::default();
        let r = ResourceId("r".into());
        u.incr(&r, KeySlot::One, Counter::Requests);
        u.add(&r, KeySlot::One, Counter::Requests, 2);
        u.incr(&r, KeySlot::Two, Counter::Requests);
        u.add(&r, KeySlot::Two, Counter::BlocklistHits, 0);
        let p = u.pending();
        assert_eq!(p.len(), 2);
        assert_eq!(p.get(&(r.clone(), KeySlot::One, current_bucket(), Counter::Requests)), Some(&3));
    }
}
