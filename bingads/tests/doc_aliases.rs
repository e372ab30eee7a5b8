//! The official SDKs' names of the runtime's entry points, managers and report reader are in
//! rustdoc search: each is a `#[doc(alias)]` on the item that plays its part here (where our
//! name differs; `AuthorizationData`, `download_file`, `track`, ... keep the official name and
//! need none). Read from the sources, which is what rustdoc renders; the generated operations
//! and types are checked in `bingads-gen/tests/reference_links.rs`.

/// (source file, official names that must be aliases in it).
const EXPECTED: &[(&str, &str, &[&str])] = &[
    (
        "client.rs",
        include_str!("../src/client.rs"),
        &["ServiceClient"],
    ),
    (
        "auth/grants.rs",
        include_str!("../src/auth/grants.rs"),
        &["get_authorization_endpoint", "token_refreshed_callback"],
    ),
    (
        "auth/error.rs",
        include_str!("../src/auth/error.rs"),
        &["OAuthTokenRequestException"],
    ),
    (
        "fault/mod.rs",
        include_str!("../src/fault/mod.rs"),
        &["AdApiError", "OperationError", "WebFault", "FaultException"],
    ),
    (
        "bulk/file/reader.rs",
        include_str!("../src/bulk/file/reader.rs"),
        &["read_next_entity"],
    ),
    (
        "reporting/manager/mod.rs",
        include_str!("../src/reporting/manager/mod.rs"),
        &[
            "submit_download",
            "SubmitDownloadAsync",
            "DownloadFileAsync",
            "DownloadReportAsync",
            "poll_interval_in_milliseconds",
            "ReportingDownloadException",
        ],
    ),
    (
        "reporting/manager/operation.rs",
        include_str!("../src/reporting/manager/operation.rs"),
        &[
            "get_status",
            "TrackAsync",
            "download_result_file",
            "ReportingOperationStatus",
            "report_download_url",
        ],
    ),
    (
        "reporting/manager/params.rs",
        include_str!("../src/reporting/manager/params.rs"),
        &[
            "result_file_directory",
            "decompress_result_file",
            "overwrite_result_file",
            "timeout_in_milliseconds",
        ],
    ),
    (
        "reporting/reader/mod.rs",
        include_str!("../src/reporting/reader/mod.rs"),
        &[
            "ReportFileReader",
            "get_report",
            "report_columns",
            "report_records",
        ],
    ),
    (
        "reporting/reader/row.rs",
        include_str!("../src/reporting/reader/row.rs"),
        &["value", "int_value", "float_value"],
    ),
    (
        "reporting/reader/header.rs",
        include_str!("../src/reporting/reader/header.rs"),
        &[
            "record_count",
            "last_completed_available_date",
            "report_aggregation",
        ],
    ),
    (
        "bulk/service/mod.rs",
        include_str!("../src/bulk/service/mod.rs"),
        &["download_entities", "poll_interval_in_milliseconds"],
    ),
    (
        "bulk/service/upload.rs",
        include_str!("../src/bulk/service/upload.rs"),
        &["upload_entities", "UploadFileAsync"],
    ),
    (
        "bulk/service/params.rs",
        include_str!("../src/bulk/service/params.rs"),
        &[
            "SubmitDownloadParameters",
            "FileUploadParameters",
            "EntityUploadParameters",
        ],
    ),
    (
        "bulk/service/operation.rs",
        include_str!("../src/bulk/service/operation.rs"),
        &["get_status", "download_result_file"],
    ),
];

/// Every alias in `#[doc(alias = "a")]` and `#[doc(alias = "a", alias = "b")]` lines.
fn aliases(source: &str) -> Vec<&str> {
    source
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("#[doc(alias"))
        .flat_map(|l| l.split("alias = \"").skip(1))
        .filter_map(|rest| rest.split('"').next())
        .collect()
}

#[test]
fn official_names_of_entry_points_managers_and_reader_are_doc_aliases() {
    let mut missing = Vec::new();
    for (file, source, names) in EXPECTED {
        let found = aliases(source);
        for name in *names {
            if !found.contains(name) {
                missing.push(format!("{file}: {name}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "official names without a doc alias: {missing:?}"
    );
}

#[test]
fn each_service_accessor_carries_the_official_service_name() {
    // The accessors come from one macro whose `$official` column becomes the alias.
    let source = include_str!("../src/client.rs");
    assert!(source.contains("#[doc(alias = $official)]"));
    for service in [
        "AdInsightService",
        "BulkService",
        "CampaignManagementService",
        "CustomerBillingService",
        "CustomerManagementService",
        "ReportingService",
    ] {
        let row = format!("\"{service}\";");
        assert!(
            source.lines().any(|l| l.trim_end().ends_with(&row)),
            "no accessor row for {service}"
        );
    }
}

#[test]
fn the_alias_reader_sees_both_attribute_forms() {
    let found = aliases(
        "    #[doc(alias = \"a\")]\n#[doc(alias = \"b\", alias = \"c\")]\n// alias = \"d\"",
    );
    assert_eq!(found, ["a", "b", "c"]);
}
