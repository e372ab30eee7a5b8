//! What differs between the two wires for one call: how the typed request and the caller's
//! headers are read from the body, and how the typed response or a fault is written back.
//!
//! - SOAP: a SOAP 1.1 envelope whose header elements carry the credentials; the answer is a
//!   response envelope (HTTP 200) or a SOAP fault with the service's detail (HTTP 500).
//! - REST: the JSON object of the request wrapper's fields, read strictly with the generated
//!   JSON codec; credentials come from HTTP headers (see `crate::rest`). The answer is the
//!   response wrapper's JSON (HTTP 200) or the fault detail as JSON with its `Type`, under
//!   the status the REST service uses for that kind of fault ([`rest_status`]).

use axum::http::StatusCode;
use bingads_gen::json::{self, JsonRead, JsonWrite};
use bingads_gen::soap::{
    NoFault, Operation, OperationMeta, ServiceMeta, decode_envelope_with, decode_request,
    write_response_envelope,
};
use bingads_gen::xml::{DecodeError, XmlEncode, XmlReader};

use super::{Call, Fault, detail};
use crate::errors;

/// The wire of one call.
#[derive(Debug, Clone)]
pub(crate) enum Wire {
    Soap,
    /// `headers`: the request's credential headers under their SOAP header names
    /// (`AuthenticationToken` for `Authorization: Bearer`), read by the REST front.
    Rest {
        headers: Vec<(String, String)>,
    },
}

/// An answer body with its status; the front adds the wire's content type.
#[derive(Debug)]
pub(crate) struct Reply {
    pub status: StatusCode,
    pub body: String,
}

impl Wire {
    /// The caller's headers and the typed request, or the fault for an unreadable request.
    pub fn decode<O: Operation + JsonRead>(
        &self,
        call: &Call<'_>,
        body: &[u8],
    ) -> Result<(Vec<(String, String)>, O), Fault> {
        match self {
            Wire::Soap => decode_request::<O>(body, call.shared.config.strict_order)
                .map_err(|e| deserialization_fault(call.op, &e)),
            Wire::Rest { headers } => {
                let request = read_json::<O>(call.op, body)?;
                Ok((headers.clone(), request))
            }
        }
    }

    /// The caller's headers of an operation without a handler, after checking that the body
    /// is a well-formed request of the operation.
    pub fn decode_unimplemented(
        &self,
        call: &Call<'_>,
        body: &[u8],
    ) -> Result<Vec<(String, String)>, Fault> {
        match self {
            Wire::Soap => {
                fn skip(r: &mut XmlReader<'_>) -> Result<(), DecodeError> {
                    r.skip()
                }
                decode_envelope_with::<(), NoFault>(body, call.op.request_element.1, skip, false)
                    .map(|env| env.headers)
                    .map_err(|e| deserialization_fault(call.op, &e))
            }
            Wire::Rest { headers } => {
                let entry = json_operation(call.service, call.op.name).ok_or_else(|| {
                    Fault::op_details(errors::OPERATION_NOT_SUPPORTED, call.op.name)
                })?;
                (entry.read_request)(body).map_err(|e| unreadable(call.op, e))?;
                Ok(headers.clone())
            }
        }
    }

    /// The success answer.
    pub fn reply<R: XmlEncode + JsonWrite + JsonRead>(
        &self,
        call: &Call<'_>,
        response: &R,
    ) -> Reply {
        let body = match self {
            Wire::Soap => {
                let (ns, name) = call.op.response_element;
                // The service's SOAP replies carry a polymorphic value's own `Type` member
                // (`<Type>EnhancedCpc</Type>` beside `i:type`); stored values leave it unset.
                // Reading the value back as a REST reply fills it from the discriminator for
                // every family at once, so a reply decodes to the same value on both wires.
                let typed = json::decode_response::<R>(&json::to_vec(response)).ok();
                let response = typed.as_ref().unwrap_or(response);
                write_response_envelope(&tracking_header(call), |w| response.encode(w, ns, name))
            }
            Wire::Rest { .. } => json::to_string(response),
        };
        Reply {
            status: StatusCode::OK,
            body,
        }
    }

