//! `custos admin consent|reviewers|samples|audit` next to a running server: consent granted by the CLI reaches
//! the server within the consent cache's TTL, samples are masked, the export records the consent, and
//! revocation through the CLI deletes the samples and stops sampling.

mod common;

use common::*;
use std::time::{Duration, Instant};

#[test]
fn the_admin_cli_grants_exports_and_revokes_sample_consent() {
    let dir = tempfile::tempdir().unwrap();
    let db = [("CUSTOS_DATABASE_URL", "sqlite://state/custos.db"), ("CUSTOS_BOOTSTRAP_KEY", "cli-samples-key-000000000000000")];
    let server = start(dir.path(), &db);
    let admin = |args: &[&str]| admin_cli(dir.path(), &db, args);
    let analyze = |text: &str| {
        let body = serde_json::json!({ "text": text }).to_string();
        let (s, out) = http(server.port, "POST", "/contentsafety/text:analyze?api-version=2023-10-01", Some(db[1].1), &body);
        assert_eq!(s, 200, "{out}");
    };

    assert!(!admin(&["consent", "grant", "default", "--by", "Dana", "--rate", "0"]).0, "rate 0 is refused");
    assert!(!admin(&["samples", "export", "default"]).0, "no consent, nothing to export");
    let (ok, out) = admin(&["consent", "grant", "default", "--by", "Dana Owner", "--rate", "1"]);
    assert!(ok && out.contains("Granted"), "{out}");
    let (ok, out) = admin(&["consent", "show", "default"]);
    assert!(ok && out.contains("grantedBy: Dana Owner") && out.contains("scope: text"), "{out}");
    // The server picks the consent up within its cache TTL (1 s).
    std::thread::sleep(Duration::from_millis(1200));
    analyze("zq-cli-mark-5151 mail zq.cli.person@example.com");
    let start = Instant::now();
    let lines = loop {
        let (ok, out) = admin(&["samples", "export", "default"]);
        assert!(ok, "{out}");
        let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        if lines.len() >= 2 {
            break lines;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "no sample stored: {out}");
        std::thread::sleep(Duration::from_millis(100));
    };
    assert_eq!(lines[0]["consent"]["grantedBy"], "Dana Owner");
    assert_eq!(lines[1]["text"], "zq-cli-mark-5151 mail [EMAIL]");

    let (ok, out) = admin(&["reviewers", "add", "rita"]);
    assert!(ok && out.contains("Key: "), "{out}");
    let (ok, out) = admin(&["reviewers", "list"]);
    assert!(ok && out.starts_with("rita\t"), "{out}");
    assert!(admin(&["reviewers", "remove", "rita"]).0);
    assert!(!admin(&["reviewers", "remove", "rita"]).0);

    let (ok, out) = admin(&["consent", "revoke", "default"]);
    assert!(ok, "{out}");
    assert!(!admin(&["samples", "export", "default"]).0, "revoked: nothing left to export");
    // Whatever the server still caches, no sample is stored after revocation.
    analyze("zq-cli-after-revoke-6262");
    std::thread::sleep(Duration::from_millis(300));
    let (ok, out) = admin(&["audit", "default"]);
    assert!(ok, "{out}");
    for action in ["grant", "export", "revoke"] {
        assert!(out.contains(&format!("operator\t{action}\tdefault")), "{action} missing: {out}");
    }
    assert!(!out.contains("zq-cli"));
    drop(server);
    for entry in std::fs::read_dir(dir.path().join("state")).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        for needle in ["zq-cli-mark-5151", "zq.cli.person@example.com", "zq-cli-after-revoke-6262"] {
            assert!(!bytes.windows(needle.len()).any(|w| w == needle.as_bytes()), "{needle} on disk");
        }
    }
}
