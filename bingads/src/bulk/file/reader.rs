//! [`BulkFileReader`]: a streaming reader of bulk files. One row is parsed at a time (plus one
//! row of look-ahead, to attach error rows and the rows of multi-row records to the record
//! they belong to), so memory stays flat however large the file is. Records own their rows;
//! [`BulkFileReader::next_row`] lends raw rows from reused buffers instead.

use std::io::{BufReader, Read, Seek};
use std::path::Path;
use std::sync::Arc;

use super::format::{self, FileFormat, Source};
use super::parse::RowParser;
use crate::bulk::error::BulkError;
use crate::bulk::record::{FormatVersion, RowError, UntypedRecord, is_error_type};
use crate::bulk::records::{self, BulkRecord};
use crate::bulk::row::{BulkRow, Columns};
use crate::bulk::row_ref::RowRef;
use crate::bulk::table::Positions;

/// The format versions this reader reads (the service writes `6.0`).
const SUPPORTED_VERSIONS: &[&str] = &["6.0", "6"];

/// The header row is read before there are columns to lay it out by.
static HEADERLESS: std::sync::LazyLock<Arc<Columns>> =
    std::sync::LazyLock::new(|| Arc::new(Columns::empty()));

/// Reads [`BulkRecord`]s from a bulk file, as an iterator of `Result<BulkRecord, BulkError>`.
///
/// ```no_run
/// use bingads::bulk::{BulkFileReader, BulkRecord};
/// # fn run() -> Result<(), bingads::bulk::BulkError> {
/// for record in BulkFileReader::open("download.zip")? {
///     if let BulkRecord::Keyword(k) = record? {
///         println!("{:?} {:?}", k.keyword.text, k.keyword.bid);
///     }
/// }
/// # Ok(()) }
/// ```
///
/// A cell that does not parse is an `Err` naming the row and column; iteration can go on
/// with the next record. [`BulkFileReader::untyped`] yields every row as an
/// [`UntypedRecord`] instead, which never fails on cell contents.
///
/// Records own their rows (a record keeps the row it was read from, so it can be written
/// back losslessly). [`read_record`](BulkFileReader::read_record) reads the same records
/// into one record refilled in place, reusing its allocations: the fastest way to read
/// typed records. To scan rows without owning them, use
/// [`next_row`](BulkFileReader::next_row), which lends each row from reused buffers:
///
/// ```no_run
/// use bingads::bulk::BulkFileReader;
/// # fn run() -> Result<(), bingads::bulk::BulkError> {
/// let mut reader = BulkFileReader::open("download.csv")?;
/// let keyword = reader.columns().index("Keyword");
/// while let Some(row) = reader.next_row() {
///     let row = row?;
///     if row.record_type()? == "Keyword" {
///         println!("{}", row.cell(keyword.unwrap_or(usize::MAX))?);
///     }
/// }
/// # Ok(()) }
/// ```
pub struct BulkFileReader {
    parser: RowParser,
    columns: Arc<Columns>,
    format: FileFormat,
    positions: Positions,
    /// A row read ahead that starts the next record.
    pending: Option<BulkRow>,
    /// A row no longer used, whose buffers the next row is read into.
    spare: Option<BulkRow>,
    /// An error met while reading ahead, returned by the next call.
    deferred: Option<BulkError>,
    /// Rows read so far (the header is row 1).
    rows_read: u64,
    typed: bool,
    failed: bool,
}

impl std::fmt::Debug for BulkFileReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BulkFileReader")
            .field("format", &self.format)
            .field("columns", &self.columns.len())
            .field("rows_read", &self.rows_read)
            .finish_non_exhaustive()
    }
}

impl BulkFileReader {
    /// Opens a bulk file: a zip archive (its first file), gzip or plain text, told apart by
    /// content; CSV or TSV by the (inner) file name, else by the header row.
    pub fn open(path: impl AsRef<Path>) -> Result<Self, BulkError> {
        let opened = format::open_path(path.as_ref())?;
        Self::from_source(opened.source, opened.named_format)
    }

    /// Reads from any byte stream: plain text or gzip (detected), CSV or TSV (detected from
    /// the header row).
    pub fn new(reader: impl Read + Send + 'static) -> Result<Self, BulkError> {
        let source: Source = Box::new(BufReader::with_capacity(256 * 1024, reader));
        Self::from_source(format::ungzip_if_needed(source)?, None)
    }

    /// Reads from any byte stream in a known format (plain or gzip).
    pub fn with_format(
        reader: impl Read + Send + 'static,
        format: FileFormat,
    ) -> Result<Self, BulkError> {
        let source: Source = Box::new(BufReader::with_capacity(256 * 1024, reader));
        Self::from_source(format::ungzip_if_needed(source)?, Some(format))
    }

    /// Reads the first file of a zip archive (a result file as the service delivers it).
    pub fn from_zip(archive: impl Read + Seek + Send + 'static) -> Result<Self, BulkError> {
        let opened = format::open_zip(archive)?;
        Self::from_source(opened.source, opened.named_format)
    }

