//! `bingads call` (and `--dry-run`) and `bingads decode`, on either wire.
//!
//! Output shape, the same for `call` and `decode` and for both wires:
//! - success: stdout gets `{"TrackingId": "...", "Response": {...}}` — the response body in
//!   its REST JSON form under `Response`, the service's TrackingId beside it (`null` when
//!   the service sent none);
//! - a service fault: stderr gets the fault as JSON in one shape for both wires (see
//!   `fault_output`), exit code 3;
//! - anything else: `error: ...` and `hint: ...` lines on stderr, exit codes 1, 2, 4 or 5.
//!
//! `--dry-run` prints the request as an HTTP/1.1 message built by the SDK's own
//! `ServiceTransport::prepare_with`, the code that sends: the URL, headers and body are
//! exactly what a call would send (credentials redacted unless `--show-secrets`).

use std::time::Duration;

use bingads::{Error, RetryPolicy, SecretString, ServiceFault, Wire};
use bingads_gen::json::{JsonOperation, JsonReply, JsonRequest, Mode};
use bingads_gen::soap::{BodyFormat, FaultReader, OperationMeta, RequestBody, Transport};
use bingads_gen::xml::XmlWriter;

use crate::error::{CliError, Exit};
use crate::fault_output::fault_error;
use crate::http_message;
use crate::input::parse_request;
use crate::services::{self, Service};
use crate::settings::{REDACTED, Settings};

/// A JSON request seen as the request body it writes on either wire, with its operation's
/// fault reader (so a fault answer is read once, typed, by the transport).
struct Body<'a>(&'a dyn JsonRequest, &'a JsonOperation);

impl RequestBody for Body<'_> {
    fn operation(&self) -> &'static OperationMeta {
        self.0.operation()
    }
    fn fault_reader(&self) -> FaultReader {
        self.1.fault_reader
    }
    fn write_soap_body(&self, w: &mut XmlWriter) {
        self.0.write_soap_body(w)
    }
}

impl bingads::json::JsonBody for Body<'_> {
    fn write_json_body(&self, out: &mut Vec<u8>) {
        self.0.write_json_body(out)
    }
}

/// What `--dry-run` prints and notes.
#[derive(Debug, Clone)]
pub struct DryRun {
    /// The request as an HTTP/1.1 message (stdout).
    pub message: String,
    /// The wire it is for.
    pub wire: Wire,
    /// The body alone: JSON on REST, the envelope on SOAP.
    pub body: String,
    /// Notes about missing credentials (stderr).
    pub notes: Vec<String>,
}

/// Builds the request `call` would send, without sending anything.
pub fn dry_run(
    service: &str,
    operation: &str,
    request_json: &[u8],
    source: &str,
    settings: &Settings,
    show_secrets: bool,
) -> Result<DryRun, CliError> {
    let (svc, op) = services::find_operation(service, operation)?;
    let request = parse_request(svc.short_name(), op, request_json, source)?;
    let (values, notes) = settings.dry_run_headers(show_secrets);
    let credentials: Vec<(&'static str, SecretString)> = values
        .into_iter()
        .map(|(name, value)| (name, SecretString::new(value)))
        .collect();
    let client = settings.dry_run_client()?;
    let transport = client
        .transport(svc.meta)
        .map_err(|e| CliError::usage(e.to_string()))?;
    let prepared = transport
        .prepare_with(&credentials, &Body(request.as_ref(), op))
        .map_err(|e| request_error(e, settings))?;
    Ok(DryRun {
        message: prepared.to_http_message(show_secrets),
        wire: prepared.wire,
        body: String::from_utf8_lossy(&prepared.body).into_owned(),
        notes,
    })
}

/// A JSON string literal.
fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// Indents every line but the first by two spaces (JSON strings never hold a raw newline, so
/// this only moves structure).
fn indent(json: &str) -> String {
    json.replace('\n', "\n  ")
}

/// The success document: `{"TrackingId": ..., "Response": ...}`.
pub fn response_document(tracking_id: Option<&str>, response_json: &str) -> String {
    let tracking = tracking_id.map_or_else(|| "null".to_string(), json_string);
    format!(
        "{{\n  \"TrackingId\": {tracking},\n  \"Response\": {}\n}}\n",
        indent(response_json.trim_end())
    )
}

/// A decoded SOAP reply as the command prints it: `Ok(stdout)` or a fault error (stderr,
/// exit 3).
fn soap_reply_output(
    op: &JsonOperation,
    envelope: &[u8],
    reply: &JsonReply,
) -> Result<String, CliError> {
    match &reply.body {
        Ok(json) => Ok(response_document(reply.tracking_id(), json)),
        Err(_) => Err(soap_fault_error(op, envelope)),
    }
}

/// A REST 2xx body as the command prints it, read leniently (members and values a newer
/// service added are kept or skipped, as on SOAP).
fn rest_reply_output(
    op: &JsonOperation,
    body: &[u8],
    tracking_id: Option<&str>,
) -> Result<String, bingads_gen::json::JsonError> {
    let body = body.strip_prefix("\u{feff}".as_bytes()).unwrap_or(body);
    // Operations whose response has no members may answer with an empty body.
    let body: &[u8] = if body.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        body
    };
    let response = (op.read_response)(body, Mode::Lenient)?;
    Ok(response_document(tracking_id, &response.to_json_pretty()))
}

