//! Declarative column tables: a typed record is described by one table of
//! `(column, field path, format)` entries, and the generic engine here reads rows into records
//! and writes records into rows from that table. Adding a record type is adding a table.
//!
//! ```ignore
//! pub(crate) static TABLE: &[Column<BulkKeyword>] = &[
//!     col!("Parent Id" => ad_group_id, Long),          // bulk-only field
//!     field!("Bid" => keyword.bid, KeywordBid),         // a field of the API object
//! ];
//! ```
//!
//! Reading visits only the table's columns, at positions worked out once per header
//! ([`Positions`]), and skips empty cells (an empty cell is the default value), so a
//! 442-column row costs what its few mapped, non-empty cells cost.

use std::sync::Arc;

use super::error::{BulkError, ValueError};
use super::file::writer::RowWriter;
use super::record::RowError;
use super::row::{BulkRow, Columns};

/// One column of a record type: where its value lives and how it is written.
pub(crate) struct Column<R> {
    /// The bulk file column (`Parent Id`).
    pub name: &'static str,
    /// The field it maps to (`keyword.bid`), for documentation and error messages.
    pub field: &'static str,
    /// The cell format's name (`KeywordBid`), for documentation and tests.
    #[cfg_attr(not(test), allow(dead_code))]
    pub format: &'static str,
    /// Whether the field belongs to the embedded API object (JSON: inside it) rather than to
    /// the bulk record (JSON: beside it, keyed by the column name without spaces).
    #[cfg_attr(not(feature = "bulk-json"), allow(dead_code))]
    pub in_entity: bool,
    /// Parses a non-empty cell into the field.
    pub read: fn(&mut R, &str) -> Result<(), ValueError>,
    /// The same into a fresh record, free to take the field's allocations from the record
    /// read before (`CellFormat::reread`; [`refill`]). `col!`/`field!` fill it in; a column
    /// written out by hand with nothing to reuse repeats its `read` and ignores the old record.
    pub reread: fn(&mut R, &mut R, &str) -> Result<(), ValueError>,
    /// Appends the field's cell text.
    pub write: fn(&R, &mut String),
}

/// A column mapped to a field of the record itself (a bulk-only field).
macro_rules! col {
    ($name:expr => $($field:ident).+, $fmt:ty) => {
        $crate::bulk::table::Column {
            name: $name,
            field: stringify!($($field).+),
            format: stringify!($fmt),
            in_entity: false,
            read: |r, s| <$fmt as $crate::bulk::values::CellFormat<_>>::read_into(&mut r.$($field).+, s),
            reread: |r, old, s| <$fmt as $crate::bulk::values::CellFormat<_>>::reread(&mut r.$($field).+, &mut old.$($field).+, s),
            write: |r, out| <$fmt as $crate::bulk::values::CellFormat<_>>::format(&r.$($field).+, out),
        }
    };
}

/// A column mapped to a field of the embedded API object.
macro_rules! field {
    ($name:expr => $($field:ident).+, $fmt:ty) => {
        $crate::bulk::table::Column {
            name: $name,
            field: stringify!($($field).+),
            format: stringify!($fmt),
            in_entity: true,
            read: |r, s| <$fmt as $crate::bulk::values::CellFormat<_>>::read_into(&mut r.$($field).+, s),
            reread: |r, old, s| <$fmt as $crate::bulk::values::CellFormat<_>>::reread(&mut r.$($field).+, &mut old.$($field).+, s),
            write: |r, out| <$fmt as $crate::bulk::values::CellFormat<_>>::format(&r.$($field).+, out),
        }
    };
}

pub(crate) use {col, field};

