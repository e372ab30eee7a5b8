//! Data rows: cells by column name, by the generated column enums or by a resolved index,
//! read through the typed getters of [`cell`](super::cell).

use std::collections::HashMap;
use std::sync::Arc;

use csv::ByteRecord;

use super::cell;
use crate::reporting::ReportError;
use crate::{Date, DateTime, Decimal};

/// FNV-1a: column names are short and trusted (they come from the report's own column
/// row), so a simple hash beats the default SipHash on the per-cell lookup by name.
#[derive(Debug, Clone, Copy)]
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

type Positions = HashMap<String, usize, std::hash::BuildHasherDefault<Fnv>>;

/// The report's columns in file order, with a name → position index.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Columns {
    names: Vec<String>,
    positions: Positions,
}

impl Columns {
    pub(crate) fn new(names: Vec<String>) -> Self {
        let mut positions = Positions::with_capacity_and_hasher(names.len(), Default::default());
        for (i, name) in names.iter().enumerate() {
            // The first of two equal names wins, as a reader scanning left to right would find it.
            positions.entry(name.clone()).or_insert(i);
        }
        Columns { names, positions }
    }

    /// The names, in file order.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Where a column is, or an error naming the columns the report has. Resolve once and
    /// pass the [`ColumnIndex`] to the getters in a hot loop to skip the name lookup.
    pub fn index_of(&self, column: impl ColumnKey) -> Result<ColumnIndex, ReportError> {
        column
            .position(self)
            .map(ColumnIndex)
            .ok_or_else(|| self.missing(&column.column_name()))
    }

    pub(crate) fn position_of(&self, name: &str) -> Option<usize> {
        self.positions.get(name).copied()
    }

    fn missing(&self, name: &str) -> ReportError {
        ReportError::MissingColumn {
            column: name.to_string(),
            present: self.names.clone(),
        }
    }
}

/// A column position resolved with [`Columns::index_of`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnIndex(pub usize);

/// Something that names a column: `&str`/`String` (the column header as written), any
/// generated `...ReportColumn` enum value, or a resolved [`ColumnIndex`].
pub trait ColumnKey {
    /// The column's position in this report, if it has the column.
    fn position(&self, columns: &Columns) -> Option<usize>;
    /// The name, for error messages.
    fn column_name(&self) -> std::borrow::Cow<'_, str>;
}

impl ColumnKey for str {
    fn position(&self, columns: &Columns) -> Option<usize> {
        columns.position_of(self)
    }
    fn column_name(&self) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Borrowed(self)
    }
}

impl ColumnKey for String {
    fn position(&self, columns: &Columns) -> Option<usize> {
        columns.position_of(self)
    }
    fn column_name(&self) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Borrowed(self)
    }
}

impl<K: ColumnKey + ?Sized> ColumnKey for &K {
    fn position(&self, columns: &Columns) -> Option<usize> {
        (**self).position(columns)
    }
    fn column_name(&self) -> std::borrow::Cow<'_, str> {
        (**self).column_name()
    }
}

impl ColumnKey for ColumnIndex {
    fn position(&self, columns: &Columns) -> Option<usize> {
        (self.0 < columns.len()).then_some(self.0)
    }
    fn column_name(&self) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Owned(format!("#{}", self.0))
    }
}

macro_rules! column_enum_keys {
    ($($request:ident => $column:ident $(: $flag:ident)*;)*) => {$(
        impl ColumnKey for crate::v13::reporting::$column {
            fn position(&self, columns: &Columns) -> Option<usize> {
                columns.position_of(self.as_str())
            }
            fn column_name(&self) -> std::borrow::Cow<'_, str> {
                std::borrow::Cow::Borrowed(self.as_str())
            }
        }
    )*};
}
crate::reporting::types::for_each_report_type!(column_enum_keys);

/// One data row, borrowed from the reader until the next row is read. Getters take any
/// [`ColumnKey`]; each returns `Ok(None)` for an empty cell or `--`, and an error naming
/// the columns present when the report has no such column.
#[derive(Debug, Clone, Copy)]
pub struct Row<'r> {
    pub(crate) record: &'r ByteRecord,
    pub(crate) columns: &'r Columns,
    pub(crate) line: u64,
}

