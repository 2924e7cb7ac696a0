//! Admin API: `GET /admin/resources/{name}/usage?hours=N`: a resource's usage counters per key and hour, and
//! which keys are suspended. Counts only; no content is ever counted or stored (see [`crate::usage`]).

use crate::error::ApiError;
use crate::extract::QueryPairs;
use crate::routes::admin_resources::{find, rfc3339};
use crate::state::AppState;
use crate::usage::current_bucket;
use axum::extract::{Path, State};
use axum::Json;
use custos_store::USAGE_BUCKET_SECS;
use custos_wire::usage::{KeyState, UsageBucket, UsageReport};

/// Default and largest `hours`.
pub const DEFAULT_HOURS: u32 = 24;
/// Largest `hours` (31 days).
pub const MAX_HOURS: u32 = 744;

/// `GET /admin/resources/{name}/usage?hours=N` (1–744, default 24; the current hour counts as one).
pub async fn usage(
    State(state): State<AppState>,
    Path(name): Path<String>,
    query: QueryPairs,
) -> Result<Json<UsageReport>, ApiError> {
    let hours = match query.non_negative("hours")? {
        None => DEFAULT_HOURS,
        Some(h) if (1..=MAX_HOURS as usize).contains(&h) => h as u32,
        Some(_) => {
            return Err(ApiError::InvalidBody {
                message: format!("hours is between 1 and {MAX_HOURS}."),
                target: Some("hours".into()),
            })
        }
    };
    let r = find(&state, &name).await?;
    // This replica's counts are written first, so the answer includes them.
    state.usage.flush(&state.store).await?;
    let since = current_bucket() - (i64::from(hours) - 1) * USAGE_BUCKET_SECS;
    let mut buckets: Vec<UsageBucket> = Vec::new();
    for c in state.store.usage(&r.id, since).await? {
        let (start, key_name) = (rfc3339(c.bucket), c.slot.name());
        match buckets.last_mut() {
            Some(b) if b.start == start && b.key_name == key_name => {
                b.counts.insert(c.counter, c.count);
            }
            _ => buckets.push(UsageBucket {
                start,
                key_name: key_name.to_owned(),
                counts: [(c.counter, c.count)].into_iter().collect(),
            }),
        }
    }
    let keys = state
        .store
        .key_states(&r.id)
        .await?
        .into_iter()
        .map(|(slot, suspended)| KeyState { key_name: slot.name().to_owned(), suspended })
        .collect();
    Ok(Json(UsageReport { name: r.name, hours, keys, buckets }))
}
