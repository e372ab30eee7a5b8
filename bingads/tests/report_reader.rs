//! The report reader on every layout the service writes: CSV, TSV and XML, with and without
//! the header block, the column row and the footer, zipped and plain, empty; the cell
//! formats; and the same file read by the official Python SDK's ReportFileReader
//! (`tests/fixtures/reports/`, expected values written by `expected_from_python_sdk.py`).

use bingads::reporting::{ColumnKey, ReadOptions, ReportError, ReportReader};
use bingads::v13::reporting::{
    KeywordPerformanceReportColumn as Col, ReportAggregation, ReportFormat,
};
use bingads::{Date, DateTime};
use bingads_emulator::report_file::{
    self, ReportFileFormat, ReportFileSpec, cell, write_report, zip_report,
};

const COLUMNS: &[&str] = &[
    "TimePeriod",
    "Keyword",
    "DeviceType",
    "Impressions",
    "Clicks",
    "Ctr",
    "Spend",
    "ConversionRate",
    "CostPerConversion",
    "QualityScore",
];

fn spec(
    format: ReportFileFormat,
    header: bool,
    footer: bool,
    column_headers: bool,
    rows: usize,
) -> ReportFileSpec {
    ReportFileSpec {
        format,
        header,
        footer,
        column_headers,
        ..ReportFileSpec::csv(COLUMNS, rows)
    }
}

fn options(spec: &ReportFileSpec) -> ReadOptions {
    let format = match spec.format {
        ReportFileFormat::Csv => ReportFormat::Csv,
        ReportFileFormat::Tsv => ReportFormat::Tsv,
        ReportFileFormat::Xml => ReportFormat::Xml,
    };
    let options = ReadOptions::default().with_format(format);
    if spec.column_headers {
        options
    } else {
        options.with_columns(COLUMNS.iter().copied())
    }
}

/// Reads every row and checks each typed cell against the value the writer put there.
fn check_report(mut reader: ReportReader, spec: &ReportFileSpec) {
    let what = format!(
        "{:?} header={} footer={} columns={} rows={}",
        spec.format, spec.header, spec.footer, spec.column_headers, spec.rows
    );
    assert_eq!(reader.columns().names(), COLUMNS, "{what}");
    let header = reader.header().clone();
    if spec.header {
        assert_eq!(
            header.report_name.as_deref(),
            Some("Keyword Performance Report"),
            "{what}"
        );
        assert_eq!(header.aggregation, Some(ReportAggregation::Daily), "{what}");
        assert_eq!(
            header.report_time_start,
            Some(Date {
                year: 2026,
                month: 10,
                day: 1,
                offset_minutes: None
            }),
            "{what}"
        );
        assert_eq!(
            header.report_time_end,
            Some(Date {
                year: 2026,
                month: 10,
                day: 31,
                offset_minutes: None
            }),
            "{what}"
        );
        assert_eq!(
            header.last_completed_available_day,
            Some(DateTime::utc(2026, 11, 22, 22, 15, 0)),
            "{what}"
        );
        assert_eq!(
            header.last_completed_available_hour,
            Some(DateTime::utc(2026, 11, 23, 2, 15, 0)),
            "{what}"
        );
        assert_eq!(header.potential_incomplete_data, Some(false), "{what}");
        assert_eq!(
            header.time_zone.as_deref(),
            Some("(GMT-08:00) Pacific Time (US & Canada); Tijuana"),
            "{what}"
        );
        if spec.format != ReportFileFormat::Xml {
            assert_eq!(header.row_count, Some(spec.rows as u64), "{what}");
            assert_eq!(header.filter.as_deref(), Some(""), "{what}");
        }
    } else {
        assert_eq!(header, Default::default(), "{what}");
    }
    let mut n = 0;
    while let Some(row) = reader.next_row().expect(&what) {
        let r = n;
        assert_eq!(
            row.get(Col::Keyword).unwrap(),
            cell("Keyword", r),
            "{what} row {r}"
        );
        assert_eq!(
            row.text("DeviceType").unwrap(),
            Some(cell("DeviceType", r).as_str()),
            "{what}"
        );
        assert_eq!(
            row.i64(Col::Impressions).unwrap(),
            Some(cell("Impressions", r).parse().unwrap()),
            "{what}"
        );
        assert_eq!(
            row.i64("Clicks").unwrap(),
            Some(cell("Clicks", r).parse().unwrap()),
            "{what}"
        );
        let ctr: f64 = cell("Ctr", r).trim_end_matches('%').parse().unwrap();
        assert_eq!(row.f64(Col::Ctr).unwrap(), Some(ctr), "{what}");
        assert_eq!(
            row.decimal(Col::Spend).unwrap().map(|d| d.to_string()),
            Some(cell("Spend", r)),
            "{what}"
        );
        let rate = cell("ConversionRate", r);
        assert_eq!(
            row.f64(Col::ConversionRate).unwrap(),
            (!rate.is_empty()).then(|| rate.trim_end_matches('%').parse().unwrap()),
            "{what}"
        );
        let quality = cell("QualityScore", r);
        assert_eq!(
            row.i64(Col::QualityScore).unwrap(),
            (quality != "--").then(|| quality.parse().unwrap()),
            "{what}"
        );
        assert_eq!(
            row.date(Col::TimePeriod).unwrap(),
            Some(Date {
                year: 2026,
                month: 10,
                day: (r % 31 + 1) as u8,
                offset_minutes: None
            }),
            "{what}"
        );
        n += 1;
    }
    assert_eq!(n, spec.rows, "{what}: the footer is never a row");
    assert_eq!(
        reader.next_row().unwrap().map(|_| ()),
        None,
        "{what}: stays at the end"
    );
    let copyright = reader.footer().copyright.clone();
    if spec.footer {
        assert_eq!(
            copyright.as_deref(),
            Some(report_file::COPYRIGHT.trim()),
            "{what}"
        );
    } else {
        assert_eq!(copyright, None, "{what}");
    }
}

