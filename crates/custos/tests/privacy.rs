//! What a sceptical customer would check on a real process: content sent for detection is found nowhere on
//! disk afterwards (database, WAL, logs, temp files), whatever the route or outcome; and the service opens no
//! connection of its own (with SQLite it needs none).

mod common;

use common::*;
use std::collections::HashSet;
use std::io::Write;
use std::net::TcpStream;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

const TEXT_CANARY: &str = "zqprivacycanary8841";
const IMAGE_CANARY: &[u8] = b"zqimagecanary5506";

fn b64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::new();
    for c in bytes.chunks(3) {
        let n = (c[0] as u32) << 16 | (*c.get(1).unwrap_or(&0) as u32) << 8 | *c.get(2).unwrap_or(&0) as u32;
        for i in 0..4 {
            s.push(if i <= c.len() { T[(n >> (18 - 6 * i) & 63) as usize] as char } else { '=' });
        }
    }
    s
}

/// A valid 64×64 grey PNG (stored, uncompressed deflate) with the image canary appended after IEND, where
/// decoders ignore it but it is part of the bytes sent.
fn png_with_canary() -> Vec<u8> {
    fn crc(data: &[u8]) -> u32 {
        let mut c = 0xFFFF_FFFFu32;
        for &b in data {
            c ^= b as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            }
        }
        !c
    }
    fn adler(data: &[u8]) -> u32 {
        let (mut a, mut b) = (1u32, 0u32);
        for &x in data {
            a = (a + x as u32) % 65521;
            b = (b + a) % 65521;
        }
        b << 16 | a
    }
    fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
        out.extend((data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend(data);
        out.extend(&body);
        out.extend(crc(&body).to_be_bytes());
    }
    let (w, h) = (64u32, 64u32);
    let mut raw = Vec::new();
    for y in 0..h {
        raw.push(0);
        raw.extend((0..w).map(|x| ((x * 3 + y * 2) % 256) as u8));
    }
    let mut z = vec![0x78, 0x01, 1];
    z.extend((raw.len() as u16).to_le_bytes());
    z.extend((!(raw.len() as u16)).to_le_bytes());
    z.extend(&raw);
    z.extend(adler(&raw).to_be_bytes());
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = w.to_be_bytes().to_vec();
    ihdr.extend(h.to_be_bytes());
    ihdr.extend([8, 0, 0, 0, 0]);
    chunk(&mut png, b"IHDR", &ihdr);
    chunk(&mut png, b"IDAT", &z);
    chunk(&mut png, b"IEND", &[]);
    png.extend(IMAGE_CANARY);
    png
}