fn soap_fault_error(op: &JsonOperation, envelope: &[u8]) -> CliError {
    let fault = ServiceFault::read(Wire::Soap, envelope, 0, None, op.meta, op.fault_reader);
    match fault {
        Some(fault) => fault_error(&fault),
        None => CliError::new(Exit::Fault, "the service answered with a fault"),
    }
}

/// Options of a real call.
#[derive(Debug, Clone)]
pub struct CallOptions {
    pub max_attempts: u32,
    pub timeout: Duration,
}

impl Default for CallOptions {
    fn default() -> Self {
        CallOptions {
            max_attempts: RetryPolicy::default().max_attempts,
            timeout: Duration::from_secs(120),
        }
    }
}

/// Sends the request and returns what to print on stdout.
pub async fn call(
    svc: &'static Service,
    op: &'static JsonOperation,
    request: &dyn JsonRequest,
    settings: &Settings,
    options: &CallOptions,
) -> Result<String, CliError> {
    let retry = RetryPolicy {
        max_attempts: options.max_attempts.max(1),
        ..RetryPolicy::default()
    };
    let client = settings.client(retry, options.timeout)?;
    let transport = client
        .transport(svc.meta)
        .map_err(|e| CliError::usage(e.to_string()))?;
    let body = Body(request, op);
    match transport.send(&body).await {
        Ok(raw) => {
            let undecodable = |e: String| {
                CliError::new(
                    Exit::Transport,
                    format!("could not decode the service's response: {e}"),
                )
                .hint("this is a bug in the service or in bingads; `--dry-run` shows the request that was sent")
            };
            match raw.format {
                BodyFormat::Soap => {
                    let reply = (op.decode_response)(&raw.body, false)
                        .map_err(|e| undecodable(e.to_string()))?;
                    soap_reply_output(op, &raw.body, &reply)
                }
                BodyFormat::Json => rest_reply_output(op, &raw.body, raw.tracking_id.as_deref())
                    .map_err(|e| undecodable(e.to_string())),
            }
        }
        Err(Error::Fault(fault)) => Err(fault_error(&fault)),
        Err(e) => Err(call_error(e, settings)),
    }
}

/// A request that cannot be prepared: nothing was sent.
fn request_error(e: Error, settings: &Settings) -> CliError {
    match e {
        Error::NoRestRoute { .. } => CliError::usage(e.to_string())
            .hint("use the SOAP wire for it: --transport soap (or BINGADS_TRANSPORT=soap)"),
        Error::Unsendable { .. } => CliError::usage(e.to_string()),
        other => call_error(other, settings),
    }
}

pub(crate) fn call_error(e: Error, settings: &Settings) -> CliError {
    match e {
        Error::Auth(a) => {
            let mut err = CliError::new(Exit::Auth, a.to_string());
            if settings.profile.is_some() {
                err = err.hint(format!(
                    "sign in again with `bingads auth login --profile {}`",
                    settings.profile_name
                ));
            }
            err
        }
        Error::Config(m) => CliError::usage(m.to_string()),
        e @ (Error::Unsendable { .. } | Error::NoRestRoute { .. }) => request_error(e, settings),
        Error::Connect { .. } if settings.endpoint.is_some() => {
            CliError::new(Exit::Transport, e.to_string())
                .hint("check --endpoint / BINGADS_ENDPOINT (is the emulator running?)")
        }
        other => CliError::new(Exit::Transport, other.to_string()),
    }
}

