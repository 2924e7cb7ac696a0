//! The real binary as a process: start-up configuration errors, the first-start key, and durability of an
//! acknowledged write across `kill -9`.

mod common;

use common::*;

#[test]
fn invalid_configuration_fails_at_start_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    for (var, value, expect) in [
        ("CUSTOS_LISTN", "127.0.0.1:1", "unknown variable CUSTOS_LISTN"),
        ("CUSTOS_LISTEN", "not-an-address", "invalid socket address"),
        ("CUSTOS_DATABASE_URL", "mysql://db", "sqlite://PATH"),
        ("CUSTOS_MODEL_DIR", "/nonexistent/models", "loading the text ensemble"),
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
    let admin = |args: &[&str]| admin_cli(dir.path(), &db, args);
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