    fn from_source(mut source: Source, known: Option<FileFormat>) -> Result<Self, BulkError> {
        let format = match known {
            Some(f) => {
                format::skip_bom(&mut source)?;
                f
            }
            None => format::skip_bom_and_sniff(&mut source)?,
        };
        let mut parser = RowParser::new(source, format.delimiter());
        if !parser.read(1)? {
            return Err(BulkError::Header {
                message: "the file is empty (no header row)".into(),
            });
        }
        let header = RowRef::new(&HEADERLESS, parser.bytes(), parser.ends(), 1);
        let columns = Columns::new(header.cells()?)?;
        Ok(BulkFileReader {
            positions: Positions::new(Arc::clone(&columns)),
            parser,
            columns,
            format,
            pending: None,
            spare: None,
            deferred: None,
            rows_read: 1,
            typed: true,
            failed: false,
        })
    }

    /// Yields every row as an [`UntypedRecord`] (no cell is interpreted, so no cell can
    /// fail to parse); error rows are still attached to the row before them.
    pub fn untyped(mut self) -> Self {
        self.typed = false;
        self
    }

    /// The file's header.
    pub fn columns(&self) -> &Arc<Columns> {
        &self.columns
    }

    /// CSV or TSV.
    pub fn format(&self) -> FileFormat {
        self.format
    }

    /// Rows read so far, the header included.
    pub fn rows_read(&self) -> u64 {
        self.rows_read
    }