#[test]
fn every_format_with_and_without_each_part_zipped_and_plain() {
    let dir = tempfile::tempdir().unwrap();
    let mut cases = 0;
    for format in [
        ReportFileFormat::Csv,
        ReportFileFormat::Tsv,
        ReportFileFormat::Xml,
    ] {
        for mask in 0..8u8 {
            for rows in [0, 1, 40] {
                let spec = spec(format, mask & 1 != 0, mask & 2 != 0, mask & 4 != 0, rows);
                let text = write_report(&spec);
                let name = format!("r{cases}.{}", format.extension());
                // Plain file, with the format from the extension (and given).
                let plain = dir.path().join(&name);
                std::fs::write(&plain, &text).unwrap();
                check_report(
                    ReportReader::open_with(&plain, options(&spec)).unwrap(),
                    &spec,
                );
                // The zip as downloaded, read in place.
                let zipped = dir.path().join(format!("r{cases}.zip"));
                std::fs::write(&zipped, zip_report(&name, &text)).unwrap();
                check_report(
                    ReportReader::open_with(&zipped, options(&spec)).unwrap(),
                    &spec,
                );
                // Bytes in memory, format detected from the content.
                let detect = ReadOptions {
                    format: None,
                    ..options(&spec)
                };
                check_report(
                    ReportReader::from_bytes(text.clone(), detect.clone()).unwrap(),
                    &spec,
                );
                check_report(
                    ReportReader::from_reader(
                        std::io::Cursor::new(zip_report(&name, &text)),
                        detect,
                    )
                    .unwrap(),
                    &spec,
                );
                cases += 1;
            }
        }
    }
    assert_eq!(cases, 72);
}

#[test]
fn format_detected_from_the_zip_entry_name_and_content() {
    let dir = tempfile::tempdir().unwrap();
    for format in [
        ReportFileFormat::Csv,
        ReportFileFormat::Tsv,
        ReportFileFormat::Xml,
    ] {
        let spec = spec(format, true, true, true, 3);
        let text = write_report(&spec);
        let zipped = dir.path().join("report.zip");
        std::fs::write(
            &zipped,
            zip_report(&format!("123.{}", format.extension()), &text),
        )
        .unwrap();
        let reader = ReportReader::open(&zipped).unwrap();
        let expected = match format {
            ReportFileFormat::Csv => ReportFormat::Csv,
            ReportFileFormat::Tsv => ReportFormat::Tsv,
            ReportFileFormat::Xml => ReportFormat::Xml,
        };
        assert_eq!(reader.format(), &expected);
        check_report(reader, &spec);
        let unnamed = dir.path().join("download");
        std::fs::write(&unnamed, &text).unwrap();
        assert_eq!(ReportReader::open(&unnamed).unwrap().format(), &expected);
    }
}

