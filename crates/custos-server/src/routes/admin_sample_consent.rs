//! Admin API: a resource's sample consent (`/admin/resources/{name}/sampleConsent`: put, get, delete = revoke)
//! and the operator's explicit export (`POST /admin/resources/{name}/samples:export`).
//!
//! Granting and revoking drop this replica's consent cache entry at once (see `crate::sampling`); revocation
//! deletes every sample and the consent key in one transaction before answering 204. Every grant, revocation and
//! export is in the audit log. Exports are the only way samples leave the service (e.g. for training): the first
//! line records the consent they were taken under.

use crate::error::ApiError;
use crate::extract::AzureJson;
use crate::routes::admin_resources::{find, rfc3339};
use crate::routes::review::sample_view;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use custos_store::{NewConsent, SampleConsent, SampleScope, OPERATOR};
use custos_wire::samples::{ConsentRequest, ConsentScope, ConsentView, ExportHeader, MAX_NAME_CHARS};

/// The wire view of a consent record.
pub fn consent_view(c: &SampleConsent) -> ConsentView {
    ConsentView {
        granted_by: c.granted_by.clone(),
        granted_at: rfc3339(c.granted_at),
        scope: match c.scope {
            SampleScope::Text => ConsentScope::Text,
            SampleScope::Image => ConsentScope::Image,
            SampleScope::Both => ConsentScope::Both,
        },
        sample_rate: c.sample_rate,
    }
}

/// `PUT /admin/resources/{name}/sampleConsent` → 201 (granted) or 200 (active consent updated).
pub async fn put(
    State(state): State<AppState>,
    Path(name): Path<String>,
    AzureJson(req): AzureJson<ConsentRequest>,
) -> Result<Response, ApiError> {
    let r = find(&state, &name).await?;
    let by = req.granted_by.trim();
    if by.is_empty() || by.chars().count() > MAX_NAME_CHARS {
        return Err(ApiError::body(format!("grantedBy must be 1-{MAX_NAME_CHARS} characters."), "grantedBy"));
    }
    if !(req.sample_rate.is_finite() && req.sample_rate > 0.0 && req.sample_rate <= 1.0) {
        return Err(ApiError::body("sampleRate must be greater than 0 and at most 1.", "sampleRate"));
    }
    let scope = match req.scope.unwrap_or(ConsentScope::Text) {
        ConsentScope::Text => SampleScope::Text,
        ConsentScope::Image => SampleScope::Image,
        ConsentScope::Both => SampleScope::Both,
    };
    let consent = NewConsent { granted_by: by.to_owned(), scope, sample_rate: req.sample_rate };
    let (stored, created) = state.store.grant_consent(&r, consent).await?;
    state.sampler.invalidate(&r.id);
    let status = if created { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(consent_view(&stored))).into_response())
}

/// `GET /admin/resources/{name}/sampleConsent`: the active consent, or 404.
pub async fn get(State(state): State<AppState>, Path(name): Path<String>) -> Result<Json<ConsentView>, ApiError> {
    let r = find(&state, &name).await?;
    let c = state.store.sample_consent(&r.id).await?.ok_or_else(no_consent)?;
    Ok(Json(consent_view(&c)))
}

/// `DELETE /admin/resources/{name}/sampleConsent` → 204: revokes consent, deletes every sample and the consent
/// key (crypto-shred) before answering, and stops sampling on this replica at once.
pub async fn delete(State(state): State<AppState>, Path(name): Path<String>) -> Result<StatusCode, ApiError> {
    let r = find(&state, &name).await?;
    let revoked = state.store.revoke_consent(&r, OPERATOR).await;
    state.sampler.invalidate(&r.id);
    if revoked? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(no_consent())
    }
}

/// `POST /admin/resources/{name}/samples:export` → `application/x-ndjson`: an [`ExportHeader`] line (the
/// consent record), then one masked sample per line. Audited.
pub async fn export(State(state): State<AppState>, Path(name): Path<String>) -> Result<Response, ApiError> {
    let r = find(&state, &name).await?;
    let (consent, samples) = state.store.export_samples(&r).await?.ok_or_else(no_consent)?;
    let body = export_ndjson(&r.name, &consent, samples)?;
    let mut resp = (StatusCode::OK, body).into_response();
    resp.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/x-ndjson"));
    Ok(resp)
}

/// The export body: an [`ExportHeader`] line, then one [`custos_wire::samples::SampleView`] per line (shared
/// with `custos admin samples export`).
pub fn export_ndjson(resource: &str, consent: &SampleConsent, samples: Vec<custos_store::Sample>) -> Result<Vec<u8>, ApiError> {
    let now = custos_store::now_secs();
    let header_line = ExportHeader {
        resource: resource.to_owned(),
        consent: consent_view(consent),
        exported_at: rfc3339(now),
        samples: samples.len(),
    };
    let mut body = serde_json::to_vec(&header_line).map_err(|e| ApiError::Internal(e.to_string()))?;
    body.push(b'\n');
    for s in samples {
        serde_json::to_writer(&mut body, &sample_view(s)?).map_err(|e| ApiError::Internal(e.to_string()))?;
        body.push(b'\n');
    }
    Ok(body)
}

fn no_consent() -> ApiError {
    ApiError::NotFound("The resource has no active sample consent.".into())
}
