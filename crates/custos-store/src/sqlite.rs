//! The SQLite backend: one database file, WAL journal, `synchronous=FULL` (a commit is on disk before the call
//! returns), `secure_delete` (deleted item text is overwritten in the file).
//!
//! One connection behind a std mutex, used from tokio's blocking pool: SQLite serialises writers anyway, and the
//! statements here take microseconds.

use crate::{
    now_secs, keys, AuditAction, AuditEntry, Backend, DescriptionPatch, NewConsent, Reviewer, Sample, SampleConsent, SampleKind,
    SampleScope, Feedback, Item, KeyMatch, KeySlot, ListVersion, NewKeys, ResourceId,
    ResourceInfo, SealedItem, StoreError, StoredBlocklist, UsageCount, UsageIncrement, MAX_FEEDBACK_PER_RESOURCE,
};
use async_trait::async_trait;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Schema migrations, applied in order; `PRAGMA user_version` records how many ran.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/sqlite/0001_init.sql"),
    include_str!("../migrations/sqlite/0002_feedback_usage.sql"),
    include_str!("../migrations/sqlite/0003_samples.sql"),
];

/// Name of the resource created on first start.
pub const DEFAULT_RESOURCE: &str = "default";
/// Most items per list (Azure documents 10,000).
pub const MAX_ITEMS_PER_LIST: usize = 10_000;

/// The SQLite store.
#[derive(Clone)]
pub struct SqliteStore {
    conn: Arc<Mutex<Connection>>,
    path: PathBuf,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore").field("path", &self.path).finish()
    }
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and migrates it.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| StoreError::Backend(format!("cannot create {}: {e}", dir.display())))?;
        }
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "secure_delete", "ON")?;
        let mut conn = conn;
        migrate(&mut conn)?;
        Ok(SqliteStore { conn: Arc::new(Mutex::new(conn)), path: path.to_owned() })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    async fn run<T, F>(&self, f: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, StoreError> + Send + 'static,
    {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            let mut guard = conn.lock().map_err(|_| StoreError::Backend("connection lock poisoned".into()))?;
            f(&mut guard)
        })
        .await
        .map_err(|e| StoreError::Backend(format!("store task failed: {e}")))?
    }
}

fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let done: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(done as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}

const LIST_COLUMNS: &str = "id, name, description, wrapped_key";

fn list_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<StoredBlocklist> {
    Ok(StoredBlocklist { id: row.get(0)?, name: row.get(1)?, description: row.get(2)?, wrapped_key: row.get(3)? })
}

fn get_list(c: &Connection, r: &ResourceId, name: &str) -> Result<Option<StoredBlocklist>, StoreError> {
    Ok(c.query_row(
        &format!("SELECT {LIST_COLUMNS} FROM blocklists WHERE resource_id = ?1 AND name = ?2"),
        params![r.0, name],
        list_from_row,
    )
    .optional()?)
}

