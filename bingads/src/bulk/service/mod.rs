//! [`BulkServiceManager`]: bulk downloads and uploads end to end, on the shared
//! [`crate::transfer`] module (polling schedule, streamed downloads, safe decompression,
//! atomic files).
//!
//! ```no_run
//! # async fn example(client: bingads::Client) -> Result<(), bingads::bulk::BulkServiceError> {
//! use bingads::bulk::{BulkRecord, BulkServiceManager, DownloadParameters};
//!
//! let manager = BulkServiceManager::new(&client);
//! let file = manager
//!     .download_file(&DownloadParameters::accounts([123]).result_directory("out"), None)
//!     .await?;
//! println!("{} (sync time {:?})", file.path.display(), file.sync_time);
//! for record in manager.download_records(&DownloadParameters::accounts([123]), None).await? {
//!     let record: BulkRecord = record?;
//!     println!("{} row {}", record.record_type(), record.row_number());
//! }
//! # Ok(()) }
//! ```
//!
//! Records come back as an iterator over the downloaded file ([`BulkFileReader`]), not as an
//! async stream: the file is on disk by then, reading it is CPU-bound parsing that needs no
//! network, and a plain iterator composes with everything (`filter`, `collect`, a
//! `spawn_blocking` around a large loop) while keeping memory flat.

mod error;
mod operation;
mod params;
mod upload;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

pub use error::BulkServiceError;
pub use operation::{BulkDownloadOperation, BulkUploadOperation};
pub use params::{DownloadParameters, DownloadScope, RecordUploadParameters, UploadParameters};
pub use upload::{
    MAX_UPLOAD_BYTES, MAX_UPLOAD_ROWS_PRODUCTION, MAX_UPLOAD_ROWS_SANDBOX, SYNC_UPLOAD_MAX_RECORDS,
    max_upload_rows,
};

use crate::bulk::{BulkFileReader, FileFormat};
use crate::transfer::{
    DEFAULT_MAX_DECOMPRESSED_BYTES, PollSchedule, ProgressSink, ResultFileOptions, TransferError,
};
use crate::v13::bulk::{
    DownloadCampaignsByAccountIdsRequest, DownloadCampaignsByCampaignIdsRequest, DownloadFileType,
};
use crate::{Client, DateTime, Flags, Nillable};

/// The bulk file format version this SDK reads and writes.
pub const FORMAT_VERSION: &str = "6.0";

pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Downloads and uploads bulk files for the client's account.
#[derive(Debug, Clone)]
pub struct BulkServiceManager {
    client: Client,
    schedule: PollSchedule,
    working_directory: PathBuf,
    max_decompressed_bytes: u64,
}

/// A downloaded bulk file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DownloadedFile {
    pub path: PathBuf,
    pub request_id: String,
    /// The Account row's `Sync Time`: pass it as the next download's `last_sync_time` to get
    /// only what changed (read from a decompressed file; `None` for a kept archive).
    pub sync_time: Option<String>,
}

impl DownloadedFile {
    /// [`Self::sync_time`] as a time, for the next download's
    /// [`DownloadParameters::since`].
    pub fn sync_time_utc(&self) -> Option<DateTime> {
        self.sync_time.as_deref().and_then(parse_sync_time)
    }
}

/// A bulk file's `Sync Time` (`MM/dd/yyyy HH:mm:ss`, UTC) or an ISO 8601 time.
pub fn parse_sync_time(text: &str) -> Option<DateTime> {
    if let Some(t) = DateTime::parse(text.trim()) {
        return Some(t);
    }
    let (date, time) = text.trim().split_once(' ')?;
    let mut d = date.split('/');
    let (month, day, year) = (d.next()?, d.next()?, d.next()?);
    let mut t = time.split(':');
    let (hour, minute, second) = (t.next()?, t.next()?, t.next()?);
    if d.next().is_some() || t.next().is_some() {
        return None;
    }
    DateTime::parse(&format!(
        "{year:0>4}-{month:0>2}-{day:0>2}T{hour:0>2}:{minute:0>2}:{second:0>2}Z"
    ))
}

impl BulkServiceManager {
    /// A manager using `client`'s credentials, account, environment and connection pool; the
    /// default schedule (poll interval 5 s) and the system temporary directory.
    pub fn new(client: &Client) -> Self {
        BulkServiceManager {
            client: client.clone(),
            schedule: PollSchedule::default(),
            working_directory: std::env::temp_dir().join("bingads-bulk"),
            max_decompressed_bytes: DEFAULT_MAX_DECOMPRESSED_BYTES,
        }
    }

    /// The regular polling interval after the first four 1 s polls (at least 1 s).
    #[doc(alias = "poll_interval_in_milliseconds")]
    pub fn poll_interval(mut self, interval: Duration) -> Result<Self, TransferError> {
        self.schedule = PollSchedule::new(interval)?;
        Ok(self)
    }

    /// Where result files go unless a call names a directory, and where upload files are
    /// zipped.
    pub fn working_directory(mut self, dir: impl Into<PathBuf>) -> Self {
        self.working_directory = dir.into();
        self
    }

