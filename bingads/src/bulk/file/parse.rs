//! The CSV/TSV row parser under [`BulkFileReader`](super::reader::BulkFileReader):
//! `csv_core` straight over the source's own buffer, into one byte buffer and one field-end
//! buffer that every row reuses. No allocation per row, and no per-row zeroing of field
//! ends (which a fresh `csv::StringRecord` for each of 442 columns costs); a row is copied
//! only when a caller keeps it.

use std::io::ErrorKind;

use super::format::Source;
use crate::bulk::error::BulkError;
use crate::bulk::row::BulkRow;

/// A row longer than this is refused: no bulk cell comes near it, and an unclosed quote
/// would otherwise pull the rest of the file into one row in memory.
const MAX_ROW_BYTES: usize = 64 * 1024 * 1024;

pub(crate) struct RowParser {
    source: Source,
    core: csv_core::Reader,
    /// The current row's cells back to back (`bytes[..len]`).
    bytes: Vec<u8>,
    /// Where each of the current row's cells ends in `bytes` (`ends[..fields]`).
    ends: Vec<usize>,
    len: usize,
    fields: usize,
    finished: bool,
}

impl RowParser {
    pub(crate) fn new(source: Source, delimiter: u8) -> Self {
        RowParser {
            source,
            core: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            bytes: vec![0; 4096],
            ends: vec![0; 512],
            len: 0,
            fields: 0,
            finished: false,
        }
    }

    /// Parses the next row into the buffers; `false` at the end of the input.
    pub(crate) fn read(&mut self, number: u64) -> Result<bool, BulkError> {
        use csv_core::ReadRecordResult as Parsed;
        self.len = 0;
        self.fields = 0;
        if self.finished {
            return Ok(false);
        }
        loop {
            let input = loop {
                match self.source.fill_buf() {
                    Ok(input) => break input,
                    Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                    Err(e) => {
                        self.finished = true;
                        return Err(BulkError::Io {
                            context: "reading bulk rows",
                            source: e,
                        });
                    }
                }
            };
            let (parsed, read, wrote, ended) = self.core.read_record(
                input,
                self.bytes.get_mut(self.len..).unwrap_or_default(),
                self.ends.get_mut(self.fields..).unwrap_or_default(),
            );
            self.source.consume(read);
            // Both stay within their buffers: csv_core writes no more than it was given.
            self.len += wrote;
            self.fields += ended;
            match parsed {
                Parsed::InputEmpty => {}
                Parsed::OutputFull => {
                    if self.bytes.len() >= MAX_ROW_BYTES {
                        self.finished = true;
                        return Err(BulkError::Malformed {
                            row: number,
                            message: format!(
                                "the row is longer than {} MiB (a quote that is never closed?)",
                                MAX_ROW_BYTES >> 20
                            ),
                        });
                    }
                    grow(&mut self.bytes);
                }
                Parsed::OutputEndsFull => grow(&mut self.ends),
                Parsed::Record => return Ok(true),
                Parsed::End => {
                    self.finished = true;
                    return Ok(false);
                }
            }
        }
    }

    /// The current row's cells back to back.
    pub(crate) fn bytes(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or_default()
    }

    /// Where each of the current row's cells ends in [`bytes`](Self::bytes).
    pub(crate) fn ends(&self) -> &[usize] {
        self.ends.get(..self.fields).unwrap_or_default()
    }

    /// Hands the current row's cell ends to `ends` by swapping buffers, not copying (442
    /// ends are 3.5 KiB a row), and takes `ends`' old buffer to parse the next row into. The
    /// current row is consumed: its cells are no longer available here.
    pub(crate) fn give_ends(&mut self, ends: &mut Vec<usize>) {
        let room = self.ends.len();
        std::mem::swap(&mut self.ends, ends);
        ends.truncate(self.fields);
        // As much parsing room as before: the row's buffer held a row, so this only fills
        // the few slots past its last cell.
        self.ends.resize(room, 0);
        self.len = 0;
        self.fields = 0;
    }

    /// Makes `row` the current row again (a row read ahead and handed back).
    pub(crate) fn load(&mut self, row: &BulkRow) {
        self.len = 0;
        self.fields = 0;
        for cell in row.cells() {
            let end = self.len + cell.len();
            while self.bytes.len() < end {
                grow(&mut self.bytes);
            }
            if let Some(to) = self.bytes.get_mut(self.len..end) {
                to.copy_from_slice(cell.as_bytes());
            }
            if self.fields == self.ends.len() {
                grow(&mut self.ends);
            }
            if let Some(slot) = self.ends.get_mut(self.fields) {
                *slot = end;
            }
            self.len = end;
            self.fields += 1;
        }
    }
}

fn grow<T: Default + Clone>(buffer: &mut Vec<T>) {
    let size = buffer.len().max(64).saturating_mul(2);
    buffer.resize(size, T::default());
}
