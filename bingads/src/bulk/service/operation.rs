//! Handles on submitted bulk operations: ask for the status once, track to the end on the
//! polling schedule, and download the result file. A handle is only a request id plus the
//! client, so one can be rebuilt from a stored id at any time (resume after a restart).

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::time::Instant;

use crate::transfer::{
    OperationKind, OperationState, OperationStatus, PollSchedule, ProgressSink, ResultFileOptions,
    ResultUrl, TransferError, download_result, track,
};
use crate::v13::bulk::{GetBulkDownloadStatusRequest, GetBulkUploadStatusRequest, OperationError};
use crate::{ApiError, Client, Nillable};

use super::{BulkServiceError, lock};

/// What every operation handle holds.
#[derive(Debug)]
struct Handle {
    client: Client,
    request_id: String,
    kind: OperationKind,
    schedule: PollSchedule,
    /// The result directory when the caller names none.
    default_directory: PathBuf,
    max_decompressed_bytes: u64,
    /// The final status and when it was seen (its result URL ages from then), so later
    /// calls do not poll again.
    done: Mutex<Option<(OperationStatus, Instant)>>,
}

impl Handle {
    async fn fetch_status(&self) -> Result<OperationStatus, crate::Error> {
        let bulk = self.client.bulk()?;
        let id = Nillable::Value(self.request_id.clone());
        let (status, percent, url, errors, tracking_id) = match self.kind {
            OperationKind::BulkUpload => {
                let r = bulk
                    .get_bulk_upload_status(&GetBulkUploadStatusRequest { request_id: id })
                    .await?;
                let v = r.value;
                (
                    v.request_status,
                    v.percent_complete,
                    v.result_file_url,
                    v.errors,
                    r.tracking_id,
                )
            }
            _ => {
                let r = bulk
                    .get_bulk_download_status(&GetBulkDownloadStatusRequest { request_id: id })
                    .await?;
                let v = r.value;
                (
                    v.request_status,
                    v.percent_complete,
                    v.result_file_url,
                    v.errors,
                    r.tracking_id,
                )
            }
        };
        let status = status.into_value().unwrap_or_default();
        let state = state_of(self.kind, &status);
        let result = OperationStatus {
            state,
            status,
            percent_complete: percent.unwrap_or(0).clamp(0, 100),
            result_url: url.into_value().filter(|u| !u.is_empty()),
            errors: api_errors(errors),
            tracking_id,
        };
        if state != OperationState::InProgress {
            *lock(&self.done) = Some((result.clone(), Instant::now()));
        }
        Ok(result)
    }

    async fn status(&self) -> Result<OperationStatus, BulkServiceError> {
        if let Some((done, _)) = lock(&self.done).clone() {
            return Ok(done);
        }
        Ok(self.fetch_status().await?)
    }

    async fn track(
        &self,
        timeout: Option<Duration>,
        progress: Option<&ProgressSink>,
    ) -> Result<OperationStatus, BulkServiceError> {
        let done = lock(&self.done).clone();
        let status = match done {
            Some((s, _)) => s,
            None => {
                track(
                    self.kind,
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
                kind: self.kind,
                request_id: self.request_id.clone(),
                status: status.status,
                errors: status.errors,
                tracking_id: status.tracking_id,
            }
            .into()),
        }
    }

    async fn download(
        &self,
        options: Option<ResultFileOptions>,
        progress: Option<&ProgressSink>,
    ) -> Result<PathBuf, BulkServiceError> {
        let options = options.unwrap_or_else(|| {
            ResultFileOptions::new(&self.default_directory)
                .max_decompressed_bytes(self.max_decompressed_bytes)
        });
        let started = Instant::now();
        let status = self.track(options.timeout, progress).await?;
        let url = status
            .result_url
            .ok_or_else(|| TransferError::NoResultUrl {
                kind: self.kind,
                request_id: self.request_id.clone(),
            })?;
        // The URL ages from the status call that returned it (long ago for a handle that
        // completed earlier): `download_result` asks for a fresh one when it is too old.
        let obtained = lock(&self.done)
            .as_ref()
            .map_or_else(Instant::now, |(_, at)| *at);
        let url = ResultUrl { url, obtained };
        let remaining = options.timeout.map(|t| t.saturating_sub(started.elapsed()));
        let mut options = options;
        options.timeout = remaining;
        let fresh = || async {
            let s = self.fetch_status().await.map_err(TransferError::Service)?;
            let url = s.result_url.ok_or_else(|| TransferError::NoResultUrl {
                kind: self.kind,
                request_id: self.request_id.clone(),
            })?;
            Ok(ResultUrl::new(url))
        };
        Ok(download_result(
            self.client.http_client(),
            url,
            fresh,
            &options,
            self.client.request_timeout(),
            progress,
        )
        .await?)
    }
}

