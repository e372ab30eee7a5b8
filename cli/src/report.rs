//! `bingads report`: download a report (from a JSON report request in the REST form, or a
//! few flags for the common cases) with progress bars, ask for a report's status, resume a
//! download from its request id, and read any report file as JSON lines or clean CSV.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use bingads::RetryPolicy;
use bingads::reporting::{
    ReadOptions, ReportLayout, ReportReader, ReportingError, ReportingServiceManager,
    report_columns,
};
use bingads::transfer::{Progress, ProgressSink, ResultFileOptions};
use bingads::v13::reporting::{ReportFormat, ReportRequest, SubmitGenerateReportRequest};
use bingads_gen::Nillable;
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::{Value, json};

use crate::args::{ReportDownloadArgs, ReportFormatArg, ReportReadArgs, ReportResumeArgs};
use crate::error::{CliError, Exit};
use crate::settings::Settings;

fn format_of(arg: ReportFormatArg) -> ReportFormat {
    match arg {
        ReportFormatArg::Csv => ReportFormat::Csv,
        ReportFormatArg::Tsv => ReportFormat::Tsv,
        ReportFormatArg::Xml => ReportFormat::Xml,
    }
}

/// The report request: from JSON (a `ReportRequest` object with its `Type`, or a whole
/// `SubmitGenerateReport` body), or built from the flags as the same JSON, so the flags
/// reach every report type and their names are checked by the same decoder.
pub fn build_request(
    a: &ReportDownloadArgs,
    json_text: Option<&str>,
    account: Option<i64>,
) -> Result<ReportRequest, CliError> {
    let mut value: Value = match json_text {
        Some(text) => serde_json::from_str(text)
            .map_err(|e| CliError::usage(format!("the report request is not valid JSON: {e}")))?,
        None => {
            let kind = a.r#type.as_deref().ok_or_else(|| {
                CliError::usage(
                    "give a report request with --request FILE, or --type, --columns and --account",
                )
            })?;
            let type_name = if kind.ends_with("ReportRequest") {
                kind.to_string()
            } else {
                format!("{kind}ReportRequest")
            };
            let Some(valid) = report_columns(&type_name) else {
                return Err(CliError::usage(format!("unknown report type {kind}"))
                    .hint("e.g. KeywordPerformance, CampaignPerformance, AdGroupPerformance, SearchQueryPerformance"));
            };
            if a.columns.is_empty() {
                return Err(
                    CliError::usage(format!("--columns is required for {type_name}"))
                        .hint(format!("its columns: {}", valid.join(","))),
                );
            }
            let account = account.ok_or_else(|| {
                CliError::usage(
                    "--account (or BINGADS_ACCOUNT_ID / --account-id) is required with --type",
                )
            })?;
            let mut request = json!({
                "Type": type_name,
                "Columns": a.columns,
                "Scope": {"AccountIds": [account.to_string()]},
            });
            let time = match (&a.from, &a.to) {
                (Some(from), Some(to)) => {
                    json!({"CustomDateRangeStart": date_json(from)?, "CustomDateRangeEnd": date_json(to)?})
                }
                (None, None) => json!({"PredefinedTime": a.time}),
                _ => return Err(CliError::usage("--from and --to go together")),
            };
            request["Time"] = time;
            if let Some(aggregation) = &a.aggregation {
                request["Aggregation"] = json!(aggregation);
            }
            request
        }
    };
    if let Some(inner) = value.get("ReportRequest") {
        value = inner.clone();
    }
    if let Some(object) = value.as_object_mut() {
        if let Some(format) = a.format {
            object.insert("Format".into(), json!(format_of(format).as_str()));
        }
        for (flag, key) in [
            (a.exclude_header, "ExcludeReportHeader"),
            (a.exclude_footer, "ExcludeReportFooter"),
            (a.exclude_column_headers, "ExcludeColumnHeaders"),
        ] {
            if flag {
                object.insert(key.into(), json!(true));
            }
        }
        if let Some(name) = &a.name {
            object.insert("ReportName".into(), json!(name));
        }
    }
    let body = json!({ "ReportRequest": value }).to_string();
    let submit: SubmitGenerateReportRequest = bingads_gen::json::from_str(&body)
        .map_err(|e| CliError::usage(format!("report request: {e}")))?;
    match submit.report_request {
        Nillable::Value(r) => Ok(r),
        _ => Err(CliError::usage("the report request is empty")),
    }
}

fn date_json(text: &str) -> Result<Value, CliError> {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: Option<&&str>| s.and_then(|s| s.parse::<i32>().ok());
    match (
        number(parts.first()),
        number(parts.get(1)),
        number(parts.get(2)),
    ) {
        (Some(year), Some(month), Some(day)) if parts.len() == 3 => {
            Ok(json!({"Day": day, "Month": month, "Year": year}))
        }
        _ => Err(CliError::usage(format!(
            "{text:?} is not a date; write YYYY-MM-DD"
        ))),
    }
}

