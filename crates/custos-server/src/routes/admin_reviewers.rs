//! Admin API: reviewers (`/admin/reviewers[/{name}]`: create, list, delete) and the audit log of the Sample
//! Content program (`GET /admin/audit[?resource=NAME]`).
//!
//! Reviewers are a global role: a reviewer key reads and labels the samples of every resource with active
//! consent, and nothing else (not `/contentsafety`, not `/admin`). Keys are shown once, at creation; the store
//! keeps salted hashes.

use crate::error::ApiError;
use crate::extract::{AzureJson, QueryPairs};
use crate::routes::admin_resources::rfc3339;
use crate::state::AppState;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use custos_store::Reviewer;
use custos_wire::admin::is_valid_resource_name;
use custos_wire::blocklist::Paged;
use custos_wire::samples::{AuditEntryView, CreateReviewer, ReviewerView};

fn view(r: Reviewer, key: Option<String>) -> ReviewerView {
    ReviewerView { name: r.name, created_at: rfc3339(r.created_at), key }
}

fn check_name(name: &str) -> Result<(), ApiError> {
    if is_valid_resource_name(name) {
        Ok(())
    } else {
        Err(ApiError::InvalidName {
            message: "Reviewer names are 2-64 letters, digits and '-', starting with a letter or digit.".into(),
            target: "reviewerName",
        })
    }
}

/// `POST /admin/reviewers` → 201 with the reviewer key (shown once).
pub async fn create(State(state): State<AppState>, AzureJson(req): AzureJson<CreateReviewer>) -> Result<Response, ApiError> {
    check_name(&req.name).map_err(|_| ApiError::body("Invalid reviewer name.", "name"))?;
    let (reviewer, key) = state.store.create_reviewer(&req.name).await?;
    Ok((StatusCode::CREATED, Json(view(reviewer, Some(key)))).into_response())
}

/// `GET /admin/reviewers`
pub async fn list(State(state): State<AppState>) -> Result<Json<Paged<ReviewerView>>, ApiError> {
    let value = state.store.list_reviewers().await?.into_iter().map(|r| view(r, None)).collect();
    Ok(Json(Paged { value, next_link: None }))
}

/// `DELETE /admin/reviewers/{name}` → 204; the key stops working at once.
pub async fn delete(State(state): State<AppState>, Path(name): Path<String>) -> Result<StatusCode, ApiError> {
    check_name(&name)?;
    if state.store.delete_reviewer(&name).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound(format!("The reviewer '{name}' does not exist.")))
    }
}

/// `GET /admin/audit[?resource=NAME]`: audit entries, oldest first (no content).
pub async fn audit(State(state): State<AppState>, RawQuery(q): RawQuery) -> Result<Json<Paged<AuditEntryView>>, ApiError> {
    let query = QueryPairs::parse(q.as_deref());
    let value = state
        .store
        .audit_log(query.get("resource"))
        .await?
        .into_iter()
        .map(|e| AuditEntryView {
            at: rfc3339(e.at),
            actor: e.actor,
            action: e.action.as_str().to_owned(),
            resource: e.resource,
            sample_id: e.sample_id,
        })
        .collect();
    Ok(Json(Paged { value, next_link: None }))
}