/// The file the shared benchmark generator writes in the service's layout, read by the
/// official Python SDK (`keyword_performance_200.expected.json`) and by this reader.
#[test]
fn same_results_as_the_official_python_reader() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/reports/");
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{fixtures}keyword_performance_200.expected.json"))
            .unwrap(),
    )
    .unwrap();
    let mut reader = ReportReader::open(format!("{fixtures}keyword_performance_200.csv")).unwrap();
    let header = reader.header().clone();
    assert_eq!(
        header.report_name.as_deref(),
        expected["report_name"].as_str()
    );
    assert_eq!(
        header.report_time_start.map(|d| d.to_string()).as_deref(),
        expected["report_time_start"].as_str()
    );
    assert_eq!(
        header.report_time_end.map(|d| d.to_string()).as_deref(),
        expected["report_time_end"].as_str()
    );
    assert_eq!(header.time_zone.as_deref(), expected["time_zone"].as_str());
    assert_eq!(
        header.aggregation.as_ref().map(|a| a.as_str()),
        expected["aggregation"].as_str()
    );
    let day = header.last_completed_available_day.unwrap();
    let day = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        day.year, day.month, day.day, day.hour, day.minute, day.second
    );
    assert_eq!(
        Some(day.as_str()),
        expected["last_completed_available_date"].as_str()
    );
    assert_eq!(
        header.potential_incomplete_data,
        expected["potential_incomplete_data"].as_bool()
    );
    assert_eq!(header.row_count, expected["record_count"].as_u64());
    let columns: Vec<&str> = expected["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(reader.columns().names(), columns);

    let impressions_at = reader.columns().index_of(Col::Impressions).unwrap();
    let (mut rows, mut impressions, mut clicks, mut spend_cents) = (0u64, 0i64, 0i64, 0i64);
    let mut keywords = Vec::new();
    while let Some(row) = reader.next_row().unwrap() {
        rows += 1;
        impressions += row.i64(impressions_at).unwrap().unwrap_or(0);
        clicks += row.i64(Col::Clicks).unwrap().unwrap_or(0);
        spend_cents += (row.f64("Spend").unwrap().unwrap_or(0.0) * 100.0).round() as i64;
        if keywords.len() < 3 {
            keywords.push(row.get(Col::Keyword).unwrap().to_string());
        }
    }
    assert_eq!(Some(rows), expected["rows"].as_u64());
    assert_eq!(Some(impressions), expected["impressions"].as_i64());
    assert_eq!(Some(clicks), expected["clicks"].as_i64());
    assert_eq!(Some(spend_cents), expected["spend_cents"].as_i64());
    let first: Vec<&str> = expected["first_keywords"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(keywords, first);
    assert!(
        reader
            .footer()
            .copyright
            .as_deref()
            .unwrap()
            .starts_with("\u{a9}2025 Microsoft Corporation")
    );
}

/// The layout of the sample in Microsoft's reporting guide: one-day `Report Time`, Summary
/// aggregation, an `@` copyright line, unquoted-looking ids.
#[test]
fn the_documented_sample_layout() {
    let text = "\"Report Name: Spring Keywords\"\r\n\"Report Time: 3/9/2024\"\r\n\"Time Zone: (GMT-05:00) Eastern Time (US & Canada)\"\r\n\
\"Last Completed Available Day: 3/10/2024 1:05:00 AM (GMT)\"\r\n\"Last Completed Available Hour: 3/10/2024 1:05:00 AM (GMT)\"\r\n\
\"Report Aggregation: Summary\"\r\n\"Report Filter: \"\r\n\"Potential Incomplete Data: true\"\r\n\"Rows: 2\"\r\n\r\n\
\"AccountId\",\"Keyword\",\"Clicks\"\r\n\"42\",\"boots\",\"1,204\"\r\n\"42\",\"Total war\",\"--\"\r\n\r\n\"@2024 Microsoft Corporation. All rights reserved. \"\r\n";
    let mut reader =
        ReportReader::from_bytes(text.as_bytes().to_vec(), ReadOptions::default()).unwrap();
    let header = reader.header().clone();
    assert_eq!(header.report_name.as_deref(), Some("Spring Keywords"));
    assert_eq!(header.report_time_start, header.report_time_end);
    assert_eq!(header.report_time_start.unwrap().to_string(), "2024-03-09");
    assert_eq!(header.aggregation, Some(ReportAggregation::Summary));
    assert_eq!(header.potential_incomplete_data, Some(true));
    assert_eq!(
        header.last_completed_available_day,
        Some(DateTime::utc(2024, 3, 10, 1, 5, 0))
    );
    let mut clicks = Vec::new();
    while let Some(row) = reader.next_row().unwrap() {
        clicks.push(row.i64("Clicks").unwrap());
    }
    assert_eq!(clicks, vec![Some(1204), None]);
    assert_eq!(
        reader.footer().copyright.as_deref(),
        Some("@2024 Microsoft Corporation. All rights reserved.")
    );
}

#[test]
fn a_total_row_goes_to_the_footer() {
    let text = "\"Keyword\",\"Clicks\"\r\n\"boots\",\"3\"\r\n\"Total\",\"3\"\r\n\r\n\"\u{a9}2026 Microsoft Corporation. All rights reserved. \"\r\n";
    let reader =
        ReportReader::from_bytes(text.as_bytes().to_vec(), ReadOptions::default()).unwrap();
    let mut records = reader.records();
    let rows: Vec<_> = records.by_ref().collect::<Result<_, _>>().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].row().get("Keyword").unwrap(), "boots");
    assert_eq!(
        records.reader().footer().totals,
        Some(vec!["Total".to_string(), "3".to_string()])
    );
}

