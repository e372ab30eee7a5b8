//! SOAP faults: the envelope read once with the operation's detail types; a generic tree
//! only for a detail no typed reader knows (or a document the typed reader refuses).

use bingads_gen::xml::XmlElement;

use super::{FaultReader, ServiceFault, shape};
use crate::Wire;

/// Reads a SOAP fault envelope; `None` when `body` is not one.
pub(super) fn read(body: &[u8], reader: FaultReader) -> Option<ServiceFault> {
    let fault = match reader.read_soap(body) {
        Ok(fault) => fault?,
        // A detail whose values do not fit its types: still a fault, read by shape.
        Err(_) => return read_tree(body),
    };
    let typed = fault.detail.as_deref().and_then(shape::read_typed);
    let (errors, detail_tracking) = match typed {
        Some(found) => found,
        None if fault.detail_element.is_some() => {
            let mut generic = read_tree(body)?;
            generic.typed = fault.detail;
            return Some(generic);
        }
        None => (Vec::new(), None),
    };
    Some(ServiceFault {
        service: "",
        operation: "",
        fault_code: fault.code,
        message: fault.message,
        tracking_id: fault.tracking_id.or(detail_tracking),
        http_status: 0,
        errors,
        detail_name: fault.detail_element,
        wire: Wire::Soap,
        typed: fault.detail,
        raw: body.to_vec(),
    })
}

/// Reads a fault envelope as a generic tree: codes, messages and errors by shape, no typed
/// detail.
fn read_tree(body: &[u8]) -> Option<ServiceFault> {
    let root = XmlElement::parse(body).ok()?;
    if root.name != "Envelope" {
        return None;
    }
    let fault = root.child("Body")?.child("Fault")?;
    let header_tracking = root
        .child("Header")
        .and_then(|h| h.child_text("TrackingId"));
    let detail = fault.child("detail").and_then(|d| d.children.first());
    let detail_tracking = detail
        .and_then(|d| d.find("TrackingId"))
        .filter(|t| !t.nil)
        .map(|t| t.text.as_str());
    let mut errors = Vec::new();
    if let Some(detail) = detail {
        shape::collect_xml(detail, &mut errors);
    }
    let text = |name| fault.child_text(name).unwrap_or_default().to_string();
    Some(ServiceFault {
        service: "",
        operation: "",
        fault_code: text("faultcode"),
        message: text("faultstring"),
        tracking_id: header_tracking.or(detail_tracking).map(str::to_string),
        http_status: 0,
        errors,
        detail_name: detail.map(|d| d.name.clone()),
        wire: Wire::Soap,
        typed: None,
        raw: body.to_vec(),
    })
}
