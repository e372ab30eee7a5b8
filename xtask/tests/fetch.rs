//! `cargo xtask wsdl-fetch` against a local HTTP server (no network access needed).
//!
//! The server runs in a thread on 127.0.0.1:0, answers a fixed number of requests (or gives
//! up after a deadline), serves bodies by (`X-Forwarded-Host`, request target) and returns
//! what it was asked for, so the tests check both the files written and the requests made.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// (file, host label, endpoint path) of each service, written out independently of the
/// table in `xtask/src/fetch.rs` so a mistake there shows up here.
const SERVICES: [(&str, &str, &str); 6] = [
    (
        "adinsight_service.xml",
        "adinsight",
        "/Api/Advertiser/AdInsight/V13/AdInsightService.svc",
    ),
    (
        "bulk_service.xml",
        "bulk",
        "/Api/Advertiser/CampaignManagement/v13/BulkService.svc",
    ),
    (
        "campaignmanagement_service.xml",
        "campaign",
        "/Api/Advertiser/CampaignManagement/v13/CampaignManagementService.svc",
    ),
    (
        "customerbilling_service.xml",
        "clientcenter",
        "/Api/Billing/v13/CustomerBillingService.svc",
    ),
    (
        "customermanagement_service.xml",
        "clientcenter",
        "/Api/CustomerManagement/v13/CustomerManagementService.svc",
    ),
    (
        "reporting_service.xml",
        "reporting",
        "/Api/Advertiser/Reporting/v13/ReportingService.svc",
    ),
];

const ENVIRONMENTS: [&str; 2] = ["production", "sandbox"];

/// Live host of a service in an environment.
fn host(label: &str, environment: &str) -> String {
    match environment {
        "production" => format!("{label}.api.bingads.microsoft.com"),
        _ => format!("{label}.api.sandbox.bingads.microsoft.com"),
    }
}

/// A small valid WSDL, different for every service and environment.
fn wsdl_body(environment: &str, file: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <wsdl:definitions xmlns:wsdl=\"http://schemas.xmlsoap.org/wsdl/\" \
         name=\"{environment}/{file}\"><wsdl:types/></wsdl:definitions>\n"
    )
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Request {
    method: String,
    /// Path and query, as sent.
    target: String,
    forwarded_host: Option<String>,
}

/// Status and body for one request.
type Route = (u16, String);

struct Server {
    port: u16,
    handle: JoinHandle<Vec<Request>>,
}

impl Server {
    /// Serves `routes` (keyed by forwarded host and target; anything else is a 404) for at
    /// most `max_requests` requests or 60 seconds, whichever comes first.
    fn start(routes: BTreeMap<(String, String), Route>, max_requests: usize) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        listener.set_nonblocking(true).unwrap();
        let handle = std::thread::spawn(move || {
            let deadline = Instant::now() + Duration::from_secs(60);
            let mut seen = Vec::new();
            while seen.len() < max_requests && Instant::now() < deadline {
                match listener.accept() {
                    Ok((stream, _)) => {
                        if let Some(request) = answer(stream, &routes) {
                            seen.push(request);
                        }
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                        std::thread::sleep(Duration::from_millis(5));
                    }
                    Err(e) => panic!("accept: {e}"),
                }
            }
            seen
        });
        Server { port, handle }
    }

    fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn requests(self) -> Vec<Request> {
        let mut requests = self.handle.join().expect("server thread panicked");
        requests.sort();
        requests
    }
}

/// Reads one request head, writes one response and closes the connection.
fn answer(mut stream: TcpStream, routes: &BTreeMap<(String, String), Route>) -> Option<Request> {
    stream.set_nonblocking(false).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut buf).ok()?;
        if n == 0 || head.len() > 64 * 1024 {
            return None;
        }
        head.extend_from_slice(&buf[..n]);
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next()?.split(' ');
    let method = request_line.next()?.to_string();
    let target = request_line.next()?.to_string();
    let forwarded_host = lines.find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.trim()
            .eq_ignore_ascii_case("x-forwarded-host")
            .then(|| value.trim().to_string())
    });
    let key = (forwarded_host.clone().unwrap_or_default(), target.clone());
    let (status, body) = routes
        .get(&key)
        .cloned()
        .unwrap_or((404, "no such document".to_string()));
    let reason = match status {
        200 => "OK",
        404 => "Not Found",
        _ => "Other",
    };
    let response = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: text/xml; charset=utf-8\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(response.as_bytes()).ok()?;
    stream.flush().ok()?;
    Some(Request {
        method,
        target,
        forwarded_host,
    })
}

