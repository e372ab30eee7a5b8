//! The SOAP side: routing a POST to its operation, injections, decoding with the generated
//! types, header authentication, and answering with a response envelope or a SOAP fault
//! shaped like the service's.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bingads_gen::Nillable;
use bingads_gen::soap::{
    NoFault, Operation, OperationMeta, ServiceMeta, decode_envelope_with, decode_request,
    write_response_envelope,
};
use bingads_gen::v13::{
    ad_insight, bulk, campaign_management, customer_billing, customer_management, reporting,
};
use bingads_gen::xml::{DecodeError, XmlEncode, XmlReader, XmlWriter};

use crate::errors::{self, ErrorCode};
use crate::inject::Injection;
use crate::oauth::TokenProblem;
use crate::server::ConnContext;
use crate::state::{RecordedRequest, Shared, lock};
use crate::util::{constant_time_eq, guid};

mod bulk_ops;
mod campaign;
mod customer;
mod report_ops;

/// One error of a fault or of `PartialErrors`.
#[derive(Debug, Clone)]
pub(crate) struct ErrorItem {
    pub code: ErrorCode,
    /// The `Details` text.
    pub details: Option<String>,
}

/// One item-level error (`BatchError`).
#[derive(Debug, Clone)]
pub(crate) struct BatchItem {
    pub index: i32,
    pub code: ErrorCode,
    pub field_path: Option<&'static str>,
    pub details: Option<String>,
}

impl BatchItem {
    pub fn new(index: usize, code: ErrorCode) -> Self {
        BatchItem {
            index: i32::try_from(index).unwrap_or(i32::MAX),
            code,
            field_path: None,
            details: None,
        }
    }

    pub fn field(mut self, path: &'static str) -> Self {
        self.field_path = Some(path);
        self
    }

    pub fn details(mut self, details: impl Into<String>) -> Self {
        self.details = Some(details.into());
        self
    }
}

/// A SOAP fault to answer with.
#[derive(Debug, Clone)]
pub(crate) enum Fault {
    /// Authentication, authorization and throttling: `AdApiFaultDetail`.
    AdApi(Vec<ErrorItem>),
    /// Request validation: `ApiFaultDetail` (or `ApiFault`) with operation and batch errors.
    Api {
        operation: Vec<ErrorItem>,
        batch: Vec<BatchItem>,
    },
    /// A message the service could not read at all: `s:Client`, no detail.
    Client(String),
}

impl Fault {
    pub fn ad_api(code: ErrorCode) -> Self {
        Fault::AdApi(vec![ErrorItem {
            code,
            details: None,
        }])
    }

    pub fn op(code: ErrorCode) -> Self {
        Fault::Api {
            operation: vec![ErrorItem {
                code,
                details: None,
            }],
            batch: Vec::new(),
        }
    }

    pub fn op_details(code: ErrorCode, details: impl Into<String>) -> Self {
        Fault::Api {
            operation: vec![ErrorItem {
                code,
                details: Some(details.into()),
            }],
            batch: Vec::new(),
        }
    }
}

/// Who is calling, after the headers were checked.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Auth {
    pub user_id: i64,
    /// `CustomerAccountId`, validated (Campaign Management).
    pub account_id: Option<i64>,
    /// `CustomerId`, validated, when sent.
    #[allow(dead_code)]
    pub customer_id: Option<i64>,
}

impl Auth {
    /// The validated `CustomerAccountId` (Campaign Management handlers run only with one).
    pub fn account(&self) -> Result<i64, Fault> {
        self.account_id
            .ok_or_else(|| Fault::op(errors::CAMPAIGN_SERVICE_ACCOUNT_ID_HAS_TO_BE_SPECIFIED))
    }
}

/// The call being answered.
pub(crate) struct Call<'a> {
    pub shared: &'a Shared,
    pub service: &'static ServiceMeta,
    pub op: &'static OperationMeta,
    pub tracking_id: String,
}

const CM: &str = "CampaignManagementService";
/// Namespace of `AdApiFaultDetail` in every service.
const ADAPI_NS: &str = "https://adapi.microsoft.com";
/// Namespace of Customer Management's and Customer Billing's `ApiFault`.
const CUSTOMER_EXCEPTION_NS: &str = "https://bingads.microsoft.com/Customer/v13/Exception";
const CUSTOMER: &str = "CustomerManagementService";
const REPORTING: &str = "ReportingService";
const BULK: &str = "BulkService";

