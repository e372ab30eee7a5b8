//! File uploads: one HTTP POST of a file as a single `multipart/form-data` field, streamed from
//! disk (with byte progress and a known `Content-Length`), never retried here — after a failed
//! or dropped connection the service may or may not have the file, and a second copy would
//! apply every row twice. Only the caller may send again, and only after an answer that says
//! the file was refused (the Bulk manager does after a 401, once, with a refreshed token).

use std::path::Path;
use std::time::Duration;

use futures_util::StreamExt;

use super::download::error_chain;
use super::error::{TransferError, redact_url};
use super::progress::{Progress, ProgressSink};
use crate::SecretString;

/// One file posted as the form field `field` named `file_name`.
#[derive(Debug)]
pub struct MultipartUpload<'a> {
    pub url: &'a str,
    pub field: &'a str,
    pub file: &'a Path,
    pub file_name: &'a str,
    /// Extra request headers (credentials among them: they never reach logs or errors).
    pub headers: Vec<(&'static str, SecretString)>,
    pub timeout: Option<Duration>,
}

/// Posts the file; `Ok` on any 2xx answer.
pub async fn post_multipart(
    http: &reqwest::Client,
    upload: MultipartUpload<'_>,
    progress: Option<&ProgressSink>,
) -> Result<(), TransferError> {
    let shown = redact_url(upload.url);
    let file = tokio::fs::File::open(upload.file)
        .await
        .map_err(|e| TransferError::io(upload.file, e))?;
    let size = file
        .metadata()
        .await
        .map_err(|e| TransferError::io(upload.file, e))?
        .len();
    let boundary = format!(
        "bingads-rs-{:016x}{:016x}",
        getrandom::u64().unwrap_or(1),
        getrandom::u64().unwrap_or(2)
    );
    let quoted_name: String = upload
        .file_name
        .chars()
        .filter(|c| !matches!(c, '"' | '\r' | '\n' | '\\'))
        .collect();
    let head = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"{}\"; filename=\"{quoted_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n",
        upload.field
    );
    let tail = format!("\r\n--{boundary}--\r\n");
    let total = (head.len() as u64)
        .saturating_add(size)
        .saturating_add(tail.len() as u64);
    let sink = progress.cloned();
    let mut sent: u64 = 0;
    let body = futures_util::stream::once(async move { Ok(bytes::Bytes::from(head)) })
        .chain(tokio_util::io::ReaderStream::with_capacity(file, 64 * 1024))
        .chain(futures_util::stream::once(async move {
            Ok(bytes::Bytes::from(tail))
        }))
        .inspect(move |chunk: &Result<bytes::Bytes, std::io::Error>| {
            if let (Ok(c), Some(p)) = (chunk, &sink) {
                sent = sent.saturating_add(c.len() as u64);
                p.emit(Progress::Upload { bytes: sent, total });
            }
        });
    let mut request = http
        .post(upload.url)
        .header(
            "Content-Type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header("Content-Length", total)
        .timeout(upload.timeout.unwrap_or(Duration::from_secs(3600)));
    for (name, value) in &upload.headers {
        let mut v = reqwest::header::HeaderValue::from_str(value.expose()).map_err(|_| {
            TransferError::UploadLimit {
                message: format!("the {name} header value is not valid in HTTP"),
            }
        })?;
        v.set_sensitive(true);
        request = request.header(*name, v);
    }
    let response = request
        .body(reqwest::Body::wrap_stream(body))
        .send()
        .await
        .map_err(|e| {
            if e.is_timeout() {
                TransferError::TransferTimeout {
                    url: shown.clone(),
                    after: upload.timeout.unwrap_or(Duration::from_secs(3600)),
                }
            } else {
                TransferError::Network {
                    url: shown.clone(),
                    message: format!(
                        "{}; the upload may or may not have reached the service, check its status before uploading again",
                        error_chain(&e)
                    ),
                }
            }
        })?;
    let status = response.status().as_u16();
    if !(200..300).contains(&status) {
        return Err(TransferError::HttpStatus {
            url: shown,
            status,
            hint: match status {
                401 => {
                    "the credentials were refused; sign in again (an expired OAuth token is refreshed once by the Bulk manager)"
                }
                403 => "the upload URL was refused; get a new upload URL",
                413 => "the file is too large for the service",
                _ => "the upload was not accepted; check the request status before uploading again",
            },
        });
    }
    Ok(())
}
