//! Extractors whose rejections are [`ApiError`]s, so a malformed request still gets the Azure envelope.

use crate::error::ApiError;
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::{header, request::Parts};
use custos_store::{KeySlot, ResourceId};
use custos_wire::ApiVersion;
use serde::de::DeserializeOwned;

/// A JSON body deserialized into `T`. Accepts `application/json`, `application/merge-patch+json` (the
/// blocklist PATCH), any `+json` type, and a missing content type (lenient for curl); rejects other types.
pub struct AzureJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for AzureJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        if let Some(ct) = req.headers().get(header::CONTENT_TYPE) {
            let ct = ct.to_str().unwrap_or("").split(';').next().unwrap_or("").trim().to_ascii_lowercase();
            if !(ct == "application/json" || ct.ends_with("+json")) {
                return Err(ApiError::UnsupportedMediaType);
            }
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::TooLarge
            } else {
                ApiError::InvalidBody { message: "The request body could not be read.".into(), target: None }
            }
        })?;
        parse_json(&bytes).map(AzureJson)
    }
}

/// Parses a JSON body, turning serde's errors into messages that name the field but never echo its value.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::InvalidBody { message: "The request body is empty; a JSON object is required.".into(), target: None });
    }
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    match serde_path_to_error::deserialize::<_, T>(de) {
        Ok(v) => Ok(v),
        Err(err) => {
            let path = err.path().to_string();
            let inner = err.into_inner();
            let target = (!matches!(path.as_str(), "." | "?" | "")).then_some(path);
            let message = match inner.classify() {
                serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
                    syntax_message(&inner.to_string(), inner.line(), inner.column())
                }
                serde_json::error::Category::Io => "The request body could not be read.".to_owned(),
                serde_json::error::Category::Data => describe_data_error(&inner.to_string(), target.as_deref()),
            };
            Err(ApiError::InvalidBody { message, target })
        }
    }
}

/// A syntax error, with the two Unicode cases named (serde's messages for them quote nothing): an unpaired UTF-16
/// surrogate escape (`"\ud800"`, `"\udc00\ud800"`), which cannot be part of a Unicode string, and bytes that are
/// not UTF-8.
fn syntax_message(serde_message: &str, line: usize, column: usize) -> String {
    if serde_message.contains("surrogate") || serde_message.contains("hex escape") {
        format!(
            "The request body has an invalid \\u escape: a UTF-16 surrogate without its pair (line {line}, column {column})."
        )
    } else if serde_message.contains("invalid unicode code point") {
        format!("The request body is not valid UTF-8 (line {line}, column {column}).")
    } else {
        format!("The request body is not valid JSON (line {line}, column {column}).")
    }
}

/// serde's data errors quote the offending value (`invalid type: string "...", expected ...`); keep only the
/// parts that describe the schema.
fn describe_data_error(msg: &str, target: Option<&str>) -> String {
    let msg = msg.split(" at line ").next().unwrap_or(msg);
    let at = target.map(|t| format!(" at '{t}'")).unwrap_or_default();
    if let Some(field) = msg.strip_prefix("missing field ") {
        return format!("Missing required field {field}{at}.");
    }
    let expected = msg.split_once(", expected ").map(|(_, e)| e);
    let what = if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let kind = rest.split([' ', ',']).next().unwrap_or("value");
        format!("Invalid type ({kind})")
    } else if msg.starts_with("unknown variant") {
        "Unknown value".to_owned()
    } else if msg.starts_with("invalid length") {
        "Invalid length".to_owned()
    } else {
        "Invalid value".to_owned()
    };
    match expected {
        Some(e) => format!("{what}{at}; expected {e}."),
        None => format!("{what}{at}."),
    }
}

/// The token of an `Authorization: Bearer <token>` header, or `""` when there is none.
pub fn bearer_token(headers: &axum::http::HeaderMap) -> &str {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("")
}

/// The validated api-version of the request (set by the data-plane middleware).
#[derive(Debug, Clone, Copy)]
pub struct Version(pub ApiVersion);

impl<S: Send + Sync> FromRequestParts<S> for Version {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        parts.extensions.get::<Version>().copied().ok_or(ApiError::UnsupportedVersion(None))
    }
}

/// The authenticated resource of the request (set by the data-plane middleware).
#[derive(Debug, Clone)]
pub struct Resource(pub ResourceId);

