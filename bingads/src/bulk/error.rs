//! Errors of bulk file reading and writing. Each names the row (1-based, the header row is
//! row 1) and, where one cell is at fault, its column, so a user can find the cell in a
//! spreadsheet.

use std::fmt;

/// Why a bulk file could not be read or written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BulkError {
    /// Reading or writing the underlying file or stream failed.
    #[error("bulk file I/O failed ({context}): {source}")]
    Io {
        context: &'static str,
        #[source]
        source: std::io::Error,
    },
    /// The text is not well-formed CSV/TSV (or not UTF-8) at this row.
    #[error(
        "row {row}: the bulk file is malformed: {message}; check that the file is a CSV or TSV bulk file (format 6.0, UTF-8) and was not truncated"
    )]
    Malformed { row: u64, message: String },
    /// The zip or gzip container is corrupt, truncated or holds no file.
    #[error("the bulk archive cannot be read: {message}; download the file again")]
    Archive { message: String },
    /// The header row lacks the `Type` column or names a column twice.
    #[error("the bulk file header is not usable: {message}")]
    Header { message: String },
    /// The file declares a format version this reader does not read.
    #[error(
        "bulk file format version {found:?} is not supported (only 6.0 is); download the file with FormatVersion 6.0"
    )]
    UnsupportedFormatVersion { found: String },
    /// A cell does not hold a value of its column's format.
    #[error("row {row}, column {column:?} of a {record_type:?} record: {value:?} {problem}")]
    Value {
        row: u64,
        column: String,
        record_type: String,
        value: String,
        problem: String,
    },
    /// A record has a non-empty cell for a column the writer's header does not have; writing
    /// it would lose that value.
    #[error(
        "row {row}: column {column:?} (value {value:?}) is not in the writer's header; create the writer with `BulkFileWriter::with_columns` including it"
    )]
    UnknownColumn {
        row: u64,
        column: String,
        value: String,
    },
    /// A record cannot be written as given (for example a missing required part).
    #[error("row {row}: cannot write a {record_type:?} record: {problem}")]
    InvalidRecord {
        row: u64,
        record_type: String,
        problem: String,
    },
    /// A JSON line does not describe a bulk record.
    #[cfg(feature = "bulk-json")]
    #[error("line {line}: {message}")]
    Json { line: u64, message: String },
}

impl BulkError {
    pub(crate) fn io(context: &'static str) -> impl FnOnce(std::io::Error) -> BulkError {
        move |source| BulkError::Io { context, source }
    }

    pub(crate) fn from_csv(row: u64, e: csv::Error) -> BulkError {
        match e.into_kind() {
            csv::ErrorKind::Io(source) => BulkError::Io {
                context: "reading or writing bulk rows",
                source,
            },
            csv::ErrorKind::Utf8 { err, .. } => BulkError::Malformed {
                row,
                message: format!("field {} is not valid UTF-8", err.field() + 1),
            },
            other => BulkError::Malformed {
                row,
                message: format!("{other:?}"),
            },
        }
    }
}

/// Why one cell's text is not a value of its format (the reader adds row and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueError {
    pub problem: String,
}

impl ValueError {
    pub fn new(problem: impl Into<String>) -> Self {
        ValueError {
            problem: problem.into(),
        }
    }
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.problem)
    }
}

impl std::error::Error for ValueError {}
