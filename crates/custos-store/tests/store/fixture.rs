//! Fresh stores for tests, per backend.

use custos_store::crypto::Keyring;
use custos_store::postgres::{ConnectOptions, PostgresStore};
use custos_store::sqlite::SqliteStore;
use custos_store::{NewItem, ResourceId, Store};
use rand::RngCore;
use std::sync::Arc;
use tokio_postgres::NoTls;

/// The backend a test runs on.
#[derive(Debug, Clone, Copy)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A fresh store holding the default resource (key 1 is `bootstrap-key-1`).
pub struct Fixture {
    pub store: Arc<Store>,
    pub resource: ResourceId,
    pub key2: String,
    backing: Backing,
}

enum Backing {
    Sqlite(tempfile::TempDir),
    Postgres(TestDb),
}

impl Fixture {
    pub async fn new(engine: Engine) -> Fixture {
        let backing = match engine {
            Engine::Sqlite => Backing::Sqlite(tempfile::tempdir().unwrap()),
            Engine::Postgres => Backing::Postgres(TestDb::create().await),
        };
        let store = open(&backing).await;
        let keys = store.ensure_default_resource(Some("bootstrap-key-1"), "local").await.unwrap().expect("created");
        Fixture { store, resource: keys.resource, key2: keys.key2, backing }
    }

    /// Closes the store and opens the same database again.
    pub async fn reopen(&mut self) {
        self.store = open(&self.backing).await;
    }

    /// Opens the same database again with other master keys.
    pub async fn reopen_with(&mut self, keyring: Arc<Keyring>) {
        let backend = self.store.backend().clone();
        self.store = Arc::new(Store::new(backend, keyring));
    }

    /// Fails if `needle` is stored anywhere: in the database files (SQLite, raw bytes) or in any row of any
    /// table (PostgreSQL, each row as text).
    pub async fn assert_not_stored(&self, needle: &str) {
        match &self.backing {
            Backing::Sqlite(dir) => {
                for entry in std::fs::read_dir(dir.path().join("db")).unwrap() {
                    let bytes = std::fs::read(entry.unwrap().path()).unwrap();
                    assert!(!bytes.windows(needle.len()).any(|w| w == needle.as_bytes()), "'{needle}' left on disk");
                }
            }
            Backing::Postgres(db) => {
                let client = db.connect().await;
                for table in [
                    "resources",
                    "api_keys",
                    "blocklists",
                    "blocklist_items",
                    "feedback",
                    "usage_counters",
                    "schema_migrations",
                    "sample_consents",
                    "sample_keys",
                    "samples",
                    "reviewers",
                    "audit_log",
                ] {
                    let sql = format!("SELECT COUNT(*) FROM {table} t WHERE t::text LIKE '%' || $1 || '%'");
                    let n: i64 = client.query_one(&sql, &[&needle]).await.unwrap().get(0);
                    assert_eq!(n, 0, "'{needle}' left in table {table}");
                }
            }
        }
    }
}

async fn open(backing: &Backing) -> Arc<Store> {
    match backing {
        Backing::Sqlite(dir) => {
            let backend = SqliteStore::open(&dir.path().join("db").join("custos.db")).unwrap();
            Arc::new(Store::new(Arc::new(backend), keyring()))
        }
        Backing::Postgres(db) => Arc::new(db.store().await),
    }
}

/// The master keyring of the tests (a fixed key, so a reopened store reads what the first one wrote).
pub fn keyring() -> Arc<Keyring> {
    Arc::new(Keyring::from_base64("dGVzdC1tYXN0ZXIta2V5LTMyLWJ5dGVzLWxvbmchISE=").unwrap())
}

/// An item with no description.
pub fn item(text: &str) -> NewItem {
    NewItem { text: text.into(), description: None, is_regex: false }
}

/// The server the PostgreSQL tests use, from `CUSTOS_TEST_PG_URL`.
pub fn base_url() -> String {
    std::env::var("CUSTOS_TEST_PG_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into())
}

/// `url` with its database replaced by `db` (query parameters kept).
pub fn with_database(url: &str, db: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (url, String::new()),
    };
    let authority = base.find("://").map(|i| i + 3).unwrap_or(0);
    let path = base[authority..].find('/').map(|i| i + authority).unwrap_or(base.len());
    format!("{}/{db}{query}", &base[..path])
}

/// A fresh PostgreSQL database, dropped (`WITH (FORCE)`) when this value is dropped, also on test failure.
pub struct TestDb {
    pub name: String,
    pub url: String,
    admin_url: String,
}

impl TestDb {
    pub async fn create() -> TestDb {
        let admin_url = base_url();
        let client = connect(&admin_url).await;
        let mut b = [0u8; 8];
        rand::thread_rng().fill_bytes(&mut b);
        let name = format!("custos_test_{}", hex::encode(b));
        client.batch_execute(&format!("CREATE DATABASE {name}")).await.unwrap();
        TestDb { url: with_database(&admin_url, &name), name, admin_url }
    }

    /// The (encrypting) store on this database (default options, a short retry budget).
    pub async fn store(&self) -> Store {
        self.store_at(&self.url).await
    }

    /// The store at `url` (on this server), with a short retry budget.
    pub async fn store_at(&self, url: &str) -> Store {
        let options = ConnectOptions { retry_budget: std::time::Duration::from_secs(2), ..ConnectOptions::default() };
        Store::new(Arc::new(PostgresStore::connect_with(url, &options).await.unwrap()), keyring())
    }

    /// A plain client on this database, for checks behind the store's back.
    pub async fn connect(&self) -> tokio_postgres::Client {
        connect(&self.url).await
    }

    /// A plain client on the administrative database (the base URL's).
    pub async fn connect_admin(&self) -> tokio_postgres::Client {
        connect(&self.admin_url).await
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let (admin, name) = (self.admin_url.clone(), self.name.clone());
        // Drop runs inside the test's runtime, which cannot be blocked on; use a thread with its own runtime.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            rt.block_on(async {
                if let Ok((client, conn)) = tokio_postgres::connect(&admin, NoTls).await {
                    tokio::spawn(conn);
                    if let Err(e) = client.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await
                    {
                        eprintln!("could not drop test database {name}: {e}");
                    }
                }
            })
        })
        .join();
    }
}

async fn connect(url: &str) -> tokio_postgres::Client {
    match tokio_postgres::connect(url, NoTls).await {
        Ok((client, conn)) => {
            tokio::spawn(conn);
            client
        }
        Err(e) => {
            let cause = std::error::Error::source(&e).map(|c| format!(": {c}")).unwrap_or_default();
            panic!(
                "PostgreSQL is not reachable through CUSTOS_TEST_PG_URL (default \
                 postgres://postgres@127.0.0.1:5432/test): {e}{cause}. The store tests need a running PostgreSQL; \
                 they do not skip."
            )
        }
    }
}
