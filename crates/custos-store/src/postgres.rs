//! The PostgreSQL backend, for several replicas sharing one database.
//!
//! # Connecting
//! `postgres://USER[:PASSWORD]@HOST[:PORT]/DB[?PARAMS]` (or `postgresql://`), parsed by `tokio-postgres`, so its
//! parameters work (`connect_timeout`, `options`, `application_name`, ...). One extra parameter is ours:
//! `schema=NAME` (lower-case letters, digits, `_`; at most 63) is stripped from the URL, the schema is created if
//! missing, and every pooled connection gets `search_path=NAME` as a startup option (`-c search_path=NAME`), so it
//! holds on reconnects too. Without it the tables live in the default search path (`public`). Plain TCP only: no
//! TLS crates are linked; use a private network or a local TLS-terminating proxy.
//!
//! [`PostgresStore::connect`] retries an unreachable server with exponential backoff (0.5 s doubling up to 5 s,
//! about 30 s in all; [`ConnectOptions::retry_budget`]) and then fails naming `host:port`, never the password.
//! Errors the server reports on purpose (bad password, missing database) fail at once.
//!
//! # Migrations
//! `migrations/postgres/NNNN_*.sql`, applied at connect in one transaction that first takes
//! `pg_advisory_xact_lock`, so replicas starting together apply them once; `schema_migrations` records them.
//!
//! # Concurrency
//! A deadpool pool of `tokio-postgres` connections. Broken connections (server restart, network cut) are dropped
//! when next taken from the pool and replaced, so the store recovers by itself; meanwhile calls fail with
//! [`StoreError::Backend`], which the server answers with 503 and `Retry-After`. Item writes lock their list's
//! row (`SELECT ... FOR UPDATE`), so the 10,000-item cap and the version bump hold with concurrent writers on any
//! replica. Creating resources and lists uses `INSERT ... ON CONFLICT`, so two replicas racing to create the
//! default resource create it once.
//!
//! # Content
//! Nothing here logs item texts, descriptions, keys or the password. Error texts from the server are reduced to
//! the message and SQLSTATE (PostgreSQL's `DETAIL` can quote row values). Unlike SQLite's `secure_delete`,
//! PostgreSQL leaves deleted rows as dead tuples until `VACUUM` reuses their space; what remains is ciphertext whose
//! key was deleted with the row that held it (crypto-shred, see `crate::crypto`).

use crate::sqlite::{DEFAULT_RESOURCE, MAX_ITEMS_PER_LIST};
use crate::{
    now_secs, keys, AuditAction, AuditEntry, Backend, DescriptionPatch, NewConsent, Reviewer, Sample, SampleConsent, SampleKind,
    SampleScope, Feedback, Item, KeyMatch, KeySlot, ListVersion, NewKeys, ResourceId,
    ResourceInfo, SealedItem, StoreError, StoredBlocklist, UsageCount, UsageIncrement, MAX_FEEDBACK_PER_RESOURCE,
};
use async_trait::async_trait;
use deadpool_postgres::{GenericClient, Manager, ManagerConfig, Pool, PoolError, RecyclingMethod, Runtime};
use std::str::FromStr;
use std::time::{Duration, Instant};
use tokio_postgres::error::SqlState;
use tokio_postgres::types::ToSql;
use tokio_postgres::{IsolationLevel, NoTls, Row};

/// Schema migrations, applied in order; `schema_migrations` records which ran.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/postgres/0001_init.sql"),
    include_str!("../migrations/postgres/0002_feedback_usage.sql"),
    include_str!("../migrations/postgres/0003_samples.sql"),
];

/// Advisory lock key serialising migrations across replicas ("custos" in ASCII).
const MIGRATION_LOCK: i64 = 0x63_75_73_74_6f_73;

/// How [`PostgresStore::connect_with`] connects.
#[derive(Debug, Clone)]
pub struct ConnectOptions {
    /// How long to keep retrying an unreachable server at start (backoff 0.5 s doubling up to 5 s).
    pub retry_budget: Duration,
    /// Most pooled connections.
    pub pool_size: usize,
    /// How long a call waits for a free or new connection before failing with `Backend`.
    pub wait_timeout: Duration,
}

impl Default for ConnectOptions {
    fn default() -> Self {
        ConnectOptions { retry_budget: Duration::from_secs(30), pool_size: 16, wait_timeout: Duration::from_secs(10) }
    }
}

/// The PostgreSQL store.
#[derive(Clone)]
pub struct PostgresStore {
    pool: Pool,
    target: String,
    schema: Option<String>,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresStore").field("target", &self.target).field("schema", &self.schema).finish()
    }
}

/// A parsed URL: the driver's config (with the schema applied), `host:port/db` for messages, and the schema.
struct Target {
    config: tokio_postgres::Config,
    describe: String,
    schema: Option<String>,
}

/// Checks a database URL without connecting (for configuration validation). The error never quotes the URL.
pub fn check_url(url: &str) -> Result<(), StoreError> {
    parse_url(url).map(|_| ())
}

fn parse_url(url: &str) -> Result<Target, StoreError> {
    if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
        return Err(StoreError::Backend("a PostgreSQL URL starts with postgres:// or postgresql://".into()));
    }
    let (base, query) = url.split_once('?').unwrap_or((url, ""));
    let mut schema = None;
    let mut kept = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        match pair.split_once('=') {
            Some(("schema", name)) => {
                if !is_schema_name(name) {
                    return Err(StoreError::Backend(
                        "schema= takes a lower-case name: a-z, 0-9 and '_', not starting with a digit, at most 63"
                            .into(),
                    ));
                }
                schema = Some(name.to_owned());
            }
            _ => kept.push(pair),
        }
    }
    let url = if kept.is_empty() { base.to_owned() } else { format!("{base}?{}", kept.join("&")) };
    // tokio-postgres's parse errors name the bad parameter, not the URL, so they are safe to show.
    let mut config = tokio_postgres::Config::from_str(&url)
        .map_err(|e| StoreError::Backend(format!("invalid PostgreSQL URL: {e}")))?;
    if let Some(s) = &schema {
        let options = match config.get_options() {
            Some(o) if !o.trim().is_empty() => format!("{o} -c search_path={s}"),
            _ => format!("-c search_path={s}"),
        };
        config.options(options);
    }
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(Duration::from_secs(5));
    }
    if config.get_application_name().is_none() {
        config.application_name("custos");
    }
    let describe = describe(&config);
    Ok(Target { config, describe, schema })
}