fn xml_response(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/xml; charset=utf-8")],
        body,
    )
        .into_response()
}

fn text_response(status: StatusCode, body: &'static str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        body,
    )
        .into_response()
}

/// Entry point for every request to a service path.
pub(crate) async fn handle(
    shared: Arc<Shared>,
    service: &'static ServiceMeta,
    request: Request,
) -> Response {
    let (parts, body) = request.into_parts();
    if parts.method != Method::POST {
        let mut resp = text_response(
            StatusCode::METHOD_NOT_ALLOWED,
            "SOAP endpoints accept POST only.\n",
        );
        resp.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("POST"));
        return resp;
    }
    let conn = parts.extensions.get::<ConnContext>().cloned();
    let bytes = match axum::body::to_bytes(Body::new(body), shared.config.max_body_bytes).await {
        Ok(b) => b,
        Err(_) => {
            return text_response(
                StatusCode::PAYLOAD_TOO_LARGE,
                "The request body is too large.\n",
            );
        }
    };
    let soap_action = parts
        .headers
        .get("soapaction")
        .and_then(|v| v.to_str().ok())
        .map(|s| s.trim().trim_matches('"').to_string())
        .unwrap_or_default();
    let op = service
        .operations
        .iter()
        .copied()
        .find(|o| !soap_action.is_empty() && o.soap_action == soap_action);
    let content_type_ok = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|m| m.trim().eq_ignore_ascii_case("text/xml"));
    let injection = match (op, content_type_ok) {
        (Some(op), true) => shared.take_injection(op.name),
        _ => None,
    };

    shared.record(RecordedRequest {
        service: service.name.to_string(),
        operation: op.map(|o| o.name.to_string()).unwrap_or_default(),
        soap_action: soap_action.clone(),
        path: parts.uri.path().to_string(),
        http_headers: parts
            .headers
            .iter()
            .map(|(n, v)| {
                (
                    n.as_str().to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        soap_headers: read_soap_headers(&bytes),
        body: String::from_utf8_lossy(&bytes).into_owned(),
        injected: injection.as_ref().map(Injection::label),
        connection_id: conn.as_ref().map_or(0, |c| c.id),
    });

    if !content_type_ok {
        // What WCF's basicHttpBinding answers to anything but SOAP 1.1's media type.
        return text_response(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Cannot process the message because the content type is not the expected type 'text/xml; charset=utf-8'.\n",
        );
    }
    let Some(op) = op else {
        let message = format!(
            "The message with Action '{soap_action}' cannot be processed at the receiver: {} has no such operation.",
            service.name
        );
        let call_tracking = guid();
        return xml_response(
            StatusCode::INTERNAL_SERVER_ERROR,
            client_fault_document(service, &call_tracking, &message),
        );
    };
    let call = Call {
        shared: &shared,
        service,
        op,
        tracking_id: guid(),
    };

    let mut truncate = false;
    match injection {
        None => {}
        Some(Injection::Delay(d)) => tokio::time::sleep(d).await,
        Some(Injection::HttpStatus(code)) => {
            let status = StatusCode::from_u16(code).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
            let reason = status.canonical_reason().unwrap_or("Error");
            let body = format!(
                "<!DOCTYPE html><html><head><title>{code} {reason}</title></head><body><h1>{code} {reason}</h1>\
                 <p>The service is temporarily unavailable.</p></body></html>"
            );
            return (
                status,
                [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                body,
            )
                .into_response();
        }
        Some(Injection::MalformedXml) => {
            let (_, response_name) = op.response_element;
            let body = format!(
                "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><{response_name}>\
                 <Broken attr=\"unterminated></{response_name}></s:Bodyy></s:Envelope>"
            );
            return xml_response(StatusCode::OK, body);
        }
        Some(Injection::DropConnection) => match conn {
            Some(conn) => {
                conn.kill.notify_one();
                // The connection task drops this future together with the socket.
                std::future::pending::<()>().await;
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            }
            None => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        },
        Some(Injection::TruncatedXml) => truncate = true,
        Some(Injection::TokenExpired) => {
            return fault_response(&call, Fault::ad_api(errors::AUTHENTICATION_TOKEN_EXPIRED));
        }
        Some(Injection::CallRateExceeded) => {
            return fault_response(&call, Fault::ad_api(errors::CALL_RATE_EXCEEDED));
        }
        Some(Injection::ConcurrentRequestOverLimit) => {
            return fault_response(&call, Fault::op(errors::CONCURRENT_REQUEST_OVER_LIMIT));
        }
        Some(Injection::BulkThrottled) => {
            return fault_response(
                &call,
                Fault::op(errors::BULK_SERVICE_NO_MORE_CALLS_PERMITTED_FOR_THE_TIME_PERIOD),
            );
        }
    }

    let (status, mut body) = process(&call, &bytes);
    if truncate {
        let mut cut = body.len() / 2;
        while cut > 0 && !body.is_char_boundary(cut) {
            cut -= 1;
        }
        body.truncate(cut);
    }
    xml_response(status, body)
}

/// SOAP header elements of a request, read leniently (for recording); empty when the
/// envelope cannot be read that far.
fn read_soap_headers(body: &[u8]) -> Vec<(String, String)> {
    let mut reader = XmlReader::new(body);
    let mut headers = Vec::new();
    let result = reader.root().and_then(|root| {
        if root != "Envelope" {
            return Ok(());
        }
        reader.read_children(|r, name| {
            if name != b"Header" {
                return Ok(false);
            }
            r.read_children(|r, name| {
                let name = String::from_utf8_lossy(name).into_owned();
                let text = r.read_text()?;
                headers.push((name, text));
                Ok(true)
            })?;
            Ok(true)
        })
    });
    if result.is_err() && headers.is_empty() {
        return Vec::new();
    }
    headers
}

/// Runs the typed operation handler, if the emulator implements this operation.
fn process(call: &Call<'_>, body: &[u8]) -> (StatusCode, String) {
    use campaign_management as cmt;
    use customer_management as cust;
    use reporting as reporting_api;
    match (call.service.name, call.op.name) {
        (CUSTOMER, "GetUser") => run::<cust::GetUserRequest>(call, body, customer::get_user),
        (CUSTOMER, "GetCurrentUser") => {
            run::<cust::GetCurrentUserRequest>(call, body, customer::get_current_user)
        }
        (CUSTOMER, "GetCustomer") => {
            run::<cust::GetCustomerRequest>(call, body, customer::get_customer)
        }
        (CUSTOMER, "GetAccount") => {
            run::<cust::GetAccountRequest>(call, body, customer::get_account)
        }
        (CUSTOMER, "SearchAccounts") => {
            run::<cust::SearchAccountsRequest>(call, body, customer::search_accounts)
        }
        (CM, "AddBudgets") => run::<cmt::AddBudgetsRequest>(call, body, campaign::add_budgets),
        (CM, "GetBudgetsByIds") => {
            run::<cmt::GetBudgetsByIdsRequest>(call, body, campaign::get_budgets_by_ids)
        }
        (CM, "UpdateBudgets") => {
            run::<cmt::UpdateBudgetsRequest>(call, body, campaign::update_budgets)
        }
        (CM, "DeleteBudgets") => {
            run::<cmt::DeleteBudgetsRequest>(call, body, campaign::delete_budgets)
        }
        (CM, "AddCampaigns") => {
            run::<cmt::AddCampaignsRequest>(call, body, campaign::add_campaigns)
        }
        (CM, "GetCampaignsByAccountId") => run::<cmt::GetCampaignsByAccountIdRequest>(
            call,
            body,
            campaign::get_campaigns_by_account_id,
        ),
        (CM, "GetCampaignsByIds") => {
            run::<cmt::GetCampaignsByIdsRequest>(call, body, campaign::get_campaigns_by_ids)
        }
        (CM, "UpdateCampaigns") => {
            run::<cmt::UpdateCampaignsRequest>(call, body, campaign::update_campaigns)
        }
        (CM, "DeleteCampaigns") => {
            run::<cmt::DeleteCampaignsRequest>(call, body, campaign::delete_campaigns)
        }
        (CM, "AddAdGroups") => run::<cmt::AddAdGroupsRequest>(call, body, campaign::add_ad_groups),
        (CM, "GetAdGroupsByCampaignId") => run::<cmt::GetAdGroupsByCampaignIdRequest>(
            call,
            body,
            campaign::get_ad_groups_by_campaign_id,
        ),
        (CM, "GetAdGroupsByIds") => {
            run::<cmt::GetAdGroupsByIdsRequest>(call, body, campaign::get_ad_groups_by_ids)
        }
        (CM, "UpdateAdGroups") => {
            run::<cmt::UpdateAdGroupsRequest>(call, body, campaign::update_ad_groups)
        }
        (CM, "DeleteAdGroups") => {
            run::<cmt::DeleteAdGroupsRequest>(call, body, campaign::delete_ad_groups)
        }
        (CM, "AddKeywords") => run::<cmt::AddKeywordsRequest>(call, body, campaign::add_keywords),
        (CM, "GetKeywordsByAdGroupId") => run::<cmt::GetKeywordsByAdGroupIdRequest>(
            call,
            body,
            campaign::get_keywords_by_ad_group_id,
        ),
        (CM, "GetKeywordsByIds") => {
            run::<cmt::GetKeywordsByIdsRequest>(call, body, campaign::get_keywords_by_ids)
        }
        (CM, "UpdateKeywords") => {
            run::<cmt::UpdateKeywordsRequest>(call, body, campaign::update_keywords)
        }
        (CM, "DeleteKeywords") => {
            run::<cmt::DeleteKeywordsRequest>(call, body, campaign::delete_keywords)
        }
        (CM, "AddAds") => run::<cmt::AddAdsRequest>(call, body, campaign::add_ads),
        (CM, "GetAdsByAdGroupId") => {
            run::<cmt::GetAdsByAdGroupIdRequest>(call, body, campaign::get_ads_by_ad_group_id)
        }
        (CM, "GetAdsByIds") => run::<cmt::GetAdsByIdsRequest>(call, body, campaign::get_ads_by_ids),
        (CM, "UpdateAds") => run::<cmt::UpdateAdsRequest>(call, body, campaign::update_ads),
        (CM, "DeleteAds") => run::<cmt::DeleteAdsRequest>(call, body, campaign::delete_ads),
        (REPORTING, "SubmitGenerateReport") => run::<reporting_api::SubmitGenerateReportRequest>(
            call,
            body,
            report_ops::submit_generate_report,
        ),
        (REPORTING, "PollGenerateReport") => run::<reporting_api::PollGenerateReportRequest>(
            call,
            body,
            report_ops::poll_generate_report,
        ),
        (BULK, "DownloadCampaignsByAccountIds") => {
            run::<bulk::DownloadCampaignsByAccountIdsRequest>(
                call,
                body,
                bulk_ops::download_by_account_ids,
            )
        }
        (BULK, "DownloadCampaignsByCampaignIds") => {
            run::<bulk::DownloadCampaignsByCampaignIdsRequest>(
                call,
                body,
                bulk_ops::download_by_campaign_ids,
            )
        }
        (BULK, "GetBulkDownloadStatus") => {
            run::<bulk::GetBulkDownloadStatusRequest>(call, body, bulk_ops::get_download_status)
        }
        (BULK, "GetBulkUploadUrl") => {
            run::<bulk::GetBulkUploadUrlRequest>(call, body, bulk_ops::get_upload_url)
        }
        (BULK, "GetBulkUploadStatus") => {
            run::<bulk::GetBulkUploadStatusRequest>(call, body, bulk_ops::get_upload_status)
        }
        (BULK, "UploadEntityRecords") => {
            run::<bulk::UploadEntityRecordsRequest>(call, body, bulk_ops::upload_entity_records)
        }
        _ => unsupported(call, body),
    }
}

type Handler<O> = fn(&Call<'_>, &Auth, O) -> Result<<O as Operation>::Response, Fault>;

/// Decodes (strictly), authenticates, runs `handler` and encodes its answer.
fn run<O>(call: &Call<'_>, body: &[u8], handler: Handler<O>) -> (StatusCode, String)
where
    O: Operation,
    O::Response: XmlEncode,
{
    let (headers, request) = match decode_request::<O>(body, call.shared.config.strict_order) {
        Ok(x) => x,
        Err(e) => return fault_document(call, &deserialization_fault(call.op, &e)),
    };
    let auth = match authenticate(call, &headers, call.service.name == CM) {
        Ok(a) => a,
        Err(f) => return fault_document(call, &f),
    };
    match handler(call, &auth, request) {
        Ok(response) => {
            let (ns, name) = call.op.response_element;
            let doc =
                write_response_envelope(&tracking_header(call), |w| response.encode(w, ns, name));
            (StatusCode::OK, doc)
        }
        Err(f) => fault_document(call, &f),
    }
}

/// An operation the emulator does not implement: the envelope and headers are still checked.
fn unsupported(call: &Call<'_>, body: &[u8]) -> (StatusCode, String) {
    fn skip(r: &mut XmlReader<'_>) -> Result<(), DecodeError> {
        r.skip()
    }
    let envelope =
        decode_envelope_with::<(), NoFault>(body, call.op.request_element.1, skip, false);
    let headers = match envelope {
        Ok(env) => env.headers,
        Err(e) => return fault_document(call, &deserialization_fault(call.op, &e)),
    };
    if let Err(f) = authenticate(call, &headers, false) {
        return fault_document(call, &f);
    }
    fault_document(
        call,
        &Fault::op_details(errors::OPERATION_NOT_SUPPORTED, call.op.name),
    )
}

fn deserialization_fault(op: &OperationMeta, e: &DecodeError) -> Fault {
    Fault::Client(format!(
        "The formatter threw an exception while trying to deserialize the message: there was an error while trying \
         to deserialize parameter {}:{}. {e}",
        op.request_element.0, op.request_element.1
    ))
}

/// Header value by name, if the binding declares the header and it is not empty.
fn header<'h>(op: &OperationMeta, headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    if !op.has_input_header(name) {
        return None;
    }
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.trim())
        .filter(|v| !v.is_empty())
}

/// Checks the developer token, the user credentials and (with `account_scope`) the
/// customer/account headers.
fn authenticate(
    call: &Call<'_>,
    headers: &[(String, String)],
    account_scope: bool,
) -> Result<Auth, Fault> {
    let op = call.op;
    let shared = call.shared;
    if op.has_input_header("DeveloperToken") {
        match header(op, headers, "DeveloperToken") {
            None => return Err(Fault::ad_api(errors::REQUEST_MISSING_HEADERS)),
            Some(t) if !constant_time_eq(t, &shared.config.developer_token) => {
                return Err(Fault::ad_api(errors::INVALID_CREDENTIALS));
            }
            Some(_) => {}
        }
    }
    let user = &shared.directory.user;
    let user_id = if let Some(token) = header(op, headers, "AuthenticationToken") {
        let token = token.strip_prefix("Bearer ").unwrap_or(token);
        match lock(&shared.oauth).check_access(token) {
            Ok(id) => id,
            Err(TokenProblem::Expired) => {
                return Err(Fault::ad_api(errors::AUTHENTICATION_TOKEN_EXPIRED));
            }
            Err(TokenProblem::Unknown) => return Err(Fault::ad_api(errors::INVALID_CREDENTIALS)),
        }
    } else {
        match (
            header(op, headers, "UserName"),
            header(op, headers, "Password"),
        ) {
            (Some(name), Some(password)) => {
                if name.eq_ignore_ascii_case(&user.user_name)
                    && constant_time_eq(password, &user.password)
                {
                    user.id
                } else {
                    return Err(Fault::ad_api(errors::INVALID_CREDENTIALS));
                }
            }
            _ => return Err(Fault::ad_api(errors::REQUEST_MISSING_HEADERS)),
        }
    };
    if user_id != user.id {
        return Err(Fault::ad_api(errors::INVALID_CREDENTIALS));
    }

    let mut auth = Auth {
        user_id,
        account_id: None,
        customer_id: None,
    };
    if !account_scope {
        return Ok(auth);
    }
    let account = match header(op, headers, "CustomerAccountId") {
        None => {
            return Err(Fault::op(
                errors::CAMPAIGN_SERVICE_ACCOUNT_ID_HAS_TO_BE_SPECIFIED,
            ));
        }
        Some(v) => match v.parse::<i64>() {
            Err(_) => {
                return Err(Fault::op_details(
                    errors::CAMPAIGN_SERVICE_INVALID_ACCOUNT_ID,
                    v,
                ));
            }
            Ok(id) => match shared.directory.account(id) {
                Some(a) => a,
                None => return Err(Fault::ad_api(errors::USER_IS_NOT_AUTHORIZED)),
            },
        },
    };
    auth.account_id = Some(account.id);
    if let Some(v) = header(op, headers, "CustomerId") {
        match v.parse::<i64>() {
            Err(_) => {
                return Err(Fault::op_details(
                    errors::CAMPAIGN_SERVICE_INVALID_CUSTOMER_ID,
                    v,
                ));
            }
            Ok(id) if id != account.customer_id || id != user.customer_id => {
                return Err(Fault::ad_api(errors::USER_IS_NOT_AUTHORIZED));
            }
            Ok(id) => auth.customer_id = Some(id),
        }
    }
    Ok(auth)
}

fn tracking_header<'a>(call: &'a Call<'_>) -> [(&'static str, &'a str, &'a str); 1] {
    let ns = call
        .op
        .output_headers
        .iter()
        .find(|h| h.name == "TrackingId")
        .map_or(call.service.namespace, |h| h.namespace);
    [(ns, "TrackingId", call.tracking_id.as_str())]
}

