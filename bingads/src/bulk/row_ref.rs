//! [`RowRef`]: a row lent by [`BulkFileReader::next_row`](super::BulkFileReader::next_row)
//! from the reader's reused buffers, valid until the next read. Nothing is copied and a cell
//! is checked to be UTF-8 only when it is read, so scanning a file for a few columns costs
//! little more than parsing it; [`RowRef::to_row`] makes an owned [`BulkRow`].

use std::sync::Arc;

use super::error::BulkError;
use super::row::{self, BulkRow, Columns};

/// One row of a bulk file, borrowed from the reader until its next read.
#[derive(Clone, Copy)]
pub struct RowRef<'r> {
    columns: &'r Arc<Columns>,
    bytes: &'r [u8],
    ends: &'r [usize],
    number: u64,
}

impl<'r> RowRef<'r> {
    pub(crate) fn new(
        columns: &'r Arc<Columns>,
        bytes: &'r [u8],
        ends: &'r [usize],
        number: u64,
    ) -> Self {
        RowRef {
            columns,
            bytes,
            ends,
            number,
        }
    }

    /// The 1-based row number in the file (the header is row 1).
    pub fn number(&self) -> u64 {
        self.number
    }

    /// The file's header.
    pub fn columns(&self) -> &'r Arc<Columns> {
        self.columns
    }

    /// The number of cells as read (a row may be shorter or longer than its header).
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// A cell's bytes by position (empty past the end of a short row), unchecked.
    pub fn cell_bytes(&self, index: usize) -> &'r [u8] {
        let Some(&end) = self.ends.get(index) else {
            return b"";
        };
        let start = match index.checked_sub(1) {
            Some(previous) => self.ends.get(previous).copied().unwrap_or(0),
            None => 0,
        };
        self.bytes.get(start..end).unwrap_or_default()
    }

    /// A cell by position ("" past the end of a short row); an error when it is not UTF-8.
    pub fn cell(&self, index: usize) -> Result<&'r str, BulkError> {
        std::str::from_utf8(self.cell_bytes(index)).map_err(|_| BulkError::Malformed {
            row: self.number,
            message: format!("field {} is not valid UTF-8", index + 1),
        })
    }

    /// A cell by column name: `None` when the header has no such column.
    pub fn get(&self, column: &str) -> Result<Option<&'r str>, BulkError> {
        self.columns.index(column).map(|i| self.cell(i)).transpose()
    }

    /// The row's `Type` cell (`Keyword`, `Campaign Error`, ...).
    pub fn record_type(&self) -> Result<&'r str, BulkError> {
        self.cell(self.columns.type_index())
    }

    /// An owned copy that outlives the next read (every cell checked to be UTF-8).
    pub fn to_row(&self) -> Result<BulkRow, BulkError> {
        BulkRow::from_parsed(Arc::clone(self.columns), self.bytes, self.ends, self.number)
    }

    /// All cells as text, or the first cell that is not UTF-8.
    pub fn cells(&self) -> Result<impl ExactSizeIterator<Item = &'r str> + 'r, BulkError> {
        let text = row::utf8_cells(self.bytes, self.ends, self.number)?;
        let ends = self.ends;
        Ok((0..ends.len()).map(move |i| {
            let start = i
                .checked_sub(1)
                .and_then(|p| ends.get(p).copied())
                .unwrap_or(0);
            let end = ends.get(i).copied().unwrap_or(start);
            text.get(start..end).unwrap_or("")
        }))
    }
}

impl std::fmt::Debug for RowRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let cells: Vec<_> = (0..self.len())
            .map(|i| String::from_utf8_lossy(self.cell_bytes(i)))
            .collect();
        f.debug_struct("RowRef")
            .field("number", &self.number)
            .field("cells", &cells)
            .finish()
    }
}