#[test]
fn a_missing_column_names_the_columns_present() {
    let spec = spec(ReportFileFormat::Csv, true, true, true, 2);
    let mut reader = ReportReader::from_bytes(write_report(&spec), ReadOptions::default()).unwrap();
    let row = reader.next_row().unwrap().unwrap();
    let err = row.i64(Col::AdGroupId).unwrap_err();
    assert!(matches!(&err, ReportError::MissingColumn { column, .. } if column == "AdGroupId"));
    let message = err.to_string();
    assert!(
        message.contains("AdGroupId") && message.contains("TimePeriod, Keyword, DeviceType"),
        "{message}"
    );
    let err = row.f64(Col::Keyword).unwrap_err();
    assert!(
        matches!(
            err,
            ReportError::Cell {
                expected: "a number",
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("line 1"), "{err}");
    assert!(Col::AdGroupId.position(reader.columns()).is_none());
}

#[test]
fn excluded_column_headers_without_the_request_columns_is_a_clear_error() {
    let spec = spec(ReportFileFormat::Csv, true, true, false, 2);
    let mut reader = ReportReader::from_bytes(write_report(&spec), ReadOptions::default()).unwrap();
    assert!(matches!(reader.next_row(), Err(ReportError::NoColumns)));
}

#[test]
fn damaged_input_is_an_error_not_a_panic() {
    let spec = spec(ReportFileFormat::Csv, true, true, true, 50);
    let text = write_report(&spec);
    let mut zip = zip_report("r.csv", &text);
    // Flip a byte inside the deflated data: CRC or inflate error, never silent data.
    let middle = zip.len() / 3;
    zip[middle] ^= 0x55;
    let result = ReportReader::from_bytes(zip, ReadOptions::default()).and_then(|mut r| {
        while r.next_row()?.is_some() {}
        Ok(())
    });
    assert!(result.is_err());
    let truncated_zip = zip_report("r.csv", &text)[..40].to_vec();
    assert!(matches!(
        ReportReader::from_bytes(truncated_zip, ReadOptions::default()),
        Err(ReportError::Archive { .. })
    ));
    let xml = write_report(&ReportFileSpec {
        format: ReportFileFormat::Xml,
        ..spec.clone()
    });
    let cut = xml[..xml.len() / 2].to_vec();
    let result = ReportReader::from_bytes(cut, ReadOptions::default()).and_then(|mut r| {
        while r.next_row()?.is_some() {}
        Ok(())
    });
    assert!(matches!(result, Err(ReportError::Xml { .. })), "{result:?}");
    assert!(matches!(
        ReportReader::open("/nonexistent/report.csv"),
        Err(ReportError::Io { .. })
    ));
}
