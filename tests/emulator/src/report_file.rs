//! Report files as the Reporting service lays them out, with deterministic synthetic rows:
//! what the emulator's download URLs serve, and what reader tests read. CSV as the service
//! writes it (UTF-8 with BOM, CRLF, every field quoted, the `"Key: value"` header block, a
//! blank line, the column row, the rows, a blank line, the copyright line); TSV the same with
//! tabs; XML as `<Report ...attributes...><Columns><Column name=..>` then `<Table><Row>` with
//! one `<Column value=".."/>` child per cell. Each part can be left out as the request's
//! `ExcludeReportHeader`, `ExcludeColumnHeaders` and `ExcludeReportFooter` say.

use std::io::Write;

/// Csv, Tsv or Xml.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFileFormat {
    Csv,
    Tsv,
    Xml,
}

impl ReportFileFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ReportFileFormat::Csv => "csv",
            ReportFileFormat::Tsv => "tsv",
            ReportFileFormat::Xml => "xml",
        }
    }
}

/// What to write.
#[derive(Debug, Clone)]
pub struct ReportFileSpec {
    /// `Report Name` (the request's `ReportName`, or the type's title).
    pub report_name: String,
    pub columns: Vec<String>,
    pub format: ReportFileFormat,
    pub header: bool,
    pub footer: bool,
    pub column_headers: bool,
    pub rows: usize,
    /// `Report Aggregation` as written (`Daily`, `Summary`, ...).
    pub aggregation: String,
}

impl ReportFileSpec {
    /// A CSV with everything in it.
    pub fn csv(columns: &[&str], rows: usize) -> Self {
        ReportFileSpec {
            report_name: "Keyword Performance Report".to_string(),
            columns: columns.iter().map(|c| c.to_string()).collect(),
            format: ReportFileFormat::Csv,
            header: true,
            footer: true,
            column_headers: true,
            rows,
            aggregation: "Daily".to_string(),
        }
    }
}

/// The footer line the service writes.
pub const COPYRIGHT: &str = "\u{a9}2026 Microsoft Corporation. All rights reserved. ";

const DEVICES: [&str; 3] = ["Computer", "Smartphone", "Tablet"];
const NETWORKS: [&str; 3] = [
    "Microsoft sites and select traffic",
    "Syndicated search partners",
    "Audience",
];
const MATCH_TYPES: [&str; 3] = ["Exact", "Phrase", "Broad"];

fn pick<'a>(list: &[&'a str], i: usize) -> &'a str {
    list.get(i % list.len().max(1)).copied().unwrap_or("")
}

/// Impressions and clicks of row `r`, the basis of the derived columns.
fn counts(r: usize) -> (u64, u64) {
    let impressions = (r as u64 * 7919 + 13) % 5000;
    let clicks = if impressions == 0 {
        0
    } else {
        (r as u64 * 31) % (impressions / 10 + 1)
    };
    (impressions, clicks)
}

/// The cents of row `r`'s spend.
fn spend_cents(r: usize) -> u64 {
    let (_, clicks) = counts(r);
    clicks * (5 + (r as u64 * 17) % 300)
}

