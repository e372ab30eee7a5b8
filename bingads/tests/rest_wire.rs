//! The REST wire of the runtime against a tiny local HTTP server the tests start
//! (`support/fake_http.rs`): golden requests (method, URL, headers, body) checked against
//! the facts in `wsdl/v13/rest-json.json`, every REST fault shape read into the same typed
//! `Error::Fault` as SOAP faults, the 109 refresh, throttling waits and the
//! never-resend-a-write rule on REST, operations without a REST route, lenient responses,
//! the response size cap on both wires, and URLs without credentials in errors.
#![cfg(all(feature = "rest", feature = "soap"))]

#[path = "support/fake_http.rs"]
mod fake_http;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use bingads::auth::{AuthError, Authentication, BoxFuture};
use bingads::v13::campaign_management as cm;
use bingads::{
    AuthorizationData, Client, Environment, Error, Nillable, RetryPolicy, SecretString, Wire,
};
use bingads_gen::soap::{RequestBody, Transport};
use fake_http::{FakeServer, Reply};
use serde_json::Value;

const DEVELOPER_TOKEN: &str = "dev-token-1";
const CUSTOMER_ID: i64 = 1001;
const ACCOUNT_ID: i64 = 2002;

/// OAuth-like authentication with a fixed token that counts 109 refreshes: after a
/// refresh the token is `token-2`, `token-3`, ...
#[derive(Debug, Default)]
struct CountingToken {
    refreshes: AtomicUsize,
}

impl CountingToken {
    fn token(&self) -> String {
        format!("token-{}", self.refreshes.load(Ordering::SeqCst) + 1)
    }
}

impl Authentication for CountingToken {
    fn header_values(&self) -> BoxFuture<'_, Result<Vec<(&'static str, SecretString)>, AuthError>> {
        Box::pin(async move {
            Ok(vec![(
                "AuthenticationToken",
                SecretString::new(self.token()),
            )])
        })
    }

    fn token_expired<'a>(
        &'a self,
        _rejected: &'a SecretString,
    ) -> BoxFuture<'a, Result<bool, AuthError>> {
        Box::pin(async move {
            self.refreshes.fetch_add(1, Ordering::SeqCst);
            Ok(true)
        })
    }
}

fn quick_retries() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 3,
        base_delay: Duration::from_millis(1),
        throttle_delay: Duration::from_millis(1),
        max_delay: Duration::from_millis(5),
        retry_non_idempotent: false,
        jitter: false,
    }
}

fn client(server: &FakeServer, auth: Arc<CountingToken>, wire: Wire) -> Client {
    Client::builder(
        AuthorizationData::with_shared(auth, DEVELOPER_TOKEN)
            .with_customer_id(CUSTOMER_ID)
            .with_account_id(ACCOUNT_ID),
        Environment::Production,
    )
    .endpoint_base(&server.base_url)
    .wire(wire)
    .retry_policy(quick_retries())
    .request_timeout(Duration::from_secs(20))
    .build()
    .expect("the client builds")
}

fn rest_client(server: &FakeServer) -> (Client, Arc<CountingToken>) {
    let auth = Arc::new(CountingToken::default());
    (client(server, auth.clone(), Wire::Rest), auth)
}

fn facts() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../wsdl/v13/rest-json.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("rest-json.json")).expect("JSON")
}

fn get_campaigns() -> cm::GetCampaignsByAccountIdRequest {
    cm::GetCampaignsByAccountIdRequest {
        account_id: Some(ACCOUNT_ID),
        campaign_type: Some(bingads::Flags::from([cm::CampaignType::Search])),
        ..Default::default()
    }
}

const ONE_CAMPAIGN: &str = r#"{"Campaigns":[{"Id":"7","Name":"Summer","Status":"Active","BudgetType":"DailyBudgetStandard","DailyBudget":50,"BiddingScheme":{"Type":"EnhancedCpc"}}],"PartialErrors":null}"#;

// ---------------------------------------------------------------------------------------
// Golden requests

