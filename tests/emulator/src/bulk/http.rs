//! The HTTP side of bulk transfers: result files at `/bulk/files/{token}/{name}` (403 once a
//! URL has expired, as the storage service answers) and the upload endpoint at
//! `/bulk/upload/{request id}`, which takes one multipart field `file` with the credentials
//! as HTTP headers (`DeveloperToken`, `AuthenticationToken` or `Authorization: Bearer`, or
//! `UserName`/`Password`; `CustomerId`, `AccountId`).

use std::sync::Arc;
use std::time::Instant;

use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::{BulkFault, JobKind, RecordedUpload, apply, files};
use crate::state::{Shared, lock};
use crate::util::constant_time_eq;

/// Largest upload accepted (the service's limit is 100 MB).
const MAX_UPLOAD_BYTES: usize = 110 * 1024 * 1024;

fn plain(status: StatusCode, body: &'static str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        body,
    )
        .into_response()
}

pub(crate) async fn result_file(
    State(shared): State<Arc<Shared>>,
    Path((token, _name)): Path<(String, String)>,
) -> Response {
    let (bytes, drop_half) = {
        let mut store = lock(&shared.bulk);
        let Some(published) = store.published.get(&token).cloned() else {
            return plain(
                StatusCode::NOT_FOUND,
                "The specified blob does not exist.\n",
            );
        };
        if published.expires <= Instant::now() {
            return plain(
                StatusCode::FORBIDDEN,
                "AuthenticationFailed: Signed expiry time has passed.\n",
            );
        }
        let Some(bytes) = store
            .jobs
            .get(&published.request_id)
            .and_then(|j| j.file.clone())
        else {
            return plain(
                StatusCode::NOT_FOUND,
                "The specified blob does not exist.\n",
            );
        };
        (bytes, store.take_dropped_download())
    };
    let total = bytes.len();
    if drop_half {
        // Announce the whole file, send half, then fail the body: hyper closes the connection.
        let half = bytes.get(..total / 2).unwrap_or_default().to_vec();
        let chunks = futures_stream(half);
        return Response::builder()
            .header(header::CONTENT_TYPE, "application/zip")
            .header(header::CONTENT_LENGTH, total)
            .body(Body::from_stream(chunks))
            .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response());
    }
    ([(header::CONTENT_TYPE, "application/zip")], bytes).into_response()
}

/// A body stream that yields `first` and then an error.
fn futures_stream(
    first: Vec<u8>,
) -> impl futures_core::Stream<Item = Result<axum::body::Bytes, std::io::Error>> + Send {
    struct Cut(Option<Vec<u8>>, bool);
    impl futures_core::Stream for Cut {
        type Item = Result<axum::body::Bytes, std::io::Error>;
        fn poll_next(
            mut self: std::pin::Pin<&mut Self>,
            _: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Option<Self::Item>> {
            if let Some(chunk) = self.0.take() {
                return std::task::Poll::Ready(Some(Ok(axum::body::Bytes::from(chunk))));
            }
            if !self.1 {
                self.1 = true;
                return std::task::Poll::Ready(Some(Err(std::io::Error::new(
                    std::io::ErrorKind::ConnectionReset,
                    "injected: download dropped",
                ))));
            }
            std::task::Poll::Ready(None)
        }
    }
    Cut(Some(first), false)
}

fn header_value<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

/// The user the upload's credential headers name, or why not.
fn authenticate(shared: &Shared, headers: &HeaderMap) -> Result<(), &'static str> {
    match header_value(headers, "DeveloperToken") {
        Some(t) if constant_time_eq(t, &shared.config.developer_token) => {}
        _ => return Err("missing or invalid DeveloperToken header\n"),
    }
    let bearer = header_value(headers, "Authorization").and_then(|v| v.strip_prefix("Bearer "));
    if let Some(token) = header_value(headers, "AuthenticationToken").or(bearer) {
        return match lock(&shared.oauth).check_access(token) {
            Ok(id) if id == shared.directory.user.id => Ok(()),
            _ => Err("invalid or expired access token\n"),
        };
    }
    match (
        header_value(headers, "UserName"),
        header_value(headers, "Password"),
    ) {
        (Some(n), Some(p))
            if n.eq_ignore_ascii_case(&shared.directory.user.user_name)
                && constant_time_eq(p, &shared.directory.user.password) =>
        {
            Ok(())
        }
        _ => Err("missing credentials\n"),
    }
}

