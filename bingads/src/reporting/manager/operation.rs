//! A submitted report: ask for its status once, track it to the end on the polling
//! schedule, download it. A handle is a request id plus the client, so one can be rebuilt
//! from a stored id at any time (resume after a restart).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tokio::time::Instant;

use super::{ReportingDownloadParameters, ReportingError, open_report};
use crate::reporting::ReportReader;
use crate::transfer::{
    OperationKind, OperationState, OperationStatus, PollSchedule, ProgressSink, ResultFileOptions,
    ResultUrl, TransferError, download_result, track,
};
use crate::v13::reporting::{PollGenerateReportRequest, ReportRequestStatusType};
use crate::{Client, Nillable};

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// A report's status as `PollGenerateReport` gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReportStatus {
    /// `Pending`, `Success` or `Error` (an unknown word is kept).
    pub status: ReportRequestStatusType,
    /// Where the report can be downloaded (valid five minutes); `None` with `Success` means
    /// the report has no data.
    pub download_url: Option<String>,
    pub tracking_id: Option<String>,
}

#[derive(Debug)]
struct Handle {
    client: Client,
    request_id: String,
    schedule: PollSchedule,
    default_directory: PathBuf,
    max_decompressed_bytes: u64,
    /// The final status and when it was seen (its URL ages from then).
    done: Mutex<Option<(OperationStatus, Instant)>>,
}

/// A submitted report request (`SubmitGenerateReport`), tracked by `PollGenerateReport`.
#[derive(Debug, Clone)]
pub struct ReportingDownloadOperation {
    handle: Arc<Handle>,
}

fn state_of(status: &ReportRequestStatusType) -> OperationState {
    match status {
        ReportRequestStatusType::Pending => OperationState::InProgress,
        ReportRequestStatusType::Success => OperationState::Completed,
        // `Error`, and a word this version does not know: never polled forever.
        _ => OperationState::Failed,
    }
}

impl Handle {
    async fn fetch_status(&self) -> Result<OperationStatus, crate::Error> {
        let reply = self
            .client
            .reporting()?
            .poll_generate_report(&PollGenerateReportRequest {
                report_request_id: Nillable::Value(self.request_id.clone()),
            })
            .await?;
        let status = reply
            .value
            .report_request_status
            .into_value()
            .unwrap_or_default();
        let word = status.status.unwrap_or(ReportRequestStatusType::Error);
        let state = state_of(&word);
        let result = OperationStatus {
            state,
            status: word.as_str().to_string(),
            // The Reporting service gives no percentage: 0 while pending, 100 when done.
            percent_complete: if state == OperationState::InProgress {
                0
            } else {
                100
            },
            result_url: status
                .report_download_url
                .into_value()
                .filter(|u| !u.trim().is_empty()),
            errors: Vec::new(),
            tracking_id: reply.tracking_id,
        };
        if state != OperationState::InProgress {
            *lock(&self.done) = Some((result.clone(), Instant::now()));
        }
        Ok(result)
    }

    async fn track(
        &self,
        timeout: Option<Duration>,
        progress: Option<&ProgressSink>,
    ) -> Result<OperationStatus, ReportingError> {
        let done = lock(&self.done).clone();
        let status = match done {
            Some((s, _)) => s,
            None => {
                track(
                    OperationKind::Report,
                    &self.request_id,
                    self.schedule,
                    timeout,
                    progress,
                    || self.fetch_status(),
                )
                .await?
            }
        };
        match status.state {
            OperationState::Completed => Ok(status),
            _ => Err(TransferError::OperationFailed {
                kind: OperationKind::Report,
                request_id: self.request_id.clone(),
                status: status.status,
                errors: status.errors,
                tracking_id: status.tracking_id,
            }
            .into()),
        }
    }
}

fn report_status(s: OperationStatus) -> ReportStatus {
    ReportStatus {
        status: bingads_gen::xml::XmlText::parse_text(&s.status)
            .unwrap_or(ReportRequestStatusType::Error),
        download_url: s.result_url,
        tracking_id: s.tracking_id,
    }
}

impl ReportingDownloadOperation {
    pub(crate) fn new(
        client: Client,
        request_id: String,
        schedule: PollSchedule,
        default_directory: PathBuf,
        max_decompressed_bytes: u64,
    ) -> Self {
        ReportingDownloadOperation {
            handle: Arc::new(Handle {
                client,
                request_id,
                schedule,
                default_directory,
                max_decompressed_bytes,
                done: Mutex::new(None),
            }),
        }
    }

    /// The report request id: store it to resume later.
    pub fn request_id(&self) -> &str {
        &self.handle.request_id
    }