#[tokio::test]
async fn a_rest_call_sends_the_documented_request_and_reads_the_reply() {
    let server = FakeServer::start(|_, _| Reply::json(200, Some("track-1"), ONE_CAMPAIGN)).await;
    let (client, _) = rest_client(&server);
    let reply = client
        .campaign_management()
        .expect("client")
        .get_campaigns_by_account_id(&get_campaigns())
        .await
        .expect("the call succeeds");
    assert_eq!(reply.tracking_id.as_deref(), Some("track-1"));
    let Nillable::Value(campaigns) = &reply.value.campaigns else {
        panic!("campaigns")
    };
    let campaign = campaigns[0].as_ref().expect("a campaign");
    assert_eq!(campaign.id, Nillable::Value(7));
    assert!(matches!(
        campaign.bidding_scheme,
        Nillable::Value(cm::BiddingScheme::EnhancedCpcBiddingScheme(_))
    ));

    let sent = server.requests();
    assert_eq!(sent.len(), 1);
    let r = &sent[0];
    assert_eq!(r.method, "POST");
    assert_eq!(r.path, "/CampaignManagement/v13/Campaigns/QueryByAccountId");
    let names: Vec<&str> = r.headers.iter().map(|(n, _)| n.as_str()).collect();
    let sdk_headers: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| !["host", "content-length"].contains(&n.to_ascii_lowercase().as_str()))
        .collect();
    assert_eq!(
        sdk_headers
            .iter()
            .map(|n| n.to_ascii_lowercase())
            .collect::<Vec<_>>(),
        [
            "authorization",
            "developertoken",
            "customerid",
            "customeraccountid",
            "api-revision",
            "user-agent",
            "accept",
            "content-type"
        ]
    );
    assert_eq!(r.header("Authorization"), Some("Bearer token-1"));
    assert_eq!(r.header("DeveloperToken"), Some(DEVELOPER_TOKEN));
    assert_eq!(r.header("CustomerId"), Some("1001"));
    assert_eq!(r.header("CustomerAccountId"), Some("2002"));
    assert_eq!(r.header("Api-Revision"), Some(cm::SERVICE.api_revision));
    assert!(
        r.header("User-Agent")
            .expect("UA")
            .starts_with("bingads-rs/")
    );
    assert_eq!(r.header("Accept"), Some("application/json"));
    assert_eq!(r.header("Content-Type"), Some("application/json"));
    assert_eq!(
        r.json(),
        serde_json::json!({"AccountId": "2002", "CampaignType": "Search"})
    );
}

#[tokio::test]
async fn customer_headers_follow_the_binding_not_every_operation() {
    // Customer Management declares neither CustomerId nor CustomerAccountId (SOAP binding and
    // Microsoft's REST reference alike), so neither is sent there.
    let server = FakeServer::start(|_, _| Reply::json(200, None, r#"{"User":null}"#)).await;
    let (client, _) = rest_client(&server);
    client
        .customer_management()
        .expect("client")
        .get_user(&Default::default())
        .await
        .expect("the call succeeds");
    let r = &server.requests()[0];
    assert_eq!(r.path, "/CustomerManagement/v13/User/Query");
    assert_eq!(r.header("CustomerId"), None);
    assert_eq!(r.header("CustomerAccountId"), None);
    assert_eq!(r.header("DeveloperToken"), Some(DEVELOPER_TOKEN));
}

/// A request read from its JSON example, seen as a request body.
struct Body<'a>(&'a dyn bingads_gen::json::JsonRequest);

impl RequestBody for Body<'_> {
    fn operation(&self) -> &'static bingads::OperationMeta {
        self.0.operation()
    }
    fn write_soap_body(&self, w: &mut bingads_gen::xml::XmlWriter) {
        self.0.write_soap_body(w)
    }
}

impl bingads_gen::json::JsonBody for Body<'_> {
    fn write_json_body(&self, out: &mut Vec<u8>) {
        self.0.write_json_body(out)
    }
}

fn json_tables() -> Vec<&'static [bingads_gen::json::JsonOperation]> {
    use bingads::v13::*;
    vec![
        ad_insight::JSON_OPERATIONS,
        bulk::JSON_OPERATIONS,
        campaign_management::JSON_OPERATIONS,
        customer_billing::JSON_OPERATIONS,
        customer_management::JSON_OPERATIONS,
        reporting::JSON_OPERATIONS,
    ]
}

/// Every `Type` value in a JSON document, with the key path it sits under.
fn type_values(v: &Value, at: &str, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                if k == "Type" {
                    if let Some(s) = child.as_str() {
                        out.push((at.to_string(), s.to_string()));
                    }
                } else {
                    type_values(child, &format!("{at}.{k}"), out);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|i| type_values(i, at, out)),
        _ => {}
    }
}

/// Every operation with a REST route: its example goes out with the route's method and
/// path, and a body identical to the example (the REST form), in which no concrete type is
/// named by its XSD name where `msads` uses another `Type` value.
#[tokio::test]
async fn every_routed_example_is_sent_as_its_rest_form() {
    let facts = facts();
    let server = FakeServer::start(|_, _| Reply::json(200, None, "{}")).await;
    let (client, _) = rest_client(&server);
    let mut sent = 0;
    for table in json_tables() {
        for op in table {
            let service = op.meta.service;
            let route = &facts["services"][service.name]["operations"][op.meta.name];
            let transport = client.transport(service).expect("transport");
            let body = bingads_gen::v13::example_request(service.name, op.meta.name)
                .expect("an example per operation");
            let example: Value = serde_json::from_str(body).expect("example JSON");
            let request = (op.read_request)(body.as_bytes()).expect("example reads");
            let result = transport.send(&Body(request.as_ref())).await;
            if route.is_null() {
                assert!(
                    matches!(result, Err(Error::NoRestRoute { .. })),
                    "{}: {result:?}",
                    op.meta.name
                );
                continue;
            }
            result.unwrap_or_else(|e| panic!("{}: {e}", op.meta.name));
            let captured = server.requests().pop().expect("a request");
            assert_eq!(captured.method, route["method"], "{}", op.meta.name);
            assert_eq!(captured.path, route["path"], "{}", op.meta.name);
            assert_eq!(captured.json(), example, "{}", op.meta.name);
            // A concrete type whose REST value differs from its XSD name (MaxClicksBiddingScheme
            // -> MaxClicks) must never go out under the XSD name.
            let mut types = Vec::new();
            type_values(&example, "$", &mut types);
            for (concrete, value) in renamed_types(&facts, service.name) {
                assert!(
                    // (A request wrapper's own `Type` member is a plain field, never a discriminator.)
                    !types.iter().any(|(at, t)| at != "$" && *t == concrete),
                    "{}: `{concrete}` sent instead of `{value}`",
                    op.meta.name
                );
            }
            sent += 1;
        }
    }
    assert!(sent >= 290, "only {sent} operations sent");
}