fn is_schema_name(s: &str) -> bool {
    (1..=63).contains(&s.len())
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && !s.as_bytes()[0].is_ascii_digit()
}

/// `host:port/db` (all hosts when several are given); no user or password.
fn describe(config: &tokio_postgres::Config) -> String {
    use tokio_postgres::config::Host;
    let ports = config.get_ports();
    let hosts: Vec<String> = config
        .get_hosts()
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let port = ports.get(i).or(ports.first()).copied().unwrap_or(5432);
            match h {
                Host::Tcp(name) => format!("{name}:{port}"),
                #[cfg(unix)]
                Host::Unix(path) => format!("{}:{port}", path.display()),
            }
        })
        .collect();
    let hosts = if hosts.is_empty() { "localhost:5432".to_owned() } else { hosts.join(",") };
    format!("{hosts}/{}", config.get_dbname().unwrap_or("(default)"))
}

/// The message and SQLSTATE of a server error (its `DETAIL` can quote row values, so it is left out), or the
/// driver's own text for connection and protocol errors.
fn error_text(e: &tokio_postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => format!("{} (SQLSTATE {})", db.message(), db.code().code()),
        None => {
            // The driver's Display leaves out the cause ("error connecting to server"); add it (an I/O error).
            let mut text = e.to_string();
            let mut source = std::error::Error::source(e);
            while let Some(cause) = source {
                text = format!("{text}: {cause}");
                source = cause.source();
            }
            text
        }
    }
}

impl From<tokio_postgres::Error> for StoreError {
    fn from(e: tokio_postgres::Error) -> Self {
        StoreError::Backend(error_text(&e))
    }
}

impl From<PoolError> for StoreError {
    fn from(e: PoolError) -> Self {
        StoreError::Backend(pool_error_text(&e))
    }
}

fn pool_error_text(e: &PoolError) -> String {
    match e {
        PoolError::Backend(e) => error_text(e),
        other => format!("PostgreSQL connection pool: {other}"),
    }
}

/// Whether a failure to connect may go away by itself (server down, starting up, or out of connections).
fn retryable(e: &PoolError) -> bool {
    match e {
        PoolError::Timeout(_) => true,
        PoolError::Backend(e) => match e.code() {
            None => true,
            Some(code) => {
                [SqlState::CANNOT_CONNECT_NOW, SqlState::TOO_MANY_CONNECTIONS, SqlState::ADMIN_SHUTDOWN].contains(code)
            }
        },
        _ => false,
    }
}

impl PostgresStore {
    /// Connects (retrying for about 30 s while the server is unreachable) and migrates.
    pub async fn connect(url: &str) -> Result<PostgresStore, StoreError> {
        Self::connect_with(url, &ConnectOptions::default()).await
    }

    /// Connects with explicit options and migrates.
    pub async fn connect_with(url: &str, options: &ConnectOptions) -> Result<PostgresStore, StoreError> {
        let Target { config, describe: target, schema } = parse_url(url)?;
        let manager = Manager::from_config(config, NoTls, ManagerConfig { recycling_method: RecyclingMethod::Fast });
        let pool = Pool::builder(manager)
            .max_size(options.pool_size.max(1))
            .runtime(Runtime::Tokio1)
            .wait_timeout(Some(options.wait_timeout))
            .create_timeout(Some(Duration::from_secs(10)))
            .recycle_timeout(Some(Duration::from_secs(5)))
            .build()
            .map_err(|e| StoreError::Backend(format!("PostgreSQL connection pool: {e}")))?;

        let started = Instant::now();
        let mut delay = Duration::from_millis(500);
        let mut attempts = 0u32;
        let mut client = loop {
            attempts += 1;
            match pool.get().await {
                Ok(client) => break client,
                Err(e) => {
                    let elapsed = started.elapsed();
                    if !retryable(&e) || elapsed + delay > options.retry_budget {
                        return Err(StoreError::Backend(format!(
                            "cannot connect to PostgreSQL at {target} ({attempts} attempts in {:.1} s): {}",
                            elapsed.as_secs_f64(),
                            pool_error_text(&e)
                        )));
                    }
                    let retry_in_ms = delay.as_millis() as u64;
                    let error = pool_error_text(&e);
                    tracing::warn!(%target, attempts, retry_in_ms, %error, "PostgreSQL unreachable; retrying");
                    tokio::time::sleep(delay).await;
                    delay = (delay * 2).min(Duration::from_secs(5));
                }
            }
        };
        migrate(&mut client, schema.as_deref()).await.map_err(|e| match e {
            StoreError::Backend(m) => StoreError::Backend(format!("migrating PostgreSQL at {target}: {m}")),
            other => other,
        })?;
        drop(client);
        tracing::info!(%target, schema = schema.as_deref().unwrap_or("(default)"), "PostgreSQL store ready");
        Ok(PostgresStore { pool, target, schema })
    }

    /// `host:port/db` of the server (no credentials).
    pub fn target(&self) -> &str {
        &self.target
    }

    async fn client(&self) -> Result<deadpool_postgres::Client, StoreError> {
        Ok(self.pool.get().await?)
    }
}

