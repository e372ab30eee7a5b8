//! The two wires an operation can travel over, and the one place that turns a request into
//! the HTTP message the SDK sends: [`prepare`].
//!
//! Sending and the command line's `--dry-run` both go through [`prepare`], so what a dry run
//! shows is what is sent: the method, the absolute URL, the headers the SDK sets in a fixed
//! order (credentials kept as [`SecretString`]), and the body.
//!
//! On REST, credential headers follow the SOAP binding of the operation: a header is sent
//! when the binding declares its SOAP counterpart and a value is set. Microsoft's REST
//! reference documents the same sets per service (Campaign Management, Ad Insight, Bulk and
//! Reporting list `CustomerAccountId` and `CustomerId`; Customer Management and Customer
//! Billing list neither), where the official `msads` client sends both everywhere, even the
//! text `None` when unset. See `wsdl/v13/REST-JSON.md`.

use std::fmt;

use bingads_gen::soap::{HttpMethod, OperationMeta, RequestBody, try_write_envelope};

use crate::{ConfigError, Error, SecretString, UnknownWire};

/// Which wire a [`crate::Client`] speaks.
///
/// Microsoft switches the SOAP endpoints off on 2027-01-31; REST is the default from this
/// release on. Both carry the same operations and the same generated types, and answer
/// with the same [`Error`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Wire {
    /// JSON over HTTP methods and paths per operation (`https://campaign.api.bingads.microsoft.com/CampaignManagement/v13/...`).
    Rest,
    /// SOAP 1.1 envelopes posted to each service's `.svc` endpoint.
    Soap,
}

impl Default for Wire {
    /// [`Wire::Rest`] when the `rest` feature is on, else [`Wire::Soap`].
    fn default() -> Self {
        if cfg!(feature = "rest") {
            Wire::Rest
        } else {
            Wire::Soap
        }
    }
}

impl Wire {
    pub fn as_str(self) -> &'static str {
        match self {
            Wire::Rest => "rest",
            Wire::Soap => "soap",
        }
    }

    /// Whether this build can speak the wire (cargo features `rest`, `soap`).
    pub fn is_compiled(self) -> bool {
        match self {
            Wire::Rest => cfg!(feature = "rest"),
            Wire::Soap => cfg!(feature = "soap"),
        }
    }
}

impl fmt::Display for Wire {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Wire {
    type Err = UnknownWire;
    fn from_str(s: &str) -> Result<Wire, UnknownWire> {
        match s.trim().to_ascii_lowercase().as_str() {
            "rest" => Ok(Wire::Rest),
            "soap" => Ok(Wire::Soap),
            _ => Err(UnknownWire {
                name: s.to_string(),
            }),
        }
    }
}

/// A header value as [`prepare`] sets it: credentials stay secret until sent.
#[derive(Clone, PartialEq, Eq)]
pub enum HeaderValue {
    Plain(String),
    Secret(SecretString),
}

impl HeaderValue {
    /// The value to put on the wire.
    pub fn expose(&self) -> &str {
        match self {
            HeaderValue::Plain(v) => v,
            HeaderValue::Secret(v) => v.expose(),
        }
    }

    pub fn is_secret(&self) -> bool {
        matches!(self, HeaderValue::Secret(_))
    }
}

impl fmt::Debug for HeaderValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HeaderValue::Plain(v) => fmt::Debug::fmt(v, f),
            HeaderValue::Secret(v) => fmt::Debug::fmt(v, f),
        }
    }
}

/// One request as the SDK sends it (headers the HTTP stack adds, such as `Host` and
/// `Content-Length`, are not listed).
#[derive(Clone)]
pub struct PreparedRequest {
    pub wire: Wire,
    pub method: HttpMethod,
    /// The absolute URL.
    pub url: String,
    /// In the order they are sent.
    pub headers: Vec<(&'static str, HeaderValue)>,
    /// JSON on REST; on SOAP the envelope, which carries the credentials itself.
    pub body: Vec<u8>,
}

impl PreparedRequest {
    pub fn header(&self, name: &str) -> Option<&HeaderValue> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }

    /// The request as an HTTP/1.1 message: request line with the absolute URL, the headers,
    /// an empty line, the body. Secret header values print as `<redacted>` unless
    /// `show_secrets` (a SOAP body carries whatever credentials it was prepared with).
    pub fn to_http_message(&self, show_secrets: bool) -> String {
        let mut out = format!("{} {} HTTP/1.1\r\n", self.method, self.url);
        for (name, value) in &self.headers {
            let shown = if value.is_secret() && !show_secrets {
                "<redacted>"
            } else {
                value.expose()
            };
            out.push_str(name);
            out.push_str(": ");
            out.push_str(shown);
            out.push_str("\r\n");
        }
        out.push_str("\r\n");
        out.push_str(&String::from_utf8_lossy(&self.body));
        out
    }
}

impl fmt::Debug for PreparedRequest {
    /// The body is left out: a SOAP envelope carries the credentials.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PreparedRequest")
            .field("wire", &self.wire)
            .field("method", &self.method)
            .field("url", &self.url)
            .field("headers", &self.headers)
            .field("body_bytes", &self.body.len())
            .finish()
    }
}

