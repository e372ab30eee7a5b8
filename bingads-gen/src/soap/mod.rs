//! SOAP 1.1 envelopes, operation metadata, and the transport seam.
//!
//! Generated code knows each operation's request and response types, SOAP action and
//! headers; the runtime (`bingads`) knows credentials, HTTP, retries. They meet at
//! [`Transport`]: the generated client hands it the operation's metadata and a request
//! body that can write itself, and decodes what comes back. The transport never sees a
//! concrete request type: a request writes either wire's body ([`RequestBody`]), and
//! [`RawResponse::format`] tells [`call`] which decoder reads the answer. The REST/JSON side
//! of that seam is two functions (`json::write_body`, `json::decode_response`), so the JSON
//! engine behind them can change without touching transports or generated clients.

mod fault;

use std::future::Future;
use std::pin::Pin;

pub use fault::{AnyFaultDetail, FaultReader};

use crate::xml::{
    DecodeError, DecodeErrorKind, UnrepresentableChar, XSI_NS, XmlDecode, XmlReader, XmlWriter,
};

pub const SOAP_ENV_NS: &str = "http://schemas.xmlsoap.org/soap/envelope/";

/// A service of one API version.
#[derive(Debug)]
#[non_exhaustive]
pub struct ServiceMeta {
    /// e.g. `CampaignManagementService`.
    pub name: &'static str,
    /// The API version module, e.g. `v13`.
    pub version: &'static str,
    /// The revision date of the WSDL set (e.g. `2026-10-12`), sent as the `Api-Revision`
    /// HTTP header; empty when the WSDL folder does not record one.
    pub api_revision: &'static str,
    /// The WSDL target namespace.
    pub namespace: &'static str,
    /// `(environment, endpoint URL)`, e.g. `("production", "https://...svc")`.
    pub endpoints: &'static [(&'static str, &'static str)],
    /// `(environment, REST base URL)`, e.g. `("production", "https://campaign.api...com")`;
    /// an operation's [`RestRoute::path`] is appended to it. Empty when the service has no
    /// REST facts.
    pub rest_endpoints: &'static [(&'static str, &'static str)],
    /// Every operation of the service, in WSDL order.
    pub operations: &'static [&'static OperationMeta],
}

impl ServiceMeta {
    /// The endpoint for an environment name (`production`, `sandbox`).
    pub fn endpoint(&self, environment: &str) -> Option<&'static str> {
        self.endpoints
            .iter()
            .find(|(env, _)| *env == environment)
            .map(|(_, url)| *url)
    }

    /// The REST base URL for an environment name (`production`, `sandbox`).
    pub fn rest_endpoint(&self, environment: &str) -> Option<&'static str> {
        self.rest_endpoints
            .iter()
            .find(|(env, _)| *env == environment)
            .map(|(_, url)| *url)
    }

    pub fn operation(&self, name: &str) -> Option<&'static OperationMeta> {
        self.operations.iter().copied().find(|op| op.name == name)
    }
}

/// A SOAP header element an operation's binding declares.
#[derive(Debug)]
#[non_exhaustive]
pub struct HeaderMeta {
    /// The part (and element) name, e.g. `AuthenticationToken`, `CustomerAccountId`.
    pub name: &'static str,
    pub namespace: &'static str,
}

/// Everything about an operation that is not its request and response types.
#[derive(Debug)]
#[non_exhaustive]
pub struct OperationMeta {
    pub service: &'static ServiceMeta,
    /// e.g. `GetCampaignsByAccountId`.
    pub name: &'static str,
    /// Sent as the `SOAPAction` HTTP header.
    pub soap_action: &'static str,
    /// `(namespace, local name)` of the request body element.
    pub request_element: (&'static str, &'static str),
    pub response_element: (&'static str, &'static str),
    /// Headers the request may carry, in binding order.
    pub input_headers: &'static [HeaderMeta],
    /// Headers the response carries (e.g. `TrackingId`).
    pub output_headers: &'static [HeaderMeta],
    /// Fault detail element names the operation declares.
    pub faults: &'static [&'static str],
    /// Where the operation lives on the REST wire; `None` for an operation Microsoft serves
    /// only over SOAP (Ad Insight's `PutMetricData`).
    pub rest: Option<RestRoute>,
}

