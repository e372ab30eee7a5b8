//! What to download and where: the request, the result directory and file name, whether to
//! decompress, whether to overwrite, and a timeout for the whole operation.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::transfer::ResultFileOptions;
use crate::v13::reporting::ReportRequest;

/// Parameters of [`ReportingServiceManager::download_file`](super::ReportingServiceManager::download_file).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ReportingDownloadParameters {
    pub report_request: ReportRequest,
    /// `None`: the manager's working directory.
    pub result_directory: Option<PathBuf>,
    /// `None`: the name the service gave the report (`<request id>.csv`, or `.zip` kept).
    pub result_file_name: Option<String>,
    /// Expand the zip the service sends (default; a name ending in `.zip` turns it off, as
    /// in the official SDKs).
    pub decompress: bool,
    /// Replace an existing file (otherwise an existing file is an error before anything is
    /// downloaded).
    pub overwrite: bool,
    /// Submit, poll and download must finish within this.
    pub timeout: Option<Duration>,
}

impl ReportingDownloadParameters {
    pub fn new(report_request: ReportRequest) -> Self {
        ReportingDownloadParameters {
            report_request,
            result_directory: None,
            result_file_name: None,
            decompress: true,
            overwrite: false,
            timeout: None,
        }
    }

    #[doc(alias = "result_file_directory")]
    pub fn result_directory(mut self, dir: impl Into<PathBuf>) -> Self {
        self.result_directory = Some(dir.into());
        self
    }

    /// The file name; one ending in `.zip` keeps the archive as downloaded.
    pub fn result_file_name(mut self, name: impl Into<String>) -> Self {
        let name = name.into();
        if name.to_ascii_lowercase().ends_with(".zip") {
            self.decompress = false;
        }
        self.result_file_name = Some(name);
        self
    }

    #[doc(alias = "decompress_result_file")]
    pub fn decompress(mut self, decompress: bool) -> Self {
        self.decompress = decompress;
        self
    }

    #[doc(alias = "overwrite_result_file")]
    pub fn overwrite(mut self, overwrite: bool) -> Self {
        self.overwrite = overwrite;
        self
    }

    #[doc(alias = "timeout_in_milliseconds")]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    pub(crate) fn file_options(
        &self,
        working: &Path,
        max_bytes: u64,
        timeout: Option<Duration>,
    ) -> ResultFileOptions {
        let mut options = ResultFileOptions::new(
            self.result_directory
                .clone()
                .unwrap_or_else(|| working.to_path_buf()),
        )
        .decompress(self.decompress)
        .overwrite(self.overwrite)
        .max_decompressed_bytes(max_bytes);
        options.file_name = self.result_file_name.clone();
        options.timeout = timeout;
        options
    }
}
