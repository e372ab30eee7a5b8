//! The BulkServiceManager end to end against the emulator's Bulk service: downloads (to a
//! path, as records, by campaign, submit-only and resumed by request id), the polling
//! schedule and throttling on the paused clock, timeouts, failed operations, expired URLs,
//! corrupt and hostile archives, dropped downloads, overwrite rules, upload checks, uploads of
//! files and records, and an upload that a later download reflects.

mod common;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bingads::bulk::{
    BulkFileReader, BulkFileWriter, BulkRecord, BulkRow, BulkServiceError, BulkServiceManager,
    DownloadParameters, FileFormat, RecordUploadParameters, UntypedRecord, UploadParameters,
};
use bingads::transfer::{OperationKind, Progress, ProgressSink, ResultFileOptions, TransferError};
use bingads::v13::bulk::ResponseMode;
use bingads::v13::campaign_management as cm;
use bingads::{Client, Environment, Nillable, RetryPolicy, Wire};
use bingads_emulator::{ACCOUNT_ID, BulkFault, Emulator, Injection, PASSWORD, USER_NAME};
use tokio::time::Instant;

fn scratch(wire: Wire, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "bingads-e2e-bulk-{name}-{wire:?}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The legacy user name/password client on `wire`.
fn password_client(emu: &Emulator, policy: RetryPolicy, wire: Wire) -> Client {
    common::password_client(emu, policy, wire)
}

fn listing(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// A campaign with one ad group and two keywords, added through Campaign Management.
async fn seed(client: &Client, name: &str) -> (i64, i64, Vec<i64>) {
    let cmc = client.campaign_management().unwrap();
    let c = cmc
        .add_campaigns(&common::add_campaigns(vec![Some(common::campaign(name))]))
        .await
        .unwrap();
    let campaign = c.value.campaign_ids.value().unwrap()[0].unwrap();
    let g = cmc
        .add_ad_groups(&cm::AddAdGroupsRequest {
            campaign_id: Some(campaign),
            ad_groups: Nillable::Value(vec![Some(cm::AdGroup {
                name: "Backpacks".into(),
                cpc_bid: Nillable::Value(cm::Bid {
                    amount: Nillable::Value(0.5),
                }),
                ..Default::default()
            })]),
            ..Default::default()
        })
        .await
        .unwrap();
    let group = g.value.ad_group_ids.value().unwrap()[0].unwrap();
    let keyword = |text: &str| cm::Keyword {
        text: text.into(),
        match_type: Nillable::Value(cm::MatchType::Phrase),
        bid: Nillable::Value(cm::Bid {
            amount: Nillable::Value(0.41),
        }),
        ..Default::default()
    };
    let k = cmc
        .add_keywords(&cm::AddKeywordsRequest {
            ad_group_id: Nillable::Value(group),
            keywords: Nillable::Value(vec![
                Some(keyword("kids hiking backpack")),
                Some(keyword("trail daypack")),
            ]),
            ..Default::default()
        })
        .await
        .unwrap();
    let keywords = k
        .value
        .keyword_ids
        .value()
        .unwrap()
        .iter()
        .map(|k| k.unwrap())
        .collect();
    (campaign, group, keywords)
}

fn manager(client: &Client, dir: &Path) -> BulkServiceManager {
    BulkServiceManager::new(client)
        .working_directory(dir)
        .poll_interval(Duration::from_secs(1))
        .unwrap()
}

/// Every row of a bulk file in file order, untyped (error rows after their record's row).
fn rows(path: &Path) -> Vec<BulkRow> {
    let mut out = Vec::new();
    for record in BulkFileReader::open(path).unwrap().untyped() {
        match record.unwrap() {
            BulkRecord::Untyped(u) => {
                out.push(u.row);
                out.extend(u.errors.into_iter().map(|e| e.row));
            }
            BulkRecord::FormatVersion(v) => out.extend(v.source),
            other => panic!("untyped reader gave {other:?}"),
        }
    }
    out
}

fn of_type<'a>(rows: &'a [BulkRow], t: &str) -> Vec<&'a BulkRow> {
    rows.iter().filter(|r| r.record_type() == t).collect()
}

// -------------------------------------------------------------------------------------------
// Downloads
// -------------------------------------------------------------------------------------------

