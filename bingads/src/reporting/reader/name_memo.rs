//! The column lookups of the previous row, replayed: a loop that reads cells by name asks
//! for the same names in the same order on every row, so the n-th lookup of a row is
//! predicted to land where the n-th lookup of the row before landed. A prediction is kept
//! only when the name equals the predicted column's name, so answers are the name table's
//! whatever order the caller uses; a wrong guess costs one comparison before the table.

use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering::Relaxed};

use super::row::Columns;

/// Lookups remembered per row; later ones in the same row go straight to the table.
const REMEMBERED: usize = 32;
/// No prediction for this turn (never looked up, or the name was missing).
const UNKNOWN: u32 = u32::MAX;

/// One reader's memory of the previous row's lookups, shared by the rows it lends out.
///
/// Atomics with relaxed ordering rather than `Cell`s keep [`Row`](super::Row) `Send` and
/// `Sync`; on the targets we build for they compile to plain loads and stores. Races between
/// copies of a row on several threads can only spoil predictions, never answers.
#[derive(Debug)]
pub(crate) struct NameMemo {
    turn: AtomicUsize,
    landed: [AtomicU32; REMEMBERED],
}

impl Default for NameMemo {
    fn default() -> Self {
        NameMemo {
            turn: AtomicUsize::new(0),
            landed: std::array::from_fn(|_| AtomicU32::new(UNKNOWN)),
        }
    }
}

impl NameMemo {
    /// A new row starts replaying from its first lookup.
    pub(crate) fn start_row(&mut self) {
        *self.turn.get_mut() = 0;
    }

    /// The same answer as [`Columns::position_of`], for the same `columns` on every call.
    pub(crate) fn position_of(&self, columns: &Columns, name: &str) -> Option<usize> {
        let turn = self.turn.load(Relaxed);
        let Some(landed) = self.landed.get(turn) else {
            return columns.position_of(name);
        };
        // `turn` < REMEMBERED, so this cannot overflow.
        self.turn.store(turn + 1, Relaxed);
        let predicted = landed.load(Relaxed) as usize;
        // Every stored index is the table's answer for a name equal to the column's name
        // (the first of equal names), so an equal name has the same answer.
        if columns
            .names()
            .get(predicted)
            .is_some_and(|column| column == name)
        {
            return Some(predicted);
        }
        let found = columns.position_of(name);
        let remembered = found.and_then(|i| u32::try_from(i).ok()).unwrap_or(UNKNOWN);
        landed.store(remembered, Relaxed);
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns(names: &[&str]) -> Columns {
        Columns::new(names.iter().map(|s| s.to_string()).collect())
    }

    /// Asks the memo and the table for each name of each row, starting a row each time.
    fn agree(columns: &Columns, rows: &[Vec<&str>]) {
        let mut memo = NameMemo::default();
        for (r, row) in rows.iter().enumerate() {
            memo.start_row();
            for name in row {
                assert_eq!(
                    memo.position_of(columns, name),
                    columns.position_of(name),
                    "row {r}, {name:?}"
                );
            }
        }
    }

    #[test]
    fn every_column_gets_the_table_answer_on_every_row() {
        let names: Vec<String> = (0..40).map(|i| format!("Column{i}")).collect();
        let table = Columns::new(names.clone());
        let all: Vec<&str> = names.iter().map(String::as_str).collect();
        let mut reversed = all.clone();
        reversed.reverse();
        // More lookups than remembered, repeated, then in another order.
        agree(
            &table,
            &[all.clone(), all.clone(), all, reversed.clone(), reversed],
        );
        for (i, name) in names.iter().enumerate() {
            let mut memo = NameMemo::default();
            for _ in 0..3 {
                memo.start_row();
                assert_eq!(memo.position_of(&table, name), Some(i));
            }
        }
    }

    #[test]
    fn names_that_change_between_rows_are_found_afresh() {
        let table = columns(&["Impressions", "Clicks", "Spend", "Keyword", "Network"]);
        agree(
            &table,
            &[
                vec!["Impressions", "Clicks", "Spend"],
                vec!["Impressions", "Clicks", "Spend"],
                vec!["Clicks", "Impressions", "Keyword"],
                vec!["Spend", "Missing", "Network"],
                vec!["Spend", "Missing", "Network", "Extra"],
                vec!["Missing", "Spend"],
                vec![],
                vec!["Network", "Network", "Network"],
                vec!["Impressions", "Clicks", "Spend"],
            ],
        );
    }

    #[test]
    fn a_name_that_is_a_prefix_of_another_is_not_taken_for_it() {
        let table = columns(&["Conversions", "ConversionsQualified", "Conv", "C", ""]);
        agree(
            &table,
            &[
                vec!["Conversions", "Conv", "C"],
                vec!["ConversionsQualified", "Conversions", "Co"],
                vec!["Conv", "ConversionsQualified", ""],
                vec!["Conversion", "Conversionsx", "Conv"],
                vec!["Conversions", "Conv", "C"],
            ],
        );
    }

    #[test]
    fn duplicate_column_names_answer_the_first_as_the_table_does() {
        let table = columns(&["Spend", "Clicks", "Spend"]);
        agree(&table, &[vec!["Spend", "Clicks"], vec!["Spend", "Clicks"]]);
        let mut memo = NameMemo::default();
        memo.start_row();
        assert_eq!(memo.position_of(&table, "Spend"), Some(0));
        memo.start_row();
        assert_eq!(memo.position_of(&table, "Spend"), Some(0));
    }

    #[test]
    fn an_empty_report_finds_nothing() {
        let table = Columns::default();
        let mut memo = NameMemo::default();
        for _ in 0..2 {
            memo.start_row();
            assert_eq!(memo.position_of(&table, "Spend"), None);
            assert_eq!(memo.position_of(&table, ""), None);
        }
    }
}