    /// The next row, lent from the reader's buffers until the next read; `None` at the end
    /// of the file. Rows come one by one as in the file (error rows and the further rows of
    /// multi-row records are not grouped), cells are checked to be UTF-8 only when read,
    /// and nothing is copied: [`RowRef::to_row`] makes an owned row. Mixing this with the
    /// record iterator is allowed; each row is returned once.
    pub fn next_row(&mut self) -> Option<Result<RowRef<'_>, BulkError>> {
        if self.failed {
            return None;
        }
        if let Some(e) = self.deferred.take() {
            self.failed = is_fatal(&e);
            return Some(Err(e));
        }
        let number = match self.pending.take() {
            Some(row) => {
                self.parser.load(&row);
                let number = row.number();
                self.spare = Some(row);
                number
            }
            None => match self.parse_row() {
                Ok(Some(number)) => number,
                Ok(None) => return None,
                Err(e) => {
                    self.failed = true;
                    return Some(Err(e));
                }
            },
        };
        Some(Ok(RowRef::new(
            &self.columns,
            self.parser.bytes(),
            self.parser.ends(),
            number,
        )))
    }

    /// Parses the next row into the parser's buffers and returns its number.
    fn parse_row(&mut self) -> Result<Option<u64>, BulkError> {
        let number = self.rows_read.saturating_add(1);
        if !self.parser.read(number)? {
            return Ok(None);
        }
        self.rows_read = number;
        Ok(Some(number))
    }

    /// The next row as an owned row, or `None` at the end of the file.
    fn read_row(&mut self) -> Result<Option<BulkRow>, BulkError> {
        if let Some(row) = self.pending.take() {
            return Ok(Some(row));
        }
        let Some(number) = self.parse_row()? else {
            return Ok(None);
        };
        match self.spare.take() {
            Some(mut row) => {
                match row.refill_from_parser(&self.columns, &mut self.parser, number) {
                    Ok(()) => Ok(Some(row)),
                    Err(e) => {
                        self.spare = Some(row);
                        Err(e)
                    }
                }
            }
            None => BulkRow::from_parsed(
                Arc::clone(&self.columns),
                self.parser.bytes(),
                self.parser.ends(),
                number,
            )
            .map(Some),
        }
    }

    /// The next record with the rows that belong to it. The record is built in the slot
    /// that is returned and completed there by reference: a `BulkRecord` is over 1 KiB,
    /// and moving it from one wrapper to the next cost more than some of its cells.
    fn next_record(&mut self) -> Option<Result<BulkRecord, BulkError>> {
        if let Some(e) = self.deferred.take() {
            return Some(Err(e));
        }
        let row = match self.read_row() {
            Ok(Some(row)) => row,
            Ok(None) => return None,
            Err(e) => return Some(Err(e)),
        };
        let mut item = Some(if row.record_type() == "Format Version" {
            // An unsupported version ends the file: nothing after it is read.
            match format_version(row) {
                Ok(version) => Ok(version),
                Err(e) => return Some(Err(e)),
            }
        } else if self.typed {
            records::from_row(row, &mut self.positions)
        } else {
            Ok(BulkRecord::Untyped(UntypedRecord {
                row,
                errors: Vec::new(),
            }))
        });
        let completed = match item.as_mut() {
            Some(Ok(record)) => self.complete(record),
            _ => self.skip_error_rows(),
        };
        match completed {
            Ok(()) => item,
            Err(e) => Some(Err(e)),
        }
    }

    /// Reads the next record into `record`, reusing what it holds: `Ok(false)` at the end of
    /// the file (`record` is then left as it was).
    ///
    /// This is the fastest way to read typed records, in the manner of
    /// `csv::Reader::read_byte_record`: when `record` already holds a record of the row's
    /// type, it is refilled in place, and its text, lists, error rows and source row keep
    /// their allocations, so a file of keywords is read with next to no allocation. The
    /// result is the record the iterator would yield, field for field: every field starts
    /// from its default (an empty cell clears what the previous record had). A record of
    /// another type replaces it. Start from any record, e.g. `BulkRecord::default()`.
    ///
    /// Errors are those of the iterator: after a bad cell (`BulkError::Value`) `record`
    /// holds part of that row and reading goes on with the next record; after an error that
    /// ends the file (`Io`, `Malformed`, ...) this returns `Ok(false)`.
    ///
    /// ```
    /// use bingads::bulk::{BulkFileReader, BulkRecord};
    /// use bingads::Nillable;
    ///
    /// let file = "Type,Id,Parent Id,Name,Keyword,Bid,Param1\r\n\
    ///             Format Version,,,6.0,,,\r\n\
    ///             Keyword,11,22,,hiking boots,0.41,summer\r\n\
    ///             Keyword,12,22,,trail shoes,0.55,\r\n";
    /// let mut reader = BulkFileReader::new(std::io::Cursor::new(file))?;
    /// let mut record = BulkRecord::default(); // any record: the first read replaces it
    /// let mut bids = Vec::new();
    /// while reader.read_record(&mut record)? {
    ///     if let BulkRecord::Keyword(k) = &record {
    ///         bids.push(k.keyword.bid.value().and_then(|b| b.amount.value().copied()));
    ///         // An empty cell is read as empty: nothing is left from the keyword before.
    ///         if k.keyword.id == Nillable::Value(12) {
    ///             assert_eq!(k.keyword.param1, Nillable::Absent);
    ///         }
    ///     }
    /// }
    /// assert_eq!(bids, [Some(0.41), Some(0.55)]);
    /// # Ok::<(), bingads::bulk::BulkError>(())
    /// ```
    #[doc(alias = "read_byte_record")]
    #[doc(alias = "read_next_entity")]
    pub fn read_record(&mut self, record: &mut BulkRecord) -> Result<bool, BulkError> {
        if self.failed {
            return Ok(false);
        }
        let read = self.refill(record);
        if let Err(e) = &read {
            self.failed = is_fatal(e);
        }
        read
    }

    fn refill(&mut self, record: &mut BulkRecord) -> Result<bool, BulkError> {
        if let Some(e) = self.deferred.take() {
            return Err(e);
        }
        let Some(row) = self.read_row()? else {
            return Ok(false);
        };
        let read = if row.record_type() == "Format Version" {
            // An unsupported version ends the file: nothing after it is read.
            *record = format_version(row)?;
            Ok(())
        } else if self.typed {
            records::refill(record, row, &mut self.positions, &mut self.spare)
        } else {
            records::refill_untyped(record, row, &mut self.spare);
            Ok(())
        };
        match read {
            Ok(()) => self.complete(record)?,
            Err(e) => {
                self.skip_error_rows()?;
                return Err(e);
            }
        }
        Ok(true)
    }

    /// Attaches to `record` the rows that belong to it: the service's error rows, and for
    /// multi-row records the rows after their first. A row that cannot be read is reported
    /// on the next call, so this record is not lost with it.
    fn complete(&mut self, record: &mut BulkRecord) -> Result<(), BulkError> {
        loop {
            let next = match self.read_row() {
                Ok(Some(next)) => next,
                Ok(None) => return Ok(()),
                Err(e) => {
                    self.deferred = Some(e);
                    return Ok(());
                }
            };
            if is_error_type(next.record_type()) {
                record.push_error(RowError { row: next });
            } else if self.typed && record.continues_with(&next) {
                record.push_row(next, &mut self.positions)?;
            } else {
                self.pending = Some(next);
                return Ok(());
            }
        }
    }

    /// Skips the error rows of a record that could not be read, so the next record starts
    /// clean.
    fn skip_error_rows(&mut self) -> Result<(), BulkError> {
        loop {
            match self.read_row()? {
                Some(next) if is_error_type(next.record_type()) => self.spare = Some(next),
                Some(next) => {
                    self.pending = Some(next);
                    return Ok(());
                }
                None => return Ok(()),
            }
        }
    }
}

/// The `Format Version` record, refusing versions this reader does not read.
fn format_version(row: BulkRow) -> Result<BulkRecord, BulkError> {
    let version = row.get("Name").unwrap_or("").to_string();
    if !SUPPORTED_VERSIONS.contains(&version.as_str()) {
        return Err(BulkError::UnsupportedFormatVersion { found: version });
    }
    Ok(BulkRecord::FormatVersion(FormatVersion {
        version,
        source: Some(row),
    }))
}

impl Iterator for BulkFileReader {
    type Item = Result<BulkRecord, BulkError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let item = self.next_record();
        if let Some(Err(e)) = &item {
            self.failed = is_fatal(e);
        }
        item
    }
}

/// A malformed stream cannot be resynchronised; a bad cell can.
fn is_fatal(e: &BulkError) -> bool {
    matches!(
        e,
        BulkError::Io { .. }
            | BulkError::Malformed { .. }
            | BulkError::UnsupportedFormatVersion { .. }
    )
}
