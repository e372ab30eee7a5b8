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
//! shape, so it is there even when `Detail` cannot be typed; `Detail` is the typed detail
//! the SDK read with the operation's own fault types, written in the REST form. Nothing
//! here reads the fault's document again.

use bingads::ServiceFault;
use serde_json::{Map, Value};

use crate::error::{CliError, Exit};

/// The fault as the error a command exits with.
pub fn fault_error(fault: &ServiceFault) -> CliError {
    let mut e = CliError::new(Exit::Fault, "the service answered with a fault");
    e.raw_stderr = Some(fault_document(fault));
    e
}

/// The fault's JSON document (see the module documentation). Members keep their order:
/// serde_json's `preserve_order` is on for this crate.
pub fn fault_document(fault: &ServiceFault) -> String {
    let mut doc = Map::new();
    doc.insert("Wire".into(), fault.wire.as_str().into());
    if fault.http_status != 0 {
        doc.insert("HttpStatus".into(), fault.http_status.into());
    }
    if !fault.fault_code.is_empty() {
        doc.insert("FaultCode".into(), fault.fault_code.as_str().into());
    }
    doc.insert("Message".into(), fault.message.as_str().into());
    if let Some(t) = &fault.tracking_id {
        doc.insert("TrackingId".into(), t.as_str().into());
    }
    let errors = fault
        .errors
        .iter()
        .map(|e| {
            let mut error = Map::new();
            if let Some(c) = e.code {
                error.insert("Code".into(), c.into());
            }
            for (key, value) in [
                ("ErrorCode", &e.error_code),
                ("Message", &e.message),
                ("Details", &e.details),
                ("FieldPath", &e.field_path),
            ] {
                if let Some(v) = value {
                    error.insert(key.into(), v.as_str().into());
                }
            }
            if let Some(i) = e.index {
                error.insert("Index".into(), i.into());
            }
            if let Some(t) = &e.type_name {
                error.insert("Type".into(), t.as_str().into());
            }
            Value::Object(error)
        })
        .collect();
    doc.insert("Errors".into(), Value::Array(errors));
    if let Some(detail) = fault.detail_json() {
        doc.insert("Detail".into(), detail);
    }
    // A tree of plain values: serializing cannot fail.
    let mut out = serde_json::to_string_pretty(&Value::Object(doc)).unwrap_or_default();
    out.push('\n');
    out
}
