//! `image.blobUrl`: fetching an image from a URL on the operator's allow-list (`[blob_fetch]` in the config).
//!
//! Off by default: with an empty `blob_fetch.allow` the service opens no connection of its own and answers every
//! `blobUrl` with a 400. With entries, a request URL is fetched only when its scheme, host and port equal an
//! entry's (host case-insensitively, default ports normalized) and its path, after percent-decoding unreserved
//! characters and resolving `.`/`..` segments, lies under the entry's path on a segment boundary. URLs with
//! user credentials, encoded `/` or `\` in the path, or characters outside RFC 3986 are refused.
//!
//! The fetch is one HTTP/1.1 `GET` of the normalized path (and the query exactly as sent, so SAS tokens work):
//! redirects are not followed, a non-2xx status is refused, the body is bounded by `blob_fetch.max_bytes`
//! (refused on `Content-Length` before reading, counted while streaming otherwise) and the whole exchange by
//! `blob_fetch.timeout_ms`. Every failure is a 400 `InvalidRequestBody` with target `image.blobUrl` whose
//! message never quotes the URL (it may hold a SAS token). Nothing here logs; the bytes are only returned.
//!
//! `https://` needs the `blob-https` cargo feature (rustls on ring, Mozilla's root certificates compiled in).

use crate::error::ApiError;
use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper::header::{CONTENT_LENGTH, HOST, USER_AGENT};
use hyper::{Method, Request, StatusCode};
use hyper_util::rt::TokioIo;
use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;
use tokio::net::TcpStream;

const TARGET: &str = "image.blobUrl";
/// Longest accepted URL (an Azure blob URL with a SAS token is a few hundred bytes).
const MAX_URL_LEN: usize = 8192;

/// `http` or `https`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// Plain HTTP (default port 80).
    Http,
    /// HTTP over TLS (default port 443); needs the `blob-https` feature to be fetched.
    Https,
}

impl Scheme {
    fn default_port(self) -> u16 {
        match self {
            Scheme::Http => 80,
            Scheme::Https => 443,
        }
    }
}

/// A host: a lower-cased registered name or an IP literal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Host {
    /// A DNS name, lower-cased.
    Name(String),
    /// An IP address literal (`[...]` for IPv6 in the URL).
    Ip(IpAddr),
}

impl fmt::Display for Host {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Host::Name(n) => f.write_str(n),
            Host::Ip(IpAddr::V4(a)) => write!(f, "{a}"),
            Host::Ip(IpAddr::V6(a)) => write!(f, "[{a}]"),
        }
    }
}

/// Why a URL was refused. The messages describe the problem and never quote the URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlError {
    /// Not `scheme://authority/path...` with http or https.
    NotHttp,
    /// A character outside RFC 3986 (or non-ASCII), a bad `%` escape, or too long.
    Malformed,
    /// `user:password@` in the authority.
    UserInfo,
    /// No host, or a host that is not a DNS name or IP literal.
    BadHost,
    /// A port that is not 1-65535.
    BadPort,
    /// `%2F` or `%5C` in the path (servers disagree on what they mean).
    EncodedSlash,
    /// A query or fragment (allow-list entries only).
    QueryOrFragment,
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            UrlError::NotHttp => "is not an absolute http:// or https:// URL",
            UrlError::Malformed => "is not a valid URL (characters outside RFC 3986, a bad %-escape, or too long)",
            UrlError::UserInfo => "carries user credentials (user:password@), which are not accepted",
            UrlError::BadHost => "has no valid host",
            UrlError::BadPort => "has an invalid port",
            UrlError::EncodedSlash => "has an encoded '/' or '\\' (%2F, %5C) in its path, which is not accepted",
            UrlError::QueryOrFragment => "has a query or fragment; an entry is scheme://host[:port][/path-prefix]",
        })
    }
}

/// A parsed, normalized http(s) URL. `Debug` prints only the origin: the path and query may carry secrets.
#[derive(Clone, PartialEq, Eq)]
pub struct BlobUrl {
    /// Scheme.
    pub scheme: Scheme,
    /// Host.
    pub host: Host,
    /// Port, the scheme's default when none was given.
    pub port: u16,
    /// Path, starting with `/`, unreserved escapes decoded, other escapes upper-cased, dot-segments resolved.
    pub path: String,
    /// Query without the `?`, exactly as given.
    pub query: Option<String>,
    has_fragment: bool,
}

