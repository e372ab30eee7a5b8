//! Reporting: report requests for every report type of the Reporting service (with a builder
//! for the common cases), the streaming report reader for the CSV, TSV and XML files the
//! service produces, zipped or not, and [`ReportingServiceManager`], which submits, polls and
//! downloads reports on the shared [`crate::transfer`] module.

mod error;
mod manager;
mod reader;
mod request;
pub(crate) mod types;

pub use error::ReportError;
pub use manager::{
    ReportStatus, ReportingDownloadOperation, ReportingDownloadParameters, ReportingError,
    ReportingServiceManager,
};
pub use reader::{
    ColumnIndex, ColumnKey, Columns, ReadOptions, Records, ReportFooter, ReportHeader,
    ReportReader, ReportRecord, Row,
};
pub use request::{
    AggregatedReport, REPORT_TYPES, ReportBuilder, ReportLayout, ReportRequestType, TimedReport,
    report_columns,
};
