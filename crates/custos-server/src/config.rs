//! Configuration: the embedded `config/default.toml`, then an optional file, then the environment, into one
//! validated [`Config`]. Building runtime objects from it happens in [`crate::run`].

use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// The embedded defaults.
pub const DEFAULT_TOML: &str = include_str!("../../../config/default.toml");

/// A secret whose `Debug` and `Display` print `***`.
#[derive(Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// The secret value.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_empty() { "\"\"" } else { "***" })
    }
}

/// The whole configuration.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `[server]`
    pub server: ServerConfig,
    /// `[database]`
    pub database: DatabaseConfig,
    /// `[models]`
    pub models: ModelsConfig,
    /// `[engine]`
    pub engine: EngineConfig,
    /// `[auth]`
    pub auth: AuthConfig,
    /// `[crypto]`
    pub crypto: CryptoConfig,
    /// `[log]`
    pub log: LogConfig,
    /// `[usage]`
    pub usage: UsageConfig,
    /// `[blob_fetch]`
    pub blob_fetch: BlobFetchConfig,
}

/// `[blob_fetch]`: fetching `image.blobUrl` (see [`crate::blob_fetch`]).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlobFetchConfig {
    /// URL prefixes (`scheme://host[:port][/path]`) that may be fetched; empty = `image.blobUrl` is refused.
    pub allow: Vec<String>,
    /// Time limit of one whole fetch (connect, request, body), in milliseconds.
    pub timeout_ms: u64,
    /// Largest body fetched, in bytes (at most the image limit).
    pub max_bytes: usize,
}

/// `[usage]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UsageConfig {
    /// Seconds between writes of the in-memory usage counters.
    pub flush_secs: u64,
}

/// `[crypto]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CryptoConfig {
    /// Keyring file.
    pub master_key_file: PathBuf,
    /// A single master key (base64), overriding the file.
    pub master_key: Secret,
}

/// `[server]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerConfig {
    /// Listen address.
    pub listen: SocketAddr,
    /// Base URL for paging links; empty = from the Host header.
    pub public_url: String,
    /// Largest request body.
    pub max_body_bytes: usize,
    /// Per-request time limit.
    pub request_timeout_secs: u64,
    /// Regions served by this instance (at least one).
    pub regions: Vec<String>,
}

/// `[database]`. `Debug` hides a password in the URL.
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatabaseConfig {
    /// Database URL.
    pub url: String,
}

impl fmt::Debug for DatabaseConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DatabaseConfig").field("url", &redact_url(&self.url)).finish()
    }
}

/// The URL with any `user:password@` reduced to `user:***@`.
pub fn redact_url(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => match rest.split_once('@') {
            Some((userinfo, host)) => {
                let user = userinfo.split(':').next().unwrap_or("");
                let masked = if userinfo.contains(':') { format!("{user}:***") } else { user.to_owned() };
                format!("{scheme}://{masked}@{host}")
            }
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

/// `[models]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelsConfig {
    /// Model folder.
    pub dir: PathBuf,
}

/// `[engine]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EngineConfig {
    /// Concurrent model runs; 0 = CPUs.
    pub workers: usize,
    /// Admitted analysis requests.
    pub max_pending: usize,
    /// Intra-op threads per image session.
    pub image_threads: usize,
}

/// `[auth]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthConfig {
    /// Key 1 of the default resource on first start.
    pub bootstrap_key: Secret,
    /// Key of the admin API; empty disables it.
    pub admin_key: Secret,
}

/// `[log]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogConfig {
    /// "text" or "json".
    pub format: LogFormat,
    /// Tracing filter.
    pub level: String,
}

/// Log output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

/// Where the store lives.
#[derive(Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// An SQLite file.
    Sqlite(PathBuf),
    /// A PostgreSQL URL (`postgres://` or `postgresql://`, optional `schema=`), passed to the store as given.
    Postgres(String),
}

