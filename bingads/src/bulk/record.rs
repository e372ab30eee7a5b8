//! What the reader yields and the writer takes: [`BulkRecord`], one entity of a bulk file
//! (one row, or several for multi-row records), with the error rows the service attached to
//! it. Types without a typed record yet are [`UntypedRecord`]s, which keep every cell.

use super::row::BulkRow;

/// An error row (`Keyword Error`, `Campaign Error`, ...) the service wrote after the row it
/// is about. The whole row is kept; the accessors read the error columns.
#[derive(Debug, Clone, PartialEq)]
pub struct RowError {
    pub row: BulkRow,
}

impl RowError {
    fn column(&self, name: &str) -> Option<&str> {
        self.row.get(name).filter(|v| !v.is_empty())
    }

    /// The error code name (`Error` column, e.g. `CampaignServiceInvalidKeywordText`).
    pub fn error(&self) -> Option<&str> {
        self.column("Error")
    }

    /// The numeric error code (`Error Number` column).
    pub fn number(&self) -> Option<&str> {
        self.column("Error Number")
    }

    /// The property the error is about (`Field Path` column).
    pub fn field_path(&self) -> Option<&str> {
        self.column("Field Path")
    }

    /// Editorial rejection details (`Editorial Location`, `Editorial Term`, `Editorial Reason
    /// Code`, `Publisher Countries`).
    pub fn editorial_location(&self) -> Option<&str> {
        self.column("Editorial Location")
    }

    pub fn editorial_term(&self) -> Option<&str> {
        self.column("Editorial Term")
    }

    pub fn editorial_reason_code(&self) -> Option<&str> {
        self.column("Editorial Reason Code")
    }

    pub fn publisher_countries(&self) -> Option<&str> {
        self.column("Publisher Countries")
    }
}

/// A record of a type this SDK does not type (yet): every cell as text.
#[derive(Debug, Clone, PartialEq)]
pub struct UntypedRecord {
    pub row: BulkRow,
    pub errors: Vec<RowError>,
}

/// The `Format Version` row every bulk file carries after its header. The reader yields it
/// (so nothing read is hidden); the writer writes its own version row first and skips this
/// record, refusing a version other than 6.0.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FormatVersion {
    /// `Name` column: `6.0`.
    pub version: String,
    pub source: Option<BulkRow>,
}

/// The row type name of error rows for records of type `record_type`.
pub(crate) fn is_error_type(record_type: &str) -> bool {
    record_type.ends_with(" Error") || record_type == "Error"
}

/// An empty `Format Version` record: a record to read into with
/// [`BulkFileReader::read_record`](super::BulkFileReader::read_record), which replaces it with
/// the first record read.
impl Default for super::BulkRecord {
    fn default() -> Self {
        super::BulkRecord::FormatVersion(FormatVersion::default())
    }
}