impl fmt::Debug for BlobUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BlobUrl")
            .field("scheme", &self.scheme)
            .field("host", &self.host)
            .field("port", &self.port)
            .field("path_len", &self.path.len())
            .field("query", &self.query.as_ref().map(|_| "<set>"))
            .finish()
    }
}

fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

fn is_sub_delim(b: u8) -> bool {
    matches!(b, b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'=')
}

fn is_pchar(b: u8) -> bool {
    is_unreserved(b) || is_sub_delim(b) || b == b':' || b == b'@'
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

impl BlobUrl {
    /// Parses an absolute http(s) URL; the fragment, if any, is dropped (it is never sent).
    pub fn parse(url: &str) -> Result<BlobUrl, UrlError> {
        if url.len() > MAX_URL_LEN || !url.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(UrlError::Malformed);
        }
        let (scheme, rest) = url.split_once("://").ok_or(UrlError::NotHttp)?;
        let scheme = if scheme.eq_ignore_ascii_case("http") {
            Scheme::Http
        } else if scheme.eq_ignore_ascii_case("https") {
            Scheme::Https
        } else {
            return Err(UrlError::NotHttp);
        };
        let (rest, has_fragment) = match rest.split_once('#') {
            Some((r, _)) => (r, true),
            None => (rest, false),
        };
        let (rest, query) = match rest.split_once('?') {
            Some((r, q)) => (r, Some(q)),
            None => (rest, None),
        };
        let (authority, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        if authority.contains('@') {
            return Err(UrlError::UserInfo);
        }
        let (host, port) = parse_authority(authority)?;
        let port = port.unwrap_or(scheme.default_port());
        let path = remove_dot_segments(&normalize_path(path)?);
        if let Some(q) = query {
            check_query(q)?;
        }
        Ok(BlobUrl { scheme, host, port, path, query: query.map(str::to_owned), has_fragment })
    }

    /// The request target: path and query.
    fn target(&self) -> String {
        match &self.query {
            Some(q) => format!("{}?{q}", self.path),
            None => self.path.clone(),
        }
    }

    /// The `Host` header: the port only when it is not the scheme's default.
    fn host_header(&self) -> String {
        if self.port == self.scheme.default_port() {
            self.host.to_string()
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }
}

fn parse_authority(authority: &str) -> Result<(Host, Option<u16>), UrlError> {
    let (host, port) = if let Some(rest) = authority.strip_prefix('[') {
        let (literal, after) = rest.split_once(']').ok_or(UrlError::BadHost)?;
        let ip: Ipv6Addr = literal.parse().map_err(|_| UrlError::BadHost)?;
        let port = match after {
            "" => None,
            p => Some(p.strip_prefix(':').ok_or(UrlError::BadHost)?),
        };
        (Host::Ip(IpAddr::V6(ip)), port)
    } else {
        let (name, port) = match authority.rsplit_once(':') {
            Some((n, p)) => (n, Some(p)),
            None => (authority, None),
        };
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_')) {
            return Err(UrlError::BadHost);
        }
        let host = match name.parse::<Ipv4Addr>() {
            Ok(ip) => Host::Ip(IpAddr::V4(ip)),
            Err(_) => Host::Name(name.to_ascii_lowercase()),
        };
        (host, port)
    };
    let port = match port {
        None | Some("") => None,
        Some(p) if p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()) => {
            Some(p.parse::<u16>().ok().filter(|&p| p != 0).ok_or(UrlError::BadPort)?)
        }
        Some(_) => return Err(UrlError::BadPort),
    };
    Ok((host, port))
}

/// Checks the path's characters, decodes escaped unreserved characters (`%2E` is `.`, RFC 3986 6.2.2.2) and
/// upper-cases the other escapes. Encoded `/` and `\` are refused.
fn normalize_path(path: &str) -> Result<String, UrlError> {
    let b = path.as_bytes();
    let mut out = String::with_capacity(path.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' => {
                let (Some(h), Some(l)) = (b.get(i + 1).copied().and_then(hex), b.get(i + 2).copied().and_then(hex))
                else {
                    return Err(UrlError::Malformed);
                };
                let v = h << 4 | l;
                if v == b'/' || v == b'\\' {
                    return Err(UrlError::EncodedSlash);
                }
                if is_unreserved(v) {
                    out.push(v as char);
                } else {
                    out.push_str(&format!("%{v:02X}"));
                }
                i += 3;
            }
            c if is_pchar(c) || c == b'/' => {
                out.push(c as char);
                i += 1;
            }
            _ => return Err(UrlError::Malformed),
        }
    }
    Ok(out)
}

