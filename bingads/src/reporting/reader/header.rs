//! The report header block (`"Report Name: ..."` lines in CSV/TSV, attributes of the root
//! element in XML) as typed metadata, and the footer (copyright line, total row).

use super::cell;
use crate::v13::reporting::ReportAggregation;
use crate::{Date, DateTime};
use bingads_gen::xml::XmlText;

/// The metadata the service writes above the data unless the request set
/// `ExcludeReportHeader`. Every field is `None` when the header block was excluded.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct ReportHeader {
    /// `Report Name`: the name given in the request.
    pub report_name: Option<String>,
    /// `Report Time` as written (`10/1/2025,10/31/2025`, or one date).
    pub report_time: Option<String>,
    /// The first day of `Report Time`.
    pub report_time_start: Option<Date>,
    /// The last day of `Report Time` (the same as the start for a one-day report).
    pub report_time_end: Option<Date>,
    /// `Time Zone`, e.g. `(GMT-08:00) Pacific Time (US & Canada); Tijuana`.
    pub time_zone: Option<String>,
    /// `Last Completed Available Day`, in UTC (the service writes a `(GMT)` suffix).
    pub last_completed_available_day: Option<DateTime>,
    /// `Last Completed Available Hour`, in UTC.
    pub last_completed_available_hour: Option<DateTime>,
    /// `Report Aggregation` (an unknown word is kept in `UnknownValue`).
    pub aggregation: Option<ReportAggregation>,
    /// `Report Filter` as written (the service documents it as reserved; usually empty).
    pub filter: Option<String>,
    /// `Potential Incomplete Data`: the last day may not be fully processed yet.
    pub potential_incomplete_data: Option<bool>,
    /// `Rows`: the number of data rows the service wrote (not in XML reports).
    pub row_count: Option<u64>,
    /// `Key: value` lines this version does not know, in file order.
    pub other: Vec<(String, String)>,
}

/// What follows the data rows unless the request set `ExcludeReportFooter`.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct ReportFooter {
    /// The copyright line, e.g. `©2025 Microsoft Corporation. All rights reserved.`
    pub copyright: Option<String>,
    /// A `Total` row, when the report has one: its cells in column order.
    pub totals: Option<Vec<String>>,
}

impl ReportHeader {
    /// Takes one `Key: value` entry (a CSV/TSV header line split at the first `: `, or an
    /// XML attribute whose name is the key without blanks). Returns false for a key that is
    /// not a header key at all (so a CSV line that only looks like one is not swallowed).
    pub(crate) fn set(&mut self, key: &str, value: &str) -> bool {
        let value = value.trim();
        let text = || Some(value.to_string());
        match key.replace(' ', "").as_str() {
            "ReportName" => self.report_name = text(),
            "ReportTime" => {
                self.report_time = text();
                let mut days = value.split(',').map(|d| cell::parse_date(d).ok().flatten());
                self.report_time_start = days.next().flatten();
                self.report_time_end = days.next().flatten().or(self.report_time_start);
            }
            "TimeZone" => self.time_zone = text(),
            "LastCompletedAvailableDay" => {
                self.last_completed_available_day = cell::parse_datetime(value).ok().flatten()
            }
            "LastCompletedAvailableHour" => {
                self.last_completed_available_hour = cell::parse_datetime(value).ok().flatten()
            }
            "ReportAggregation" => {
                self.aggregation = (!value.is_empty())
                    .then(|| ReportAggregation::parse_text(value))
                    .flatten()
            }
            "ReportFilter" => self.filter = text(),
            "PotentialIncompleteData" => {
                self.potential_incomplete_data = cell::parse_bool(value).ok().flatten()
            }
            "Rows" => {
                self.row_count = cell::parse_i64(value)
                    .ok()
                    .flatten()
                    .and_then(|n| u64::try_from(n).ok())
            }
            _ => return false,
        }
        true
    }

    /// A CSV/TSV header line: `Report Name: My report`. Unknown keys before the column row
    /// are kept in `other`; returns false when the line is not `Key: value` at all.
    pub(crate) fn take_line(&mut self, line: &str) -> bool {
        let line = line.trim_start_matches('\u{feff}');
        let Some((key, value)) = line
            .split_once(": ")
            .or_else(|| line.strip_suffix(':').map(|k| (k, "")))
        else {
            return false;
        };
        if key.is_empty() || key.len() > 64 {
            return false;
        }
        if !self.set(key, value) {
            self.other.push((key.to_string(), value.trim().to_string()));
        }
        true
    }
}

/// Whether a line starts like a header block line (`Report Time: 10/1/2025,10/31/2025`
/// split at its comma by a CSV reader, or any line of a TSV read as CSV).
pub(crate) fn starts_like_header(first_cell: &str) -> bool {
    const KEYS: [&str; 9] = [
        "Report Name:",
        "Report Time:",
        "Time Zone:",
        "Last Completed Available Day:",
        "Last Completed Available Hour:",
        "Report Aggregation:",
        "Report Filter:",
        "Potential Incomplete Data:",
        "Rows:",
    ];
    let first_cell = first_cell.trim_start_matches('\u{feff}');
    KEYS.iter().any(|k| first_cell.starts_with(k))
}

/// Whether a one-cell line is the copyright footer (`©2025 Microsoft Corporation. All rights
/// reserved.`; the docs' samples write `@2020`, a mis-decoded file `Â©`).
pub(crate) fn is_copyright(text: &str) -> bool {
    let text = text.trim();
    text.contains("Microsoft Corporation") && text.contains("rights reserved")
        || text.starts_with('©')
        || text.starts_with("(c)") && text.contains("Microsoft")
}

/// Whether a row is the footer's total row (its first cell says `Total`).
pub(crate) fn is_total_row(first_cell: &str) -> bool {
    first_cell.trim().eq_ignore_ascii_case("total")
}