    /// The most bytes a result archive may expand to.
    pub fn max_decompressed_bytes(mut self, bytes: u64) -> Self {
        self.max_decompressed_bytes = bytes;
        self
    }

    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Submits a download and returns its handle at once.
    #[doc(alias = "SubmitDownloadAsync")]
    pub async fn submit_download(
        &self,
        params: &DownloadParameters,
    ) -> Result<BulkDownloadOperation, BulkServiceError> {
        let bulk = self.client.bulk()?;
        let data_scope = Some(Flags::from_iter(params.data_scope.iter().cloned()));
        let entities = Nillable::Value(params.entities.clone());
        let file_type = Nillable::Value(match params.file_format {
            FileFormat::Csv => DownloadFileType::Csv,
            FileFormat::Tsv => DownloadFileType::Tsv,
        });
        let compression = Nillable::Value(params.compression.clone());
        let format_version = Nillable::Value(FORMAT_VERSION.to_string());
        let since = params.last_sync_time.map_or(Nillable::Nil, Nillable::Value);
        let reply = match &params.scope {
            DownloadScope::Accounts(ids) => {
                let r = bulk
                    .download_campaigns_by_account_ids(&DownloadCampaignsByAccountIdsRequest {
                        account_ids: Nillable::Value(ids.clone()),
                        compression_type: compression,
                        data_scope,
                        download_entities: entities,
                        download_file_type: file_type,
                        format_version,
                        last_sync_time_in_utc: since,
                    })
                    .await?;
                (
                    "DownloadCampaignsByAccountIds",
                    r.value.download_request_id,
                    r.tracking_id,
                )
            }
            DownloadScope::Campaigns(campaigns) => {
                let r = bulk
                    .download_campaigns_by_campaign_ids(&DownloadCampaignsByCampaignIdsRequest {
                        campaigns: Nillable::Value(campaigns.iter().cloned().map(Some).collect()),
                        compression_type: compression,
                        data_scope,
                        download_entities: entities,
                        download_file_type: file_type,
                        format_version,
                        last_sync_time_in_utc: since,
                    })
                    .await?;
                (
                    "DownloadCampaignsByCampaignIds",
                    r.value.download_request_id,
                    r.tracking_id,
                )
            }
        };
        let (operation, request_id, tracking_id) = reply;
        let request_id = request_id.into_value().unwrap_or_default();
        if request_id.is_empty() {
            return Err(crate::Error::IncompleteReply {
                service: "Bulk",
                operation,
                missing: "download request id",
                tracking_id,
            }
            .into());
        }
        Ok(self.download_operation(request_id))
    }

    /// A handle on an earlier download from its request id (resume after a restart or a
    /// timeout).
    pub fn download_operation(&self, request_id: impl Into<String>) -> BulkDownloadOperation {
        BulkDownloadOperation::new(
            self.client.clone(),
            request_id.into(),
            self.schedule,
            self.working_directory.clone(),
            self.max_decompressed_bytes,
        )
    }

    /// A handle on an earlier upload from its request id.
    pub fn upload_operation(&self, request_id: impl Into<String>) -> BulkUploadOperation {
        BulkUploadOperation::new(
            self.client.clone(),
            request_id.into(),
            self.schedule,
            self.working_directory.clone(),
            self.max_decompressed_bytes,
        )
    }

    fn result_options(
        &self,
        directory: Option<&Path>,
        file_name: Option<String>,
        decompress: bool,
        overwrite: bool,
    ) -> ResultFileOptions {
        ResultFileOptions {
            directory: directory.map_or_else(|| self.working_directory.clone(), Path::to_path_buf),
            file_name,
            decompress,
            overwrite,
            timeout: None,
            max_decompressed_bytes: self.max_decompressed_bytes,
        }
    }

    /// Submits a download, tracks it, downloads and (by default) decompresses the result
    /// file. `params.timeout` bounds the whole operation.
    #[doc(alias = "DownloadFileAsync")]
    pub async fn download_file(
        &self,
        params: &DownloadParameters,
        progress: Option<&ProgressSink>,
    ) -> Result<DownloadedFile, BulkServiceError> {
        let started = tokio::time::Instant::now();
        let operation = self.submit_download(params).await?;
        let mut options = self.result_options(
            params.result_directory.as_deref(),
            params.result_file_name.clone(),
            params.decompress,
            params.overwrite,
        );
        options.timeout = params.timeout.map(|t| t.saturating_sub(started.elapsed()));
        let path = operation.download_result(Some(options), progress).await?;
        let sync_time = if params.decompress {
            read_sync_time(&path).await
        } else {
            None
        };
        Ok(DownloadedFile {
            path,
            request_id: operation.request_id().to_string(),
            sync_time,
        })
    }

    /// Downloads like [`Self::download_file`] and returns an iterator over the file's records.
    #[doc(alias = "download_entities", alias = "DownloadEntitiesAsync")]
    pub async fn download_records(
        &self,
        params: &DownloadParameters,
        progress: Option<&ProgressSink>,
    ) -> Result<BulkFileReader, BulkServiceError> {
        let file = self.download_file(params, progress).await?;
        Ok(BulkFileReader::open(file.path)?)
    }
}

/// The `Sync Time` of the Account row, which comes right after the format version row.
async fn read_sync_time(path: &Path) -> Option<String> {
    let path = path.to_path_buf();
    tokio::task::spawn_blocking(move || {
        let reader = BulkFileReader::open(&path).ok()?.untyped();
        for record in reader.take(8).flatten() {
            if let crate::bulk::BulkRecord::Untyped(u) = &record {
                if u.row.record_type() == "Account" {
                    return u
                        .row
                        .get("Sync Time")
                        .filter(|s| !s.is_empty())
                        .map(str::to_string);
                }
            }
        }
        None
    })
    .await
    .ok()
    .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sync_times_parse_in_both_forms() {
        let bulk = parse_sync_time("12/6/2026 05:44:34").unwrap();
        assert_eq!(bulk, DateTime::utc(2026, 12, 6, 5, 44, 34));
        assert_eq!(parse_sync_time("2026-12-06T05:44:34Z"), Some(bulk));
        assert_eq!(parse_sync_time("12/06/2026"), None);
        assert_eq!(parse_sync_time("1/2/3/4 1:2:3"), None);
    }
}
