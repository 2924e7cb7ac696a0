//! Two real `custos serve` processes on one PostgreSQL database: a blocklist change made through one replica is
//! seen by the other within a second (the matcher cache re-checks list versions in the store on every request).
//!
//! Needs PostgreSQL at `CUSTOS_TEST_PG_URL` (default `postgres://postgres@127.0.0.1:5432/test`, trust auth); the
//! test creates a database `custos_test_<hex>` there and drops it at the end, also on failure. An unreachable
//! server fails the test; it never skips. Talks the PostgreSQL simple-query protocol over a plain TcpStream, so
//! no client crate is needed.

mod common;

use common::{http as http_with_key, spawn, wait_ready};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

const V: &str = "api-version=2024-09-01";
const KEY: &str = "replica-bootstrap-key";
// Replicas share the database and so the master key that wraps its data keys.
const MASTER_KEY: &str = "cmVwbGljYS10ZXN0LW1hc3Rlci1rZXktMzItYnl0ZXM=";

/// One request with the bootstrap key.
fn http(port: u16, method: &str, path: &str, body: &str) -> (u16, String) {
    http_with_key(port, method, path, Some(KEY), body)
}

/// A replica on `database_url`, not yet waited for.
fn replica(cwd: &std::path::Path, database_url: &str) -> common::Server {
    spawn(cwd, &[("CUSTOS_DATABASE_URL", database_url), ("CUSTOS_BOOTSTRAP_KEY", KEY), ("CUSTOS_MASTER_KEY", MASTER_KEY)])
}

/// The JSON document in a response body (which may be chunked).
fn json(body: &str) -> serde_json::Value {
    let (start, end) = (body.find('{').expect(body), body.rfind('}').expect(body));
    serde_json::from_str(&body[start..=end]).expect(body)
}

/// Whether `text:analyze` on `port` reports a hit in blocklist `list`.
fn matches(port: u16, list: &str, text: &str) -> bool {
    let body = serde_json::json!({"text": text, "blocklistNames": [list]}).to_string();
    let (s, resp) = http(port, "POST", &format!("/contentsafety/text:analyze?{V}"), &body);
    assert_eq!(s, 200, "{resp}");
    json(&resp)["blocklistsMatch"].as_array().is_some_and(|m| !m.is_empty())
}

