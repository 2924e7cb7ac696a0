//! Shared helpers of the process-level tests: start the real `custos` binary on a free port and talk plain
//! HTTP/1.1 to it over a TcpStream (no client crate needed).
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub fn model_dir() -> PathBuf {
    std::env::var_os("CUSTOS_MODEL_DIR")
        .map(Into::into)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../models")))
        .canonicalize()
        .expect("model dir exists (run scripts/fetch-models.sh)")
}

pub fn custos(cwd: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_custos"));
    c.current_dir(cwd).env_clear().env("PATH", std::env::var_os("PATH").unwrap_or_default());
    c
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

pub struct Server {
    pub child: Child,
    pub port: u16,
    stdout: Arc<Mutex<String>>,
    /// The log when captured (see [`spawn`]); shown when a test fails. It holds no content, by design.
    stderr: Arc<Mutex<String>>,
}

impl Server {
    /// What the process printed on stdout so far (read by a background thread, so this never blocks).
    pub fn stdout(&self) -> String {
        self.stdout.lock().unwrap().clone()
    }

    /// Its log so far, when captured.
    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if std::thread::panicking() {
            eprintln!("--- log of the server on port {} ---\n{}", self.port, self.stderr());
        }
    }
}

/// Collects a child's output lines in the background, so reading it never blocks.
fn collect(stream: impl Read + Send + 'static) -> Arc<Mutex<String>> {
    let buf = Arc::new(Mutex::new(String::new()));
    let sink = buf.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            sink.lock().unwrap().push_str(&(line + "\n"));
        }
    });
    buf
}

fn spawn_with(cwd: &Path, extra: &[(&str, &str)], stderr: Option<Stdio>) -> Server {
    let port = free_port();
    let mut cmd = custos(cwd);
    cmd.arg("serve")
        .env("CUSTOS_LISTEN", format!("127.0.0.1:{port}"))
        .env("CUSTOS_MODEL_DIR", model_dir())
        .stdout(Stdio::piped());
    let capture = stderr.is_none();
    cmd.stderr(stderr.unwrap_or_else(Stdio::piped));
    for (k, v) in extra {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    let stdout = collect(child.stdout.take().unwrap());
    let stderr = if capture { collect(child.stderr.take().unwrap()) } else { Arc::default() };
    Server { child, port, stdout, stderr }
}

/// Starts `custos serve` in `cwd` (environment cleared, plus `extra`) on a free port, without waiting for it;
/// stdout and stderr are collected.
pub fn spawn(cwd: &Path, extra: &[(&str, &str)]) -> Server {
    spawn_with(cwd, extra, None)
}

/// Waits until `/health` answers (at most 90 s); fails if the process exits first.
pub fn wait_ready(server: &mut Server) {
    let deadline = Instant::now() + Duration::from_secs(90);
    while Instant::now() < deadline {
        if let Some(status) = server.child.try_wait().unwrap() {
            panic!("custos exited early with {status}");
        }
        if http(server.port, "GET", "/health", None, "").0 == 200 {
            // The key banner is printed before the listener starts; give the reader thread a moment.
            std::thread::sleep(Duration::from_millis(200));
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("custos did not become ready");
}

/// Starts `custos serve` and waits until it is ready; its log is discarded.
pub fn start(cwd: &Path, extra: &[(&str, &str)]) -> Server {
    start_logging(cwd, extra, Stdio::null())
}

/// Like [`start`], with the server's stderr (its log) going to `stderr`.
pub fn start_logging(cwd: &Path, extra: &[(&str, &str)], stderr: Stdio) -> Server {
    let mut server = spawn_with(cwd, extra, Some(stderr));
    wait_ready(&mut server);
    server
}

/// One request; returns (status, body). Status 0 when the connection fails.
pub fn http(port: u16, method: &str, path: &str, key: Option<&str>, body: &str) -> (u16, String) {
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


/// Runs `custos admin ARGS` in `cwd` with `env`; returns (success, stdout + stderr).
pub fn admin_cli(cwd: &Path, env: &[(&str, &str)], args: &[&str]) -> (bool, String) {
    let mut c = custos(cwd);
    c.arg("admin").args(args);
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c.output().unwrap();
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr))
}
