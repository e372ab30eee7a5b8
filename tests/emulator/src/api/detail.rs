//! Fault details in each service's own types, written for either wire: as the `<detail>`
//! element of a SOAP fault, or as the REST fault body (`{"Type": "AdApiFaultDetail",
//! "TrackingId": ..., "Errors": [...]}`, the same generated type with its `Type`
//! discriminator). Building the typed value once keeps both wires' faults identical in
//! content.

use bingads_gen::Nillable;
use bingads_gen::json;
use bingads_gen::soap::ServiceMeta;
use bingads_gen::v13::{
    ad_insight, bulk, campaign_management, customer_billing, customer_management, reporting,
};
use bingads_gen::xml::{XmlEncode, XmlWriter};

use super::{BatchItem, ErrorItem, Fault, batch_errors, opt, val};

/// Namespace of `AdApiFaultDetail` in every service.
const ADAPI_NS: &str = "https://adapi.microsoft.com";
/// Namespace of Customer Management's and Customer Billing's `ApiFault`.
const CUSTOMER_EXCEPTION_NS: &str = "https://bingads.microsoft.com/Customer/v13/Exception";

/// Where a detail goes.
pub(crate) enum Sink<'w> {
    /// The SOAP `<detail>` element's content.
    Xml(&'w mut XmlWriter),
    /// The REST fault body.
    Json(&'w mut String),
}

/// Writes `$value`, the `$variant` of module `$m`'s `FaultDetail`, to the sink (`$ns` is the
/// element's namespace on the SOAP wire).
macro_rules! emit {
    ($sink:expr, $m:ident, $variant:ident, $ns:expr, $value:expr) => {{
        let value = $value;
        match $sink {
            Sink::Xml(w) => value.encode(w, $ns, stringify!($variant)),
            Sink::Json(out) => *out = json::to_string(&$m::FaultDetail::$variant(value)),
        }
    }};
}

/// `AdApiFaultDetail` of module `$m` (all services share its shape).
macro_rules! ad_api_detail {
    ($m:ident, $tracking:expr, $errors:expr) => {
        $m::AdApiFaultDetail {
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
        }
    };
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

/// `ApiFaultDetail` of module `$m` without batch errors (services whose faults have none).
macro_rules! api_fault_detail {
    ($m:ident, $tracking:expr, $operation:expr) => {
        $m::ApiFaultDetail {
            tracking_id: val($tracking),
            batch_errors: Nillable::Value(Vec::new()),
            operation_errors: operation_errors!($m, $operation),
        }
    };
}

/// Writes the service's fault detail for `fault` (nothing for [`Fault::Client`], which has
/// none on the SOAP wire; the REST wire writes its own body for it).
pub(crate) fn write(sink: Sink<'_>, service: &ServiceMeta, tracking: &str, fault: &Fault) {
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
                emit!(
                    sink,
                    m,
                    AdApiFaultDetail,
                    ADAPI_NS,
                    ad_api_detail!(m, tracking, errors)
                );
            } else {
                let detail = m::ApiFault {
                    tracking_id: val(tracking),
                    operation_errors: customer_operation_errors!(m, operation),
                };
                emit!(sink, m, ApiFault, CUSTOMER_EXCEPTION_NS, detail);
            }
        }
        "CustomerBillingService" => {
            use customer_billing as m;
            if ad_api {
                emit!(
                    sink,
                    m,
                    AdApiFaultDetail,
                    ADAPI_NS,
                    ad_api_detail!(m, tracking, errors)
                );
            } else {
                let detail = m::ApiFault::ApiFault(m::ApiFaultBase {
                    tracking_id: val(tracking),
                    operation_errors: customer_operation_errors!(m, operation),
                });
                emit!(sink, m, ApiFault, CUSTOMER_EXCEPTION_NS, detail);
            }
        }
        "CampaignManagementService" => {
            use campaign_management as m;
            if ad_api {
                emit!(
                    sink,
                    m,
                    AdApiFaultDetail,
                    ADAPI_NS,
                    ad_api_detail!(m, tracking, errors)
                );
            } else {
                let detail = m::ApiFaultDetail {
                    tracking_id: val(tracking),
                    batch_errors: Nillable::Value(batch_errors(batch)),
                    operation_errors: operation_errors!(m, operation),
                };
                emit!(sink, m, ApiFaultDetail, service.namespace, detail);
            }
        }
        "ReportingService" => {
            use reporting as m;
            if ad_api {
                emit!(
                    sink,
                    m,
                    AdApiFaultDetail,
                    ADAPI_NS,
                    ad_api_detail!(m, tracking, errors)
                );
            } else {
                let detail = api_fault_detail!(m, tracking, operation);
                emit!(sink, m, ApiFaultDetail, service.namespace, detail);
            }
        }
        "BulkService" => {
            use bulk as m;
            if ad_api {
                emit!(
                    sink,
                    m,
                    AdApiFaultDetail,
                    ADAPI_NS,
                    ad_api_detail!(m, tracking, errors)
                );
            } else {
                let detail = api_fault_detail!(m, tracking, operation);
                emit!(sink, m, ApiFaultDetail, service.namespace, detail);
            }
        }
        "AdInsightService" => {
            use ad_insight as m;
            if ad_api {
                emit!(
                    sink,
                    m,
                    AdApiFaultDetail,
                    ADAPI_NS,
                    ad_api_detail!(m, tracking, errors)
                );
            } else {
                let detail = api_fault_detail!(m, tracking, operation);
                emit!(sink, m, ApiFaultDetail, service.namespace, detail);
            }
        }
        _ => {}
    }
}
