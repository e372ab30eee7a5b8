//! One bulk file row kept exactly as read: the header it belongs to (shared by every row of a
//! file) and every cell's text. Typed records keep their source row so that columns they do
//! not map, and cells they did not change, are written back byte for byte.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use super::error::BulkError;
use super::file::columns::SDK_COLUMNS;
use super::file::parse::RowParser;

/// A header: column names in file order, with a name → position index.
#[derive(Debug, PartialEq, Eq)]
pub struct Columns {
    names: Vec<String>,
    by_name: HashMap<String, usize>,
    type_index: usize,
}

static SDK_HEADER: LazyLock<Arc<Columns>> = LazyLock::new(|| {
    Columns::build(SDK_COLUMNS.iter().map(|s| s.to_string()).collect())
        .map(Arc::new)
        .unwrap_or_else(|_| unreachable_header())
});

// The SDK column list is a constant with a `Type` column and no duplicates (checked by a
// test), so building it cannot fail; this keeps the signature total without a panic path
// reachable from input.
fn unreachable_header() -> Arc<Columns> {
    Arc::new(Columns {
        names: vec!["Type".into()],
        by_name: HashMap::from([("Type".to_string(), 0)]),
        type_index: 0,
    })
}

impl Columns {
    /// A header from column names. `Type` must be present and no name may repeat.
    pub fn new<I, S>(names: I) -> Result<Arc<Columns>, BulkError>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self::build(names.into_iter().map(Into::into).collect()).map(Arc::new)
    }

    fn build(names: Vec<String>) -> Result<Columns, BulkError> {
        let mut by_name = HashMap::with_capacity(names.len());
        for (i, name) in names.iter().enumerate() {
            // Unnamed columns (a trailing delimiter in the header) are kept but not indexed.
            if name.is_empty() {
                continue;
            }
            if by_name.insert(name.clone(), i).is_some() {
                return Err(BulkError::Header {
                    message: format!("column {name:?} appears twice"),
                });
            }
        }
        let type_index = *by_name.get("Type").ok_or_else(|| BulkError::Header {
            message: "there is no `Type` column; is this a bulk file (not a report)?".into(),
        })?;
        Ok(Columns {
            names,
            by_name,
            type_index,
        })
    }

    /// A header with no columns, for parsing rows by column name.
    pub(crate) fn empty() -> Columns {
        Columns {
            names: Vec::new(),
            by_name: HashMap::new(),
            type_index: 0,
        }
    }

    /// The official SDK's header (442 columns), what [`super::BulkFileWriter::new`] writes.
    pub fn sdk() -> Arc<Columns> {
        Arc::clone(&SDK_HEADER)
    }

    /// The position of a column.
    pub fn index(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }

    /// Column names in file order.
    pub fn names(&self) -> impl ExactSizeIterator<Item = &str> {
        self.names.iter().map(String::as_str)
    }

    /// The name of the column at `index`.
    pub fn name(&self, index: usize) -> Option<&str> {
        self.names.get(index).map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    pub(crate) fn type_index(&self) -> usize {
        self.type_index
    }

    /// This header plus `name` at the end (for rows built by hand that add a column).
    fn with_column(&self, name: &str) -> Columns {
        let mut names = self.names.clone();
        names.push(name.to_string());
        let mut by_name = self.by_name.clone();
        by_name.insert(name.to_string(), names.len() - 1);
        Columns {
            names,
            by_name,
            type_index: self.type_index,
        }
    }
}

/// A row: its cells in the order of its [`Columns`], and where it came from.
///
/// The cells are kept as one string (their text back to back) and the offset where each
/// ends, so owning a 442-column row costs two allocations and a copy of what was read, not
/// one allocation per cell; a row refilled by
/// [`BulkFileReader::read_record`](super::BulkFileReader::read_record) reuses both.
#[derive(Clone, PartialEq)]
pub struct BulkRow {
    columns: Arc<Columns>,
    text: String,
    ends: Vec<usize>,
    number: u64,
}

impl BulkRow {
    /// Copies a parsed row (`bytes` holds the cells back to back, `ends[i]` where cell `i`
    /// ends), checking that every cell is UTF-8.
    pub(crate) fn from_parsed(
        columns: Arc<Columns>,
        bytes: &[u8],
        ends: &[usize],
        number: u64,
    ) -> Result<Self, BulkError> {
        let text = utf8_cells(bytes, ends, number)?;
        Ok(BulkRow {
            columns,
            text: text.to_string(),
            // Kept as the parser wrote them: one copy, no per-cell conversion.
            ends: ends.to_vec(),
            number,
        })
    }

    /// Makes this row the parser's current row (as [`from_parsed`](Self::from_parsed)) in the
    /// buffers it already has: the text is copied into its string, the cell ends change
    /// places with the parser's buffer. No allocation once both have grown to the file's
    /// longest row. On an error the row is left as it was and the parser's row is kept.
    pub(crate) fn refill_from_parser(
        &mut self,
        columns: &Arc<Columns>,
        parser: &mut RowParser,
        number: u64,
    ) -> Result<(), BulkError> {
        let text = utf8_cells(parser.bytes(), parser.ends(), number)?;
        if !Arc::ptr_eq(&self.columns, columns) {
            self.columns = Arc::clone(columns);
        }
        self.text.clear();
        self.text.push_str(text);
        parser.give_ends(&mut self.ends);
        self.number = number;
        Ok(())
    }

