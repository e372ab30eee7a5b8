//! [`ReportingServiceManager`]: reports end to end — submit, poll on the shared schedule,
//! download, decompress — on the [`crate::transfer`] module the Bulk manager uses too
//! (polling schedule, streamed downloads, expired-URL refresh, safe decompression, atomic
//! files, progress).
//!
//! ```no_run
//! # async fn example(client: bingads::Client) -> Result<(), bingads::reporting::ReportingError> {
//! use bingads::reporting::{ReportRequestType, ReportingDownloadParameters, ReportingServiceManager};
//! use bingads::v13::reporting::{KeywordPerformanceReportColumn as Col, KeywordPerformanceReportRequest};
//!
//! let request = KeywordPerformanceReportRequest::builder()
//!     .account(123)
//!     .columns([Col::Keyword, Col::Impressions, Col::Clicks, Col::Spend])
//!     .last_30_days()
//!     .build();
//! let manager = ReportingServiceManager::new(&client);
//! let params = ReportingDownloadParameters::new(request).result_directory("reports");
//! match manager.download_report(&params, None).await? {
//!     None => println!("no data for this period"),
//!     Some(mut report) => {
//!         while let Some(row) = report.next_row()? {
//!             println!("{} {:?}", row.get(Col::Keyword)?, row.i64(Col::Clicks)?);
//!         }
//!     }
//! }
//! # Ok(()) }
//! ```

mod operation;
mod params;

use std::path::PathBuf;
use std::time::Duration;

pub use operation::{ReportStatus, ReportingDownloadOperation};
pub use params::ReportingDownloadParameters;

use super::{ReadOptions, ReportError, ReportReader};
use crate::transfer::{DEFAULT_MAX_DECOMPRESSED_BYTES, PollSchedule, ProgressSink, TransferError};
use crate::v13::reporting::{ReportRequest, SubmitGenerateReportRequest};
use crate::{Client, Error, Nillable};

/// A reporting operation failed: submitting, tracking (the report failed with the service's
/// status, or tracking timed out with the request id kept), the transfer of the file, or
/// reading it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
#[doc(alias = "ReportingDownloadException", alias = "ReportingException")]
pub enum ReportingError {
    /// A service fault, `Error` status ([`TransferError::OperationFailed`] with status
    /// `Error`), a timeout ([`TransferError::Timeout`], resumable), an HTTP or file error.
    #[error(transparent)]
    Transfer(#[from] TransferError),
    /// The downloaded report could not be read.
    #[error(transparent)]
    Read(#[from] ReportError),
}

impl From<Error> for ReportingError {
    fn from(e: Error) -> Self {
        ReportingError::Transfer(TransferError::Service(e))
    }
}

impl ReportingError {
    /// The report request id, when the error keeps one (resume or check it).
    pub fn request_id(&self) -> Option<&str> {
        match self {
            ReportingError::Transfer(t) => t.request_id(),
            ReportingError::Read(_) => None,
        }
    }

    /// Whether tracking gave up on the caller's timeout (the report goes on at the service).
    pub fn is_timeout(&self) -> bool {
        matches!(
            self,
            ReportingError::Transfer(TransferError::Timeout { .. })
        )
    }
}

/// Submits report requests and downloads the reports for the client's credentials.
#[derive(Debug, Clone)]
pub struct ReportingServiceManager {
    client: Client,
    schedule: PollSchedule,
    working_directory: PathBuf,
    max_decompressed_bytes: u64,
}

impl ReportingServiceManager {
    /// A manager using `client`'s credentials, environment and connection pool; the default
    /// schedule (four polls 1 s apart, then every 5 s) and the system temporary directory.
    pub fn new(client: &Client) -> Self {
        ReportingServiceManager {
            client: client.clone(),
            schedule: PollSchedule::default(),
            working_directory: std::env::temp_dir().join("bingads-reports"),
            max_decompressed_bytes: DEFAULT_MAX_DECOMPRESSED_BYTES,
        }
    }

    /// The regular polling interval after the first four 1 s polls (at least 1 s).
    #[doc(alias = "poll_interval_in_milliseconds")]
    pub fn poll_interval(mut self, interval: Duration) -> Result<Self, TransferError> {
        self.schedule = PollSchedule::new(interval)?;
        Ok(self)
    }

    /// Where reports go unless the parameters name a directory.
    pub fn working_directory(mut self, dir: impl Into<PathBuf>) -> Self {
        self.working_directory = dir.into();
        self
    }

    /// The most bytes a report archive may expand to.
    pub fn max_decompressed_bytes(mut self, bytes: u64) -> Self {
        self.max_decompressed_bytes = bytes;
        self
    }

    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Submits the request (`SubmitGenerateReport`) and returns its handle at once.
    #[doc(alias = "submit_download", alias = "SubmitDownloadAsync")]
    pub async fn submit(
        &self,
        request: &ReportRequest,
    ) -> Result<ReportingDownloadOperation, ReportingError> {
        let reply = self
            .client
            .reporting()?
            .submit_generate_report(&SubmitGenerateReportRequest {
                report_request: Nillable::Value(request.clone()),
            })
            .await?;
        let id = reply
            .value
            .report_request_id
            .into_value()
            .unwrap_or_default();
        if id.is_empty() {
            return Err(TransferError::Service(Error::IncompleteReply {
                service: "Reporting",
                operation: "SubmitGenerateReport",
                missing: "report request id",
                tracking_id: reply.tracking_id,
            })
            .into());
        }
        Ok(self.resume(id))
    }

    /// A handle on a report submitted earlier (by this process or another), from its id.
    #[doc(alias = "ReportingDownloadOperation")]
    pub fn resume(&self, request_id: impl Into<String>) -> ReportingDownloadOperation {
        ReportingDownloadOperation::new(
            self.client.clone(),
            request_id.into(),
            self.schedule,
            self.working_directory.clone(),
            self.max_decompressed_bytes,
        )
    }

    /// Submits, polls until the report is ready, downloads and (unless asked not to)
    /// decompresses it. `None` when the service reports no data (`Success` without a URL).
    #[doc(alias = "DownloadFileAsync")]
    pub async fn download_file(
        &self,
        params: &ReportingDownloadParameters,
        progress: Option<&ProgressSink>,
    ) -> Result<Option<PathBuf>, ReportingError> {
        let started = tokio::time::Instant::now();
        let operation = self.submit(&params.report_request).await?;
        let remaining = params.timeout.map(|t| t.saturating_sub(started.elapsed()));
        let options = params.file_options(
            &self.working_directory,
            self.max_decompressed_bytes,
            remaining,
        );
        operation.download_result(Some(options), progress).await
    }

    /// [`download_file`](Self::download_file), then a streaming reader over the report
    /// (the zip is read in place, never extracted). `None` when there is no data.
    #[doc(alias = "DownloadReportAsync")]
    pub async fn download_report(
        &self,
        params: &ReportingDownloadParameters,
        progress: Option<&ProgressSink>,
    ) -> Result<Option<ReportReader>, ReportingError> {
        let started = tokio::time::Instant::now();
        let operation = self.submit(&params.report_request).await?;
        let remaining = params.timeout.map(|t| t.saturating_sub(started.elapsed()));
        operation
            .read_report(
                params,
                &self.working_directory,
                self.max_decompressed_bytes,
                remaining,
                progress,
            )
            .await
    }
}

/// Opens a downloaded report with the request's format and columns (needed when the request
/// excluded the column row).
pub(crate) fn open_report(
    path: &std::path::Path,
    request: &ReportRequest,
) -> Result<ReportReader, ReportError> {
    ReportReader::open_with(path, ReadOptions::for_request(request))
}
