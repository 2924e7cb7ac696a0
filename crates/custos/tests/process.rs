//! The real binary as a process: start-up configuration errors, the first-start key, and durability of an
//! acknowledged write across `kill -9`.
//!
//! Talks plain HTTP/1.1 over a TcpStream (no client crate needed) to a server bound to a free port.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn model_dir() -> PathBuf {
    std::env::var_os("CUSTOS_MODEL_DIR")
        .map(Into::into)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../models")))
        .canonicalize()
        .expect("model dir exists (run scripts/fetch-models.sh)")
}

fn custos(cwd: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_custos"));
    c.current_dir(cwd).env_clear().env("PATH", std::env::var_os("PATH").unwrap_or_default());
    c
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

struct Server {
    child: Child,
    port: u16,
    stdout: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Server {
    /// What the process printed on stdout so far (read by a background thread, so this never blocks).
    fn stdout(&self) -> String {
        self.stdout.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(cwd: &Path, extra: &[(&str, &str)]) -> Server {
    let port = free_port();
    let mut cmd = custos(cwd);
    cmd.arg("serve")
        .env("CUSTOS_LISTEN", format!("127.0.0.1:{port}"))
        .env("CUSTOS_MODEL_DIR", model_dir())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    for (k, v) in extra {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    let stdout = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let out = child.stdout.take().unwrap();
    let sink = stdout.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            sink.lock().unwrap().push_str(&(line + "\n"));
        }
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("custos exited early with {status}");
        }
        if http(port, "GET", "/health", None, "").0 == 200 {
            // The key banner is printed before the listener starts; give the reader thread a moment.
            std::thread::sleep(Duration::from_millis(200));
            return Server { child, port, stdout };
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("custos did not become ready");
}

/// One request; returns (status, body). Status 0 when the connection fails.
fn http(port: u16, method: &str, path: &str, key: Option<&str>, body: &str) -> (u16, String) {
    let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) else { return (0, String::new()) };
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let key = key.map(|k| format!("Ocp-Apim-Subscription-Key: {k}\r\n")).unwrap_or_default();
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{key}Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    if s.write_all(req.as_bytes()).is_err() {
        return (0, String::new());
    }
    let mut resp = String::new();
    if s.read_to_string(&mut resp).is_err() {
        return (0, String::new());
    }
    let status = resp.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let body = resp.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default();
    (status, body)
}

#[test]
fn invalid_configuration_fails_at_start_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    for (var, value, expect) in [
        ("CUSTOS_LISTN", "127.0.0.1:1", "unknown variable CUSTOS_LISTN"),
        ("CUSTOS_LISTEN", "not-an-address", "invalid socket address"),
        ("CUSTOS_DATABASE_URL", "mysql://db", "sqlite://PATH"),
        ("CUSTOS_MODEL_DIR", "/nonexistent/models", "loading the text model"),
    ] {
        let out = custos(dir.path()).arg("serve").env(var, value).output().unwrap();
        assert!(!out.status.success(), "{var}={value} should fail");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expect), "{var}={value}: {err}");
    }
    let out = custos(dir.path()).arg("frobnicate").output().unwrap();
    assert!(!out.status.success());
}

#[test]
fn a_random_key_is_printed_once_and_works() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(dir.path(), &[]);
    let banner = server.stdout();
    let key = banner.split("Key 1: ").nth(1).and_then(|s| s.split_whitespace().next()).expect(&banner);
    assert_eq!(key.len(), 32);
    let (status, _) = http(server.port, "POST", "/contentsafety/text:analyze?api-version=2023-10-01", Some(key), r#"{"text":"hi"}"#);
    assert_eq!(status, 200);
    drop(server);
    // Default database location: under the working directory; nothing else is written there.
    assert!(dir.path().join("custos-data/custos.db").exists());
    let entries: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(entries, ["custos-data"]);
    // Second start: the resource exists, no key is printed again.
    let server = start(dir.path(), &[]);
    assert!(!server.stdout().contains("Key"), "{}", server.stdout());
}