fn check_query(q: &str) -> Result<(), UrlError> {
    let b = q.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        let ok = match c {
            b'%' => b.get(i + 1).copied().and_then(hex).is_some() && b.get(i + 2).copied().and_then(hex).is_some(),
            c => is_pchar(c) || c == b'/' || c == b'?',
        };
        if !ok {
            return Err(UrlError::Malformed);
        }
    }
    Ok(())
}

/// RFC 3986 5.2.4 for an absolute path: `/a/./b/../c` is `/a/c`; `..` never climbs above `/`.
fn remove_dot_segments(path: &str) -> String {
    let segments: Vec<&str> = path[1..].split('/').collect();
    let mut out: Vec<&str> = Vec::with_capacity(segments.len());
    let last = segments.len() - 1;
    for (i, seg) in segments.into_iter().enumerate() {
        match seg {
            "." => {}
            ".." => {
                out.pop();
            }
            s => {
                out.push(s);
                continue;
            }
        }
        if i == last {
            out.push(""); // a trailing `.` or `..` names a directory: keep the slash
        }
    }
    format!("/{}", out.join("/"))
}

/// One entry of `blob_fetch.allow`: an origin and a path prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllowEntry {
    scheme: Scheme,
    host: Host,
    port: u16,
    /// Normalized path without its trailing `/` (`""` for the whole origin).
    prefix: String,
}

impl AllowEntry {
    /// Parses an entry: an absolute http(s) URL with a host, no credentials, no query or fragment.
    pub fn parse(entry: &str) -> Result<AllowEntry, UrlError> {
        let url = BlobUrl::parse(entry)?;
        if url.query.is_some() || url.has_fragment {
            return Err(UrlError::QueryOrFragment);
        }
        let prefix = url.path.trim_end_matches('/').to_owned();
        Ok(AllowEntry { scheme: url.scheme, host: url.host, port: url.port, prefix })
    }

    fn same_origin(&self, url: &BlobUrl) -> bool {
        self.scheme == url.scheme && self.host == url.host && self.port == url.port
    }

    /// Whether `url` is under this entry: same origin, and the path equals the prefix or continues it after `/`.
    pub fn matches(&self, url: &BlobUrl) -> bool {
        self.same_origin(url)
            && url.path.strip_prefix(self.prefix.as_str()).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    }
}

/// Parses `blob_fetch.allow`; an error names the key and the entry's position (never its text).
pub fn parse_allow_list(entries: &[String]) -> Result<Vec<AllowEntry>, String> {
    entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let entry = AllowEntry::parse(e.trim()).map_err(|err| format!("blob_fetch.allow[{i}] {err}"))?;
            if entry.scheme == Scheme::Https && !cfg!(feature = "blob-https") {
                return Err(format!(
                    "blob_fetch.allow[{i}] is an https:// URL, which needs a build with the `blob-https` cargo \
                     feature (cargo build --release --features blob-https); this build fetches only http://"
                ));
            }
            Ok(entry)
        })
        .collect()
}

/// Fetches allow-listed `image.blobUrl`s; built once from the configuration.
pub struct BlobFetcher {
    allow: Vec<AllowEntry>,
    timeout: Duration,
    max_bytes: usize,
    #[cfg(feature = "blob-https")]
    tls: tokio_rustls::TlsConnector,
}

impl fmt::Debug for BlobFetcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BlobFetcher")
            .field("allow", &self.allow.len())
            .field("timeout", &self.timeout)
            .field("max_bytes", &self.max_bytes)
            .finish()
    }
}

/// What went wrong while fetching; turned into a 400 by [`BlobFetcher::refusal`].
enum FetchError {
    Connect(std::io::ErrorKind),
    #[cfg(feature = "blob-https")]
    Tls,
    Http,
    Redirect(StatusCode),
    Status(StatusCode),
    TooLarge,
}