/// The `file` part of a multipart body: (field name, file name, bytes).
fn multipart_file(content_type: &str, body: &[u8]) -> Option<(String, String, Vec<u8>)> {
    let boundary = content_type
        .split(';')
        .map(str::trim)
        .find_map(|p| p.strip_prefix("boundary="))?
        .trim_matches('"');
    let delimiter = format!("--{boundary}");
    let d = delimiter.as_bytes();
    let mut parts = Vec::new();
    let mut pos = find(body, d, 0)?;
    loop {
        let start = pos + d.len();
        if body.get(start..start + 2) == Some(b"--") {
            break;
        }
        let next = find(body, d, start)?;
        parts.push(body.get(start..next)?);
        pos = next;
    }
    for part in parts {
        let part = part.strip_prefix(b"\r\n".as_slice()).unwrap_or(part);
        let split = find(part, b"\r\n\r\n", 0)?;
        let head = String::from_utf8_lossy(part.get(..split)?);
        let data = part.get(split + 4..)?;
        let data = data.strip_suffix(b"\r\n".as_slice()).unwrap_or(data);
        let disposition = head
            .lines()
            .find(|l| l.to_ascii_lowercase().starts_with("content-disposition"))?;
        let attr = |name: &str| {
            disposition
                .split(';')
                .map(str::trim)
                .find_map(|p| p.strip_prefix(&format!("{name}=")))
                .map(|v| v.trim_matches('"').to_string())
        };
        let field = attr("name").unwrap_or_default();
        if field == "file" {
            return Some((field, attr("filename").unwrap_or_default(), data.to_vec()));
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

pub(crate) async fn upload(
    State(shared): State<Arc<Shared>>,
    Path(request_id): Path<String>,
    request: Request,
) -> Response {
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(Body::new(body), MAX_UPLOAD_BYTES).await else {
        return plain(StatusCode::PAYLOAD_TOO_LARGE, "The upload is too large.\n");
    };
    let content_type = header_value(&parts.headers, "content-type").unwrap_or_default();
    let file = multipart_file(content_type, &bytes);
    lock(&shared.bulk).uploads.push(RecordedUpload {
        request_id: request_id.clone(),
        headers: parts
            .headers
            .iter()
            .map(|(n, v)| {
                (
                    n.as_str().to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        field: file.as_ref().map(|f| f.0.clone()).unwrap_or_default(),
        file_name: file.as_ref().map(|f| f.1.clone()).unwrap_or_default(),
        bytes: file.as_ref().map_or(0, |f| f.2.len()),
    });
    if lock(&shared.bulk).take_token_expiry_before_upload() {
        shared.expire_access_tokens();
    }
    if let Err(why) = authenticate(&shared, &parts.headers) {
        return plain(StatusCode::UNAUTHORIZED, why);
    }
    let Some((_, _, data)) = file else {
        return plain(
            StatusCode::BAD_REQUEST,
            "expected one multipart field named `file`\n",
        );
    };
    let (account, with_results) = {
        let store = lock(&shared.bulk);
        match store.jobs.get(&request_id).map(|j| &j.kind) {
            Some(JobKind::Upload {
                account,
                with_results,
                result: None,
            }) => (*account, *with_results),
            Some(JobKind::Upload { .. }) => {
                return plain(
                    StatusCode::CONFLICT,
                    "a file was already uploaded for this request\n",
                );
            }
            _ => return plain(StatusCode::NOT_FOUND, "unknown upload request\n"),
        }
    };
    let (result_rows, failed) = match files::read_upload(&data) {
        Ok(rows) => {
            let applied = apply::apply(&mut lock(&shared.data), account, rows, with_results);
            (applied.rows, applied.failed)
        }
        Err(files::Unreadable(why)) => {
            let mut error = files::Row::new();
            error.insert("Type".into(), "File Error".into());
            error.insert("Error".into(), "InvalidBulkFile".into());
            error.insert("Error Number".into(), "0".into());
            tracing::debug!(%why, "unreadable upload");
            (vec![error], true)
        }
    };
    let mut store = lock(&shared.bulk);
    let fault = store.jobs.get(&request_id).and_then(|j| j.fault);
    let file = files::write_file(&result_rows, false);
    let zipped = if fault == Some(BulkFault::CorruptZip) {
        let z = files::zip(&format!("{request_id}.csv"), &file);
        z.get(..z.len() / 2).unwrap_or_default().to_vec()
    } else {
        files::zip(&format!("{request_id}.csv"), &file)
    };
    if let Some(job) = store.jobs.get_mut(&request_id) {
        job.kind = JobKind::Upload {
            account,
            with_results,
            result: Some((zipped, failed)),
        };
        job.polls = 0;
    }
    (StatusCode::OK, "").into_response()
}
