//! One call after its front (`crate::soap` or `crate::rest`) has found the operation and
//! recorded the request: queued injections, the wire-neutral handler, and the HTTP
//! response in the wire's media type. Injections behave the same on both wires; where they
//! shape a body (a fault, a malformed or cut document) it is the wire's kind of body.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bingads_gen::soap::{OperationMeta, ServiceMeta};

use crate::api::{self, Call, Fault, Reply, Wire};
use crate::errors;
use crate::inject::Injection;
use crate::server::ConnContext;
use crate::state::Shared;
use crate::util::guid;

/// Answers one call of `op` received on `wire`.
pub(crate) async fn answer(
    shared: &Shared,
    service: &'static ServiceMeta,
    op: &'static OperationMeta,
    wire: Wire,
    injection: Option<Injection>,
    conn: Option<ConnContext>,
    body: &[u8],
) -> Response {
    let call = Call {
        shared,
        service,
        op,
        tracking_id: guid(),
        wire,
    };
    let fault = |f: Fault| respond(&call, call.wire.fault(&call, &f));
    let mut truncate = false;
    match injection {
        None => {}
        Some(Injection::Delay(d)) => tokio::time::sleep(d).await,
        Some(Injection::HttpStatus(code)) => return gateway_error(code),
        Some(Injection::MalformedXml) => {
            let body = malformed_body(&call);
            return respond(
                &call,
                Reply {
                    status: StatusCode::OK,
                    body,
                },
            );
        }
        Some(Injection::DropConnection) => {
            if let Some(conn) = conn {
                conn.kill.notify_one();
                // The connection task drops this future together with the socket.
                std::future::pending::<()>().await;
            }
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
        Some(Injection::TruncatedXml) => truncate = true,
        Some(Injection::TokenExpired) => {
            return fault(Fault::ad_api(errors::AUTHENTICATION_TOKEN_EXPIRED));
        }
        Some(Injection::CallRateExceeded) => {
            return fault(Fault::ad_api(errors::CALL_RATE_EXCEEDED));
        }
        Some(Injection::ConcurrentRequestOverLimit) => {
            return fault(Fault::op(errors::CONCURRENT_REQUEST_OVER_LIMIT));
        }
        Some(Injection::BulkThrottled) => {
            return fault(Fault::op(
                errors::BULK_SERVICE_NO_MORE_CALLS_PERMITTED_FOR_THE_TIME_PERIOD,
            ));
        }
    }
    let mut reply = api::dispatch(&call, body);
    if truncate {
        let mut cut = reply.body.len() / 2;
        while cut > 0 && !reply.body.is_char_boundary(cut) {
            cut -= 1;
        }
        reply.body.truncate(cut);
    }
    respond(&call, reply)
}

/// What a load balancer or gateway answers: this status with an HTML page, on either wire.
fn gateway_error(code: u16) -> Response {
    let status = StatusCode::from_u16(code).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
    let reason = status.canonical_reason().unwrap_or("Error");
    let body = format!(
        "<!DOCTYPE html><html><head><title>{code} {reason}</title></head><body><h1>{code} {reason}</h1>\
         <p>The service is temporarily unavailable.</p></body></html>"
    );
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

/// A 200 body in the wire's media type that its parser must reject.
fn malformed_body(call: &Call<'_>) -> String {
    let (_, response_name) = call.op.response_element;
    match call.wire {
        Wire::Soap => format!(
            "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><{response_name}>\
             <Broken attr=\"unterminated></{response_name}></s:Bodyy></s:Envelope>"
        ),
        Wire::Rest { .. } => {
            "{\"PartialErrors\": [{\"Code\": 1,, \"Message\": \"unterminated}".into()
        }
    }
}

/// The HTTP response for a reply: the wire's content type, and on REST the `TrackingId`
/// response header (SOAP carries it in the envelope's header).
pub(crate) fn respond(call: &Call<'_>, reply: Reply) -> Response {
    match call.wire {
        Wire::Soap => xml_response(reply.status, reply.body),
        Wire::Rest { .. } => {
            let mut response = json_response(reply.status, reply.body);
            if let Ok(v) = HeaderValue::from_str(&call.tracking_id) {
                response.headers_mut().insert("trackingid", v);
            }
            response
        }
    }
}

pub(crate) fn xml_response(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/xml; charset=utf-8")],
        body,
    )
        .into_response()
}

pub(crate) fn json_response(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        body,
    )
        .into_response()
}

pub(crate) fn text_response(status: StatusCode, body: &'static str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        body,
    )
        .into_response()
}

/// HTTP headers in the order received, names lowercase (for [`crate::RecordedRequest`]).
pub(crate) fn header_list(headers: &HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(n, v)| {
            (
                n.as_str().to_string(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect()
}