/// A record type described by a column table.
pub(crate) trait TypedRecord: Default + Clone + Sized + 'static {
    /// The `Type` cell (`Keyword`).
    const TYPE: &'static str;
    /// Index into the per-header position cache (unique per record type).
    const KIND: usize;
    /// The column table, in the order cells are read (a column whose parsing depends on
    /// another comes after it).
    fn table() -> &'static [Column<Self>];
    /// The row this record was read from, if any.
    fn source(&self) -> Option<&BulkRow>;
    fn set_source(&mut self, row: BulkRow);
    /// Takes the row this record was read from out of it (its buffers are reused for the
    /// next row read; a record that does not give it up is simply dropped with it).
    fn take_source(&mut self) -> Option<BulkRow> {
        None
    }
    fn errors(&self) -> &[RowError];
    fn errors_mut(&mut self) -> &mut Vec<RowError>;

    /// Whether `row` is a further row of this record (multi-row records).
    fn continues_with(&self, _row: &BulkRow) -> bool {
        false
    }
    /// Takes in a further row.
    fn push_row(&mut self, _row: BulkRow, _positions: &mut Positions) -> Result<(), BulkError> {
        Ok(())
    }
    /// Writes rows that follow the record's own row (before its error rows).
    fn write_more(&self, _out: &mut RowWriter) -> Result<(), BulkError> {
        Ok(())
    }
    /// Whether the record's own row is written (a multi-row record may be only its parts).
    fn writes_own_row(&self) -> bool {
        true
    }
    /// Called once the first row is read (a multi-row record decides what that row was).
    fn after_first_row(&mut self) {}
    /// Attaches an error row that followed one of this record's rows.
    fn attach_error(&mut self, error: RowError) {
        self.errors_mut().push(error);
    }
}

/// Number of typed record kinds (size of the position cache).
pub(crate) const KINDS: usize = 544;

/// Where each record type's table columns sit in one header, worked out the first time a
/// record of that type is seen.
#[derive(Debug)]
pub(crate) struct Positions {
    columns: Arc<Columns>,
    by_kind: Vec<Option<Box<[Option<usize>]>>>,
}

impl Positions {
    pub(crate) fn new(columns: Arc<Columns>) -> Self {
        Positions {
            columns,
            by_kind: (0..KINDS).map(|_| None).collect(),
        }
    }

    pub(crate) fn columns(&self) -> &Arc<Columns> {
        &self.columns
    }

    pub(crate) fn of<R: TypedRecord>(&mut self) -> &[Option<usize>] {
        let columns = &self.columns;
        match self.by_kind.get_mut(R::KIND) {
            Some(slot) => slot
                .get_or_insert_with(|| R::table().iter().map(|c| columns.index(c.name)).collect()),
            None => &[],
        }
    }
}

/// Reads a row into a record of type `R` through its table.
pub(crate) fn read_row<R: TypedRecord>(
    row: BulkRow,
    positions: &mut Positions,
) -> Result<R, BulkError> {
    let mut record = R::default();
    fill::<R>(&mut record, &row, positions)?;
    record.set_source(row);
    record.after_first_row();
    Ok(record)
}

/// Reads a row into `record`, which holds a record of the same type read before: the result
/// is what [`read_row`] gives, but the old record's text buffers, error list and source row
/// are reused rather than freed and allocated again. The old source row is left in `spare`,
/// for the reader to read the next row into. On an error `record` holds part of the row.
pub(crate) fn refill<R: TypedRecord>(
    record: &mut R,
    row: BulkRow,
    positions: &mut Positions,
    spare: &mut Option<BulkRow>,
) -> Result<(), BulkError> {
    // Every field starts from its default, as in a fresh record; only allocations carry over.
    let mut old = std::mem::take(record);
    let filled = fill_with(record, &row, positions, |record, column, cell| {
        (column.reread)(record, &mut old, cell)
    });
    let mut errors = std::mem::take(old.errors_mut());
    errors.clear();
    *record.errors_mut() = errors;
    *spare = old.take_source();
    filled?;
    record.set_source(row);
    record.after_first_row();
    Ok(())
}

/// Parses `row`'s mapped cells into `record`.
pub(crate) fn fill<R: TypedRecord>(
    record: &mut R,
    row: &BulkRow,
    positions: &mut Positions,
) -> Result<(), BulkError> {
    fill_with(record, row, positions, |record, column, cell| {
        (column.read)(record, cell)
    })
}

/// [`fill`] with the per-cell read given (a fresh read, or a [`refill`]).
#[inline(always)]
fn fill_with<R: TypedRecord>(
    record: &mut R,
    row: &BulkRow,
    positions: &mut Positions,
    mut read: impl FnMut(&mut R, &Column<R>, &str) -> Result<(), ValueError>,
) -> Result<(), BulkError> {
    let table = R::table();
    if Arc::ptr_eq(row.columns(), positions.columns()) {
        // The hot path: positions resolved once per header, and an empty cell (most of a
        // 442-column row) is skipped by its offsets before any text is looked at.
        for (at, column) in positions.of::<R>().iter().zip(table) {
            let Some(cell) = at.and_then(|p| row.non_empty_cell(p)) else {
                continue;
            };
            read_cell(record, column, cell, row, &mut read)?;
        }
        return Ok(());
    }
    for column in table {
        let cell = row.get(column.name).unwrap_or("");
        if !cell.is_empty() {
            read_cell(record, column, cell, row, &mut read)?;
        }
    }
    Ok(())
}

