//! The router: `fn app(state) -> Router`, its middleware (request id, access log, time limit, key and
//! api-version checks) and the route table. Handlers live in `routes/`, one file per resource.

use crate::error::ApiError;
use crate::extract::{Caller, QueryPairs, Resource, Version};
use crate::routes;
use crate::state::AppState;
use crate::usage::Counter;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::Router;
use custos_wire::ApiVersion;
use sha2::{Digest, Sha256};
use std::time::{Duration, Instant};

/// Builds the service.
pub fn app(state: AppState, max_body_bytes: usize, request_timeout: Duration) -> Router {
    let data_plane = Router::new()
        .route("/text:analyze", post(routes::text_analyze::analyze_text))
        .route("/image:analyze", post(routes::image_analyze::analyze_image))
        .route("/text/blocklists", get(routes::blocklists::list))
        .route(
            "/text/blocklists/{name}",
            get(routes::blocklists::get)
                .patch(routes::blocklists::create_or_update)
                .delete(routes::blocklists::delete)
                .post(routes::blocklist_items::action),
        )
        .route("/text/blocklists/{name}/blocklistItems", get(routes::blocklist_items::list))
        .route("/text/blocklists/{name}/blocklistItems/{item_id}", get(routes::blocklist_items::get))
        .route("/feedback", post(routes::feedback::create))
        .route("/feedback/{id}", delete(routes::feedback::delete))
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
        .fallback(|| async { ApiError::NoRoute })
        // `layer`, not `route_layer`: the fallbacks are guarded too, so an unknown route reveals nothing without a key.
        .layer(middleware::from_fn_with_state(state.clone(), data_plane_guard));

    let admin = Router::new()
        .route("/resources", get(routes::admin_resources::list).post(routes::admin_resources::create))
        .route(
            "/resources/{name}",
            get(routes::admin_resources::get).delete(routes::admin_resources::delete).post(routes::admin_resources::action),
        )
        .route("/resources/{name}/feedback", get(routes::admin_feedback::list))
        .route(
            "/resources/{name}/feedback/{id}",
            get(routes::admin_feedback::get).delete(routes::admin_feedback::delete),
        )
        .route("/resources/{name}/usage", get(routes::admin_usage::usage))
        .route(
            "/resources/{name}/sampleConsent",
            get(routes::admin_sample_consent::get)
                .put(routes::admin_sample_consent::put)
                .delete(routes::admin_sample_consent::delete),
        )
        .route("/resources/{name}/samples:export", post(routes::admin_sample_consent::export))
        .route("/reviewers", get(routes::admin_reviewers::list).post(routes::admin_reviewers::create))
        .route("/reviewers/{name}", delete(routes::admin_reviewers::delete))
        .route("/audit", get(routes::admin_reviewers::audit))
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
        .fallback(|| async { ApiError::NoRoute })
        .layer(middleware::from_fn_with_state(state.clone(), routes::admin_resources::guard));

    // Reviewers: their own keys (Bearer), never API keys or the admin key (see routes::review).
    let review = Router::new()
        .route("/resources/{name}/samples", get(routes::review::list))
        .route("/resources/{name}/samples/{id}", get(routes::review::get).post(routes::review::action))
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
        .fallback(|| async { ApiError::NoRoute })
        .layer(middleware::from_fn_with_state(state.clone(), routes::review::guard));

    Router::new()
        .route("/health", get(|| async { axum::Json(serde_json::json!({"status": "ok"})) }))
        .nest("/contentsafety", data_plane)
        .nest("/admin", admin)
        .nest("/review", review)
        .fallback(|| async { ApiError::NoRoute })
        .layer(DefaultBodyLimit::max(max_body_bytes))
        .layer(middleware::from_fn(move |req, next| access_log(req, next, request_timeout)))
        .with_state(state)
}

