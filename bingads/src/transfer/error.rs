//! Errors of long-running operations and their file transfers, one variant per thing a caller
//! reacts to differently: resume later (timeout, keeping the request id), fix the request
//! (operation failed, with the service's errors), free disk space or pick another path (I/O,
//! existing file), distrust the file (unsafe or oversized archive).

use std::path::PathBuf;
use std::time::Duration;

use crate::{ApiError, Error};

/// Which kind of operation a transfer belongs to (for messages and for the caller's match).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum OperationKind {
    BulkDownload,
    BulkUpload,
    Report,
}

impl std::fmt::Display for OperationKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            OperationKind::BulkDownload => "bulk download",
            OperationKind::BulkUpload => "bulk upload",
            OperationKind::Report => "report",
        })
    }
}

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TransferError {
    /// A service call (submit or status) failed; see the inner error for codes and TrackingId.
    #[error(transparent)]
    Service(#[from] Error),
    /// The service finished the operation without a result: its status and errors say why.
    #[error("{kind} {request_id} ended with status {status}{}{}; fix the request and submit it again", errors_text(.errors), tracking(.tracking_id))]
    OperationFailed {
        kind: OperationKind,
        request_id: String,
        /// The service's status, e.g. `Failed`, `FailedFullSyncRequired`, `Expired`.
        status: String,
        errors: Vec<ApiError>,
        tracking_id: Option<String>,
    },
    /// Tracking gave up after the caller's timeout; the operation goes on at the service.
    #[error(
        "{kind} {request_id} was still {last_status} ({percent_complete}% complete) after {after:?}; resume it later from its request id"
    )]
    Timeout {
        kind: OperationKind,
        request_id: String,
        after: Duration,
        last_status: String,
        percent_complete: i32,
    },
    /// A polling interval below the service's minimum.
    #[error(
        "poll interval {0:?} is below the minimum of 1 s; the service throttles faster polling"
    )]
    PollIntervalTooShort(Duration),
    /// The operation completed but the service gave no result file URL.
    #[error("{kind} {request_id} completed without a result file URL")]
    NoResultUrl {
        kind: OperationKind,
        request_id: String,
    },
    /// The result file server answered with an HTTP error (after one fresh URL was tried
    /// where the status says the URL had expired).
    #[error("downloading the result file from {url}: HTTP {status}; {hint}")]
    HttpStatus {
        /// The URL without its query (which holds the access signature).
        url: String,
        status: u16,
        hint: &'static str,
    },
    /// The connection to the file server failed or stalled.
    #[error(
        "transferring {url}: {message}; check the network and try again (a download can be resumed from its request id)"
    )]
    Network { url: String, message: String },
    /// No transfer finished within the caller's timeout.
    #[error(
        "transferring {url} did not finish within {after:?}; raise the timeout or resume later"
    )]
    TransferTimeout { url: String, after: Duration },
    /// The target file exists and overwriting was not asked for.
    #[error("{} already exists; pass overwrite to replace it, or choose another name", .path.display())]
    FileExists { path: PathBuf },
    /// A local file could not be read, written, renamed or created.
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// An archive entry would land outside the target directory (zip slip) or is not a file.
    #[error("refusing archive entry `{name}`: it would be written outside the target directory")]
    UnsafeArchiveEntry { name: String },
    /// Decompression went past the configured limit (a zip bomb or an unexpected file).
    #[error(
        "the archive expands past the limit of {limit} bytes; raise `max_decompressed_bytes` if the file is expected to be this large"
    )]
    ArchiveTooLarge { limit: u64 },
    /// The file is not a readable zip/gzip archive, or it was cut short.
    #[error("corrupt or truncated archive {}: {message}; download it again", .path.display())]
    CorruptArchive { path: PathBuf, message: String },
    /// The upload file breaks a service limit; nothing was sent.
    #[error("{message}; nothing was uploaded")]
    UploadLimit { message: String },
}

impl TransferError {
    /// The request id of the operation, when the error keeps one (for resuming).
    pub fn request_id(&self) -> Option<&str> {
        match self {
            TransferError::OperationFailed { request_id, .. }
            | TransferError::Timeout { request_id, .. }
            | TransferError::NoResultUrl { request_id, .. } => Some(request_id),
            _ => None,
        }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        TransferError::Io {
            path: path.into(),
            source,
        }
    }
}

fn errors_text(errors: &[ApiError]) -> String {
    if errors.is_empty() {
        return String::new();
    }
    let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
    format!(": {}", list.join("; "))
}

fn tracking(id: &Option<String>) -> String {
    id.as_ref()
        .map(|t| format!(" (TrackingId {t})"))
        .unwrap_or_default()
}

/// A URL for messages: scheme, host and path, never the query (result and upload URLs carry
/// their access signature there).
pub(crate) fn redact_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) => {
            if u.query().is_some() {
                u.set_query(Some("…"));
            }
            u.set_fragment(None);
            let _ = u.set_password(None);
            u.to_string()
        }
        Err(_) => url.split('?').next().unwrap_or_default().to_string(),
    }
}