/// The HTTP method of a REST route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HttpMethod {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl HttpMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Post => "POST",
            HttpMethod::Put => "PUT",
            HttpMethod::Patch => "PATCH",
            HttpMethod::Delete => "DELETE",
        }
    }
}

impl std::fmt::Display for HttpMethod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An operation's REST route (from `wsdl/<version>/rest-json.json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RestRoute {
    pub method: HttpMethod,
    /// The path under the service's REST base URL, e.g. `/CampaignManagement/v13/Campaigns`.
    pub path: &'static str,
}

impl OperationMeta {
    pub fn has_input_header(&self, name: &str) -> bool {
        self.input_headers.iter().any(|h| h.name == name)
    }
}

/// What a request must also be: with the `json` feature, able to write its REST body
/// ([`JsonBody`](crate::json::JsonBody), implemented in each service's `json` module); without
/// it, nothing. The bound follows the feature, so [`RequestBody`] is declared once either way.
#[cfg(feature = "json")]
pub trait RestBody: crate::json::JsonBody {}
#[cfg(feature = "json")]
impl<T: crate::json::JsonBody + ?Sized> RestBody for T {}
/// What a request must also be (see the `json` variant of this trait).
#[cfg(not(feature = "json"))]
pub trait RestBody {}
#[cfg(not(feature = "json"))]
impl<T: ?Sized> RestBody for T {}

/// A request that can write its body for either wire: the SOAP body element here, the REST
/// body through [`RestBody`].
pub trait RequestBody: Send + Sync + RestBody {
    fn operation(&self) -> &'static OperationMeta;
    /// Reads a fault answer to this request with the operation's own detail types. [`call`]
    /// supplies the typed reader; a body sent another way reads faults untyped (the error
    /// list, codes and messages are still there, the typed detail is not).
    fn fault_reader(&self) -> FaultReader {
        FaultReader::UNTYPED
    }
    /// Writes the body element (the request wrapper) into `w`.
    fn write_soap_body(&self, w: &mut XmlWriter);
}

/// What a response type must be readable from: the SOAP envelope always, the REST JSON body
/// too when the `json` feature is on (a bound that follows the feature, so generated code
/// names one trait either way).
#[cfg(feature = "json")]
pub trait ResponseDecode: XmlDecode + crate::json::JsonRead {}
#[cfg(feature = "json")]
impl<T: XmlDecode + crate::json::JsonRead> ResponseDecode for T {}
/// What a response type must be readable from (the SOAP envelope; no `json` feature).
#[cfg(not(feature = "json"))]
pub trait ResponseDecode: XmlDecode {}
#[cfg(not(feature = "json"))]
impl<T: XmlDecode> ResponseDecode for T {}

/// A generated request type: its response type and fault detail set.
pub trait Operation: RequestBody + XmlDecode + 'static {
    type Response: ResponseDecode + Send + 'static;
    /// The service's fault details ([`FaultDetailDecode`]).
    type Fault: FaultDetailDecode + Send + 'static;
    const META: &'static OperationMeta;
}

/// The wire a response body came over, which decides how [`call`] reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyFormat {
    /// A SOAP envelope (the response element or a SOAP fault).
    Soap,
    /// A REST JSON body: the response wrapper's fields as one object.
    Json,
}

/// What a transport hands back for a call that reached the service.
#[derive(Debug, Clone)]
pub struct RawResponse {
    /// HTTP status (SOAP faults come with 500).
    pub status: u16,
    /// The response document.
    pub body: Vec<u8>,
    pub format: BodyFormat,
    /// The `TrackingId` HTTP response header (REST sends it there; SOAP in the envelope).
    pub tracking_id: Option<String>,
}

impl RawResponse {
    /// A SOAP envelope answer.
    pub fn soap(status: u16, body: Vec<u8>) -> RawResponse {
        RawResponse {
            status,
            body,
            format: BodyFormat::Soap,
            tracking_id: None,
        }
    }

    /// A REST JSON answer with the `TrackingId` response header, if any.
    pub fn json(status: u16, body: Vec<u8>, tracking_id: Option<String>) -> RawResponse {
        RawResponse {
            status,
            body,
            format: BodyFormat::Json,
            tracking_id,
        }
    }
}

