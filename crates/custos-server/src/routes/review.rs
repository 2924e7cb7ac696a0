//! The reviewer API (`/review`, `Authorization: Bearer <reviewer key>`): list, read and label the samples of a
//! resource with active consent. Reviewer keys are checked against the reviewers table only, so API keys and the
//! admin key are refused here (401), and reviewer keys are refused everywhere else.
//!
//! Every call is written to the audit log by the store *before* any sample is returned
//! (`custos_store::Store::list_samples` and friends take the reviewer's name).

use crate::error::ApiError;
use crate::extract::parse_json;
use crate::routes::admin_resources::{find, rfc3339};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use custos_store::{Reviewer, Sample};
use custos_wire::blocklist::Paged;
use custos_wire::samples::{LabelRequest, SampleLabel, SampleView, MAX_NOTE_CHARS};
use custos_wire::text::CategoryAnalysis;
use custos_wire::{Category, Severity};

/// Checks `Authorization: Bearer <reviewer key>` and records the reviewer for the handlers.
pub async fn guard(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let given = crate::extract::bearer_token(req.headers());
    if given.is_empty() || given.len() > 256 {
        return ApiError::Unauthorized.into_response();
    }
    match state.store.authenticate_reviewer(given).await {
        Ok(Some(reviewer)) => {
            req.extensions_mut().insert(reviewer);
            next.run(req).await
        }
        Ok(None) => ApiError::Unauthorized.into_response(),
        Err(e) => ApiError::from(e).into_response(),
    }
}

/// The wire view of a stored sample (severities parsed back from their fixed vocabulary).
pub fn sample_view(s: Sample) -> Result<SampleView, ApiError> {
    let bad = || ApiError::Internal("a stored sample has unknown severities or label".into());
    let categories_analysis = s
        .severities
        .split(',')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (c, level) = pair.split_once('=').ok_or_else(bad)?;
            let category: Category = c.parse().map_err(|_| bad())?;
            let level: u8 = level.parse().map_err(|_| bad())?;
            Ok(CategoryAnalysis { category, severity: Severity::new(level) })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    Ok(SampleView {
        sample_id: s.id,
        created_at: rfc3339(s.created_at),
        kind: s.kind.as_str().to_owned(),
        text: s.text,
        categories_analysis,
        label: s.label.map(|l| SampleLabel::parse(&l).ok_or_else(bad)).transpose()?,
        note: s.note,
        labelled_by: s.labelled_by,
    })
}

/// `GET /review/resources/{name}/samples`: every sample, oldest first (audited: `list`).
pub async fn list(
    State(state): State<AppState>,
    Extension(reviewer): Extension<Reviewer>,
    Path(name): Path<String>,
) -> Result<Json<Paged<SampleView>>, ApiError> {
    let r = find(&state, &name).await?;
    let value = state.store.list_samples(&r, &reviewer.name).await?.into_iter().map(sample_view).collect::<Result<_, _>>()?;
    Ok(Json(Paged { value, next_link: None }))
}

/// `GET /review/resources/{name}/samples/{id}` (audited: `read`).
pub async fn get(
    State(state): State<AppState>,
    Extension(reviewer): Extension<Reviewer>,
    Path((name, id)): Path<(String, String)>,
) -> Result<Json<SampleView>, ApiError> {
    let r = find(&state, &name).await?;
    let s = state.store.get_sample(&r, &id, &reviewer.name).await?.ok_or_else(not_found)?;
    Ok(Json(sample_view(s)?))
}

/// `POST /review/resources/{name}/samples/{id}:label` with a [`LabelRequest`] → 200 with the labelled sample
/// (audited: `label`, then `read`).
pub async fn action(
    State(state): State<AppState>,
    Extension(reviewer): Extension<Reviewer>,
    Path((name, id_action)): Path<(String, String)>,
    body: Bytes,
) -> Result<Json<SampleView>, ApiError> {
    let Some(id) = id_action.strip_suffix(":label") else { return Err(ApiError::NoRoute) };
    let r = find(&state, &name).await?;
    let req: LabelRequest = parse_json(&body)?;
    if req.note.as_ref().is_some_and(|n| n.chars().count() > MAX_NOTE_CHARS) {
        return Err(ApiError::body(format!("The note is longer than {MAX_NOTE_CHARS} characters."), "note"));
    }
    if !state.store.label_sample(&r, id, req.label.as_str(), req.note.as_deref(), &reviewer.name).await? {
        return Err(not_found());
    }
    let s = state.store.get_sample(&r, id, &reviewer.name).await?.ok_or_else(not_found)?;
    Ok(Json(sample_view(s)?))
}

fn not_found() -> ApiError {
    ApiError::NotFound("The sample does not exist.".into())
}

