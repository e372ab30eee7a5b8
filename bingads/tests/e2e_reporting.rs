//! The ReportingServiceManager end to end against the emulator's Reporting service, on
//! tokio's paused clock (the polling schedule's waits cost no real time): download to a path
//! (decompressed or kept zipped), as a streaming reader, submit-only handles with status,
//! track and download, resume from a request id, no data, the `Error` status, tracking
//! timeouts, 207/117 throttling, expired download URLs, overwrite rules, every file format
//! with the column row excluded, and progress events.

#[macro_use]
mod common;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bingads::reporting::{
    ReportReader, ReportRequestType, ReportingDownloadParameters, ReportingError,
    ReportingServiceManager,
};
use bingads::transfer::{Progress, ProgressSink, ResultFileOptions, TransferError};
use bingads::v13::reporting::{
    KeywordPerformanceReportColumn as Col, KeywordPerformanceReportRequest, ReportAggregation,
    ReportFormat, ReportRequest, ReportRequestStatusType,
};
use bingads::{Client, Environment, RetryPolicy, Wire};
use bingads_emulator::report_file::cell;
use bingads_emulator::{
    ACCOUNT_ID, Emulator, Injection, PASSWORD, ReportBehavior, ReportOutcome, USER_NAME,
};
use tokio::time::Instant;

const COLUMNS: [Col; 6] = [
    Col::TimePeriod,
    Col::Keyword,
    Col::Impressions,
    Col::Clicks,
    Col::Ctr,
    Col::Spend,
];