impl<'r> Row<'r> {
    /// The cell as written (an empty string for an empty cell).
    pub fn get(&self, column: impl ColumnKey) -> Result<&'r str, ReportError> {
        let index = column
            .position(self.columns)
            .ok_or_else(|| self.columns.missing(&column.column_name()))?;
        self.at(index, &column)
    }

    fn at(&self, index: usize, column: &impl ColumnKey) -> Result<&'r str, ReportError> {
        // A short row (a truncated file) reads as empty cells rather than failing the row.
        let bytes = self.record.get(index).unwrap_or(b"");
        std::str::from_utf8(bytes).map_err(|_| ReportError::Encoding {
            line: self.line,
            column: column.column_name().into_owned(),
        })
    }

    /// The cell's text, `None` when it holds no value (empty or `--`).
    pub fn text(&self, column: impl ColumnKey) -> Result<Option<&'r str>, ReportError> {
        let text = self.get(column)?;
        Ok((!cell::is_empty(text)).then_some(text))
    }

    fn parsed<T>(
        &self,
        column: impl ColumnKey,
        expected: &'static str,
        parse: impl Fn(&str) -> Result<Option<T>, ()>,
    ) -> Result<Option<T>, ReportError> {
        let text = self.get(&column)?;
        parse(text).map_err(|()| ReportError::Cell {
            line: self.line,
            column: column.column_name().into_owned(),
            value: text.chars().take(80).collect(),
            expected,
        })
    }

    /// An integer cell: `1234`, `1,234`.
    pub fn i64(&self, column: impl ColumnKey) -> Result<Option<i64>, ReportError> {
        self.parsed(column, "an integer", cell::parse_i64)
    }

    /// A number as shown: `12.5%` → 12.5, `1,234.56`, `$3.20` → 3.2.
    pub fn f64(&self, column: impl ColumnKey) -> Result<Option<f64>, ReportError> {
        self.parsed(column, "a number", cell::parse_f64)
    }

    /// An amount kept exactly (money: `Spend`, `Revenue`, `AverageCpc`).
    pub fn decimal(&self, column: impl ColumnKey) -> Result<Option<Decimal>, ReportError> {
        self.parsed(column, "an amount", cell::parse_decimal)
    }

    /// A date: `2025-10-01`, `10/1/2025`, or the date of an hourly `TimePeriod`.
    pub fn date(&self, column: impl ColumnKey) -> Result<Option<Date>, ReportError> {
        self.parsed(column, "a date", cell::parse_date)
    }

    /// A timestamp: `11/22/2025 10:15:00 PM` or ISO 8601.
    pub fn datetime(&self, column: impl ColumnKey) -> Result<Option<DateTime>, ReportError> {
        self.parsed(column, "a date and time", cell::parse_datetime)
    }

    /// `true`/`false`.
    pub fn bool(&self, column: impl ColumnKey) -> Result<Option<bool>, ReportError> {
        self.parsed(column, "true or false", cell::parse_bool)
    }

    /// The 1-based line (CSV/TSV) or row number (XML) in the file, for messages.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// The report's columns.
    pub fn columns(&self) -> &'r Columns {
        self.columns
    }

    /// (column name, cell text) in column order; a cell that is not UTF-8 reads as `�`s.
    pub fn iter(&self) -> impl Iterator<Item = (&'r str, std::borrow::Cow<'r, str>)> + 'r {
        let record = self.record;
        self.columns.names.iter().enumerate().map(move |(i, name)| {
            (
                name.as_str(),
                String::from_utf8_lossy(record.get(i).unwrap_or(b"")),
            )
        })
    }

    /// A copy that outlives the reader's next step.
    pub fn to_record(&self, columns: &Arc<Columns>) -> ReportRecord {
        ReportRecord {
            record: self.record.clone(),
            columns: Arc::clone(columns),
            line: self.line,
        }
    }
}

/// An owned data row (from [`ReportReader::records`](super::ReportReader::records));
/// [`row`](Self::row) gives the same getters as [`Row`].
#[derive(Debug, Clone)]
pub struct ReportRecord {
    record: ByteRecord,
    columns: Arc<Columns>,
    line: u64,
}

impl ReportRecord {
    pub fn row(&self) -> Row<'_> {
        Row {
            record: &self.record,
            columns: &self.columns,
            line: self.line,
        }
    }
}
