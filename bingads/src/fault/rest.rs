//! REST faults, read into the same [`ServiceFault`] as SOAP faults.
//!
//! A REST fault is an HTTP error status whose JSON body is an `ApplicationFault` object
//! named by its `Type`: `AdApiFaultDetail` (`Errors`), `ApiFaultDetail` (`BatchErrors`,
//! `OperationErrors`), `EditorialApiFaultDetail` (plus `EditorialErrors`), Customer
//! Management's `ApiFault` / `ApiBatchFault`, and the REST-only `AdCenter*Fault` family
//! (authentication and authorization failures: one error as `ErrorCode` + `ErrorMessage`).
//! Microsoft's PHP migration guide shows the same object wrapped as
//! `{"ApplicationFault": {...}}`; both forms are read. The body is parsed once; the errors
//! (by shape) and the typed detail are both read from that one value.

use serde_json::Value;

use super::{FaultReader, ServiceFault, shape};
use crate::Wire;

/// Reads a REST fault body; `None` when the body is not a JSON fault object (the caller then
/// reports the HTTP status with an excerpt).
pub(super) fn read(raw: &[u8], http_status: u16, reader: FaultReader) -> Option<ServiceFault> {
    let root: Value = serde_json::from_slice(raw).ok()?;
    let mut value = &root;
    if let Some(inner) = root.get("ApplicationFault").filter(|v| v.is_object()) {
        if root.as_object().is_some_and(|o| o.len() == 1) {
            value = inner;
        }
    }
    let object = value.as_object()?;
    let type_name = object.get("Type").and_then(Value::as_str);
    let mut errors = Vec::new();
    shape::collect_json(object, type_name.unwrap_or("ApplicationFault"), &mut errors);
    if type_name.is_none() && errors.is_empty() {
        return None;
    }
    let tracking_id = object
        .get("TrackingId")
        .and_then(Value::as_str)
        .filter(|t| !t.is_empty())
        .map(str::to_string);
    let message = ["Message", "ErrorMessage"]
        .iter()
        .find_map(|k| object.get(*k).and_then(Value::as_str))
        .map(str::to_string)
        .unwrap_or_else(|| {
            format!(
                "{} (HTTP {http_status})",
                type_name.unwrap_or("ApplicationFault")
            )
        });
    let typed = type_name.and_then(|t| reader.read_rest(t, value));
    Some(ServiceFault {
        service: "",
        operation: "",
        fault_code: String::new(),
        message,
        tracking_id,
        http_status,
        errors,
        detail_name: type_name.map(str::to_string),
        wire: Wire::Rest,
        typed,
        raw: raw.to_vec(),
    })
}
