//! The JSON form of every API type: the REST/JSON form Microsoft serves for the same
//! operations (property names are the WSDL element names, `ArrayOfX` wrappers are plain
//! arrays, a polymorphic value carries its `Type` discriminator, a missing key is an absent
//! element and `null` is an element sent with `xsi:nil`).
//!
//! Every generated type implements `serde::Serialize` and `serde::Deserialize` in this form
//! (generated impls over the small generic helpers here, not derive expansions), so the
//! types work with serde_json — the engine of the REST wire and the command line — and any
//! other self-describing serde format.
//!
//! Output is exactly the REST form. Input has two modes ([`Mode`]), carried by a context
//! in a `DeserializeSeed` rather than any global state: strict about names for user input
//! (an unknown key is an error naming its path and the closest known name, because a
//! silently dropped typo would lose the user's data) and lenient for service responses
//! (unknown members skipped, unknown values and types kept). Both are lenient about values
//! where it costs nothing: a number as a number or a numeric string, flags as the REST
//! string or an array of names, the XSD type name accepted as `Type`. The plain
//! `Deserialize` impls are strict; [`from_slice_lenient`] reads a response.
//!
//! The entry points here ([`from_str`], [`from_slice`], ...) report errors as a
//! [`JsonError`] with the path, line and column of the offending value.
//!
//! # Decimals
//!
//! An `xs:decimal` (bids, budgets, amounts: [`Decimal`](crate::types::Decimal)) is a JSON
//! number in the REST form, as the service and Microsoft's REST client read it (a string
//! where the service expects a number may be refused). serde_json runs without its
//! `arbitrary_precision` feature, a switch that would change `serde_json::Number` for every
//! crate of a build, so a number with a fraction passes through an `f64`. The guarantee:
//!
//! - **Written**: always a JSON number. Its digits are exactly the decimal's when the value
//!   has at most 15 significant digits, or is whole and fits 64 bits. That covers every
//!   amount the API accepts: Microsoft's currency table runs from 0.01 to 288,000,000,000.00
//!   (14 digits). A value with more significant digits is written as the nearest `f64`
//!   (at most 17 digits), which is what Microsoft's client would send. The number is the
//!   value, not its spelling: `12.50` is written `12.5`, `100.00` `100`, `0.0000001` `1e-7`.
//!   Only a value no `f64` holds (above 1.7e308, or non-zero but rounding to zero, below
//!   about 2.5e-324) is written as a string, rather than as `null` or `0`.
//! - **Read** from a JSON number: exact within the same 15 significant digits (and any
//!   integer up to 20 digits); beyond that, the digits of the nearest `f64`. An exponent is
//!   read as plain digits (`1e-7` is `0.0000001`); trailing zeros are not kept.
//! - **Read** from a JSON string (`"12.50"`, accepted as user input and in responses):
//!   every digit, trailing zeros included; no exponent.
//!
//! `Decimal` compares its text, so a value that went through a JSON number may differ in
//! spelling (`12.5` for `12.50`) while being the same amount.

mod context;
mod locate;
mod macros;
mod ops;
mod poly;
mod read;
mod scalar;
mod write;

pub use context::{Cx, Mode};
pub use ops::{
    FaultJson, JsonBody, JsonFaultDetail, JsonOperation, JsonReply, JsonRequest, JsonResponse, find,
};
pub use read::JsonRead;
pub use write::{JsonWrite, W};
// What only generated code calls: public because the generated modules are other modules,
// hidden because no user should build on them.
#[doc(hidden)]
pub use poly::{JsonPoly, read_poly, read_variant_members, unknown_type};
#[doc(hidden)]
pub use read::{ArrayItem, FamilyHint, JsonStruct, Key, Seed, member, read_fields, read_struct};
#[doc(hidden)]
pub use scalar::{JsonEnum, read_enum, write_enum};
#[doc(hidden)]
pub use write::{JsonMembers, put, write_struct};

use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny};

use context::PathDisplay;
pub(crate) use macros::{
    json_enum, json_fault_detail, json_poly, json_request, json_struct, serde_impls,
};

