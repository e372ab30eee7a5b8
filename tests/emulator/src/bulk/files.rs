//! Bulk files of the emulator: the download file built from its state, zipping, and reading
//! an uploaded file (zipped or plain, CSV or TSV, with or without BOM) into rows by column
//! name.

use std::collections::HashMap;
use std::io::{Read, Write};

use bingads_gen::Nillable;
use bingads_gen::v13::campaign_management::{Campaign, Keyword};

use crate::state::DataStore;

/// The columns of the emulator's download and result files (a subset of the service's 6.0
/// header: what the emulated entities have).
pub(crate) const COLUMNS: &[&str] = &[
    "Type",
    "Status",
    "Id",
    "Parent Id",
    "Campaign",
    "Ad Group",
    "Client Id",
    "Modified Time",
    "Name",
    "Sync Time",
    "Time Zone",
    "Budget",
    "Budget Type",
    "Campaign Type",
    "Keyword",
    "Match Type",
    "Bid",
    "Error",
    "Error Number",
];

/// One row by column name (columns not in [`COLUMNS`] are kept too, and dropped on write).
pub(crate) type Row = HashMap<String, String>;

pub(crate) fn row(cells: &[(&str, String)]) -> Row {
    cells
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

/// `MM/dd/yyyy HH:mm:ss` in UTC, how bulk files write times.
pub(crate) fn bulk_time_now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rem = secs % 86_400;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{month:02}/{day:02}/{year:04} {:02}:{:02}:{:02}",
        rem / 3_600,
        rem % 3_600 / 60,
        rem % 60
    )
}

fn text(n: &Nillable<String>) -> String {
    n.value().cloned().unwrap_or_default()
}

fn num<T: ToString>(n: &Nillable<T>) -> String {
    n.value().map(ToString::to_string).unwrap_or_default()
}

pub(crate) fn campaign_row(c: &Campaign, account: i64) -> Row {
    row(&[
        ("Type", "Campaign".into()),
        (
            "Status",
            c.status
                .value()
                .map(|s| s.as_str().to_string())
                .unwrap_or_default(),
        ),
        ("Id", num(&c.id)),
        ("Parent Id", account.to_string()),
        ("Campaign", text(&c.name)),
        ("Time Zone", text(&c.time_zone)),
        ("Budget", num(&c.daily_budget)),
        (
            "Budget Type",
            c.budget_type
                .value()
                .map(|s| s.as_str().to_string())
                .unwrap_or_default(),
        ),
        (
            "Campaign Type",
            c.campaign_type
                .value()
                .and_then(|f| f.iter().next().map(|t| t.as_str().to_string()))
                .unwrap_or_default(),
        ),
    ])
}

pub(crate) fn keyword_row(k: &Keyword, ad_group: i64, campaign: &str, group: &str) -> Row {
    row(&[
        ("Type", "Keyword".into()),
        (
            "Status",
            k.status
                .value()
                .map(|s| s.as_str().to_string())
                .unwrap_or_default(),
        ),
        ("Id", num(&k.id)),
        ("Parent Id", ad_group.to_string()),
        ("Campaign", campaign.to_string()),
        ("Ad Group", group.to_string()),
        ("Keyword", text(&k.text)),
        (
            "Match Type",
            k.match_type
                .value()
                .map(|m| m.as_str().to_string())
                .unwrap_or_default(),
        ),
        (
            "Bid",
            k.bid
                .value()
                .and_then(|b| b.amount.value().map(ToString::to_string))
                .unwrap_or_default(),
        ),
    ])
}

/// The download file's rows for these accounts (and, when given, only these campaigns).
pub(crate) fn download_rows(
    data: &DataStore,
    accounts: &[i64],
    campaigns: Option<&[i64]>,
    account_names: &dyn Fn(i64) -> String,
    customer_id: i64,
) -> Vec<Row> {
    let mut rows = Vec::new();
    let sync = bulk_time_now();
    for &account in accounts {
        rows.push(row(&[
            ("Type", "Account".into()),
            ("Id", account.to_string()),
            ("Parent Id", customer_id.to_string()),
            ("Name", account_names(account)),
            ("Sync Time", sync.clone()),
        ]));
        for (cid, c) in data
            .campaigns
            .iter()
            .filter(|(id, c)| c.parent == account && campaigns.is_none_or(|only| only.contains(id)))
        {
            rows.push(campaign_row(&c.value, account));
            let cname = text(&c.value.name);
            for (gid, g) in data.ad_groups.iter().filter(|(_, g)| g.parent == *cid) {
                let gname = text(&g.value.name);
                rows.push(row(&[
                    ("Type", "Ad Group".into()),
                    (
                        "Status",
                        g.value
                            .status
                            .value()
                            .map(|s| s.as_str().to_string())
                            .unwrap_or_default(),
                    ),
                    ("Id", gid.to_string()),
                    ("Parent Id", cid.to_string()),
                    ("Campaign", cname.clone()),
                    ("Ad Group", gname.clone()),
                    (
                        "Bid",
                        g.value
                            .cpc_bid
                            .value()
                            .and_then(|b| b.amount.value().map(ToString::to_string))
                            .unwrap_or_default(),
                    ),
                ]));
                for k in data.keywords.values().filter(|k| k.parent == *gid) {
                    rows.push(keyword_row(&k.value, *gid, &cname, &gname));
                }
            }
        }
    }
    rows
}

