//! The one API error type: every failure, including extractor rejections, becomes an Azure error envelope with
//! the matching status and an `x-ms-error-code` header.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use custos_engine::EngineError;
use custos_store::StoreError;
use custos_wire::{ApiVersion, ErrorCode, ErrorResponse};

/// An API error. Messages never quote customer content.
#[derive(Debug)]
pub enum ApiError {
    /// A body field is missing, has the wrong type or breaks a limit (400).
    InvalidBody {
        /// Message.
        message: String,
        /// The field at fault.
        target: Option<String>,
    },
    /// A name in the URL is invalid (400).
    InvalidName {
        /// Message.
        message: String,
        /// The path parameter.
        target: &'static str,
    },
    /// The blocklist or item does not exist (404).
    NotFound(String),
    /// The thing to create exists already (409).
    Conflict(String),
    /// Missing or unknown api-version (400).
    UnsupportedVersion(Option<String>),
    /// Missing or wrong key (401).
    Unauthorized,
    /// The key's resource is pinned to a region this instance does not serve (403).
    WrongRegion(String),
    /// The key was suspended by the operator (403).
    KeySuspended,
    /// No such route (404).
    NoRoute,
    /// Method not allowed on the route (405).
    MethodNotAllowed,
    /// Body too large (413).
    TooLarge,
    /// Not a JSON content type (415).
    UnsupportedMediaType,
    /// Too many requests in flight (429).
    Busy,
    /// The database is unavailable (503).
    Unavailable,
    /// The request took too long (503).
    Timeout,
    /// Anything unexpected (500). The detail is logged, not returned.
    Internal(String),
}

impl ApiError {
    /// A 400 for a body field.
    pub fn body(message: impl Into<String>, target: impl Into<String>) -> ApiError {
        ApiError::InvalidBody { message: message.into(), target: Some(target.into()) }
    }

    fn parts(&self) -> (ErrorCode, String, Option<String>) {
        match self {
            ApiError::InvalidBody { message, target } => (ErrorCode::InvalidRequestBody, message.clone(), target.clone()),
            ApiError::InvalidName { message, target } => {
                (ErrorCode::InvalidResourceName, message.clone(), Some((*target).to_owned()))
            }
            ApiError::NotFound(m) => (ErrorCode::ResourceNotFound, m.clone(), None),
            ApiError::Conflict(m) => (ErrorCode::Conflict, m.clone(), None),
            ApiError::UnsupportedVersion(v) => (
                ErrorCode::UnsupportedApiVersion,
                match v {
                    None => format!(
                        "The api-version query parameter is required. Supported versions: {}.",
                        ApiVersion::supported_list()
                    ),
                    Some(_) => format!(
                        "The requested api-version is not supported. Supported versions: {}.",
                        ApiVersion::supported_list()
                    ),
                },
                Some("api-version".into()),
            ),
            ApiError::Unauthorized => (
                ErrorCode::Unauthorized,
                "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid \
                 key for an active subscription and use a correct regional API endpoint for your resource."
                    .into(),
                None,
            ),
            ApiError::WrongRegion(region) => (
                ErrorCode::WrongRegion,
                format!(
                    "This resource is pinned to region '{region}', which this instance does not serve. Send the \
                     request to an endpoint of that region."
                ),
                None,
            ),
            ApiError::KeySuspended => (
                ErrorCode::KeySuspended,
                "This key has been suspended by the operator of this service. Use the resource's other key or \
                 contact the operator."
                    .into(),
                None,
            ),
            ApiError::NoRoute => (ErrorCode::NotFound, "The requested route does not exist.".into(), None),
            ApiError::MethodNotAllowed => {
                (ErrorCode::MethodNotAllowed, "The HTTP method is not allowed on this route.".into(), None)
            }
            ApiError::TooLarge => (
                ErrorCode::RequestTooLarge,
                "The request body is larger than this server accepts (server.max_body_bytes).".into(),
                None,
            ),
            ApiError::UnsupportedMediaType => (
                ErrorCode::UnsupportedMediaType,
                "The request body must be JSON (Content-Type: application/json).".into(),
                None,
            ),
            ApiError::Busy => (
                ErrorCode::TooManyRequests,
                "Too many requests are being analysed right now; retry after the time in Retry-After.".into(),
                None,
            ),
            ApiError::Unavailable => {
                (ErrorCode::ServerBusy, "The service cannot reach its database right now; retry later.".into(), None)
            }
            ApiError::Timeout => {
                (ErrorCode::ServerBusy, "The request took too long to process; retry later.".into(), None)
            }
            ApiError::Internal(_) => {
                (ErrorCode::InternalError, "An internal error occurred. It has been logged.".into(), None)
            }
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound(what) => ApiError::NotFound(format!("The {what} does not exist.")),
            StoreError::Conflict(what) => ApiError::Conflict(format!("The {what} already exists.")),
            StoreError::LimitExceeded(m) => ApiError::InvalidBody { message: m, target: Some("blocklistItems".into()) },
            StoreError::Crypto(detail) => ApiError::Internal(format!("store encryption: {detail}")),
            StoreError::Backend(detail) => {
                tracing::error!(%detail, "store failure");
                ApiError::Unavailable
            }
        }
    }
}

impl From<EngineError> for ApiError {
    fn from(e: EngineError) -> Self {
        match e {
            EngineError::InvalidInput(m) => ApiError::InvalidBody { message: m, target: None },
            EngineError::InvalidPattern(m) => ApiError::InvalidBody { message: m, target: None },
            e @ (EngineError::ModelFile { .. } | EngineError::Runtime(_)) => ApiError::Internal(e.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (code, message, target) = self.parts();
        if let ApiError::Internal(detail) = &self {
            tracing::error!(%detail, "internal error");
        }
        let status = StatusCode::from_u16(code.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&ErrorResponse::new(code, message, target)).unwrap_or_default();
        let mut resp = (status, body).into_response();
        let h = resp.headers_mut();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
        if let Ok(v) = HeaderValue::from_str(code.as_str()) {
            h.insert("x-ms-error-code", v);
        }
        if matches!(self, ApiError::Busy | ApiError::Unavailable | ApiError::Timeout) {
            h.insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        resp
    }
}