fn files_under(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// Socket inodes the process holds.
fn socket_inodes(pid: u32) -> HashSet<String> {
    std::fs::read_dir(format!("/proc/{pid}/fd"))
        .unwrap()
        .flatten()
        .filter_map(|e| std::fs::read_link(e.path()).ok())
        .filter_map(|l| l.to_str().and_then(|s| s.strip_prefix("socket:[")).map(|s| s.trim_end_matches(']').to_owned()))
        .collect()
}

/// (protocol, local port, remote address) of every internet socket in /proc/net owned by one of `inodes`.
fn owned_sockets(inodes: &HashSet<String>) -> Vec<(String, u16, String)> {
    let mut out = Vec::new();
    for proto in ["tcp", "tcp6", "udp", "udp6"] {
        let Ok(table) = std::fs::read_to_string(format!("/proc/net/{proto}")) else { continue };
        for line in table.lines().skip(1) {
            let f: Vec<&str> = line.split_whitespace().collect();
            if f.len() > 9 && inodes.contains(f[9]) {
                let port = u16::from_str_radix(f[1].rsplit(':').next().unwrap(), 16).unwrap();
                out.push((proto.to_owned(), port, f[2].to_owned()));
            }
        }
    }
    out
}

#[test]
fn detection_content_is_never_written_and_no_connection_goes_out() {
    let root = tempfile::tempdir().unwrap();
    let (work, tmp, logs) = (root.path().join("work"), root.path().join("tmp"), root.path().join("logs"));
    for d in [&work, &tmp, &logs] {
        std::fs::create_dir_all(d).unwrap();
    }
    let log = std::fs::File::create(logs.join("server.log")).unwrap();
    let env = [
        ("CUSTOS_BOOTSTRAP_KEY", "privacy-key"),
        ("TMPDIR", tmp.to_str().unwrap()),
        ("CUSTOS__LOG__LEVEL", "debug"),
        ("CUSTOS__LOG__FORMAT", "json"),
    ];
    let server = start_logging(&work, &env, Stdio::from(log));
    let port = server.port;
    let key = Some("privacy-key");
    let v = "api-version=2024-09-01";
    let text = format!("I will hurt you, {TEXT_CANARY}. {TEXT_CANARY} again.");
    let image = b64(&png_with_canary());

    // A blocklist whose items the text will hit (item text is stored by design, encrypted; it is not a canary).
    assert_eq!(http(port, "PATCH", &format!("/contentsafety/text/blocklists/P?{v}"), key, "{}").0, 201);
    let items = r#"{"blocklistItems":[{"text":"hurt"},{"text":"ag[a@]in","isRegex":true}]}"#;
    assert_eq!(http(port, "POST", &format!("/contentsafety/text/blocklists/P:addOrUpdateBlocklistItems?{v}"), key, items).0, 200);

    let calls: Vec<(&str, String, u16)> = vec![
        ("/contentsafety/text:analyze", format!(r#"{{"text":"{text}"}}"#), 200),
        ("/contentsafety/text:analyze", format!(r#"{{"text":"{text}","blocklistNames":["P"]}}"#), 200),
        ("/contentsafety/text:analyze", format!(r#"{{"text":"{text}","blocklistNames":["P"],"haltOnBlocklistHit":true}}"#), 200),
        ("/contentsafety/text:analyze", format!(r#"{{"text":"{}"}}"#, TEXT_CANARY.repeat(600)), 400),
        ("/contentsafety/text:analyze", format!(r#"{{"text":"{text}","categories":["{TEXT_CANARY}"]}}"#), 400),
        ("/contentsafety/text:analyze", format!(r#"{{"text":{TEXT_CANARY}}}"#), 400),
        ("/contentsafety/text:analyze", format!(r#"{{"text":"{text}","blocklistNames":["missing"]}}"#), 404),
        ("/contentsafety/image:analyze", format!(r#"{{"image":{{"content":"{image}"}}}}"#), 200),
        ("/contentsafety/image:analyze", format!(r#"{{"image":{{"content":"{}"}}}}"#, b64(&[IMAGE_CANARY, TEXT_CANARY.as_bytes()].concat())), 400),
    ];
    for (path, body, want) in &calls {
        let (status, resp) = http(port, "POST", &format!("{path}?{v}"), key, body);
        assert_eq!(status, *want, "{path}: {resp}");
        if status >= 400 {
            assert!(!resp.contains(TEXT_CANARY), "an error message echoed content: {resp}");
        }
    }
    // A wrong key with content, and a slow client that sends half a body and disappears.
    assert_eq!(http(port, "POST", &format!("/contentsafety/text:analyze?{v}"), Some("wrong"), &format!(r#"{{"text":"{text}"}}"#)).0, 401);
    {
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        let body = format!(r#"{{"text":"{text}"}}"#);
        write!(s, "POST /contentsafety/text:analyze?{v} HTTP/1.1\r\nHost: x\r\nOcp-Apim-Subscription-Key: privacy-key\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{}", body.len(), &body[..body.len() / 2]).unwrap();
        std::thread::sleep(Duration::from_millis(200));
    }

    // No connection other than the ones clients opened to us, and no UDP (no DNS, no telemetry).
    let sockets = owned_sockets(&socket_inodes(server.child.id()));
    assert!(!sockets.is_empty(), "the listener is visible");
    for (proto, local_port, remote) in &sockets {
        assert!(proto.starts_with("tcp") && *local_port == port, "unexpected socket {proto} :{local_port} -> {remote}");
    }

    drop(server); // kill -9: whatever was in flight is whatever is on disk now
    let mut files = Vec::new();
    files_under(root.path(), &mut files);
    assert!(files.iter().any(|f| f.ends_with("custos.db")), "the database is searched: {files:?}");
    assert!(std::fs::metadata(logs.join("server.log")).unwrap().len() > 0, "the log is searched");
    let needles: Vec<Vec<u8>> = vec![
        TEXT_CANARY.as_bytes().to_vec(),
        IMAGE_CANARY.to_vec(),
        b64(IMAGE_CANARY).trim_end_matches('=').as_bytes()[..16].to_vec(),
    ];
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        for n in &needles {
            assert!(!bytes.windows(n.len()).any(|w| w == n.as_slice()), "{} contains request content", f.display());
        }
    }
}