/// A fresh directory per test and wire (both wires of a test run at the same time).
fn scratch(wire: Wire, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "bingads-e2e-report-{name}-{wire:?}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn listing(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// A client without HTTP timers, so the paused clock moves only by the schedule's and the
/// retry policy's waits.
fn client(emu: &Emulator, wire: Wire) -> Client {
    Client::builder(
        common::authorization(bingads::auth::PasswordAuthentication::new(
            USER_NAME, PASSWORD,
        )),
        Environment::Production,
    )
    .endpoint_base(emu.base_url())
    .wire(wire)
    .http_client(common::timerless_http())
    .retry_policy(RetryPolicy {
        max_attempts: 4,
        base_delay: Duration::from_millis(500),
        throttle_delay: Duration::from_secs(5),
        max_delay: Duration::from_secs(60),
        retry_non_idempotent: false,
        jitter: false,
    })
    .build()
    .unwrap()
}

fn request() -> ReportRequest {
    KeywordPerformanceReportRequest::builder()
        .account(ACCOUNT_ID)
        .columns(COLUMNS)
        .aggregation(ReportAggregation::Daily)
        .last_30_days()
        .name("Shoes")
        .build()
}

fn behavior(rows: usize) -> ReportBehavior {
    ReportBehavior {
        rows,
        ..ReportBehavior::default()
    }
}

/// Reads every row and checks it against the emulator's synthetic values.
fn check_rows(mut reader: ReportReader, rows: usize) {
    assert_eq!(
        reader.columns().names(),
        COLUMNS.map(|c| c.as_str().to_string())
    );
    let mut n = 0;
    while let Some(row) = reader.next_row().unwrap() {
        assert_eq!(row.get(Col::Keyword).unwrap(), cell("Keyword", n));
        assert_eq!(
            row.i64(Col::Clicks).unwrap(),
            Some(cell("Clicks", n).parse().unwrap())
        );
        assert_eq!(
            row.decimal(Col::Spend).unwrap().map(|d| d.to_string()),
            Some(cell("Spend", n))
        );
        n += 1;
    }
    assert_eq!(n, rows);
}

async fn download_file_decompresses_into_the_directory_and_respects_overwrite(wire: Wire) {
    let emu = common::emulator().await;
    emu.set_report_behavior(behavior(7));
    let dir = scratch(wire, "file");
    let manager = ReportingServiceManager::new(&client(&emu, wire));
    let params = ReportingDownloadParameters::new(request())
        .result_directory(&dir)
        .result_file_name("kw.csv");
    let path = manager.download_file(&params, None).await.unwrap().unwrap();
    assert_eq!(path, dir.join("kw.csv"), "on {wire}");
    assert_eq!(
        listing(&dir),
        ["kw.csv"],
        "on {wire}: the zip is not left behind"
    );
    let reader = ReportReader::open(&path).unwrap();
    assert_eq!(
        reader.header().report_name.as_deref(),
        Some("Shoes"),
        "on {wire}"
    );
    check_rows(reader, 7);

    // The same name again: refused before anything is downloaded, unless overwrite.
    let downloads = emu.report_downloads();
    let e = manager.download_file(&params, None).await.unwrap_err();
    assert!(
        matches!(
            e,
            ReportingError::Transfer(TransferError::FileExists { .. })
        ),
        "{e}"
    );
    assert_eq!(emu.report_downloads(), downloads, "on {wire}");
    let again = manager
        .download_file(&params.clone().overwrite(true), None)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(again, path, "on {wire}");
    assert_eq!(emu.report_downloads(), downloads + 1, "on {wire}");

    // A `.zip` name keeps the archive as downloaded; the reader reads it in place.
    let zipped = ReportingDownloadParameters::new(request())
        .result_directory(&dir)
        .result_file_name("kw.zip");
    let zip = manager.download_file(&zipped, None).await.unwrap().unwrap();
    assert_eq!(std::fs::read(&zip).unwrap()[..2], *b"PK", "on {wire}");
    check_rows(ReportReader::open(&zip).unwrap(), 7);
    std::fs::remove_dir_all(dir).unwrap();
}

async fn download_report_streams_the_rows_without_extracting(wire: Wire) {
    let emu = common::emulator().await;
    emu.set_report_behavior(behavior(40));
    let dir = scratch(wire, "reader");
    let manager = ReportingServiceManager::new(&client(&emu, wire)).working_directory(&dir);
    let reader = manager
        .download_report(&ReportingDownloadParameters::new(request()), None)
        .await
        .unwrap()
        .unwrap();
    check_rows(reader, 40);
    let files = listing(&dir);
    assert_eq!(files.len(), 1, "on {wire}");
    assert!(files[0].ends_with(".zip"), "on {wire}: {files:?}");
    std::fs::remove_dir_all(dir).unwrap();
}

async fn every_format_with_the_column_row_and_header_excluded(wire: Wire) {
    let emu = common::emulator().await;
    emu.set_report_behavior(behavior(5));
    let dir = scratch(wire, "formats");
    let manager = ReportingServiceManager::new(&client(&emu, wire)).working_directory(&dir);
    for format in [ReportFormat::Csv, ReportFormat::Tsv, ReportFormat::Xml] {
        for (header, footer, columns) in [
            (false, false, false),
            (true, true, false),
            (false, true, true),
        ] {
            let request = KeywordPerformanceReportRequest::builder()
                .account(ACCOUNT_ID)
                .columns(COLUMNS)
                .last_30_days()
                .format(format.clone())
                .exclude_report_header(!header)
                .exclude_report_footer(!footer)
                .exclude_column_headers(!columns)
                .build();
            let reader = manager
                .download_report(&ReportingDownloadParameters::new(request), None)
                .await
                .unwrap()
                .unwrap();
            assert_eq!(reader.format(), &format, "on {wire}");
            assert_eq!(reader.header().report_name.is_some(), header, "on {wire}");
            check_rows(reader, 5);
        }
    }
    std::fs::remove_dir_all(dir).unwrap();
}

async fn no_data_is_none_and_the_error_status_is_a_typed_failure(wire: Wire) {
    let emu = common::emulator().await;
    let dir = scratch(wire, "nodata");
    let manager = ReportingServiceManager::new(&client(&emu, wire)).working_directory(&dir);
    emu.set_report_behavior(ReportBehavior {
        outcome: ReportOutcome::NoData,
        ..ReportBehavior::default()
    });
    let params = ReportingDownloadParameters::new(request());
    assert!(
        manager
            .download_file(&params, None)
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        manager
            .download_report(&params, None)
            .await
            .unwrap()
            .is_none()
    );
    assert!(listing(&dir).is_empty(), "on {wire}");

    emu.set_report_behavior(ReportBehavior {
        outcome: ReportOutcome::Error,
        ..ReportBehavior::default()
    });
    let e = manager.download_file(&params, None).await.unwrap_err();
    match &e {
        ReportingError::Transfer(TransferError::OperationFailed {
            status, request_id, ..
        }) => {
            assert_eq!(status, "Error", "on {wire}");
            assert_eq!(Some(request_id.as_str()), e.request_id(), "on {wire}");
        }
        other => panic!("{other}"),
    }
    assert!(e.to_string().contains("Error"), "on {wire}: {e}");
    std::fs::remove_dir_all(dir).unwrap();
}

async fn submit_only_status_track_and_download_with_options_then_resume_by_id(wire: Wire) {
    let emu = common::emulator().await;
    emu.set_report_behavior(ReportBehavior {
        pending_polls: 2,
        rows: 3,
        ..ReportBehavior::default()
    });
    let dir = scratch(wire, "submit");
    let client = client(&emu, wire);
    let manager = ReportingServiceManager::new(&client);
    let operation = manager.submit(&request()).await.unwrap();
    let id = operation.request_id().to_string();
    assert!(!id.is_empty(), "on {wire}");
    let first = operation.status().await.unwrap();
    assert_eq!(first.status, ReportRequestStatusType::Pending, "on {wire}");
    assert_eq!(first.download_url, None, "on {wire}");
    let done = operation.track(None, None).await.unwrap();
    assert_eq!(done.status, ReportRequestStatusType::Success, "on {wire}");
    assert!(done.download_url.is_some(), "on {wire}");
    let polls = common::requests_for(&emu, "PollGenerateReport").len();
    // A finished handle answers from memory.
    assert_eq!(
        operation.status().await.unwrap().status,
        ReportRequestStatusType::Success
    );
    assert_eq!(
        common::requests_for(&emu, "PollGenerateReport").len(),
        polls
    );
    let kept = operation
        .download_result(
            Some(
                ResultFileOptions::new(&dir)
                    .file_name("kept.zip")
                    .decompress(false),
            ),
            None,
        )
        .await
        .unwrap()
        .unwrap();
    assert_eq!(kept, dir.join("kept.zip"), "on {wire}");
    check_rows(ReportReader::open(&kept).unwrap(), 3);

    // Another manager (another process, say) resumes from the id alone.
    let resumed = ReportingServiceManager::new(&client).resume(&id);
    let path = resumed
        .download_result(Some(ResultFileOptions::new(&dir)), None)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        path,
        dir.join(format!("{id}.csv")),
        "the service's own name"
    );
    check_rows(ReportReader::open(&path).unwrap(), 3);
    let reader = resumed.read(&request(), None).await.unwrap().unwrap();
    check_rows(reader, 3);

    // An id the service never issued: its fault, typed.
    let e = manager.resume("123").status().await.unwrap_err();
    assert!(e.to_string().contains("2100"), "on {wire}: {e}");
    std::fs::remove_dir_all(dir).unwrap();
}

