//! The Microsoft Learn URL rule, checked on a sample per service and kind against files of the
//! docs repository (github.com/MicrosoftDocs/Advertising at commit
//! a21125df151aeb0aad524bbce3ef4938c77714c0): each `advertising/bingads-13/<path>.md` below was
//! seen in that commit, and `advertising/docfx.json` publishes the `bingads-13` group as
//! `https://learn.microsoft.com/en-us/advertising/<path>?view=bingads-13`.

use codegen::reference::{PageKind, ReferencePages};

mod common;

/// (service, schema name or operation, docs repository path under `advertising/bingads-13/`).
const VERIFIED: &[(&str, &str, &str)] = &[
    (
        "AdInsightService",
        "GetKeywordIdeas",
        "ad-insight-service/getkeywordideas",
    ),
    (
        "AdInsightService",
        "KeywordIdea",
        "ad-insight-service/keywordidea",
    ),
    (
        "AdInsightService",
        "CompetitionLevel",
        "ad-insight-service/competitionlevel",
    ),
    (
        "BulkService",
        "DownloadCampaignsByAccountIds",
        "bulk-service/downloadcampaignsbyaccountids",
    ),
    (
        "BulkService",
        "DownloadEntity",
        "bulk-service/downloadentity",
    ),
    (
        "BulkService",
        "CompressionType",
        "bulk-service/compressiontype",
    ),
    (
        "CampaignManagementService",
        "AddCampaigns",
        "campaign-management-service/addcampaigns",
    ),
    (
        "CampaignManagementService",
        "Campaign",
        "campaign-management-service/campaign",
    ),
    (
        "CampaignManagementService",
        "CampaignType",
        "campaign-management-service/campaigntype",
    ),
    (
        "CustomerBillingService",
        "GetBillingDocumentsInfo",
        "customer-billing-service/getbillingdocumentsinfo",
    ),
    (
        "CustomerBillingService",
        "BillingDocumentInfo",
        "customer-billing-service/billingdocumentinfo",
    ),
    (
        "CustomerBillingService",
        "InsertionOrderStatus",
        "customer-billing-service/insertionorderstatus",
    ),
    (
        "CustomerManagementService",
        "GetAccount",
        "customer-management-service/getaccount",
    ),
    (
        "CustomerManagementService",
        "AdvertiserAccount",
        "customer-management-service/advertiseraccount",
    ),
    (
        "CustomerManagementService",
        "AccountLifeCycleStatus",
        "customer-management-service/accountlifecyclestatus",
    ),
    (
        "ReportingService",
        "SubmitGenerateReport",
        "reporting-service/submitgeneratereport",
    ),
    (
        "ReportingService",
        "CampaignPerformanceReportRequest",
        "reporting-service/campaignperformancereportrequest",
    ),
    (
        "ReportingService",
        "ReportAggregation",
        "reporting-service/reportaggregation",
    ),
    // Exceptions (reference-exceptions.txt): documented under another name, or not at all.
    (
        "BulkService",
        "KeyValueOfstringstring",
        "bulk-service/keyvaluepairofstringstring",
    ),
    (
        "AdInsightService",
        "PutMetricData",
        "ad-insight-service/ad-insight-service-operations",
    ),
];

fn pages() -> ReferencePages {
    ReferencePages::load(&common::wsdl_root().join("v13"), "v13").expect("reference pages load")
}

#[test]
fn sample_of_each_service_maps_to_the_verified_docs_file() {
    let pages = pages();
    for (service, name, path) in VERIFIED {
        assert_eq!(
            pages.page(service, name).as_deref(),
            Some(*path),
            "{service} {name}"
        );
    }
}

#[test]
fn urls_follow_the_published_form() {
    let pages = pages();
    let page = pages
        .page("CampaignManagementService", "AddCampaigns")
        .expect("page");
    assert_eq!(
        pages.url(&page, false, None),
        "https://learn.microsoft.com/en-us/advertising/campaign-management-service/addcampaigns?view=bingads-13"
    );
    assert_eq!(
        pages.url(&page, true, Some("request")),
        "https://learn.microsoft.com/en-us/advertising/campaign-management-service/addcampaigns?view=bingads-13&pivots=rest#request"
    );
    let line = pages.doc_line(&page, "AddCampaigns", PageKind::Operation, None);
    assert!(
        line.contains("(SOAP)") && line.contains("pivots=rest"),
        "{line}"
    );
}

#[test]
fn unknown_names_have_no_page_and_bad_exceptions_are_refused() {
    assert_eq!(
        pages().page("CampaignManagementService", "NoSuchType"),
        None
    );
    let err = ReferencePages::parse("a-service/x\n", "a-service Y y\n", "bingads-13".into())
        .expect_err("an exception to an unrecorded page");
    assert!(err.contains("a-service/y"), "{err}");
}
