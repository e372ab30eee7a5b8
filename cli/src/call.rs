//! `bingads call` (and `--dry-run`) and `bingads decode`.
//!
//! Output shape, the same for `call` and `decode`:
//! - success: stdout gets `{"TrackingId": "...", "Response": {...}}` — the response body in
//!   its REST JSON form under `Response`, the service's TrackingId beside it (`null` when
//!   the service sent none);
//! - a SOAP fault: stderr gets the fault as JSON, `{"FaultCode", "Message", "TrackingId",
//!   "Detail"}` (the detail in the REST form of the service's fault type), exit code 3;
//! - anything else: `error: ...` and `hint: ...` lines on stderr, exit codes 1, 2, 4 or 5.

use std::time::Duration;

use bingads::{Error, RetryPolicy, ServiceFault};
use bingads_gen::json::{JsonOperation, JsonReply, JsonRequest, JsonWriter};
use bingads_gen::soap::{OperationMeta, RequestBody, Transport, try_write_envelope};
use bingads_gen::xml::XmlWriter;

use crate::error::{CliError, Exit};
use crate::input::parse_request;
use crate::services::{self, Service};
use crate::settings::{REDACTED, Settings};

/// A JSON request seen as the SOAP body it writes.
struct Body<'a>(&'a dyn JsonRequest);

impl RequestBody for Body<'_> {
    fn operation(&self) -> &'static OperationMeta {
        self.0.operation()
    }
    fn write_soap_body(&self, w: &mut XmlWriter) {
        self.0.write_soap_body(w)
    }
    fn write_json_body(&self, out: &mut Vec<u8>) {
        self.0.write_json_body(out)
    }
}

/// The request envelope `request` is sent as, with these header values (only the headers the
/// operation declares are written); an error when its text cannot be carried by XML.
pub fn envelope(request: &dyn JsonRequest, headers: &[(&str, String)]) -> Result<String, CliError> {
    let pairs: Vec<(&str, &str)> = headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
    try_write_envelope(&Body(request), &pairs).map_err(unsendable)
}

fn unsendable(e: impl std::fmt::Display) -> CliError {
    CliError::usage(format!("nothing was sent: {e}"))
}

/// What `--dry-run` prints and notes.
#[derive(Debug, Clone)]
pub struct DryRun {
    /// The complete request envelope (stdout).
    pub envelope: String,
    /// `POST URL`, `SOAPAction`, and notes about missing credentials (stderr).
    pub notes: Vec<String>,
}

/// Builds the envelope `call` would send, without sending anything.
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
    let (headers, mut notes) = settings.dry_run_headers(show_secrets);
    let envelope = envelope(request.as_ref(), &headers)?;
    notes.insert(0, format!("POST {}", settings.endpoint_url(svc.meta)));
    notes.insert(1, format!("SOAPAction: \"{}\"", op.meta.soap_action));
    if !op.meta.service.api_revision.is_empty() {
        notes.insert(2, format!("Api-Revision: {}", op.meta.service.api_revision));
    }
    Ok(DryRun { envelope, notes })
}

/// A JSON string literal.
fn json_string(s: &str) -> String {
    let mut w = JsonWriter::new();
    w.string(s);
    w.into_string()
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

/// A decoded reply as the command prints it: `Ok(stdout)` or a fault error (stderr, exit 3).
pub fn reply_output(reply: &JsonReply) -> Result<String, CliError> {
    match &reply.body {
        Ok(json) => Ok(response_document(reply.tracking_id(), json)),
        Err(fault_json) => Err(fault_error(fault_json.clone())),
    }
}

fn fault_error(fault_json: String) -> CliError {
    let mut e = CliError::new(Exit::Fault, "the service answered with a SOAP fault");
    e.raw_stderr = Some(fault_json);
    e
}

/// A fault the SDK's transport reported, as JSON: decoded with the operation's own types when
/// possible, else from the scanned error list.
fn fault_json(op: &JsonOperation, fault: &ServiceFault) -> String {
    if let Ok(JsonReply {
        body: Err(json), ..
    }) = (op.decode_response)(fault.raw_xml(), false)
    {
        return json;
    }
    let mut w = JsonWriter::pretty();
    w.begin_object();
    w.key("FaultCode");
    w.string(&fault.fault_code);
    w.key("Message");
    w.string(&fault.message);
    if let Some(t) = &fault.tracking_id {
        w.key("TrackingId");
        w.string(t);
    }
    w.key("Errors");
    w.begin_array();
    for e in &fault.errors {
        w.item();
        w.begin_object();
        if let Some(c) = e.code {
            w.key("Code");
            w.raw_number(&c.to_string());
        }
        for (key, value) in [
            ("ErrorCode", &e.error_code),
            ("Message", &e.message),
            ("Details", &e.details),
            ("FieldPath", &e.field_path),
        ] {
            if let Some(v) = value {
                w.key(key);
                w.string(v);
            }
        }
        if let Some(i) = e.index {
            w.key("Index");
            w.raw_number(&i.to_string());
        }
        w.end_object();
    }
    w.end_array();
    w.end_object();
    w.into_string()
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
    let body = Body(request);
    match transport.send(&body).await {
        Ok(raw) => {
            let reply = (op.decode_response)(&raw.body, false).map_err(|e| {
                CliError::new(
                    Exit::Transport,
                    format!("could not decode the service's response: {e}"),
                )
                .hint("this is a bug in the service or in bingads; `--dry-run` shows the request that was sent")
            })?;
            reply_output(&reply)
        }
        Err(Error::Fault(fault)) => Err(fault_error(fault_json(op, &fault))),
        Err(e) => Err(call_error(e, settings)),
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
        Error::Config(m) => CliError::usage(m),
        Error::Unsendable { source, .. } => unsendable(source),
        Error::Connect { .. } if settings.endpoint.is_some() => {
            CliError::new(Exit::Transport, e.to_string())
                .hint("check --endpoint / BINGADS_ENDPOINT (is the emulator running?)")
        }
        other => CliError::new(Exit::Transport, other.to_string()),
    }
}

/// `bingads decode`: a response envelope as `call` would print it, or (`request`) a request
/// envelope as the JSON `call` takes, with its headers (secrets redacted unless
/// `show_secrets`) as notes.
pub fn decode(
    service: &str,
    operation: &str,
    envelope: &[u8],
    request: bool,
    show_secrets: bool,
) -> Result<(String, Vec<String>), CliError> {
    let (_, op) = services::find_operation(service, operation)?;
    let what = if request { "request" } else { "response" };
    let bad = |e: bingads_gen::xml::DecodeError| {
        CliError::usage(format!("not a {} {what} envelope: {e}", op.meta.name)).hint(if request {
            "decode --request reads what `bingads call --dry-run` prints"
        } else {
            "decode reads a response envelope (or a fault); add --request for a request envelope"
        })
    };
    if request {
        let (headers, json) = (op.decode_request)(envelope, false).map_err(bad)?;
        let notes = headers
            .into_iter()
            .map(|(name, value)| {
                let secret = matches!(
                    name.as_str(),
                    "AuthenticationToken" | "Password" | "DeveloperToken"
                );
                let shown = if secret && !show_secrets {
                    REDACTED.to_string()
                } else {
                    value
                };
                format!("{name}: {shown}")
            })
            .collect();
        let mut out = json;
        out.push('\n');
        Ok((out, notes))
    } else {
        let reply = (op.decode_response)(envelope, false).map_err(bad)?;
        Ok((reply_output(&reply)?, Vec::new()))
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
