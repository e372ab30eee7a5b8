//! The shared transfer module against a local file server: streamed downloads landing
//! atomically, overwrite rules, expired URLs exchanged for fresh ones, stalled and truncated
//! downloads, and cancellation leaving no temporary file.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use bingads::transfer::{
    Progress, ProgressSink, ResultFileOptions, ResultUrl, TransferError, download_result,
};

const CSV: &[u8] = b"\xef\xbb\xbfType,Status,Id\r\nFormat Version,,6.0\r\n";

fn zipped() -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    w.start_file("1234.csv", zip::write::SimpleFileOptions::default())
        .unwrap();
    w.write_all(CSV).unwrap();
    w.finish().unwrap().into_inner()
}

struct Server {
    base: String,
    hits: Arc<AtomicUsize>,
}

async fn server() -> Server {
    let hits = Arc::new(AtomicUsize::new(0));
    let counted = |hits: Arc<AtomicUsize>, f: fn() -> Response| {
        move || {
            hits.fetch_add(1, Ordering::SeqCst);
            async move { f() }
        }
    };
    let app = Router::new()
        .route(
            "/files/1234.zip",
            get(counted(hits.clone(), || zipped().into_response())),
        )
        .route(
            "/expired/1234.zip",
            get(counted(hits.clone(), || {
                (
                    StatusCode::FORBIDDEN,
                    "AuthenticationFailed: Signed expiry time has passed",
                )
                    .into_response()
            })),
        )
        .route(
            "/short/1234.zip",
            get(counted(hits.clone(), || {
                // Announces 1000 bytes, sends 10 and ends the body.
                let chunks = futures_util::stream::iter([Ok::<_, std::io::Error>(
                    bytes::Bytes::from_static(b"PK\x03\x04abcdef"),
                )]);
                Response::builder()
                    .header(header::CONTENT_LENGTH, 1000)
                    .body(Body::from_stream(chunks))
                    .unwrap()
            })),
        )
        .route(
            "/stall/1234.zip",
            get(counted(hits.clone(), || {
                let first = futures_util::stream::iter([Ok::<_, std::io::Error>(
                    bytes::Bytes::from_static(b"PK\x03\x04 first chunk"),
                )]);
                let never = futures_util::stream::pending();
                Response::builder()
                    .header(header::CONTENT_LENGTH, 1_000_000)
                    .body(Body::from_stream(futures_util::StreamExt::chain(
                        first, never,
                    )))
                    .unwrap()
            })),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    Server { base, hits }
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("bingads-transfer-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn listing(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .tls_backend_preconfigured(bingads::http::tls_config().unwrap())
        .build()
        .unwrap()
}

async fn no_fresh_url() -> Result<ResultUrl, TransferError> {
    panic!("no fresh URL expected")
}

#[tokio::test]
async fn downloads_decompress_and_land_with_nothing_else_left() {
    let s = server().await;
    let dir = scratch("ok");
    let (sink, mut rx) = ProgressSink::channel(64);
    let url = ResultUrl::new(format!("{}/files/1234.zip", s.base));
    let path = download_result(
        &http(),
        url.clone(),
        no_fresh_url,
        &ResultFileOptions::new(&dir),
        Duration::from_secs(10),
        Some(&sink),
    )
    .await
    .unwrap();
    assert_eq!(path, dir.join("1234.csv"));
    assert_eq!(std::fs::read(&path).unwrap(), CSV);
    assert_eq!(listing(&dir), ["1234.csv"]);
    let mut downloaded = 0;
    while let Ok(p) = rx.try_recv() {
        if let Progress::Download { bytes, total } = p {
            downloaded = bytes;
            assert_eq!(total, Some(zipped().len() as u64));
        }
    }
    assert_eq!(downloaded, zipped().len() as u64);

    // Kept compressed, under a name of the caller's.
    let opts = ResultFileOptions::new(&dir)
        .decompress(false)
        .file_name("kept.zip");
    let path = download_result(
        &http(),
        url,
        no_fresh_url,
        &opts,
        Duration::from_secs(10),
        None,
    )
    .await
    .unwrap();
    assert_eq!(std::fs::read(path).unwrap(), zipped());
    assert_eq!(listing(&dir), ["1234.csv", "kept.zip"]);
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn an_existing_file_is_never_clobbered_without_overwrite() {
    let s = server().await;
    let dir = scratch("clobber");
    std::fs::write(dir.join("mine.csv"), b"precious").unwrap();
    let url = ResultUrl::new(format!("{}/files/1234.zip", s.base));
    let opts = ResultFileOptions::new(&dir).file_name("mine.csv");
    let e = download_result(
        &http(),
        url.clone(),
        no_fresh_url,
        &opts,
        Duration::from_secs(10),
        None,
    )
    .await
    .unwrap_err();
    assert!(matches!(e, TransferError::FileExists { .. }), "{e}");
    assert_eq!(
        s.hits.load(Ordering::SeqCst),
        0,
        "refused before downloading"
    );
    assert_eq!(std::fs::read(dir.join("mine.csv")).unwrap(), b"precious");

    // The entry's own name collides too: checked when the name becomes known.
    std::fs::write(dir.join("1234.csv"), b"also mine").unwrap();
    let e = download_result(
        &http(),
        url.clone(),
        no_fresh_url,
        &ResultFileOptions::new(&dir),
        Duration::from_secs(10),
        None,
    )
    .await
    .unwrap_err();
    assert!(matches!(e, TransferError::FileExists { .. }), "{e}");
    assert_eq!(std::fs::read(dir.join("1234.csv")).unwrap(), b"also mine");
    assert_eq!(listing(&dir), ["1234.csv", "mine.csv"]);

    let opts = opts.overwrite(true);
    download_result(
        &http(),
        url,
        no_fresh_url,
        &opts,
        Duration::from_secs(10),
        None,
    )
    .await
    .unwrap();
    assert_eq!(std::fs::read(dir.join("mine.csv")).unwrap(), CSV);
    assert_eq!(listing(&dir), ["1234.csv", "mine.csv"]);
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn an_expired_url_is_exchanged_for_a_fresh_one_once() {
    let s = server().await;
    let dir = scratch("expired");
    let asked = Arc::new(AtomicUsize::new(0));
    let fresh = {
        let asked = asked.clone();
        let base = s.base.clone();
        move || {
            asked.fetch_add(1, Ordering::SeqCst);
            let url = format!("{base}/files/1234.zip");
            async move { Ok(ResultUrl::new(url)) }
        }
    };
    let url = ResultUrl::new(format!("{}/expired/1234.zip", s.base));
    let path = download_result(
        &http(),
        url,
        fresh,
        &ResultFileOptions::new(&dir),
        Duration::from_secs(10),
        None,
    )
    .await
    .unwrap();
    assert_eq!(std::fs::read(path).unwrap(), CSV);
    assert_eq!(asked.load(Ordering::SeqCst), 1);

    // A URL that keeps failing ends with the HTTP error, after exactly one fresh URL.
    let asked = Arc::new(AtomicUsize::new(0));
    let counter = asked.clone();
    let base = s.base.clone();
    let always_expired = move || {
        counter.fetch_add(1, Ordering::SeqCst);
        let url = format!("{base}/expired/1234.zip");
        async move { Ok(ResultUrl::new(url)) }
    };
    let url = ResultUrl::new(format!("{}/expired/1234.zip?sig=SECRET", s.base));
    let e = download_result(
        &http(),
        url,
        always_expired,
        &ResultFileOptions::new(&dir).overwrite(true),
        Duration::from_secs(10),
        None,
    )
    .await
    .unwrap_err();
    assert!(
        matches!(e, TransferError::HttpStatus { status: 403, .. }),
        "{e}"
    );
    assert!(!e.to_string().contains("SECRET"));
    assert_eq!(asked.load(Ordering::SeqCst), 1);
    assert_eq!(listing(&dir), ["1234.csv"]);
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn a_url_older_than_its_lifetime_is_refreshed_before_downloading() {
    let s = server().await;
    let dir = scratch("stale");
    let Some(old) = tokio::time::Instant::now().checked_sub(Duration::from_secs(400)) else {
        return;
    };
    let url = ResultUrl {
        url: format!("{}/expired/1234.zip", s.base),
        obtained: old,
    };
    let base = s.base.clone();
    let fresh = move || {
        let url = format!("{base}/files/1234.zip");
        async move { Ok(ResultUrl::new(url)) }
    };
    download_result(
        &http(),
        url,
        fresh,
        &ResultFileOptions::new(&dir),
        Duration::from_secs(10),
        None,
    )
    .await
    .unwrap();
    assert_eq!(
        s.hits.load(Ordering::SeqCst),
        1,
        "the stale URL was never fetched"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn truncated_and_stalled_downloads_fail_and_leave_no_temporary_file() {
    let s = server().await;
    let dir = scratch("short");
    let url = ResultUrl::new(format!("{}/short/1234.zip", s.base));
    let e = download_result(
        &http(),
        url,
        no_fresh_url,
        &ResultFileOptions::new(&dir),
        Duration::from_secs(10),
        None,
    )
    .await
    .unwrap_err();
    assert!(matches!(e, TransferError::Network { .. }), "{e}");
    assert!(listing(&dir).is_empty());

    let url = ResultUrl::new(format!("{}/stall/1234.zip", s.base));
    let e = download_result(
        &http(),
        url,
        no_fresh_url,
        &ResultFileOptions::new(&dir),
        Duration::from_millis(300),
        None,
    )
    .await
    .unwrap_err();
    assert!(matches!(e, TransferError::TransferTimeout { .. }), "{e}");
    assert!(listing(&dir).is_empty());
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn a_cancelled_download_leaves_no_temporary_file() {
    let s = server().await;
    let dir = scratch("cancel");
    let started = Arc::new(tokio::sync::Notify::new());
    let signal = started.clone();
    let sink = ProgressSink::new(move |p| {
        if matches!(p, Progress::Download { .. }) {
            signal.notify_one();
        }
    });
    let url = ResultUrl::new(format!("{}/stall/1234.zip", s.base));
    let opts = ResultFileOptions::new(&dir);
    let http = http();
    let download = download_result(
        &http,
        url,
        no_fresh_url,
        &opts,
        Duration::from_secs(60),
        Some(&sink),
    );
    tokio::select! {
        r = download => panic!("the stalled download ended: {r:?}"),
        () = started.notified() => {}
    }
    // The first chunk was written to a temporary file; dropping the future removed it.
    assert!(listing(&dir).is_empty(), "{:?}", listing(&dir));
    std::fs::remove_dir_all(dir).unwrap();
}
