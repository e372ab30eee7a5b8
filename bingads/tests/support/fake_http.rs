//! A tiny HTTP/1.1 server on 127.0.0.1:0 for transport tests: it records every request
//! (method, path, headers in order, body) and answers with whatever the test's responder
//! says, including bodies that never end. Keep-alive is supported, so a retried call may
//! arrive on the same connection.
#![allow(dead_code)]

use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// A request as the server received it.
#[derive(Debug, Clone)]
pub struct Captured {
    pub method: String,
    pub path: String,
    /// In the order received, names as sent.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Captured {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("a JSON body")
    }
}

/// What the server answers.
pub enum Reply {
    /// A complete response with `Content-Length`.
    Full {
        status: u16,
        headers: Vec<(&'static str, String)>,
        body: Vec<u8>,
    },
    /// A 200 whose `Content-Length` claims `announced` bytes; nothing more is sent.
    Announced { announced: u64 },
    /// A 200 with a chunked body that never ends (until the client hangs up).
    Endless,
}

impl Reply {
    pub fn json(status: u16, tracking_id: Option<&str>, body: &str) -> Reply {
        let mut headers = vec![("Content-Type", "application/json".to_string())];
        if let Some(t) = tracking_id {
            headers.push(("TrackingId", t.to_string()));
        }
        Reply::Full {
            status,
            headers,
            body: body.as_bytes().to_vec(),
        }
    }

    pub fn xml(status: u16, body: &str) -> Reply {
        Reply::Full {
            status,
            headers: vec![("Content-Type", "text/xml; charset=utf-8".to_string())],
            body: body.as_bytes().to_vec(),
        }
    }
}

type Responder = dyn Fn(&Captured, usize) -> Reply + Send + Sync;

pub struct FakeServer {
    pub base_url: String,
    requests: Arc<Mutex<Vec<Captured>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for FakeServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl FakeServer {
    /// Starts a server; `responder` gets each request and its 0-based number.
    pub async fn start(
        responder: impl Fn(&Captured, usize) -> Reply + Send + Sync + 'static,
    ) -> FakeServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let base_url = format!("http://{}", listener.local_addr().expect("addr"));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let responder: Arc<Responder> = Arc::new(responder);
        let recorded = requests.clone();
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let recorded = recorded.clone();
                let responder = responder.clone();
                tokio::spawn(serve(stream, recorded, responder));
            }
        });
        FakeServer {
            base_url,
            requests,
            task,
        }
    }

    pub fn requests(&self) -> Vec<Captured> {
        self.requests.lock().expect("lock").clone()
    }
}

async fn serve(
    mut stream: TcpStream,
    recorded: Arc<Mutex<Vec<Captured>>>,
    responder: Arc<Responder>,
) {
    let mut buf = Vec::new();
    loop {
        let Some(request) = read_request(&mut stream, &mut buf).await else {
            return;
        };
        let n = {
            let mut r = recorded.lock().expect("lock");
            r.push(request.clone());
            r.len() - 1
        };
        let ok = match responder(&request, n) {
            Reply::Full {
                status,
                headers,
                body,
            } => {
                let mut head = format!("HTTP/1.1 {status} X\r\nContent-Length: {}\r\n", body.len());
                for (k, v) in headers {
                    head.push_str(&format!("{k}: {v}\r\n"));
                }
                head.push_str("\r\n");
                let mut out = head.into_bytes();
                out.extend_from_slice(&body);
                stream.write_all(&out).await.is_ok()
            }
            Reply::Announced { announced } => {
                let head = format!("HTTP/1.1 200 OK\r\nContent-Length: {announced}\r\n\r\n");
                let _ = stream.write_all(head.as_bytes()).await;
                return;
            }
            Reply::Endless => {
                let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
                if stream.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                let chunk = vec![b' '; 64 * 1024];
                let framed = [
                    format!("{:x}\r\n", chunk.len()).into_bytes(),
                    chunk,
                    b"\r\n".to_vec(),
                ]
                .concat();
                // Bounded by the client: it hangs up at its cap, and the write then fails.
                while stream.write_all(&framed).await.is_ok() {}
                return;
            }
        };
        if !ok {
            return;
        }
    }
}

async fn read_request(stream: &mut TcpStream, buf: &mut Vec<u8>) -> Option<Captured> {
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        let mut chunk = [0u8; 8192];
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let mut first = lines.next()?.split(' ');
    let method = first.next()?.to_string();
    let path = first.next()?.to_string();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let body_start = head_end + 4;
    while buf.len() < body_start + length {
        let mut chunk = [0u8; 8192];
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let body = buf[body_start..body_start + length].to_vec();
    buf.drain(..body_start + length);
    Some(Captured {
        method,
        path,
        headers,
        body,
    })
}
