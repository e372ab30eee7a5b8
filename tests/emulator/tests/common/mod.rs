//! Shared test helpers: calls over real HTTP with the generated types, on either wire (SOAP
//! envelopes, or REST JSON with the credentials in HTTP headers), so one test body runs
//! under both ([`both_wires!`]).
#![allow(dead_code)]

use bingads_emulator::{
    ACCOUNT_ID, ADS_SCOPE, CUSTOMER_ID, DESKTOP_CLIENT_ID, DEVELOPER_TOKEN, Emulator,
};
use bingads_gen::json::{self, JsonRead, JsonWrite};
use bingads_gen::soap::{Envelope, Operation, SoapFault, decode_envelope, write_envelope};

mod rest_fault;

pub use rest_fault::RestFault;

/// The wire a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wire {
    Soap,
    Rest,
}

/// Runs each `async fn name(wire: Wire)` once per wire, as the tests `name::soap` and
/// `name::rest` (a module and a function may share a name).
#[macro_export]
macro_rules! both_wires {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test]
            async fn soap() {
                super::$name($crate::common::Wire::Soap).await
            }

            #[tokio::test]
            async fn rest() {
                super::$name($crate::common::Wire::Rest).await
            }
        }
    )*};
}

/// An HTTP client that calls operations on one wire (derefs to `reqwest::Client` for raw
/// requests).
#[derive(Debug, Clone)]
pub struct Http {
    pub client: reqwest::Client,
    pub wire: Wire,
}

impl std::ops::Deref for Http {
    type Target = reqwest::Client;
    fn deref(&self) -> &reqwest::Client {
        &self.client
    }
}

/// A client on the SOAP wire.
pub fn client() -> Http {
    client_on(Wire::Soap)
}

pub fn client_on(wire: Wire) -> Http {
    // Harmless when reqwest has no TLS at all; required when the workspace build unifies in
    // rustls without a provider. An error only means a provider is installed already.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    Http { client, wire }
}

/// `(method, path)` of an operation's REST route, from the generated metadata.
pub fn rest_route(op: &bingads_gen::soap::OperationMeta) -> (reqwest::Method, String) {
    let route = op
        .rest
        .unwrap_or_else(|| panic!("{} has no REST route", op.name));
    (
        reqwest::Method::from_bytes(route.method.as_str().as_bytes()).expect("method"),
        route.path.to_string(),
    )
}

/// A fresh access token for the seeded user.
pub fn access_token(emu: &Emulator) -> String {
    emu.issue_tokens(DESKTOP_CLIENT_ID, &format!("{ADS_SCOPE} offline_access"))
        .access_token
}

/// The headers of a Campaign Management call on the first account.
pub fn cm_headers(token: &str) -> Vec<(&'static str, String)> {
    vec![
        ("AuthenticationToken", token.to_string()),
        ("CustomerAccountId", ACCOUNT_ID.to_string()),
        ("CustomerId", CUSTOMER_ID.to_string()),
        ("DeveloperToken", DEVELOPER_TOKEN.to_string()),
    ]
}

/// The headers of a Customer Management call.
pub fn auth_headers(token: &str) -> Vec<(&'static str, String)> {
    vec![
        ("AuthenticationToken", token.to_string()),
        ("DeveloperToken", DEVELOPER_TOKEN.to_string()),
    ]
}

