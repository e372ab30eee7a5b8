//! The wire-neutral service: typed operation handlers over the emulator's state, the
//! authentication every operation shares, and the faults they answer with.
//!
//! A call flows `decode request for the wire → authenticate → typed handler → encode
//! response for the wire` ([`run`]); only [`wire`] and [`detail`] know what SOAP and REST
//! look like, so a handler written once serves both wires.

use bingads_gen::json::JsonRead;
use bingads_gen::soap::{Operation, OperationMeta, ServiceMeta};
use bingads_gen::v13::{bulk, campaign_management, customer_management, reporting};
use bingads_gen::xml::XmlEncode;
use bingads_gen::{Nillable, json::JsonWrite};

use crate::errors::{self, ErrorCode};
use crate::state::Shared;

mod auth;
mod bulk_ops;
mod campaign;
mod customer;
pub(crate) mod detail;
mod report_ops;
pub(crate) mod wire;

pub(crate) use wire::{Reply, Wire};

/// The service whose operations are scoped to one account (`CustomerAccountId`).
pub(crate) const CAMPAIGN_MANAGEMENT: &str = "CampaignManagementService";
const CM: &str = CAMPAIGN_MANAGEMENT;
const CUSTOMER: &str = "CustomerManagementService";
const BULK: &str = "BulkService";
const REPORTING: &str = "ReportingService";

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

/// A fault to answer with, in the service's detail types ([`detail`] writes it for either wire).
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
    /// The wire the request came in on, which the answer goes out on.
    pub wire: Wire,
}

/// Runs the typed operation handler, if the emulator implements this operation.
///
/// This table is the one place that names operations: a handler added here (bulk,
/// reporting, ...) serves both wires, because [`run`] decodes and encodes for the call's wire.
pub(crate) fn dispatch(call: &Call<'_>, body: &[u8]) -> Reply {
    use campaign_management as cmt;
    use customer_management as cust;
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
        (REPORTING, "SubmitGenerateReport") => run::<reporting::SubmitGenerateReportRequest>(
            call,
            body,
            report_ops::submit_generate_report,
        ),
        (REPORTING, "PollGenerateReport") => run::<reporting::PollGenerateReportRequest>(
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
        _ => unimplemented(call, body),
    }
}

type Handler<O> = fn(&Call<'_>, &Auth, O) -> Result<<O as Operation>::Response, Fault>;

/// Decodes the request for the call's wire (strictly), authenticates, runs `handler` and
/// encodes its answer for the same wire.
fn run<O>(call: &Call<'_>, body: &[u8], handler: Handler<O>) -> Reply
where
    O: Operation + JsonRead,
    O::Response: XmlEncode + JsonWrite,
{
    let (headers, request) = match call.wire.decode::<O>(call, body) {
        Ok(x) => x,
        Err(f) => return call.wire.fault(call, &f),
    };
    let auth = match auth::authenticate(call, &headers, call.service.name == CM) {
        Ok(a) => a,
        Err(f) => return call.wire.fault(call, &f),
    };
    match handler(call, &auth, request) {
        Ok(response) => call.wire.reply(call, &response),
        Err(f) => call.wire.fault(call, &f),
    }
}

/// An operation the emulator does not implement: the request and its headers are still
/// checked, then it answers `OperationNotSupported`.
fn unimplemented(call: &Call<'_>, body: &[u8]) -> Reply {
    let headers = match call.wire.decode_unimplemented(call, body) {
        Ok(h) => h,
        Err(f) => return call.wire.fault(call, &f),
    };
    if let Err(f) = auth::authenticate(call, &headers, false) {
        return call.wire.fault(call, &f);
    }
    call.wire.fault(
        call,
        &Fault::op_details(errors::OPERATION_NOT_SUPPORTED, call.op.name),
    )
}

fn val(s: &str) -> Nillable<String> {
    Nillable::Value(s.to_string())
}

fn opt(s: &Option<String>) -> Nillable<String> {
    s.as_ref()
        .map_or(Nillable::Nil, |d| Nillable::Value(d.clone()))
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