fn fault_response(call: &Call<'_>, fault: Fault) -> Response {
    let (status, body) = fault_document(call, &fault);
    xml_response(status, body)
}

/// A fault envelope (HTTP 500).
fn fault_document(call: &Call<'_>, fault: &Fault) -> (StatusCode, String) {
    let tracking = call.tracking_id.as_str();
    let doc = write_response_envelope(&tracking_header(call), |w| {
        let (code, message) = match fault {
            Fault::Client(m) => ("s:Client", m.clone()),
            _ => (
                "s:Server",
                format!(
                    "Invalid client data. See the SOAP fault detail for more information. TrackingId: {tracking}."
                ),
            ),
        };
        w.raw("<s:Fault><faultcode>");
        w.text(code);
        w.raw("</faultcode><faultstring xml:lang=\"en-US\">");
        w.text(&message);
        w.raw("</faultstring>");
        if !matches!(fault, Fault::Client(_)) {
            w.raw("<detail>");
            write_detail(w, call.service, tracking, fault);
            w.raw("</detail>");
        }
        w.raw("</s:Fault>");
    });
    (StatusCode::INTERNAL_SERVER_ERROR, doc)
}

/// A fault for a request whose operation is unknown (no operation metadata to go by).
fn client_fault_document(service: &ServiceMeta, tracking: &str, message: &str) -> String {
    write_response_envelope(&[(service.namespace, "TrackingId", tracking)], |w| {
        w.raw("<s:Fault><faultcode>s:Client</faultcode><faultstring xml:lang=\"en-US\">");
        w.text(message);
        w.raw("</faultstring></s:Fault>");
    })
}