async fn tracking_times_out_on_the_schedule_keeping_the_request_id(wire: Wire) {
    let emu = common::emulator().await;
    emu.set_report_behavior(ReportBehavior {
        pending_polls: 1000,
        ..ReportBehavior::default()
    });
    let manager = ReportingServiceManager::new(&client(&emu, wire))
        .poll_interval(Duration::from_secs(5))
        .unwrap();
    let operation = manager.submit(&request()).await.unwrap();
    let start = Instant::now();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink_seen = seen.clone();
    let sink = ProgressSink::new(move |p| {
        if let Progress::Status { status, .. } = p {
            sink_seen
                .lock()
                .unwrap()
                .push((start.elapsed().as_millis(), status.clone()));
        }
    });
    let e = operation
        .track(Some(Duration::from_secs(12)), Some(&sink))
        .await
        .unwrap_err();
    assert!(e.is_timeout(), "on {wire}: {e}");
    assert_eq!(e.request_id(), Some(operation.request_id()), "on {wire}");
    let seen = seen.lock().unwrap().clone();
    assert_eq!(
        seen.iter().map(|(t, _)| *t).collect::<Vec<_>>(),
        [1000, 2000, 3000, 4000, 9000]
    );
    assert!(seen.iter().all(|(_, s)| s == "Pending"), "on {wire}");
    assert_eq!(start.elapsed(), Duration::from_secs(12), "on {wire}");
}