impl std::fmt::Debug for DatabaseUrl {
    /// The PostgreSQL URL may carry a password: print only the scheme and what follows the `@`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DatabaseUrl::Sqlite(path) => f.debug_tuple("Sqlite").field(path).finish(),
            DatabaseUrl::Postgres(url) => {
                let host = url.split_once("://").map(|(_, rest)| rest.rsplit_once('@').map_or(rest, |(_, h)| h));
                f.debug_tuple("Postgres").field(&format!("postgres://***@{}", host.unwrap_or(""))).finish()
            }
        }
    }
}

/// A configuration error, reported at start.
#[derive(Debug, thiserror::Error)]
#[error("configuration: {0}")]
pub struct ConfigError(String);

/// The documented variables and the keys they set.
const NAMED_VARS: &[(&str, &str, &str)] = &[
    ("CUSTOS_LISTEN", "server", "listen"),
    ("CUSTOS_DATABASE_URL", "database", "url"),
    ("CUSTOS_MODEL_DIR", "models", "dir"),
    ("CUSTOS_BOOTSTRAP_KEY", "auth", "bootstrap_key"),
    ("CUSTOS_ADMIN_KEY", "auth", "admin_key"),
    ("CUSTOS_MASTER_KEY", "crypto", "master_key"),
];

/// Variables with the CUSTOS_ prefix that are not configuration keys.
const OTHER_VARS: &[&str] = &["CUSTOS_CONFIG"];

impl Config {
    /// Loads defaults, then `file` (if any), then variables from `env`.
    pub fn load(file: Option<&Path>, env: impl IntoIterator<Item = (String, String)>) -> Result<Config, ConfigError> {
        let mut table: toml::Table =
            toml::from_str(DEFAULT_TOML).map_err(|e| ConfigError(format!("embedded defaults: {e}")))?;
        if let Some(path) = file {
            let text = std::fs::read_to_string(path)
                .map_err(|e| ConfigError(format!("cannot read {}: {e}", path.display())))?;
            let overlay: toml::Table =
                toml::from_str(&text).map_err(|e| ConfigError(format!("{}: {e}", path.display())))?;
            merge(&mut table, overlay, path)?;
        }
        let env: BTreeMap<String, String> = env.into_iter().filter(|(k, _)| k.starts_with("CUSTOS_")).collect();
        for (var, value) in &env {
            let (section, key) = if let Some((_, s, k)) = NAMED_VARS.iter().find(|(v, _, _)| v == var) {
                (s.to_string(), k.to_string())
            } else if let Some(rest) = var.strip_prefix("CUSTOS__") {
                match rest.split_once("__") {
                    Some((s, k)) if !s.is_empty() && !k.is_empty() => (s.to_lowercase(), k.to_lowercase()),
                    _ => return Err(ConfigError(format!("{var}: expected CUSTOS__SECTION__KEY"))),
                }
            } else if OTHER_VARS.contains(&var.as_str()) {
                continue;
            } else {
                return Err(ConfigError(format!(
                    "unknown variable {var}; known: {}, CUSTOS_CONFIG and CUSTOS__SECTION__KEY",
                    NAMED_VARS.iter().map(|v| v.0).collect::<Vec<_>>().join(", ")
                )));
            };
            set_from_env(&mut table, &section, &key, value, var)?;
        }
        let config: Config = table.try_into().map_err(|e: toml::de::Error| ConfigError(e.message().to_owned()))?;
        config.validate()?;
        Ok(config)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        self.database_url()?;
        if self.server.max_body_bytes < 1024 {
            return Err(ConfigError("server.max_body_bytes must be at least 1024".into()));
        }
        if self.engine.max_pending == 0 || self.engine.image_threads == 0 {
            return Err(ConfigError("engine.max_pending and engine.image_threads must be positive".into()));
        }
        let admin = self.auth.admin_key.expose();
        if !admin.is_empty() && admin.len() < 16 {
            return Err(ConfigError("auth.admin_key must be at least 16 characters".into()));
        }
        if !(1..=3600).contains(&self.usage.flush_secs) {
            return Err(ConfigError("usage.flush_secs must be between 1 and 3600".into()));
        }
        if self.server.regions.is_empty() {
            return Err(ConfigError("server.regions must name at least one region".into()));
        }
        if let Some(bad) = self.server.regions.iter().find(|r| !is_region_name(r)) {
            return Err(ConfigError(format!("server.regions: '{bad}' is not a region name (a-z, 0-9, '-', 1-32)")));
        }
        crate::blob_fetch::parse_allow_list(&self.blob_fetch.allow).map_err(ConfigError)?;
        let request_ms = self.server.request_timeout_secs.saturating_mul(1000);
        if self.blob_fetch.timeout_ms == 0 || self.blob_fetch.timeout_ms >= request_ms {
            return Err(ConfigError(format!(
                "blob_fetch.timeout_ms must be at least 1 and less than server.request_timeout_secs ({request_ms} ms)"
            )));
        }
        let max_image = crate::routes::image_analyze::MAX_IMAGE_BYTES;
        if !(1..=max_image).contains(&self.blob_fetch.max_bytes) {
            return Err(ConfigError(format!(
                "blob_fetch.max_bytes must be between 1 and {max_image} (the image size limit)"
            )));
        }
        let url = &self.server.public_url;
        if !url.is_empty() && !(url.starts_with("http://") || url.starts_with("https://")) {
            return Err(ConfigError("server.public_url must start with http:// or https://".into()));
        }
        Ok(())
    }

