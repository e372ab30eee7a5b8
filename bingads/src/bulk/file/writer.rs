//! [`BulkFileWriter`]: writes bulk files as the service expects them: UTF-8 with a BOM, the
//! header row, the `Format Version` row (6.0), then one row per record row, CRLF line ends,
//! fields quoted only when they hold the delimiter, a quote or a line break (the quoting of
//! the `csv` crate and of the official SDK's Python `csv.excel` dialect).
//!
//! Rows are encoded by `RowWriter` straight into a byte buffer: a bulk row has hundreds of
//! columns of which a typed record fills a few dozen, so the encoder writes runs of empty
//! fields as runs of delimiters instead of visiting every field. Memory is one row buffer and
//! one output buffer, whatever the number of rows.

use std::io::Write;
use std::sync::Arc;

use super::format::{FileFormat, UTF8_BOM};
use crate::bulk::error::BulkError;
use crate::bulk::records::{self, BulkRecord};
use crate::bulk::row::{BulkRow, Columns};
use crate::bulk::table::Positions;

/// Bytes buffered before they are handed to the underlying writer.
const FLUSH_AT: usize = 256 * 1024;

/// Writes [`BulkRecord`]s to a bulk file.
///
/// ```no_run
/// use bingads::bulk::{BulkFileWriter, BulkKeyword, BulkRecord, FileFormat};
/// use bingads::v13::campaign_management::{Bid, Keyword, MatchType};
/// use bingads::Nillable;
/// # fn run() -> Result<(), bingads::bulk::BulkError> {
/// let file = std::fs::File::create("upload.csv").map_err(|e| bingads::bulk::BulkError::Io { context: "create", source: e })?;
/// let mut writer = BulkFileWriter::new(file, FileFormat::Csv)?;
/// writer.write(&BulkRecord::Keyword(BulkKeyword {
///     ad_group_id: Some(1234),
///     keyword: Keyword {
///         text: Nillable::Value("trail shoes".into()),
///         match_type: Nillable::Value(MatchType::Phrase),
///         bid: Nillable::Value(Bid { amount: Nillable::Value(0.5) }),
///         ..Default::default()
///     },
///     ..Default::default()
/// }))?;
/// writer.finish()?;
/// # Ok(()) }
/// ```
pub struct BulkFileWriter<W: Write> {
    out: W,
    rows: RowWriter,
}

impl<W: Write> std::fmt::Debug for BulkFileWriter<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BulkFileWriter")
            .field("columns", &self.rows.columns.len())
            .field("rows_written", &self.rows.rows_written)
            .finish_non_exhaustive()
    }
}

impl<W: Write> BulkFileWriter<W> {
    /// A writer with the official SDK's header (442 columns, see [`Columns::sdk`]).
    pub fn new(out: W, format: FileFormat) -> Result<Self, BulkError> {
        Self::with_columns(out, format, Columns::sdk())
    }

    /// A writer with the given header, e.g. [`crate::bulk::BulkFileReader::columns`] of a file
    /// being rewritten, so that columns unknown to this SDK survive.
    pub fn with_columns(
        out: W,
        format: FileFormat,
        columns: Arc<Columns>,
    ) -> Result<Self, BulkError> {
        let mut writer = BulkFileWriter {
            out,
            rows: RowWriter::new(format, columns),
        };
        writer.rows.buf.extend_from_slice(UTF8_BOM);
        let header = Arc::clone(&writer.rows.columns);
        writer.rows.encode_fields(header.names().map(str::as_bytes));
        writer.rows.rows_written = 1;
        let mut version = BulkRow::new("Format Version");
        version.set("Name", "6.0");
        writer.rows.write_row(&version)?;
        writer.flush_if_full()?;
        Ok(writer)
    }

    /// Writes one record: its row(s) and any error rows it carries.
    pub fn write(&mut self, record: &BulkRecord) -> Result<(), BulkError> {
        records::write(record, &mut self.rows)?;
        self.flush_if_full()
    }