async fn download_file_lands_the_accounts_entities_with_the_sync_time(wire: Wire) {
    let emu = common::emulator().await;
    let client = password_client(&emu, RetryPolicy::none(), wire);
    let (campaign, group, keywords) = seed(&client, "Contoso Outdoor").await;
    let dir = scratch(wire, "download");
    let (sink, mut progress) = ProgressSink::channel(64);
    let file = manager(&client, &dir)
        .download_file(
            &DownloadParameters::accounts([ACCOUNT_ID]).result_directory(dir.join("out")),
            Some(&sink),
        )
        .await
        .unwrap();
    assert_eq!(
        file.path,
        dir.join("out").join(format!("{}.csv", file.request_id))
    );
    assert_eq!(
        listing(&dir.join("out")),
        [format!("{}.csv", file.request_id)]
    );
    let sync = file.sync_time.expect("the Account row's sync time");
    assert_eq!(sync.len(), "12/06/2026 05:24:00".len(), "{sync}");

    let rows = rows(&file.path);
    assert_eq!(
        of_type(&rows, "Account")[0].get("Id"),
        Some(ACCOUNT_ID.to_string().as_str())
    );
    let c = of_type(&rows, "Campaign");
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].get("Id"), Some(campaign.to_string().as_str()));
    assert_eq!(c[0].get("Campaign"), Some("Contoso Outdoor"));
    assert_eq!(
        of_type(&rows, "Ad Group")[0].get("Id"),
        Some(group.to_string().as_str())
    );
    let k = of_type(&rows, "Keyword");
    assert_eq!(k.len(), 2);
    assert_eq!(k[0].get("Id"), Some(keywords[0].to_string().as_str()));
    assert_eq!(k[0].get("Keyword"), Some("kids hiking backpack"));
    assert_eq!(k[0].get("Bid"), Some("0.41"));
    assert_eq!(k[0].get("Parent Id"), Some(group.to_string().as_str()));

    let mut percents = Vec::new();
    let mut downloaded = 0;
    while let Ok(p) = progress.try_recv() {
        match p {
            Progress::Status {
                percent_complete, ..
            } => percents.push(percent_complete),
            Progress::Download { bytes, .. } => downloaded = bytes,
            _ => {}
        }
    }
    assert_eq!(percents, [20, 60, 100]);
    assert!(downloaded > 0);
    std::fs::remove_dir_all(dir).unwrap();
}

async fn download_records_iterates_the_file_and_campaign_scope_limits_it(wire: Wire) {
    let emu = common::emulator().await;
    let client = password_client(&emu, RetryPolicy::none(), wire);
    let (first, _, _) = seed(&client, "First").await;
    seed(&client, "Second").await;
    let dir = scratch(wire, "records");
    let m = manager(&client, &dir);
    let all: Vec<BulkRecord> = m
        .download_records(&DownloadParameters::accounts([ACCOUNT_ID]), None)
        .await
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let campaigns = all.iter().filter(|r| r.record_type() == "Campaign").count();
    assert_eq!(campaigns, 2);

    let params = DownloadParameters::campaigns([(ACCOUNT_ID, first)]).file_format(FileFormat::Tsv);
    let file = m.download_file(&params, None).await.unwrap();
    assert!(
        file.path.to_string_lossy().ends_with(".tsv"),
        "{}",
        file.path.display()
    );
    let rows = rows(&file.path);
    let names: Vec<_> = of_type(&rows, "Campaign")
        .iter()
        .map(|r| r.get("Campaign").unwrap().to_string())
        .collect();
    assert_eq!(names, ["First"]);
    assert_eq!(
        common::requests_for(&emu, "DownloadCampaignsByCampaignIds").len(),
        1
    );
    std::fs::remove_dir_all(dir).unwrap();
}

async fn a_submitted_download_resumes_from_its_request_id_in_another_manager(wire: Wire) {
    let emu = common::emulator().await;
    let client = password_client(&emu, RetryPolicy::none(), wire);
    seed(&client, "Resumed").await;
    let dir = scratch(wire, "resume");
    let operation = manager(&client, &dir)
        .submit_download(&DownloadParameters::accounts([ACCOUNT_ID]))
        .await
        .unwrap();
    let id = operation.request_id().to_string();
    assert_eq!(operation.status().await.unwrap().status, "InProgress");
    drop(operation);

    // Later, elsewhere: only the id survived.
    let resumed = manager(&client, &dir).download_operation(&id);
    let path = resumed
        .download_result(
            Some(ResultFileOptions::new(dir.join("later")).file_name("resumed.csv")),
            None,
        )
        .await
        .unwrap();
    assert_eq!(path, dir.join("later").join("resumed.csv"));
    assert_eq!(of_type(&rows(&path), "Campaign").len(), 1);
    // A final status is remembered: no further status call.
    let calls = common::requests_for(&emu, "GetBulkDownloadStatus").len();
    assert_eq!(resumed.status().await.unwrap().status, "Completed");
    assert_eq!(
        common::requests_for(&emu, "GetBulkDownloadStatus").len(),
        calls
    );
    std::fs::remove_dir_all(dir).unwrap();
}