    /// The parsed database URL.
    pub fn database_url(&self) -> Result<DatabaseUrl, ConfigError> {
        let url = self.database.url.trim();
        if let Some(path) = url.strip_prefix("sqlite://") {
            if path.is_empty() {
                return Err(ConfigError("database.url: sqlite:// needs a file path".into()));
            }
            return Ok(DatabaseUrl::Sqlite(PathBuf::from(path)));
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            // Parsed (not connected) now, so a malformed URL fails at start; the message never quotes the URL.
            custos_store::postgres::check_url(url).map_err(|e| match e {
                custos_store::StoreError::Backend(m) => ConfigError(format!("database.url: {m}")),
                other => ConfigError(format!("database.url: {other}")),
            })?;
            return Ok(DatabaseUrl::Postgres(url.to_owned()));
        }
        Err(ConfigError("database.url must look like sqlite://PATH or postgres://USER@HOST:PORT/DATABASE".into()))
    }

    /// Model workers: the configured number, or the CPU count.
    pub fn workers(&self) -> usize {
        if self.engine.workers > 0 {
            self.engine.workers
        } else {
            std::thread::available_parallelism().map(usize::from).unwrap_or(2)
        }
    }
}

/// Region names: 1–32 characters of lower-case letters, digits and '-'.
pub fn is_region_name(s: &str) -> bool {
    (1..=32).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn merge(base: &mut toml::Table, overlay: toml::Table, path: &Path) -> Result<(), ConfigError> {
    for (section, value) in overlay {
        let (Some(toml::Value::Table(dst)), toml::Value::Table(src)) = (base.get_mut(&section), value) else {
            return Err(ConfigError(format!("{}: unknown section [{section}]", path.display())));
        };
        for (k, v) in src {
            if !dst.contains_key(&k) {
                return Err(ConfigError(format!("{}: unknown key {section}.{k}", path.display())));
            }
            dst.insert(k, v);
        }
    }
    Ok(())
}

fn set_from_env(table: &mut toml::Table, section: &str, key: &str, value: &str, var: &str) -> Result<(), ConfigError> {
    let Some(toml::Value::Table(sec)) = table.get_mut(section) else {
        return Err(ConfigError(format!("{var}: unknown section {section}")));
    };
    let Some(old) = sec.get(key) else {
        return Err(ConfigError(format!("{var}: unknown key {section}.{key}")));
    };
    let new = match old {
        toml::Value::Integer(_) => toml::Value::Integer(
            value.trim().parse().map_err(|_| ConfigError(format!("{var}: expected an integer")))?,
        ),
        toml::Value::Array(_) => toml::Value::Array(
            value.split(',').map(str::trim).filter(|v| !v.is_empty()).map(|v| toml::Value::String(v.to_owned())).collect(),
        ),
        toml::Value::Boolean(_) => toml::Value::Boolean(
            value.trim().parse().map_err(|_| ConfigError(format!("{var}: expected true or false")))?,
        ),
        _ => toml::Value::String(value.to_owned()),
    };
    sec.insert(key.to_owned(), new);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(vars: &[(&str, &str)]) -> Vec<(String, String)> {
        vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn the_embedded_defaults_parse() {
        let c = Config::load(None, env(&[])).unwrap();
        assert_eq!(c.server.listen.to_string(), "127.0.0.1:5080");
        assert_eq!(c.database_url().unwrap(), DatabaseUrl::Sqlite("custos-data/custos.db".into()));
        assert_eq!(c.models.dir, PathBuf::from("models"));
        assert_eq!(c.auth.bootstrap_key.expose(), "");
    }

    #[test]
    fn named_and_generic_variables_override() {
        let c = Config::load(
            None,
            env(&[
                ("CUSTOS_LISTEN", "127.0.0.1:0"),
                ("CUSTOS_DATABASE_URL", "sqlite:///tmp/x.db"),
                ("CUSTOS_BOOTSTRAP_KEY", "k1"),
                ("CUSTOS__ENGINE__MAX_PENDING", "7"),
                ("CUSTOS__SERVER__REGIONS", "eu-west, eu-north"),
                ("PATH", "/bin"),
            ]),
        )
        .unwrap();
        assert_eq!(c.server.listen.port(), 0);
        assert_eq!(c.database_url().unwrap(), DatabaseUrl::Sqlite("/tmp/x.db".into()));
        assert_eq!(c.engine.max_pending, 7);
        assert_eq!(c.server.regions, ["eu-west", "eu-north"]);
        assert_eq!(format!("{:?}", c.auth.bootstrap_key), "***");
    }

    #[test]
    fn the_whole_config_debug_hides_secrets() {
        let c = Config::load(
            None,
            env(&[
                ("CUSTOS_DATABASE_URL", "postgres://custos:pw-secret-1@db:5432/custos"),
                ("CUSTOS_ADMIN_KEY", "admin-secret-0123456789"),
                ("CUSTOS_BOOTSTRAP_KEY", "boot-secret"),
            ]),
        )
        .unwrap();
        let debug = format!("{c:?}");
        for secret in ["pw-secret-1", "admin-secret-0123456789", "boot-secret"] {
            assert!(!debug.contains(secret), "{debug}");
        }
        assert!(debug.contains("postgres://custos:***@db:5432/custos"), "{debug}");
    }

    #[test]
    fn postgres_urls_are_accepted_and_their_password_is_not_printed() {
        for url in ["postgres://custos:pw-123@db:5432/custos", "postgresql://custos@db/custos?schema=tenant_a"] {
            let c = Config::load(None, env(&[("CUSTOS_DATABASE_URL", url)])).unwrap();
            assert_eq!(c.database_url().unwrap(), DatabaseUrl::Postgres(url.into()));
            let debug = format!("{:?}", c.database_url().unwrap());
            assert!(!debug.contains("pw-123") && debug.contains("db"), "{debug}");
        }
        let err = Config::load(None, env(&[("CUSTOS_DATABASE_URL", "postgres://u:pw-123@h:port/db")])).unwrap_err();
        assert!(!err.to_string().contains("pw-123"), "{err}");
    }

    #[test]
    fn unknown_or_invalid_settings_fail_clearly() {
        let cases: &[(&[(&str, &str)], &str)] = &[
            (&[("CUSTOS_LISTN", "x")], "unknown variable CUSTOS_LISTN"),
            (&[("CUSTOS_LISTEN", "nonsense")], "invalid socket address"),
            (&[("CUSTOS__ENGINE__MAX_PENDING", "many")], "expected an integer"),
            (&[("CUSTOS__ENGINE__NOPE", "1")], "unknown key engine.nope"),
            (&[("CUSTOS_DATABASE_URL", "mysql://x")], "sqlite://PATH"),
            (&[("CUSTOS_DATABASE_URL", "postgres://u:pw@h:port/db")], "invalid PostgreSQL URL"),
            (&[("CUSTOS_DATABASE_URL", "postgres://h/db?schema=No-Good")], "schema="),
            (&[("CUSTOS__LOG__FORMAT", "xml")], "unknown variant"),
            (&[("CUSTOS__SERVER__REGIONS", "")], "at least one region"),
            (&[("CUSTOS__SERVER__REGIONS", "EU West")], "not a region name"),
        ];
        for (vars, want) in cases {
            let err = Config::load(None, env(vars)).unwrap_err().to_string();
            assert!(err.contains(want), "{vars:?}: {err}");
        }
    }

    #[test]
    fn the_blob_allow_list_is_off_by_default_and_checked_at_start() {
        let c = Config::load(None, env(&[])).unwrap();
        assert!(c.blob_fetch.allow.is_empty());
        assert_eq!(c.blob_fetch.timeout_ms, 5000);
        assert_eq!(c.blob_fetch.max_bytes, crate::routes::image_analyze::MAX_IMAGE_BYTES);
        let c = Config::load(
            None,
            env(&[
                ("CUSTOS__BLOB_FETCH__ALLOW", "http://imgs.internal:8080/public/, http://10.1.2.3/"),
                ("CUSTOS__BLOB_FETCH__TIMEOUT_MS", "250"),
            ]),
        )
        .unwrap();
        assert_eq!(c.blob_fetch.allow, ["http://imgs.internal:8080/public/", "http://10.1.2.3/"]);
        assert_eq!(c.blob_fetch.timeout_ms, 250);
        let cases: &[(&str, &str, &str)] = &[
            ("CUSTOS__BLOB_FETCH__ALLOW", "http://h/, imgs.internal/x", "blob_fetch.allow[1] is not an absolute"),
            ("CUSTOS__BLOB_FETCH__ALLOW", "ftp://h/x", "blob_fetch.allow[0] is not an absolute"),
            ("CUSTOS__BLOB_FETCH__ALLOW", "http:///x", "blob_fetch.allow[0] has no valid host"),
            ("CUSTOS__BLOB_FETCH__ALLOW", "http://u:pw-9@h/x", "blob_fetch.allow[0] carries user credentials"),
            ("CUSTOS__BLOB_FETCH__ALLOW", "http://h/x?sig=1", "blob_fetch.allow[0] has a query or fragment"),
            ("CUSTOS__BLOB_FETCH__ALLOW", "http://h/x#top", "blob_fetch.allow[0] has a query or fragment"),
            ("CUSTOS__BLOB_FETCH__TIMEOUT_MS", "0", "blob_fetch.timeout_ms"),
            ("CUSTOS__BLOB_FETCH__TIMEOUT_MS", "30000", "blob_fetch.timeout_ms"),
            ("CUSTOS__BLOB_FETCH__MAX_BYTES", "0", "blob_fetch.max_bytes"),
            ("CUSTOS__BLOB_FETCH__MAX_BYTES", "4194305", "blob_fetch.max_bytes"),
        ];
        for (var, value, want) in cases {
            let err = Config::load(None, env(&[(var, value)])).unwrap_err().to_string();
            assert!(err.contains(want), "{var}={value}: {err}");
            assert!(!err.contains("pw-9"), "{err}");
        }
        let https = Config::load(None, env(&[("CUSTOS__BLOB_FETCH__ALLOW", "https://acct.blob.core.windows.net/c/")]));
        if cfg!(feature = "blob-https") {
            assert!(https.is_ok());
        } else {
            assert!(https.unwrap_err().to_string().contains("`blob-https` cargo feature"));
        }
    }

    #[test]
    fn a_config_file_overrides_defaults_and_rejects_unknown_keys() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("c.toml");
        std::fs::write(&f, "[engine]\nworkers = 3\n").unwrap();
        assert_eq!(Config::load(Some(&f), env(&[])).unwrap().workers(), 3);
        std::fs::write(&f, "[engine]\nwrokers = 3\n").unwrap();
        assert!(Config::load(Some(&f), env(&[])).unwrap_err().to_string().contains("unknown key engine.wrokers"));
    }
}