fn val(s: &str) -> Nillable<String> {
    Nillable::Value(s.to_string())
}

fn opt(s: &Option<String>) -> Nillable<String> {
    s.as_ref()
        .map_or(Nillable::Nil, |d| Nillable::Value(d.clone()))
}

/// `AdApiFaultDetail` of module `$m` (all services share its shape).
macro_rules! ad_api_detail {
    ($m:ident, $ns:expr, $w:expr, $tracking:expr, $errors:expr) => {{
        let detail = $m::AdApiFaultDetail {
            tracking_id: val($tracking),
            errors: Nillable::Value(
                $errors
                    .iter()
                    .map(|e| {
                        Some($m::AdApiError {
                            code: Some(e.code.code),
                            detail: opt(&e.details),
                            error_code: val(e.code.name),
                            message: val(e.code.message),
                        })
                    })
                    .collect(),
            ),
        };
        detail.encode($w, $ns, "AdApiFaultDetail");
    }};
}

/// Operation errors of module `$m`, with an `ErrorCode` element.
macro_rules! operation_errors {
    ($m:ident, $errors:expr) => {
        Nillable::Value(
            $errors
                .iter()
                .map(|e| {
                    Some($m::OperationError {
                        code: Some(e.code.code),
                        details: opt(&e.details),
                        error_code: val(e.code.name),
                        message: val(e.code.message),
                    })
                })
                .collect(),
        )
    };
}

