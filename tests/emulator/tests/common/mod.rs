//! Shared test helpers: SOAP calls over real HTTP with the generated types.
#![allow(dead_code)]

use bingads_emulator::{
    ACCOUNT_ID, ADS_SCOPE, CUSTOMER_ID, DESKTOP_CLIENT_ID, DEVELOPER_TOKEN, Emulator,
};
use bingads_gen::soap::{Envelope, Operation, SoapFault, decode_envelope, write_envelope};

pub fn client() -> reqwest::Client {
    // Harmless when reqwest has no TLS at all; required when the workspace build unifies in
    // rustls without a provider. An error only means a provider is installed already.
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
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

/// Calls `O` and decodes the envelope.
pub async fn call<O: Operation>(
    emu: &Emulator,
    http: &reqwest::Client,
    request: &O,
    headers: &[(&'static str, String)],
) -> (u16, Envelope<O::Response, O::Fault>) {
    let (status, bytes) = post_raw::<O>(emu, http, envelope(request, headers)).await;
    let env = decode_envelope::<O::Response, O::Fault>(&bytes, O::META).unwrap_or_else(|e| {
        panic!(
            "undecodable response ({e}): {}",
            String::from_utf8_lossy(&bytes)
        )
    });
    (status, env)
}

/// Calls `O` and expects success.
pub async fn ok<O: Operation>(
    emu: &Emulator,
    http: &reqwest::Client,
    request: &O,
    headers: &[(&'static str, String)],
) -> O::Response
where
    O::Fault: std::fmt::Debug,
{
    let (status, env) = call(emu, http, request, headers).await;
    match env.body {
        Ok(r) => {
            assert_eq!(status, 200);
            r
        }
        Err(f) => panic!("{} faulted: {f:?}", O::META.name),
    }
}

/// Calls `O` and expects a fault.
pub async fn fault<O: Operation>(
    emu: &Emulator,
    http: &reqwest::Client,
    request: &O,
    headers: &[(&'static str, String)],
) -> SoapFault<O::Fault>
where
    O::Response: std::fmt::Debug,
{
    let (status, env) = call(emu, http, request, headers).await;
    match env.body {
        Ok(r) => panic!("{} succeeded: {r:?}", O::META.name),
        Err(f) => {
            assert_eq!(status, 500);
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