/// Where a prepared request goes and how the SDK names itself.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    pub wire: Wire,
    /// SOAP: the service's `.svc` endpoint URL. REST: the service's base URL (scheme, host
    /// and any path prefix of an endpoint override); the route's path is appended.
    pub endpoint: &'a str,
    pub user_agent: &'a str,
}

/// Builds the HTTP request for `body` on `target.wire`. `credentials` are values by SOAP
/// header name (`AuthenticationToken`, `UserName`, `Password`, `DeveloperToken`,
/// `CustomerId`, `CustomerAccountId`); only those the operation's binding declares are
/// sent, and an empty value is never sent.
pub fn prepare(
    target: Target<'_>,
    credentials: &[(&'static str, SecretString)],
    body: &dyn RequestBody,
) -> Result<PreparedRequest, Error> {
    if !target.wire.is_compiled() {
        return Err(not_compiled(target.wire));
    }
    match target.wire {
        Wire::Soap => prepare_soap(target, credentials, body),
        Wire::Rest => prepare_rest(target, credentials, body),
    }
}

/// The configuration error for a wire left out of the build.
pub(crate) fn not_compiled(wire: Wire) -> Error {
    ConfigError::WireNotCompiled { wire }.into()
}

fn prepare_soap(
    target: Target<'_>,
    credentials: &[(&'static str, SecretString)],
    body: &dyn RequestBody,
) -> Result<PreparedRequest, Error> {
    let op = body.operation();
    let pairs: Vec<(&str, &str)> = credentials.iter().map(|(n, v)| (*n, v.expose())).collect();
    // Text XML 1.0 cannot carry would make the envelope invalid XML: refuse it here, before
    // anything is sent (JSON escapes the same text, so REST sends it).
    let envelope = try_write_envelope(body, &pairs).map_err(|source| Error::Unsendable {
        service: op.service.name,
        operation: op.name,
        source,
    })?;
    let mut headers = vec![
        (
            "Content-Type",
            HeaderValue::Plain("text/xml; charset=utf-8".into()),
        ),
        (
            "SOAPAction",
            HeaderValue::Plain(format!("\"{}\"", op.soap_action)),
        ),
    ];
    push_common(&mut headers, op, target.user_agent);
    Ok(PreparedRequest {
        wire: Wire::Soap,
        method: HttpMethod::Post,
        url: target.endpoint.to_string(),
        headers,
        body: envelope.into_bytes(),
    })
}

#[cfg(feature = "rest")]
fn prepare_rest(
    target: Target<'_>,
    credentials: &[(&'static str, SecretString)],
    body: &dyn RequestBody,
) -> Result<PreparedRequest, Error> {
    let op = body.operation();
    let route = op.rest.ok_or(Error::NoRestRoute {
        service: op.service.name,
        operation: op.name,
    })?;
    let declared = |name: &str| -> Option<&SecretString> {
        if !op.has_input_header(name) {
            return None;
        }
        credentials
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v)
            .filter(|v| !v.is_empty())
    };
    let mut headers = Vec::with_capacity(10);
    if let Some(token) = declared("AuthenticationToken") {
        let bearer = SecretString::new(format!("Bearer {}", token.expose()));
        headers.push(("Authorization", HeaderValue::Secret(bearer)));
    }
    for name in ["UserName", "Password", "DeveloperToken"] {
        if let Some(v) = declared(name) {
            headers.push((name, HeaderValue::Secret(v.clone())));
        }
    }
    for name in ["CustomerId", "CustomerAccountId"] {
        if let Some(v) = declared(name) {
            headers.push((name, HeaderValue::Plain(v.expose().to_string())));
        }
    }
    push_common(&mut headers, op, target.user_agent);
    headers.push(("Accept", HeaderValue::Plain("application/json".into())));
    headers.push((
        "Content-Type",
        HeaderValue::Plain("application/json".into()),
    ));
    let mut json = Vec::with_capacity(256);
    body.write_json_body(&mut json);
    Ok(PreparedRequest {
        wire: Wire::Rest,
        method: route.method,
        url: format!("{}{}", target.endpoint.trim_end_matches('/'), route.path),
        headers,
        body: json,
    })
}

#[cfg(not(feature = "rest"))]
fn prepare_rest(
    _target: Target<'_>,
    _credentials: &[(&'static str, SecretString)],
    _body: &dyn RequestBody,
) -> Result<PreparedRequest, Error> {
    Err(not_compiled(Wire::Rest))
}

fn push_common(
    headers: &mut Vec<(&'static str, HeaderValue)>,
    op: &OperationMeta,
    user_agent: &str,
) {
    if !op.service.api_revision.is_empty() {
        headers.push((
            "Api-Revision",
            HeaderValue::Plain(op.service.api_revision.to_string()),
        ));
    }
    headers.push(("User-Agent", HeaderValue::Plain(user_agent.to_string())));
}

/// A URL fit for an error message or a log line: no user name, password, query or fragment
/// (an endpoint override may carry any of them, and the message may end up in a ticket).
pub fn redact_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) => {
            let _ = u.set_username("");
            let _ = u.set_password(None);
            u.set_query(None);
            u.set_fragment(None);
            u.to_string()
        }
        // Not a URL, so no telling which part is safe to show.
        Err(_) => "<unparseable URL>".to_string(),
    }
}