/// Operation errors of module `$m`, whose `OperationError` has no `ErrorCode` (Customer
/// Management and Billing).
macro_rules! customer_operation_errors {
    ($m:ident, $errors:expr) => {
        Nillable::Value(
            $errors
                .iter()
                .map(|e| {
                    Some($m::OperationError {
                        code: Some(e.code.code),
                        details: opt(&e.details),
                        message: val(e.code.message),
                    })
                })
                .collect(),
        )
    };
}

pub(crate) fn batch_errors(items: &[BatchItem]) -> Vec<Option<campaign_management::BatchError>> {
    items
        .iter()
        .map(|b| {
            Some(campaign_management::BatchError::BatchError(
                campaign_management::BatchErrorBase {
                    code: Some(b.code.code),
                    details: opt(&b.details),
                    error_code: val(b.code.name),
                    field_path: b.field_path.map_or(Nillable::Nil, val),
                    forward_compatibility_map: Nillable::Nil,
                    index: Some(b.index),
                    message: val(b.code.message),
                    type_: val("BatchError"),
                },
            ))
        })
        .collect()
}

/// Writes the service's fault detail element for `fault`.
fn write_detail(w: &mut XmlWriter, service: &ServiceMeta, tracking: &str, fault: &Fault) {
    let (errors, operation, batch): (&[ErrorItem], &[ErrorItem], &[BatchItem]) = match fault {
        Fault::AdApi(e) => (e, &[], &[]),
        Fault::Api { operation, batch } => (&[], operation, batch),
        Fault::Client(_) => return,
    };
    let ad_api = matches!(fault, Fault::AdApi(_));
    match service.name {
        "CustomerManagementService" => {
            use customer_management as m;
            if ad_api {
                ad_api_detail!(m, ADAPI_NS, w, tracking, errors);
            } else {
                let detail = m::ApiFault {
                    tracking_id: val(tracking),
                    operation_errors: customer_operation_errors!(m, operation),
                };
                detail.encode(w, CUSTOMER_EXCEPTION_NS, "ApiFault");
            }
        }
        "CustomerBillingService" => {
            use customer_billing as m;
            if ad_api {
                ad_api_detail!(m, ADAPI_NS, w, tracking, errors);
            } else {
                let detail = m::ApiFault::ApiFault(m::ApiFaultBase {
                    tracking_id: val(tracking),
                    operation_errors: customer_operation_errors!(m, operation),
                });
                detail.encode(w, CUSTOMER_EXCEPTION_NS, "ApiFault");
            }
        }
        "CampaignManagementService" => {
            use campaign_management as m;
            if ad_api {
                ad_api_detail!(m, ADAPI_NS, w, tracking, errors);
            } else {
                let detail = m::ApiFaultDetail {
                    tracking_id: val(tracking),
                    batch_errors: Nillable::Value(batch_errors(batch)),
                    operation_errors: operation_errors!(m, operation),
                };
                detail.encode(w, service.namespace, "ApiFaultDetail");
            }
        }
        "ReportingService" => {
            use reporting as m;
            if ad_api {
                ad_api_detail!(m, ADAPI_NS, w, tracking, errors);
            } else {
                let detail = m::ApiFaultDetail {
                    tracking_id: val(tracking),
                    batch_errors: Nillable::Value(Vec::new()),
                    operation_errors: operation_errors!(m, operation),
                };
                detail.encode(w, service.namespace, "ApiFaultDetail");
            }
        }
        "BulkService" => {
            use bulk as m;
            if ad_api {
                ad_api_detail!(m, ADAPI_NS, w, tracking, errors);
            } else {
                let detail = m::ApiFaultDetail {
                    tracking_id: val(tracking),
                    batch_errors: Nillable::Value(Vec::new()),
                    operation_errors: operation_errors!(m, operation),
                };
                detail.encode(w, service.namespace, "ApiFaultDetail");
            }
        }
        "AdInsightService" => {
            use ad_insight as m;
            if ad_api {
                ad_api_detail!(m, ADAPI_NS, w, tracking, errors);
            } else {
                let detail = m::ApiFaultDetail {
                    tracking_id: val(tracking),
                    batch_errors: Nillable::Value(Vec::new()),
                    operation_errors: operation_errors!(m, operation),
                };
                detail.encode(w, service.namespace, "ApiFaultDetail");
            }
        }
        _ => {}
    }
}