    /// One `PollGenerateReport` call (none once a final status was seen).
    #[doc(alias = "get_status", alias = "GetStatusAsync")]
    pub async fn status(&self) -> Result<ReportStatus, ReportingError> {
        if let Some((done, _)) = lock(&self.handle.done).clone() {
            return Ok(report_status(done));
        }
        Ok(report_status(self.handle.fetch_status().await?))
    }

    /// Polls on the schedule until the report is ready. `Error` is
    /// [`TransferError::OperationFailed`] with status `Error`; `timeout` ends tracking with
    /// [`TransferError::Timeout`] (the report goes on at the service).
    #[doc(alias = "TrackAsync")]
    pub async fn track(
        &self,
        timeout: Option<Duration>,
        progress: Option<&ProgressSink>,
    ) -> Result<ReportStatus, ReportingError> {
        Ok(report_status(self.handle.track(timeout, progress).await?))
    }

    /// Tracks the report to its end if needed, then downloads it as `options` says
    /// (directory, name, decompress, overwrite, timeout; `None`: the manager's working
    /// directory, `<request id>.csv`, decompressed). `None` when the report has no data.
    #[doc(alias = "download_result_file", alias = "DownloadResultFileAsync")]
    pub async fn download_result(
        &self,
        options: Option<ResultFileOptions>,
        progress: Option<&ProgressSink>,
    ) -> Result<Option<PathBuf>, ReportingError> {
        let handle = &self.handle;
        let mut options = options.unwrap_or_else(|| {
            ResultFileOptions::new(&handle.default_directory)
                .max_decompressed_bytes(handle.max_decompressed_bytes)
        });
        let started = Instant::now();
        let status = handle.track(options.timeout, progress).await?;
        let Some(url) = status.result_url else {
            return Ok(None);
        };
        let obtained = lock(&handle.done)
            .as_ref()
            .map_or_else(Instant::now, |(_, at)| *at);
        options.timeout = options.timeout.map(|t| t.saturating_sub(started.elapsed()));
        // An expired URL (five minutes) is exchanged by polling again: the service hands out
        // a fresh one for a finished report.
        let fresh = || async {
            let s = handle
                .fetch_status()
                .await
                .map_err(TransferError::Service)?;
            let url = s.result_url.ok_or_else(|| TransferError::NoResultUrl {
                kind: OperationKind::Report,
                request_id: handle.request_id.clone(),
            })?;
            Ok(ResultUrl::new(url))
        };
        let path = download_result(
            handle.client.http_client(),
            ResultUrl { url, obtained },
            fresh,
            &options,
            handle.client.request_timeout(),
            progress,
        )
        .await?;
        Ok(Some(path))
    }

    /// Downloads the report (kept zipped) and opens a streaming reader on it with the
    /// request's format and columns. `None` when the report has no data.
    pub(crate) async fn read_report(
        &self,
        params: &ReportingDownloadParameters,
        working: &Path,
        max_bytes: u64,
        timeout: Option<Duration>,
        progress: Option<&ProgressSink>,
    ) -> Result<Option<ReportReader>, ReportingError> {
        let mut options = params.file_options(working, max_bytes, timeout);
        // The reader streams the zip itself: no need to expand it on disk first.
        options.decompress = false;
        if options.file_name.is_none() {
            options.file_name = Some(format!("{}.zip", self.request_id()));
            options.overwrite = true;
        }
        let Some(path) = self.download_result(Some(options), progress).await? else {
            return Ok(None);
        };
        Ok(Some(open_report(&path, &params.report_request)?))
    }

    /// Tracks, downloads (kept zipped, in the manager's working directory) and opens the
    /// report for reading; `request` gives the format and, when the column row was
    /// excluded, the columns. `None` when the report has no data.
    pub async fn read(
        &self,
        request: &crate::v13::reporting::ReportRequest,
        progress: Option<&ProgressSink>,
    ) -> Result<Option<ReportReader>, ReportingError> {
        let params = ReportingDownloadParameters::new(request.clone());
        let working = self.handle.default_directory.clone();
        self.read_report(
            &params,
            &working,
            self.handle.max_decompressed_bytes,
            None,
            progress,
        )
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_words_map_to_states() {
        assert_eq!(
            state_of(&ReportRequestStatusType::Pending),
            OperationState::InProgress
        );
        assert_eq!(
            state_of(&ReportRequestStatusType::Success),
            OperationState::Completed
        );
        assert_eq!(
            state_of(&ReportRequestStatusType::Error),
            OperationState::Failed
        );
        assert_eq!(
            state_of(&ReportRequestStatusType::UnknownValue("New".into())),
            OperationState::Failed
        );
    }
}