    /// Writes one raw row as it is (by column name when its header differs from the
    /// writer's).
    pub fn write_row(&mut self, row: &BulkRow) -> Result<(), BulkError> {
        self.rows.write_row(row)?;
        self.flush_if_full()
    }

    /// Rows written so far, the header and version rows included.
    pub fn rows_written(&self) -> u64 {
        self.rows.rows_written
    }

    /// The header this writer writes.
    pub fn columns(&self) -> &Arc<Columns> {
        &self.rows.columns
    }

    fn flush_if_full(&mut self) -> Result<(), BulkError> {
        if self.rows.buf.len() >= FLUSH_AT {
            self.out
                .write_all(&self.rows.buf)
                .map_err(BulkError::io("writing the bulk file"))?;
            self.rows.buf.clear();
        }
        Ok(())
    }

    /// Writes what is buffered, flushes, and hands back the underlying writer.
    pub fn finish(mut self) -> Result<W, BulkError> {
        self.out
            .write_all(&self.rows.buf)
            .map_err(BulkError::io("writing the bulk file"))?;
        self.rows.buf.clear();
        self.out
            .flush()
            .map_err(BulkError::io("flushing the bulk file"))?;
        Ok(self.out)
    }
}

/// Encodes rows into bytes for one header. Typed records fill [`RowWriter::cell`]s and call
/// [`RowWriter::emit`]; raw rows go through [`RowWriter::write_row`].
pub(crate) struct RowWriter {
    pub(crate) columns: Arc<Columns>,
    pub(crate) positions: Positions,
    delimiter: u8,
    buf: Vec<u8>,
    /// One cell per column of the header, reused from row to row.
    cells: Vec<String>,
    /// Cells set for the row being built.
    touched: Vec<usize>,
    /// The header last seen on a row from elsewhere, and where each of its columns goes.
    mapped: Option<(Arc<Columns>, Vec<Option<usize>>)>,
    pub(crate) rows_written: u64,
}

impl RowWriter {
    pub(crate) fn new(format: FileFormat, columns: Arc<Columns>) -> Self {
        RowWriter {
            positions: Positions::new(Arc::clone(&columns)),
            cells: vec![String::new(); columns.len()],
            columns,
            delimiter: format.delimiter(),
            buf: Vec::with_capacity(FLUSH_AT + 64 * 1024),
            touched: Vec::new(),
            mapped: None,
            rows_written: 0,
        }
    }

    /// The row number the next row will have.
    pub(crate) fn next_row_number(&self) -> u64 {
        self.rows_written + 1
    }

    /// The positions of `R`'s table columns in this header, and the cells of the row being
    /// built.
    pub(crate) fn split<R: crate::bulk::table::TypedRecord>(
        &mut self,
    ) -> (&[Option<usize>], Cells<'_>) {
        (
            self.positions.of::<R>(),
            Cells {
                cells: &mut self.cells,
                touched: &mut self.touched,
            },
        )
    }

    /// Copies a row's cells into the row being built, by column name.
    pub(crate) fn load_row(&mut self, row: &BulkRow) -> Result<(), BulkError> {
        self.map_header(row.columns());
        let Some((_, map)) = &self.mapped else {
            return Ok(());
        };
        for (i, value) in row.cells().enumerate() {
            if value.is_empty() {
                continue;
            }
            match map.get(i).copied().flatten() {
                Some(pos) => {
                    if let Some(cell) = self.cells.get_mut(pos) {
                        cell.clear();
                        cell.push_str(value);
                        self.touched.push(pos);
                    }
                }
                None => {
                    let column = row
                        .columns()
                        .name(i)
                        .map_or_else(|| format!("#{}", i + 1), str::to_string);
                    self.clear_touched();
                    return Err(BulkError::UnknownColumn {
                        row: row.number(),
                        column,
                        value: value.to_string(),
                    });
                }
            }
        }
        Ok(())
    }