/// A boxed, sendable future (what [`Transport::send`] returns).
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Carries a request to the service and brings back its response. Implemented by the
/// `bingads` runtime (HTTP, auth headers, retries) and by tests.
pub trait Transport: Send + Sync {
    type Error: From<DecodeError> + Send;
    fn send<'a>(
        &'a self,
        request: &'a dyn RequestBody,
    ) -> BoxFuture<'a, Result<RawResponse, Self::Error>>;
}

/// A decoded success: the response and the service's tracking id for the call. Read the
/// response as `reply.value` (or `reply.into_value()`); there is deliberately no `Deref` to
/// it, so a response field never hides behind the reply's own `tracking_id`.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply<T> {
    pub value: T,
    /// The `TrackingId` response header (quote it when asking Microsoft support).
    pub tracking_id: Option<String>,
}

impl<T> Reply<T> {
    /// The response, without its tracking id.
    pub fn into_value(self) -> T {
        self.value
    }
}

/// A SOAP fault from the service.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SoapFault<D> {
    /// `faultcode`, e.g. `s:Server`.
    pub code: String,
    /// `faultstring`.
    pub message: String,
    /// The typed `detail`, when the fault has one this service declares.
    pub detail: Option<D>,
    /// The name of the `detail` element's first child, typed or not (a fault type a newer
    /// WSDL added has a name here and no typed `detail`).
    pub detail_element: Option<String>,
    pub tracking_id: Option<String>,
    /// The service and operation answered (`ServiceMeta::name`, `OperationMeta::name`);
    /// empty until [`call`] (which knows the operation) fills them.
    pub service: &'static str,
    pub operation: &'static str,
}

impl<D> SoapFault<D> {
    /// A fault with no detail, tracking id or operation (servers and tests build on it).
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        SoapFault {
            code: code.into(),
            message: message.into(),
            detail: None,
            detail_element: None,
            tracking_id: None,
            service: "",
            operation: "",
        }
    }

    /// The same fault with its detail turned into another type (e.g. type-erased).
    pub fn map_detail<E>(self, f: impl FnOnce(D) -> E) -> SoapFault<E> {
        SoapFault {
            code: self.code,
            message: self.message,
            detail: self.detail.map(f),
            detail_element: self.detail_element,
            tracking_id: self.tracking_id,
            service: self.service,
            operation: self.operation,
        }
    }
}

/// What a fault detail set must also be: comparable, printable, shareable between threads,
/// and (with the `json` feature) writable in the REST form, so a runtime can keep it behind
/// [`AnyFaultDetail`] without naming the service.
#[cfg(feature = "json")]
pub trait FaultDetailBounds:
    std::fmt::Debug
    + PartialEq
    + Send
    + Sync
    + 'static
    + crate::json::JsonWrite
    + crate::json::JsonFaultDetail
{
}
#[cfg(feature = "json")]
impl<
    T: std::fmt::Debug
        + PartialEq
        + Send
        + Sync
        + 'static
        + crate::json::JsonWrite
        + crate::json::JsonFaultDetail,
> FaultDetailBounds for T
{
}
/// What a fault detail set must also be (see the `json` variant of this trait).
#[cfg(not(feature = "json"))]
pub trait FaultDetailBounds: std::fmt::Debug + PartialEq + Send + Sync + 'static {}
#[cfg(not(feature = "json"))]
impl<T: std::fmt::Debug + PartialEq + Send + Sync + 'static> FaultDetailBounds for T {}