/// A fresh, empty folder under the target's test scratch space.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("wsdl-fetch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn xtask(args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_xtask"));
    command.args(args);
    // Talk to the local server directly even where a proxy is configured.
    for var in [
        "ALL_PROXY",
        "all_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "HTTP_PROXY",
        "http_proxy",
    ] {
        command.env_remove(var);
    }
    command.output().expect("run xtask")
}

/// Every service and environment: 200 with its own body.
fn all_routes() -> BTreeMap<(String, String), Route> {
    let mut routes = BTreeMap::new();
    for environment in ENVIRONMENTS {
        for (file, label, path) in SERVICES {
            routes.insert(
                (host(label, environment), format!("{path}?singleWsdl")),
                (200, wsdl_body(environment, file)),
            );
        }
    }
    routes
}

#[test]
fn downloads_every_service_in_both_environments() {
    let out = scratch("all");
    let server = Server::start(all_routes(), 12);
    let base = server.base_url();
    let output = xtask(&["wsdl-fetch", out.to_str().unwrap(), "--base-url", &base]);
    let requests = server.requests();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "wsdl-fetch failed:\n{stderr}");

    for environment in ENVIRONMENTS {
        for (file, _, _) in SERVICES {
            let path = out.join(environment).join(file);
            let written = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert_eq!(written, wsdl_body(environment, file), "{}", path.display());
        }
        let mut names: Vec<_> = std::fs::read_dir(out.join(environment))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        let mut expected: Vec<_> = SERVICES.iter().map(|(f, _, _)| f.to_string()).collect();
        expected.sort();
        assert_eq!(names, expected, "only the six WSDLs, no temporary files");
    }

    let mut expected: Vec<Request> = ENVIRONMENTS
        .iter()
        .flat_map(|environment| {
            SERVICES.iter().map(move |(_, label, path)| Request {
                method: "GET".into(),
                target: format!("{path}?singleWsdl"),
                forwarded_host: Some(host(label, environment)),
            })
        })
        .collect();
    expected.sort();
    assert_eq!(requests, expected);
    let distinct: BTreeSet<_> = requests.iter().collect();
    assert_eq!(distinct.len(), 12, "each document requested exactly once");

    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn not_found_fails_with_the_url_and_writes_nothing() {
    let out = scratch("not-found");
    let mut routes = all_routes();
    let bulk = "/Api/Advertiser/CampaignManagement/v13/BulkService.svc?singleWsdl";
    routes.remove(&(host("bulk", "production"), bulk.to_string()));
    let reporting = "/Api/Advertiser/Reporting/v13/ReportingService.svc?singleWsdl";
    routes.insert(
        (host("reporting", "production"), reporting.to_string()),
        (200, "<html><body>down for maintenance</body></html>".into()),
    );
    let server = Server::start(routes, 6);
    let base = server.base_url();
    let output = xtask(&[
        "wsdl-fetch",
        out.to_str().unwrap(),
        "--base-url",
        &base,
        "--environment",
        "production",
    ]);
    let requests = server.requests();
    let stderr = String::from_utf8_lossy(&output.stderr);

    assert!(!output.status.success(), "expected failure, got:\n{stderr}");
    assert!(
        stderr.contains(&format!("{base}{bulk}: HTTP 404")),
        "404 not reported with its URL:\n{stderr}"
    );
    assert!(
        stderr.contains(&format!("{base}{reporting}: not a WSDL document")),
        "non-WSDL body not reported with its URL:\n{stderr}"
    );
    assert!(stderr.contains("2 of 6 downloads failed"), "{stderr}");
    assert!(
        !out.join("production").exists(),
        "nothing may be written when a download fails"
    );
    // Only production was asked for, and every service was still tried.
    assert_eq!(requests.len(), 6);
    assert!(requests.iter().all(|r| {
        r.forwarded_host
            .as_deref()
            .unwrap()
            .ends_with(".api.bingads.microsoft.com")
    }));

    std::fs::remove_dir_all(&out).unwrap();
}
