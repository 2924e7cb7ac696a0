//! `GET|PATCH|DELETE /text/blocklists/{name}` and `GET /text/blocklists`.

use crate::app::base_url;
use crate::error::ApiError;
use crate::extract::{parse_json, Resource, Version};
use crate::routes::{chars, path_name};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use custos_store::{Blocklist, DescriptionPatch};
use custos_wire::blocklist::{Paged, TextBlocklist, TextBlocklistPatch, MAX_DESCRIPTION_CHARS};

fn wire(b: Blocklist) -> TextBlocklist {
    TextBlocklist { blocklist_name: b.name, description: b.description }
}

/// Lists the resource's blocklists (all of them: one page).
pub async fn list(State(state): State<AppState>, Resource(r): Resource) -> Result<Json<Paged<TextBlocklist>>, ApiError> {
    let value = state.store.list_blocklists(&r).await?.into_iter().map(wire).collect();
    Ok(Json(Paged { value, next_link: None }))
}

/// One blocklist.
pub async fn get(
    State(state): State<AppState>,
    Resource(r): Resource,
    Path(name): Path<String>,
) -> Result<Json<TextBlocklist>, ApiError> {
    path_name(&name)?;
    match state.store.get_blocklist(&r, &name).await? {
        Some(b) => Ok(Json(wire(b))),
        None => Err(not_found(&name)),
    }
}

/// Creates (201 + Location) or updates (200) a blocklist; the body is a JSON merge-patch.
pub async fn create_or_update(
    State(state): State<AppState>,
    Resource(r): Resource,
    Version(v): Version,
    Path(name): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    path_name(&name)?;
    let patch: TextBlocklistPatch =
        if body.iter().all(u8::is_ascii_whitespace) { TextBlocklistPatch::default() } else { parse_json(&body)? };
    if patch.blocklist_name.as_deref().is_some_and(|n| n != name) {
        return Err(ApiError::body("blocklistName in the body differs from the name in the URL.", "blocklistName"));
    }
    let description = match patch.description {
        None => DescriptionPatch::Keep,
        Some(None) => DescriptionPatch::Clear,
        Some(Some(d)) if chars(&d) > MAX_DESCRIPTION_CHARS => {
            return Err(ApiError::body(
                format!("The description is longer than {MAX_DESCRIPTION_CHARS} characters."),
                "description",
            ))
        }
        Some(Some(d)) => DescriptionPatch::Set(d),
    };
    let (list, created) = state.store.upsert_blocklist(&r, &name, description).await?;
    let mut resp = Json(wire(list)).into_response();
    if created {
        *resp.status_mut() = StatusCode::CREATED;
        let location =
            format!("{}/contentsafety/text/blocklists/{name}?api-version={}", base_url(&state, &headers), v.as_str());
        if let Ok(l) = HeaderValue::from_str(&location) {
            resp.headers_mut().insert(header::LOCATION, l);
        }
    }
    Ok(resp)
}

/// Deletes a blocklist and all its items (204), 404 if it does not exist.
pub async fn delete(
    State(state): State<AppState>,
    Resource(r): Resource,
    Path(name): Path<String>,
) -> Result<StatusCode, ApiError> {
    path_name(&name)?;
    if state.store.delete_blocklist(&r, &name).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(not_found(&name))
    }
}

/// The 404 for a missing list.
pub fn not_found(name: &str) -> ApiError {
    ApiError::NotFound(format!("The blocklist '{name}' does not exist."))
}