/// Two bars: a spinner while the service prepares the report, then bytes downloaded.
fn progress_bars(quiet: bool) -> Option<ProgressSink> {
    if quiet {
        return None;
    }
    let preparing = ProgressBar::new_spinner();
    preparing.set_style(
        ProgressStyle::with_template("{spinner} {msg} [{elapsed}]")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    preparing.set_message("submitted; waiting for the report");
    preparing.enable_steady_tick(Duration::from_millis(120));
    let download = ProgressBar::hidden();
    download.set_style(
        ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes} {binary_bytes_per_sec}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    Some(ProgressSink::new(move |p| match p {
        Progress::Status { status, .. } => {
            if status == "Pending" {
                preparing.set_message("the service is preparing the report (Pending)");
            } else {
                preparing.finish_with_message(format!("report status: {status}"));
            }
        }
        Progress::Download { bytes, total } => {
            if download.is_hidden() {
                download.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
            download.set_length(total.unwrap_or(*bytes));
            download.set_position(*bytes);
        }
        _ => {}
    }))
}

fn manager(settings: &Settings) -> Result<ReportingServiceManager, CliError> {
    let client = settings.client(RetryPolicy::default(), Duration::from_secs(120))?;
    Ok(ReportingServiceManager::new(&client))
}

fn reporting_error(e: ReportingError) -> CliError {
    use bingads::transfer::TransferError;
    let exit = match &e {
        ReportingError::Transfer(TransferError::FileExists { .. }) => {
            return CliError::new(Exit::Failure, e.to_string())
                .hint("add --overwrite to replace it");
        }
        ReportingError::Transfer(TransferError::Io { .. }) | ReportingError::Read(_) => {
            Exit::Failure
        }
        ReportingError::Transfer(TransferError::Service(bingads::Error::Fault(_))) => Exit::Fault,
        ReportingError::Transfer(TransferError::Service(bingads::Error::Auth(_))) => Exit::Auth,
        _ => Exit::Transport,
    };
    let mut error = CliError::new(exit, e.to_string());
    if let Some(id) = e.request_id() {
        error = error.hint(format!(
            "resume later with: bingads report resume {id} -o FILE"
        ));
    }
    error
}

/// Where a download lands: `-o` as directory + name (a `.zip` name keeps the archive).
fn file_options(output: &Path, overwrite: bool, timeout: Option<u64>) -> ResultFileOptions {
    let directory = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report.csv".into());
    let decompress = !name.to_ascii_lowercase().ends_with(".zip");
    let mut options = ResultFileOptions::new(directory)
        .file_name(name)
        .decompress(decompress)
        .overwrite(overwrite);
    options.timeout = timeout.map(Duration::from_secs);
    options
}

pub async fn download(
    a: &ReportDownloadArgs,
    request: ReportRequest,
    settings: &Settings,
) -> Result<String, CliError> {
    let manager = manager(settings)?;
    let operation = manager.submit(&request).await.map_err(reporting_error)?;
    eprintln!("# report request id {}", operation.request_id());
    let layout = ReportLayout::of(&request);
    let output = a.output.clone().unwrap_or_else(|| {
        PathBuf::from(format!("{}.{}", operation.request_id(), layout.extension()))
    });
    let sink = progress_bars(a.quiet);
    let path = operation
        .download_result(
            Some(file_options(&output, a.overwrite, a.timeout)),
            sink.as_ref(),
        )
        .await
        .map_err(reporting_error)?;
    Ok(match path {
        Some(p) => format!("{}\n", p.display()),
        None => {
            eprintln!("# the report has no data for this period (no file)");
            String::new()
        }
    })
}

pub async fn status(id: &str, settings: &Settings) -> Result<String, CliError> {
    let status = manager(settings)?
        .resume(id)
        .status()
        .await
        .map_err(reporting_error)?;
    let value = json!({
        "ReportRequestId": id,
        "Status": status.status.as_str(),
        "ReportDownloadUrl": status.download_url,
        "TrackingId": status.tracking_id,
    });
    Ok(format!("{value}\n"))
}

pub async fn resume(a: &ReportResumeArgs, settings: &Settings) -> Result<String, CliError> {
    let operation = manager(settings)?.resume(&a.id);
    let sink = progress_bars(a.quiet);
    let path = operation
        .download_result(
            Some(file_options(&a.output, a.overwrite, a.timeout)),
            sink.as_ref(),
        )
        .await
        .map_err(reporting_error)?;
    Ok(path.map_or_else(String::new, |p| format!("{}\n", p.display())))
}

/// A cell as JSON: no value → null, numbers (`1,234`, `12.5%`, `3.20`) → numbers, except in
/// id columns (64-bit ids stay strings, as everywhere in the REST form) and text.
fn typed_cell(column: &str, text: &str) -> Value {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed == "--" {
        return Value::Null;
    }
    let is_text_column = column.ends_with("Id")
        || column.ends_with("Name")
        || column == "Keyword"
        || column.ends_with("Number");
    if !is_text_column
        && trimmed
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_digit() || b == b'-')
    {
        let digits: String = trimmed
            .trim_end_matches('%')
            .chars()
            .filter(|c| *c != ',')
            .collect();
        if let Ok(i) = digits.parse::<i64>() {
            return json!(i);
        }
        if let Some(n) = digits
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
        {
            return Value::Number(n);
        }
    }
    Value::String(text.to_string())
}

/// A JSON object with its keys in the given order (column order, not alphabetical).
fn ordered_object<'a>(pairs: impl IntoIterator<Item = (&'a str, Value)>) -> String {
    let mut out = String::from("{");
    for (i, (key, value)) in pairs.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&Value::String(key.to_string()).to_string());
        out.push(':');
        out.push_str(&value.to_string());
    }
    out.push('}');
    out
}