impl BlobFetcher {
    /// The fetcher for `config`; `Err` when an allow-list entry is invalid (checked at start by `Config::load`).
    pub fn new(config: &crate::config::BlobFetchConfig) -> Result<BlobFetcher, String> {
        Ok(BlobFetcher {
            allow: parse_allow_list(&config.allow)?,
            timeout: Duration::from_millis(config.timeout_ms),
            max_bytes: config.max_bytes,
            #[cfg(feature = "blob-https")]
            tls: tls_connector(),
        })
    }

    /// A fetcher that refuses every URL (an empty allow-list).
    pub fn disabled() -> BlobFetcher {
        BlobFetcher::new(&crate::config::BlobFetchConfig { allow: Vec::new(), timeout_ms: 1, max_bytes: 0 })
            .expect("an empty allow-list is valid")
    }

    /// Whether any URL can be fetched.
    pub fn enabled(&self) -> bool {
        !self.allow.is_empty()
    }

    /// Checks `url` against the allow-list and fetches it. Every refusal is a 400 on `image.blobUrl`.
    pub async fn fetch(&self, url: &str) -> Result<Vec<u8>, ApiError> {
        if !self.enabled() {
            return Err(ApiError::body(
                "image.blobUrl is not supported by this self-hosted service, which fetches no URLs; send the image \
                 bytes base64-encoded in image.content.",
                TARGET,
            ));
        }
        let url = BlobUrl::parse(url).map_err(|e| ApiError::body(format!("image.blobUrl {e}."), TARGET))?;
        if !self.allow.iter().any(|a| a.matches(&url)) {
            let message = if self.allow.iter().any(|a| a.same_origin(&url)) {
                "The path of image.blobUrl is outside the prefixes that the operator of this service allows for its \
                 origin (blob_fetch.allow)."
            } else {
                "The origin (scheme, host and port) of image.blobUrl is not in the allow-list of the operator of this \
                 service (blob_fetch.allow)."
            };
            return Err(ApiError::body(message, TARGET));
        }
        match tokio::time::timeout(self.timeout, self.get(&url)).await {
            Ok(Ok(bytes)) => Ok(bytes),
            Ok(Err(e)) => Err(self.refusal(e)),
            Err(_) => Err(ApiError::body(
                format!("The image at image.blobUrl could not be fetched within {} ms.", self.timeout.as_millis()),
                TARGET,
            )),
        }
    }

    fn refusal(&self, e: FetchError) -> ApiError {
        let message = match e {
            FetchError::Connect(kind) => format!("The server of image.blobUrl could not be reached ({kind})."),
            #[cfg(feature = "blob-https")]
            FetchError::Tls => "The TLS handshake with the server of image.blobUrl failed.".to_owned(),
            FetchError::Http => "The server of image.blobUrl did not answer with a valid HTTP response.".to_owned(),
            FetchError::Redirect(s) => format!(
                "The server of image.blobUrl answered with a redirect (HTTP {}); this service does not follow \
                 redirects.",
                s.as_u16()
            ),
            FetchError::Status(s) => {
                format!("The server of image.blobUrl answered HTTP {}; the image could not be fetched.", s.as_u16())
            }
            FetchError::TooLarge => format!("The image at image.blobUrl is larger than {} bytes.", self.max_bytes),
        };
        ApiError::body(message, TARGET)
    }

    async fn get(&self, url: &BlobUrl) -> Result<Vec<u8>, FetchError> {
        let tcp = connect(url).await?;
        match url.scheme {
            Scheme::Http => self.exchange(tcp, url).await,
            #[cfg(feature = "blob-https")]
            Scheme::Https => {
                let name = match &url.host {
                    Host::Name(n) => rustls::pki_types::ServerName::try_from(n.clone()).map_err(|_| FetchError::Tls)?,
                    Host::Ip(ip) => rustls::pki_types::ServerName::IpAddress((*ip).into()),
                };
                let tls = self.tls.connect(name, tcp).await.map_err(|_| FetchError::Tls)?;
                self.exchange(tls, url).await
            }
            // Refused at start (parse_allow_list), so no entry can match.
            #[cfg(not(feature = "blob-https"))]
            Scheme::Https => Err(FetchError::Connect(std::io::ErrorKind::Unsupported)),
        }
    }

