//! Bulk files (format 6.0): a streaming [`BulkFileReader`] and [`BulkFileWriter`] for the CSV
//! and TSV files the Bulk service exchanges, and [`BulkRecord`]s that map rows to the
//! generated Campaign Management types.
//!
//! Reading keeps every row losslessly: a record holds the row it was read from, so columns it
//! does not map, unknown columns and unknown record types are written back cell for cell. A
//! field changed in a typed record is written in the service's format.

mod asset_link_json;
pub mod audience_values;
pub mod condition_values;
pub mod criterion_parts;
pub mod criterion_values;
mod error;
pub mod extension_values;
pub mod file;
pub mod image_assets;
#[cfg(feature = "bulk-json")]
mod json;
#[cfg(feature = "bulk-json")]
mod json_doc;
mod record;
pub mod records;
pub mod remarketing_rule;
mod row;
mod row_ref;
pub mod schedule_values;
pub(crate) mod table;
pub mod text_assets;
pub mod tree_values;
pub mod values;
pub mod video_assets;
// The BulkServiceManager (downloads, uploads, operation handles).
pub mod service;

pub use error::{BulkError, ValueError};
pub use file::format::FileFormat;
pub use file::reader::BulkFileReader;
pub use file::writer::BulkFileWriter;
pub use record::{FormatVersion, RowError, UntypedRecord};
pub use records::*;
pub use row::{BulkRow, Columns};
pub use row_ref::RowRef;
pub use service::{
    BulkDownloadOperation, BulkServiceError, BulkServiceManager, BulkUploadOperation,
    DownloadParameters, DownloadScope, DownloadedFile, RecordUploadParameters, UploadParameters,
};