fn header_json(reader: &ReportReader) -> String {
    let h = reader.header();
    let fields = json!({
        "ReportName": h.report_name,
        "ReportTime": h.report_time,
        "ReportTimeStart": h.report_time_start.map(|d| d.to_string()),
        "ReportTimeEnd": h.report_time_end.map(|d| d.to_string()),
        "TimeZone": h.time_zone,
        "LastCompletedAvailableDay": h.last_completed_available_day.map(|d| d.to_string()),
        "LastCompletedAvailableHour": h.last_completed_available_hour.map(|d| d.to_string()),
        "ReportAggregation": h.aggregation.as_ref().map(|a| a.as_str()),
        "ReportFilter": h.filter,
        "PotentialIncompleteData": h.potential_incomplete_data,
        "Rows": h.row_count,
        "Columns": reader.columns().names(),
    });
    let order = [
        "ReportName",
        "ReportTime",
        "ReportTimeStart",
        "ReportTimeEnd",
        "TimeZone",
        "LastCompletedAvailableDay",
        "LastCompletedAvailableHour",
        "ReportAggregation",
        "ReportFilter",
        "PotentialIncompleteData",
        "Rows",
        "Columns",
    ];
    ordered_object(
        order
            .iter()
            .map(|k| (*k, fields.get(*k).cloned().unwrap_or(Value::Null))),
    )
}

/// `report read`: JSON lines (header object, then one object per row), or clean CSV.
pub fn read(a: &ReportReadArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let options = ReadOptions {
        format: a.format.map(format_of),
        columns: (!a.columns.is_empty()).then(|| a.columns.clone()),
    };
    let read_error =
        |e: bingads::reporting::ReportError| CliError::new(Exit::Failure, e.to_string());
    let mut reader = ReportReader::open_with(&a.file, options).map_err(read_error)?;
    let io_error = |e: std::io::Error| CliError::failure(format!("writing the output: {e}"));
    if a.csv {
        let mut csv = csv::Writer::from_writer(out);
        csv.write_record(reader.columns().names())
            .map_err(|e| CliError::failure(e.to_string()))?;
        while let Some(row) = reader.next_row().map_err(read_error)? {
            csv.write_record(row.iter().map(|(_, v)| v.into_owned()))
                .map_err(|e| CliError::failure(e.to_string()))?;
        }
        csv.flush().map_err(io_error)?;
        return Ok(());
    }
    writeln!(out, "{}", header_json(&reader)).map_err(io_error)?;
    while let Some(row) = reader.next_row().map_err(read_error)? {
        let line = ordered_object(
            row.iter()
                .map(|(column, text)| (column, typed_cell(column, &text))),
        );
        writeln!(out, "{line}").map_err(io_error)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_typed_for_json() {
        assert_eq!(typed_cell("Clicks", "1,234"), json!(1234));
        assert_eq!(typed_cell("Ctr", "12.5%"), json!(12.5));
        assert_eq!(typed_cell("Spend", "3.20"), json!(3.2));
        assert_eq!(typed_cell("QualityScore", "--"), Value::Null);
        assert_eq!(typed_cell("ConversionRate", ""), Value::Null);
        assert_eq!(typed_cell("KeywordId", "60000000007"), json!("60000000007"));
        assert_eq!(typed_cell("Keyword", "123"), json!("123"));
        assert_eq!(typed_cell("TimePeriod", "2025-10-01"), json!("2025-10-01"));
        assert_eq!(typed_cell("DeviceType", "Computer"), json!("Computer"));
    }
}
