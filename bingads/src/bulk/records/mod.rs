//! [`BulkRecord`]: every record kind the reader yields and the writer takes, and the
//! dispatch from a row's `Type` to its record kind.

use std::sync::Arc;

use super::error::BulkError;
use super::file::writer::RowWriter;
use super::record::{FormatVersion, RowError, UntypedRecord};
use super::row::{BulkRow, Columns};

/// One record of a bulk file.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum BulkRecord {
    /// The `Format Version` row.
    FormatVersion(FormatVersion),
    /// A record of a type without a typed record here: every cell kept as text.
    Untyped(UntypedRecord),
}

impl BulkRecord {
    /// The row type (`Keyword`, `Campaign`, ...).
    pub fn record_type(&self) -> &str {
        match self {
            BulkRecord::FormatVersion(_) => "Format Version",
            BulkRecord::Untyped(u) => u.row.record_type(),
        }
    }

    /// The row number the record was read from (0 when built in memory).
    pub fn row_number(&self) -> u64 {
        match self {
            BulkRecord::FormatVersion(v) => v.source.as_ref().map_or(0, BulkRow::number),
            BulkRecord::Untyped(u) => u.row.number(),
        }
    }

    /// The error rows the service attached to this record.
    pub fn errors(&self) -> &[RowError] {
        match self {
            BulkRecord::FormatVersion(_) => &[],
            BulkRecord::Untyped(u) => &u.errors,
        }
    }

    pub(crate) fn push_error(&mut self, error: RowError) {
        match self {
            BulkRecord::FormatVersion(_) => {}
            BulkRecord::Untyped(u) => u.errors.push(error),
        }
    }

    /// Whether `row` is a further row of this (multi-row) record.
    pub(crate) fn continues_with(&self, _row: &BulkRow) -> bool {
        false
    }

    pub(crate) fn push_row(
        &mut self,
        _row: BulkRow,
        _positions: &mut Positions,
    ) -> Result<(), BulkError> {
        Ok(())
    }
}

/// Where each typed record's table columns sit in one header, worked out once per record
/// kind and header.
#[derive(Debug)]
pub(crate) struct Positions {
    // Used by the typed records of the newer bulkmgr this branch has not merged yet.
    #[allow(dead_code)]
    columns: Arc<Columns>,
}

impl Positions {
    pub(crate) fn new(columns: Arc<Columns>) -> Self {
        Positions { columns }
    }

    // Used by the typed records of the newer bulkmgr this branch has not merged yet.
    #[allow(dead_code)]
    pub(crate) fn columns(&self) -> &Arc<Columns> {
        &self.columns
    }
}

/// The record a row starts.
pub(crate) fn from_row(row: BulkRow, _positions: &mut Positions) -> Result<BulkRecord, BulkError> {
    Ok(BulkRecord::Untyped(UntypedRecord {
        row,
        errors: Vec::new(),
    }))
}

/// Writes a record's rows.
pub(crate) fn write(record: &BulkRecord, out: &mut RowWriter) -> Result<(), BulkError> {
    match record {
        BulkRecord::FormatVersion(v) => {
            if v.version != "6.0" && v.version != "6" {
                return Err(BulkError::InvalidRecord {
                    row: out.next_row_number(),
                    record_type: "Format Version".into(),
                    problem: format!(
                        "only format version 6.0 can be written, not {:?}",
                        v.version
                    ),
                });
            }
            // The writer wrote the version row when it started.
            Ok(())
        }
        BulkRecord::Untyped(u) => {
            out.write_row(&u.row)?;
            for e in &u.errors {
                out.write_row(&e.row)?;
            }
            Ok(())
        }
    }
}