#[test]
fn acknowledged_writes_survive_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let env = [("CUSTOS_BOOTSTRAP_KEY", "durable-key"), ("CUSTOS_DATABASE_URL", "sqlite://state/custos.db")];
    let mut server = start(dir.path(), &env);
    let v = "api-version=2023-10-01";
    let (s, _) = http(server.port, "PATCH", &format!("/contentsafety/text/blocklists/D?{v}"), Some("durable-key"), "{}");
    assert_eq!(s, 201);
    let items: Vec<String> = (0..50).map(|i| format!(r#"{{"text":"term-{i}"}}"#)).collect();
    let body = format!(r#"{{"blocklistItems":[{}]}}"#, items.join(","));
    let (s, _) = http(
        server.port,
        "POST",
        &format!("/contentsafety/text/blocklists/D:addOrUpdateBlocklistItems?{v}"),
        Some("durable-key"),
        &body,
    );
    assert_eq!(s, 200);
    // SIGKILL right after the acknowledgement: no graceful shutdown, no checkpoint.
    server.child.kill().unwrap();
    server.child.wait().unwrap();

    let server = start(dir.path(), &env);
    let (s, body) =
        http(server.port, "GET", &format!("/contentsafety/text/blocklists/D/blocklistItems?{v}"), Some("durable-key"), "");
    assert_eq!(s, 200, "{body}");
    let json_start = body.find('{').unwrap();
    let json_end = body.rfind('}').unwrap();
    let v: serde_json::Value = serde_json::from_str(&body[json_start..=json_end]).unwrap();
    assert_eq!(v["value"].as_array().unwrap().len(), 50);
}

#[test]
fn the_admin_cli_manages_resources_next_to_a_running_server() {
    let dir = tempfile::tempdir().unwrap();
    let db = [("CUSTOS_DATABASE_URL", "sqlite://state/custos.db"), ("CUSTOS__SERVER__REGIONS", "local,eu-west")];
    let server = start(dir.path(), &db);
    let admin = |args: &[&str]| {
        let mut c = custos(dir.path());
        c.arg("admin").args(args);
        for (k, v) in db {
            c.env(k, v);
        }
        let out = c.output().unwrap();
        (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr))
    };
    let (ok, out) = admin(&["resources", "create", "acme", "--region", "eu-west"]);
    assert!(ok, "{out}");
    let key = |out: &str, label: &str| out.split(label).nth(1).unwrap().split_whitespace().next().unwrap().to_owned();
    let (key1, key2) = (key(&out, "Key 1: "), key(&out, "Key 2: "));
    let (ok, out) = admin(&["resources", "list"]);
    assert!(ok && out.contains("acme\teu-west\t") && out.contains("default\tlocal\t"), "{out}");
    assert!(!out.contains(&key1));
    let analyze = |k: &str| http(server.port, "POST", "/contentsafety/text:analyze?api-version=2023-10-01", Some(k), r#"{"text":"hi"}"#).0;
    assert_eq!(analyze(&key1), 200);
    let (ok, out) = admin(&["keys", "regenerate", "acme", "key1"]);
    assert!(ok, "{out}");
    let new1 = key(&out, "New key1 of acme: ");
    assert_eq!((analyze(&key1), analyze(&new1), analyze(&key2)), (401, 200, 200));
    assert!(!admin(&["resources", "create", "acme"]).0, "duplicate names are refused");
    assert!(!admin(&["resources", "create", "far", "--region", "mars"]).0, "unserved regions are refused");
    assert!(admin(&["resources", "delete", "acme"]).0);
    assert_eq!(analyze(&key2), 401);
    assert!(!admin(&["resources", "delete", "acme"]).0);
    assert!(!admin(&["frobnicate"]).0);

    // Master-key rotation while the server runs: the server keeps serving (cached keys), and a fresh start
    // with only the new master key reads everything.
    let (ok, out) = admin(&["resources", "create", "beta"]);
    assert!(ok, "{out}");
    let beta = key(&out, "Key 1: ");
    let (ok, out) = admin(&["master-key", "rotate", "--retire-old"]);
    assert!(ok && out.contains("re-wrapped 2 resource keys") && out.contains("Dropped 1"), "{out}");
    assert_eq!(analyze(&beta), 200);
    drop(server);
    let server = start(dir.path(), &db);
    let (s, _) = http(server.port, "PATCH", "/contentsafety/text/blocklists/L?api-version=2023-10-01", Some(&beta), r#"{"description":"d"}"#);
    assert_eq!(s, 201);
    let master = std::fs::read_to_string(dir.path().join("custos-data/master.key")).unwrap();
    assert_eq!(master.lines().filter(|l| !l.starts_with('#')).count(), 1);
}