/// Maps the service's status words: download `InProgress` / `Completed` / `Failed`,
/// `FailedFullSyncRequired`; upload `PendingFileUpload`, `FileUploaded`, `InProgress` /
/// `Completed`, `CompletedWithErrors` / `Failed`, `Expired`, `Aborted`. Anything else ends
/// tracking as failed (as the official SDKs do), so an unknown status is never polled forever.
fn state_of(kind: OperationKind, status: &str) -> OperationState {
    match (kind, status) {
        (_, "InProgress") => OperationState::InProgress,
        (OperationKind::BulkUpload, "PendingFileUpload" | "FileUploaded") => {
            OperationState::InProgress
        }
        (_, "Completed") => OperationState::Completed,
        (OperationKind::BulkUpload, "CompletedWithErrors") => OperationState::Completed,
        _ => OperationState::Failed,
    }
}

fn api_errors(errors: Nillable<Vec<Option<OperationError>>>) -> Vec<ApiError> {
    errors
        .into_value()
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .map(|e| ApiError {
            code: e.code,
            error_code: e.error_code.into_value(),
            message: e.message.into_value(),
            details: e.details.into_value(),
            list: "Errors".into(),
            ..Default::default()
        })
        .collect()
}

macro_rules! operation_handle {
    ($(#[$doc:meta])* $name:ident, $kind:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone)]
        pub struct $name {
            handle: Arc<Handle>,
        }

        impl $name {
            pub(crate) fn new(
                client: Client,
                request_id: String,
                schedule: PollSchedule,
                default_directory: PathBuf,
                max_decompressed_bytes: u64,
            ) -> Self {
                $name {
                    handle: Arc::new(Handle {
                        client,
                        request_id,
                        kind: $kind,
                        schedule,
                        default_directory,
                        max_decompressed_bytes,
                        done: Mutex::new(None),
                    }),
                }
            }

            /// The service's request id: store it to resume this operation later.
            pub fn request_id(&self) -> &str {
                &self.handle.request_id
            }

            /// One status call (none once a final status was seen).
            #[doc(alias = "get_status", alias = "GetStatusAsync")]
            pub async fn status(&self) -> Result<OperationStatus, BulkServiceError> {
                self.handle.status().await
            }

            /// Polls on the schedule until the operation completes. A failed operation is
            /// [`TransferError::OperationFailed`] with the service's errors; `timeout` ends
            /// tracking with [`TransferError::Timeout`] (the operation goes on at the service).
            #[doc(alias = "TrackAsync")]
            pub async fn track(
                &self,
                timeout: Option<Duration>,
                progress: Option<&ProgressSink>,
            ) -> Result<OperationStatus, BulkServiceError> {
                self.handle.track(timeout, progress).await
            }

            /// Tracks the operation to its end if needed, then downloads the result file as
            /// `options` says (directory, name, decompress, overwrite, timeout; `None`: the
            /// manager's working directory, the service's name, decompressed).
            #[doc(alias = "download_result_file", alias = "DownloadResultFileAsync")]
            pub async fn download_result(
                &self,
                options: Option<ResultFileOptions>,
                progress: Option<&ProgressSink>,
            ) -> Result<PathBuf, BulkServiceError> {
                self.handle.download(options, progress).await
            }
        }
    };
}

operation_handle!(
    /// A submitted bulk download (`DownloadCampaignsBy...`), tracked by `GetBulkDownloadStatus`.
    BulkDownloadOperation,
    OperationKind::BulkDownload
);
operation_handle!(
    /// A submitted bulk upload, tracked by `GetBulkUploadStatus`.
    BulkUploadOperation,
    OperationKind::BulkUpload
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_words_map_as_the_official_sdks_do() {
        use OperationKind::{BulkDownload as D, BulkUpload as U};
        use OperationState::{Completed, Failed, InProgress};
        for (kind, word, state) in [
            (D, "InProgress", InProgress),
            (D, "Completed", Completed),
            (D, "Failed", Failed),
            (D, "FailedFullSyncRequired", Failed),
            (D, "CompletedWithErrors", Failed),
            (U, "PendingFileUpload", InProgress),
            (U, "FileUploaded", InProgress),
            (U, "InProgress", InProgress),
            (U, "Completed", Completed),
            (U, "CompletedWithErrors", Completed),
            (U, "Expired", Failed),
            (U, "Aborted", Failed),
            (U, "SomethingNew", Failed),
        ] {
            assert_eq!(state_of(kind, word), state, "{kind} {word}");
        }
    }
}