    /// One GET over `io`, the body read up to `max_bytes`.
    async fn exchange<IO>(&self, io: IO, url: &BlobUrl) -> Result<Vec<u8>, FetchError>
    where
        IO: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
    {
        let (mut sender, conn) = hyper::client::conn::http1::handshake::<_, Empty<Bytes>>(TokioIo::new(io))
            .await
            .map_err(|_| FetchError::Http)?;
        // The connection task ends with this function, whichever way it ends (timeouts drop the future).
        let _driver = AbortOnDrop(tokio::spawn(async move {
            let _ = conn.await;
        }));
        let request = Request::builder()
            .method(Method::GET)
            .uri(url.target())
            .header(HOST, url.host_header())
            .header(USER_AGENT, concat!("custos/", env!("CARGO_PKG_VERSION")))
            .body(Empty::new())
            .map_err(|_| FetchError::Http)?;
        let response = sender.send_request(request).await.map_err(|_| FetchError::Http)?;
        let status = response.status();
        if status.is_redirection() {
            return Err(FetchError::Redirect(status));
        }
        if !status.is_success() {
            return Err(FetchError::Status(status));
        }
        let declared = match response.headers().get(CONTENT_LENGTH) {
            Some(v) => Some(v.to_str().ok().and_then(|v| v.trim().parse::<u64>().ok()).ok_or(FetchError::Http)?),
            None => None,
        };
        if declared.is_some_and(|n| n > self.max_bytes as u64) {
            return Err(FetchError::TooLarge);
        }
        let mut body = response.into_body();
        let mut bytes = Vec::with_capacity(declared.map_or(64 * 1024, |n| n as usize));
        while let Some(frame) = body.frame().await {
            let frame = frame.map_err(|_| FetchError::Http)?;
            if let Ok(data) = frame.into_data() {
                if bytes.len() + data.len() > self.max_bytes {
                    return Err(FetchError::TooLarge);
                }
                bytes.extend_from_slice(&data);
            }
        }
        Ok(bytes)
    }
}

/// Aborts a spawned task when dropped.
struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Connects to the first address of the host that accepts.
async fn connect(url: &BlobUrl) -> Result<TcpStream, FetchError> {
    let addrs: Vec<SocketAddr> = match &url.host {
        Host::Ip(ip) => vec![SocketAddr::new(*ip, url.port)],
        Host::Name(name) => tokio::net::lookup_host((name.as_str(), url.port))
            .await
            .map_err(|e| FetchError::Connect(e.kind()))?
            .collect(),
    };
    let mut last = std::io::ErrorKind::NotFound;
    for addr in addrs {
        match TcpStream::connect(addr).await {
            Ok(s) => {
                let _ = s.set_nodelay(true);
                return Ok(s);
            }
            Err(e) => last = e.kind(),
        }
    }
    Err(FetchError::Connect(last))
}

