//! Result-file downloads: an HTTPS GET streamed to a temporary file in the target directory
//! (never held in memory, and outside the API's response size cap), then decompressed or moved
//! into place. Result URLs expire (five minutes for bulk downloads): a URL older than that is
//! exchanged for a fresh one before the first byte is asked for, and a 403/404/410 on a URL is
//! answered by one fresh URL and one more try.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::io::AsyncWriteExt;
use tokio::time::Instant;

use super::archive::{DEFAULT_MAX_DECOMPRESSED_BYTES, Expand, expand};
use super::error::{TransferError, redact_url};
use super::landing::{TempFile, check_target};
use super::progress::{Progress, ProgressSink};
use crate::Error;

/// How long a result URL stays valid after the status call that returned it (bulk download
/// URLs live five minutes; a little is kept back for clock and network delays).
pub const RESULT_URL_LIFETIME: Duration = Duration::from_secs(270);

/// Where and how a result file lands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultFileOptions {
    /// The directory to write into (created if missing).
    pub directory: PathBuf,
    /// The file name; `None`: the name the service gave the file (the archive entry's name
    /// when decompressing).
    pub file_name: Option<String>,
    /// Expand a zip/gzip result into the file it holds.
    pub decompress: bool,
    /// Replace an existing file of the same name (otherwise [`TransferError::FileExists`]).
    pub overwrite: bool,
    /// The whole download (and decompression) must finish within this.
    pub timeout: Option<Duration>,
    /// Decompression stops with [`TransferError::ArchiveTooLarge`] past this many bytes.
    pub max_decompressed_bytes: u64,
}

impl Default for ResultFileOptions {
    fn default() -> Self {
        ResultFileOptions {
            directory: std::env::temp_dir(),
            file_name: None,
            decompress: true,
            overwrite: false,
            timeout: None,
            max_decompressed_bytes: DEFAULT_MAX_DECOMPRESSED_BYTES,
        }
    }
}

impl ResultFileOptions {
    pub fn new(directory: impl Into<PathBuf>) -> Self {
        ResultFileOptions {
            directory: directory.into(),
            ..Default::default()
        }
    }
    pub fn file_name(mut self, name: impl Into<String>) -> Self {
        self.file_name = Some(name.into());
        self
    }
    super::landing_setters!();
    pub fn max_decompressed_bytes(mut self, bytes: u64) -> Self {
        self.max_decompressed_bytes = bytes;
        self
    }
}

/// A result URL and when it was handed out.
#[derive(Debug, Clone)]
pub struct ResultUrl {
    pub url: String,
    pub obtained: Instant,
}

impl ResultUrl {
    pub fn new(url: impl Into<String>) -> Self {
        ResultUrl {
            url: url.into(),
            obtained: Instant::now(),
        }
    }

    fn is_stale(&self) -> bool {
        self.obtained.elapsed() >= RESULT_URL_LIFETIME
    }
}

/// Sets a flag when dropped, so blocking work started for a future stops when the future is
/// dropped (cancelled) instead of finishing behind the caller's back.
struct CancelOnDrop(Arc<AtomicBool>);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// Downloads a result file and lands it as `options` says; `fresh_url` asks the service for a
/// new URL when the one in hand has expired. `idle_timeout` ends a download that receives no
/// byte for that long.
pub async fn download_result<F, Fut>(
    http: &reqwest::Client,
    mut url: ResultUrl,
    mut fresh_url: F,
    options: &ResultFileOptions,
    idle_timeout: Duration,
    progress: Option<&ProgressSink>,
) -> Result<PathBuf, TransferError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<ResultUrl, TransferError>>,
{
    let deadline = options.timeout.map(|t| Instant::now() + t);
    let directory = options.directory.clone();
    tokio::fs::create_dir_all(&directory)
        .await
        .map_err(|e| TransferError::io(&directory, e))?;
    if let Some(name) = &options.file_name {
        // Before any byte is fetched: an existing file is never clobbered without overwrite.
        check_target(&directory.join(name), options.overwrite)?;
    }
    if url.is_stale() {
        tracing::debug!("result URL older than its lifetime; asking for a fresh one");
        url = fresh_url().await?;
    }
    let mut refreshed = false;
    let (temp, served_name) = loop {
        let name = url_file_name(&url.url);
        let landing = match (&options.file_name, options.decompress) {
            (Some(n), false) => directory.join(n),
            _ => directory.join(&name),
        };
        match fetch(http, &url.url, &landing, deadline, idle_timeout, progress).await {
            Ok(temp) => break (temp, name),
            Err(TransferError::HttpStatus { status, .. })
                if !refreshed && matches!(status, 403 | 404 | 410) =>
            {
                tracing::info!(
                    status,
                    "result URL refused (expired?); asking for a fresh one"
                );
                refreshed = true;
                url = fresh_url().await?;
            }
            Err(e) => return Err(e),
        }
    };
    if !options.decompress {
        let target = directory.join(options.file_name.as_deref().unwrap_or(&served_name));
        return temp.persist(&target, options.overwrite);
    }
    let cancelled = Arc::new(AtomicBool::new(false));
    let _cancel = CancelOnDrop(cancelled.clone());
    let file_name = options.file_name.clone();
    let overwrite = options.overwrite;
    let max_bytes = options.max_decompressed_bytes;
    let progress = progress.cloned();
    let work = tokio::task::spawn_blocking(move || {
        let job = Expand {
            source: temp.path(),
            directory: &directory,
            file_name: file_name.as_deref(),
            overwrite,
            max_bytes,
            cancelled: &cancelled,
            progress: progress.as_ref(),
        };
        let result = expand(&job);
        drop(temp);
        result
    });
    let joined = match deadline {
        Some(d) => match tokio::time::timeout_at(d, work).await {
            Ok(j) => j,
            Err(_) => {
                return Err(TransferError::TransferTimeout {
                    url: redact_url(&url.url),
                    after: options.timeout.unwrap_or_default(),
                });
            }
        },
        None => work.await,
    };
    joined.map_err(|e| TransferError::io(&options.directory, std::io::Error::other(e)))?
}

