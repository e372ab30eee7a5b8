//! A fault read once, with the operation's own detail types, by code that does not name
//! them: a transport that holds only `&dyn RequestBody`, or a command line that picks the
//! operation by name. [`FaultReader::of`] captures a service's `FaultDetail` type in two
//! function pointers (one per wire); the detail they produce is kept as an
//! [`AnyFaultDetail`], which gives back the concrete type on request
//! (`as_any().downcast_ref::<campaign_management::FaultDetail>()`) and, with the `json`
//! feature, writes itself in the REST form.

use std::any::Any;
use std::fmt;
use std::sync::Arc;

use super::{FaultDetailDecode, NoFault, SoapFault, decode_fault_envelope};
use crate::xml::DecodeError;

/// A typed fault detail whose service is not known where it is held.
pub trait AnyFaultDetail: Any + fmt::Debug + Send + Sync {
    /// The detail element's name (SOAP) or REST `Type`, e.g. `ApiFaultDetail`.
    fn element_name(&self) -> &'static str;
    /// The concrete value, for `downcast_ref::<service::FaultDetail>()`.
    fn as_any(&self) -> &dyn Any;
    /// Whether `other` is the same detail (same type, equal value).
    fn same_as(&self, other: &dyn AnyFaultDetail) -> bool;
    /// The detail in the REST form, with its `Type`.
    #[cfg(feature = "json")]
    fn to_json_value(&self) -> serde_json::Value;
}

impl<D: FaultDetailDecode> AnyFaultDetail for D {
    fn element_name(&self) -> &'static str {
        FaultDetailDecode::element_name(self)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn same_as(&self, other: &dyn AnyFaultDetail) -> bool {
        other.as_any().downcast_ref::<D>() == Some(self)
    }
    #[cfg(feature = "json")]
    fn to_json_value(&self) -> serde_json::Value {
        // Writing generated types into a `Value` cannot fail: their map keys are strings.
        serde_json::to_value(crate::json::W(self)).unwrap_or(serde_json::Value::Null)
    }
}

/// The SOAP half of a [`FaultReader`].
type ReadSoap = fn(&[u8]) -> Result<Option<SoapFault<Arc<dyn AnyFaultDetail>>>, DecodeError>;
/// The REST half of a [`FaultReader`].
#[cfg(feature = "json")]
type ReadRest = fn(&str, &serde_json::Value) -> Option<Arc<dyn AnyFaultDetail>>;

/// Reads one service's faults with its detail types (see the module documentation).
#[derive(Clone, Copy)]
pub struct FaultReader {
    soap: ReadSoap,
    #[cfg(feature = "json")]
    rest: ReadRest,
}

impl fmt::Debug for FaultReader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FaultReader").finish_non_exhaustive()
    }
}

impl FaultReader {
    /// A reader that types no detail: faults still have their code, message and tracking id.
    pub const UNTYPED: FaultReader = FaultReader::of::<NoFault>();

    /// The reader for the fault detail set `D` (a service's `FaultDetail`).
    pub const fn of<D: FaultDetailDecode>() -> FaultReader {
        FaultReader {
            soap: read_soap::<D>,
            #[cfg(feature = "json")]
            rest: read_rest::<D>,
        }
    }

    /// Reads a SOAP response envelope in one pass; `Ok(None)` when its body is no fault.
    pub fn read_soap(
        &self,
        envelope: &[u8],
    ) -> Result<Option<SoapFault<Arc<dyn AnyFaultDetail>>>, DecodeError> {
        (self.soap)(envelope)
    }

    /// Types an already parsed REST fault object whose `Type` is `type_name`; `None` when the
    /// type is not one of the service's details or the object does not fit it.
    #[cfg(feature = "json")]
    pub fn read_rest(
        &self,
        type_name: &str,
        object: &serde_json::Value,
    ) -> Option<Arc<dyn AnyFaultDetail>> {
        (self.rest)(type_name, object)
    }
}

fn read_soap<D: FaultDetailDecode>(
    envelope: &[u8],
) -> Result<Option<SoapFault<Arc<dyn AnyFaultDetail>>>, DecodeError> {
    let fault = decode_fault_envelope::<D>(envelope)?;
    Ok(fault.map(|f| f.map_detail(|d| Arc::new(d) as Arc<dyn AnyFaultDetail>)))
}

#[cfg(feature = "json")]
fn read_rest<D: FaultDetailDecode>(
    type_name: &str,
    object: &serde_json::Value,
) -> Option<Arc<dyn AnyFaultDetail>> {
    let detail = <D as crate::json::JsonFaultDetail>::decode_json_detail(type_name, object)?;
    Some(Arc::new(detail))
}