fn money(cents: u64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// A deterministic value for column `column` of data row `r` (0-based), in the service's
/// cell formats: integers, `12.34%` percents, `12.34` amounts, `yyyy-mm-dd` days, `--` for a
/// statistic with no value, text for attributes.
pub fn cell(column: &str, r: usize) -> String {
    let (impressions, clicks) = counts(r);
    let conversions = clicks / 5;
    match column {
        "AccountName" => "Contoso Shoes".to_string(),
        "AccountNumber" => "F149876543".to_string(),
        "AccountId" => "149876543".to_string(),
        "TimePeriod" | "GregorianDate" => format!("2026-10-{:02}", r % 31 + 1),
        "CampaignName" => format!("Campaign {:03} - Shoes", r % 100),
        "AdGroupName" => format!("Ad Group {:03}", r % 1000),
        "Keyword" => format!(
            "{} shoes {}",
            pick(&["red", "trail", "running", "leather"], r),
            r % 997
        ),
        "KeywordStatus" | "CampaignStatus" | "AdGroupStatus" | "AdStatus" | "AccountStatus" => {
            "Active".to_string()
        }
        "BidMatchType" | "DeliveredMatchType" => pick(&MATCH_TYPES, r).to_string(),
        "DeviceType" => pick(&DEVICES, r / 3).to_string(),
        "Network" => pick(&NETWORKS, r / 9).to_string(),
        "CurrencyCode" => "USD".to_string(),
        "Impressions" => impressions.to_string(),
        "Clicks" => clicks.to_string(),
        "Conversions" => conversions.to_string(),
        "Ctr" => match (clicks * 10_000).checked_div(impressions) {
            Some(basis_points) => format!("{}.{:02}%", basis_points / 100, basis_points % 100),
            None => "0.00%".to_string(),
        },
        "ConversionRate" => match (conversions * 10_000).checked_div(clicks) {
            Some(bp) => format!("{}.{:02}%", bp / 100, bp % 100),
            None => String::new(),
        },
        "Spend" => money(spend_cents(r)),
        "AverageCpc" => money(spend_cents(r).checked_div(clicks).unwrap_or(0)),
        "CostPerConversion" => spend_cents(r)
            .checked_div(conversions)
            .map(money)
            .unwrap_or_default(),
        "Revenue" => money(conversions * 4_250),
        "AveragePosition" => "0.00".to_string(),
        "QualityScore" => {
            if r % 11 == 0 {
                "--".to_string()
            } else {
                (r % 10 + 1).to_string()
            }
        }
        "CurrentMaxCpc" => money(5 + (r as u64 * 17) % 300),
        "FinalUrl" | "DestinationUrl" => format!("https://www.contoso.com/shoes/{r}"),
        other if other.ends_with("Id") => (1_000_000 + r as u64 * 7).to_string(),
        other if other.ends_with("Percent") || other.ends_with("Rate") => {
            format!("{}.{:02}%", r % 100, r % 7)
        }
        other
            if other.contains("Spend")
                || other.contains("Cpc")
                || other.contains("Revenue")
                || other.contains("Cost") =>
        {
            money(spend_cents(r))
        }
        other => format!("{other} {r}"),
    }
}

/// The report text (not zipped).
pub fn write_report(spec: &ReportFileSpec) -> Vec<u8> {
    match spec.format {
        ReportFileFormat::Xml => write_xml(spec),
        ReportFileFormat::Csv => write_delimited(spec, ','),
        ReportFileFormat::Tsv => write_delimited(spec, '\t'),
    }
}

fn header_entries(spec: &ReportFileSpec) -> Vec<(&'static str, String)> {
    vec![
        ("Report Name", spec.report_name.clone()),
        ("Report Time", "10/1/2026,10/31/2026".to_string()),
        (
            "Time Zone",
            "(GMT-08:00) Pacific Time (US & Canada); Tijuana".to_string(),
        ),
        (
            "Last Completed Available Day",
            "11/22/2026 10:15:00 PM (GMT)".to_string(),
        ),
        (
            "Last Completed Available Hour",
            "11/23/2026 2:15:00 AM (GMT)".to_string(),
        ),
        ("Report Aggregation", spec.aggregation.clone()),
        ("Report Filter", String::new()),
        ("Potential Incomplete Data", "false".to_string()),
        ("Rows", spec.rows.to_string()),
    ]
}

fn quote(field: &str, delimiter: char) -> String {
    if delimiter == ',' || field.contains(['"', '\t', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

fn push_line(out: &mut String, fields: &[String], delimiter: char) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(delimiter);
        }
        out.push_str(&quote(field, delimiter));
    }
    out.push_str("\r\n");
}

fn write_delimited(spec: &ReportFileSpec, delimiter: char) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    if spec.header {
        for (key, value) in header_entries(spec) {
            push_line(&mut out, &[format!("{key}: {value}")], delimiter);
        }
        out.push_str("\r\n");
    }
    if spec.column_headers {
        push_line(&mut out, &spec.columns, delimiter);
    }
    for r in 0..spec.rows {
        let cells: Vec<String> = spec.columns.iter().map(|c| cell(c, r)).collect();
        push_line(&mut out, &cells, delimiter);
    }
    if spec.footer {
        out.push_str("\r\n");
        push_line(&mut out, &[COPYRIGHT.to_string()], delimiter);
    }
    out.into_bytes()
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn write_xml(spec: &ReportFileSpec) -> Vec<u8> {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n");
    out.push_str(
        "<Report xmlns=\"http://adcenter.microsoft.com/advertiser/reporting/v5/XMLSchema\"",
    );
    if spec.header {
        for (key, value) in header_entries(spec) {
            // XML reports have no Rows attribute (the service documents Rows as CSV/TSV only).
            if key == "Rows" || key == "Report Filter" {
                continue;
            }
            out.push_str(&format!(
                " {}=\"{}\"",
                key.replace(' ', ""),
                xml_escape(&value)
            ));
        }
    }
    out.push('>');
    if spec.column_headers {
        out.push_str("<Columns>");
        for column in &spec.columns {
            out.push_str(&format!("<Column name=\"{}\" />", xml_escape(column)));
        }
        out.push_str("</Columns>");
    }
    out.push_str("<Table>");
    for r in 0..spec.rows {
        out.push_str("<Row>");
        for column in &spec.columns {
            out.push_str(&format!(
                "<{column} value=\"{}\" />",
                xml_escape(&cell(column, r))
            ));
        }
        out.push_str("</Row>");
    }
    out.push_str("</Table>");
    if spec.footer {
        out.push_str(&format!("<Copyright>{}</Copyright>", xml_escape(COPYRIGHT)));
    }
    out.push_str("</Report>");
    out.into_bytes()
}

/// A zip with one deflated entry, as the service's download URLs serve reports.
pub fn zip_report(entry_name: &str, text: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    // Writing to memory cannot fail on I/O; a failure here would be a bug in the zip crate.
    let written = zip
        .start_file(entry_name, options)
        .map_err(std::io::Error::other)
        .and_then(|()| zip.write_all(text));
    match written.and_then(|()| zip.finish().map_err(std::io::Error::other)) {
        Ok(cursor) => cursor.into_inner(),
        Err(_) => Vec::new(),
    }
}
