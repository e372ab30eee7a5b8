//! Service faults of both wires, read once into one typed value.
//!
//! A fault answer is read once, at the transport, with the operation's own fault detail
//! types ([`FaultReader`], which the generated clients hand the transport): the SOAP envelope
//! in one pass of the XML reader, the REST fault object in one parse into a
//! `serde_json::Value`. The [`ServiceFault`] keeps the typed detail
//! ([`ServiceFault::detail`]) and, for retries and messages, every error object in it with
//! its `Code`/`ErrorCode`/`Message` ([`ApiError`]), found by shape so that all services and
//! detail types read alike. Only a SOAP detail no typed reader knows (a fault type a newer
//! WSDL added) is read again, as a generic tree, to find its errors.

#[cfg(feature = "rest")]
mod rest;
mod shape;
mod soap;

use std::fmt;
use std::sync::Arc;

pub use bingads_gen::soap::{AnyFaultDetail, FaultReader};
use bingads_gen::soap::{FaultDetailDecode, OperationMeta, SoapFault};

use crate::Wire;

/// One error inside a fault (or in a response's partial errors).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
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
    /// The error's type (`xsi:type` or REST `Type`), e.g. `EditorialError`, when it has one.
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
#[derive(Clone)]
#[non_exhaustive]
#[doc(alias = "WebFault")]
#[doc(alias = "FaultException")]
pub struct ServiceFault {
    /// The service that answered, e.g. `CampaignManagementService`.
    pub service: &'static str,
    /// The operation called, e.g. `AddCampaigns`.
    pub operation: &'static str,
    /// SOAP `faultcode`, e.g. `s:Server`; empty on REST, which has none.
    pub fault_code: String,
    /// SOAP `faultstring`; on REST the fault's `Message` or `ErrorMessage`, else its type
    /// and HTTP status.
    pub message: String,
    pub tracking_id: Option<String>,
    /// The HTTP status; 0 when unknown (a fault decoded offline or from a 2xx answer).
    pub http_status: u16,
    /// Every error of every list in the detail, in document order.
    pub errors: Vec<ApiError>,
    /// The detail element's name (SOAP) or the fault's `Type` (REST), e.g. `ApiFaultDetail`.
    pub detail_name: Option<String>,
    /// The wire the fault came over, which says what `raw_body` holds.
    pub wire: Wire,
    /// The typed detail, read with the operation's fault types.
    typed: Option<Arc<dyn AnyFaultDetail>>,
    /// The response document (SOAP) or the fault object (REST), as received.
    raw: Vec<u8>,
}

impl ServiceFault {
    /// Reads an error answer of `wire` for `operation` once, typing its detail with
    /// `reader` (the operation's `FaultReader`, e.g. from `bingads_gen::json::JsonOperation`);
    /// `None` when the body is not a fault of that wire (the caller then reports the HTTP
    /// status). `tracking_id` is the `TrackingId` response header, when there was one.
    pub fn read(
        wire: Wire,
        body: &[u8],
        http_status: u16,
        tracking_id: Option<String>,
        operation: &'static OperationMeta,
        reader: FaultReader,
    ) -> Option<ServiceFault> {
        let mut fault = match wire {
            Wire::Soap => soap::read(body, reader)?,
            #[cfg(feature = "rest")]
            Wire::Rest => rest::read(body, http_status, reader)?,
            #[cfg(not(feature = "rest"))]
            Wire::Rest => return None,
        };
        fault.service = operation.service.name;
        fault.operation = operation.name;
        fault.http_status = http_status;
        // SOAP carries the TrackingId in the envelope, REST in a header: each wire's own
        // place wins over the other.
        let own = fault.tracking_id.take();
        fault.tracking_id = match wire {
            Wire::Soap => own.or(tracking_id),
            Wire::Rest => tracking_id.or(own),
        };
        Some(fault)
    }

    /// Whether any error carries this numeric code.
    pub fn has_code(&self, code: i32) -> bool {
        self.errors.iter().any(|e| e.code == Some(code))
    }

    /// The numeric codes, in order.
    pub fn codes(&self) -> Vec<i32> {
        self.errors.iter().filter_map(|e| e.code).collect()
    }

    /// The typed fault detail, as read with the types of the operation called, e.g.
    /// `fault.detail::<campaign_management::FaultDetail>()`; `None` when the fault had no
    /// detail of the service's types or `D` is another service's `FaultDetail`.
    pub fn detail<D: FaultDetailDecode>(&self) -> Option<&D> {
        self.typed.as_deref()?.as_any().downcast_ref::<D>()
    }

    /// The typed detail without naming its service's type (e.g. to print it).
    pub fn any_detail(&self) -> Option<&dyn AnyFaultDetail> {
        self.typed.as_deref()
    }

    /// The typed detail in the REST form (`{"Type": "ApiFaultDetail", ...}`), whichever wire
    /// it came over.
    #[cfg(feature = "rest")]
    pub fn detail_json(&self) -> Option<serde_json::Value> {
        Some(self.typed.as_deref()?.to_json_value())
    }

    /// The fault as received: the SOAP envelope, or on REST the fault's JSON object.
    pub fn raw_body(&self) -> &[u8] {
        &self.raw
    }

    /// A fault the generated client decoded from a 2xx answer (a transport that does not
    /// read faults itself): the same typed value, without an HTTP status or raw body.
    pub(crate) fn from_soap_fault<F: FaultDetailDecode>(fault: SoapFault<F>) -> Self {
        let typed = fault.detail.map(|d| Arc::new(d) as Arc<dyn AnyFaultDetail>);
        let mut out = ServiceFault {
            service: fault.service,
            operation: fault.operation,
            fault_code: fault.code,
            message: fault.message,
            tracking_id: fault.tracking_id,
            http_status: 0,
            errors: Vec::new(),
            detail_name: fault.detail_element,
            wire: Wire::Soap,
            typed,
            raw: Vec::new(),
        };
        if let Some((errors, _)) = out.typed.as_deref().and_then(shape::read_typed) {
            out.errors = errors;
        }
        out
    }
}

impl PartialEq for ServiceFault {
    fn eq(&self, other: &Self) -> bool {
        let same_detail = match (&self.typed, &other.typed) {
            (Some(a), Some(b)) => a.same_as(b.as_ref()),
            (None, None) => true,
            _ => false,
        };
        same_detail
            && self.service == other.service
            && self.operation == other.operation
            && self.fault_code == other.fault_code
            && self.message == other.message
            && self.tracking_id == other.tracking_id
            && self.http_status == other.http_status
            && self.errors == other.errors
            && self.detail_name == other.detail_name
            && self.wire == other.wire
            && self.raw == other.raw
    }
}

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