async fn throttling_207_on_submit_and_117_on_poll_wait_and_retry(wire: Wire) {
    let emu = common::emulator().await;
    emu.set_report_behavior(behavior(2));
    let dir = scratch(wire, "throttle");
    let manager = ReportingServiceManager::new(&client(&emu, wire)).working_directory(&dir);
    emu.inject(Injection::ConcurrentRequestOverLimit.for_operation("SubmitGenerateReport"));
    emu.inject(Injection::CallRateExceeded.for_operation("PollGenerateReport"));
    let start = Instant::now();
    let reader = manager
        .download_report(&ReportingDownloadParameters::new(request()), None)
        .await
        .unwrap()
        .unwrap();
    check_rows(reader, 2);
    assert_eq!(
        common::requests_for(&emu, "SubmitGenerateReport").len(),
        2,
        "on {wire}"
    );
    // 207 wait (5 s), first poll at +1 s throttled (5 s), then Pending, then Success at +1 s.
    assert_eq!(
        start.elapsed(),
        Duration::from_secs(5 + 1 + 5 + 1),
        "on {wire}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

async fn an_expired_download_url_is_replaced_by_polling_again(wire: Wire) {
    let emu = common::emulator().await;
    emu.set_report_behavior(ReportBehavior {
        expired_urls: 1,
        rows: 4,
        ..ReportBehavior::default()
    });
    let dir = scratch(wire, "expired");
    let manager = ReportingServiceManager::new(&client(&emu, wire)).working_directory(&dir);
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink_seen = seen.clone();
    let sink = ProgressSink::new(move |p| sink_seen.lock().unwrap().push(p.clone()));
    let path = manager
        .download_file(
            &ReportingDownloadParameters::new(request()).result_directory(&dir),
            Some(&sink),
        )
        .await
        .unwrap()
        .unwrap();
    check_rows(ReportReader::open(&path).unwrap(), 4);
    // Pending, Success (expired URL), Success again (fresh URL).
    assert_eq!(
        common::requests_for(&emu, "PollGenerateReport").len(),
        3,
        "on {wire}"
    );
    assert_eq!(emu.report_downloads(), 1, "on {wire}");
    let seen = seen.lock().unwrap();
    assert!(
        seen.iter()
            .any(|p| matches!(p, Progress::Status { status, .. } if status == "Pending"))
    );
    assert!(
        seen.iter()
            .any(|p| matches!(p, Progress::Download { bytes, .. } if *bytes > 0))
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn every_report_type_builds_and_knows_its_layout() {
    use bingads::reporting::{REPORT_TYPES, ReportLayout, report_columns};
    assert_eq!(REPORT_TYPES.len(), 48);
    for name in REPORT_TYPES {
        let columns = report_columns(name).unwrap();
        assert!(!columns.is_empty(), "{name}");
    }
    assert_eq!(
        report_columns("KeywordPerformance").unwrap()[0],
        "AccountName"
    );
    let layout = ReportLayout::of(&request());
    assert_eq!(layout.report_type, "KeywordPerformanceReportRequest");
    assert_eq!(layout.format, ReportFormat::Csv);
    assert_eq!(layout.columns, COLUMNS.map(|c| c.as_str().to_string()));
    assert!(layout.report_header && layout.report_footer && layout.column_headers);
    let custom = KeywordPerformanceReportRequest::builder()
        .custom_range((2026, 10, 1), (2026, 10, 31))
        .time_zone(bingads::v13::reporting::ReportTimeZone::PacificTimeUsCanadaTijuana)
        .into_inner();
    let time = custom.time.value().unwrap();
    assert_eq!(time.custom_date_range_start.value().unwrap().day, 1);
    assert!(time.report_time_zone.value().is_some());
    assert!(time.predefined_time.value().is_none());
}

both_wires!((start_paused = true)
    download_file_decompresses_into_the_directory_and_respects_overwrite,
    download_report_streams_the_rows_without_extracting,
    every_format_with_the_column_row_and_header_excluded,
    no_data_is_none_and_the_error_status_is_a_typed_failure,
    submit_only_status_track_and_download_with_options_then_resume_by_id,
    tracking_times_out_on_the_schedule_keeping_the_request_id,
    throttling_207_on_submit_and_117_on_poll_wait_and_retry,
    an_expired_download_url_is_replaced_by_polling_again,
);
