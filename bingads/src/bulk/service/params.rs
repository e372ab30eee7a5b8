//! What a bulk download or upload asks for, as option structs with the official SDK's
//! parameters under Rust names (`DownloadParameters`, `UploadParameters`).

use std::path::PathBuf;
use std::time::Duration;

use crate::DateTime;
use crate::bulk::FileFormat;
use crate::v13::bulk::{CampaignScope, CompressionType, DataScope, DownloadEntity, ResponseMode};

/// The setters of the result-file options downloads and uploads share (same field names in
/// both structs, and the landing options of every result file), defined once so a change to
/// one applies to all.
macro_rules! result_file_setters {
    ($params:ty) => {
        impl $params {
            /// Where the result file goes (default: the manager's working directory).
            pub fn result_directory(mut self, dir: impl Into<PathBuf>) -> Self {
                self.result_directory = Some(dir.into());
                self
            }
            /// The result file's name (default: the name the service gives it).
            pub fn result_file_name(mut self, name: impl Into<String>) -> Self {
                self.result_file_name = Some(name.into());
                self
            }
            crate::transfer::landing_setters!();
        }
    };
}

/// Which entities a download covers.
#[derive(Debug, Clone, PartialEq)]
pub enum DownloadScope {
    /// Everything in these accounts (`DownloadCampaignsByAccountIds`).
    Accounts(Vec<i64>),
    /// These campaigns (`DownloadCampaignsByCampaignIds`).
    Campaigns(Vec<CampaignScope>),
}

/// A bulk download: what to download and where the result file goes.
#[derive(Debug, Clone, PartialEq)]
#[doc(alias = "SubmitDownloadParameters")]
pub struct DownloadParameters {
    pub scope: DownloadScope,
    /// Entity data, quality scores, bid suggestions (default: entity data).
    pub data_scope: Vec<DataScope>,
    /// Which record kinds to include (e.g. campaigns, ad groups, keywords).
    pub entities: Vec<DownloadEntity>,
    /// CSV or TSV (default CSV).
    pub file_format: FileFormat,
    /// Only what changed since this time (a delta download); `None` for everything. The sync
    /// time of a download is in its Account row ([`super::DownloadedFile::sync_time`]).
    pub last_sync_time: Option<DateTime>,
    /// How the service compresses the result file (default zip).
    pub compression: CompressionType,
    /// Where the result file goes (default: the manager's working directory).
    pub result_directory: Option<PathBuf>,
    /// The result file's name (default: the name the service gives it).
    pub result_file_name: Option<String>,
    /// Expand the zip into the CSV/TSV it holds (default true).
    pub decompress: bool,
    /// Replace an existing result file (default false: an existing file is an error).
    pub overwrite: bool,
    /// The whole operation (preparation and download) must end within this.
    pub timeout: Option<Duration>,
}

impl DownloadParameters {
    /// Every entity of these accounts.
    pub fn accounts(account_ids: impl IntoIterator<Item = i64>) -> Self {
        Self::with_scope(DownloadScope::Accounts(account_ids.into_iter().collect()))
    }

    /// Every entity of these campaigns (`(account id, campaign id)` pairs).
    pub fn campaigns(campaigns: impl IntoIterator<Item = (i64, i64)>) -> Self {
        Self::with_scope(DownloadScope::Campaigns(
            campaigns
                .into_iter()
                .map(|(account, campaign)| CampaignScope {
                    campaign_id: Some(campaign),
                    parent_account_id: Some(account),
                })
                .collect(),
        ))
    }

    fn with_scope(scope: DownloadScope) -> Self {
        DownloadParameters {
            scope,
            data_scope: vec![DataScope::EntityData],
            entities: vec![
                DownloadEntity::Campaigns,
                DownloadEntity::AdGroups,
                DownloadEntity::Keywords,
                DownloadEntity::Ads,
            ],
            file_format: FileFormat::Csv,
            last_sync_time: None,
            compression: CompressionType::Zip,
            result_directory: None,
            result_file_name: None,
            decompress: true,
            overwrite: false,
            timeout: None,
        }
    }

    pub fn entities(mut self, entities: impl IntoIterator<Item = DownloadEntity>) -> Self {
        self.entities = entities.into_iter().collect();
        self
    }
    pub fn data_scope(mut self, scope: impl IntoIterator<Item = DataScope>) -> Self {
        self.data_scope = scope.into_iter().collect();
        self
    }
    pub fn file_format(mut self, format: FileFormat) -> Self {
        self.file_format = format;
        self
    }
    pub fn since(mut self, last_sync_time: DateTime) -> Self {
        self.last_sync_time = Some(last_sync_time);
        self
    }
    pub fn compression(mut self, compression: CompressionType) -> Self {
        self.compression = compression;
        self
    }
}

result_file_setters!(DownloadParameters);

/// A bulk upload of a file, and where its result file goes.
#[derive(Debug, Clone, PartialEq)]
#[doc(alias = "FileUploadParameters")]
#[doc(alias = "SubmitUploadParameters")]
pub struct UploadParameters {
    /// The CSV/TSV (or zipped) bulk file; it is only read, never modified.
    pub file: PathBuf,
    /// Errors only, or errors with the uploaded rows (default errors only).
    pub response_mode: ResponseMode,
    /// Zip a plain file before sending it, as the service prefers (default true).
    pub compress: bool,
    /// Where the result file goes (default: the manager's working directory).
    pub result_directory: Option<PathBuf>,
    pub result_file_name: Option<String>,
    /// Expand the result zip (default true).
    pub decompress: bool,
    /// Replace an existing result file (default false).
    pub overwrite: bool,
    /// The whole operation must end within this.
    pub timeout: Option<Duration>,
}

impl UploadParameters {
    pub fn new(file: impl Into<PathBuf>) -> Self {
        UploadParameters {
            file: file.into(),
            response_mode: ResponseMode::ErrorsOnly,
            compress: true,
            result_directory: None,
            result_file_name: None,
            decompress: true,
            overwrite: false,
            timeout: None,
        }
    }
    pub fn response_mode(mut self, mode: ResponseMode) -> Self {
        self.response_mode = mode;
        self
    }
    pub fn compress(mut self, compress: bool) -> Self {
        self.compress = compress;
        self
    }
}

result_file_setters!(UploadParameters);

/// An upload of records (`upload_entities` in the official SDKs).
#[derive(Debug, Clone, PartialEq)]
#[doc(alias = "EntityUploadParameters")]
pub struct RecordUploadParameters {
    pub response_mode: ResponseMode,
    /// Where the result file goes when the upload goes through a file (more than
    /// [`super::SYNC_UPLOAD_MAX_RECORDS`] records, or when the service asks for it).
    pub result_directory: Option<PathBuf>,
    pub timeout: Option<Duration>,
}

impl Default for RecordUploadParameters {
    fn default() -> Self {
        RecordUploadParameters {
            response_mode: ResponseMode::ErrorsAndResults,
            result_directory: None,
            timeout: None,
        }
    }
}