/// Checks the key (unknown: 401; suspended: 403), then the api-version, and records the resource, the key slot
/// and the version for the handlers. Counts the request and 429 answers per key (in memory, see `crate::usage`).
async fn data_plane_guard(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let span = req.extensions().get::<tracing::Span>().cloned().unwrap_or_else(tracing::Span::none);
    if let Some(route) = req.extensions().get::<MatchedPath>() {
        span.record("route", route.as_str());
    }
    let key = req.headers().get("ocp-apim-subscription-key").and_then(|v| v.to_str().ok()).unwrap_or("");
    if key.is_empty() || key.len() > 256 {
        return ApiError::Unauthorized.into_response();
    }
    let found = match state.store.authenticate(key).await {
        Ok(Some(m)) => m,
        Ok(None) => return ApiError::Unauthorized.into_response(),
        Err(e) => return ApiError::from(e).into_response(),
    };
    let (resource, slot) = (found.resource.id, found.slot);
    span.record("resource", short_hash(&resource.0).as_str());
    if found.suspended {
        state.usage.incr(&resource, slot, Counter::SuspendedRejections);
        return ApiError::KeySuspended.into_response();
    }
    state.usage.incr(&resource, slot, Counter::Requests);
    if !state.regions.contains(&found.resource.region) {
        return ApiError::WrongRegion(found.resource.region).into_response();
    }
    let query = QueryPairs::parse(req.uri().query());
    let version = match query.get("api-version") {
        None => return ApiError::UnsupportedVersion(None).into_response(),
        Some(v) => match ApiVersion::parse(v) {
            Some(v) => v,
            None => return ApiError::UnsupportedVersion(Some(v.to_owned())).into_response(),
        },
    };
    span.record("api_version", version.as_str());
    req.extensions_mut().insert(Version(version));
    req.extensions_mut().insert(Resource(resource.clone()));
    req.extensions_mut().insert(Caller { resource: resource.clone(), slot });
    let resp = next.run(req).await;
    if resp.status() == StatusCode::TOO_MANY_REQUESTS {
        state.usage.incr(&resource, slot, Counter::RateLimited);
    }
    resp
}

/// A short, non-reversible tag of a resource id for logs.
fn short_hash(s: &str) -> String {
    hex::encode(&Sha256::digest(s.as_bytes())[..4])
}

/// Request id, time limit and one access-log line per request. Logs method, route template, status and
/// latency; never bodies, query values or headers.
async fn access_log(mut req: Request, next: Next, timeout: Duration) -> Response {
    let started = Instant::now();
    let request_id = uuid::Uuid::new_v4().to_string();
    let method = req.method().clone();
    let span = tracing::info_span!(
        "request",
        request_id = %request_id,
        method = %method,
        route = tracing::field::Empty,
        resource = tracing::field::Empty,
        api_version = tracing::field::Empty,
    );
    req.extensions_mut().insert(span.clone());
    let run = tracing::Instrument::instrument(next.run(req), span.clone());
    let mut resp = match tokio::time::timeout(timeout, run).await {
        Ok(r) => r,
        Err(_) => ApiError::Timeout.into_response(),
    };
    let status = resp.status().as_u16();
    let latency_ms = started.elapsed().as_secs_f64() * 1000.0;
    span.in_scope(|| {
        if status >= 500 {
            tracing::warn!(status, latency_ms, "request failed");
        } else {
            tracing::info!(status, latency_ms, "request");
        }
    });
    let h = resp.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&request_id) {
        h.insert("apim-request-id", v);
    }
    h.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
    if method != Method::HEAD {
        if let Ok(v) = HeaderValue::from_str(&ApiVersion::supported_list()) {
            h.insert("api-supported-versions", v);
        }
    }
    resp
}

/// The absolute base URL (`scheme://host`) for links in responses: the configured public URL, or the one the
/// client used (X-Forwarded-Proto/-Host behind a proxy, else Host over plain http).
pub fn base_url(state: &AppState, headers: &HeaderMap) -> String {
    if let Some(u) = &state.public_url {
        return u.trim_end_matches('/').to_owned();
    }
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).map(|v| v.split(',').next().unwrap_or("").trim().to_owned());
    let proto = header("x-forwarded-proto").filter(|p| p == "http" || p == "https").unwrap_or_else(|| "http".into());
    let host = header("x-forwarded-host")
        .or_else(|| header("host"))
        .filter(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b)))
        .unwrap_or_else(|| "localhost".into());
    format!("{proto}://{host}")
}
