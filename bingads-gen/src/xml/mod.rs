//! The XML codec the generated code is written against.
//!
//! Generated types implement [`XmlEncode`] and [`XmlDecode`]; everything they need, from
//! namespace bookkeeping to nil handling, lives here so each generated type stays a few
//! lines of direct calls (no derive macros: ~940 types would make every build pay for them).
//!
//! Writing is a plain string builder: elements are written in the order the caller asks,
//! each in its own namespace (declared as the default namespace where it changes), which is
//! how WCF itself writes. Reading is streaming over a byte slice with quick-xml: elements are
//! matched by local name whatever their prefix, unknown elements are skipped, and every
//! failure is a [`DecodeError`] with the element path, never a panic.

mod error;
mod reader;
mod scalar;
mod tree;
mod writer;

pub use error::{DecodeError, DecodeErrorKind};
pub use reader::{Decoder, MAX_DEPTH, XmlReader};
pub use scalar::XmlText;
pub use tree::{MAX_TREE_ELEMENTS, XmlElement};
pub use writer::{Encoder, UnrepresentableChar, XmlWriter};

/// The XML Schema instance namespace (`xsi:nil`, `xsi:type`).
pub const XSI_NS: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// A value that can be written as one XML element.
pub trait XmlEncode {
    /// Writes `self` as the element `name` in namespace `ns` (start tag, content, end tag).
    fn encode(&self, w: &mut XmlWriter, ns: &'static str, name: &str);
}

/// A value that can be read from one XML element.
pub trait XmlDecode: Sized {
    /// Reads the content of the element the reader has just entered (its attributes are
    /// available through [`XmlReader::is_nil`] and [`XmlReader::xsi_type`]) up to and
    /// including its end tag.
    fn decode(r: &mut XmlReader<'_>) -> Result<Self, DecodeError>;
}

#[doc(hidden)]
/// A complex type written as a sequence of child elements. Generated for every struct; the
/// blanket helpers [`encode_struct`] and [`decode_struct`] turn it into an element.
pub trait XmlStruct: Default {
    /// Writes every field, in schema order (base type fields first).
    fn encode_fields(&self, w: &mut XmlWriter);
    /// Reads the child element `name` into the matching field. Returns the field's position
    /// in schema order, or `None` when the name is not a field of this type.
    fn decode_field(
        &mut self,
        r: &mut XmlReader<'_>,
        name: &[u8],
    ) -> Result<Option<u32>, DecodeError>;
}

#[doc(hidden)]
/// Writes a struct as an element, with an `xsi:type` when it stands for a derived type.
pub fn encode_struct<T: XmlStruct>(
    value: &T,
    w: &mut XmlWriter,
    ns: &'static str,
    name: &str,
    xsi_type: Option<(&'static str, &'static str)>,
) {
    w.start(ns, name);
    if let Some((type_ns, type_name)) = xsi_type {
        w.xsi_type(type_ns, type_name);
    }
    value.encode_fields(w);
    w.end(name);
}

#[doc(hidden)]
/// Writes a struct with an `xsi:type` known only at run time (a decoded unknown subtype).
pub fn encode_struct_as<T: XmlStruct>(
    value: &T,
    w: &mut XmlWriter,
    ns: &'static str,
    name: &str,
    type_ns: &'static str,
    type_name: &str,
) {
    w.start(ns, name);
    w.xsi_type(type_ns, type_name);
    value.encode_fields(w);
    w.end(name);
}

#[doc(hidden)]
/// Reads a struct's fields from the current element.
pub fn decode_struct<T: XmlStruct>(r: &mut XmlReader<'_>) -> Result<T, DecodeError> {
    let mut value = T::default();
    r.read_fields(|r, name| value.decode_field(r, name))?;
    Ok(value)
}

#[doc(hidden)]
/// Encodes a boxed value (fields boxed to break a type cycle).
#[allow(clippy::borrowed_box)]
pub fn encode_boxed<T: XmlEncode>(value: &Box<T>, w: &mut XmlWriter, ns: &'static str, name: &str) {
    value.as_ref().encode(w, ns, name)
}

#[doc(hidden)]
/// Decodes into a box (fields boxed to break a type cycle).
pub fn decode_boxed<T: XmlDecode>(r: &mut XmlReader<'_>) -> Result<Box<T>, DecodeError> {
    T::decode(r).map(Box::new)
}
