//! The Azure error envelope: `{"error":{"code","message","target"?,"details"?}}` plus `x-ms-error-code`.

use serde::{Deserialize, Serialize};

/// Error codes this server emits. The first six are the ones Microsoft documents for Content Safety.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    /// A body field does not match the API definition (400).
    InvalidRequestBody,
    /// A name in the URL is invalid (400).
    InvalidResourceName,
    /// The resource in the URL does not exist (404).
    ResourceNotFound,
    /// Unexpected server-side condition (500).
    InternalError,
    /// Temporarily unable to process (503).
    ServerBusy,
    /// Rate or capacity limit exceeded (429).
    TooManyRequests,
    /// Missing or unknown `api-version` (400).
    UnsupportedApiVersion,
    /// Missing or wrong key (401). Azure's gateway reports the literal code "401".
    Unauthorized,
    /// The resource is pinned to a region this instance does not serve (403).
    WrongRegion,
    /// The key was suspended by the operator (403).
    KeySuspended,
    /// The route does not exist (404).
    NotFound,
    /// The thing to create exists already (409).
    Conflict,
    /// The method is not allowed on this route (405).
    MethodNotAllowed,
    /// The body is larger than the server accepts (413).
    RequestTooLarge,
    /// The content type is not JSON (415).
    UnsupportedMediaType,
}

impl ErrorCode {
    /// The wire string.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidRequestBody => "InvalidRequestBody",
            ErrorCode::InvalidResourceName => "InvalidResourceName",
            ErrorCode::ResourceNotFound => "ResourceNotFound",
            ErrorCode::InternalError => "InternalError",
            ErrorCode::ServerBusy => "ServerBusy",
            ErrorCode::TooManyRequests => "TooManyRequests",
            ErrorCode::UnsupportedApiVersion => "UnsupportedApiVersion",
            ErrorCode::Unauthorized => "401",
            ErrorCode::WrongRegion => "WrongRegion",
            ErrorCode::KeySuspended => "KeySuspended",
            ErrorCode::NotFound => "NotFound",
            ErrorCode::Conflict => "Conflict",
            ErrorCode::MethodNotAllowed => "MethodNotAllowed",
            ErrorCode::RequestTooLarge => "RequestTooLarge",
            ErrorCode::UnsupportedMediaType => "UnsupportedMediaType",
        }
    }

    /// The HTTP status that goes with the code.
    pub fn status(self) -> u16 {
        match self {
            ErrorCode::InvalidRequestBody | ErrorCode::InvalidResourceName | ErrorCode::UnsupportedApiVersion => 400,
            ErrorCode::Unauthorized => 401,
            ErrorCode::WrongRegion | ErrorCode::KeySuspended => 403,
            ErrorCode::ResourceNotFound | ErrorCode::NotFound => 404,
            ErrorCode::MethodNotAllowed => 405,
            ErrorCode::Conflict => 409,
            ErrorCode::RequestTooLarge => 413,
            ErrorCode::UnsupportedMediaType => 415,
            ErrorCode::TooManyRequests => 429,
            ErrorCode::InternalError => 500,
            ErrorCode::ServerBusy => 503,
        }
    }
}

/// The top-level error document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorResponse {
    /// The error.
    pub error: ErrorBody,
}

/// `error` inside [`ErrorResponse`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// Machine-readable code, also sent as `x-ms-error-code`.
    pub code: String,
    /// Human-readable message. Never quotes customer content.
    pub message: String,
    /// The request field or path parameter at fault, when known.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub target: Option<String>,
    /// Further errors (unused so far, kept for fidelity).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub details: Vec<ErrorBody>,
}

impl ErrorResponse {
    /// An envelope for `code` with `message`.
    pub fn new(code: ErrorCode, message: impl Into<String>, target: Option<String>) -> ErrorResponse {
        ErrorResponse {
            error: ErrorBody { code: code.as_str().to_owned(), message: message.into(), target, details: Vec::new() },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn envelope_shape_omits_empty_optionals() {
        let e = ErrorResponse::new(ErrorCode::ResourceNotFound, "no such list", None);
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            serde_json::json!({"error":{"code":"ResourceNotFound","message":"no such list"}})
        );
        assert_eq!(ErrorCode::ResourceNotFound.status(), 404);
        assert_eq!(ErrorCode::Unauthorized.as_str(), "401");
    }
}
