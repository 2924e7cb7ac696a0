//! The admin API (`/admin`, Bearer admin key): create, list, get and delete resources, regenerate, suspend and
//! reinstate a key.
//! Keys appear only in the answers to creation and regeneration; the store keeps salted hashes.

use crate::error::ApiError;
use crate::extract::{parse_json, AzureJson};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use custos_store::{KeySlot, ResourceInfo};
use custos_wire::admin::{is_valid_resource_name, CreateResource, ResourceKeys, ResourceView};
use custos_wire::blocklist::Paged;
use custos_wire::usage::{KeyNameRequest, KeyState, KeyStates};

/// Checks `Authorization: Bearer <admin key>` in constant time. Without a configured admin key the admin API
/// does not exist (404).
pub async fn guard(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let Some(expected) = state.admin_key.as_deref() else { return ApiError::NoRoute.into_response() };
    let given = crate::extract::bearer_token(req.headers());
    if !custos_store::keys::ct_eq(
        &custos_store::keys::hash(b"admin", given),
        &custos_store::keys::hash(b"admin", expected),
    ) {
        return ApiError::Unauthorized.into_response();
    }
    next.run(req).await
}

/// RFC 3339 UTC from seconds since the epoch (civil-from-days; no date crate needed).
pub fn rfc3339(secs: i64) -> String {
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

fn view(r: ResourceInfo) -> ResourceView {
    ResourceView { name: r.name, region: r.region, created_at: rfc3339(r.created_at) }
}

fn check_name(name: &str) -> Result<(), ApiError> {
    if is_valid_resource_name(name) {
        Ok(())
    } else {
        Err(ApiError::InvalidName {
            message: "Resource names are 2-64 letters, digits and '-', starting with a letter or digit.".into(),
            target: "resourceName",
        })
    }
}

/// `POST /admin/resources` → 201 with both keys (shown once).
pub async fn create(
    State(state): State<AppState>,
    AzureJson(req): AzureJson<CreateResource>,
) -> Result<Response, ApiError> {
    check_name(&req.name).map_err(|_| ApiError::body("Invalid resource name.", "name"))?;
    let region = req.region.unwrap_or_else(|| state.regions[0].clone());
    if !state.regions.contains(&region) {
        return Err(ApiError::body(
            format!("This instance serves regions {:?}; create the resource at an instance of its region.", state.regions),
            "region",
        ));
    }
    let keys = state.store.create_resource(&req.name, &region).await?;
    let body = ResourceKeys { name: req.name, region, key1: Some(keys.key1), key2: Some(keys.key2) };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// `GET /admin/resources`
pub async fn list(State(state): State<AppState>) -> Result<Json<Paged<ResourceView>>, ApiError> {
    let value = state.store.list_resources().await?.into_iter().map(view).collect();
    Ok(Json(Paged { value, next_link: None }))
}

/// The resource named `name` (400 for an invalid name, 404 when absent).
pub async fn find(state: &AppState, name: &str) -> Result<ResourceInfo, ApiError> {
    check_name(name)?;
    state
        .store
        .list_resources()
        .await?
        .into_iter()
        .find(|r| r.name == name)
        .ok_or_else(|| ApiError::NotFound(format!("The resource '{name}' does not exist.")))
}

/// `GET /admin/resources/{name}`
pub async fn get(State(state): State<AppState>, Path(name): Path<String>) -> Result<Json<ResourceView>, ApiError> {
    Ok(Json(view(find(&state, &name).await?)))
}

/// `DELETE /admin/resources/{name}` → 204; its keys stop working and its blocklists are erased.
pub async fn delete(State(state): State<AppState>, Path(name): Path<String>) -> Result<StatusCode, ApiError> {
    check_name(&name)?;
    if state.store.delete_resource(&name).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound(format!("The resource '{name}' does not exist.")))
    }
}

fn key_slot(body: &[u8]) -> Result<KeySlot, ApiError> {
    let req: KeyNameRequest = parse_json(body)?;
    match req.key_name.as_str() {
        "key1" | "Key1" => Ok(KeySlot::One),
        "key2" | "Key2" => Ok(KeySlot::Two),
        _ => Err(ApiError::body("keyName must be key1 or key2.", "keyName")),
    }
}

/// `POST /admin/resources/{name}:ACTION` with `{"keyName": "key1"|"key2"}`:
/// - `:regenerateKey` replaces the key; the other keeps working, so clients can rotate without downtime. A
///   regenerated key starts active, even if the one it replaces was suspended.
/// - `:suspendKey` makes every data-plane request with the key fail with 403 `KeySuspended` (at once, on every
///   replica: keys are checked against the database on each request); `:reinstateKey` lifts that. Both answer
///   with the states of both keys.
pub async fn action(
    State(state): State<AppState>,
    Path(segment): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let Some((name, action)) = segment.rsplit_once(':') else { return Err(ApiError::NoRoute) };
    let suspend = match action {
        "regenerateKey" => return Ok(regenerate(&state, name, &body).await?.into_response()),
        "suspendKey" => true,
        "reinstateKey" => false,
        _ => return Err(ApiError::NoRoute),
    };
    let info = find(&state, name).await?;
    let slot = key_slot(&body)?;
    if !state.store.set_key_suspended(name, slot, suspend).await? {
        return Err(ApiError::NotFound(format!("The resource '{name}' does not exist.")));
    }
    let keys: Vec<KeyState> = state
        .store
        .key_states(&info.id)
        .await?
        .into_iter()
        .map(|(slot, suspended)| KeyState { key_name: slot.name().to_owned(), suspended })
        .collect();
    Ok(Json(KeyStates { name: info.name, keys }).into_response())
}

async fn regenerate(state: &AppState, name: &str, body: &[u8]) -> Result<Json<ResourceKeys>, ApiError> {
    let info = find(state, name).await?;
    let slot = key_slot(body)?;
    let key = state
        .store
        .regenerate_key(name, slot)
        .await?
        .ok_or_else(|| ApiError::NotFound(format!("The resource '{name}' does not exist.")))?;
    let (key1, key2) = match slot {
        KeySlot::One => (Some(key), None),
        KeySlot::Two => (None, Some(key)),
    };
    Ok(Json(ResourceKeys { name: info.name, region: info.region, key1, key2 }))
}

#[cfg(test)]
mod tests {
    #[test]
    fn rfc3339_dates() {
        assert_eq!(super::rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(super::rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(super::rfc3339(1_795_741_199), "2026-11-27T00:59:59Z");
    }
}