/// The last path segment of a URL (the service names result files `<request id>.zip`).
fn url_file_name(url: &str) -> String {
    url::Url::parse(url)
        .ok()
        .and_then(|u| {
            u.path_segments()
                .and_then(|mut s| s.next_back().map(str::to_string))
        })
        .map(|s| {
            s.chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                        c
                    } else {
                        '_'
                    }
                })
                .collect::<String>()
        })
        .filter(|s| !s.is_empty() && s != "." && s != "..")
        .unwrap_or_else(|| "result.zip".into())
}

/// GETs `url` into a temporary file next to `landing`, returning it once complete.
async fn fetch(
    http: &reqwest::Client,
    url: &str,
    landing: &Path,
    deadline: Option<Instant>,
    idle_timeout: Duration,
    progress: Option<&ProgressSink>,
) -> Result<TempFile, TransferError> {
    let shown = redact_url(url);
    let started = Instant::now();
    let timed_out = || TransferError::TransferTimeout {
        url: shown.clone(),
        after: started.elapsed(),
    };
    let network = |e: &reqwest::Error| TransferError::Network {
        url: shown.clone(),
        message: error_chain(e),
    };
    let mut request = http.get(url);
    // Per request: the client's overall timeout is sized for API calls, not for files.
    request = request.timeout(match deadline {
        Some(d) => d.saturating_duration_since(Instant::now()),
        None => Duration::from_secs(24 * 3600),
    });
    let send = request.send();
    let mut response = within(deadline, idle_timeout, send)
        .await
        .ok_or_else(timed_out)?
        .map_err(|e| {
            if e.is_timeout() {
                timed_out()
            } else {
                network(&e)
            }
        })?;
    let status = response.status().as_u16();
    if !(200..300).contains(&status) {
        return Err(TransferError::HttpStatus {
            url: shown.clone(),
            status,
            hint: match status {
                403 | 404 | 410 => {
                    "the URL has expired; poll the operation's status for a fresh one"
                }
                500..=599 => "the file server is having trouble; download again later",
                _ => "the file server refused the download",
            },
        });
    }
    let total = response.content_length();
    let (temp, file) = TempFile::create_for(landing)?;
    let mut out = tokio::io::BufWriter::with_capacity(256 * 1024, tokio::fs::File::from_std(file));
    let mut bytes: u64 = 0;
    loop {
        let chunk = within(deadline, idle_timeout, response.chunk())
            .await
            .ok_or_else(timed_out)?
            .map_err(|e| {
                if e.is_timeout() {
                    timed_out()
                } else {
                    network(&e)
                }
            })?;
        let Some(chunk) = chunk else { break };
        out.write_all(&chunk)
            .await
            .map_err(|e| TransferError::io(temp.path(), e))?;
        bytes = bytes.saturating_add(chunk.len() as u64);
        if let Some(p) = progress {
            p.emit(Progress::Download { bytes, total });
        }
    }
    if let Some(expected) = total.filter(|t| *t != bytes) {
        return Err(TransferError::Network {
            url: shown,
            message: format!("the connection ended after {bytes} of {expected} bytes"),
        });
    }
    out.flush()
        .await
        .map_err(|e| TransferError::io(temp.path(), e))?;
    let file = out.into_inner();
    file.sync_all()
        .await
        .map_err(|e| TransferError::io(temp.path(), e))?;
    Ok(temp)
}

/// Runs `f` until the deadline and at most `idle` (a stalled connection); `None` on timeout.
async fn within<T>(
    deadline: Option<Instant>,
    idle: Duration,
    f: impl Future<Output = T>,
) -> Option<T> {
    let idle_end = Instant::now() + idle;
    let end = deadline.map_or(idle_end, |d| d.min(idle_end));
    tokio::time::timeout_at(end, f).await.ok()
}

/// An error and its causes on one line.
pub(crate) fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}

/// A status call's error as a transfer error (for `fresh_url` closures).
pub fn service_error(e: Error) -> TransferError {
    TransferError::Service(e)
}
