//! The one-shot loopback listener that receives the browser's redirect after sign-in
//! (RFC 8252 §7.3): bound to 127.0.0.1 only, it answers anything that is not an authorization
//! response with 404 and keeps waiting, and hands back the first response URI that carries
//! this sign-in's `state` together with the connection, so the page the browser shows can say
//! whether the sign-in worked. A response with another state (or none) is answered with 400
//! and the listener keeps waiting: any web page can make the browser request a loopback URL,
//! and one such request must not end the sign-in.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// Largest request head read from the browser.
const MAX_HEAD: usize = 16 * 1024;
/// How long one browser connection may take to send its request.
const READ_TIMEOUT: Duration = Duration::from_secs(10);

/// A redirect received: the full URI and the connection to answer on.
#[derive(Debug)]
pub struct Redirect {
    pub uri: String,
    stream: TcpStream,
}

impl Redirect {
    /// Answers the browser with a small page and closes the connection.
    pub async fn respond(mut self, ok: bool, message: &str) {
        let title = if ok { "Signed in" } else { "Sign-in failed" };
        let body = format!(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title></head>\
             <body style=\"font-family: sans-serif\"><h1>{title}</h1><p>{}</p>\
             <p>You can close this window and return to the terminal.</p></body></html>",
            html_escape(message)
        );
        let head = format!(
            "HTTP/1.1 {}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\
             Cache-Control: no-store\r\nConnection: close\r\n\r\n",
            if ok { "200 OK" } else { "400 Bad Request" },
            body.len()
        );
        let _ = self.stream.write_all(head.as_bytes()).await;
        let _ = self.stream.write_all(body.as_bytes()).await;
        let _ = self.stream.shutdown().await;
    }
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Waits for the authorization response carrying `state` on `listener`. `base` is
/// `http://127.0.0.1:PORT`.
pub async fn wait_for_redirect(
    listener: &TcpListener,
    base: &str,
    state: &str,
) -> std::io::Result<Redirect> {
    loop {
        let (mut stream, _) = listener.accept().await?;
        let target = match tokio::time::timeout(READ_TIMEOUT, read_target(&mut stream)).await {
            Ok(Some(t)) => t,
            _ => continue,
        };
        let params: Vec<(String, String)> = url::Url::parse(&format!("{base}{target}"))
            .map(|u| u.query_pairs().into_owned().collect())
            .unwrap_or_default();
        let is_response = params
            .iter()
            .any(|(k, _)| k == "code" || k == "error" || k == "state");
        let ours = params.iter().any(|(k, v)| k == "state" && v == state);
        if is_response && !ours {
            const NOT_OURS: &str =
                "This is not the answer to the sign-in in progress; bingads keeps waiting";
            let reply = format!(
                "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\n\
                 Content-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n\
                 {NOT_OURS}",
                NOT_OURS.len()
            );
            let _ = stream.write_all(reply.as_bytes()).await;
            continue;
        }
        if !is_response {
            // A favicon request, a probe: not the redirect.
            let _ = stream
                .write_all(
                    b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                )
                .await;
            continue;
        }
        return Ok(Redirect {
            uri: format!("{base}{target}"),
            stream,
        });
    }
}

/// The request target of a `GET` request, once its head has arrived.
async fn read_target(stream: &mut TcpStream) -> Option<String> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 2048];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        if buf.len() > MAX_HEAD {
            return None;
        }
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let head = std::str::from_utf8(&buf).ok()?;
    let line = head.lines().next()?;
    let mut parts = line.split(' ');
    let method = parts.next()?;
    let target = parts.next()?;
    (method == "GET" && target.starts_with('/')).then(|| target.to_string())
}