pub fn envelope<O: Operation>(request: &O, headers: &[(&'static str, String)]) -> String {
    let pairs: Vec<(&str, &str)> = headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
    write_envelope(request, &pairs)
}

/// POSTs a raw SOAP document for `O`'s operation; returns status and body.
pub async fn post_raw<O: Operation>(
    emu: &Emulator,
    http: &reqwest::Client,
    body: String,
) -> (u16, Vec<u8>) {
    let meta = O::META;
    let resp = http
        .post(emu.service_url(meta.service))
        .header("Content-Type", "text/xml; charset=utf-8")
        .header("SOAPAction", meta.soap_action)
        .body(body)
        .send()
        .await
        .expect("send");
    let status = resp.status().as_u16();
    let bytes = resp.bytes().await.expect("body").to_vec();
    (status, bytes)
}

/// The request for `O` on the client's wire: a SOAP envelope with the headers as SOAP header
/// elements, or the REST route with a JSON body and the headers as HTTP headers
/// (`AuthenticationToken` as `Authorization: Bearer`).
pub fn request<O: Operation + JsonWrite>(
    emu: &Emulator,
    http: &Http,
    request: &O,
    headers: &[(&'static str, String)],
) -> reqwest::RequestBuilder {
    match http.wire {
        Wire::Soap => http
            .post(emu.service_url(O::META.service))
            .header("Content-Type", "text/xml; charset=utf-8")
            .header("SOAPAction", O::META.soap_action)
            .body(envelope(request, headers)),
        Wire::Rest => {
            let (method, path) = rest_route(O::META);
            let mut builder = http
                .request(
                    method,
                    format!("{}{path}", emu.rest_base_url(O::META.service)),
                )
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
            for (name, value) in headers {
                builder = match *name {
                    "AuthenticationToken" => {
                        builder.header("Authorization", format!("Bearer {value}"))
                    }
                    other => builder.header(other, value),
                };
            }
            builder.body(json::to_string(request))
        }
    }
}

/// Sends `O` on the client's wire; returns status, the `TrackingId` response header and body.
pub async fn send_raw<O: Operation + JsonWrite>(
    emu: &Emulator,
    http: &Http,
    req: &O,
    headers: &[(&'static str, String)],
) -> (u16, Option<String>, Vec<u8>) {
    let resp = request(emu, http, req, headers).send().await.expect("send");
    let status = resp.status().as_u16();
    let tracking = resp
        .headers()
        .get("TrackingId")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let bytes = resp.bytes().await.expect("body").to_vec();
    (status, tracking, bytes)
}

/// Decodes an answer of `O` on the wire into the SOAP envelope's shape: on REST a 2xx body is
/// the response and an error status carries the fault detail as JSON (`TrackingId` from the
/// response header, and the body's, which must agree).
pub fn decode<O>(
    wire: Wire,
    status: u16,
    tracking: Option<String>,
    bytes: &[u8],
) -> Envelope<O::Response, O::Fault>
where
    O: Operation,
    O::Response: JsonRead,
    O::Fault: RestFault,
{
    let text = || String::from_utf8_lossy(bytes).into_owned();
    match wire {
        Wire::Soap => decode_envelope::<O::Response, O::Fault>(bytes, O::META)
            .unwrap_or_else(|e| panic!("undecodable response ({e}): {}", text())),
        Wire::Rest => {
            let tracking = tracking.expect("REST answers carry a TrackingId header");
            let body = std::str::from_utf8(bytes).expect("UTF-8 body");
            let body = if (200..300).contains(&status) {
                // Strictly first, so the emulator never writes a member the schema lacks; the
                // value is then read as the SDK reads replies (leniently, which also gives a
                // family variant's own `Type` member the discriminator's value).
                json::from_str::<O::Response>(body)
                    .unwrap_or_else(|e| panic!("undecodable response ({e}): {}", text()));
                Ok(json::from_slice_lenient::<O::Response>(bytes)
                    .unwrap_or_else(|e| panic!("undecodable response ({e}): {}", text())))
            } else {
                let value: serde_json::Value = serde_json::from_str(body)
                    .unwrap_or_else(|e| panic!("fault body is not JSON ({e}): {}", text()));
                assert_eq!(
                    value.get("TrackingId").and_then(serde_json::Value::as_str),
                    Some(tracking.as_str()),
                    "the fault body's TrackingId is the header's"
                );
                Err(SoapFault {
                    code: format!("HTTP {status}"),
                    message: String::new(),
                    detail: Some(
                        O::Fault::from_rest(bytes)
                            .unwrap_or_else(|| panic!("unknown fault body: {}", text())),
                    ),
                    tracking_id: Some(tracking.clone()),
                })
            };
            Envelope {
                headers: vec![("TrackingId".to_string(), tracking)],
                body,
            }
        }
    }
}

/// Calls `O` and decodes the answer.
pub async fn call<O>(
    emu: &Emulator,
    http: &Http,
    request: &O,
    headers: &[(&'static str, String)],
) -> (u16, Envelope<O::Response, O::Fault>)
where
    O: Operation + JsonWrite,
    O::Response: JsonRead,
    O::Fault: RestFault,
{
    let (status, tracking, bytes) = send_raw(emu, http, request, headers).await;
    (status, decode::<O>(http.wire, status, tracking, &bytes))
}

/// Calls `O` and expects success.
pub async fn ok<O>(
    emu: &Emulator,
    http: &Http,
    request: &O,
    headers: &[(&'static str, String)],
) -> O::Response
where
    O: Operation + JsonWrite,
    O::Response: JsonRead,
    O::Fault: RestFault + std::fmt::Debug,
{
    let (status, env) = call(emu, http, request, headers).await;
    match env.body {
        Ok(r) => {
            assert_eq!(status, 200, "{:?}", http.wire);
            r
        }
        Err(f) => panic!("{} faulted on {:?}: {f:?}", O::META.name, http.wire),
    }
}

/// Calls `O` and expects a fault: HTTP 500 on SOAP, a REST fault status (400, 401, 403 or
/// 500) on REST.
pub async fn fault<O>(
    emu: &Emulator,
    http: &Http,
    request: &O,
    headers: &[(&'static str, String)],
) -> SoapFault<O::Fault>
where
    O: Operation + JsonWrite,
    O::Response: JsonRead + std::fmt::Debug,
    O::Fault: RestFault,
{
    let (status, env) = call(emu, http, request, headers).await;
    match env.body {
        Ok(r) => panic!("{} succeeded on {:?}: {r:?}", O::META.name, http.wire),
        Err(f) => {
            match http.wire {
                Wire::Soap => assert_eq!(status, 500),
                Wire::Rest => assert!(
                    [400, 401, 403, 500].contains(&status),
                    "REST fault status {status}"
                ),
            }
            assert!(
                f.tracking_id.as_deref().is_some_and(|t| t.len() == 36),
                "tracking id: {:?}",
                f.tracking_id
            );
            f
        }
    }
}

/// `(Code, ErrorCode)` of a Campaign Management fault.
pub fn cm_codes(
    f: &SoapFault<bingads_gen::v13::campaign_management::FaultDetail>,
) -> Vec<(i32, String)> {
    use bingads_gen::v13::campaign_management::{BatchError, FaultDetail};
    match f.detail.as_ref().expect("detail") {
        FaultDetail::AdApiFaultDetail(d) => d
            .errors
            .value()
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| {
                (
                    e.code.unwrap_or(-1),
                    e.error_code.value().cloned().unwrap_or_default(),
                )
            })
            .collect(),
        FaultDetail::ApiFaultDetail(d) => {
            let ops = d.operation_errors.value().into_iter().flatten().flatten();
            let mut out: Vec<(i32, String)> = ops
                .map(|e| {
                    (
                        e.code.unwrap_or(-1),
                        e.error_code.value().cloned().unwrap_or_default(),
                    )
                })
                .collect();
            for b in d.batch_errors.value().into_iter().flatten().flatten() {
                if let BatchError::BatchError(b) = b {
                    out.push((
                        b.code.unwrap_or(-1),
                        b.error_code.value().cloned().unwrap_or_default(),
                    ));
                }
            }
            out
        }
        other => panic!("unexpected detail {other:?}"),
    }
}
