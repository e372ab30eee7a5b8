//! REST faults, read into the same [`ServiceFault`] as SOAP faults.
//!
//! A REST fault is an HTTP error status whose JSON body is an `ApplicationFault` object
//! named by its `Type`: `AdApiFaultDetail` (`Errors`), `ApiFaultDetail` (`BatchErrors`,
//! `OperationErrors`), `EditorialApiFaultDetail` (plus `EditorialErrors`), Customer
//! Management's `ApiFault` / `ApiBatchFault`, and the REST-only `AdCenter*Fault` family
//! (authentication and authorization failures: one error as `ErrorCode` + `ErrorMessage`).
//! Microsoft's PHP migration guide shows the same object wrapped as
//! `{"ApplicationFault": {...}}`; both forms are read.
//!
//! As with SOAP, errors are found by shape (an object with a scalar `Code` or `ErrorCode`),
//! so retries see the codes (109, 117, 207, 4204) before any typed decoding, and a fault
//! type added later still yields its codes. The typed detail is decoded on demand
//! ([`ServiceFault::detail`]) from the kept object.

use serde_json::{Map, Value};

use crate::fault::{ApiError, ServiceFault};

/// Members that are the fault's own, not details of an error.
const FAULT_MEMBERS: [&str; 2] = ["Type", "TrackingId"];

/// Reads a REST fault body; `None` when the body is not a JSON fault object (the caller then
/// reports the HTTP status with an excerpt).
pub(crate) fn scan(
    raw: &[u8],
    http_status: u16,
    header_tracking_id: Option<String>,
    service: &'static str,
    operation: &'static str,
) -> Option<ServiceFault> {
    let root: Value = serde_json::from_slice(raw).ok()?;
    let mut object = root.as_object()?;
    if let Some(inner) = object.get("ApplicationFault").and_then(Value::as_object) {
        if object.len() == 1 {
            object = inner;
        }
    }
    let type_name = object.get("Type").and_then(Value::as_str);
    let mut errors = Vec::new();
    collect(object, type_name.unwrap_or("ApplicationFault"), &mut errors);
    let looks_like_fault = type_name.is_some() || !errors.is_empty();
    if !looks_like_fault {
        return None;
    }
    let body_tracking = object
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
    let kept = serde_json::to_vec(object).unwrap_or_default();
    Some(ServiceFault::from_rest(
        service,
        operation,
        message,
        header_tracking_id.or(body_tracking),
        http_status,
        errors,
        type_name.map(str::to_string),
        kept,
    ))
}

/// Collects every error-shaped object under `object` (itself included, for the
/// `AdCenter*Fault` family), in document order. `list` names the array (or, for the fault
/// object itself, its type) the error came from.
fn collect(object: &Map<String, Value>, list: &str, out: &mut Vec<ApiError>) {
    if let Some(error) = as_error(object, list) {
        out.push(error);
    }
    for (key, value) in object {
        match value {
            Value::Array(items) => {
                for item in items {
                    if let Some(item) = item.as_object() {
                        collect(item, key, out);
                    }
                }
            }
            Value::Object(child) => collect(child, key, out),
            _ => {}
        }
    }
}

fn as_error(object: &Map<String, Value>, list: &str) -> Option<ApiError> {
    let code = object.get("Code").and_then(scalar_text);
    let error_code = object.get("ErrorCode").and_then(scalar_text);
    if code.is_none() && error_code.is_none() {
        return None;
    }
    let mut error = ApiError {
        code: code.as_deref().and_then(|c| c.trim().parse().ok()),
        error_code,
        list: list.to_string(),
        type_name: object
            .get("Type")
            .and_then(Value::as_str)
            .map(str::to_string),
        ..Default::default()
    };
    for (key, value) in object {
        let Some(text) = scalar_text(value) else {
            continue;
        };
        match key.as_str() {
            "Code" | "ErrorCode" | "Type" => {}
            "Message" | "ErrorMessage" => error.message = Some(text),
            "Details" | "Detail" => error.details = Some(text),
            "Index" => error.index = text.trim().parse().ok(),
            "FieldPath" => error.field_path = Some(text),
            k if FAULT_MEMBERS.contains(&k) => {}
            other => error.other.push((other.to_string(), text)),
        }
    }
    Some(error)
}

/// A JSON scalar as text (`null` and containers are not scalars).
fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}