fn list_row(tx: &Connection, r: &ResourceId, name: &str) -> Result<Option<(i64, i64)>, StoreError> {
    Ok(tx
        .query_row(
            "SELECT id, version FROM blocklists WHERE resource_id = ?1 AND name = ?2",
            params![r.0, name],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?)
}

fn require_list(tx: &Connection, r: &ResourceId, name: &str) -> Result<i64, StoreError> {
    list_row(tx, r, name)?.map(|(id, _)| id).ok_or_else(|| StoreError::NotFound(format!("blocklist '{name}'")))
}

fn bump_version(tx: &Transaction<'_>, list_id: i64) -> Result<(), StoreError> {
    tx.execute("UPDATE blocklists SET version = version + 1 WHERE id = ?1", params![list_id])?;
    Ok(())
}

const ITEM_COLUMNS: &str = "item_id, text, description, is_regex";

fn item_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Item> {
    Ok(Item { id: row.get(0)?, text: row.get(1)?, description: row.get(2)?, is_regex: row.get::<_, i64>(3)? != 0 })
}

fn insert_key(tx: &Transaction<'_>, r: &str, slot: i64, key: &str) -> Result<(), StoreError> {
    let salt = keys::salt();
    tx.execute(
        "INSERT INTO api_keys (resource_id, slot, lookup, salt, hash) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![r, slot, keys::lookup(key), &salt[..], &keys::hash(&salt, key)[..]],
    )?;
    Ok(())
}

const RESOURCE_COLUMNS: &str = "id, name, region, created_at, wrapped_key";

fn resource_from_row(row: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<ResourceInfo> {
    Ok(ResourceInfo {
        id: ResourceId(row.get(at)?),
        name: row.get(at + 1)?,
        region: row.get(at + 2)?,
        created_at: row.get(at + 3)?,
        wrapped_key: row.get(at + 4)?,
    })
}

/// Inserts a resource with key 1 (`key1` or random) and a random key 2.
fn insert_resource(
    tx: &Transaction<'_>,
    name: &str,
    region: &str,
    wrapped_key: &[u8],
    key1: Option<String>,
) -> Result<NewKeys, StoreError> {
    let id = uuid::Uuid::new_v4().to_string();
    tx.execute(
        "INSERT INTO resources (id, name, region, created_at, wrapped_key) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, name, region, now_secs(), wrapped_key],
    )?;
    let key1 = key1.unwrap_or_else(keys::generate);
    let key2 = keys::generate();
    insert_key(tx, &id, 1, &key1)?;
    insert_key(tx, &id, 2, &key2)?;
    Ok(NewKeys { resource: ResourceId(id), key1, key2 })
}

const FEEDBACK_COLUMNS: &str =
    "id, key_slot, created_at, kind, category, expected_severity, comment, content, request_id";

fn feedback_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Feedback> {
    let slot: i64 = row.get(1)?;
    let severity: Option<i64> = row.get(5)?;
    Ok(Feedback {
        id: row.get(0)?,
        key_slot: KeySlot::from_number(slot).ok_or(rusqlite::Error::IntegralValueOutOfRange(1, slot))?,
        created_at: row.get(2)?,
        kind: row.get(3)?,
        category: row.get(4)?,
        expected_severity: severity.map(|s| s.clamp(0, 7) as u8),
        comment: row.get(6)?,
        content: row.get(7)?,
        request_id: row.get(8)?,
    })
}

fn consent_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<SampleConsent> {
    let scope: String = row.get(3)?;
    Ok(SampleConsent {
        id: row.get(0)?,
        granted_by: row.get(1)?,
        granted_at: row.get(2)?,
        scope: SampleScope::parse(&scope).ok_or(rusqlite::Error::InvalidColumnType(
            3,
            "scope".into(),
            rusqlite::types::Type::Text,
        ))?,
        sample_rate: row.get(4)?,
        revoked_at: row.get(5)?,
    })
}

const SAMPLE_COLUMNS: &str = "id, created_at, kind, text, severities, label, note, labelled_by, labelled_at";

fn sample_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Sample> {
    let kind: String = row.get(2)?;
    Ok(Sample {
        id: row.get(0)?,
        created_at: row.get(1)?,
        kind: SampleKind::parse(&kind).ok_or(rusqlite::Error::InvalidColumnType(
            2,
            "kind".into(),
            rusqlite::types::Type::Text,
        ))?,
        text: row.get(3)?,
        severities: row.get(4)?,
        label: row.get(5)?,
        note: row.get(6)?,
        labelled_by: row.get(7)?,
        labelled_at: row.get(8)?,
    })
}

fn active_consent_row(c: &Connection, r: &ResourceId) -> Result<Option<(SampleConsent, Vec<u8>)>, StoreError> {
    Ok(c.query_row(
        "SELECT c.id, c.granted_by, c.granted_at, c.scope, c.sample_rate, c.revoked_at, k.wrapped_key \
         FROM sample_consents c JOIN sample_keys k ON k.consent_id = c.id \
         WHERE c.resource_id = ?1 AND c.revoked_at IS NULL",
        params![r.0],
        |row| Ok((consent_from_row(row)?, row.get::<_, Vec<u8>>(6)?)),
    )
    .optional()?)
}

fn audit_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<AuditEntry> {
    let action: String = row.get(2)?;
    Ok(AuditEntry {
        at: row.get(0)?,
        actor: row.get(1)?,
        action: AuditAction::parse(&action).ok_or(rusqlite::Error::InvalidColumnType(
            2,
            "action".into(),
            rusqlite::types::Type::Text,
        ))?,
        resource: row.get(3)?,
        sample_id: row.get(4)?,
    })
}


fn checkpoint(c: &Connection) -> Result<(), StoreError> {
    // Move the zeroed pages out of the WAL into the main file now, so deleted data is gone from disk.
    c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(())
}

#[async_trait]
impl Backend for SqliteStore {
    async fn ensure_default_resource(
        &self,
        bootstrap_key: Option<&str>,
        region: &str,
        wrapped_key: &[u8],
    ) -> Result<Option<NewKeys>, StoreError> {
        let (bootstrap, region, wrapped) = (bootstrap_key.map(str::to_owned), region.to_owned(), wrapped_key.to_vec());
        self.run(move |c| {
            let tx = c.transaction()?;
            let exists: Option<String> = tx
                .query_row("SELECT id FROM resources WHERE name = ?1", params![DEFAULT_RESOURCE], |r| r.get(0))
                .optional()?;
            if exists.is_some() {
                return Ok(None);
            }
            let keys = insert_resource(&tx, DEFAULT_RESOURCE, &region, &wrapped, bootstrap)?;
            tx.commit()?;
            Ok(Some(keys))
        })
        .await
    }

    async fn authenticate(&self, key: &str) -> Result<Option<KeyMatch>, StoreError> {
        let key = key.to_owned();
        self.run(move |c| {
            let mut stmt = c.prepare_cached(
                "SELECT k.salt, k.hash, k.slot, k.suspended, r.id, r.name, r.region, r.created_at, r.wrapped_key \
                 FROM api_keys k JOIN resources r ON r.id = k.resource_id WHERE k.lookup = ?1",
            )?;
            let rows = stmt.query_map(params![keys::lookup(&key)], |row| {
                Ok((
                    row.get::<_, Vec<u8>>(0)?,
                    row.get::<_, Vec<u8>>(1)?,
                    row.get::<_, i64>(2)?,
                    row.get::<_, i64>(3)? != 0,
                    resource_from_row(row, 4)?,
                ))
            })?;
            let mut found = None;
            for row in rows {
                let (salt, hash, slot, suspended, resource) = row?;
                // Compare every candidate, not just until the first hit, so timing does not depend on order.
                if keys::ct_eq(&keys::hash(&salt, &key), &hash) && found.is_none() {
                    let slot = KeySlot::from_number(slot).ok_or_else(|| StoreError::Backend("bad key slot".into()))?;
                    found = Some(KeyMatch { resource, slot, suspended });
                }
            }
            Ok(found)
        })
        .await
    }

    async fn get_resource(&self, id: &ResourceId) -> Result<Option<ResourceInfo>, StoreError> {
        let id = id.clone();
        self.run(move |c| {
            Ok(c.query_row(&format!("SELECT {RESOURCE_COLUMNS} FROM resources WHERE id = ?1"), params![id.0], |row| {
                resource_from_row(row, 0)
            })
            .optional()?)
        })
        .await
    }

    async fn create_resource(&self, name: &str, region: &str, wrapped_key: &[u8]) -> Result<NewKeys, StoreError> {
        let (name, region, wrapped) = (name.to_owned(), region.to_owned(), wrapped_key.to_vec());
        self.run(move |c| {
            let tx = c.transaction()?;
            let taken: Option<String> =
                tx.query_row("SELECT id FROM resources WHERE name = ?1", params![name], |r| r.get(0)).optional()?;
            if taken.is_some() {
                return Err(StoreError::Conflict(format!("resource '{name}'")));
            }
            let keys = insert_resource(&tx, &name, &region, &wrapped, None)?;
            tx.commit()?;
            Ok(keys)
        })
        .await
    }

    async fn list_resources(&self) -> Result<Vec<ResourceInfo>, StoreError> {
        self.run(move |c| {
            let mut stmt = c.prepare_cached(&format!("SELECT {RESOURCE_COLUMNS} FROM resources ORDER BY name"))?;
            let rows = stmt.query_map([], |row| resource_from_row(row, 0))?.collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }

    async fn delete_resource(&self, name: &str) -> Result<bool, StoreError> {
        let name = name.to_owned();
        self.run(move |c| {
            let tx = c.transaction()?;
            let n = tx.execute("DELETE FROM resources WHERE name = ?1", params![name])?;
            tx.commit()?;
            if n > 0 {
                checkpoint(c)?;
            }
            Ok(n > 0)
        })
        .await
    }

    async fn regenerate_key(&self, name: &str, slot: KeySlot) -> Result<Option<String>, StoreError> {
        let name = name.to_owned();
        self.run(move |c| {
            let tx = c.transaction()?;
            let id: Option<String> =
                tx.query_row("SELECT id FROM resources WHERE name = ?1", params![name], |r| r.get(0)).optional()?;
            let Some(id) = id else { return Ok(None) };
            tx.execute("DELETE FROM api_keys WHERE resource_id = ?1 AND slot = ?2", params![id, slot as i64])?;
            let key = keys::generate();
            insert_key(&tx, &id, slot as i64, &key)?;
            tx.commit()?;
            Ok(Some(key))
        })
        .await
    }

    async fn set_key_suspended(&self, name: &str, slot: KeySlot, suspended: bool) -> Result<bool, StoreError> {
        let name = name.to_owned();
        self.run(move |c| {
            let n = c.execute(
                "UPDATE api_keys SET suspended = ?3 WHERE slot = ?2 AND resource_id = (SELECT id FROM resources WHERE name = ?1)",
                params![name, slot as i64, suspended as i64],
            )?;
            Ok(n > 0)
        })
        .await
    }

    async fn key_states(&self, r: &ResourceId) -> Result<Vec<(KeySlot, bool)>, StoreError> {
        let r = r.clone();
        self.run(move |c| {
            let mut stmt = c.prepare_cached("SELECT slot, suspended FROM api_keys WHERE resource_id = ?1 ORDER BY slot")?;
            let rows = stmt
                .query_map(params![r.0], |row| Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(1)? != 0)))?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows.into_iter().filter_map(|(slot, s)| KeySlot::from_number(slot).map(|k| (k, s))).collect())
        })
        .await
    }

    async fn insert_feedback(&self, r: &ResourceId, f: Feedback) -> Result<(), StoreError> {
        let r = r.clone();
        self.run(move |c| {
            let tx = c.transaction()?;
            let exists: Option<String> =
                tx.query_row("SELECT id FROM resources WHERE id = ?1", params![r.0], |row| row.get(0)).optional()?;
            if exists.is_none() {
                return Err(StoreError::NotFound("resource".into()));
            }
            let count: i64 =
                tx.query_row("SELECT COUNT(*) FROM feedback WHERE resource_id = ?1", params![r.0], |row| row.get(0))?;
            if count as usize >= MAX_FEEDBACK_PER_RESOURCE {
                return Err(StoreError::LimitExceeded(format!(
                    "a resource keeps at most {MAX_FEEDBACK_PER_RESOURCE} reports; delete some first"
                )));
            }
            tx.execute(
                "INSERT INTO feedback (id, resource_id, key_slot, created_at, kind, category, expected_severity, \
                 comment, content, request_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    f.id,
                    r.0,
                    f.key_slot as i64,
                    f.created_at,
                    f.kind,
                    f.category,
                    f.expected_severity.map(i64::from),
                    f.comment,
                    f.content,
                    f.request_id
                ],
            )?;
            tx.commit()?;
            Ok(())
        })
        .await
    }

    async fn list_feedback(&self, r: &ResourceId) -> Result<Vec<Feedback>, StoreError> {
        let r = r.clone();
        self.run(move |c| {
            let mut stmt = c.prepare_cached(&format!(
                "SELECT {FEEDBACK_COLUMNS} FROM feedback WHERE resource_id = ?1 ORDER BY seq"
            ))?;
            let rows = stmt.query_map(params![r.0], feedback_from_row)?.collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }

    async fn get_feedback(&self, r: &ResourceId, id: &str) -> Result<Option<Feedback>, StoreError> {
        let (r, id) = (r.clone(), id.to_owned());
        self.run(move |c| {
            Ok(c.query_row(
                &format!("SELECT {FEEDBACK_COLUMNS} FROM feedback WHERE resource_id = ?1 AND id = ?2"),
                params![r.0, id],
                feedback_from_row,
            )
            .optional()?)
        })
        .await
    }

    async fn delete_feedback(&self, r: &ResourceId, id: &str) -> Result<bool, StoreError> {
        let (r, id) = (r.clone(), id.to_owned());
        self.run(move |c| {
            let n = c.execute("DELETE FROM feedback WHERE resource_id = ?1 AND id = ?2", params![r.0, id])?;
            if n > 0 {
                checkpoint(c)?;
            }
            Ok(n > 0)
        })
        .await
    }

    async fn add_usage(&self, increments: &[UsageIncrement]) -> Result<(), StoreError> {
        let increments = increments.to_vec();
        self.run(move |c| {
            let tx = c.transaction()?;
            {
                // INSERT ... SELECT from resources: increments of a deleted resource insert nothing.
                let mut stmt = tx.prepare_cached(
                    "INSERT INTO usage_counters (resource_id, key_slot, bucket, counter, count) \
                     SELECT id, ?2, ?3, ?4, ?5 FROM resources WHERE id = ?1 \
                     ON CONFLICT (resource_id, key_slot, bucket, counter) DO UPDATE SET count = count + excluded.count",
                )?;
                for i in &increments {
                    stmt.execute(params![i.resource.0, i.slot as i64, i.bucket, i.counter, i.count])?;
                }
            }
            tx.commit()?;
            Ok(())
        })
        .await
    }

    async fn usage(&self, r: &ResourceId, since: i64) -> Result<Vec<UsageCount>, StoreError> {
        let r = r.clone();
        self.run(move |c| {
            let mut stmt = c.prepare_cached(
                "SELECT key_slot, bucket, counter, count FROM usage_counters WHERE resource_id = ?1 AND bucket >= ?2 \
                 ORDER BY bucket, key_slot, counter",
            )?;
            let rows = stmt
                .query_map(params![r.0, since], |row| {
                    Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(1)?, row.get::<_, String>(2)?, row.get::<_, i64>(3)?))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows
                .into_iter()
                .filter_map(|(slot, bucket, counter, count)| {
                    KeySlot::from_number(slot).map(|slot| UsageCount { slot, bucket, counter, count })
                })
                .collect())
        })
        .await
    }

    async fn set_resource_key(&self, id: &ResourceId, wrapped_key: &[u8]) -> Result<bool, StoreError> {
        let (id, wrapped) = (id.clone(), wrapped_key.to_vec());
        self.run(move |c| Ok(c.execute("UPDATE resources SET wrapped_key = ?2 WHERE id = ?1", params![id.0, wrapped])? > 0))
            .await
    }

    async fn upsert_blocklist(
        &self,
        r: &ResourceId,
        name: &str,
        description: DescriptionPatch,
        wrapped_key: &[u8],
    ) -> Result<(StoredBlocklist, bool), StoreError> {
        let (r, name, wrapped) = (r.clone(), name.to_owned(), wrapped_key.to_vec());
        self.run(move |c| {
            let tx = c.transaction()?;
            let created = match get_list(&tx, &r, &name)? {
                None => {
                    let desc = match description {
                        DescriptionPatch::Set(d) => Some(d),
                        DescriptionPatch::Keep | DescriptionPatch::Clear => None,
                    };
                    tx.execute(
                        "INSERT INTO blocklists (resource_id, name, description, wrapped_key) VALUES (?1, ?2, ?3, ?4)",
                        params![r.0, name, desc, wrapped],
                    )?;
                    true
                }
                Some(_) => {
                    match description {
                        DescriptionPatch::Keep => 0,
                        DescriptionPatch::Clear => tx.execute(
                            "UPDATE blocklists SET description = NULL WHERE resource_id = ?1 AND name = ?2",
                            params![r.0, name],
                        )?,
                        DescriptionPatch::Set(d) => tx.execute(
                            "UPDATE blocklists SET description = ?3 WHERE resource_id = ?1 AND name = ?2",
                            params![r.0, name, d],
                        )?,
                    };
                    false
                }
            };
            let list = get_list(&tx, &r, &name)?.ok_or_else(|| StoreError::Backend("list vanished".into()))?;
            tx.commit()?;
            Ok((list, created))
        })
        .await
    }

    async fn get_blocklist(&self, r: &ResourceId, name: &str) -> Result<Option<StoredBlocklist>, StoreError> {
        let (r, name) = (r.clone(), name.to_owned());
        self.run(move |c| get_list(c, &r, &name)).await
    }

    async fn list_blocklists(&self, r: &ResourceId) -> Result<Vec<StoredBlocklist>, StoreError> {
        let r = r.clone();
        self.run(move |c| {
            let mut stmt =
                c.prepare_cached(&format!("SELECT {LIST_COLUMNS} FROM blocklists WHERE resource_id = ?1 ORDER BY name"))?;
            let rows = stmt.query_map(params![r.0], list_from_row)?.collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }

    async fn delete_blocklist(&self, r: &ResourceId, name: &str) -> Result<bool, StoreError> {
        let (r, name) = (r.clone(), name.to_owned());
        self.run(move |c| {
            let tx = c.transaction()?;
            let n = tx.execute("DELETE FROM blocklists WHERE resource_id = ?1 AND name = ?2", params![r.0, name])?;
            tx.commit()?;
            if n > 0 {
                checkpoint(c)?;
            }
            Ok(n > 0)
        })
        .await
    }

    async fn upsert_items(&self, r: &ResourceId, list_id: i64, items: Vec<SealedItem>) -> Result<Vec<Item>, StoreError> {
        let r = r.clone();
        self.run(move |c| {
            let tx = c.transaction()?;
            let owned: Option<i64> = tx
                .query_row("SELECT id FROM blocklists WHERE id = ?1 AND resource_id = ?2", params![list_id, r.0], |row| {
                    row.get(0)
                })
                .optional()?;
            if owned.is_none() {
                return Err(StoreError::NotFound("blocklist".into()));
            }
            let mut count: i64 =
                tx.query_row("SELECT COUNT(*) FROM blocklist_items WHERE blocklist_id = ?1", params![list_id], |row| {
                    row.get(0)
                })?;
            let mut out = Vec::with_capacity(items.len());
            for it in items {
                let existing: Option<String> = tx
                    .query_row(
                        "SELECT item_id FROM blocklist_items WHERE blocklist_id = ?1 AND lookup = ?2",
                        params![list_id, it.lookup],
                        |row| row.get(0),
                    )
                    .optional()?;
                let id = match existing {
                    Some(id) => {
                        tx.execute(
                            "UPDATE blocklist_items SET text = ?3, description = ?4, is_regex = ?5 \
                             WHERE blocklist_id = ?1 AND item_id = ?2",
                            params![list_id, id, it.text, it.description, it.is_regex as i64],
                        )?;
                        id
                    }
                    None => {
                        if count as usize >= MAX_ITEMS_PER_LIST {
                            return Err(StoreError::LimitExceeded(format!(
                                "a blocklist holds at most {MAX_ITEMS_PER_LIST} items"
                            )));
                        }
                        let id = uuid::Uuid::new_v4().to_string();
                        tx.execute(
                            "INSERT INTO blocklist_items (blocklist_id, item_id, lookup, text, description, is_regex) \
                             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                            params![list_id, id, it.lookup, it.text, it.description, it.is_regex as i64],
                        )?;
                        count += 1;
                        id
                    }
                };
                out.push(Item { id, text: it.text, description: it.description, is_regex: it.is_regex });
            }
            bump_version(&tx, list_id)?;
            tx.commit()?;
            Ok(out)
        })
        .await
    }

    async fn remove_items(&self, r: &ResourceId, list: &str, ids: &[String]) -> Result<(), StoreError> {
        let (r, list, ids) = (r.clone(), list.to_owned(), ids.to_vec());
        self.run(move |c| {
            let tx = c.transaction()?;
            let list_id = require_list(&tx, &r, &list)?;
            let mut removed = 0;
            for id in &ids {
                removed += tx
                    .execute("DELETE FROM blocklist_items WHERE blocklist_id = ?1 AND item_id = ?2", params![list_id, id])?;
            }
            if removed > 0 {
                bump_version(&tx, list_id)?;
            }
            tx.commit()?;
            if removed > 0 {
                checkpoint(c)?;
            }
            Ok(())
        })
        .await
    }

    async fn list_items(
        &self,
        r: &ResourceId,
        list: &str,
        skip: usize,
        limit: usize,
    ) -> Result<Option<(StoredBlocklist, Vec<Item>, usize)>, StoreError> {
        let (r, list) = (r.clone(), list.to_owned());
        self.run(move |c| {
            let tx = c.transaction()?;
            let Some(bl) = get_list(&tx, &r, &list)? else { return Ok(None) };
            let total: i64 =
                tx.query_row("SELECT COUNT(*) FROM blocklist_items WHERE blocklist_id = ?1", params![bl.id], |row| {
                    row.get(0)
                })?;
            let items = {
                let mut stmt = tx.prepare_cached(&format!(
                    "SELECT {ITEM_COLUMNS} FROM blocklist_items WHERE blocklist_id = ?1 ORDER BY seq LIMIT ?2 OFFSET ?3"
                ))?;
                let rows = stmt.query_map(
                    params![bl.id, limit.min(i64::MAX as usize) as i64, skip.min(i64::MAX as usize) as i64],
                    item_from_row,
                )?;
                rows.collect::<Result<Vec<_>, _>>()?
            };
            tx.commit()?;
            Ok(Some((bl, items, total as usize)))
        })
        .await
    }

    async fn get_item(
        &self,
        r: &ResourceId,
        list: &str,
        id: &str,
    ) -> Result<Option<(StoredBlocklist, Option<Item>)>, StoreError> {
        let (r, list, id) = (r.clone(), list.to_owned(), id.to_owned());
        self.run(move |c| {
            let Some(bl) = get_list(c, &r, &list)? else { return Ok(None) };
            let item = c
                .query_row(
                    &format!("SELECT {ITEM_COLUMNS} FROM blocklist_items WHERE blocklist_id = ?1 AND item_id = ?2"),
                    params![bl.id, id],
                    item_from_row,
                )
                .optional()?;
            Ok(Some((bl, item)))
        })
        .await
    }

    async fn put_consent(
        &self,
        r: &ResourceId,
        consent: &NewConsent,
        wrapped_key: &[u8],
    ) -> Result<(SampleConsent, bool), StoreError> {
        let (r, consent, wrapped) = (r.clone(), consent.clone(), wrapped_key.to_vec());
        self.run(move |c| {
            let tx = c.transaction()?;
            let exists: Option<String> =
                tx.query_row("SELECT id FROM resources WHERE id = ?1", params![r.0], |row| row.get(0)).optional()?;
            if exists.is_none() {
                return Err(StoreError::NotFound("resource".into()));
            }
            let created = match active_consent_row(&tx, &r)? {
                Some((active, _)) => {
                    tx.execute(
                        "UPDATE sample_consents SET granted_by = ?2, scope = ?3, sample_rate = ?4 WHERE id = ?1",
                        params![active.id, consent.granted_by, consent.scope.as_str(), consent.sample_rate],
                    )?;
                    false
                }
                None => {
                    let id = uuid::Uuid::new_v4().to_string();
                    tx.execute(
                        "INSERT INTO sample_consents (id, resource_id, granted_by, granted_at, scope, sample_rate) \
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        params![id, r.0, consent.granted_by, now_secs(), consent.scope.as_str(), consent.sample_rate],
                    )?;
                    tx.execute("INSERT INTO sample_keys (consent_id, wrapped_key) VALUES (?1, ?2)", params![id, wrapped])?;
                    true
                }
            };
            let (stored, _) = active_consent_row(&tx, &r)?.ok_or_else(|| StoreError::Backend("consent vanished".into()))?;
            tx.commit()?;
            Ok((stored, created))
        })
        .await
    }

    async fn active_consent(&self, r: &ResourceId) -> Result<Option<(SampleConsent, Vec<u8>)>, StoreError> {
        let r = r.clone();
        self.run(move |c| active_consent_row(c, &r)).await
    }

    async fn revoke_consent(&self, r: &ResourceId) -> Result<bool, StoreError> {
        let r = r.clone();
        self.run(move |c| {
            let tx = c.transaction()?;
            let Some((active, _)) = active_consent_row(&tx, &r)? else { return Ok(false) };
            tx.execute("DELETE FROM samples WHERE resource_id = ?1", params![r.0])?;
            tx.execute(
                "DELETE FROM sample_keys WHERE consent_id IN (SELECT id FROM sample_consents WHERE resource_id = ?1)",
                params![r.0],
            )?;
            tx.execute("UPDATE sample_consents SET revoked_at = ?2 WHERE id = ?1", params![active.id, now_secs()])?;
            tx.commit()?;
            checkpoint(c)?;
            Ok(true)
        })
        .await
    }

    async fn insert_sample(&self, r: &ResourceId, consent_id: &str, s: Sample) -> Result<bool, StoreError> {
        let (r, consent_id) = (r.clone(), consent_id.to_owned());
        self.run(move |c| {
            // Selecting the key row makes the insert a no-op once the consent is revoked.
            let n = c.execute(
                "INSERT INTO samples (id, resource_id, consent_id, created_at, kind, text, severities) \
                 SELECT ?1, c.resource_id, k.consent_id, ?4, ?5, ?6, ?7 FROM sample_keys k \
                 JOIN sample_consents c ON c.id = k.consent_id \
                 WHERE k.consent_id = ?3 AND c.resource_id = ?2 AND c.revoked_at IS NULL",
                params![s.id, r.0, consent_id, s.created_at, s.kind.as_str(), s.text, s.severities],
            )?;
            Ok(n > 0)
        })
        .await
    }

    async fn list_samples(&self, r: &ResourceId) -> Result<Vec<Sample>, StoreError> {
        let r = r.clone();
        self.run(move |c| {
            let mut stmt =
                c.prepare_cached(&format!("SELECT {SAMPLE_COLUMNS} FROM samples WHERE resource_id = ?1 ORDER BY seq"))?;
            let rows = stmt.query_map(params![r.0], sample_from_row)?.collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }

    async fn get_sample(&self, r: &ResourceId, id: &str) -> Result<Option<Sample>, StoreError> {
        let (r, id) = (r.clone(), id.to_owned());
        self.run(move |c| {
            Ok(c.query_row(
                &format!("SELECT {SAMPLE_COLUMNS} FROM samples WHERE resource_id = ?1 AND id = ?2"),
                params![r.0, id],
                sample_from_row,
            )
            .optional()?)
        })
        .await
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
        let (r, id, label, by) = (r.clone(), id.to_owned(), label.to_owned(), by.to_owned());
        self.run(move |c| {
            let n = c.execute(
                "UPDATE samples SET label = ?3, note = ?4, labelled_by = ?5, labelled_at = ?6 \
                 WHERE resource_id = ?1 AND id = ?2",
                params![r.0, id, label, note, by, at],
            )?;
            Ok(n > 0)
        })
        .await
    }

    async fn create_reviewer(&self, name: &str) -> Result<(Reviewer, String), StoreError> {
        let name = name.to_owned();
        self.run(move |c| {
            let tx = c.transaction()?;
            let taken: Option<String> =
                tx.query_row("SELECT id FROM reviewers WHERE name = ?1", params![name], |r| r.get(0)).optional()?;
            if taken.is_some() {
                return Err(StoreError::Conflict(format!("reviewer '{name}'")));
            }
            let key = keys::generate();
            let salt = keys::salt();
            let reviewer = Reviewer { id: uuid::Uuid::new_v4().to_string(), name, created_at: now_secs() };
            tx.execute(
                "INSERT INTO reviewers (id, name, lookup, salt, hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    reviewer.id,
                    reviewer.name,
                    keys::lookup(&key),
                    &salt[..],
                    &keys::hash(&salt, &key)[..],
                    reviewer.created_at
                ],
            )?;
            tx.commit()?;
            Ok((reviewer, key))
        })
        .await
    }

    async fn list_reviewers(&self) -> Result<Vec<Reviewer>, StoreError> {
        self.run(move |c| {
            let mut stmt = c.prepare_cached("SELECT id, name, created_at FROM reviewers ORDER BY name")?;
            let rows = stmt
                .query_map([], |row| Ok(Reviewer { id: row.get(0)?, name: row.get(1)?, created_at: row.get(2)? }))?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }

    async fn delete_reviewer(&self, name: &str) -> Result<bool, StoreError> {
        let name = name.to_owned();
        self.run(move |c| Ok(c.execute("DELETE FROM reviewers WHERE name = ?1", params![name])? > 0)).await
    }

    async fn authenticate_reviewer(&self, key: &str) -> Result<Option<Reviewer>, StoreError> {
        let key = key.to_owned();
        self.run(move |c| {
            let mut stmt =
                c.prepare_cached("SELECT salt, hash, id, name, created_at FROM reviewers WHERE lookup = ?1")?;
            let rows = stmt.query_map(params![keys::lookup(&key)], |row| {
                Ok((
                    row.get::<_, Vec<u8>>(0)?,
                    row.get::<_, Vec<u8>>(1)?,
                    Reviewer { id: row.get(2)?, name: row.get(3)?, created_at: row.get(4)? },
                ))
            })?;
            let mut found = None;
            for row in rows {
                let (salt, hash, reviewer) = row?;
                if keys::ct_eq(&keys::hash(&salt, &key), &hash) && found.is_none() {
                    found = Some(reviewer);
                }
            }
            Ok(found)
        })
        .await
    }

    async fn add_audit(&self, e: &AuditEntry) -> Result<(), StoreError> {
        let e = e.clone();
        self.run(move |c| {
            c.execute(
                "INSERT INTO audit_log (at, actor, action, resource, sample_id) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![e.at, e.actor, e.action.as_str(), e.resource, e.sample_id],
            )?;
            Ok(())
        })
        .await
    }

    async fn list_audit(&self, resource: Option<&str>) -> Result<Vec<AuditEntry>, StoreError> {
        let resource = resource.map(str::to_owned);
        self.run(move |c| {
            let mut stmt = c.prepare_cached(
                "SELECT at, actor, action, resource, sample_id FROM audit_log \
                 WHERE ?1 IS NULL OR resource = ?1 ORDER BY seq",
            )?;
            let rows = stmt.query_map(params![resource], audit_from_row)?.collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
        .await
    }

    async fn list_versions(&self, r: &ResourceId, names: &[String]) -> Result<Vec<Option<ListVersion>>, StoreError> {
        let (r, names) = (r.clone(), names.to_vec());
        self.run(move |c| {
            names
                .iter()
                .map(|n| Ok(list_row(c, &r, n)?.map(|(id, version)| ListVersion { id, version })))
                .collect()
        })
        .await
    }

    async fn load_items(
        &self,
        r: &ResourceId,
        list: &str,
    ) -> Result<Option<(StoredBlocklist, ListVersion, Vec<Item>)>, StoreError> {
        let (r, list) = (r.clone(), list.to_owned());
        self.run(move |c| {
            let tx = c.transaction()?;
            let Some((id, version)) = list_row(&tx, &r, &list)? else { return Ok(None) };
            let Some(bl) = get_list(&tx, &r, &list)? else { return Ok(None) };
            let items = {
                let mut stmt = tx.prepare_cached(&format!(
                    "SELECT {ITEM_COLUMNS} FROM blocklist_items WHERE blocklist_id = ?1 ORDER BY seq"
                ))?;
                let rows = stmt.query_map(params![id], item_from_row)?;
                rows.collect::<Result<Vec<_>, _>>()?
            };
            tx.commit()?;
            Ok(Some((bl, ListVersion { id, version }, items)))
        })
        .await
    }
}
