//! The one JSON shape every service fault is printed in, whichever wire it came over (and
//! whether from a call or an offline `decode`), on stderr with exit code 3:
//!
//! ```json
//! {
//!   "Wire": "rest",                  "rest" or "soap"
//!   "HttpStatus": 400,               absent when unknown (an offline SOAP decode)
//!   "FaultCode": "s:Server",         SOAP only: the envelope's faultcode
//!   "Message": "...",                SOAP faultstring / REST Message (else type and status)
//!   "TrackingId": "...",             quote it to Microsoft support
//!   "Errors": [{"Code": 1, "ErrorCode": "...", "Message": "...", "Details": "...",
//!               "FieldPath": "...", "Index": 0, "Type": "..."}],
//!   "Detail": {"Type": "ApiFaultDetail", ...}   the typed detail in the REST form
//! }
//! ```
//!
//! `Errors` is every error of every list in the detail (the codes retries key on), read by
//! shape, so it is there even when `Detail` cannot be typed; `Detail` is the detail decoded
//! with the operation's own fault types.

use bingads::{ServiceFault, Wire};
use bingads_gen::json::{JsonKind, JsonOperation, JsonReply, JsonValue, JsonWriter};

use crate::error::{CliError, Exit};

/// The fault as the error a command exits with.
pub fn fault_error(op: &JsonOperation, fault: &ServiceFault) -> CliError {
    let mut e = CliError::new(Exit::Fault, "the service answered with a fault");
    e.raw_stderr = Some(fault_document(op, fault));
    e
}

/// The fault's JSON document (see the module documentation).
pub fn fault_document(op: &JsonOperation, fault: &ServiceFault) -> String {
    let mut w = JsonWriter::pretty();
    w.begin_object();
    w.key("Wire");
    w.string(fault.wire.as_str());
    if fault.http_status != 0 {
        w.key("HttpStatus");
        w.raw_number(&fault.http_status.to_string());
    }
    if !fault.fault_code.is_empty() {
        w.key("FaultCode");
        w.string(&fault.fault_code);
    }
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
        if let Some(t) = &e.type_name {
            w.key("Type");
            w.string(t);
        }
        w.end_object();
    }
    w.end_array();
    if let Some(detail) = typed_detail(op, fault) {
        w.key("Detail");
        write_value(&detail, &mut w);
    }
    w.end_object();
    let mut out = w.into_string();
    out.push('\n');
    out
}

/// The detail decoded with the operation's generated fault types.
fn typed_detail(op: &JsonOperation, fault: &ServiceFault) -> Option<JsonValue> {
    match fault.wire {
        Wire::Rest => {
            let json = (op.decode_rest_fault)(fault.detail_name.as_deref()?, fault.raw_body())?;
            bingads_gen::json::parse(&json).ok()
        }
        Wire::Soap => {
            let reply = (op.decode_response)(fault.raw_body(), false).ok()?;
            let JsonReply {
                body: Err(json), ..
            } = reply
            else {
                return None;
            };
            // `decode_response` writes {"FaultCode", "Message", "TrackingId", "Detail"}.
            let value = bingads_gen::json::parse(&json).ok()?;
            value.get("Detail").cloned()
        }
    }
}

/// Writes a parsed value back (numbers keep their text, members their order).
pub fn write_value(v: &JsonValue, w: &mut JsonWriter) {
    match &v.kind {
        JsonKind::Null => w.null(),
        JsonKind::Bool(b) => w.bool(*b),
        JsonKind::Number(n) => w.raw_number(n),
        JsonKind::String(s) => w.string(s),
        JsonKind::Array(items) => {
            w.begin_array();
            for item in items {
                w.item();
                write_value(item, w);
            }
            w.end_array();
        }
        JsonKind::Object(members) => {
            w.begin_object();
            for (key, member) in members {
                w.key(key);
                write_value(member, w);
            }
            w.end_object();
        }
    }
}
