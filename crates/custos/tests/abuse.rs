//! The admin CLI for abuse monitoring next to a running server: suspending and reinstating keys, reading usage
//! counters (written by the server's background flush) and feedback reports.

mod common;

use common::*;
use std::time::{Duration, Instant};

#[test]
fn the_admin_cli_suspends_keys_and_reads_usage_and_feedback() {
    let dir = tempfile::tempdir().unwrap();
    let db = [
        ("CUSTOS_DATABASE_URL", "sqlite://state/custos.db"),
        ("CUSTOS_BOOTSTRAP_KEY", "abuse-key-1"),
        ("CUSTOS__USAGE__FLUSH_SECS", "1"),
    ];
    let server = start(dir.path(), &db);
    let admin = |args: &[&str]| admin_cli(dir.path(), &db, args);
    let v = "api-version=2023-10-01";
    let analyze =
        |k: &str| http(server.port, "POST", &format!("/contentsafety/text:analyze?{v}"), Some(k), r#"{"text":"hi"}"#);

    assert_eq!(analyze("abuse-key-1").0, 200);
    let (ok, out) = admin(&["keys", "suspend", "default", "key1"]);
    assert!(ok && out.contains("key1 of default suspended"), "{out}");
    let (status, body) = analyze("abuse-key-1");
    assert_eq!(status, 403, "{body}");
    assert!(body.contains(r#""code":"KeySuspended""#), "{body}");
    let (ok, out) = admin(&["keys", "reinstate", "default", "key1"]);
    assert!(ok && out.contains("reinstated"), "{out}");
    assert_eq!(analyze("abuse-key-1").0, 200);
    assert!(!admin(&["keys", "suspend", "nobody", "key1"]).0);
    assert!(!admin(&["keys", "suspend", "default", "key3"]).0);

    // The server writes its counts every second; the CLI reads the database.
    let deadline = Instant::now() + Duration::from_secs(20);
    let out = loop {
        let (ok, out) = admin(&["usage", "default", "--hours", "2"]);
        assert!(ok, "{out}");
        if out.contains("\tkey1\trequests\t2\n") || Instant::now() > deadline {
            break out;
        }
        std::thread::sleep(Duration::from_millis(300));
    };
    assert!(out.contains("key1\tactive\n") && out.contains("key2\tactive\n"), "{out}");
    assert!(out.contains("\tkey1\trequests\t2\n"), "{out}");
    assert!(out.contains("\tkey1\tsuspendedRejections\t1\n"), "{out}");
    assert_eq!(out.lines().filter(|l| l.contains("\tkey1\ttext/Hate/")).count(), 1, "{out}");
    assert!(!admin(&["usage", "default", "--hours", "0"]).0);
    assert!(!admin(&["usage", "nobody"]).0);

    let content = "zq-cli-content-2231";
    let (status, body) = http(
        server.port,
        "POST",
        &format!("/contentsafety/feedback?{v}"),
        Some("abuse-key-1"),
        &format!(r#"{{"kind":"falseNegative","category":"Violence","expectedSeverity":4,"content":"{content}"}}"#),
    );
    assert_eq!(status, 201, "{body}");
    let (ok, out) = admin(&["feedback", "list", "default"]);
    assert!(ok, "{out}");
    let line = out.lines().next().unwrap_or_default();
    let id = line.split('\t').next().unwrap().to_owned();
    assert!(body.contains(&id), "{body} / {out}");
    assert!(line.contains("\tkey1\tfalseNegative\tViolence\t4\tcontent: 19 chars"), "{out}");
    assert!(!out.contains(content), "the list shows no content: {out}");
    let (ok, out) = admin(&["feedback", "show", "default", &id]);
    assert!(ok && out.contains(&format!("content: {content}")), "{out}");
    assert!(admin(&["feedback", "delete", "default", &id]).0);
    assert!(!admin(&["feedback", "delete", "default", &id]).0);
    let (ok, out) = admin(&["feedback", "list", "default"]);
    assert!(ok && out.trim().is_empty(), "{out}");
}

#[test]
fn usage_counted_in_memory_is_written_at_graceful_shutdown() {
    let dir = tempfile::tempdir().unwrap();
    // An hour between flushes: only the flush at shutdown can write these counts.
    let db = [
        ("CUSTOS_DATABASE_URL", "sqlite://state/custos.db"),
        ("CUSTOS_BOOTSTRAP_KEY", "shutdown-key-1"),
        ("CUSTOS__USAGE__FLUSH_SECS", "3600"),
    ];
    let mut server = start(dir.path(), &db);
    let admin_usage = || {
        let mut c = custos(dir.path());
        c.args(["admin", "usage", "default"]);
        for (k, v) in db {
            c.env(k, v);
        }
        let out = c.output().unwrap();
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    for _ in 0..3 {
        let path = "/contentsafety/text:analyze?api-version=2023-10-01";
        assert_eq!(http(server.port, "POST", path, Some("shutdown-key-1"), r#"{"text":"hi"}"#).0, 200);
    }
    assert!(!admin_usage().contains("\trequests\t"), "counts are still in memory");
    let term = std::process::Command::new("kill").args(["-TERM", &server.child.id().to_string()]).status().unwrap();
    assert!(term.success());
    let status = server.child.wait().unwrap();
    assert!(status.success(), "{status}");
    let out = admin_usage();
    assert!(out.contains("\tkey1\trequests\t3\n"), "{out}");
}
