//! Error objects found by shape: any object (JSON) or element (XML) with a scalar `Code` or
//! `ErrorCode` is an error, whichever detail type holds it. Every detail type of these WSDLs
//! (AdApiFaultDetail, ApiFaultDetail with BatchErrors and OperationErrors,
//! EditorialApiFaultDetail, ApiBatchFault, ApiFault) and the REST-only `AdCenter*Fault`
//! family are lists of such objects, so retries see the codes of every service alike, and a
//! detail type added later still yields its codes.

use bingads_gen::xml::XmlElement;
#[cfg(feature = "rest")]
use serde_json::{Map, Value};

use super::{AnyFaultDetail, ApiError};

/// Members that are the fault's own, not details of an error.
#[cfg(feature = "rest")]
const FAULT_MEMBERS: [&str; 2] = ["Type", "TrackingId"];

/// What a typed detail says for itself, read from its REST form (no document is parsed
/// again): its errors and its own `TrackingId`.
#[cfg(feature = "rest")]
pub(super) fn read_typed(detail: &dyn AnyFaultDetail) -> Option<(Vec<ApiError>, Option<String>)> {
    let Value::Object(object) = detail.to_json_value() else {
        return Some((Vec::new(), None));
    };
    let mut errors = Vec::new();
    collect_json(&object, "", &mut errors);
    let tracking_id = object
        .get("TrackingId")
        .and_then(Value::as_str)
        .filter(|t| !t.is_empty())
        .map(str::to_string);
    Some((errors, tracking_id))
}

/// Without the REST form (no `rest` feature) the errors are found in the document's tree.
#[cfg(not(feature = "rest"))]
pub(super) fn read_typed(_detail: &dyn AnyFaultDetail) -> Option<(Vec<ApiError>, Option<String>)> {
    None
}

/// Collects every error-shaped object under `object` (itself included, for the
/// `AdCenter*Fault` family), in document order. `list` names the array (or, for the fault
/// object itself, its type) the error came from.
#[cfg(feature = "rest")]
pub(super) fn collect_json(object: &Map<String, Value>, list: &str, out: &mut Vec<ApiError>) {
    if let Some(error) = json_error(object, list) {
        out.push(error);
    }
    for (key, value) in object {
        match value {
            Value::Array(items) => {
                for item in items {
                    if let Some(item) = item.as_object() {
                        collect_json(item, key, out);
                    }
                }
            }
            Value::Object(child) => collect_json(child, key, out),
            _ => {}
        }
    }
}

#[cfg(feature = "rest")]
fn json_error(object: &Map<String, Value>, list: &str) -> Option<ApiError> {
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
#[cfg(feature = "rest")]
pub(super) fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Collects every element shaped like an error (a leaf `Code` or `ErrorCode` child).
pub(super) fn collect_xml(root: &XmlElement, out: &mut Vec<ApiError>) {
    root.walk(&mut |e, parent| {
        let is_error = e
            .children
            .iter()
            .any(|c| (c.name == "Code" || c.name == "ErrorCode") && c.children.is_empty());
        if !is_error {
            return;
        }
        let mut err = ApiError {
            list: parent.map(|p| p.name.clone()).unwrap_or_default(),
            type_name: e.xsi_type.clone(),
            ..Default::default()
        };
        for c in e
            .children
            .iter()
            .filter(|c| c.children.is_empty() && !c.nil)
        {
            let text = c.text.trim();
            match c.name.as_str() {
                "Code" => err.code = text.parse().ok(),
                "ErrorCode" => err.error_code = Some(text.to_string()),
                "Message" => err.message = Some(text.to_string()),
                "Details" | "Detail" => err.details = Some(text.to_string()),
                "Index" => err.index = text.parse().ok(),
                "FieldPath" => err.field_path = Some(text.to_string()),
                other => err.other.push((other.to_string(), text.to_string())),
            }
        }
        out.push(err);
    });
}
