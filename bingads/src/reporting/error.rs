//! Errors of reading a report file and of the reporting manager.

use std::path::PathBuf;

/// A report file could not be read. Each variant says where (path, line, column) and what
/// to do.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReportError {
    /// The file could not be opened or read.
    #[error("report file {}: {source}", path_text(.path))]
    Io {
        path: Option<PathBuf>,
        #[source]
        source: std::io::Error,
    },
    /// The zip archive is damaged, empty, encrypted or uses a compression other than deflate.
    #[error("report archive {}: {message}; download the report again", path_text(.path))]
    Archive {
        path: Option<PathBuf>,
        message: String,
    },
    /// The CSV/TSV text is malformed (an unterminated quote, a stray byte).
    #[error("report file line {line}: {message}; the file is damaged or not a {format} report")]
    Delimited {
        line: u64,
        format: &'static str,
        message: String,
    },
    /// The XML is malformed or not a report (`<Report>` with `<Table>` of `<Row>`s).
    #[error("XML report at byte {position}: {message}; the file is damaged or not an XML report")]
    Xml { position: u64, message: String },
    /// The report has no such column.
    #[error("the report has no column {column:?}; its columns are: {}", .present.join(", "))]
    MissingColumn {
        column: String,
        present: Vec<String>,
    },
    /// A cell does not hold the kind of value asked for.
    #[error(
        "line {line}, column {column}: {value:?} is not {expected}; read it with `text()` or another getter"
    )]
    Cell {
        line: u64,
        column: String,
        value: String,
        expected: &'static str,
    },
    /// A cell is not valid UTF-8.
    #[error("line {line}, column {column}: the cell is not valid UTF-8")]
    Encoding { line: u64, column: String },
    /// The file's format could not be told from its name or content.
    #[error("cannot tell the format of {}: {message}; pass the format (Csv, Tsv or Xml) in ReadOptions", path_text(.path))]
    UnknownFormat {
        path: Option<PathBuf>,
        message: String,
    },
    /// The report has data rows but no column names: the request excluded the column
    /// headers and the reader was not told the columns.
    #[error(
        "the report has no column header row; pass the request's columns in ReadOptions::columns (ReadOptions::for_request does)"
    )]
    NoColumns,
}

fn path_text(path: &Option<PathBuf>) -> String {
    path.as_ref()
        .map_or_else(|| "(stream)".to_string(), |p| p.display().to_string())
}