/// `bingads decode`: a response (a SOAP envelope or a REST JSON body) as `call` would print
/// it, or (`request`) a request — either wire's `--dry-run` output, or a bare envelope or
/// JSON body — as the JSON `call` takes, with its headers (secrets redacted unless
/// `show_secrets`) as notes. `wire`, when given, must match the document.
pub fn decode(
    service: &str,
    operation: &str,
    input: &[u8],
    request: bool,
    show_secrets: bool,
    wire: Option<Wire>,
) -> Result<(String, Vec<String>), CliError> {
    let (_, op) = services::find_operation(service, operation)?;
    let message = http_message::parse(input);
    let found = http_message::wire_of(message.body).ok_or_else(|| {
        CliError::usage("the input is neither a SOAP envelope (`<`) nor a JSON body (`{`)").hint(
            if request {
                "decode --request reads what `bingads call --dry-run` prints"
            } else {
                "decode reads a response body as the service sent it"
            },
        )
    })?;
    if let Some(expected) = wire.filter(|w| *w != found) {
        return Err(CliError::usage(format!(
            "--transport {expected} was given, but the input is a {found} document"
        )));
    }
    let mut notes: Vec<String> = Vec::new();
    if let Some(line) = message.request_line {
        notes.push(line.to_string());
    }
    for (name, value) in &message.headers {
        notes.push(format!("{name}: {}", shown(name, value, show_secrets)));
    }
    let what = if request { "request" } else { "response" };
    let bad = |e: String| {
        CliError::usage(format!("not a {} {what} ({found}): {e}", op.meta.name)).hint(if request {
            "decode --request reads what `bingads call --dry-run` prints"
        } else {
            "decode reads a response body (or a fault); add --request for a request"
        })
    };
    match (request, found) {
        (true, Wire::Soap) => {
            let (headers, json) =
                (op.decode_request)(message.body, false).map_err(|e| bad(e.to_string()))?;
            for (name, value) in headers {
                let line = format!("{name}: {}", shown(&name, &value, show_secrets));
                if !notes.contains(&line) {
                    notes.push(line);
                }
            }
            Ok((format!("{json}\n"), notes))
        }
        (true, Wire::Rest) => {
            let request = (op.read_request)(message.body).map_err(|e| bad(e.to_string()))?;
            Ok((format!("{}\n", request.to_json_pretty()), notes))
        }
        (false, Wire::Soap) => {
            let reply =
                (op.decode_response)(message.body, false).map_err(|e| bad(e.to_string()))?;
            Ok((soap_reply_output(op, message.body, &reply)?, notes))
        }
        (false, Wire::Rest) => {
            let tracking = message.header("TrackingId").map(str::to_string);
            if let Some(fault) = ServiceFault::read(
                Wire::Rest,
                message.body,
                message.status.unwrap_or(0),
                tracking.clone(),
                op.meta,
                op.fault_reader,
            ) && fault.detail_name.is_some()
            {
                return Err(fault_error(&fault));
            }
            let out = rest_reply_output(op, message.body, tracking.as_deref())
                .map_err(|e| bad(e.to_string()))?;
            Ok((out, notes))
        }
    }
}

/// A header value as shown: credentials as `<redacted>` unless `show_secrets`.
fn shown<'v>(name: &str, value: &'v str, show_secrets: bool) -> &'v str {
    let secret = [
        "Authorization",
        "AuthenticationToken",
        "Password",
        "DeveloperToken",
    ]
    .iter()
    .any(|s| s.eq_ignore_ascii_case(name));
    if secret && !show_secrets {
        REDACTED
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn response_document_shape() {
        let doc = response_document(Some("t-1"), "{\n  \"A\": 1\n}");
        assert_eq!(
            doc,
            "{\n  \"TrackingId\": \"t-1\",\n  \"Response\": {\n    \"A\": 1\n  }\n}\n"
        );
        let doc = response_document(None, "{}");
        assert_eq!(doc, "{\n  \"TrackingId\": null,\n  \"Response\": {}\n}\n");
    }
}
