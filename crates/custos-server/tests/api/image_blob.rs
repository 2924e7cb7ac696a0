//! `image:analyze` with `image.blobUrl`, fetched from the operator's allow-list (`[blob_fetch]`). A tiny HTTP/1.1
//! server on 127.0.0.1 serves images and misbehaves on purpose; it records every request target it receives, so a
//! refused URL can be shown never to have been requested.

use crate::image::eval_image;
use crate::*;
use axum::http::Method;
use custos_server::config::Config;
use serde_json::{json, Value};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// `blob_fetch.max_bytes` of the test apps.
const MAX_BYTES: usize = 100_000;

/// The test blob server. Paths:
/// `/imgs/a.jpg`, `/imgsX/a.jpg`, `/secret/a.jpg`, `/imgs/target.jpg`: the image;
/// `/imgs/small.png`: a 49×200 PNG; `/imgs/redirect`: 302 to `/imgs/target.jpg`; `/imgs/missing`: 404;
/// `/imgs/big-length`: a body over [`MAX_BYTES`] with its Content-Length; `/imgs/big-chunked`: the same, chunked;
/// `/imgs/big-close`: the same, without a length, ended by closing; `/imgs/hang`: reads the request, never answers.
pub struct BlobServer {
    pub addr: SocketAddr,
    hits: Arc<Mutex<Vec<String>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for BlobServer {
    fn drop(&mut self) {
        self.task.abort(); // drops the JoinSet, so held (hanging) connections close too
    }
}

impl BlobServer {
    pub async fn start(image: Vec<u8>) -> BlobServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let hits = Arc::new(Mutex::new(Vec::new()));
        let (image, seen) = (Arc::new(image), hits.clone());
        let task = tokio::spawn(async move {
            let mut connections = tokio::task::JoinSet::new();
            loop {
                let Ok((stream, _)) = listener.accept().await else { return };
                connections.spawn(serve(stream, image.clone(), seen.clone()));
            }
        });
        BlobServer { addr, hits, task }
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Request targets received so far (path and query).
    pub fn hits(&self) -> Vec<String> {
        self.hits.lock().unwrap().clone()
    }

