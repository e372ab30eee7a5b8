//! Data rows: cells by column name, by the generated column enums or by a resolved index,
//! read through the typed getters of [`cell`](super::cell).

use std::sync::Arc;

use csv::ByteRecord;

use super::cell;
use super::name_memo::NameMemo;
use crate::plain_numbers::{plain_decimal, plain_digits};
use crate::reporting::ReportError;
use crate::{Date, DateTime, Decimal};

/// An empty slot of the name table.
const FREE: u32 = u32::MAX;

/// The report's columns in file order, with a name → position table.
///
/// The table is open addressing over a hash of a name's length and three of its bytes: a
/// getter called by name for six cells of every row of a million-row report spent more in
/// hashing the whole name (SipHash, then FNV) than in parsing the cell. Column names are
/// short and come from the report itself; the table is at most half full, and a probe ends
/// with a comparison of the whole name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Columns {
    names: Vec<String>,
    slots: Box<[u32]>,
}

fn slot_of(name: &[u8], mask: usize) -> usize {
    let len = name.len();
    let byte = |i: usize| u64::from(name.get(i).copied().unwrap_or(0));
    let key = len as u64 | byte(0) << 16 | byte(len / 2) << 24 | byte(len.wrapping_sub(1)) << 32;
    // Fibonacci hashing: the high bits of the product are well mixed.
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & mask
}

impl Columns {
    pub(crate) fn new(names: Vec<String>) -> Self {
        let size = names.len().saturating_mul(2).max(8).next_power_of_two();
        let mut slots = vec![FREE; size].into_boxed_slice();
        let mask = size - 1;
        for (i, name) in names.iter().enumerate() {
            let Ok(index) = u32::try_from(i) else { break };
            let mut at = slot_of(name.as_bytes(), mask);
            while let Some(slot) = slots.get_mut(at) {
                if *slot == FREE {
                    *slot = index;
                    break;
                }
                // The first of two equal names wins, as a reader scanning left to right
                // would find it.
                if names.get(*slot as usize) == Some(name) {
                    break;
                }
                at = (at + 1) & mask;
            }
        }
        Columns { names, slots }
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
        let mask = self.slots.len().checked_sub(1)?;
        let mut at = slot_of(name.as_bytes(), mask);
        // At most half the slots are taken, so every probe meets a free one.
        loop {
            let slot = *self.slots.get(at)?;
            if slot == FREE {
                return None;
            }
            let index = slot as usize;
            if self.names.get(index).is_some_and(|n| n == name) {
                return Some(index);
            }
            at = (at + 1) & mask;
        }
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
    /// The column header this key names, when it is a name: a [`Row`] then finds it through
    /// the previous row's lookups before the name table, with the table's answer for this
    /// name (so `position` must agree with it). `None` (the default) always asks `position`.
    fn header_name(&self) -> Option<&str> {
        None
    }
}

impl ColumnKey for str {
    fn position(&self, columns: &Columns) -> Option<usize> {
        columns.position_of(self)
    }
    fn column_name(&self) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Borrowed(self)
    }
    fn header_name(&self) -> Option<&str> {
        Some(self)
    }
}

impl ColumnKey for String {
    fn position(&self, columns: &Columns) -> Option<usize> {
        columns.position_of(self)
    }
    fn column_name(&self) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Borrowed(self)
    }
    fn header_name(&self) -> Option<&str> {
        Some(self)
    }
}