#[inline(always)]
fn read_cell<R: TypedRecord>(
    record: &mut R,
    column: &Column<R>,
    cell: &str,
    row: &BulkRow,
    read: &mut impl FnMut(&mut R, &Column<R>, &str) -> Result<(), ValueError>,
) -> Result<(), BulkError> {
    match read(record, column, cell) {
        Ok(()) => Ok(()),
        Err(e) => Err(cell_error::<R>(column, cell, row, e)),
    }
}

#[cold]
fn cell_error<R: TypedRecord>(
    column: &Column<R>,
    cell: &str,
    row: &BulkRow,
    e: ValueError,
) -> BulkError {
    BulkError::Value {
        row: row.number(),
        column: column.name.to_string(),
        record_type: R::TYPE.to_string(),
        value: cell.to_string(),
        problem: format!("{} (field {})", e.problem, column.field),
    }
}

/// Writes a record's row through its table, then its further rows and its error rows.
///
/// A record read from a file starts from its source row, so unmapped columns are kept; a
/// mapped cell keeps its original text unless the field now formats differently from what the
/// original text parses to (so `0.50` stays `0.50` unless the bid changed).
pub(crate) fn write_record<R: TypedRecord>(
    record: &R,
    out: &mut RowWriter,
) -> Result<(), BulkError> {
    if record.writes_own_row() {
        write_own_row(record, out)?;
    }
    record.write_more(out)?;
    write_errors(record, out)
}

/// Writes the error rows a record carries.
pub(crate) fn write_errors<R: TypedRecord>(
    record: &R,
    out: &mut RowWriter,
) -> Result<(), BulkError> {
    for e in record.errors() {
        out.write_row(&e.row)?;
    }
    Ok(())
}

fn write_own_row<R: TypedRecord>(record: &R, out: &mut RowWriter) -> Result<(), BulkError> {
    let Some(src) = record.source() else {
        return write_fresh(record, out);
    };
    out.load_row(src)?;
    let mut original = R::default();
    // Parsed by name (the source header is usually not the writer's); a cell that no
    // longer parses simply counts as changed.
    let mut by_name = Positions::new(Arc::new(Columns::empty()));
    let _ = fill::<R>(&mut original, src, &mut by_name);
    let (positions, mut cells) = out.split::<R>();
    let mut now = String::new();
    let mut before = String::new();
    for (i, column) in R::table().iter().enumerate() {
        now.clear();
        before.clear();
        (column.write)(record, &mut now);
        (column.write)(&original, &mut before);
        if before == now {
            continue;
        }
        match positions.get(i).copied().flatten() {
            Some(pos) => cells.set(pos, &now),
            None if now.is_empty() => {}
            None => return Err(unknown_column(out, column.name, now)),
        }
    }
    out.emit();
    Ok(())
}

fn unknown_column(out: &mut RowWriter, column: &str, value: String) -> BulkError {
    out.abandon();
    BulkError::UnknownColumn {
        row: out.next_row_number(),
        column: column.to_string(),
        value,
    }
}

/// Writes a record built in memory (no source row) by formatting straight into the row
/// buffer: the fast path for generating large uploads.
fn write_fresh<R: TypedRecord>(record: &R, out: &mut RowWriter) -> Result<(), BulkError> {
    let type_pos = out.columns.type_index();
    let (positions, mut cells) = out.split::<R>();
    if let Some(cell) = cells.cell(type_pos) {
        cell.push_str(R::TYPE);
    }
    for (i, column) in R::table().iter().enumerate() {
        match positions.get(i).copied().flatten() {
            Some(pos) => {
                if let Some(cell) = cells.cell(pos) {
                    (column.write)(record, cell);
                }
            }
            None => {
                let mut value = String::new();
                (column.write)(record, &mut value);
                if !value.is_empty() {
                    return Err(unknown_column(out, column.name, value));
                }
            }
        }
    }
    out.emit();
    Ok(())
}
