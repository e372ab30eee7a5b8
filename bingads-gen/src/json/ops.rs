//! Operations by name with their JSON forms: what a command line, a REST transport or a test
//! server needs to go from a JSON body to the wire and back without naming any type.

use serde::ser::{SerializeMap, Serializer};

use super::{JsonError, JsonRead, JsonWrite, Mode, W};
use crate::soap::{
    Operation, OperationMeta, RequestBody, SoapFault, decode_envelope, decode_request,
};
use crate::xml::{DecodeError, XmlEncode, XmlWriter};

/// A request's REST body. [`RequestBody`] requires it when the `json` feature is on; each
/// service's `json` module implements it for its request types (`json_request!`), so the
/// operation tables carry no per-type feature attribute.
pub trait JsonBody {
    /// Appends the REST body (the request wrapper's fields as one JSON object) to `out`.
    fn write_json_body(&self, out: &mut Vec<u8>);
}

/// A service's fault detail set read from a REST fault object; required of every fault
/// detail set when the `json` feature is on, implemented in each service's `json` module.
pub trait JsonFaultDetail: Sized {
    /// Reads a REST fault object (an `ApplicationFault` object, unwrapped, already parsed)
    /// whose `Type` is `type_name`; `None` when the type is not one of this service's fault
    /// details or the object does not fit it.
    fn decode_json_detail(type_name: &str, body: &serde_json::Value) -> Option<Self>;
}

/// A request read from JSON, ready to be sent or shown.
pub trait JsonRequest: RequestBody {
    /// The compact JSON body (the REST request body).
    fn to_json(&self) -> Vec<u8>;
    /// The JSON body indented by two spaces.
    fn to_json_pretty(&self) -> String;
}

impl<T: Operation + JsonWrite> JsonRequest for T {
    fn to_json(&self) -> Vec<u8> {
        super::to_vec(self)
    }
    fn to_json_pretty(&self) -> String {
        super::to_string_pretty(self)
    }
}

/// A response read from JSON (for servers and tests that answer with JSON-described data).
pub trait JsonResponse: Send + Sync {
    /// Writes the response body element.
    fn write_soap_body(&self, w: &mut XmlWriter);
    /// The response as JSON indented by two spaces.
    fn to_json_pretty(&self) -> String;
}

struct ResponseOf<R> {
    value: R,
    element: (&'static str, &'static str),
}

impl<R: XmlEncode + JsonWrite + Send + Sync> JsonResponse for ResponseOf<R> {
    fn write_soap_body(&self, w: &mut XmlWriter) {
        self.value.encode(w, self.element.0, self.element.1)
    }
    fn to_json_pretty(&self) -> String {
        super::to_string_pretty(&self.value)
    }
}

/// A decoded response envelope, in JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonReply {
    /// Response headers (e.g. `TrackingId`).
    pub headers: Vec<(String, String)>,
    /// The response as JSON, or the fault as JSON.
    pub body: Result<String, String>,
}

impl JsonReply {
    pub fn tracking_id(&self) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == "TrackingId")
            .map(|(_, v)| v.as_str())
    }
}

/// Reads a request from a JSON document (strictly: a user wrote it).
pub type ReadRequest = fn(&[u8]) -> Result<Box<dyn JsonRequest>, JsonError>;
/// Decodes a request envelope into its headers and the request as JSON (`bool`: strict order).
pub type DecodeRequest = fn(&[u8], bool) -> Result<(Vec<(String, String)>, String), DecodeError>;
/// Reads a response from a JSON document in the given mode.
pub type ReadResponse = fn(&[u8], Mode) -> Result<Box<dyn JsonResponse>, JsonError>;
/// Decodes a response envelope into JSON (`bool`: strict order).
pub type DecodeResponse = fn(&[u8], bool) -> Result<JsonReply, DecodeError>;

/// One operation's JSON entry points.
pub struct JsonOperation {
    pub meta: &'static OperationMeta,
    pub read_request: ReadRequest,
    /// A request envelope (as a server receives it) → its headers and the request as JSON.
    pub decode_request: DecodeRequest,
    pub read_response: ReadResponse,
    /// A response envelope → the response or fault as JSON.
    pub decode_response: DecodeResponse,
    /// Reads a fault answer of either wire with the operation's fault detail types.
    pub fault_reader: crate::soap::FaultReader,
}

impl std::fmt::Debug for JsonOperation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JsonOperation")
            .field("operation", &self.meta.name)
            .finish_non_exhaustive()
    }
}

impl JsonOperation {
    /// The entry for the request type `O`.
    pub const fn of<O>() -> JsonOperation
    where
        O: Operation + JsonWrite + JsonRead,
        O::Response: XmlEncode + JsonWrite + JsonRead + Sync,
        O::Fault: JsonWrite,
    {
        JsonOperation {
            meta: O::META,
            read_request: read_request::<O>,
            decode_request: decode_request_json::<O>,
            read_response: read_response::<O>,
            decode_response: decode_response_json::<O>,
            fault_reader: crate::soap::FaultReader::of::<O::Fault>(),
        }
    }
}

fn read_request<O: Operation + JsonRead + JsonWrite>(
    input: &[u8],
) -> Result<Box<dyn JsonRequest>, JsonError> {
    Ok(Box::new(super::from_slice::<O>(input)?))
}

fn decode_request_json<O: Operation + JsonWrite>(
    input: &[u8],
    strict: bool,
) -> Result<(Vec<(String, String)>, String), DecodeError> {
    let (headers, request) = decode_request::<O>(input, strict)?;
    Ok((headers, super::to_string_pretty(&request)))
}

fn read_response<O>(input: &[u8], mode: Mode) -> Result<Box<dyn JsonResponse>, JsonError>
where
    O: Operation,
    O::Response: XmlEncode + JsonWrite + JsonRead + Sync,
{
    let value = super::from_slice_with::<O::Response>(input, mode)?;
    Ok(Box::new(ResponseOf {
        value,
        element: O::META.response_element,
    }))
}

fn decode_response_json<O>(input: &[u8], strict: bool) -> Result<JsonReply, DecodeError>
where
    O: Operation,
    O::Response: JsonWrite,
    O::Fault: JsonWrite,
{
    let envelope = if strict {
        crate::soap::decode_envelope_with::<O::Response, O::Fault>(
            input,
            O::META.response_element.1,
            <O::Response as crate::xml::XmlDecode>::decode,
            true,
        )?
    } else {
        decode_envelope::<O::Response, O::Fault>(input, O::META)?
    };
    let body = match envelope.body {
        Ok(r) => Ok(super::to_string_pretty(&r)),
        Err(fault) => Err(super::to_string_pretty(&FaultJson(&fault))),
    };
    Ok(JsonReply {
        headers: envelope.headers,
        body,
    })
}

/// A SOAP fault's JSON form: `{"FaultCode", "Message", "TrackingId", "Detail"}`.
pub struct FaultJson<'a, D>(pub &'a SoapFault<D>);

impl<D: JsonWrite> JsonWrite for FaultJson<'_, D> {
    fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let f = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("FaultCode", &f.code)?;
        m.serialize_entry("Message", &f.message)?;
        if let Some(t) = &f.tracking_id {
            m.serialize_entry("TrackingId", t)?;
        }
        if let Some(d) = &f.detail {
            m.serialize_entry("Detail", &W(d))?;
        }
        m.end()
    }
}

/// Finds an operation by name, case-insensitively.
pub fn find<'a>(ops: &'a [JsonOperation], name: &str) -> Option<&'a JsonOperation> {
    ops.iter().find(|o| o.meta.name.eq_ignore_ascii_case(name))
}
