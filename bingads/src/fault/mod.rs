//! Service faults, read without knowing which service sent them.
//!
//! Every detail type in these WSDLs (AdApiFaultDetail, ApiFaultDetail with BatchErrors and
//! OperationErrors, EditorialApiFaultDetail, ApiBatchFault, ApiFault) is a list of error
//! objects with a `Code`, an `ErrorCode` and a `Message`. Scanning for that shape gives the
//! retry logic its codes before any typed decoding, works for every service alike, and keeps
//! working when a new WSDL adds a detail type. The typed detail is still one call away:
//! [`ServiceFault::detail`] decodes the kept fault document with the generated types.

use std::fmt;

use bingads_gen::soap::FaultDetailDecode;
use bingads_gen::xml::XmlElement;

/// One error inside a fault (or in a response's partial errors).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[doc(alias = "AdApiError")]
#[doc(alias = "OperationError")]
pub struct ApiError {
    /// The numeric code, e.g. `109`, `1102`.
    pub code: Option<i32>,
    /// The symbolic code, e.g. `AuthenticationTokenExpired`.
    pub error_code: Option<String>,
    pub message: Option<String>,
    /// `Details` / `Detail`, when the service filled it.
    pub details: Option<String>,
    /// For batch errors: the position of the failed item in the request.
    pub index: Option<i32>,
    pub field_path: Option<String>,
    /// The list the error came from: `OperationErrors`, `BatchErrors`, `EditorialErrors`,
    /// `Errors`, ...
    pub list: String,
    /// The error's `xsi:type`, e.g. `EditorialError`.
    pub type_name: Option<String>,
    /// Every other field the error carried (e.g. editorial `ReasonCode`, `Location`).
    pub other: Vec<(String, String)>,
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(code) = self.code {
            write!(f, "{code} ")?;
        }
        if let Some(ec) = &self.error_code {
            write!(f, "{ec}")?;
        }
        if let Some(i) = self.index {
            write!(f, " (item {i})")?;
        }
        if let Some(m) = &self.message {
            write!(f, ": {m}")?;
        }
        Ok(())
    }
}

/// A fault the service returned, on either wire.
#[derive(Clone, PartialEq)]
#[doc(alias = "WebFault")]
#[doc(alias = "FaultException")]
pub struct ServiceFault {
    pub service: &'static str,
    pub operation: &'static str,
    /// SOAP `faultcode`, e.g. `s:Server`; empty on REST, which has none.
    pub fault_code: String,
    /// SOAP `faultstring`; on REST the fault's `Message` or `ErrorMessage`, else its type
    /// and HTTP status.
    pub message: String,
    pub tracking_id: Option<String>,
    pub http_status: u16,
    /// Every error of every list in the detail, in document order.
    pub errors: Vec<ApiError>,
    /// The detail element's name (SOAP) or the fault's `Type` (REST), e.g. `ApiFaultDetail`.
    pub detail_name: Option<String>,
    /// The wire the fault came over, which says what `raw` holds.
    pub wire: crate::Wire,
    /// The response document (SOAP) or the fault object (REST), kept for typed decoding.
    raw: Vec<u8>,
}

impl ServiceFault {
    /// Whether any error carries this numeric code.
    pub fn has_code(&self, code: i32) -> bool {
        self.errors.iter().any(|e| e.code == Some(code))
    }

    /// The numeric codes, in order.
    pub fn codes(&self) -> Vec<i32> {
        self.errors.iter().filter_map(|e| e.code).collect()
    }

    /// The typed fault detail, decoded with the generated types of the service that sent it,
    /// e.g. `fault.detail::<campaign_management::FaultDetail>()`.
    pub fn detail<D: FaultDetailDecode>(&self) -> Option<D> {
        if self.wire == crate::Wire::Rest {
            return self.rest_detail();
        }
        let envelope: bingads_gen::soap::Envelope<NoBody, D> =
            bingads_gen::soap::decode_envelope_with(
                &self.raw,
                "\u{0}",
                |r| {
                    r.skip()?;
                    Ok(NoBody)
                },
                false,
            )
            .ok()?;
        envelope.body.err()?.detail
    }

    #[cfg(feature = "rest")]
    fn rest_detail<D: FaultDetailDecode>(&self) -> Option<D> {
        D::decode_json_detail(self.detail_name.as_deref()?, &self.raw)
    }

