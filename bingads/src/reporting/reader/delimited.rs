//! CSV and TSV reports (the `csv` crate, one reused record buffer): the header block lines,
//! the column row, data rows, and the footer told apart as the service lays them out.

use std::io::BufRead;

use csv::ByteRecord;

use super::cell;
use super::header::{self, ReportFooter, ReportHeader};
use crate::reporting::ReportError;

pub(crate) struct Delimited {
    csv: csv::Reader<Box<dyn BufRead + Send>>,
    record: ByteRecord,
    /// A data row read while looking for the column row (the request excluded the headers).
    pending: bool,
    done: bool,
    format: &'static str,
}

/// What the start of the file held.
pub(crate) struct Opened {
    pub reader: Delimited,
    pub header: ReportHeader,
    pub columns: Option<Vec<String>>,
    pub footer: ReportFooter,
}

fn text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}

fn is_blank(record: &ByteRecord) -> bool {
    record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace))
}

/// The only non-empty cell of a line, for header and footer lines (`"Rows: 5"`, or the
/// same written with trailing delimiters by some tools).
fn single_cell(record: &ByteRecord) -> Option<&[u8]> {
    let mut cells = record.iter().filter(|f| !f.is_empty());
    let first = cells.next()?;
    cells.next().is_none().then_some(first)
}

impl Delimited {
    /// Reads up to the first data row: the header block into `ReportHeader`, the column row
    /// (or, when `expected` columns are given and the first row is not them, the first data
    /// row, kept pending).
    pub(crate) fn open(
        source: Box<dyn BufRead + Send>,
        delimiter: u8,
        expected: Option<&[String]>,
    ) -> Result<Opened, ReportError> {
        let csv = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(64 * 1024)
            .from_reader(source);
        let format = if delimiter == b'\t' { "TSV" } else { "CSV" };
        let mut reader = Delimited {
            csv,
            record: ByteRecord::new(),
            pending: false,
            done: false,
            format,
        };
        let mut header = ReportHeader::default();
        let mut footer = ReportFooter::default();
        let mut first = true;
        loop {
            if !reader.read()? {
                reader.done = true;
                return Ok(Opened {
                    reader,
                    header,
                    columns: expected.map(<[String]>::to_vec),
                    footer,
                });
            }
            if first {
                strip_bom(&mut reader.record);
                first = false;
            }
            if is_blank(&reader.record) {
                continue;
            }
            if let Some(only) = single_cell(&reader.record) {
                let only = text(only);
                if header::is_copyright(&only) {
                    footer.copyright = Some(only.trim().to_string());
                    reader.done = true;
                    return Ok(Opened {
                        reader,
                        header,
                        columns: expected.map(<[String]>::to_vec),
                        footer,
                    });
                }
                if (expected.is_none_or(|c| c.len() != 1)) && header.take_line(&only) {
                    continue;
                }
            }
            let first_cell = text(reader.record.get(0).unwrap_or(b"")).into_owned();
            if header::starts_like_header(&first_cell) {
                // A header line cut at a delimiter inside it (an unquoted `Report Time` range).
                let joined: Vec<_> = reader.record.iter().map(text).collect();
                header.take_line(&joined.join(if delimiter == b'\t' { "\t" } else { "," }));
                continue;
            }
            let cells: Vec<String> = reader
                .record
                .iter()
                .map(|f| text(f).trim().to_string())
                .collect();
            let is_column_row = match expected {
                Some(names) => same_names(&cells, names),
                // Column names are never numbers; a row with a number in it is data.
                None => !cells
                    .iter()
                    .any(|c| matches!(cell::parse_f64(c), Ok(Some(_)))),
            };
            if is_column_row {
                return Ok(Opened {
                    reader,
                    header,
                    columns: Some(cells),
                    footer,
                });
            }
            reader.pending = true;
            return Ok(Opened {
                reader,
                header,
                columns: expected.map(<[String]>::to_vec),
                footer,
            });
        }
    }

    fn read(&mut self) -> Result<bool, ReportError> {
        self.csv.read_byte_record(&mut self.record).map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            ReportError::Delimited {
                line,
                format: self.format,
                message: e.to_string(),
            }
        })
    }

    /// The next data row, or `None` at the end; the footer goes into `footer`.
    pub(crate) fn next(
        &mut self,
        footer: &mut ReportFooter,
    ) -> Result<Option<(&ByteRecord, u64)>, ReportError> {
        if self.done {
            return Ok(None);
        }
        if !std::mem::take(&mut self.pending) {
            loop {
                if !self.read()? {
                    self.done = true;
                    return Ok(None);
                }
                // Footer lines are one cell (copyright) or start with `Total`; checking the
                // length and first byte first keeps this off the hot path of data rows.
                let first = self.record.get(0).unwrap_or(b"");
                if self.record.len() <= 1 || first.first() == Some(&b'T') {
                    if is_blank(&self.record) {
                        continue;
                    }
                    if let Some(only) = single_cell(&self.record) {
                        let only = text(only);
                        if header::is_copyright(&only) {
                            footer.copyright = Some(only.trim().to_string());
                            self.done = true;
                            return Ok(None);
                        }
                    }
                    if header::is_total_row(&text(first)) {
                        footer.totals =
                            Some(self.record.iter().map(|f| text(f).into_owned()).collect());
                        continue;
                    }
                }
                break;
            }
        }
        let line = self.record.position().map_or(0, |p| p.line());
        Ok(Some((&self.record, line)))
    }
}

fn strip_bom(record: &mut ByteRecord) {
    let Some(first) = record.get(0) else { return };
    let Some(rest) = first.strip_prefix(b"\xEF\xBB\xBF") else {
        return;
    };
    let mut fixed = ByteRecord::with_capacity(record.as_slice().len(), record.len());
    fixed.push_field(rest);
    for field in record.iter().skip(1) {
        fixed.push_field(field);
    }
    fixed.set_position(record.position().cloned());
    *record = fixed;
}

fn same_names(cells: &[String], names: &[String]) -> bool {
    cells.len() == names.len() && cells.iter().zip(names).all(|(a, b)| a == b)
}