/// Polls `cond` every 20 ms for at most one second; returns how long it took to hold.
fn within_one_second(what: &str, mut cond: impl FnMut() -> bool) -> Duration {
    let started = Instant::now();
    loop {
        if cond() {
            return started.elapsed();
        }
        assert!(started.elapsed() < Duration::from_secs(1), "{what}: not within 1 s");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn two_replicas_on_one_postgres_database_see_each_others_blocklist_changes_within_a_second() {
    let db = TestDatabase::create();
    let dir = tempfile::tempdir().unwrap();
    // Started together: both migrate and try to create the default resource at once.
    let mut a = replica(dir.path(), &db.url);
    let mut b = replica(dir.path(), &db.url);
    wait_ready(&mut a);
    wait_ready(&mut b);
    let banners = [&a, &b].iter().filter(|s| s.stdout().contains("Created the default resource")).count();
    assert_eq!(banners, 1, "exactly one replica creates the default resource");

    let (s, body) = http(a.port, "PATCH", &format!("/contentsafety/text/blocklists/Shared?{V}"), "{}");
    assert_eq!(s, 201, "{body}");
    assert!(!matches(b.port, "Shared", "a zebrafinch appears"), "nothing to match yet");
    let add = r#"{"blocklistItems":[{"text":"zebrafinch","description":"zq-description-canary"}]}"#;
    let (s, body) =
        http(a.port, "POST", &format!("/contentsafety/text/blocklists/Shared:addOrUpdateBlocklistItems?{V}"), add);
    assert_eq!(s, 200, "{body}");
    let item_id = json(&body)["blocklistItems"][0]["blocklistItemId"].as_str().unwrap().to_owned();

    within_one_second("B sees the item added through A", || matches(b.port, "Shared", "a zebrafinch appears"));

    let remove = serde_json::json!({"blocklistItemIds": [item_id]}).to_string();
    let (s, body) =
        http(b.port, "POST", &format!("/contentsafety/text/blocklists/Shared:removeBlocklistItems?{V}"), &remove);
    assert_eq!(s, 204, "{body}");
    within_one_second("A stops matching the item removed through B", || {
        !matches(a.port, "Shared", "a zebrafinch appears")
    });

    let (s, body) = http(a.port, "DELETE", &format!("/contentsafety/text/blocklists/Shared?{V}"), "");
    assert_eq!(s, 204, "{body}");
    let (s, body) = http(b.port, "GET", &format!("/contentsafety/text/blocklists/Shared?{V}"), "");
    assert_eq!(s, 404, "{body}");
    assert_eq!(json(&body)["error"]["code"], "ResourceNotFound", "{body}");
    // Neither log quotes the item, its description or the key.
    std::thread::sleep(Duration::from_millis(100));
    for server in [&a, &b] {
        let log = server.stderr();
        for secret in ["zebrafinch", "zq-description-canary", KEY] {
            assert!(!log.contains(secret), "'{secret}' in the log of the replica on port {}", server.port);
        }
    }
    drop((a, b));
}

/// A fresh database on the test server, dropped (`WITH (FORCE)`) when this value is dropped.
struct TestDatabase {
    name: String,
    url: String,
    admin: PgUrl,
}

impl TestDatabase {
    fn create() -> TestDatabase {
        let base =
            std::env::var("CUSTOS_TEST_PG_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
        let admin = PgUrl::parse(&base);
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
        let name = format!("custos_test_{:x}{:x}", nanos & 0xffff_ffff_ffff, std::process::id());
        admin.simple_query(&format!("CREATE DATABASE {name}")).unwrap_or_else(|e| panic!("{e}"));
        let url = format!("{}/{name}", base.split('?').next().unwrap().rsplit_once('/').unwrap().0);
        TestDatabase { name, url, admin }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Err(e) = self.admin.simple_query(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name)) {
            eprintln!("could not drop test database {}: {e}", self.name);
        }
    }
}

/// Just enough of a PostgreSQL client to run one statement: trust authentication, simple-query protocol.
struct PgUrl {
    host: String,
    port: u16,
    user: String,
    database: String,
}

impl PgUrl {
    fn parse(url: &str) -> PgUrl {
        let rest = url.split_once("://").expect("CUSTOS_TEST_PG_URL is a postgres:// URL").1;
        let rest = rest.split('?').next().unwrap();
        let (auth, rest) = rest.rsplit_once('@').unwrap_or(("postgres", rest));
        let user = auth.split(':').next().unwrap().to_owned();
        let (hostport, database) = rest.split_once('/').unwrap_or((rest, "postgres"));
        let (host, port) = match hostport.rsplit_once(':') {
            Some((h, p)) => (h.to_owned(), p.parse().expect("port")),
            None => (hostport.to_owned(), 5432),
        };
        PgUrl { host, port, user, database: database.to_owned() }
    }

    fn simple_query(&self, sql: &str) -> Result<(), String> {
        let where_ = format!("{}:{}", self.host, self.port);
        let mut s = TcpStream::connect((self.host.as_str(), self.port)).map_err(|e| {
            format!("PostgreSQL is not reachable at {where_} (CUSTOS_TEST_PG_URL): {e}; the test needs it")
        })?;
        s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        let mut params = Vec::new();
        for (k, v) in [("user", self.user.as_str()), ("database", self.database.as_str())] {
            params.extend_from_slice(k.as_bytes());
            params.push(0);
            params.extend_from_slice(v.as_bytes());
            params.push(0);
        }
        params.push(0);
        let mut startup = ((params.len() + 8) as u32).to_be_bytes().to_vec();
        startup.extend_from_slice(&196_608u32.to_be_bytes()); // protocol 3.0
        startup.extend_from_slice(&params);
        s.write_all(&startup).map_err(|e| e.to_string())?;
        read_until_ready(&mut s)?;
        let mut query = vec![b'Q'];
        query.extend_from_slice(&((sql.len() + 5) as u32).to_be_bytes());
        query.extend_from_slice(sql.as_bytes());
        query.push(0);
        s.write_all(&query).map_err(|e| e.to_string())?;
        let result = read_until_ready(&mut s);
        let _ = s.write_all(&[b'X', 0, 0, 0, 4]);
        result
    }
}

/// Reads messages until ReadyForQuery; an ErrorResponse or a request for a password is an error.
fn read_until_ready(s: &mut TcpStream) -> Result<(), String> {
    let mut error = None;
    loop {
        let mut head = [0u8; 5];
        // A FATAL error (no such database, ...) is followed by the server closing the connection.
        let closed = |e: std::io::Error, error: &Option<String>| {
            error.as_ref().map_or_else(|| format!("PostgreSQL connection: {e}"), |m| format!("PostgreSQL: {m}"))
        };
        s.read_exact(&mut head).map_err(|e| closed(e, &error))?;
        let len = u32::from_be_bytes([head[1], head[2], head[3], head[4]]) as usize;
        let mut body = vec![0u8; len.saturating_sub(4)];
        s.read_exact(&mut body).map_err(|e| closed(e, &error))?;
        match head[0] {
            b'R' if body[..4] != [0, 0, 0, 0] => {
                return Err("PostgreSQL asks for a password; this test needs trust authentication".into())
            }
            b'E' => {
                // Fields: a type byte then a NUL-terminated string; 'M' is the message.
                let fields = body.split(|&b| b == 0).filter(|f| !f.is_empty());
                let msg = fields.filter(|f| f[0] == b'M').map(|f| String::from_utf8_lossy(&f[1..]).into_owned()).next();
                error = Some(msg.unwrap_or_else(|| "unknown error".into()));
            }
            b'Z' => break,
            _ => {}
        }
    }
    error.map_or(Ok(()), |e| Err(format!("PostgreSQL: {e}")))
}