/// The fault detail types of a service, chosen by the detail element's name.
pub trait FaultDetailDecode: Sized + FaultDetailBounds {
    /// Decodes the detail element `name`, or returns `Ok(None)` (after skipping it) when
    /// the name is not one of this service's fault details.
    fn decode_detail(r: &mut XmlReader<'_>, name: &[u8]) -> Result<Option<Self>, DecodeError>;
    /// The detail element's name, e.g. `ApiFaultDetail`.
    fn element_name(&self) -> &'static str;
}

/// A decoded response envelope.
#[derive(Debug, Clone, PartialEq)]
pub struct Envelope<R, F> {
    /// Header elements as `(local name, text)`, e.g. `("TrackingId", "...")`.
    pub headers: Vec<(String, String)>,
    pub body: Result<R, SoapFault<F>>,
}

impl<R, F> Envelope<R, F> {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Writes a complete request envelope. `headers` gives values by header name; only the
/// headers the operation declares are written, in binding order, and a header without a
/// value is left out (never sent empty or as a placeholder).
///
/// Fails when a header value or the request holds a character XML 1.0 cannot carry: such an
/// envelope is not XML, and sending it would only earn a fault without saying which field.
pub fn try_write_envelope(
    body: &dyn RequestBody,
    headers: &[(&str, &str)],
) -> Result<String, UnrepresentableChar> {
    envelope_writer(body, headers).finish()
}

/// [`try_write_envelope`] without the check, for callers whose input cannot hold such
/// characters (benchmarks, tests of the codec); the text is written as it is.
pub fn write_envelope(body: &dyn RequestBody, headers: &[(&str, &str)]) -> String {
    envelope_writer(body, headers).into_string()
}

fn envelope_writer(body: &dyn RequestBody, headers: &[(&str, &str)]) -> XmlWriter {
    let op = body.operation();
    let mut out = String::with_capacity(1024);
    out.push_str("<s:Envelope xmlns:s=\"");
    out.push_str(SOAP_ENV_NS);
    out.push_str("\" xmlns:i=\"");
    out.push_str(XSI_NS);
    out.push_str("\"><s:Header>");
    let mut w = XmlWriter::inside(out, "");
    for h in op.input_headers {
        let value = headers
            .iter()
            .find(|(name, _)| *name == h.name)
            .map(|(_, v)| *v);
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            w.start(h.namespace, h.name);
            w.text(value);
            w.end(h.name);
        }
    }
    w.raw("</s:Header><s:Body>");
    body.write_soap_body(&mut w);
    w.raw("</s:Body></s:Envelope>");
    w
}

/// Decodes a response envelope: the body element must be the operation's response element
/// or a SOAP fault.
pub fn decode_envelope<R: XmlDecode, F: FaultDetailDecode>(
    input: &[u8],
    op: &OperationMeta,
) -> Result<Envelope<R, F>, DecodeError> {
    decode_envelope_with(input, op.response_element.1, R::decode, false)
}

/// [`decode_envelope`] for a given body element name and decoder; `strict` rejects
/// out-of-order elements.
pub fn decode_envelope_with<R, F: FaultDetailDecode>(
    input: &[u8],
    body_element: &str,
    decode: crate::xml::Decoder<R>,
    strict: bool,
) -> Result<Envelope<R, F>, DecodeError> {
    let mut r = XmlReader::new(input);
    r.set_strict_order(strict);
    let (headers, body) = read_envelope(&mut r, |r, name| {
        if name == body_element.as_bytes() {
            Ok(Ok(decode(r)?))
        } else if name == b"Fault" {
            Ok(Err(decode_fault(r)?))
        } else {
            let found = String::from_utf8_lossy(name).into_owned();
            Err(r.error(DecodeErrorKind::UnexpectedElement {
                expected: format!("`{body_element}` or a SOAP Fault"),
                found,
            }))
        }
    })?;
    let Some(body) = body else {
        return Err(r.error(DecodeErrorKind::UnexpectedElement {
            expected: format!("a SOAP Body with `{body_element}`"),
            found: "nothing".into(),
        }));
    };
    Ok(Envelope {
        body: body.map_err(|fault| with_header_tracking(fault, &headers)),
        headers,
    })
}

/// Reads a response envelope that may hold a SOAP fault, in one pass: the fault with its
/// detail typed as `F`, or `None` when the body holds anything else.
pub fn decode_fault_envelope<F: FaultDetailDecode>(
    input: &[u8],
) -> Result<Option<SoapFault<F>>, DecodeError> {
    let mut r = XmlReader::new(input);
    let (headers, body) = read_envelope(&mut r, |r, name| {
        if name == b"Fault" {
            Ok(Some(decode_fault(r)?))
        } else {
            r.skip()?;
            Ok(None)
        }
    })?;
    Ok(body
        .flatten()
        .map(|fault| with_header_tracking(fault, &headers)))
}

/// Header elements as `(local name, text)`.
type Headers = Vec<(String, String)>;

/// Walks `Envelope/Header` (collecting header texts) and `Envelope/Body`, handing the body's
/// element to `body`; `None` when the body is empty.
fn read_envelope<B>(
    r: &mut XmlReader<'_>,
    mut body: impl FnMut(&mut XmlReader<'_>, &[u8]) -> Result<B, DecodeError>,
) -> Result<(Headers, Option<B>), DecodeError> {
    let root = r.root()?;
    if root != "Envelope" {
        return Err(r.error(DecodeErrorKind::UnexpectedElement {
            expected: "a SOAP Envelope".into(),
            found: root,
        }));
    }
    let mut headers = Vec::new();
    let mut read = None;
    r.read_children(|r, name| match name {
        b"Header" => {
            r.read_children(|r, name| {
                let name = String::from_utf8_lossy(name).into_owned();
                let text = r.read_text()?;
                headers.push((name, text));
                Ok(true)
            })?;
            Ok(true)
        }
        b"Body" => {
            r.read_children(|r, name| {
                let value = body(r, name)?;
                read.get_or_insert(value);
                Ok(true)
            })?;
            Ok(true)
        }
        _ => Ok(false),
    })?;
    Ok((headers, read))
}

/// The fault with the envelope's `TrackingId` header (the fault element has none of its own).
fn with_header_tracking<F>(mut fault: SoapFault<F>, headers: &Headers) -> SoapFault<F> {
    fault.tracking_id = headers
        .iter()
        .find(|(n, _)| n == "TrackingId")
        .map(|(_, v)| v.clone());
    fault
}

fn decode_fault<F: FaultDetailDecode>(r: &mut XmlReader<'_>) -> Result<SoapFault<F>, DecodeError> {
    let mut fault = SoapFault::new(String::new(), String::new());
    r.read_children(|r, name| {
        match name {
            b"faultcode" => fault.code = r.read_text()?,
            b"faultstring" => fault.message = r.read_text()?,
            b"detail" => {
                r.read_children(|r, name| {
                    if fault.detail_element.is_none() {
                        fault.detail_element = Some(String::from_utf8_lossy(name).into_owned());
                        fault.detail = F::decode_detail(r, name)?;
                        return Ok(true);
                    }
                    Ok(false)
                })?;
            }
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    Ok(fault)
}

/// Sends `request` through `transport` and decodes the reply; a SOAP fault becomes the
/// transport's error. This is the body of every generated client method.
pub async fn call<T, O>(transport: &T, request: &O) -> Result<Reply<O::Response>, T::Error>
where
    T: Transport + ?Sized,
    O: Operation,
    T::Error: From<SoapFault<O::Fault>>,
{
    let raw = transport.send(&Typed(request)).await?;
    if raw.format == BodyFormat::Json {
        return decode_json_reply::<O::Response>(raw).map_err(Into::into);
    }
    let envelope =
        decode_envelope::<O::Response, O::Fault>(&raw.body, O::META).map_err(|mut e| {
            e.tracking_id = find_tracking_id(&raw.body);
            e
        })?;
    let tracking_id = envelope.header("TrackingId").map(str::to_string);
    match envelope.body {
        Ok(value) => Ok(Reply { value, tracking_id }),
        Err(mut fault) => {
            fault.service = O::META.service.name;
            fault.operation = O::META.name;
            Err(fault.into())
        }
    }
}

/// A request as [`call`] hands it to the transport: the same body, with the operation's
/// typed fault reader, so the transport reads a fault once and with the right types.
struct Typed<'a, O>(&'a O);

impl<O: Operation> RequestBody for Typed<'_, O> {
    fn operation(&self) -> &'static OperationMeta {
        self.0.operation()
    }
    fn fault_reader(&self) -> FaultReader {
        FaultReader::of::<O::Fault>()
    }
    fn write_soap_body(&self, w: &mut XmlWriter) {
        self.0.write_soap_body(w)
    }
}

#[cfg(feature = "json")]
impl<O: Operation> crate::json::JsonBody for Typed<'_, O> {
    fn write_json_body(&self, out: &mut Vec<u8>) {
        self.0.write_json_body(out)
    }
}

/// A REST 2xx body → the response, with the `TrackingId` response header as the reply's
/// tracking id (success bodies do not carry one; fault bodies do, read by the runtime).
#[cfg(feature = "json")]
fn decode_json_reply<R: ResponseDecode>(raw: RawResponse) -> Result<Reply<R>, DecodeError> {
    let tracking_id = raw.tracking_id;
    match crate::json::decode_response::<R>(&raw.body) {
        Ok(value) => Ok(Reply { value, tracking_id }),
        Err(mut e) => {
            e.tracking_id = tracking_id;
            Err(e)
        }
    }
}

#[cfg(not(feature = "json"))]
fn decode_json_reply<R: ResponseDecode>(raw: RawResponse) -> Result<Reply<R>, DecodeError> {
    Err(DecodeError {
        kind: DecodeErrorKind::UnexpectedElement {
            expected: "a SOAP envelope (this build has no JSON support: enable the `json` feature of bingads-gen)".into(),
            found: "a REST JSON body".into(),
        },
        path: String::new(),
        position: 0,
        tracking_id: raw.tracking_id,
    })
}

/// The `TrackingId` header of a response envelope, found without decoding the whole
/// document (for errors raised while decoding it).
pub fn find_tracking_id(body: &[u8]) -> Option<String> {
    let head = body.get(..body.len().min(8192))?;
    let text = String::from_utf8_lossy(head);
    let start = text.find("TrackingId")?;
    let after = text.get(start..)?;
    let rest = after.get(after.find('>')? + 1..)?;
    let id = rest.get(..rest.find('<')?)?.trim();
    (!id.is_empty()).then(|| id.to_string())
}

/// Decodes a request envelope (what a server, such as the test emulator, receives), with
/// header values by name. `strict` rejects elements sent out of schema order.
pub fn decode_request<O: Operation>(
    input: &[u8],
    strict: bool,
) -> Result<(Vec<(String, String)>, O), DecodeError> {
    let envelope =
        decode_envelope_with::<O, NoFault>(input, O::META.request_element.1, O::decode, strict)?;
    match envelope.body {
        Ok(req) => Ok((envelope.headers, req)),
        Err(_) => Err(DecodeError {
            kind: DecodeErrorKind::UnexpectedElement {
                expected: "a request".into(),
                found: "Fault".into(),
            },
            path: "/Envelope/Body".into(),
            position: 0,
            tracking_id: None,
        }),
    }
}

/// Fault detail set for contexts where faults are not expected.
#[derive(Debug, Clone, PartialEq)]
pub enum NoFault {}

impl FaultDetailDecode for NoFault {
    fn element_name(&self) -> &'static str {
        match *self {}
    }