/// A bulk file: BOM, header, the format version row, then `rows`.
pub(crate) fn write_file(rows: &[Row], tsv: bool) -> Vec<u8> {
    let mut out = b"\xef\xbb\xbf".to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(if tsv { b'\t' } else { b',' })
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        let _ = w.write_record(COLUMNS);
        let mut version = Row::new();
        version.insert("Type".into(), "Format Version".into());
        version.insert("Name".into(), "6.0".into());
        for r in std::iter::once(&version).chain(rows) {
            let _ = w.write_record(COLUMNS.iter().map(|c| r.get(*c).map_or("", String::as_str)));
        }
        let _ = w.flush();
    }
    out
}

/// `bytes` as a zip archive of one file named `name`.
pub(crate) fn zip(name: &str, bytes: &[u8]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    if w.start_file(name, options).is_err() || w.write_all(bytes).is_err() {
        return Vec::new();
    }
    w.finish().map(|c| c.into_inner()).unwrap_or_default()
}

/// Why an uploaded file could not be read at all.
#[derive(Debug)]
pub(crate) struct Unreadable(pub String);

/// The rows of an uploaded file: unzipped when it is a zip, BOM skipped, CSV or TSV by the
/// header row.
pub(crate) fn read_upload(bytes: &[u8]) -> Result<Vec<Row>, Unreadable> {
    let text = if bytes.starts_with(b"PK\x03\x04") {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
            .map_err(|e| Unreadable(format!("not a readable zip: {e}")))?;
        let mut entry = archive
            .by_index(0)
            .map_err(|e| Unreadable(format!("no file in the zip: {e}")))?;
        let mut out = Vec::new();
        // Uploads are at most 100 MB; the emulator reads at most that much.
        entry
            .by_ref()
            .take(100 * 1024 * 1024)
            .read_to_end(&mut out)
            .map_err(|e| Unreadable(format!("corrupt zip entry: {e}")))?;
        out
    } else {
        bytes.to_vec()
    };
    read_rows(&text)
}

pub(crate) fn read_rows(text: &[u8]) -> Result<Vec<Row>, Unreadable> {
    let body = text
        .strip_prefix(b"\xef\xbb\xbf".as_slice())
        .unwrap_or(text);
    let first_line = body.split(|b| *b == b'\n').next().unwrap_or_default();
    let tsv = first_line.contains(&b'\t');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if tsv { b'\t' } else { b',' })
        .flexible(true)
        .from_reader(body);
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| Unreadable(format!("no header row: {e}")))?
        .iter()
        .map(str::to_string)
        .collect();
    if !header.iter().any(|h| h == "Type") {
        return Err(Unreadable("the header has no Type column".into()));
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| Unreadable(format!("malformed row: {e}")))?;
        let r: Row = header
            .iter()
            .zip(record.iter())
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (k.clone(), v.to_string()))
            .collect();
        rows.push(r);
    }
    Ok(rows)
}

/// One CSV line per row (header first), as `UploadEntityRecords` answers.
pub(crate) fn lines(rows: &[Row]) -> Vec<String> {
    let file = write_file(rows, false);
    let body = file.get(3..).unwrap_or_default();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body);
    let mut out = Vec::new();
    let mut record = csv::ByteRecord::new();
    let mut start = 0usize;
    while let Ok(true) = reader.read_byte_record(&mut record) {
        let end = usize::try_from(reader.position().byte()).unwrap_or(body.len());
        let raw = body.get(start..end).unwrap_or_default();
        let raw = raw.strip_prefix(b"\n").unwrap_or(raw);
        let raw = raw.strip_suffix(b"\n").unwrap_or(raw);
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        out.push(String::from_utf8_lossy(raw).into_owned());
        start = end;
    }
    out
}
