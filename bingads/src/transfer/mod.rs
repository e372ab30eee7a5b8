//! Long-running operations with a result file: submit, poll the status on the official SDKs'
//! schedule, download the file, decompress it, and land it on disk safely. Shared by the Bulk
//! manager ([`crate::bulk`]) and the Reporting manager.
//!
//! # Polling schedule
//!
//! [`PollSchedule`]: the first poll 1 s after submitting, then three more 1 s apart (at 1, 2,
//! 3 and 4 s), then one every `poll_interval` (default 5 s: at 9, 14, 19 s, ...). An interval
//! below 1 s is refused ([`TransferError::PollIntervalTooShort`]). Status calls throttled with
//! 117 are waited out and retried by the transport as the client's [`crate::RetryPolicy`]
//! says; 4204 on a submit likewise. A timeout ends tracking with [`TransferError::Timeout`],
//! which keeps the request id: the operation goes on at the service and can be resumed.
//!
//! # Files
//!
//! Downloads stream to disk (never through memory, and outside the size cap of API responses)
//! into a temporary file in the target directory that is renamed into place when complete;
//! any failure or a dropped future removes it (`landing`). An existing file is replaced only
//! with `overwrite`. Zip and gzip results are expanded with zip-slip and size-limit checks
//! ([`archive`]). Expired result URLs are exchanged for fresh ones ([`download_result`]).
//! Progress (percent complete, bytes) goes to a [`ProgressSink`].

pub mod archive;
mod download;
mod error;
pub(crate) mod landing;
mod progress;
mod schedule;
mod upload;

pub use archive::{DEFAULT_MAX_DECOMPRESSED_BYTES, FileKind, detect};
pub use download::{
    RESULT_URL_LIFETIME, ResultFileOptions, ResultUrl, download_result, service_error,
};
pub use error::{OperationKind, TransferError};
pub use progress::{Progress, ProgressSink};
pub use schedule::{OperationState, OperationStatus, PollSchedule, track};
pub use upload::{MultipartUpload, post_multipart};