impl<K: ColumnKey + ?Sized> ColumnKey for &K {
    fn position(&self, columns: &Columns) -> Option<usize> {
        (**self).position(columns)
    }
    fn column_name(&self) -> std::borrow::Cow<'_, str> {
        (**self).column_name()
    }
    fn header_name(&self) -> Option<&str> {
        (**self).header_name()
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
            fn header_name(&self) -> Option<&str> {
                Some(self.as_str())
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
    /// The reader's memory of the previous row's lookups (`None` for an owned record).
    pub(crate) memo: Option<&'r NameMemo>,
}

impl<'r> Row<'r> {
    /// The cell as written (an empty string for an empty cell).
    #[doc(alias = "value")]
    pub fn get(&self, column: impl ColumnKey) -> Result<&'r str, ReportError> {
        let index = self.index(&column)?;
        self.at(index, &column)
    }

    fn index(&self, column: &impl ColumnKey) -> Result<usize, ReportError> {
        let found = match (self.memo, column.header_name()) {
            (Some(memo), Some(name)) => memo.position_of(self.columns, name),
            _ => column.position(self.columns),
        };
        found.ok_or_else(|| self.columns.missing(&column.column_name()))
    }

    /// A cell's bytes; a short row (a truncated file) reads as empty cells rather than
    /// failing the row.
    fn bytes(&self, index: usize) -> &'r [u8] {
        self.record.get(index).unwrap_or(b"")
    }

    fn at(&self, index: usize, column: &impl ColumnKey) -> Result<&'r str, ReportError> {
        std::str::from_utf8(self.bytes(index)).map_err(|_| ReportError::Encoding {
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
        let index = self.index(&column)?;
        self.parsed_at(index, &column, expected, parse)
    }

    fn parsed_at<T>(
        &self,
        index: usize,
        column: &impl ColumnKey,
        expected: &'static str,
        parse: impl Fn(&str) -> Result<Option<T>, ()>,
    ) -> Result<Option<T>, ReportError> {
        let text = self.at(index, column)?;
        parse(text).map_err(|()| ReportError::Cell {
            line: self.line,
            column: column.column_name().into_owned(),
            value: text.chars().take(80).collect(),
            expected,
        })
    }

    /// An integer cell: `1234`, `1,234`.
    #[doc(alias = "int_value")]
    pub fn i64(&self, column: impl ColumnKey) -> Result<Option<i64>, ReportError> {
        let index = self.index(&column)?;
        // Plain digits, most counts, need neither a UTF-8 check nor the clean-up of
        // separators, signs and blanks.
        if let Some(n) = plain_digits(self.bytes(index)).and_then(|n| i64::try_from(n).ok()) {
            return Ok(Some(n));
        }
        self.parsed_at(index, &column, "an integer", cell::parse_i64)
    }

    /// A number as shown: `12.5%` → 12.5, `1,234.56`, `$3.20` → 3.2.
    #[doc(alias = "float_value")]
    pub fn f64(&self, column: impl ColumnKey) -> Result<Option<f64>, ReportError> {
        let index = self.index(&column)?;
        if let Some(v) = plain_decimal(self.bytes(index)) {
            return Ok(Some(v));
        }
        self.parsed_at(index, &column, "a number", cell::parse_f64)
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
            memo: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_is_found_by_its_name_and_only_by_it() {
        let mut names: Vec<String> = [
            "",
            "A",
            "Ab",
            "Clicks",
            "Spend",
            "Network",
            "Keyword",
            "KeywordId",
            "DeviceType",
            "Impressions",
            "AverageCpc",
            "AveragePosition",
            "ConversionRate",
            "Conversions",
            "CostPerConversion",
            "AbcdefghXXXXijklmnop",
            "AbcdefghYYYYijklmnop",
            "Abcdefgh12345678",
            "Abcdefgh12345679",
            "Déjà vu",
            "Spend",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Enough names to fill several table sizes and force probing.
        names.extend((0..300).map(|i| format!("Column {i}")));
        let columns = Columns::new(names.clone());
        for (i, name) in names.iter().enumerate() {
            let first = names.iter().position(|n| n == name).unwrap();
            assert_eq!(columns.position_of(name), Some(first), "{name:?} (#{i})");
        }
        for missing in [
            "spend",
            "Spend ",
            "AbcdefghZZZZijklmnop",
            "Abcdefgh1234567",
            "Column 300",
            "B",
            "Déjà vù",
        ] {
            assert_eq!(columns.position_of(missing), None, "{missing:?}");
        }
        assert_eq!(Columns::default().position_of("Spend"), None);
        assert_eq!(Columns::new(Vec::new()).position_of(""), None);
    }

    #[test]
    fn a_row_with_the_reader_memo_reads_the_cells_an_index_reads() {
        let names = ["Keyword", "Clicks", "Spend", "ClicksTotal", "Clicks"];
        let columns = Columns::new(names.iter().map(|s| s.to_string()).collect());
        let record = ByteRecord::from(vec!["shoes", "12", "3.5", "99", "7"]);
        let mut memo = NameMemo::default();
        // The names asked change between rows; each answer must be the table's.
        let asks: [&[&str]; 4] = [
            &["Clicks", "Spend", "Keyword"],
            &["Clicks", "Spend", "Keyword"],
            &["ClicksTotal", "Clicks", "Missing"],
            &["Spend", "Click", "ClicksTotal"],
        ];
        for ask in asks {
            memo.start_row();
            let row = Row {
                record: &record,
                columns: &columns,
                line: 1,
                memo: Some(&memo),
            };
            for name in ask {
                let by_name = row.get(*name).ok();
                let by_index = columns.index_of(*name).ok().and_then(|i| row.get(i).ok());
                assert_eq!(by_name, by_index, "{name:?}");
            }
        }
        memo.start_row();
        let row = Row {
            record: &record,
            columns: &columns,
            line: 1,
            memo: Some(&memo),
        };
        assert_eq!(row.i64("Clicks").unwrap(), Some(12));
        assert_eq!(row.i64("ClicksTotal").unwrap(), Some(99));
        assert!(matches!(
            row.i64("Click"),
            Err(ReportError::MissingColumn { .. })
        ));
    }
}