    /// Builds a row from its cells' text.
    fn from_cells<'a>(
        columns: Arc<Columns>,
        cells: impl Iterator<Item = &'a str>,
        number: u64,
    ) -> Self {
        let mut text = String::new();
        let mut ends = Vec::with_capacity(columns.len());
        for cell in cells {
            text.push_str(cell);
            ends.push(text.len());
        }
        BulkRow {
            columns,
            text,
            ends,
            number,
        }
    }

    /// An empty row of `record_type` over the official SDK's header.
    pub fn new(record_type: &str) -> Self {
        let columns = Columns::sdk();
        let type_index = columns.type_index();
        let width = columns.len();
        let cells = (0..width).map(|i| if i == type_index { record_type } else { "" });
        Self::from_cells(Arc::clone(&columns), cells, 0)
    }

    /// The row's `Type` cell (`Keyword`, `Campaign Error`, ...).
    pub fn record_type(&self) -> &str {
        self.cell(self.columns.type_index())
    }

    /// The 1-based row number in the file it was read from (the header is row 1); 0 for a
    /// row built in memory.
    pub fn number(&self) -> u64 {
        self.number
    }

    /// The header this row's cells are laid out by.
    pub fn columns(&self) -> &Arc<Columns> {
        &self.columns
    }

    /// A cell by column name: `None` when the header has no such column, `Some("")` when the
    /// cell is empty.
    pub fn get(&self, column: &str) -> Option<&str> {
        self.columns.index(column).map(|i| self.cell(i))
    }

    /// A cell by position ("" past the end of a short row).
    pub fn cell(&self, index: usize) -> &str {
        let Some(&end) = self.ends.get(index) else {
            return "";
        };
        let start = match index.checked_sub(1) {
            Some(previous) => self.ends.get(previous).copied().unwrap_or(0),
            None => 0,
        };
        self.text.get(start..end).unwrap_or("")
    }

    /// A cell by position, `None` when it is empty or past the end of the row.
    pub(crate) fn non_empty_cell(&self, index: usize) -> Option<&str> {
        let end = *self.ends.get(index)?;
        let start = match index.checked_sub(1) {
            Some(previous) => *self.ends.get(previous)?,
            None => 0,
        };
        if end <= start {
            return None;
        }
        self.text.get(start..end)
    }

    /// The number of cells as read (a row may be shorter or longer than its header).
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Cells as read, in file order, including any past the header's last column.
    pub fn cells(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        (0..self.ends.len()).map(|i| self.cell(i))
    }

    /// Every non-empty cell with its column name, in file order. A cell past the header's
    /// last column is named by its 1-based position (`#443`).
    pub fn non_empty_cells(&self) -> impl Iterator<Item = (std::borrow::Cow<'_, str>, &str)> {
        self.cells()
            .enumerate()
            .filter(|(_, v)| !v.is_empty())
            .map(|(i, v)| match self.columns.name(i) {
                Some(n) => (std::borrow::Cow::Borrowed(n), v),
                None => (std::borrow::Cow::Owned(format!("#{}", i + 1)), v),
            })
    }

    /// Sets a cell by column name, adding the column to this row's header when it has none
    /// by that name.
    pub fn set(&mut self, column: &str, value: &str) {
        let index = match self.columns.index(column) {
            Some(i) => i,
            None => {
                self.columns = Arc::new(self.columns.with_column(column));
                self.columns.len() - 1
            }
        };
        let width = self.ends.len().max(index + 1);
        let cells: Vec<&str> = (0..width)
            .map(|i| if i == index { value } else { self.cell(i) })
            .collect();
        *self = Self::from_cells(Arc::clone(&self.columns), cells.into_iter(), self.number);
    }
}

impl std::fmt::Debug for BulkRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        struct NonEmpty<'a>(&'a BulkRow);
        impl std::fmt::Debug for NonEmpty<'_> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_map().entries(self.0.non_empty_cells()).finish()
            }
        }
        f.debug_struct("BulkRow")
            .field("number", &self.number)
            .field("cells", &NonEmpty(self))
            .finish()
    }
}

/// `bytes` as text, every cell checked to be UTF-8 on its own (a character split across two
/// cells is an error, as it is for the `csv` crate). An all-ASCII row, the usual case, is
/// checked in one pass.
pub(crate) fn utf8_cells<'a>(
    bytes: &'a [u8],
    ends: &[usize],
    number: u64,
) -> Result<&'a str, BulkError> {
    let invalid = |cell: usize| BulkError::Malformed {
        row: number,
        message: format!("field {} is not valid UTF-8", cell + 1),
    };
    if bytes.is_ascii() {
        return std::str::from_utf8(bytes).map_err(|_| invalid(0));
    }
    let mut start = 0;
    for (i, &end) in ends.iter().enumerate() {
        let cell = bytes.get(start..end).unwrap_or_default();
        std::str::from_utf8(cell).map_err(|_| invalid(i))?;
        start = end;
    }
    std::str::from_utf8(bytes).map_err(|_| invalid(ends.len()))
}
