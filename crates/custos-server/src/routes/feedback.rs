//! `POST /feedback` and `DELETE /feedback/{id}` (a Custos extension): clients report a wrong result or abuse.
//!
//! Nothing of the analysed text is kept: only what the client puts in the report, and `content` only when it is
//! included explicitly. Free-text fields are sealed with the resource key by the store. A report can be deleted
//! with either key of the resource that sent it (and by the operator through the admin API).

use crate::error::ApiError;
use crate::extract::{AzureJson, Caller};
use crate::routes::admin_resources::rfc3339;
use crate::routes::chars;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use custos_store::{Feedback, KeySlot, StoreError};
use custos_wire::feedback::{
    FeedbackReceipt, FeedbackRequest, MAX_COMMENT_CHARS, MAX_CONTENT_CHARS, MAX_REQUEST_ID_CHARS,
};

/// Checks a report against the documented limits; returns it as the store keeps it (empty strings dropped).
pub fn validate(req: FeedbackRequest, slot: KeySlot) -> Result<Feedback, ApiError> {
    if req.kind.is_wrong_result() && req.category.is_none() {
        return Err(ApiError::body("A falsePositive or falseNegative report names its category.", "category"));
    }
    if req.expected_severity.is_some_and(|s| s > 7) {
        return Err(ApiError::body("expectedSeverity is between 0 and 7.", "expectedSeverity"));
    }
    let limit = |v: &Option<String>, max: usize, field: &str| match v {
        Some(s) if chars(s) > max => {
            Err(ApiError::body(format!("{field} is longer than {max} characters (Unicode code points)."), field))
        }
        _ => Ok(()),
    };
    limit(&req.comment, MAX_COMMENT_CHARS, "comment")?;
    limit(&req.content, MAX_CONTENT_CHARS, "content")?;
    limit(&req.request_id, MAX_REQUEST_ID_CHARS, "requestId")?;
    let non_empty = |v: Option<String>| v.filter(|s| !s.is_empty());
    Ok(Feedback {
        id: String::new(),
        key_slot: slot,
        created_at: 0,
        kind: req.kind.as_str().to_owned(),
        category: req.category.map(|c| c.as_str().to_owned()),
        expected_severity: req.expected_severity,
        comment: non_empty(req.comment),
        content: non_empty(req.content),
        request_id: non_empty(req.request_id),
    })
}

/// `POST /contentsafety/feedback` → 201 with the report's id.
pub async fn create(
    State(state): State<AppState>,
    Caller { resource, slot }: Caller,
    AzureJson(req): AzureJson<FeedbackRequest>,
) -> Result<Response, ApiError> {
    let kind = req.kind;
    let report = validate(req, slot)?;
    let stored = state.store.add_feedback(&resource, report).await.map_err(|e| match e {
        StoreError::LimitExceeded(m) => ApiError::InvalidBody { message: m, target: None },
        e => ApiError::from(e),
    })?;
    let receipt = FeedbackReceipt {
        feedback_id: stored.id,
        kind,
        created_at: rfc3339(stored.created_at),
        content_stored: stored.content.is_some(),
    };
    Ok((StatusCode::CREATED, Json(receipt)).into_response())
}

/// `DELETE /contentsafety/feedback/{id}` → 204; 404 when the resource has no report with this id.
pub async fn delete(
    State(state): State<AppState>,
    Caller { resource, .. }: Caller,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    if state.store.delete_feedback(&resource, &id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound("The feedback report does not exist.".into()))
    }
}