    fn map_header(&mut self, from: &Arc<Columns>) {
        if let Some((seen, _)) = &self.mapped {
            if Arc::ptr_eq(seen, from) {
                return;
            }
        }
        // The writer's own header maps position to position (unnamed columns included).
        let map = if Arc::ptr_eq(from, &self.columns) {
            (0..from.len()).map(Some).collect()
        } else {
            from.names().map(|n| self.columns.index(n)).collect()
        };
        self.mapped = Some((Arc::clone(from), map));
    }

    /// Writes a row exactly: cell for cell when it shares the writer's header, by column
    /// name otherwise.
    pub(crate) fn write_row(&mut self, row: &BulkRow) -> Result<(), BulkError> {
        if Arc::ptr_eq(row.columns(), &self.columns) {
            self.encode_fields(row.cells().map(str::as_bytes));
            return Ok(());
        }
        self.load_row(row)?;
        self.emit();
        Ok(())
    }

    /// Writes the row built with [`RowWriter::cell`] and clears it.
    pub(crate) fn emit(&mut self) {
        self.touched.sort_unstable();
        self.touched.dedup();
        let width = self.cells.len();
        let mut delimiters_written = 0usize;
        let touched = std::mem::take(&mut self.touched);
        for &pos in &touched {
            let Some(cell) = self.cells.get_mut(pos) else {
                continue;
            };
            if cell.is_empty() {
                continue;
            }
            let run = pos.saturating_sub(delimiters_written);
            self.buf.resize(self.buf.len() + run, self.delimiter);
            delimiters_written = pos;
            push_field(&mut self.buf, cell.as_bytes(), self.delimiter);
            cell.clear();
        }
        let run = width.saturating_sub(1).saturating_sub(delimiters_written);
        self.buf.resize(self.buf.len() + run, self.delimiter);
        self.buf.extend_from_slice(b"\r\n");
        self.touched = touched;
        self.touched.clear();
        self.rows_written += 1;
    }

    fn clear_touched(&mut self) {
        for &pos in &self.touched {
            if let Some(cell) = self.cells.get_mut(pos) {
                cell.clear();
            }
        }
        self.touched.clear();
    }

    /// Discards a row being built (a record that turned out not to be writable).
    pub(crate) fn abandon(&mut self) {
        self.clear_touched();
    }

    fn encode_fields<'a>(&mut self, fields: impl Iterator<Item = &'a [u8]>) {
        for (i, field) in fields.enumerate() {
            if i > 0 {
                self.buf.push(self.delimiter);
            }
            push_field(&mut self.buf, field, self.delimiter);
        }
        self.buf.extend_from_slice(b"\r\n");
        self.rows_written += 1;
    }
}

/// The cells of the row being built (see [`RowWriter::split`]).
pub(crate) struct Cells<'a> {
    cells: &'a mut Vec<String>,
    touched: &'a mut Vec<usize>,
}

impl Cells<'_> {
    /// The cell at writer position `pos`, marked as set.
    pub(crate) fn cell(&mut self, pos: usize) -> Option<&mut String> {
        let cell = self.cells.get_mut(pos)?;
        self.touched.push(pos);
        Some(cell)
    }

    pub(crate) fn set(&mut self, pos: usize, value: &str) {
        if let Some(cell) = self.cell(pos) {
            cell.clear();
            cell.push_str(value);
        }
    }
}

/// Appends one field, quoted (with doubled quotes) only when it holds the delimiter, a quote
/// or a line break.
fn push_field(buf: &mut Vec<u8>, field: &[u8], delimiter: u8) {
    let needs_quotes = field
        .iter()
        .any(|&b| b == delimiter || b == b'"' || b == b'\r' || b == b'\n');
    if !needs_quotes {
        buf.extend_from_slice(field);
        return;
    }
    buf.push(b'"');
    for part in field.split_inclusive(|&b| b == b'"') {
        buf.extend_from_slice(part);
        if part.last() == Some(&b'"') {
            buf.push(b'"');
        }
    }
    buf.push(b'"');
}