/// Nesting deeper than this is rejected (serde_json's recursion limit; the API's deepest
/// types nest far less).
pub const MAX_JSON_DEPTH: usize = 128;

/// Whether a document is not JSON at all, or JSON that does not fit the type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonErrorKind {
    /// Malformed JSON (or nesting deeper than [`MAX_JSON_DEPTH`]).
    Syntax,
    /// Well-formed JSON with a value that does not fit the type it is read as.
    Data,
}

/// Why a JSON document does not read as the type asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    pub kind: JsonErrorKind,
    /// Where: `$.Campaigns[0].BiddingScheme.MaxCpc` (`$` for a syntax error).
    pub path: String,
    /// 1-based line and character column of the offending value (or character).
    pub line: u32,
    pub column: u32,
    pub message: String,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            JsonErrorKind::Syntax => write!(
                f,
                "malformed JSON at line {}, column {}: {}",
                self.line, self.column, self.message
            ),
            JsonErrorKind::Data => write!(
                f,
                "{} (at {}, line {}, column {})",
                self.message, self.path, self.line, self.column
            ),
        }
    }
}

impl std::error::Error for JsonError {}

/// Reads user input as `T`, strictly (see [`Mode::Strict`]).
pub fn from_str<T: JsonRead>(input: &str) -> Result<T, JsonError> {
    from_slice_with(input.as_bytes(), Mode::Strict)
}

/// Reads user input as `T`, strictly (see [`Mode::Strict`]).
pub fn from_slice<T: JsonRead>(input: &[u8]) -> Result<T, JsonError> {
    from_slice_with(input, Mode::Strict)
}

/// Reads a service response as `T`, leniently (see [`Mode::Lenient`]).
pub fn from_slice_lenient<T: JsonRead>(input: &[u8]) -> Result<T, JsonError> {
    from_slice_with(input, Mode::Lenient)
}

/// Reads an already parsed service value as `T`, leniently (see [`Mode::Lenient`]): a REST
/// fault object is parsed once into a `serde_json::Value` and typed from there.
pub fn from_value_lenient<T: JsonRead>(value: &serde_json::Value) -> Result<T, serde_json::Error> {
    T::read(value, &Cx::new(Mode::Lenient))
}

/// Reads a whole document as `T` in the given mode.
pub fn from_slice_with<T: JsonRead>(input: &[u8], mode: Mode) -> Result<T, JsonError> {
    let cx = Cx::new(mode);
    let mut de = serde_json::Deserializer::from_slice(input);
    T::read(&mut de, &cx)
        .and_then(|v| de.end().map(|()| v))
        .map_err(|e| document_error(&e, &cx, input))
}

/// Turns serde_json's error into one that names the path and the value's position.
#[cold]
fn document_error(e: &serde_json::Error, cx: &Cx, input: &[u8]) -> JsonError {
    // serde_json refuses a number beyond f64's range (`1e400`) while parsing, but the
    // document is well-formed JSON: that is a value error, at the value's path.
    let out_of_range = message_of(e).starts_with("number out of range");
    if e.classify() == serde_json::error::Category::Data || out_of_range {
        // A document that is not JSON is reported as such, even when a member before the
        // syntax error was already wrong.
        if let Err(syntax) = serde_json::from_slice::<IgnoredAny>(input) {
            return syntax_error(&syntax, input);
        }
        let path = cx.path();
        let (line, column) = locate::value_start(input, &path)
            .unwrap_or_else(|| byte_position(input, e.line(), e.column()));
        return JsonError {
            kind: JsonErrorKind::Data,
            path: PathDisplay(&path).to_string(),
            line,
            column,
            message: if out_of_range {
                "the number is out of range: not a finite number".into()
            } else {
                message_of(e)
            },
        };
    }
    syntax_error(e, input)
}

fn syntax_error(e: &serde_json::Error, input: &[u8]) -> JsonError {
    let (line, column) = byte_position(input, e.line(), e.column());
    JsonError {
        kind: JsonErrorKind::Syntax,
        path: "$".into(),
        line,
        column,
        message: message_of(e),
    }
}