    /// A config allowing `{base}/imgs/`, with `extra` environment variables.
    pub fn config(&self, extra: &[(&str, &str)]) -> Config {
        let mut env = vec![
            ("CUSTOS__BLOB_FETCH__ALLOW".to_owned(), format!("{}/imgs/", self.base())),
            ("CUSTOS__BLOB_FETCH__MAX_BYTES".to_owned(), MAX_BYTES.to_string()),
        ];
        env.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        Config::load(None, env).unwrap()
    }
}

async fn serve(mut stream: TcpStream, image: Arc<Vec<u8>>, hits: Arc<Mutex<Vec<String>>>) {
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
        if head.len() > 16 * 1024 {
            return;
        }
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let target = head.split_whitespace().nth(1).unwrap_or("").to_owned();
    hits.lock().unwrap().push(target.clone());
    let path = target.split('?').next().unwrap_or("");
    let big = vec![0xAB_u8; MAX_BYTES + 50_000];
    let ok = |body: &[u8]| {
        let mut r = format!("HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: {}\r\n\r\n", body.len())
            .into_bytes();
        r.extend_from_slice(body);
        r
    };
    let response: Vec<u8> = match path {
        "/imgs/a.jpg" | "/imgsX/a.jpg" | "/secret/a.jpg" | "/imgs/target.jpg" => ok(&image),
        "/imgs/small.png" => ok(&png(49, 200)),
        "/imgs/redirect" => b"HTTP/1.1 302 Found\r\nLocation: /imgs/target.jpg\r\nContent-Length: 0\r\n\r\n".to_vec(),
        "/imgs/big-length" => ok(&big),
        "/imgs/big-chunked" => {
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n").await;
            for chunk in big.chunks(8192) {
                if stream.write_all(format!("{:X}\r\n", chunk.len()).as_bytes()).await.is_err()
                    || stream.write_all(chunk).await.is_err()
                    || stream.write_all(b"\r\n").await.is_err()
                {
                    return;
                }
            }
            b"0\r\n\r\n".to_vec()
        }
        "/imgs/big-close" => {
            let mut r = b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n".to_vec();
            r.extend_from_slice(&big);
            r
        }
        "/imgs/hang" => {
            std::future::pending::<()>().await;
            unreachable!()
        }
        _ => b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".to_vec(),
    };
    let _ = stream.write_all(&response).await;
    let _ = stream.shutdown().await;
}

async fn analyze(app: &TestApp, image: Value) -> Reply {
    app.call(Method::POST, &url("/image:analyze"), Some(json!({ "image": image }))).await
}

fn message(r: &Reply) -> String {
    r.body["error"]["message"].as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn an_allow_listed_blob_url_is_analysed_like_the_same_bytes_sent_as_content() {
    let image = eval_image("meme-violence-en.jpg");
    let server = BlobServer::start(image.clone()).await;
    let app = TestApp::with_config(server.config(&[])).await;
    let by_content = analyze(&app, json!({"content": b64(&image)})).await;
    assert_eq!(by_content.status, 200, "{}", by_content.body);
    let violence = severities(&by_content.body).into_iter().find(|(c, _)| c == "Violence").unwrap().1;
    assert!(violence >= 2, "the image's text is found: {}", by_content.body);

    let sas = "sv=2024-08-04&sr=b&sig=AbC%2Bd%2Fe%3D";
    for (blob_url, fetched) in [
        (format!("{}/imgs/a.jpg", server.base()), "/imgs/a.jpg".to_owned()),
        // A SAS token is passed on exactly; dot-segments are resolved before matching and fetching.
        (format!("{}/imgs/a.jpg?{sas}", server.base()), format!("/imgs/a.jpg?{sas}")),
        (format!("HTTP://127.0.0.1:{}/imgs/./x/../a.jpg#part", server.addr.port()), "/imgs/a.jpg".to_owned()),
    ] {
        let r = analyze(&app, json!({"blobUrl": blob_url})).await;
        assert_eq!(r.status, 200, "{blob_url}: {}", r.body);
        assert_eq!(r.body, by_content.body, "{blob_url}");
        assert_eq!(server.hits().last(), Some(&fetched));
    }
    assert_eq!(server.hits().len(), 3);

    // Categories and the rest of the request apply as with content.
    let r = app
        .call(
            Method::POST,
            &url("/image:analyze"),
            Some(json!({"image": {"blobUrl": format!("{}/imgs/a.jpg", server.base())}, "categories": ["Violence"]})),
        )
        .await;
    assert_eq!(severities(&r.body), [("Violence".to_owned(), violence)]);

    // The fetched bytes meet the same limits and errors as decoded content.
    let small = analyze(&app, json!({"blobUrl": format!("{}/imgs/small.png", server.base())})).await;
    small.assert_error(400, "InvalidRequestBody");
    let small_content = analyze(&app, json!({"content": b64(&png(49, 200))})).await;
    small_content.assert_error(400, "InvalidRequestBody");
    assert_eq!(message(&small), message(&small_content));
}

#[tokio::test]
async fn blob_urls_outside_the_allow_list_are_refused_and_never_requested() {
    let server = BlobServer::start(eval_image("photo-horse.jpg")).await;
    let app = TestApp::with_config(server.config(&[])).await;
    let port = server.addr.port();
    let other_port = if port == 65535 { port - 1 } else { port + 1 };
    let secret = "sig=S3cr3tT0ken";
    for (blob_url, says) in [
        (format!("http://localhost:{port}/imgs/a.jpg?{secret}"), "origin"),
        (format!("http://127.0.0.2:{port}/imgs/a.jpg?{secret}"), "origin"),
        (format!("http://127.0.0.1:{other_port}/imgs/a.jpg?{secret}"), "origin"),
        (format!("https://127.0.0.1:{port}/imgs/a.jpg?{secret}"), "origin"),
        (format!("http://127.0.0.1:{port}/secret/a.jpg?{secret}"), "path"),
        (format!("http://127.0.0.1:{port}/imgs/../secret/a.jpg?{secret}"), "path"),
        (format!("http://127.0.0.1:{port}/imgs/%2e%2E/secret/a.jpg?{secret}"), "path"),
        (format!("http://127.0.0.1:{port}/imgsX/a.jpg?{secret}"), "path"),
        (format!("http://127.0.0.1:{port}/imgs/..%2Fsecret/a.jpg?{secret}"), "encoded"),
        (format!("http://user:{secret}@127.0.0.1:{port}/imgs/a.jpg"), "credentials"),
        (format!("ftp://127.0.0.1:{port}/imgs/a.jpg?{secret}"), "http"),
        (format!("/imgs/a.jpg?{secret}"), "http"),
    ] {
        let r = analyze(&app, json!({"blobUrl": blob_url})).await;
        r.assert_error(400, "InvalidRequestBody");
        assert_eq!(r.body["error"]["target"], "image.blobUrl", "{blob_url}");
        let m = message(&r);
        assert!(m.contains(says), "{blob_url}: {m}");
        assert!(!r.body.to_string().contains("S3cr3t"), "the error quotes the URL: {}", r.body);
        if says == "origin" || says == "path" {
            assert!(m.contains("allow-list") || m.contains("allows"), "{m}");
        }
    }
    assert_eq!(server.hits(), Vec::<String>::new(), "a refused URL was requested");
}

#[tokio::test]
async fn redirects_error_statuses_and_oversized_bodies_are_refused() {
    let server = BlobServer::start(eval_image("photo-horse.jpg")).await;
    let app = TestApp::with_config(server.config(&[])).await;
    let at = |path: &str| json!({"blobUrl": format!("{}{path}", server.base())});

    let r = analyze(&app, at("/imgs/redirect")).await;
    r.assert_error(400, "InvalidRequestBody");
    assert!(message(&r).contains("302") && message(&r).contains("redirects"), "{}", r.body);
    assert_eq!(server.hits(), ["/imgs/redirect"], "the redirect target was requested");

    let r = analyze(&app, at("/imgs/missing")).await;
    r.assert_error(400, "InvalidRequestBody");
    assert!(message(&r).contains("HTTP 404"), "{}", r.body);

    for path in ["/imgs/big-length", "/imgs/big-chunked", "/imgs/big-close"] {
        let r = analyze(&app, at(path)).await;
        r.assert_error(400, "InvalidRequestBody");
        assert!(message(&r).contains(&format!("larger than {MAX_BYTES} bytes")), "{path}: {}", r.body);
    }

    // An allow-listed origin where nothing listens.
    let closed = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let closed_port = closed.local_addr().unwrap().port();
    drop(closed);
    let config =
        Config::load(None, vec![("CUSTOS__BLOB_FETCH__ALLOW".into(), format!("http://127.0.0.1:{closed_port}/"))]);
    let refused = TestApp::with_config(config.unwrap()).await;
    let r = analyze(&refused, json!({"blobUrl": format!("http://127.0.0.1:{closed_port}/a.jpg")})).await;
    r.assert_error(400, "InvalidRequestBody");
    assert!(message(&r).contains("could not be reached"), "{}", r.body);

    // Nothing else was requested: each refusal above made exactly one request.
    assert_eq!(
        server.hits(),
        ["/imgs/redirect", "/imgs/missing", "/imgs/big-length", "/imgs/big-chunked", "/imgs/big-close"]
    );
}

#[tokio::test]
async fn a_server_that_never_answers_is_an_error_after_the_fetch_time_limit() {
    let server = BlobServer::start(eval_image("photo-horse.jpg")).await;
    let app = TestApp::with_config(server.config(&[("CUSTOS__BLOB_FETCH__TIMEOUT_MS", "500")])).await;
    let r = analyze(&app, json!({"blobUrl": format!("{}/imgs/hang", server.base())})).await;
    r.assert_error(400, "InvalidRequestBody");
    assert!(message(&r).contains("could not be fetched within 500 ms"), "{}", r.body);
    assert_eq!(server.hits(), ["/imgs/hang"]);
}

#[tokio::test]
async fn without_an_allow_list_or_with_both_fields_the_answers_are_unchanged() {
    let server = BlobServer::start(eval_image("photo-horse.jpg")).await;
    let blob_url = format!("{}/imgs/a.jpg", server.base());
    // Default configuration: nothing is fetched, the documented 400.
    let app = TestApp::new().await;
    let r = analyze(&app, json!({"blobUrl": blob_url})).await;
    r.assert_error(400, "InvalidRequestBody");
    assert_eq!(r.body["error"]["target"], "image.blobUrl");
    assert_eq!(
        message(&r),
        "image.blobUrl is not supported by this self-hosted service, which fetches no URLs; send the image bytes \
         base64-encoded in image.content."
    );
    // Both fields: refused before anything is fetched, with or without an allow-list.
    let allowed = TestApp::with_config(server.config(&[])).await;
    for app in [&app, &allowed] {
        let r = analyze(app, json!({"blobUrl": blob_url, "content": b64(&png(64, 64))})).await;
        r.assert_error(400, "InvalidRequestBody");
        assert_eq!(message(&r), "Provide either image.content or image.blobUrl, not both.");
    }
    assert_eq!(server.hits(), Vec::<String>::new());
}

/// With `blob-https`, an https entry is fetched over TLS only: a server that answers in clear text fails the
/// handshake, and the request is never sent unencrypted. (Without the feature an https entry is a start-up error:
/// `config::tests::the_blob_allow_list_is_off_by_default_and_checked_at_start`.)
#[cfg(feature = "blob-https")]
#[tokio::test]
async fn https_blob_urls_are_fetched_over_tls_only() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let received = Arc::new(Mutex::new(Vec::new()));
    let seen = received.clone();
    let plain = tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let mut buf = [0u8; 4096];
            if let Ok(n) = stream.read(&mut buf).await {
                seen.lock().unwrap().extend_from_slice(&buf[..n]);
            }
            let _ = stream.write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n").await;
        }
    });
    let config =
        Config::load(None, vec![("CUSTOS__BLOB_FETCH__ALLOW".into(), format!("https://127.0.0.1:{port}/imgs/"))]);
    let app = TestApp::with_config(config.unwrap()).await;
    let r = analyze(&app, json!({"blobUrl": format!("https://127.0.0.1:{port}/imgs/a.jpg?sig=S3cr3t")})).await;
    r.assert_error(400, "InvalidRequestBody");
    assert!(message(&r).contains("TLS handshake"), "{}", r.body);
    let received = received.lock().unwrap().clone();
    assert!(!received.is_empty() && received[0] == 0x16, "a TLS ClientHello was sent");
    assert!(!received.windows(6).any(|w| w == b"S3cr3t"), "the URL went out in clear");
    plain.abort();
}