    fn decode_detail(r: &mut XmlReader<'_>, _name: &[u8]) -> Result<Option<Self>, DecodeError> {
        r.skip()?;
        Ok(None)
    }
}

#[cfg(feature = "json")]
impl crate::json::JsonFaultDetail for NoFault {
    fn decode_json_detail(_type_name: &str, _body: &serde_json::Value) -> Option<Self> {
        None
    }
}

#[cfg(feature = "json")]
impl crate::json::JsonWrite for NoFault {
    fn write<S: serde::Serializer>(&self, _s: S) -> Result<S::Ok, S::Error> {
        match *self {}
    }
}

/// Writes a response envelope (for servers and tests): `headers` as `(namespace, name, value)`.
pub fn write_response_envelope(
    headers: &[(&'static str, &str, &str)],
    write_body: impl FnOnce(&mut XmlWriter),
) -> String {
    let mut out = String::with_capacity(1024);
    out.push_str("<s:Envelope xmlns:s=\"");
    out.push_str(SOAP_ENV_NS);
    out.push_str("\" xmlns:i=\"");
    out.push_str(XSI_NS);
    out.push_str("\"><s:Header>");
    let mut w = XmlWriter::inside(out, "");
    for (ns, name, value) in headers {
        w.start(ns, name);
        w.text(value);
        w.end(name);
    }
    w.raw("</s:Header><s:Body>");
    write_body(&mut w);
    w.raw("</s:Body></s:Envelope>");
    w.into_string()
}