/// serde_json's line and 1-based byte column → line and character column.
fn byte_position(input: &[u8], line: usize, column: usize) -> (u32, u32) {
    match locate::nth_line_start(input, line) {
        Some(start) => locate::line_column(input, start + column.saturating_sub(1)),
        None => (u32::try_from(line).unwrap_or(u32::MAX), 0),
    }
}

/// serde_json's message without the position it appends.
pub(crate) fn message_of(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    match text.strip_suffix(&suffix) {
        Some(m) => m.to_string(),
        None => text,
    }
}

#[doc(hidden)]
/// The body of every generated `Deserialize` impl: strict, with the path of a failing value
/// added to the format's own error.
pub fn deserialize_strict<'de, D: Deserializer<'de>, T: JsonRead>(d: D) -> Result<T, D::Error> {
    let cx = Cx::new(Mode::Strict);
    T::read(d, &cx).map_err(|e| {
        let path = cx.path();
        if path.is_empty() {
            e
        } else {
            de::Error::custom(format_args!("{e} (at {})", PathDisplay(&path)))
        }
    })
}

/// Appends a request's REST body to `out`. With [`decode_response`] this is the whole seam
/// between the REST transport and the JSON engine.
pub fn write_body<T: JsonWrite + ?Sized>(value: &T, out: &mut Vec<u8>) {
    // Writing to memory cannot fail and every impl here writes string keys.
    let _ = serde_json::to_writer(&mut *out, &W(value));
}

/// Decodes a REST 2xx response body leniently ([`Mode::Lenient`]). An empty body or `null`
/// reads as an empty object: operations whose response wrapper has no fields answer with an
/// untyped (possibly empty) object.
pub fn decode_response<T: JsonRead>(body: &[u8]) -> Result<T, crate::xml::DecodeError> {
    use crate::xml::{DecodeError, DecodeErrorKind};
    let body = body.strip_prefix("\u{feff}".as_bytes()).unwrap_or(body);
    let blank = body.iter().all(u8::is_ascii_whitespace);
    let null = body.trim_ascii() == b"null";
    let body: &[u8] = if blank || null { b"{}" } else { body };
    from_slice_lenient(body).map_err(|e| DecodeError {
        kind: DecodeErrorKind::Json(format!(
            "{} (line {}, column {})",
            e.message, e.line, e.column
        )),
        path: e.path,
        position: 0,
        tracking_id: None,
    })
}

/// Writes `value` as compact JSON.
pub fn to_string<T: JsonWrite + ?Sized>(value: &T) -> String {
    // Writing to memory cannot fail and every impl here writes string keys.
    serde_json::to_string(&W(value)).unwrap_or_default()
}

/// Writes `value` as compact JSON bytes (a REST request body).
pub fn to_vec<T: JsonWrite + ?Sized>(value: &T) -> Vec<u8> {
    serde_json::to_vec(&W(value)).unwrap_or_default()
}

/// Writes `value` as JSON indented by two spaces.
pub fn to_string_pretty<T: JsonWrite + ?Sized>(value: &T) -> String {
    serde_json::to_string_pretty(&W(value)).unwrap_or_default()
}

/// A piece of input quoted in a message, cut short: an error must not repeat a huge value.
pub(crate) fn clip(text: &str) -> std::borrow::Cow<'_, str> {
    const MAX_CHARS: usize = 64;
    match text.char_indices().nth(MAX_CHARS) {
        None => std::borrow::Cow::Borrowed(text),
        Some((end, _)) => std::borrow::Cow::Owned(format!(
            "{}… ({} bytes)",
            text.get(..end).unwrap_or_default(),
            text.len()
        )),
    }
}

/// The known name closest to `name` (case-insensitive edit distance), if close enough to be
/// a plausible typo.
pub fn closest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    // Names are short; a long input is no typo of any of them (and must not cost
    // quadratic time).
    if name.len() > 256 {
        return None;
    }
    let lower = name.to_ascii_lowercase();
    known
        .iter()
        .map(|k| (edit_distance(&lower, &k.to_ascii_lowercase()), *k))
        .filter(|(d, k)| *d <= (k.len() / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(ca != *cb);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            cur.push(sub.min(del).min(ins));
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}
