//! Admin API: a resource's feedback reports (`/admin/resources/{name}/feedback[/{id}]`): list, get, delete.

use crate::error::ApiError;
use crate::routes::admin_resources::{find, rfc3339};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use custos_store::Feedback;
use custos_wire::blocklist::Paged;
use custos_wire::feedback::{FeedbackKind, FeedbackView};

/// The wire view of a stored report. Kinds and categories were written from the wire enums; anything else
/// means the row was changed behind the server's back.
pub fn view(f: Feedback) -> Result<FeedbackView, ApiError> {
    let bad = || ApiError::Internal("a stored feedback report has an unknown kind or category".into());
    Ok(FeedbackView {
        feedback_id: f.id,
        key_name: f.key_slot.name().to_owned(),
        kind: FeedbackKind::parse(&f.kind).ok_or_else(bad)?,
        category: f.category.map(|c| c.parse().map_err(|_| bad())).transpose()?,
        expected_severity: f.expected_severity,
        comment: f.comment,
        content: f.content,
        request_id: f.request_id,
        created_at: rfc3339(f.created_at),
    })
}

/// `GET /admin/resources/{name}/feedback`: every report, oldest first.
pub async fn list(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<Json<Paged<FeedbackView>>, ApiError> {
    let r = find(&state, &name).await?;
    let value = state.store.list_feedback(&r.id).await?.into_iter().map(view).collect::<Result<_, _>>()?;
    Ok(Json(Paged { value, next_link: None }))
}

/// `GET /admin/resources/{name}/feedback/{id}`
pub async fn get(
    State(state): State<AppState>,
    Path((name, id)): Path<(String, String)>,
) -> Result<Json<FeedbackView>, ApiError> {
    let r = find(&state, &name).await?;
    let f = state.store.get_feedback(&r.id, &id).await?.ok_or_else(not_found)?;
    Ok(Json(view(f)?))
}

/// `DELETE /admin/resources/{name}/feedback/{id}` → 204.
pub async fn delete(
    State(state): State<AppState>,
    Path((name, id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let r = find(&state, &name).await?;
    if state.store.delete_feedback(&r.id, &id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(not_found())
    }
}

fn not_found() -> ApiError {
    ApiError::NotFound("The feedback report does not exist.".into())
}
