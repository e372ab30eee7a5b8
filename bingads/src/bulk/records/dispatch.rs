//! The `records!` macro: from one list of `Variant(RecordType)` lines it makes [`BulkRecord`],
//! the `Type` → record dispatch for reading (fresh and in place), the JSON dispatch and the
//! writer dispatch, so adding a record type is adding one line to the list in `records/mod.rs`.
//! The helpers the expansion calls that need no per-type code live here too.

use super::BulkRecord;
use crate::bulk::error::BulkError;
use crate::bulk::file::writer::RowWriter;
use crate::bulk::record::{FormatVersion, UntypedRecord};
use crate::bulk::row::BulkRow;

macro_rules! records {
    ($($(#[$m:meta])* $variant:ident($ty:ty),)*) => {
        /// One record of a bulk file.
        // Variants are unboxed on purpose: a reader yields one record at a time, and a box
        // would cost an allocation per row on the hot path for a saving nobody keeps.
        #[allow(clippy::large_enum_variant)]
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum BulkRecord {
            /// The `Format Version` row.
            FormatVersion(FormatVersion),
            $($(#[$m])* $variant($ty),)*
            /// A record of a type without a typed record here: every cell kept as text.
            Untyped(UntypedRecord),
        }

        impl BulkRecord {
            /// The row type (`Keyword`, `Campaign`, ...).
            pub fn record_type(&self) -> &str {
                match self {
                    BulkRecord::FormatVersion(_) => "Format Version",
                    $(BulkRecord::$variant(_) => <$ty as TypedRecord>::TYPE,)*
                    BulkRecord::Untyped(u) => u.row.record_type(),
                }
            }

            /// The row number the record was read from (0 when built in memory).
            pub fn row_number(&self) -> u64 {
                match self {
                    BulkRecord::FormatVersion(v) => v.source.as_ref().map_or(0, BulkRow::number),
                    $(BulkRecord::$variant(r) => r.source().map_or(0, BulkRow::number),)*
                    BulkRecord::Untyped(u) => u.row.number(),
                }
            }

            /// The row this record was read from, if any.
            pub fn source(&self) -> Option<&BulkRow> {
                match self {
                    BulkRecord::FormatVersion(v) => v.source.as_ref(),
                    $(BulkRecord::$variant(r) => r.source(),)*
                    BulkRecord::Untyped(u) => Some(&u.row),
                }
            }

            /// The error rows the service attached to this record.
            pub fn errors(&self) -> &[RowError] {
                match self {
                    BulkRecord::FormatVersion(_) => &[],
                    $(BulkRecord::$variant(r) => r.errors(),)*
                    BulkRecord::Untyped(u) => &u.errors,
                }
            }

            pub(crate) fn push_error(&mut self, error: RowError) {
                match self {
                    BulkRecord::FormatVersion(_) => {}
                    $(BulkRecord::$variant(r) => r.attach_error(error),)*
                    BulkRecord::Untyped(u) => u.errors.push(error),
                }
            }

            /// Whether `row` is a further row of this (multi-row) record.
            pub(crate) fn continues_with(&self, row: &BulkRow) -> bool {
                match self {
                    $(BulkRecord::$variant(r) => r.continues_with(row),)*
                    _ => false,
                }
            }

            pub(crate) fn push_row(&mut self, row: BulkRow, positions: &mut Positions) -> Result<(), BulkError> {
                match self {
                    $(BulkRecord::$variant(r) => r.push_row(row, positions),)*
                    _ => Ok(()),
                }
            }

            /// Detaches the record from the row it was read from and returns that row. A
            /// detached record is written from its typed fields alone, like one built in
            /// memory (columns its table does not map are left empty). An untyped record is
            /// its row, so it keeps it (`None`).
            pub fn take_source(&mut self) -> Option<BulkRow> {
                match self {
                    BulkRecord::FormatVersion(v) => v.source.take(),
                    $(BulkRecord::$variant(r) => r.take_source(),)*
                    BulkRecord::Untyped(_) => None,
                }
            }
        }

        /// The `Type` of every typed record, in dispatch order: a row of any other type
        /// reads as [`BulkRecord::Untyped`].
        pub const TYPED_RECORD_TYPES: &[&str] = &[$(<$ty as TypedRecord>::TYPE,)*];

        /// Each typed record's position-cache slot, in the order of `TYPED_RECORD_TYPES`.
        #[cfg(test)]
        pub(crate) const TYPED_RECORD_KINDS: &[usize] = &[$(<$ty as TypedRecord>::KIND,)*];

        /// The record a row starts.
        pub(crate) fn from_row(row: BulkRow, positions: &mut Positions) -> Result<BulkRecord, BulkError> {
            let record_type = row.record_type();
            $(
                if record_type == <$ty as TypedRecord>::TYPE {
                    return table::read_row::<$ty>(row, positions).map(BulkRecord::$variant);
                }
            )*
            Ok(BulkRecord::Untyped(UntypedRecord { row, errors: Vec::new() }))
        }

        /// The record a row starts, read into `record`: in place, reusing its buffers, when
        /// it holds a record of the same type (`table::refill`); the row it was read from is
        /// left in `spare`. On an error `record` is left holding part of a record.
        pub(crate) fn refill(
            record: &mut BulkRecord,
            row: BulkRow,
            positions: &mut Positions,
            spare: &mut Option<BulkRow>,
        ) -> Result<(), BulkError> {
            let record_type = row.record_type();
            $(
                if record_type == <$ty as TypedRecord>::TYPE {
                    if let BulkRecord::$variant(r) = record {
                        return table::refill(r, row, positions, spare);
                    }
                    *spare = record.take_source();
                    *record = BulkRecord::$variant(table::read_row::<$ty>(row, positions)?);
                    return Ok(());
                }
            )*
            refill_untyped(record, row, spare);
            Ok(())
        }

        #[cfg(feature = "bulk-json")]
        impl BulkRecord {
            pub(crate) fn write_json(&self, w: &mut crate::bulk::json_doc::JsonWriter) {
                match self {
                    BulkRecord::FormatVersion(v) => super::json::write_format_version(v, w),
                    $(BulkRecord::$variant(r) => super::json::write_typed(r, w),)*
                    BulkRecord::Untyped(u) => super::json::write_untyped(u, w),
                }
            }
        }

        /// A typed record from its JSON members, `None` when `record_type` is not typed.
        #[cfg(feature = "bulk-json")]
        pub(crate) fn from_json(
            record_type: &str,
            object: &[(String, crate::bulk::json_doc::JsonValue)],
        ) -> Result<Option<BulkRecord>, String> {
            $(
                if record_type == <$ty as TypedRecord>::TYPE {
                    return super::json::read_typed::<$ty>(object).map(|r| Some(BulkRecord::$variant(r)));
                }
            )*
            Ok(None)
        }

        /// Writes a record's rows.
        pub(crate) fn write(record: &BulkRecord, out: &mut RowWriter) -> Result<(), BulkError> {
            match record {
                BulkRecord::FormatVersion(v) => check_version(v, out),
                $(BulkRecord::$variant(r) => table::write_record(r, out),)*
                BulkRecord::Untyped(u) => {
                    out.write_row(&u.row)?;
                    for e in &u.errors {
                        out.write_row(&e.row)?;
                    }
                    Ok(())
                }
            }
        }
    };
}

pub(super) use records;

/// Makes `record` the untyped record of `row`, reusing its error list and row buffers when it
/// is one already.
pub(crate) fn refill_untyped(record: &mut BulkRecord, row: BulkRow, spare: &mut Option<BulkRow>) {
    if let BulkRecord::Untyped(untyped) = record {
        *spare = Some(std::mem::replace(&mut untyped.row, row));
        untyped.errors.clear();
        return;
    }
    *spare = record.take_source();
    *record = BulkRecord::Untyped(UntypedRecord {
        row,
        errors: Vec::new(),
    });
}

pub(super) fn check_version(v: &FormatVersion, out: &mut RowWriter) -> Result<(), BulkError> {
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