/// `(XSD type name, REST Type value)` for every family member whose two names differ.
fn renamed_types(facts: &Value, service: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(families) = facts["services"][service]["discriminators"].as_object() {
        for family in families.values() {
            if let Some(values) = family["values"].as_object() {
                for (concrete, value) in values {
                    if let Some(value) = value.as_str().filter(|v| v != concrete) {
                        out.push((concrete.clone(), value.to_string()));
                    }
                }
            }
        }
    }
    out
}

/// The polymorphic values the issue names, one concrete type each, as `msads` writes them.
#[tokio::test]
async fn polymorphic_values_carry_the_rest_discriminators() {
    let server = FakeServer::start(|_, _| Reply::json(200, None, "{}")).await;
    let (client, _) = rest_client(&server);
    let facts = facts();
    let value = |service: &str, family: &str, concrete: &str| -> String {
        facts["services"][service]["discriminators"][family]["values"][concrete]
            .as_str()
            .unwrap_or_else(|| panic!("{service}.{family}.{concrete}"))
            .to_string()
    };
    let cases: [(&str, &str, &str, &str, &str); 8] = [
        (
            "CampaignManagementService",
            "AddCampaigns",
            "/Campaigns/0/BiddingScheme",
            "BiddingScheme",
            "MaxClicksBiddingScheme",
        ),
        (
            "CampaignManagementService",
            "AddAds",
            "/Ads/0",
            "Ad",
            "ResponsiveSearchAd",
        ),
        (
            "CampaignManagementService",
            "AddAdExtensions",
            "/AdExtensions/0",
            "AdExtension",
            "CalloutAdExtension",
        ),
        (
            "CampaignManagementService",
            "AddAudiences",
            "/Audiences/0",
            "Audience",
            "RemarketingList",
        ),
        (
            "CampaignManagementService",
            "AddAdGroupCriterions",
            "/AdGroupCriterions/0",
            "AdGroupCriterion",
            "BiddableAdGroupCriterion",
        ),
        (
            "CampaignManagementService",
            "AddAdGroupCriterions",
            "/AdGroupCriterions/0/Criterion",
            "Criterion",
            "AgeCriterion",
        ),
        (
            "ReportingService",
            "SubmitGenerateReport",
            "/ReportRequest",
            "ReportRequest",
            "CampaignPerformanceReportRequest",
        ),
        (
            "AdInsightService",
            "GetKeywordIdeas",
            "/SearchParameters/0",
            "SearchParameter",
            "QuerySearchParameter",
        ),
    ];
    let bodies: std::collections::BTreeMap<&str, &str> = [
        ("AddCampaigns", r#"{"AccountId":"1","Campaigns":[{"Name":"c","BiddingScheme":{"Type":"MaxClicks","MaxCpc":{"Amount":1.5}}}]}"#),
        ("AddAds", r#"{"AdGroupId":"1","Ads":[{"Type":"ResponsiveSearch","Headlines":[{"Asset":{"Type":"TextAsset","Text":"h"}}]}]}"#),
        ("AddAdExtensions", r#"{"AccountId":"1","AdExtensions":[{"Type":"CalloutAdExtension","Text":"t"}]}"#),
        ("AddAudiences", r#"{"Audiences":[{"Type":"RemarketingList","Name":"r"}]}"#),
        ("AddAdGroupCriterions", r#"{"AdGroupCriterions":[{"Type":"BiddableAdGroupCriterion","AdGroupId":"1","Criterion":{"Type":"AgeCriterion","AgeRange":"EighteenToTwentyFour"}}],"CriterionType":"Age"}"#),
        ("SubmitGenerateReport", r#"{"ReportRequest":{"Type":"CampaignPerformanceReportRequest","Aggregation":"Daily","Columns":["TimePeriod","CampaignId","Impressions"],"Scope":{"AccountIds":["1"]},"Time":{"PredefinedTime":"Yesterday"}}}"#),
        ("GetKeywordIdeas", r#"{"ExpandIdeas":true,"IdeaAttributes":["Keyword"],"SearchParameters":[{"Type":"QuerySearchParameter","Queries":["shoes"]}]}"#),
    ]
    .into_iter()
    .collect();
    for (service, operation, pointer, family, concrete) in cases {
        let table = json_tables()
            .into_iter()
            .find(|t| t.first().is_some_and(|o| o.meta.service.name == service))
            .expect("service table");
        let op = bingads_gen::json::find(table, operation).expect("operation");
        let request = (op.read_request)(bodies[operation].as_bytes())
            .unwrap_or_else(|e| panic!("{operation}: {e}"));
        client
            .transport(op.meta.service)
            .expect("transport")
            .send(&Body(request.as_ref()))
            .await
            .unwrap_or_else(|e| panic!("{operation}: {e}"));
        let sent = server.requests().pop().expect("sent").json();
        assert_eq!(
            sent.pointer(&format!("{pointer}/Type"))
                .and_then(Value::as_str),
            Some(value(service, family, concrete).as_str()),
            "{operation}{pointer}: {sent}"
        );
    }
}

/// `json_shape_differences` (Reporting): `msads` types the five member-less report filters
/// as strings; this SDK sends the WSDL form, an object (REST-JSON.md says why).
#[tokio::test]
async fn member_less_report_filters_are_sent_as_objects() {
    let server =
        FakeServer::start(|_, _| Reply::json(200, None, r#"{"ReportRequestId":"1"}"#)).await;
    let (client, _) = rest_client(&server);
    let op = bingads_gen::json::find(
        bingads::v13::reporting::JSON_OPERATIONS,
        "SubmitGenerateReport",
    )
    .expect("operation");
    let body = r#"{"ReportRequest":{"Type":"BidStrategyReportRequest","Aggregation":"Daily","Filter":{},"Scope":{"AccountIds":["1"]},"Time":{"PredefinedTime":"Yesterday"}}}"#;

    let request = (op.read_request)(body.as_bytes()).expect("reads");
    client
        .transport(op.meta.service)
        .expect("transport")
        .send(&Body(request.as_ref()))
        .await
        .expect("sent");
    let sent = server.requests().pop().expect("sent");
    assert_eq!(sent.path, "/Reporting/v13/GenerateReport/Submit");
    assert_eq!(
        sent.json()["ReportRequest"]["Filter"],
        serde_json::json!({})
    );
}

// ---------------------------------------------------------------------------------------
// Faults

async fn fault_of(status: u16, header_tracking: Option<&'static str>, body: &'static str) -> Error {
    let server = FakeServer::start(move |_, _| Reply::json(status, header_tracking, body)).await;
    let (client, _) = rest_client(&server);
    client
        .campaign_management()
        .expect("client")
        .get_campaigns_by_account_id(&get_campaigns())
        .await
        .expect_err("a fault")
}

#[tokio::test]
async fn ad_api_fault_detail_with_errors() {
    let e = fault_of(
        400,
        Some("hdr-track"),
        r#"{"TrackingId":"body-track","Type":"AdApiFaultDetail","Errors":[{"Code":105,"Detail":null,"ErrorCode":"InvalidCredentials","Message":"Authentication failed."}]}"#,
    )
    .await;
    let fault = e.fault().expect("a typed fault");
    assert_eq!(fault.codes(), [105]);
    assert_eq!(
        fault.errors[0].error_code.as_deref(),
        Some("InvalidCredentials")
    );
    assert_eq!(
        fault.errors[0].message.as_deref(),
        Some("Authentication failed.")
    );
    assert_eq!(fault.errors[0].list, "Errors");
    assert_eq!(
        fault.tracking_id.as_deref(),
        Some("hdr-track"),
        "the header wins"
    );
    assert_eq!(fault.http_status, 400);
    assert_eq!(fault.wire, Wire::Rest);
    assert_eq!(fault.detail_name.as_deref(), Some("AdApiFaultDetail"));
    match fault.detail::<cm::FaultDetail>() {
        Some(cm::FaultDetail::AdApiFaultDetail(d)) => {
            let Nillable::Value(errors) = &d.errors else {
                panic!("errors")
            };
            assert_eq!(errors[0].as_ref().and_then(|e| e.code), Some(105));
        }
        other => panic!("typed detail: {other:?}"),
    }
    assert!(e.to_string().contains("105 InvalidCredentials"), "{e}");
}

#[tokio::test]
async fn api_fault_detail_with_batch_and_operation_errors() {
    let e = fault_of(
        400,
        None,
        r#"{"TrackingId":"t-2","Type":"ApiFaultDetail","BatchErrors":[{"Code":1102,"ErrorCode":"CampaignServiceInvalidAccountId","Index":0,"Message":"bad","FieldPath":null,"Type":"BatchError"}],"OperationErrors":[{"Code":1001,"ErrorCode":"CampaignServiceNullRequest","Message":"op","Details":"d"}]}"#,
    )
    .await;
    let fault = e.fault().expect("typed fault");
    assert_eq!(fault.codes(), [1102, 1001]);
    assert_eq!(fault.errors[0].index, Some(0));
    assert_eq!(fault.errors[0].list, "BatchErrors");
    assert_eq!(fault.errors[0].type_name.as_deref(), Some("BatchError"));
    assert_eq!(fault.errors[1].list, "OperationErrors");
    assert_eq!(fault.errors[1].details.as_deref(), Some("d"));
    assert_eq!(fault.tracking_id.as_deref(), Some("t-2"), "from the body");
    match fault.detail::<cm::FaultDetail>() {
        Some(cm::FaultDetail::ApiFaultDetail(d)) => {
            assert_eq!(d.tracking_id, Nillable::Value("t-2".into()));
            let Nillable::Value(batch) = &d.batch_errors else {
                panic!("batch errors")
            };
            match &batch[0] {
                Some(cm::BatchError::BatchError(b)) => assert_eq!(b.code, Some(1102)),
                other => panic!("{other:?}"),
            }
        }
        other => panic!("typed detail: {other:?}"),
    }
}

#[tokio::test]
async fn editorial_api_fault_detail() {
    let e = fault_of(
        400,
        Some("t-3"),
        r#"{"TrackingId":"t-3","Type":"EditorialApiFaultDetail","BatchErrors":[],"EditorialErrors":[{"Appealable":true,"Code":1041,"DisapprovedText":"x","ErrorCode":"EditorialAdTitleBlankAcrossAllAssociations","Index":0,"Location":"Title","Message":"m","ReasonCode":17,"Type":"EditorialError"}],"OperationErrors":[]}"#,
    )
    .await;
    let fault = e.fault().expect("typed fault");
    assert_eq!(fault.codes(), [1041]);
    assert_eq!(fault.errors[0].list, "EditorialErrors");
    assert!(
        fault.errors[0]
            .other
            .contains(&("ReasonCode".into(), "17".into()))
    );
    assert!(matches!(
        fault.detail::<cm::FaultDetail>(),
        Some(cm::FaultDetail::EditorialApiFaultDetail(_))
    ));
}

#[tokio::test]
async fn customer_management_api_fault_and_batch_fault() {
    for (body, codes) in [
        (
            r#"{"TrackingId":"t","Type":"ApiFault","OperationErrors":[{"Code":1030,"Details":null,"Message":"m"}]}"#,
            vec![1030],
        ),
        (
            r#"{"TrackingId":"t","Type":"ApiBatchFault","BatchErrors":[{"Code":1,"Index":2,"Message":"b"}],"OperationErrors":[{"Code":3,"Message":"o"}]}"#,
            vec![1, 3],
        ),
    ] {
        let server = FakeServer::start(move |_, _| Reply::json(400, None, body)).await;
        let (client, _) = rest_client(&server);
        let e = client
            .customer_management()
            .expect("client")
            .get_user(&Default::default())
            .await
            .expect_err("a fault");
        let fault = e.fault().expect("typed fault");
        assert_eq!(fault.codes(), codes);
        assert_eq!(fault.service, "CustomerManagementService");
    }
    // The typed detail of the WSDL's ApiFault.
    let server = FakeServer::start(|_, _| {
        Reply::json(
            400,
            None,
            r#"{"Type":"ApiFault","OperationErrors":[{"Code":1030,"Message":"m"}]}"#,
        )
    })
    .await;
    let (client, _) = rest_client(&server);
    let e = client
        .customer_management()
        .expect("client")
        .get_user(&Default::default())
        .await
        .expect_err("a fault");
    assert!(matches!(
        e.fault()
            .and_then(|f| f.detail::<bingads::v13::customer_management::FaultDetail>()),
        Some(bingads::v13::customer_management::FaultDetail::ApiFault(_))
    ));
}

#[tokio::test]
async fn ad_center_authentication_faults_and_the_wrapped_form() {
    let e = fault_of(
        401,
        None,
        r#"{"ApplicationFault":{"TrackingId":"t-4","Type":"AdCenterAuthenticationFault","ErrorCode":"InvalidSecurityTicket","ErrorMessage":"expired ticket","MTServerName":"mt1","FaultingLayer":"Authentication","ErrorSourceSystem":null}}"#,
    )
    .await;
    let fault = e.fault().expect("typed fault");
    assert_eq!(
        fault.detail_name.as_deref(),
        Some("AdCenterAuthenticationFault")
    );
    assert_eq!(fault.message, "expired ticket");
    assert_eq!(fault.tracking_id.as_deref(), Some("t-4"));
    assert_eq!(fault.errors.len(), 1);
    assert_eq!(
        fault.errors[0].error_code.as_deref(),
        Some("InvalidSecurityTicket")
    );
    assert_eq!(fault.errors[0].code, None);
    assert!(
        fault.errors[0]
            .other
            .contains(&("FaultingLayer".into(), "Authentication".into()))
    );
    // Not a WSDL fault detail: no typed detail, and no panic for asking.
    assert!(fault.detail::<cm::FaultDetail>().is_none());
}

#[tokio::test]
async fn an_error_status_without_a_fault_object_is_an_http_status_error() {
    let e = fault_of(404, Some("t-5"), "<html>not here</html>").await;
    match e {
        Error::HttpStatus {
            status,
            tracking_id,
            ..
        } => {
            assert_eq!(status, 404);
            assert_eq!(tracking_id.as_deref(), Some("t-5"));
        }
        other => panic!("{other:?}"),
    }
}

// ---------------------------------------------------------------------------------------
// Retries, refresh and the write rule

const EXPIRED: &str = r#"{"TrackingId":"t","Type":"AdApiFaultDetail","Errors":[{"Code":109,"ErrorCode":"AuthenticationTokenExpired","Message":"expired"}]}"#;

#[tokio::test]
async fn fault_109_refreshes_once_and_retries_even_a_write() {
    let server = FakeServer::start(|_, n| {
        if n == 0 {
            Reply::json(401, None, EXPIRED)
        } else {
            Reply::json(200, None, r#"{"CampaignIds":["9"],"PartialErrors":[]}"#)
        }
    })
    .await;
    let (client, auth) = rest_client(&server);
    let reply = client
        .campaign_management()
        .expect("client")
        .add_campaigns(&cm::AddCampaignsRequest {
            account_id: Some(ACCOUNT_ID),
            ..Default::default()
        })
        .await
        .expect("the retry succeeds");
    assert_eq!(reply.value.campaign_ids, Nillable::Value(vec![Some(9)]));
    assert_eq!(auth.refreshes.load(Ordering::SeqCst), 1);
    let sent = server.requests();
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[0].header("Authorization"), Some("Bearer token-1"));
    assert_eq!(sent[1].header("Authorization"), Some("Bearer token-2"));
    assert_eq!(sent[1].method, "POST");
}

#[tokio::test]
async fn fault_109_twice_is_returned_after_one_refresh() {
    let server = FakeServer::start(|_, _| Reply::json(401, None, EXPIRED)).await;
    let (client, auth) = rest_client(&server);
    let e = client
        .campaign_management()
        .expect("client")
        .get_campaigns_by_account_id(&get_campaigns())
        .await
        .expect_err("still expired");
    assert!(e.has_code(109));
    assert_eq!(auth.refreshes.load(Ordering::SeqCst), 1);
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn throttling_codes_wait_and_retry_writes_too() {
    for code in [117, 207, 4204] {
        let server = FakeServer::start(move |_, n| {
            if n == 0 {
                let body = format!(
                    r#"{{"Type":"ApiFaultDetail","OperationErrors":[{{"Code":{code},"ErrorCode":"CallRateExceeded","Message":"slow"}}]}}"#
                );
                Reply::Full {
                    status: 400,
                    headers: vec![("Content-Type", "application/json".into())],
                    body: body.into_bytes(),
                }
            } else {
                Reply::json(200, None, r#"{"CampaignIds":["1"]}"#)
            }
        })
        .await;
        let (client, _) = rest_client(&server);
        client
            .campaign_management()
            .expect("client")
            .add_campaigns(&Default::default())
            .await
            .unwrap_or_else(|e| panic!("{code}: {e}"));
        assert_eq!(server.requests().len(), 2, "{code}");
    }
}

#[tokio::test]
async fn a_bare_429_is_throttling() {
    let server = FakeServer::start(|_, n| {
        if n == 0 {
            Reply::json(429, None, "")
        } else {
            Reply::json(200, None, "{}")
        }
    })
    .await;
    let (client, _) = rest_client(&server);
    client
        .campaign_management()
        .expect("client")
        .delete_campaigns(&Default::default())
        .await
        .expect("retried after 429");
    assert_eq!(server.requests().len(), 2);
    assert_eq!(server.requests()[0].method, "DELETE");
}

#[tokio::test]
async fn an_ambiguous_5xx_never_resends_a_write_but_resends_a_read() {
    let server = FakeServer::start(|_, _| Reply::json(503, None, "busy")).await;
    let (client, _) = rest_client(&server);
    let cm_client = client.campaign_management().expect("client");
    let e = cm_client
        .update_campaigns(&Default::default())
        .await
        .expect_err("503");
    assert!(matches!(e, Error::HttpStatus { status: 503, .. }), "{e:?}");
    assert_eq!(server.requests().len(), 1, "a write is sent once");
    cm_client
        .get_campaigns_by_account_id(&get_campaigns())
        .await
        .expect_err("503");
    assert_eq!(
        server.requests().len(),
        1 + 3,
        "a read is retried up to the policy"
    );
}

// ---------------------------------------------------------------------------------------
// Operations without a REST route

#[tokio::test]
async fn put_metric_data_on_rest_is_a_typed_error_and_sends_nothing() {
    let server = FakeServer::start(|_, _| Reply::json(200, None, "{}")).await;
    let (client, auth) = rest_client(&server);
    let e = client
        .ad_insight()
        .expect("client")
        .put_metric_data(&Default::default())
        .await
        .expect_err("no REST route");
    assert!(matches!(
        e,
        Error::NoRestRoute {
            operation: "PutMetricData",
            ..
        }
    ));
    let message = e.to_string();
    assert!(
        message.contains("PutMetricData") && message.contains("Wire::Soap"),
        "{message}"
    );
    assert!(server.requests().is_empty());

    // The same client switched to SOAP sends it.
    let soap = client.with_wire(Wire::Soap).expect("soap is compiled");
    let server_soap = FakeServer::start(|_, _| {
        Reply::xml(
            200,
            r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><PutMetricDataResponse xmlns="https://bingads.microsoft.com/AdInsight/v13"/></s:Body></s:Envelope>"#,
        )
    })
    .await;
    let soap = Client::builder(soap.authorization().clone(), Environment::Production)
        .endpoint_base(&server_soap.base_url)
        .wire(Wire::Soap)
        .build()
        .expect("builds");
    soap.ad_insight()
        .expect("client")
        .put_metric_data(&Default::default())
        .await
        .expect("sent over SOAP");
    assert_eq!(
        server_soap.requests()[0].path,
        "/Api/Advertiser/AdInsight/V13/AdInsightService.svc"
    );
    drop(auth);
}

// ---------------------------------------------------------------------------------------
// Lenient responses and the REST mismatches

#[tokio::test]
async fn unknown_members_values_and_types_in_a_response_are_skipped() {
    let server = FakeServer::start(|_, _| {
        Reply::json(
            200,
            None,
            r#"{"Campaigns":[{"Id":"1","Status":"BrandNewStatus","NewThing":{"a":[1]},"BiddingScheme":{"Type":"FutureBidding","Extra":true}}],"PartialErrors":[],"Added":"later"}"#,
        )
    })
    .await;
    let (client, _) = rest_client(&server);
    let reply = client
        .campaign_management()
        .expect("client")
        .get_campaigns_by_account_id(&get_campaigns())
        .await
        .expect("lenient");
    let Nillable::Value(c) = &reply.value.campaigns else {
        panic!()
    };
    let c = c[0].as_ref().expect("campaign");
    assert_eq!(
        c.status,
        Nillable::Value(cm::CampaignStatus::UnknownValue("BrandNewStatus".into()))
    );
    assert!(
        matches!(&c.bidding_scheme, Nillable::Value(cm::BiddingScheme::Unknown { type_name, .. }) if type_name == "FutureBidding")
    );
}

/// `rest_fields_not_in_wsdl`: members the REST schema has and the WSDL lacks
/// (`AdRecommendationImageSuggestion.Internal_Template`) are skipped like any unknown member.
#[test]
fn members_the_wsdl_lacks_are_skipped() {
    let v: cm::AdRecommendationImageSuggestion = bingads_gen::json::decode_response(
        br#"{"Internal_Template":{"Anything":1},"ImageUrl":"https://x/y.png"}"#,
    )
    .expect("skipped");
    assert_eq!(
        v,
        bingads_gen::json::decode_response(br#"{"ImageUrl":"https://x/y.png"}"#).expect("plain")
    );
}

// ---------------------------------------------------------------------------------------
// The response size cap, on both wires

async fn capped_call(reply: fn() -> Reply, wire: Wire, limit: usize) -> Error {
    let server = FakeServer::start(move |_, _| reply()).await;
    let auth = Arc::new(CountingToken::default());
    let client = Client::builder(
        AuthorizationData::with_shared(auth, DEVELOPER_TOKEN).with_account_id(ACCOUNT_ID),
        Environment::Production,
    )
    .endpoint_base(&server.base_url)
    .wire(wire)
    .max_response_bytes(limit)
    .retry_policy(RetryPolicy::none())
    .build()
    .expect("builds");
    tokio::time::timeout(
        Duration::from_secs(30),
        client
            .campaign_management()
            .expect("client")
            .get_campaigns_by_account_id(&get_campaigns()),
    )
    .await
    .expect("bounded in time")
    .expect_err("too large")
}

#[tokio::test]
async fn an_endless_response_stops_at_the_cap_on_both_wires() {
    for wire in [Wire::Rest, Wire::Soap] {
        let e = capped_call(|| Reply::Endless, wire, 1024 * 1024).await;
        assert!(
            matches!(
                e,
                Error::ResponseTooLarge {
                    limit: 1_048_576,
                    ..
                }
            ),
            "{wire}: {e:?}"
        );
        assert!(e.to_string().contains("max_response_bytes"), "{e}");
    }
}

#[tokio::test]
async fn an_announced_oversized_response_is_refused_before_reading() {
    for wire in [Wire::Rest, Wire::Soap] {
        let e = capped_call(
            || Reply::Announced { announced: 1 << 40 },
            wire,
            64 * 1024 * 1024,
        )
        .await;
        assert!(matches!(e, Error::ResponseTooLarge { .. }), "{wire}: {e:?}");
    }
}

#[tokio::test]
async fn a_response_just_under_the_cap_is_read() {
    let server = FakeServer::start(|_, _| Reply::json(200, None, ONE_CAMPAIGN)).await;
    let auth = Arc::new(CountingToken::default());
    let client = Client::builder(
        AuthorizationData::with_shared(auth, DEVELOPER_TOKEN),
        Environment::Production,
    )
    .endpoint_base(&server.base_url)
    .max_response_bytes(ONE_CAMPAIGN.len())
    .build()
    .expect("builds");
    client
        .campaign_management()
        .expect("client")
        .get_campaigns_by_account_id(&get_campaigns())
        .await
        .expect("exactly at the cap is fine");
}

// ---------------------------------------------------------------------------------------
// prepare and URLs in errors

#[tokio::test]
async fn prepare_builds_what_is_sent_on_either_wire() {
    let auth = Arc::new(CountingToken::default());
    let authorization = AuthorizationData::with_shared(auth, DEVELOPER_TOKEN)
        .with_customer_id(CUSTOMER_ID)
        .with_account_id(ACCOUNT_ID);
    let rest = Client::builder(authorization.clone(), Environment::Production)
        .build()
        .expect("builds");
    assert_eq!(rest.wire(), Wire::Rest, "REST is the default wire");
    let prepared = rest.prepare(&get_campaigns()).await.expect("prepared");
    let message = prepared.to_http_message(false);
    assert!(message.starts_with(
        "POST https://campaign.api.bingads.microsoft.com/CampaignManagement/v13/Campaigns/QueryByAccountId HTTP/1.1\r\nAuthorization: <redacted>\r\nDeveloperToken: <redacted>\r\nCustomerId: 1001\r\nCustomerAccountId: 2002\r\nApi-Revision: "
    ), "{message}");
    assert!(
        message.ends_with("\r\n\r\n{\"AccountId\":\"2002\",\"CampaignType\":\"Search\"}"),
        "{message}"
    );
    assert!(
        prepared
            .to_http_message(true)
            .contains("Authorization: Bearer token-1")
    );
    assert!(
        !format!("{prepared:?}").contains("token-1"),
        "Debug keeps secrets"
    );

    let sandbox_soap = Client::builder(authorization, Environment::Sandbox)
        .wire(Wire::Soap)
        .build()
        .expect("builds");
    let prepared = sandbox_soap
        .prepare(&get_campaigns())
        .await
        .expect("prepared");
    assert_eq!(
        prepared.url,
        "https://campaign.api.sandbox.bingads.microsoft.com/Api/Advertiser/CampaignManagement/v13/CampaignManagementService.svc"
    );
    let names: Vec<&str> = prepared.headers.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        names,
        ["Content-Type", "SOAPAction", "Api-Revision", "User-Agent"]
    );
    let body = String::from_utf8(prepared.body).expect("utf-8");
    assert!(
        body.contains("<AuthenticationToken") && body.contains("GetCampaignsByAccountIdRequest")
    );
}

#[tokio::test]
async fn transport_errors_never_show_credentials_or_queries_of_the_url() {
    // A port nothing listens on: bind, learn the port, close.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
    };
    for wire in [Wire::Rest, Wire::Soap] {
        let auth = Arc::new(CountingToken::default());
        let client = Client::builder(
            AuthorizationData::with_shared(auth, DEVELOPER_TOKEN),
            Environment::Production,
        )
        .endpoint_base(format!(
            "http://alice:pa55word@127.0.0.1:{port}/proxy?sig=s3cret#frag"
        ))
        .wire(wire)
        .retry_policy(RetryPolicy::none())
        .build()
        .expect("builds");
        let e = client
            .campaign_management()
            .expect("client")
            .get_campaigns_by_account_id(&get_campaigns())
            .await
            .expect_err("nothing listens");
        let shown = format!("{e} {e:?}");
        assert!(matches!(e, Error::Connect { .. }), "{shown}");
        for secret in ["alice", "pa55word", "s3cret", "frag"] {
            assert!(!shown.contains(secret), "{wire}: `{secret}` in {shown}");
        }
        assert!(shown.contains(&format!("127.0.0.1:{port}")), "{shown}");
    }
}

#[test]
fn wires_parse_and_print() {
    assert_eq!("REST".parse::<Wire>().expect("rest"), Wire::Rest);
    assert_eq!(" soap ".parse::<Wire>().expect("soap"), Wire::Soap);
    assert!("xml".parse::<Wire>().is_err());
    assert_eq!(Wire::default(), Wire::Rest);
    assert_eq!(Wire::Soap.to_string(), "soap");
}