    #[cfg(not(feature = "rest"))]
    fn rest_detail<D: FaultDetailDecode>(&self) -> Option<D> {
        None
    }

    /// A REST fault read by shape (see `rest_fault`).
    #[cfg(feature = "rest")]
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn from_rest(
        service: &'static str,
        operation: &'static str,
        message: String,
        tracking_id: Option<String>,
        http_status: u16,
        errors: Vec<ApiError>,
        detail_name: Option<String>,
        raw: Vec<u8>,
    ) -> Self {
        ServiceFault {
            service,
            operation,
            fault_code: String::new(),
            message,
            tracking_id,
            http_status,
            errors,
            detail_name,
            wire: crate::Wire::Rest,
            raw,
        }
    }

    /// A fault from a typed decode (no raw document, no error list beyond the fault string).
    pub(crate) fn from_soap_fault<F: FaultDetailDecode>(
        fault: bingads_gen::soap::SoapFault<F>,
    ) -> Self {
        ServiceFault {
            service: "",
            operation: "",
            fault_code: fault.code,
            message: fault.message,
            tracking_id: fault.tracking_id,
            http_status: 0,
            errors: Vec::new(),
            detail_name: fault.detail.as_ref().map(|d| d.element_name().to_string()),
            wire: crate::Wire::Soap,
            raw: Vec::new(),
        }
    }

    /// The fault as received: the SOAP envelope, or on REST the fault's JSON object.
    pub fn raw_body(&self) -> &[u8] {
        &self.raw
    }

    /// The fault document as received (see [`ServiceFault::raw_body`]; on REST this is JSON).
    pub fn raw_xml(&self) -> &[u8] {
        &self.raw
    }
}

/// Placeholder body type for decoding a document known to be a fault.
struct NoBody;

impl fmt::Debug for ServiceFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServiceFault")
            .field("service", &self.service)
            .field("operation", &self.operation)
            .field("fault_code", &self.fault_code)
            .field("message", &self.message)
            .field("tracking_id", &self.tracking_id)
            .field("http_status", &self.http_status)
            .field("errors", &self.errors)
            .field("detail_name", &self.detail_name)
            .field("wire", &self.wire)
            .finish_non_exhaustive()
    }
}

impl fmt::Display for ServiceFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{} failed", self.service, self.operation)?;
        if self.errors.is_empty() {
            write!(f, ": {}", self.message)?;
        }
        for (i, e) in self.errors.iter().enumerate() {
            write!(f, "{} {e}", if i == 0 { ":" } else { ";" })?;
        }
        if let Some(t) = &self.tracking_id {
            write!(f, " (TrackingId {t})")?;
        }
        Ok(())
    }
}

/// Reads a fault out of a response document; `None` when it is not a SOAP fault.
pub fn scan(
    raw: &[u8],
    http_status: u16,
    service: &'static str,
    operation: &'static str,
) -> Option<ServiceFault> {
    let root = XmlElement::parse(raw).ok()?;
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
        collect_errors(detail, &mut errors);
    }
    Some(ServiceFault {
        service,
        operation,
        fault_code: fault
            .child_text("faultcode")
            .unwrap_or_default()
            .to_string(),
        message: fault
            .child_text("faultstring")
            .unwrap_or_default()
            .to_string(),
        tracking_id: header_tracking.or(detail_tracking).map(str::to_string),
        http_status,
        errors,
        detail_name: detail.map(|d| d.name.clone()),
        wire: crate::Wire::Soap,
        raw: raw.to_vec(),
    })
}

/// Collects every element shaped like an error (a leaf `Code` or `ErrorCode` child).
pub fn collect_errors(root: &XmlElement, out: &mut Vec<ApiError>) {
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

/// Errors inside a decoded-to-tree element, e.g. a response's `PartialErrors`.
pub fn errors_in(element: &XmlElement) -> Vec<ApiError> {
    let mut out = Vec::new();
    collect_errors(element, &mut out);
    out
}

/// Reads a REST fault body saved from a response (what a command line's offline `decode`
/// needs); `None` when it is not a JSON fault object. Calls get this from the transport.
#[cfg(feature = "rest")]
pub fn scan_rest(
    raw: &[u8],
    http_status: u16,
    tracking_id: Option<String>,
    service: &'static str,
    operation: &'static str,
) -> Option<ServiceFault> {
    crate::rest_fault::scan(raw, http_status, tracking_id, service, operation)
}