impl<S: Send + Sync> FromRequestParts<S> for Resource {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        parts.extensions.get::<Resource>().cloned().ok_or(ApiError::Unauthorized)
    }
}

/// The authenticated resource and the key slot that matched (set by the data-plane middleware).
#[derive(Debug, Clone)]
pub struct Caller {
    /// The resource.
    pub resource: ResourceId,
    /// The key slot used.
    pub slot: KeySlot,
}

impl<S: Send + Sync> FromRequestParts<S> for Caller {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        parts.extensions.get::<Caller>().cloned().ok_or(ApiError::Unauthorized)
    }
}

/// Query parameters as decoded pairs (the raw query is parsed once, leniently, by the middleware).
#[derive(Debug, Clone, Default)]
pub struct QueryPairs(pub Vec<(String, String)>);

impl QueryPairs {
    /// Parses a raw query string.
    pub fn parse(query: Option<&str>) -> QueryPairs {
        QueryPairs(form_urlencoded::parse(query.unwrap_or("").as_bytes()).into_owned().collect())
    }

    /// The last value of `name` (case-sensitive, as Azure's parameters are).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// A non-negative integer parameter.
    pub fn non_negative(&self, name: &str) -> Result<Option<usize>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some(v) => v.trim().parse::<usize>().map(Some).map_err(|_| ApiError::InvalidBody {
                message: format!("The query parameter '{name}' must be a non-negative integer."),
                target: Some(name.to_owned()),
            }),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for QueryPairs {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        Ok(QueryPairs::parse(parts.uri.query()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use custos_wire::text::AnalyzeTextOptions;

    fn err_of(body: &str) -> (String, Option<String>) {
        match parse_json::<AnalyzeTextOptions>(body.as_bytes()) {
            Err(ApiError::InvalidBody { message, target }) => (message, target),
            other => panic!("expected InvalidBody, got {:?}", other.map(|_| ())),
        }
    }

    #[test]
    fn data_errors_name_the_field_but_never_echo_the_value() {
        let (m, t) = err_of(r#"{"text": "ok", "categories": ["SecretCanary"]}"#);
        assert_eq!(t.as_deref(), Some("categories[0]"));
        assert!(m.starts_with("Unknown value at 'categories[0]'; expected one of"), "{m}");
        assert!(!m.contains("SecretCanary"));
        let (m, t) = err_of(r#"{"text": 42}"#);
        assert_eq!((m.as_str(), t.as_deref()), ("Invalid type (integer) at 'text'; expected a string.", Some("text")));
        let (m, _) = err_of(r#"{"text": "x", "haltOnBlocklistHit": "SecretCanary"}"#);
        assert!(!m.contains("SecretCanary"), "{m}");
        let (m, _) = err_of(r#"{"categories": []}"#);
        assert_eq!(m, "Missing required field `text`.");
    }

    #[test]
    fn syntax_errors_and_empty_bodies_are_reported() {
        assert!(err_of(r#"{"text": "#).0.starts_with("The request body is not valid JSON"));
        // Unpaired surrogate escapes and non-UTF-8 bytes are named as such.
        for body in [r#"{"text": "\ud800"}"#, r#"{"text": "\udc00\ud800"}"#, r#"{"text": "\ud800\u0041"}"#] {
            let (m, _) = err_of(body);
            assert!(m.starts_with("The request body has an invalid \\u escape: a UTF-16 surrogate"), "{m}");
        }
        match parse_json::<AnalyzeTextOptions>(b"{\"text\": \"\xED\xA0\x80\"}") {
            Err(ApiError::InvalidBody { message, .. }) => {
                assert!(message.starts_with("The request body is not valid UTF-8"), "{message}")
            }
            other => panic!("expected InvalidBody, got {:?}", other.map(|_| ())),
        }
        assert!(err_of("  ").0.contains("empty"));
        let (m, _) = err_of("[1]");
        assert!(m.starts_with("Invalid type"), "{m}");
    }

    #[test]
    fn query_integers_are_validated() {
        let q = QueryPairs::parse(Some("top=10&skip=-1&maxpagesize=x&api-version=2023-10-01"));
        assert_eq!(q.non_negative("top").unwrap(), Some(10));
        assert!(q.non_negative("skip").is_err());
        assert!(q.non_negative("maxpagesize").is_err());
        assert_eq!(q.non_negative("absent").unwrap(), None);
        assert_eq!(q.get("api-version"), Some("2023-10-01"));
    }
}