async fn migrate(client: &mut deadpool_postgres::Client, schema: Option<&str>) -> Result<(), StoreError> {
    let tx = client.transaction().await?;
    // Held until commit: a second replica starting now waits here, then finds the migrations recorded.
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK]).await?;
    if let Some(s) = schema {
        // `s` is checked by is_schema_name, so it needs no quoting.
        tx.batch_execute(&format!("CREATE SCHEMA IF NOT EXISTS {s}; SET LOCAL search_path TO {s}")).await?;
    }
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (\
             version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
    )
    .await?;
    let done: Vec<i32> =
        tx.query("SELECT version FROM schema_migrations", &[]).await?.iter().map(|r| r.get(0)).collect();
    for (i, sql) in MIGRATIONS.iter().enumerate() {
        let version = i as i32 + 1;
        if done.contains(&version) {
            continue;
        }
        tx.batch_execute(sql).await?;
        tx.execute("INSERT INTO schema_migrations (version) VALUES ($1)", &[&version]).await?;
        tracing::info!(version, "applied PostgreSQL migration");
    }
    tx.commit().await?;
    Ok(())
}

async fn query_opt(
    c: &impl GenericClient,
    sql: &str,
    params: &[&(dyn ToSql + Sync)],
) -> Result<Option<Row>, StoreError> {
    let st = c.prepare_cached(sql).await?;
    Ok(c.query_opt(&st, params).await?)
}