#[cfg(feature = "blob-https")]
fn tls_connector() -> tokio_rustls::TlsConnector {
    use std::sync::Arc;
    let roots = rustls::RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() };
    let mut config = rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .expect("ring supports the default protocol versions")
        .with_root_certificates(roots)
        .with_no_client_auth();
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    tokio_rustls::TlsConnector::from(Arc::new(config))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(s: &str) -> AllowEntry {
        AllowEntry::parse(s).unwrap()
    }

    fn url(s: &str) -> BlobUrl {
        BlobUrl::parse(s).unwrap()
    }

    #[test]
    fn urls_are_parsed_and_normalized() {
        let u = url("HTTP://Example.COM:80/a/./b/../c%2e%7Ejpg?sv=1&sig=a%2bb#frag");
        assert_eq!(u.scheme, Scheme::Http);
        assert_eq!(u.host, Host::Name("example.com".into()));
        assert_eq!(u.port, 80);
        assert_eq!(u.path, "/a/c.~jpg");
        assert_eq!(u.query.as_deref(), Some("sv=1&sig=a%2bb"));
        assert_eq!(u.target(), "/a/c.~jpg?sv=1&sig=a%2bb");
        assert_eq!(u.host_header(), "example.com");
        assert_eq!(url("https://h").path, "/");
        assert_eq!(url("https://h:8443/x%c3%a9").path, "/x%C3%A9");
        assert_eq!(url("https://h:8443/").host_header(), "h:8443");
        assert_eq!(url("http://[::1]:81/x").host, Host::Ip("::1".parse().unwrap()));
        assert_eq!(url("http://[::1]:81/x").host_header(), "[::1]:81");
        assert_eq!(url("http://10.0.0.1/x").host, Host::Ip("10.0.0.1".parse().unwrap()));
        assert_eq!(url("http://h/a/b/..").path, "/a/");
        assert_eq!(url("http://h/../../x").path, "/x");
        assert_eq!(url("http://h:/x").port, 80);
    }

    #[test]
    fn bad_urls_are_refused_without_quoting_them() {
        for (bad, want) in [
            ("ftp://h/x", UrlError::NotHttp),
            ("/relative", UrlError::NotHttp),
            ("http://u:p@h/x", UrlError::UserInfo),
            ("http://u@h/x", UrlError::UserInfo),
            ("http:///x", UrlError::BadHost),
            ("http://h%41/x", UrlError::BadHost),
            ("http://[::1/x", UrlError::BadHost),
            ("http://h:0/x", UrlError::BadPort),
            ("http://h:65536/x", UrlError::BadPort),
            ("http://h:8o/x", UrlError::BadPort),
            ("http://h/a b", UrlError::Malformed),
            ("http://h/a\\b", UrlError::Malformed),
            ("http://h/é", UrlError::Malformed),
            ("http://h/a%zz", UrlError::Malformed),
            ("http://h/a?b c", UrlError::Malformed),
            ("http://h/a%2f..%2fb", UrlError::EncodedSlash),
            ("http://h/a%5Cb", UrlError::EncodedSlash),
        ] {
            assert_eq!(BlobUrl::parse(bad), Err(want), "{bad}");
        }
        let debug = format!("{:?}", url("http://h/secret-path?sig=secret-token"));
        assert!(!debug.contains("secret"), "{debug}");
    }

    #[test]
    fn the_allow_list_compares_origins_exactly_and_paths_by_segment() {
        let e = entry("http://Store.example:80/imgs/");
        assert!(e.matches(&url("http://store.example/imgs/a.png")));
        assert!(e.matches(&url("HTTP://STORE.EXAMPLE:80/imgs/a/b.png?sig=x")));
        assert!(e.matches(&url("http://store.example/imgs/./a.png")));
        assert!(e.matches(&url("http://store.example/x/../imgs/a.png")));
        assert!(e.matches(&url("http://store.example/imgs")));
        assert!(!e.matches(&url("http://store.example/imgs/../secret")));
        assert!(!e.matches(&url("http://store.example/imgs/%2e%2e/secret")));
        assert!(!e.matches(&url("http://store.example/imgsX/a.png")));
        assert!(!e.matches(&url("http://store.example:8080/imgs/a.png")));
        assert!(!e.matches(&url("https://store.example/imgs/a.png")));
        assert!(!e.matches(&url("http://store.example.evil/imgs/a.png")));
        assert!(!e.matches(&url("http://evil.store.example/imgs/a.png")));
        // Without a trailing slash the prefix still ends on a segment boundary.
        let e = entry("http://h/imgs");
        assert!(e.matches(&url("http://h/imgs/a.png")));
        assert!(!e.matches(&url("http://h/imgsX/a.png")));
        // A bare origin allows every path.
        let e = entry("https://h:8443");
        assert!(e.matches(&url("https://h:8443/any/thing")));
        assert!(!e.matches(&url("https://h/any/thing")));
        // Default ports are normalized.
        assert!(entry("https://h:443/").matches(&url("https://h/x")));
    }

    #[test]
    fn allow_list_entries_are_checked() {
        assert_eq!(AllowEntry::parse("http://h/x?sig=1"), Err(UrlError::QueryOrFragment));
        assert_eq!(AllowEntry::parse("http://h/x#f"), Err(UrlError::QueryOrFragment));
        assert_eq!(AllowEntry::parse("http://u:p@h/x"), Err(UrlError::UserInfo));
        let err = parse_allow_list(&["http://h/".into(), "h/imgs".into()]).unwrap_err();
        assert!(err.starts_with("blob_fetch.allow[1] is not an absolute"), "{err}");
        let https = parse_allow_list(&["https://acct.blob.core.windows.net/c/".into()]);
        if cfg!(feature = "blob-https") {
            assert_eq!(https.unwrap().len(), 1);
        } else {
            assert!(https.unwrap_err().contains("blob-https"));
        }
    }
}
