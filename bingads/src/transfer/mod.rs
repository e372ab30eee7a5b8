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

/// The setters of the landing options every result file has, whatever asks for it
/// ([`ResultFileOptions`], the bulk manager's parameters): the same three fields everywhere,
/// so the setters are written once.
macro_rules! landing_setters {
    () => {
        /// Expand a zip/gzip result into the file it holds (default true).
        pub fn decompress(mut self, decompress: bool) -> Self {
            self.decompress = decompress;
            self
        }
        /// Replace an existing file of the same name (default false: an existing file is an
        /// error).
        pub fn overwrite(mut self, overwrite: bool) -> Self {
            self.overwrite = overwrite;
            self
        }
        /// The whole operation must end within this.
        pub fn timeout(mut self, timeout: std::time::Duration) -> Self {
            self.timeout = Some(timeout);
            self
        }
    };
}
pub(crate) use landing_setters;

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