async fn query(c: &impl GenericClient, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<Vec<Row>, StoreError> {
    let st = c.prepare_cached(sql).await?;
    Ok(c.query(&st, params).await?)
}

async fn execute(c: &impl GenericClient, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<u64, StoreError> {
    let st = c.prepare_cached(sql).await?;
    Ok(c.execute(&st, params).await?)
}

/// The list's row id and version, locking the row until the transaction ends when `lock` is set.
async fn list_row(
    c: &impl GenericClient,
    r: &ResourceId,
    name: &str,
    lock: bool,
) -> Result<Option<ListVersion>, StoreError> {
    let sql = if lock {
        "SELECT id, version FROM blocklists WHERE resource_id = $1 AND name = $2 FOR UPDATE"
    } else {
        "SELECT id, version FROM blocklists WHERE resource_id = $1 AND name = $2"
    };
    Ok(query_opt(c, sql, &[&r.0, &name]).await?.map(|row| ListVersion { id: row.get(0), version: row.get(1) }))
}

async fn require_list(c: &impl GenericClient, r: &ResourceId, name: &str, lock: bool) -> Result<i64, StoreError> {
    list_row(c, r, name, lock).await?.map(|v| v.id).ok_or_else(|| StoreError::NotFound(format!("blocklist '{name}'")))
}

async fn bump_version(c: &impl GenericClient, list_id: i64) -> Result<(), StoreError> {
    execute(c, "UPDATE blocklists SET version = version + 1 WHERE id = $1", &[&list_id]).await?;
    Ok(())
}

const ITEM_COLUMNS: &str = "item_id, text, description, is_regex";

fn item_from_row(row: &Row) -> Item {
    Item { id: row.get(0), text: row.get(1), description: row.get(2), is_regex: row.get(3) }
}

const RESOURCE_COLUMNS: &str = "id, name, region, created_at, wrapped_key";

fn resource_from_row(row: &Row, at: usize) -> ResourceInfo {
    ResourceInfo {
        id: ResourceId(row.get(at)),
        name: row.get(at + 1),
        region: row.get(at + 2),
        created_at: row.get(at + 3),
        wrapped_key: row.get(at + 4),
    }
}

const LIST_COLUMNS: &str = "id, name, description, wrapped_key";

const FEEDBACK_COLUMNS: &str =
    "id, key_slot, created_at, kind, category, expected_severity, comment, content, request_id";

const SAMPLE_COLUMNS: &str = "id, created_at, kind, text, severities, label, note, labelled_by, labelled_at";

fn sample_from_row(row: &Row) -> Result<Sample, StoreError> {
    let kind: String = row.get(2);
    Ok(Sample {
        id: row.get(0),
        created_at: row.get(1),
        kind: SampleKind::parse(&kind).ok_or_else(|| StoreError::Backend("bad sample kind".into()))?,
        text: row.get(3),
        severities: row.get(4),
        label: row.get(5),
        note: row.get(6),
        labelled_by: row.get(7),
        labelled_at: row.get(8),
    })
}

async fn active_consent_row(
    c: &impl GenericClient,
    r: &ResourceId,
    lock: bool,
) -> Result<Option<(SampleConsent, Vec<u8>)>, StoreError> {
    let sql = format!(
        "SELECT c.id, c.granted_by, c.granted_at, c.scope, c.sample_rate, c.revoked_at, k.wrapped_key \
         FROM sample_consents c JOIN sample_keys k ON k.consent_id = c.id \
         WHERE c.resource_id = $1 AND c.revoked_at IS NULL{}",
        if lock { " FOR UPDATE" } else { "" }
    );
    let Some(row) = query_opt(c, &sql, &[&r.0]).await? else { return Ok(None) };
    let scope: String = row.get(3);
    let consent = SampleConsent {
        id: row.get(0),
        granted_by: row.get(1),
        granted_at: row.get(2),
        scope: SampleScope::parse(&scope).ok_or_else(|| StoreError::Backend("bad consent scope".into()))?,
        sample_rate: row.get(4),
        revoked_at: row.get(5),
    };
    Ok(Some((consent, row.get(6))))
}

fn audit_from_row(row: &Row) -> Result<AuditEntry, StoreError> {
    let action: String = row.get(2);
    Ok(AuditEntry {
        at: row.get(0),
        actor: row.get(1),
        action: AuditAction::parse(&action).ok_or_else(|| StoreError::Backend("bad audit action".into()))?,
        resource: row.get(3),
        sample_id: row.get(4),
    })
}

fn feedback_from_row(row: &Row) -> Result<Feedback, StoreError> {
    let slot: i32 = row.get(1);
    let severity: Option<i32> = row.get(5);
    Ok(Feedback {
        id: row.get(0),
        key_slot: KeySlot::from_number(slot.into()).ok_or_else(|| StoreError::Backend("bad key slot".into()))?,
        created_at: row.get(2),
        kind: row.get(3),
        category: row.get(4),
        expected_severity: severity.map(|s| s.clamp(0, 7) as u8),
        comment: row.get(6),
        content: row.get(7),
        request_id: row.get(8),
    })
}

fn list_from_row(row: &Row) -> StoredBlocklist {
    StoredBlocklist { id: row.get(0), name: row.get(1), description: row.get(2), wrapped_key: row.get(3) }
}

async fn get_list(c: &impl GenericClient, r: &ResourceId, name: &str) -> Result<Option<StoredBlocklist>, StoreError> {
    Ok(query_opt(c, &format!("SELECT {LIST_COLUMNS} FROM blocklists WHERE resource_id = $1 AND name = $2"), &[&r.0, &name])
        .await?
        .as_ref()
        .map(list_from_row))
}

async fn insert_key(c: &impl GenericClient, r: &str, slot: i32, key: &str) -> Result<(), StoreError> {
    let salt = keys::salt();
    let hash = keys::hash(&salt, key);
    execute(
        c,
        "INSERT INTO api_keys (resource_id, slot, lookup, salt, hash) VALUES ($1, $2, $3, $4, $5)",
        &[&r, &slot, &keys::lookup(key), &&salt[..], &&hash[..]],
    )
    .await?;
    Ok(())
}

/// Inserts a resource with key 1 (`key1` or random) and a random key 2; `None` if the name is taken (also when
/// another transaction holds it: the insert waits for that one to end).
async fn insert_resource(
    c: &impl GenericClient,
    name: &str,
    region: &str,
    wrapped_key: &[u8],
    key1: Option<String>,
) -> Result<Option<NewKeys>, StoreError> {
    let id = uuid::Uuid::new_v4().to_string();
    let inserted = query_opt(
        c,
        "INSERT INTO resources (id, name, region, created_at, wrapped_key) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (name) DO NOTHING RETURNING id",
        &[&id, &name, &region, &now_secs(), &wrapped_key],
    )
    .await?;
    if inserted.is_none() {
        return Ok(None);
    }
    let key1 = key1.unwrap_or_else(keys::generate);
    let key2 = keys::generate();
    insert_key(c, &id, 1, &key1).await?;
    insert_key(c, &id, 2, &key2).await?;
    Ok(Some(NewKeys { resource: ResourceId(id), key1, key2 }))
}


fn clamp(n: usize) -> i64 {
    n.min(i64::MAX as usize) as i64
}

#[async_trait]
impl Backend for PostgresStore {
    async fn ensure_default_resource(
        &self,
        bootstrap_key: Option<&str>,
        region: &str,
        wrapped_key: &[u8],
    ) -> Result<Option<NewKeys>, StoreError> {
        let mut c = self.client().await?;
        let tx = c.transaction().await?;
        let keys =
            insert_resource(&tx, DEFAULT_RESOURCE, region, wrapped_key, bootstrap_key.map(str::to_owned)).await?;
        tx.commit().await?;
        Ok(keys)
    }

    async fn authenticate(&self, key: &str) -> Result<Option<KeyMatch>, StoreError> {
        let c = self.client().await?;
        let rows = query(
            &c,
            "SELECT k.salt, k.hash, k.slot, k.suspended, r.id, r.name, r.region, r.created_at, r.wrapped_key \
             FROM api_keys k JOIN resources r ON r.id = k.resource_id WHERE k.lookup = $1",
            &[&keys::lookup(key)],
        )
        .await?;
        let mut found = None;
        for row in &rows {
            let (salt, hash): (Vec<u8>, Vec<u8>) = (row.get(0), row.get(1));
            // Compare every candidate, not just until the first hit, so timing does not depend on order.
            if keys::ct_eq(&keys::hash(&salt, key), &hash) && found.is_none() {
                let slot: i32 = row.get(2);
                let slot = KeySlot::from_number(slot.into()).ok_or_else(|| StoreError::Backend("bad key slot".into()))?;
                found = Some(KeyMatch { resource: resource_from_row(row, 4), slot, suspended: row.get(3) });
            }
        }
        Ok(found)
    }

    async fn get_resource(&self, id: &ResourceId) -> Result<Option<ResourceInfo>, StoreError> {
        let c = self.client().await?;
        let row = query_opt(&c, &format!("SELECT {RESOURCE_COLUMNS} FROM resources WHERE id = $1"), &[&id.0]).await?;
        Ok(row.map(|r| resource_from_row(&r, 0)))
    }

    async fn create_resource(&self, name: &str, region: &str, wrapped_key: &[u8]) -> Result<NewKeys, StoreError> {
        let mut c = self.client().await?;
        let tx = c.transaction().await?;
        let Some(keys) = insert_resource(&tx, name, region, wrapped_key, None).await? else {
            return Err(StoreError::Conflict(format!("resource '{name}'")));
        };
        tx.commit().await?;
        Ok(keys)
    }

    async fn list_resources(&self) -> Result<Vec<ResourceInfo>, StoreError> {
        let c = self.client().await?;
        let rows = query(&c, &format!("SELECT {RESOURCE_COLUMNS} FROM resources ORDER BY name"), &[]).await?;
        Ok(rows.iter().map(|r| resource_from_row(r, 0)).collect())
    }

    async fn delete_resource(&self, name: &str) -> Result<bool, StoreError> {
        let c = self.client().await?;
        Ok(execute(&c, "DELETE FROM resources WHERE name = $1", &[&name]).await? > 0)
    }

    async fn regenerate_key(&self, name: &str, slot: KeySlot) -> Result<Option<String>, StoreError> {
        let mut c = self.client().await?;
        let tx = c.transaction().await?;
        let Some(row) = query_opt(&tx, "SELECT id FROM resources WHERE name = $1 FOR UPDATE", &[&name]).await? else {
            return Ok(None);
        };
        let id: String = row.get(0);
        let slot = slot as i32;
        execute(&tx, "DELETE FROM api_keys WHERE resource_id = $1 AND slot = $2", &[&id, &slot]).await?;
        let key = keys::generate();
        insert_key(&tx, &id, slot, &key).await?;
        tx.commit().await?;
        Ok(Some(key))
    }

    async fn set_key_suspended(&self, name: &str, slot: KeySlot, suspended: bool) -> Result<bool, StoreError> {
        let c = self.client().await?;
        let n = execute(
            &c,
            "UPDATE api_keys SET suspended = $3 WHERE slot = $2 AND resource_id = (SELECT id FROM resources WHERE name = $1)",
            &[&name, &(slot as i32), &suspended],
        )
        .await?;
        Ok(n > 0)
    }

    async fn key_states(&self, r: &ResourceId) -> Result<Vec<(KeySlot, bool)>, StoreError> {
        let c = self.client().await?;
        let rows = query(&c, "SELECT slot, suspended FROM api_keys WHERE resource_id = $1 ORDER BY slot", &[&r.0]).await?;
        Ok(rows
            .iter()
            .filter_map(|row| KeySlot::from_number(row.get::<_, i32>(0).into()).map(|k| (k, row.get(1))))
            .collect())
    }

    async fn insert_feedback(&self, r: &ResourceId, f: Feedback) -> Result<(), StoreError> {
        let mut c = self.client().await?;
        let tx = c.transaction().await?;
        // The resource row lock serialises reporters of this resource (on every replica), so the cap holds.
        if query_opt(&tx, "SELECT id FROM resources WHERE id = $1 FOR UPDATE", &[&r.0]).await?.is_none() {
            return Err(StoreError::NotFound("resource".into()));
        }
        let count: i64 = query_opt(&tx, "SELECT COUNT(*) FROM feedback WHERE resource_id = $1", &[&r.0])
            .await?
            .map(|row| row.get(0))
            .unwrap_or(0);
        if count as usize >= MAX_FEEDBACK_PER_RESOURCE {
            return Err(StoreError::LimitExceeded(format!(
                "a resource keeps at most {MAX_FEEDBACK_PER_RESOURCE} reports; delete some first"
            )));
        }
        execute(
            &tx,
            "INSERT INTO feedback (id, resource_id, key_slot, created_at, kind, category, expected_severity, \
             comment, content, request_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            &[
                &f.id,
                &r.0,
                &(f.key_slot as i32),
                &f.created_at,
                &f.kind,
                &f.category,
                &f.expected_severity.map(i32::from),
                &f.comment,
                &f.content,
                &f.request_id,
            ],
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn list_feedback(&self, r: &ResourceId) -> Result<Vec<Feedback>, StoreError> {
        let c = self.client().await?;
        let rows = query(
            &c,
            &format!("SELECT {FEEDBACK_COLUMNS} FROM feedback WHERE resource_id = $1 ORDER BY seq"),
            &[&r.0],
        )
        .await?;
        rows.iter().map(feedback_from_row).collect()
    }

    async fn get_feedback(&self, r: &ResourceId, id: &str) -> Result<Option<Feedback>, StoreError> {
        let c = self.client().await?;
        let row =
            query_opt(&c, &format!("SELECT {FEEDBACK_COLUMNS} FROM feedback WHERE resource_id = $1 AND id = $2"), &[&r.0, &id])
                .await?;
        row.as_ref().map(feedback_from_row).transpose()
    }

    async fn delete_feedback(&self, r: &ResourceId, id: &str) -> Result<bool, StoreError> {
        let c = self.client().await?;
        Ok(execute(&c, "DELETE FROM feedback WHERE resource_id = $1 AND id = $2", &[&r.0, &id]).await? > 0)
    }

    async fn add_usage(&self, increments: &[UsageIncrement]) -> Result<(), StoreError> {
        // Same order on every replica, so concurrent flushes lock rows in the same order and cannot deadlock.
        let mut sorted: Vec<&UsageIncrement> = increments.iter().collect();
        sorted.sort_by(|a, b| {
            (&a.resource.0, a.slot, a.bucket, &a.counter).cmp(&(&b.resource.0, b.slot, b.bucket, &b.counter))
        });
        let mut c = self.client().await?;
        let tx = c.transaction().await?;
        for i in sorted {
            // INSERT ... SELECT from resources: increments of a deleted resource insert nothing.
            execute(
                &tx,
                "INSERT INTO usage_counters (resource_id, key_slot, bucket, counter, count) \
                 SELECT id, $2, $3, $4, $5 FROM resources WHERE id = $1 \
                 ON CONFLICT (resource_id, key_slot, bucket, counter) \
                 DO UPDATE SET count = usage_counters.count + EXCLUDED.count",
                &[&i.resource.0, &(i.slot as i32), &i.bucket, &i.counter, &i.count],
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn usage(&self, r: &ResourceId, since: i64) -> Result<Vec<UsageCount>, StoreError> {
        let c = self.client().await?;
        let rows = query(
            &c,
            "SELECT key_slot, bucket, counter, count FROM usage_counters WHERE resource_id = $1 AND bucket >= $2 \
             ORDER BY bucket, key_slot, counter",
            &[&r.0, &since],
        )
        .await?;
        Ok(rows
            .iter()
            .filter_map(|row| {
                KeySlot::from_number(row.get::<_, i32>(0).into()).map(|slot| UsageCount {
                    slot,
                    bucket: row.get(1),
                    counter: row.get(2),
                    count: row.get(3),
                })
            })
            .collect())
    }

    async fn set_resource_key(&self, id: &ResourceId, wrapped_key: &[u8]) -> Result<bool, StoreError> {
        let c = self.client().await?;
        Ok(execute(&c, "UPDATE resources SET wrapped_key = $2 WHERE id = $1", &[&id.0, &wrapped_key]).await? > 0)
    }

    async fn upsert_blocklist(
        &self,
        r: &ResourceId,
        name: &str,
        description: DescriptionPatch,
        wrapped_key: &[u8],
    ) -> Result<(StoredBlocklist, bool), StoreError> {
        let (keep, new_desc) = match description {
            DescriptionPatch::Keep => (true, None),
            DescriptionPatch::Clear => (false, None),
            DescriptionPatch::Set(d) => (false, Some(d)),
        };
        let c = self.client().await?;
        // One statement, so concurrent creators of the same name agree on who created it. `xmax = 0` holds
        // exactly for a freshly inserted row version (an updated one carries the updater's transaction id).
        let row = query_opt(
            &c,
            "INSERT INTO blocklists (resource_id, name, description, wrapped_key) VALUES ($1, $2, $3, $5) \
             ON CONFLICT (resource_id, name) DO UPDATE SET description = \
                 CASE WHEN $4 THEN blocklists.description ELSE EXCLUDED.description END \
             RETURNING id, name, description, wrapped_key, (xmax = 0) AS created",
            &[&r.0, &name, &new_desc, &keep, &wrapped_key],
        )
        .await?
        .ok_or_else(|| StoreError::Backend("upsert returned no row".into()))?;
        Ok((list_from_row(&row), row.get(4)))
    }

    async fn get_blocklist(&self, r: &ResourceId, name: &str) -> Result<Option<StoredBlocklist>, StoreError> {
        let c = self.client().await?;
        get_list(&c, r, name).await
    }

    async fn list_blocklists(&self, r: &ResourceId) -> Result<Vec<StoredBlocklist>, StoreError> {
        let c = self.client().await?;
        let rows =
            query(&c, &format!("SELECT {LIST_COLUMNS} FROM blocklists WHERE resource_id = $1 ORDER BY name"), &[&r.0])
                .await?;
        Ok(rows.iter().map(list_from_row).collect())
    }

    async fn delete_blocklist(&self, r: &ResourceId, name: &str) -> Result<bool, StoreError> {
        let c = self.client().await?;
        Ok(execute(&c, "DELETE FROM blocklists WHERE resource_id = $1 AND name = $2", &[&r.0, &name]).await? > 0)
    }

    async fn upsert_items(&self, r: &ResourceId, list_id: i64, items: Vec<SealedItem>) -> Result<Vec<Item>, StoreError> {
        let mut c = self.client().await?;
        let tx = c.transaction().await?;
        // The row lock serialises item writers on this list (on every replica) until commit, so the count
        // below stays true and the cap holds.
        if query_opt(&tx, "SELECT id FROM blocklists WHERE id = $1 AND resource_id = $2 FOR UPDATE", &[&list_id, &r.0])
            .await?
            .is_none()
        {
            return Err(StoreError::NotFound("blocklist".into()));
        }
        let count: i64 = query_opt(&tx, "SELECT COUNT(*) FROM blocklist_items WHERE blocklist_id = $1", &[&list_id])
            .await?
            .map(|row| row.get(0))
            .unwrap_or(0);
        let mut count = count as usize;
        let mut out = Vec::with_capacity(items.len());
        for it in items {
            let updated = query_opt(
                &tx,
                "UPDATE blocklist_items SET text = $3, description = $4, is_regex = $5 \
                 WHERE blocklist_id = $1 AND lookup = $2 RETURNING item_id",
                &[&list_id, &it.lookup, &it.text, &it.description, &it.is_regex],
            )
            .await?;
            let id = match updated {
                Some(row) => row.get(0),
                None => {
                    if count >= MAX_ITEMS_PER_LIST {
                        // Dropping `tx` rolls back: the failed request writes nothing.
                        return Err(StoreError::LimitExceeded(format!(
                            "a blocklist holds at most {MAX_ITEMS_PER_LIST} items"
                        )));
                    }
                    let id = uuid::Uuid::new_v4().to_string();
                    execute(
                        &tx,
                        "INSERT INTO blocklist_items (blocklist_id, item_id, lookup, text, description, is_regex) \
                         VALUES ($1, $2, $3, $4, $5, $6)",
                        &[&list_id, &id, &it.lookup, &it.text, &it.description, &it.is_regex],
                    )
                    .await?;
                    count += 1;
                    id
                }
            };
            out.push(Item { id, text: it.text, description: it.description, is_regex: it.is_regex });
        }
        bump_version(&tx, list_id).await?;
        tx.commit().await?;
        Ok(out)
    }

    async fn remove_items(&self, r: &ResourceId, list: &str, ids: &[String]) -> Result<(), StoreError> {
        let mut c = self.client().await?;
        let tx = c.transaction().await?;
        let list_id = require_list(&tx, r, list, true).await?;
        let removed = execute(
            &tx,
            "DELETE FROM blocklist_items WHERE blocklist_id = $1 AND item_id = ANY($2)",
            &[&list_id, &ids],
        )
        .await?;
        if removed > 0 {
            bump_version(&tx, list_id).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn list_items(
        &self,
        r: &ResourceId,
        list: &str,
        skip: usize,
        limit: usize,
    ) -> Result<Option<(StoredBlocklist, Vec<Item>, usize)>, StoreError> {
        let mut c = self.client().await?;
        // One snapshot for the list, the count and the page.
        let tx = c.build_transaction().isolation_level(IsolationLevel::RepeatableRead).read_only(true).start().await?;
        let Some(bl) = get_list(&tx, r, list).await? else { return Ok(None) };
        let list_id = bl.id;
        let total: i64 = query_opt(&tx, "SELECT COUNT(*) FROM blocklist_items WHERE blocklist_id = $1", &[&list_id])
            .await?
            .map(|row| row.get(0))
            .unwrap_or(0);
        let rows = query(
            &tx,
            &format!(
                "SELECT {ITEM_COLUMNS} FROM blocklist_items WHERE blocklist_id = $1 ORDER BY seq LIMIT $2 OFFSET $3"
            ),
            &[&list_id, &clamp(limit), &clamp(skip)],
        )
        .await?;
        tx.commit().await?;
        Ok(Some((bl, rows.iter().map(item_from_row).collect(), total as usize)))
    }

    async fn get_item(
        &self,
        r: &ResourceId,
        list: &str,
        id: &str,
    ) -> Result<Option<(StoredBlocklist, Option<Item>)>, StoreError> {
        let c = self.client().await?;
        let Some(bl) = get_list(&c, r, list).await? else { return Ok(None) };
        let row = query_opt(
            &c,
            &format!("SELECT {ITEM_COLUMNS} FROM blocklist_items WHERE blocklist_id = $1 AND item_id = $2"),
            &[&bl.id, &id],
        )
        .await?;
        Ok(Some((bl, row.as_ref().map(item_from_row))))
    }

    async fn put_consent(
        &self,
        r: &ResourceId,
        consent: &NewConsent,
        wrapped_key: &[u8],
    ) -> Result<(SampleConsent, bool), StoreError> {
        let mut c = self.client().await?;
        let tx = c.transaction().await?;
        // The resource row lock serialises grants and revocations of this resource on every replica.
        if query_opt(&tx, "SELECT id FROM resources WHERE id = $1 FOR UPDATE", &[&r.0]).await?.is_none() {
            return Err(StoreError::NotFound("resource".into()));
        }
        let created = match active_consent_row(&tx, r, false).await? {
            Some((active, _)) => {
                execute(
                    &tx,
                    "UPDATE sample_consents SET granted_by = $2, scope = $3, sample_rate = $4 WHERE id = $1",
                    &[&active.id, &consent.granted_by, &consent.scope.as_str(), &consent.sample_rate],
                )
                .await?;
                false
            }
            None => {
                let id = uuid::Uuid::new_v4().to_string();
                execute(
                    &tx,
                    "INSERT INTO sample_consents (id, resource_id, granted_by, granted_at, scope, sample_rate) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                    &[&id, &r.0, &consent.granted_by, &now_secs(), &consent.scope.as_str(), &consent.sample_rate],
                )
                .await?;
                execute(&tx, "INSERT INTO sample_keys (consent_id, wrapped_key) VALUES ($1, $2)", &[&id, &wrapped_key])
                    .await?;
                true
            }
        };
        let (stored, _) =
            active_consent_row(&tx, r, false).await?.ok_or_else(|| StoreError::Backend("consent vanished".into()))?;
        tx.commit().await?;
        Ok((stored, created))
    }

    async fn active_consent(&self, r: &ResourceId) -> Result<Option<(SampleConsent, Vec<u8>)>, StoreError> {
        let c = self.client().await?;
        active_consent_row(&c, r, false).await
    }

    async fn revoke_consent(&self, r: &ResourceId) -> Result<bool, StoreError> {
        let mut c = self.client().await?;
        let tx = c.transaction().await?;
        if query_opt(&tx, "SELECT id FROM resources WHERE id = $1 FOR UPDATE", &[&r.0]).await?.is_none() {
            return Ok(false);
        }
        let Some((active, _)) = active_consent_row(&tx, r, false).await? else { return Ok(false) };
        execute(&tx, "DELETE FROM samples WHERE resource_id = $1", &[&r.0]).await?;
        // Deleting the key row waits for in-flight sample inserts (their foreign-key lock) and cascades to them.
        execute(
            &tx,
            "DELETE FROM sample_keys WHERE consent_id IN (SELECT id FROM sample_consents WHERE resource_id = $1)",
            &[&r.0],
        )
        .await?;
        execute(&tx, "UPDATE sample_consents SET revoked_at = $2 WHERE id = $1", &[&active.id, &now_secs()]).await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn insert_sample(&self, r: &ResourceId, consent_id: &str, s: Sample) -> Result<bool, StoreError> {
        let c = self.client().await?;
        let st = c
            .prepare_cached(
                "INSERT INTO samples (id, resource_id, consent_id, created_at, kind, text, severities) \
                 SELECT $1, c.resource_id, k.consent_id, $4, $5, $6, $7 FROM sample_keys k \
                 JOIN sample_consents c ON c.id = k.consent_id \
                 WHERE k.consent_id = $3 AND c.resource_id = $2 AND c.revoked_at IS NULL",
            )
            .await?;
        match c.execute(&st, &[&s.id, &r.0, &consent_id, &s.created_at, &s.kind.as_str(), &s.text, &s.severities]).await {
            Ok(n) => Ok(n > 0),
            // The consent was revoked between the select and the foreign-key check: nothing is stored.
            Err(e) if e.code() == Some(&SqlState::FOREIGN_KEY_VIOLATION) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    async fn list_samples(&self, r: &ResourceId) -> Result<Vec<Sample>, StoreError> {
        let c = self.client().await?;
        let rows =
            query(&c, &format!("SELECT {SAMPLE_COLUMNS} FROM samples WHERE resource_id = $1 ORDER BY seq"), &[&r.0])
                .await?;
        rows.iter().map(sample_from_row).collect()
    }

    async fn get_sample(&self, r: &ResourceId, id: &str) -> Result<Option<Sample>, StoreError> {
        let c = self.client().await?;
        let row =
            query_opt(&c, &format!("SELECT {SAMPLE_COLUMNS} FROM samples WHERE resource_id = $1 AND id = $2"), &[&r.0, &id])
                .await?;
        row.as_ref().map(sample_from_row).transpose()
    }

    async fn label_sample(
        &self,
        r: &ResourceId,
        id: &str,
        label: &str,
        note: Option<String>,
        by: &str,
        at: i64,
    ) -> Result<bool, StoreError> {
        let c = self.client().await?;
        let n = execute(
            &c,
            "UPDATE samples SET label = $3, note = $4, labelled_by = $5, labelled_at = $6 \
             WHERE resource_id = $1 AND id = $2",
            &[&r.0, &id, &label, &note, &by, &at],
        )
        .await?;
        Ok(n > 0)
    }

    async fn create_reviewer(&self, name: &str) -> Result<(Reviewer, String), StoreError> {
        let c = self.client().await?;
        let key = keys::generate();
        let salt = keys::salt();
        let reviewer = Reviewer { id: uuid::Uuid::new_v4().to_string(), name: name.to_owned(), created_at: now_secs() };
        let n = execute(
            &c,
            "INSERT INTO reviewers (id, name, lookup, salt, hash, created_at) VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (name) DO NOTHING",
            &[
                &reviewer.id,
                &reviewer.name,
                &keys::lookup(&key),
                &&salt[..],
                &&keys::hash(&salt, &key)[..],
                &reviewer.created_at,
            ],
        )
        .await?;
        if n == 0 {
            return Err(StoreError::Conflict(format!("reviewer '{name}'")));
        }
        Ok((reviewer, key))
    }

    async fn list_reviewers(&self) -> Result<Vec<Reviewer>, StoreError> {
        let c = self.client().await?;
        let rows = query(&c, "SELECT id, name, created_at FROM reviewers ORDER BY name", &[]).await?;
        Ok(rows.iter().map(|r| Reviewer { id: r.get(0), name: r.get(1), created_at: r.get(2) }).collect())
    }

    async fn delete_reviewer(&self, name: &str) -> Result<bool, StoreError> {
        let c = self.client().await?;
        Ok(execute(&c, "DELETE FROM reviewers WHERE name = $1", &[&name]).await? > 0)
    }

    async fn authenticate_reviewer(&self, key: &str) -> Result<Option<Reviewer>, StoreError> {
        let c = self.client().await?;
        let rows =
            query(&c, "SELECT salt, hash, id, name, created_at FROM reviewers WHERE lookup = $1", &[&keys::lookup(key)])
                .await?;
        let mut found = None;
        for row in rows {
            let (salt, hash): (Vec<u8>, Vec<u8>) = (row.get(0), row.get(1));
            if keys::ct_eq(&keys::hash(&salt, key), &hash) && found.is_none() {
                found = Some(Reviewer { id: row.get(2), name: row.get(3), created_at: row.get(4) });
            }
        }
        Ok(found)
    }

    async fn add_audit(&self, e: &AuditEntry) -> Result<(), StoreError> {
        let c = self.client().await?;
        execute(
            &c,
            "INSERT INTO audit_log (at, actor, action, resource, sample_id) VALUES ($1, $2, $3, $4, $5)",
            &[&e.at, &e.actor, &e.action.as_str(), &e.resource, &e.sample_id],
        )
        .await?;
        Ok(())
    }

    async fn list_audit(&self, resource: Option<&str>) -> Result<Vec<AuditEntry>, StoreError> {
        let c = self.client().await?;
        let rows = query(
            &c,
            "SELECT at, actor, action, resource, sample_id FROM audit_log \
             WHERE $1::TEXT IS NULL OR resource = $1 ORDER BY seq",
            &[&resource],
        )
        .await?;
        rows.iter().map(audit_from_row).collect()
    }

    async fn list_versions(&self, r: &ResourceId, names: &[String]) -> Result<Vec<Option<ListVersion>>, StoreError> {
        if names.is_empty() {
            return Ok(Vec::new());
        }
        let c = self.client().await?;
        // One round trip: this runs on every analyze request that names blocklists.
        let rows = query(
            &c,
            "SELECT name, id, version FROM blocklists WHERE resource_id = $1 AND name = ANY($2)",
            &[&r.0, &names],
        )
        .await?;
        Ok(names
            .iter()
            .map(|n| {
                rows.iter()
                    .find(|row| row.get::<_, &str>(0) == n)
                    .map(|row| ListVersion { id: row.get(1), version: row.get(2) })
            })
            .collect())
    }

    async fn load_items(
        &self,
        r: &ResourceId,
        list: &str,
    ) -> Result<Option<(StoredBlocklist, ListVersion, Vec<Item>)>, StoreError> {
        let mut c = self.client().await?;
        // One snapshot, so the items belong to the version returned.
        let tx = c.build_transaction().isolation_level(IsolationLevel::RepeatableRead).read_only(true).start().await?;
        let Some(version) = list_row(&tx, r, list, false).await? else { return Ok(None) };
        let Some(bl) = get_list(&tx, r, list).await? else { return Ok(None) };
        let rows = query(
            &tx,
            &format!("SELECT {ITEM_COLUMNS} FROM blocklist_items WHERE blocklist_id = $1 ORDER BY seq"),
            &[&version.id],
        )
        .await?;
        tx.commit().await?;
        Ok(Some((bl, version, rows.iter().map(item_from_row).collect())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_parsed_with_the_schema_stripped_and_described_without_credentials() {
        let t = parse_url("postgres://u:sekret@db.example:6543/custos?schema=tenant_a&connect_timeout=3").unwrap();
        assert_eq!(t.describe, "db.example:6543/custos");
        assert_eq!(t.schema.as_deref(), Some("tenant_a"));
        assert_eq!(t.config.get_options(), Some("-c search_path=tenant_a"));
        assert_eq!(t.config.get_connect_timeout(), Some(&Duration::from_secs(3)));
        let t = parse_url("postgresql://postgres@127.0.0.1/test").unwrap();
        assert_eq!((t.describe.as_str(), t.schema), ("127.0.0.1:5432/test", None));
        for bad in ["mysql://x", "postgres://h/db?schema=Bad-Name", "postgres://h/db?schema=1x", "postgres://h:port/db"]
        {
            let err = parse_url(bad).err().unwrap().to_string();
            assert!(!err.contains("sekret"), "{err}");
        }
    }
}