    /// The fault answer.
    pub fn fault(&self, call: &Call<'_>, fault: &Fault) -> Reply {
        match self {
            Wire::Soap => soap_fault(call, fault),
            Wire::Rest { .. } => rest_fault(call.service, &call.tracking_id, fault),
        }
    }
}

/// The generated JSON entry of an operation.
fn json_operation(
    service: &ServiceMeta,
    name: &str,
) -> Option<&'static bingads_gen::json::JsonOperation> {
    use bingads_gen::v13::{
        ad_insight, bulk, campaign_management, customer_billing, customer_management, reporting,
    };
    let table = match service.name {
        "AdInsightService" => ad_insight::JSON_OPERATIONS,
        "BulkService" => bulk::JSON_OPERATIONS,
        "CampaignManagementService" => campaign_management::JSON_OPERATIONS,
        "CustomerBillingService" => customer_billing::JSON_OPERATIONS,
        "CustomerManagementService" => customer_management::JSON_OPERATIONS,
        "ReportingService" => reporting::JSON_OPERATIONS,
        _ => return None,
    };
    table.iter().find(|o| o.meta.name == name)
}

fn read_json<O: JsonRead>(op: &OperationMeta, body: &[u8]) -> Result<O, Fault> {
    json::from_slice::<O>(body).map_err(|e| unreadable(op, e))
}

/// A REST body that is not the operation's request (not JSON, unknown members, wrong types).
fn unreadable(op: &OperationMeta, e: impl std::fmt::Display) -> Fault {
    Fault::Client(format!(
        "The request body is not a valid {} request: {e}",
        op.name
    ))
}

fn deserialization_fault(op: &OperationMeta, e: &DecodeError) -> Fault {
    Fault::Client(format!(
        "The formatter threw an exception while trying to deserialize the message: there was an error while trying \
         to deserialize parameter {}:{}. {e}",
        op.request_element.0, op.request_element.1
    ))
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

/// A SOAP fault envelope (HTTP 500, as WCF sends every fault).
fn soap_fault(call: &Call<'_>, fault: &Fault) -> Reply {
    let tracking = call.tracking_id.as_str();
    let body = write_response_envelope(&tracking_header(call), |w| {
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
            detail::write(detail::Sink::Xml(w), call.service, tracking, fault);
            w.raw("</detail>");
        }
        w.raw("</s:Fault>");
    });
    Reply {
        status: StatusCode::INTERNAL_SERVER_ERROR,
        body,
    }
}

/// A REST fault: the detail as JSON under [`rest_status`]. An unreadable body, which SOAP
/// answers with a detail-less `s:Client` fault, is an `ApiInputValidationError` operation
/// error here, since a REST fault body always has a `Type`.
pub(crate) fn rest_fault(service: &ServiceMeta, tracking: &str, fault: &Fault) -> Reply {
    let client;
    let fault = match fault {
        Fault::Client(message) => {
            client = Fault::op_details(errors::API_INPUT_VALIDATION_ERROR, message.clone());
            &client
        }
        other => other,
    };
    let mut body = String::new();
    detail::write(detail::Sink::Json(&mut body), service, tracking, fault);
    Reply {
        status: rest_status(fault),
        body,
    }
}

/// The HTTP status of a REST fault, from its first error code: 401 when the caller's
/// credentials are missing, wrong or expired; 403 when the user may not act on the
/// customer or account; 500 for the service's own conditions (internal errors and the
/// throttling codes 117, 207 and 4204, which a client retries after a wait); 400 for
/// everything the request itself got wrong. Clients key on the codes, not on these statuses.
pub(crate) fn rest_status(fault: &Fault) -> StatusCode {
    let first = match fault {
        Fault::AdApi(e) => e.first(),
        Fault::Api { operation, .. } => match operation.first() {
            Some(e) => Some(e),
            None => return StatusCode::BAD_REQUEST,
        },
        Fault::Client(_) => return StatusCode::BAD_REQUEST,
    };
    match first.map(|e| e.code.code) {
        Some(105 | 109 | 116) => StatusCode::UNAUTHORIZED,
        Some(106) => StatusCode::FORBIDDEN,
        Some(0 | 117 | 207 | 4204) => StatusCode::INTERNAL_SERVER_ERROR,
        _ => StatusCode::BAD_REQUEST,
    }
}