async fn an_existing_result_file_is_kept_unless_overwrite(wire: Wire) {
    let emu = common::emulator().await;
    let client = password_client(&emu, RetryPolicy::none(), wire);
    let dir = scratch(wire, "overwrite");
    std::fs::write(dir.join("entities.csv"), b"mine").unwrap();
    let params = DownloadParameters::accounts([ACCOUNT_ID])
        .result_directory(&dir)
        .result_file_name("entities.csv");
    let m = manager(&client, &dir);
    let e = m.download_file(&params, None).await.unwrap_err();
    assert!(
        matches!(
            e,
            BulkServiceError::Transfer(TransferError::FileExists { .. })
        ),
        "{e}"
    );
    assert_eq!(std::fs::read(dir.join("entities.csv")).unwrap(), b"mine");
    assert_eq!(listing(&dir), ["entities.csv"]);

    let file = m
        .download_file(&params.overwrite(true), None)
        .await
        .unwrap();
    assert_ne!(std::fs::read(&file.path).unwrap(), b"mine");
    assert_eq!(listing(&dir), ["entities.csv"]);
    std::fs::remove_dir_all(dir).unwrap();
}

async fn a_kept_archive_is_the_zip_the_service_sent(wire: Wire) {
    let emu = common::emulator().await;
    let client = password_client(&emu, RetryPolicy::none(), wire);
    let dir = scratch(wire, "kept");
    let file = manager(&client, &dir)
        .download_file(
            &DownloadParameters::accounts([ACCOUNT_ID])
                .result_directory(&dir)
                .decompress(false),
            None,
        )
        .await
        .unwrap();
    assert_eq!(file.path, dir.join(format!("{}.zip", file.request_id)));
    assert!(
        std::fs::read(&file.path)
            .unwrap()
            .starts_with(b"PK\x03\x04")
    );
    assert_eq!(file.sync_time, None);
    assert_eq!(
        of_type(&rows(&file.path), "Account").len(),
        1,
        "the reader reads the zip as it is"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

// -------------------------------------------------------------------------------------------
// Faults
// -------------------------------------------------------------------------------------------

async fn a_failed_operation_is_a_typed_error_with_the_service_errors_and_request_id(wire: Wire) {
    let emu = common::emulator().await;
    let client = password_client(&emu, RetryPolicy::none(), wire);
    let dir = scratch(wire, "failed");
    emu.inject_bulk(BulkFault::Failed);
    let e = manager(&client, &dir)
        .download_file(&DownloadParameters::accounts([ACCOUNT_ID]), None)
        .await
        .unwrap_err();
    match &e {
        BulkServiceError::Transfer(TransferError::OperationFailed {
            kind,
            status,
            errors,
            ..
        }) => {
            assert_eq!(*kind, OperationKind::BulkDownload);
            assert_eq!(status, "Failed");
            assert_eq!(errors[0].error_code.as_deref(), Some("InternalError"));
        }
        other => panic!("{other}"),
    }
    assert!(common::is_guid(e.request_id().unwrap()));
    assert!(listing(&dir).is_empty());
    std::fs::remove_dir_all(dir).unwrap();
}

async fn an_expired_result_url_is_exchanged_for_a_fresh_one(wire: Wire) {
    let emu = common::emulator().await;
    let client = password_client(&emu, RetryPolicy::none(), wire);
    let dir = scratch(wire, "expired");
    emu.inject_bulk(BulkFault::ExpiredUrl);
    let file = manager(&client, &dir)
        .download_file(
            &DownloadParameters::accounts([ACCOUNT_ID]).result_directory(&dir),
            None,
        )
        .await
        .unwrap();
    assert_eq!(listing(&dir), [format!("{}.csv", file.request_id)]);
    // Three polls to completion, one more for the fresh URL.
    assert_eq!(common::requests_for(&emu, "GetBulkDownloadStatus").len(), 4);
    std::fs::remove_dir_all(dir).unwrap();
}

async fn corrupt_and_hostile_archives_are_refused_and_leave_nothing(wire: Wire) {
    let emu = common::emulator().await;
    let client = password_client(&emu, RetryPolicy::none(), wire);
    let dir = scratch(wire, "archives");
    let out = dir.join("out");
    let m = manager(&client, &dir);
    let params = DownloadParameters::accounts([ACCOUNT_ID]).result_directory(&out);

    emu.inject_bulk(BulkFault::CorruptZip);
    let e = m.download_file(&params, None).await.unwrap_err();
    assert!(
        matches!(
            e,
            BulkServiceError::Transfer(TransferError::CorruptArchive { .. })
        ),
        "{e}"
    );
    assert!(listing(&out).is_empty());

    emu.inject_bulk(BulkFault::ZipSlip);
    let e = m.download_file(&params, None).await.unwrap_err();
    assert!(
        matches!(&e, BulkServiceError::Transfer(TransferError::UnsafeArchiveEntry { name }) if name == "../escaped.csv"),
        "{e}"
    );
    assert!(listing(&out).is_empty());
    assert!(!dir.join("escaped.csv").exists());

    let small = manager(&client, &dir).max_decompressed_bytes(100);
    let e = small.download_file(&params, None).await.unwrap_err();
    assert!(
        matches!(
            e,
            BulkServiceError::Transfer(TransferError::ArchiveTooLarge { limit: 100 })
        ),
        "{e}"
    );
    assert!(listing(&out).is_empty());
    std::fs::remove_dir_all(dir).unwrap();
}

async fn a_dropped_download_fails_cleanly_and_the_operation_can_be_downloaded_again(wire: Wire) {
    let emu = common::emulator().await;
    let client = password_client(&emu, RetryPolicy::none(), wire);
    let dir = scratch(wire, "dropped");
    let m = manager(&client, &dir);
    let operation = m
        .submit_download(&DownloadParameters::accounts([ACCOUNT_ID]))
        .await
        .unwrap();
    emu.inject_bulk(BulkFault::DroppedDownload);
    let e = operation
        .download_result(Some(ResultFileOptions::new(&dir)), None)
        .await
        .unwrap_err();
    assert!(
        matches!(e, BulkServiceError::Transfer(TransferError::Network { .. })),
        "{e}"
    );
    assert!(listing(&dir).is_empty(), "{:?}", listing(&dir));
    let path = m
        .download_operation(operation.request_id())
        .download_result(Some(ResultFileOptions::new(&dir)), None)
        .await
        .unwrap();
    assert_eq!(
        listing(&dir),
        [path.file_name().unwrap().to_string_lossy().into_owned()]
    );
    std::fs::remove_dir_all(dir).unwrap();
}

async fn a_cancelled_download_leaves_no_file_behind(wire: Wire) {
    let emu = common::emulator().await;
    let client = password_client(&emu, RetryPolicy::none(), wire);
    let dir = scratch(wire, "cancel");
    emu.inject_bulk(BulkFault::NeverCompletes);
    let m = manager(&client, &dir);
    let params = DownloadParameters::accounts([ACCOUNT_ID]).result_directory(&dir);
    let cut =
        tokio::time::timeout(Duration::from_millis(1500), m.download_file(&params, None)).await;
    assert!(
        cut.is_err(),
        "the download was cancelled by dropping its future"
    );
    assert!(listing(&dir).is_empty());
    std::fs::remove_dir_all(dir).unwrap();
}

// -------------------------------------------------------------------------------------------
// Schedule, throttling and timeouts on the paused clock
// -------------------------------------------------------------------------------------------

/// A client without HTTP timers: on the paused clock, the only timers are the schedule's and
/// the retry policy's, so the clock moves by exactly what they say.
fn paused_clock_client(emu: &Emulator, wire: Wire) -> Client {
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

/// Seconds after `start` (rounded to the millisecond) at which each status answer arrived.
fn poll_clock(start: Instant) -> (ProgressSink, Arc<Mutex<Vec<u128>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink_seen = seen.clone();
    let sink = ProgressSink::new(move |p| {
        if matches!(p, Progress::Status { .. }) {
            sink_seen.lock().unwrap().push(start.elapsed().as_millis());
        }
    });
    (sink, seen)
}

async fn polls_at_1_2_3_4_seconds_then_every_interval_until_the_timeout(wire: Wire) {
    let emu = common::emulator().await;
    let client = paused_clock_client(&emu, wire);
    emu.inject_bulk(BulkFault::NeverCompletes);
    let dir = scratch(wire, "schedule");
    let m = BulkServiceManager::new(&client)
        .working_directory(&dir)
        .poll_interval(Duration::from_secs(5))
        .unwrap();
    let operation = m
        .submit_download(&DownloadParameters::accounts([ACCOUNT_ID]))
        .await
        .unwrap();
    let start = Instant::now();
    let (sink, seen) = poll_clock(start);
    let e = operation
        .track(Some(Duration::from_secs(20)), Some(&sink))
        .await
        .unwrap_err();
    assert_eq!(
        *seen.lock().unwrap(),
        [1000, 2000, 3000, 4000, 9000, 14000, 19000]
    );
    assert_eq!(start.elapsed(), Duration::from_secs(20));
    match &e {
        BulkServiceError::Transfer(TransferError::Timeout {
            request_id,
            last_status,
            percent_complete,
            ..
        }) => {
            assert_eq!(request_id, operation.request_id());
            assert_eq!(last_status, "InProgress");
            assert_eq!(*percent_complete, 50);
        }
        other => panic!("{other}"),
    }
    assert_eq!(common::requests_for(&emu, "GetBulkDownloadStatus").len(), 7);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_poll_interval_below_one_second_is_refused() {
    let client = Client::builder(
        common::authorization(bingads::auth::PasswordAuthentication::new(
            USER_NAME, PASSWORD,
        )),
        Environment::Production,
    )
    .build()
    .unwrap();
    let e = BulkServiceManager::new(&client)
        .poll_interval(Duration::from_millis(500))
        .unwrap_err();
    assert!(matches!(e, TransferError::PollIntervalTooShort(_)), "{e}");
}

async fn a_throttled_status_call_waits_per_the_retry_policy(wire: Wire) {
    let emu = common::emulator().await;
    let client = paused_clock_client(&emu, wire);
    let dir = scratch(wire, "throttled");
    let m = BulkServiceManager::new(&client).working_directory(&dir);
    let operation = m
        .submit_download(&DownloadParameters::accounts([ACCOUNT_ID]))
        .await
        .unwrap();
    // The first status call goes through, the second is throttled once (117).
    emu.inject(Injection::Delay(Duration::ZERO).for_operation("GetBulkDownloadStatus"));
    emu.inject(Injection::CallRateExceeded.for_operation("GetBulkDownloadStatus"));
    let start = Instant::now();
    let (sink, seen) = poll_clock(start);
    let status = operation.track(None, Some(&sink)).await.unwrap();
    assert_eq!(status.status, "Completed");
    // 1 s; 2 s + 5 s throttle wait = 7 s; then 1 s later.
    assert_eq!(*seen.lock().unwrap(), [1000, 7000, 8000]);
    std::fs::remove_dir_all(dir).unwrap();
}

async fn bulk_throttling_4204_on_submit_waits_per_the_retry_policy(wire: Wire) {
    let emu = common::emulator().await;
    let client = paused_clock_client(&emu, wire);
    let dir = scratch(wire, "4204");
    emu.inject(
        Injection::BulkThrottled
            .for_operation("DownloadCampaignsByAccountIds")
            .times(2),
    );
    let start = Instant::now();
    let operation = BulkServiceManager::new(&client)
        .working_directory(&dir)
        .submit_download(&DownloadParameters::accounts([ACCOUNT_ID]))
        .await
        .unwrap();
    assert_eq!(start.elapsed(), Duration::from_secs(15), "5 s + 10 s");
    assert!(common::is_guid(operation.request_id()));
    std::fs::remove_dir_all(dir).unwrap();
}

// -------------------------------------------------------------------------------------------
// Uploads
// -------------------------------------------------------------------------------------------

fn untyped(row: BulkRow) -> BulkRecord {
    BulkRecord::Untyped(UntypedRecord {
        row,
        errors: Vec::new(),
    })
}

async fn upload_then_download_reflects_adds_updates_and_deletes(wire: Wire) {
    let emu = common::emulator().await;
    let oauth = common::OAuth::new(&emu);
    let client = common::client_for(
        &emu,
        common::authorization(oauth.grant.clone()),
        RetryPolicy::none(),
        wire,
    );
    let (_, group, keywords) = seed(&client, "Contoso Outdoor").await;
    let dir = scratch(wire, "roundtrip");
    let m = manager(&client, &dir);
    let before = m
        .download_file(&DownloadParameters::accounts([ACCOUNT_ID]), None)
        .await
        .unwrap();

    // Change a bid, delete a keyword, add one and send one invalid row, in the file's own header.
    let reader = BulkFileReader::open(&before.path).unwrap().untyped();
    let columns = reader.columns().clone();
    let upload = dir.join("changes.csv");
    let mut writer = BulkFileWriter::with_columns(
        std::fs::File::create(&upload).unwrap(),
        FileFormat::Csv,
        columns,
    )
    .unwrap();
    for record in reader {
        let BulkRecord::Untyped(u) = record.unwrap() else {
            continue;
        };
        let mut row = u.row;
        if row.record_type() != "Keyword" {
            continue;
        }
        if row.get("Id") == Some(keywords[0].to_string().as_str()) {
            row.set("Bid", "0.77");
        } else {
            row.set("Status", "Deleted");
        }
        writer.write(&untyped(row)).unwrap();
    }
    let mut added = BulkRow::new("Keyword");
    added.set("Parent Id", &group.to_string());
    added.set("Keyword", "ultralight tent");
    added.set("Match Type", "Exact");
    added.set("Bid", "1.25");
    writer.write(&untyped(added)).unwrap();
    let mut invalid = BulkRow::new("Keyword");
    invalid.set("Parent Id", &group.to_string());
    invalid.set("Match Type", "Exact");
    writer.write(&untyped(invalid)).unwrap();
    writer.finish().unwrap();
    let original = std::fs::read(&upload).unwrap();

    let result = m
        .upload_file(
            &UploadParameters::new(&upload).response_mode(ResponseMode::ErrorsAndResults),
            None,
        )
        .await
        .unwrap();
    assert_eq!(
        std::fs::read(&upload).unwrap(),
        original,
        "the caller's file is never modified"
    );
    let result_rows = rows(&result);
    let errors = of_type(&result_rows, "Keyword Error");
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].get("Error"),
        Some("CampaignServiceInvalidKeywordText")
    );
    assert_eq!(errors[0].get("Error Number"), Some("1503"));
    let records: Vec<BulkRecord> = BulkFileReader::open(&result)
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let with_errors: Vec<_> = records.iter().filter(|r| !r.errors().is_empty()).collect();
    assert_eq!(with_errors.len(), 1, "the error row attaches to its record");

    // The POST: one multipart field `file`, zipped, with the credential headers.
    let posts = emu.bulk_uploads();
    assert_eq!(posts.len(), 1);
    let post = &posts[0];
    assert_eq!(post.field, "file");
    assert!(post.file_name.ends_with(".zip"), "{}", post.file_name);
    assert_eq!(
        post.header("DeveloperToken"),
        Some(bingads_emulator::DEVELOPER_TOKEN)
    );
    assert_eq!(
        post.header("CustomerId"),
        Some(bingads_emulator::CUSTOMER_ID.to_string().as_str())
    );
    assert_eq!(
        post.header("AccountId"),
        Some(ACCOUNT_ID.to_string().as_str())
    );
    assert_eq!(
        post.header("AuthenticationToken"),
        Some(oauth.initial.access_token.as_str())
    );
    assert!(
        post.header("content-type")
            .unwrap()
            .starts_with("multipart/form-data; boundary=")
    );
    assert!(
        listing(&dir)
            .iter()
            .all(|n| !n.ends_with(".part") && !n.ends_with(".zip")),
        "{:?}",
        listing(&dir)
    );

    let after = m
        .download_file(
            &DownloadParameters::accounts([ACCOUNT_ID]).overwrite(true),
            None,
        )
        .await
        .unwrap();
    let rows = rows(&after.path);
    let k = of_type(&rows, "Keyword");
    let texts: Vec<(&str, &str)> = k
        .iter()
        .map(|r| (r.get("Keyword").unwrap(), r.get("Bid").unwrap()))
        .collect();
    assert_eq!(
        texts,
        [
            ("kids hiking backpack", "0.77"),
            ("ultralight tent", "1.25")
        ]
    );
    std::fs::remove_dir_all(dir).unwrap();
}

async fn a_few_records_go_through_upload_entity_records(wire: Wire) {
    let emu = common::emulator().await;
    let client = password_client(&emu, RetryPolicy::none(), wire);
    let (campaign, _, _) = seed(&client, "Sync").await;
    let dir = scratch(wire, "sync");
    let mut group = BulkRow::new("Ad Group");
    group.set("Id", "-11");
    group.set("Parent Id", &campaign.to_string());
    group.set("Ad Group", "Tents");
    let mut keyword = BulkRow::new("Keyword");
    keyword.set("Parent Id", "-11");
    keyword.set("Keyword", "dome tent");
    keyword.set("Match Type", "Broad");
    let answer: Vec<BulkRecord> = manager(&client, &dir)
        .upload_records(
            &[untyped(group), untyped(keyword)],
            &RecordUploadParameters::default(),
            None,
        )
        .await
        .unwrap()
        .untyped()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(common::requests_for(&emu, "UploadEntityRecords").len(), 1);
    assert!(common::requests_for(&emu, "GetBulkUploadUrl").is_empty());
    let ids: Vec<i64> = answer
        .iter()
        .filter(|r| r.record_type() != "Format Version")
        .filter_map(|r| r.source()?.get("Id")?.parse().ok())
        .collect();
    assert_eq!(ids.len(), 2, "{answer:?}");
    assert!(ids.iter().all(|i| *i > 0));
    let keyword_parent = answer.iter().find_map(|r| match r {
        BulkRecord::Untyped(u) if u.row.record_type() == "Keyword" => u.row.get("Parent Id"),
        _ => None,
    });
    assert_eq!(
        keyword_parent,
        Some(ids[0].to_string().as_str()),
        "the reference -11 resolved"
    );
    assert!(
        listing(&dir).is_empty(),
        "nothing written to disk for a synchronous upload"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

async fn more_than_a_thousand_records_go_through_a_file(wire: Wire) {
    let emu = common::emulator().await;
    let client = password_client(&emu, RetryPolicy::none(), wire);
    let (_, group, _) = seed(&client, "Many").await;
    let dir = scratch(wire, "many");
    let records: Vec<BulkRecord> = (0..1001)
        .map(|i| {
            let mut k = BulkRow::new("Keyword");
            k.set("Parent Id", &group.to_string());
            k.set("Keyword", &format!("keyword {i}"));
            k.set("Match Type", "Exact");
            untyped(k)
        })
        .collect();
    let answer: Vec<BulkRecord> = manager(&client, &dir)
        .upload_records(&records, &RecordUploadParameters::default(), None)
        .await
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(common::requests_for(&emu, "UploadEntityRecords").is_empty());
    assert_eq!(emu.bulk_uploads().len(), 1);
    assert_eq!(
        answer
            .iter()
            .filter(|r| r.record_type() == "Keyword")
            .count(),
        1001
    );
    std::fs::remove_dir_all(dir).unwrap();
}

async fn an_ambiguous_upload_failure_is_never_resent(wire: Wire) {
    let emu = common::emulator().await;
    let client = password_client(&emu, common::fast_retries(4), wire);
    let dir = scratch(wire, "ambiguous");
    let mut row = BulkRow::new("Campaign");
    row.set("Campaign", "Once");
    row.set("Budget", "10");
    emu.inject(Injection::DropConnection.for_operation("UploadEntityRecords"));
    let e = manager(&client, &dir)
        .upload_records(&[untyped(row)], &RecordUploadParameters::default(), None)
        .await
        .unwrap_err();
    assert!(e.service_error().is_some(), "{e}");
    assert_eq!(common::requests_for(&emu, "UploadEntityRecords").len(), 1);
    assert!(
        emu.bulk_uploads().is_empty(),
        "no fallback to a file after an ambiguous failure"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

/// A keyword upload file for `group` (one added keyword) in `dir`.
fn keyword_upload(dir: &Path, group: i64, text: &str) -> PathBuf {
    let path = dir.join("keyword.csv");
    let mut writer =
        BulkFileWriter::new(std::fs::File::create(&path).unwrap(), FileFormat::Csv).unwrap();
    let mut keyword = BulkRow::new("Keyword");
    keyword.set("Parent Id", &group.to_string());
    keyword.set("Keyword", text);
    keyword.set("Match Type", "Exact");
    writer.write(&untyped(keyword)).unwrap();
    writer.finish().unwrap();
    path
}

async fn an_upload_refused_with_401_is_sent_again_after_one_token_refresh(wire: Wire) {
    let emu = common::emulator().await;
    let oauth = common::OAuth::new(&emu);
    let client = oauth.client(&emu, RetryPolicy::none(), wire);
    let (_, group, _) = seed(&client, "Refreshed").await;
    let dir = scratch(wire, "refresh401");
    let upload = keyword_upload(&dir, group, "refreshed tent");
    // The access token runs out between GetBulkUploadUrl and the POST: the POST gets 401.
    emu.inject_bulk(BulkFault::TokenExpiresBeforeUpload);
    let m = manager(&client, &dir);
    let result = m
        .upload_file(&UploadParameters::new(&upload), None)
        .await
        .unwrap_or_else(|e| panic!("{wire}: {e}"));
    let posts = emu.bulk_uploads();
    assert_eq!(posts.len(), 2, "{wire}: one refused POST, one accepted");
    let first = posts[0].header("authenticationtoken").unwrap();
    let second = posts[1].header("authenticationtoken").unwrap();
    assert_eq!(first, oauth.initial.access_token, "{wire}");
    assert_ne!(first, second, "{wire}: the second POST carries a new token");
    assert_eq!(second, oauth.access_token(), "{wire}: the refreshed token");
    assert_eq!(oauth.refresh_count(), 1, "{wire}: one refresh");
    assert_eq!(
        posts[0].request_id, posts[1].request_id,
        "{wire}: same upload URL"
    );
    assert!(
        of_type(&rows(&result), "Keyword Error").is_empty(),
        "{wire}: the upload was applied without errors"
    );
    let after = m
        .download_file(
            &DownloadParameters::accounts([ACCOUNT_ID]).overwrite(true),
            None,
        )
        .await
        .unwrap();
    let rows = rows(&after.path);
    let added: Vec<_> = of_type(&rows, "Keyword")
        .into_iter()
        .filter(|r| r.get("Keyword") == Some("refreshed tent"))
        .collect();
    assert_eq!(added.len(), 1, "{wire}: the keyword was added once");
    std::fs::remove_dir_all(dir).unwrap();
}

async fn a_second_401_on_the_upload_is_an_error_after_one_refresh(wire: Wire) {
    let emu = common::emulator().await;
    let oauth = common::OAuth::new(&emu);
    let client = oauth.client(&emu, RetryPolicy::none(), wire);
    let (_, group, _) = seed(&client, "Refused").await;
    let dir = scratch(wire, "twice401");
    let upload = keyword_upload(&dir, group, "refused tent");
    emu.inject_bulk(BulkFault::TokenExpiresBeforeUpload);
    emu.inject_bulk(BulkFault::TokenExpiresBeforeUpload);
    let e = manager(&client, &dir)
        .submit_upload(&UploadParameters::new(&upload), None)
        .await
        .unwrap_err();
    assert!(
        matches!(
            e,
            BulkServiceError::Transfer(TransferError::HttpStatus { status: 401, .. })
        ),
        "{wire}: {e:?}"
    );
    assert_eq!(emu.bulk_uploads().len(), 2, "{wire}: one re-send, no more");
    assert_eq!(oauth.refresh_count(), 1, "{wire}: one refresh");
    std::fs::remove_dir_all(dir).unwrap();
}

async fn upload_limits_are_checked_before_anything_is_sent(wire: Wire) {
    let emu = common::emulator().await;
    let dir = scratch(wire, "limits");
    // Sandbox: 20,000 rows per file.
    let sandbox = Client::builder(
        common::authorization(bingads::auth::PasswordAuthentication::new(
            USER_NAME, PASSWORD,
        )),
        Environment::Sandbox,
    )
    .endpoint_base(emu.base_url())
    .wire(wire)
    .build()
    .unwrap();
    let big = dir.join("rows.csv");
    let mut writer =
        BulkFileWriter::new(std::fs::File::create(&big).unwrap(), FileFormat::Csv).unwrap();
    for i in 0..20_000 {
        let mut k = BulkRow::new("Keyword");
        k.set("Keyword", &format!("k{i}"));
        writer.write(&untyped(k)).unwrap();
    }
    writer.finish().unwrap();
    let e = manager(&sandbox, &dir)
        .submit_upload(&UploadParameters::new(&big), None)
        .await
        .unwrap_err();
    match &e {
        BulkServiceError::Transfer(TransferError::UploadLimit { message }) => {
            assert!(
                message.contains("20001 rows") && message.contains("20000"),
                "{message}"
            );
        }
        other => panic!("{other}"),
    }
    // 100 MB per file, in any environment.
    let huge = dir.join("huge.csv");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(100 * 1024 * 1024 + 1)
        .unwrap();
    let client = password_client(&emu, RetryPolicy::none(), wire);
    let e = manager(&client, &dir)
        .submit_upload(&UploadParameters::new(&huge), None)
        .await
        .unwrap_err();
    assert!(
        matches!(&e, BulkServiceError::Transfer(TransferError::UploadLimit { message }) if message.contains("100 MB")),
        "{e}"
    );
    assert!(
        emu.requests().iter().all(|r| r.service != "BulkService"),
        "nothing was sent"
    );
    assert!(emu.bulk_uploads().is_empty());
    std::fs::remove_dir_all(dir).unwrap();
}

// -------------------------------------------------------------------------------------------
// Every test above, on each wire
// -------------------------------------------------------------------------------------------

both_wires!(
    download_file_lands_the_accounts_entities_with_the_sync_time,
    download_records_iterates_the_file_and_campaign_scope_limits_it,
    a_submitted_download_resumes_from_its_request_id_in_another_manager,
    an_existing_result_file_is_kept_unless_overwrite,
    a_kept_archive_is_the_zip_the_service_sent,
    a_failed_operation_is_a_typed_error_with_the_service_errors_and_request_id,
    an_expired_result_url_is_exchanged_for_a_fresh_one,
    corrupt_and_hostile_archives_are_refused_and_leave_nothing,
    a_dropped_download_fails_cleanly_and_the_operation_can_be_downloaded_again,
    a_cancelled_download_leaves_no_file_behind,
    upload_then_download_reflects_adds_updates_and_deletes,
    a_few_records_go_through_upload_entity_records,
    more_than_a_thousand_records_go_through_a_file,
    an_ambiguous_upload_failure_is_never_resent,
    upload_limits_are_checked_before_anything_is_sent,
    an_upload_refused_with_401_is_sent_again_after_one_token_refresh,
    a_second_401_on_the_upload_is_an_error_after_one_refresh,
);
both_wires!(
    (start_paused = true)
    polls_at_1_2_3_4_seconds_then_every_interval_until_the_timeout,
    a_throttled_status_call_waits_per_the_retry_policy,
    bulk_throttling_4204_on_submit_waits_per_the_retry_policy,
);
