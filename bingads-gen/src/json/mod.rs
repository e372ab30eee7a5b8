//! The JSON form of every API type: the REST/JSON form Microsoft serves for the same
//! operations (property names are the WSDL element names, `ArrayOfX` wrappers are plain
//! arrays, a polymorphic value carries its `Type` discriminator, a missing key is an absent
//! element and `null` is an element sent with `xsi:nil`).
//!
//! Output is exactly that form. Input is strict about names — an unknown key is an error
//! naming the key and its path, because a silently dropped typo would lose the user's data —
//! and lenient where it costs nothing: a `long` as a number or a string, flags as the REST
//! string or an array of names, the XSD type name accepted as `Type`.
//!
//! The codec is generated per type (behind the `json` feature) over the helpers here.

mod ops;
mod scalar;
mod value;
mod writer;

pub use ops::{FaultJson, JsonOperation, JsonReply, JsonRequest, JsonResponse, find};
pub use scalar::{JsonEnum, JsonScalar};
pub use value::{JsonKind, JsonSyntaxError, JsonValue, MAX_JSON_DEPTH, parse};
pub use writer::JsonWriter;

use std::fmt;

use crate::types::Nillable;

/// Why a JSON value does not fit the type it is read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// Where: `$.Campaigns[0].BiddingScheme.MaxCpc`.
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub message: String,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (at {}, line {}, column {})",
            self.message, self.path, self.line, self.column
        )
    }
}

impl std::error::Error for JsonError {}

impl From<JsonSyntaxError> for JsonError {
    fn from(e: JsonSyntaxError) -> Self {
        JsonError {
            path: "$".into(),
            line: e.line,
            column: e.column,
            message: e.message,
        }
    }
}

/// The path from the document root to the value being read, kept as a stack of segments,
/// and how strictly values are read.
///
/// Input from a user is read strictly (the default): a misspelt key, enum value or flag
/// name is an error, because it would otherwise be dropped or sent as written. A response
/// from the service is read leniently ([`JsonPath::lenient`]): a newer service may send
/// members and values this build does not know, and they must not break decoding.
#[derive(Debug, Clone, Default)]
pub struct JsonPath {
    segments: Vec<Segment>,
    lenient: bool,
}

#[derive(Debug, Clone)]
enum Segment {
    Key(&'static str),
    OwnedKey(String),
    Index(usize),
}

impl JsonPath {
    /// A path for reading user input strictly.
    pub fn new() -> Self {
        Self::default()
    }

    /// A path for reading a service response: unknown members are skipped, unknown enum and
    /// flag values kept as `UnknownValue`, the XSD spellings of non-finite numbers accepted.
    pub fn lenient() -> Self {
        JsonPath {
            segments: Vec::new(),
            lenient: true,
        }
    }

    /// Whether values the schema does not know are kept rather than refused.
    pub fn is_lenient(&self) -> bool {
        self.lenient
    }

    pub fn push_key(&mut self, key: &'static str) {
        self.segments.push(Segment::Key(key));
    }

    pub fn push_owned(&mut self, key: &str) {
        self.segments.push(Segment::OwnedKey(key.to_string()));
    }

    pub fn push_index(&mut self, i: usize) {
        self.segments.push(Segment::Index(i));
    }

    pub fn pop(&mut self) {
        self.segments.pop();
    }

    /// An error at this path, positioned at `at`.
    pub fn error(&self, at: &JsonValue, message: impl Into<String>) -> JsonError {
        JsonError {
            path: self.to_string(),
            line: at.line,
            column: at.column,
            message: message.into(),
        }
    }

    /// An error for a key this type does not have.
    pub fn unknown_key(&self, at: &JsonValue, key: &str, known: &[&str]) -> JsonError {
        let mut path = self.clone();
        path.segments.push(Segment::OwnedKey(key.to_string()));
        let hint = closest(key, known)
            .map(|k| format!("; did you mean `{k}`?"))
            .unwrap_or_default();
        JsonError {
            path: path.to_string(),
            line: at.line,
            column: at.column,
            message: format!("unknown key `{key}`{hint}"),
        }
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("$")?;
        for s in &self.segments {
            match s {
                Segment::Key(k) => write!(f, ".{k}")?,
                Segment::OwnedKey(k) => write!(f, ".{k}")?,
                Segment::Index(i) => write!(f, "[{i}]")?,
            }
        }
        Ok(())
    }
}

/// The known name closest to `name` (case-insensitive edit distance), if close enough to be
/// a plausible typo.
pub fn closest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
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

/// A value with a JSON form.
pub trait JsonEncode {
    fn write_json(&self, w: &mut JsonWriter);
}

/// A value readable from its JSON form.
pub trait JsonDecode: Sized {
    fn read_json(v: &JsonValue, path: &mut JsonPath) -> Result<Self, JsonError>;
}

/// A struct's members: generated for every struct, turned into an object by the helpers.
pub trait JsonStruct: Default {
    /// Writes every member that is not absent, in schema order. `discriminated`: the object
    /// already carries its `Type` discriminator, so a `Type` member is left out.
    fn write_members(&self, w: &mut JsonWriter, discriminated: bool);
    /// Reads one member; `Ok(false)` when `key` is not a member of this type.
    fn read_member(
        &mut self,
        key: &str,
        v: &JsonValue,
        path: &mut JsonPath,
    ) -> Result<bool, JsonError>;
    /// Member names, for "did you mean" hints.
    const MEMBERS: &'static [&'static str];
}

/// Writes a struct as an object, with a leading `Type` discriminator when given.
pub fn write_struct<T: JsonStruct>(value: &T, w: &mut JsonWriter, discriminator: Option<&str>) {
    w.begin_object();
    if let Some(d) = discriminator {
        w.key("Type");
        w.string(d);
    }
    value.write_members(w, discriminator.is_some());
    w.end_object();
}

/// Reads an object into a struct; every key must be a member (`skip` names keys handled by
/// the caller, such as a discriminator).
pub fn read_struct<T: JsonStruct>(
    v: &JsonValue,
    path: &mut JsonPath,
    skip: &[&str],
) -> Result<T, JsonError> {
    let JsonKind::Object(members) = &v.kind else {
        return Err(path.error(v, format!("expected an object, found {}", v.type_name())));
    };
    let mut out = T::default();
    for (key, value) in members {
        if skip.contains(&key.as_str()) {
            continue;
        }
        path.push_owned(key);
        let mut known = out.read_member(key, value, path);
        if matches!(known, Ok(false)) {
            // Names differing only in case are the same member (the REST form writes the
            // .NET KeyValuePair's `key`/`value` as `Key`/`Value`).
            if let Some(canonical) = T::MEMBERS.iter().find(|m| m.eq_ignore_ascii_case(key)) {
                known = out.read_member(canonical, value, path);
            }
        }
        path.pop();
        if !known? && !path.is_lenient() {
            return Err(path.unknown_key(value, key, T::MEMBERS));
        }
    }
    Ok(out)
}

/// Reads the `Type` discriminator of a polymorphic value (`None` when there is none).
pub fn discriminator<'v>(v: &'v JsonValue, path: &JsonPath) -> Result<Option<&'v str>, JsonError> {
    match v.get("Type") {
        None => Ok(None),
        Some(JsonValue {
            kind: JsonKind::String(s),
            ..
        }) => Ok(Some(s)),
        Some(JsonValue {
            kind: JsonKind::Null,
            ..
        }) => Ok(None),
        Some(other) => Err(path.error(
            other,
            format!("`Type` must be a string, found {}", other.type_name()),
        )),
    }
}

/// Writes a boxed value (fields boxed to break a type cycle).
#[allow(clippy::borrowed_box)]
pub fn write_boxed<T: JsonEncode>(v: &Box<T>, w: &mut JsonWriter) {
    v.as_ref().write_json(w)
}

/// Reads into a box (fields boxed to break a type cycle).
pub fn read_boxed<T: JsonDecode>(v: &JsonValue, path: &mut JsonPath) -> Result<Box<T>, JsonError> {
    T::read_json(v, path).map(Box::new)
}

/// Reads an enumeration value: strictly, only known names are accepted (a typo must not be
/// sent); leniently, an unknown name is kept as the enum's `UnknownValue`.
pub fn read_enum<T: JsonEnum>(
    v: &JsonValue,
    path: &JsonPath,
    parse: fn(&str) -> Option<T>,
) -> Result<T, JsonError> {
    let JsonKind::String(s) = &v.kind else {
        return Err(path.error(v, format!("expected a string, found {}", v.type_name())));
    };
    if let Some(known) = parse(s) {
        return Ok(known);
    }
    if path.is_lenient() {
        if let Some(kept) = T::parse_text(s) {
            return Ok(kept);
        }
    }
    Err(path.error(v, unknown_name_message(s, "value", &T::known_names())))
}

/// "`Serch` is not a known value; did you mean `Search`?"
pub(crate) fn unknown_name_message(name: &str, what: &str, known: &[&str]) -> String {
    let hint = closest(name, known)
        .map(|k| format!("; did you mean `{k}`?"))
        .unwrap_or_default();
    format!("`{name}` is not a known {what}{hint}")
}

/// A reader function for values without their own `JsonDecode` (array wrappers, boxes).
pub type JsonReader<T> = fn(&JsonValue, &mut JsonPath) -> Result<T, JsonError>;
/// A writer function for values without their own `JsonEncode`.
pub type JsonWriterFn<T> = fn(&T, &mut JsonWriter);

/// Member reading helpers used by generated code.
pub mod member {
    use super::*;

    /// A member that may be `null` (nil) or a value.
    pub fn nillable<T>(
        v: &JsonValue,
        path: &mut JsonPath,
        f: JsonReader<T>,
    ) -> Result<Nillable<T>, JsonError> {
        match v.kind {
            JsonKind::Null => Ok(Nillable::Nil),
            _ => f(v, path).map(Nillable::Value),
        }
    }

    /// An optional member (`null` reads as absent).
    pub fn opt<T>(
        v: &JsonValue,
        path: &mut JsonPath,
        f: JsonReader<T>,
    ) -> Result<Option<T>, JsonError> {
        match v.kind {
            JsonKind::Null => Ok(None),
            _ => f(v, path).map(Some),
        }
    }

    /// A required member.
    pub fn req<T>(v: &JsonValue, path: &mut JsonPath, f: JsonReader<T>) -> Result<T, JsonError> {
        match v.kind {
            JsonKind::Null => Err(path.error(v, "this member is required and cannot be null")),
            _ => f(v, path),
        }
    }

    /// An array whose schema items are nillable: a `null` item reads as `None` (sent as an
    /// `xsi:nil` item on the SOAP wire), as the output side writes it.
    pub fn array_of_optional<T>(
        v: &JsonValue,
        path: &mut JsonPath,
        f: JsonReader<T>,
    ) -> Result<Vec<Option<T>>, JsonError> {
        each_item(v, path, |item, path| match item.kind {
            JsonKind::Null => Ok(None),
            _ => f(item, path).map(Some),
        })
    }

    /// An array of items that may not be `null`.
    pub fn array<T>(
        v: &JsonValue,
        path: &mut JsonPath,
        mut f: impl FnMut(&JsonValue, &mut JsonPath) -> Result<T, JsonError>,
    ) -> Result<Vec<T>, JsonError> {
        each_item(v, path, |item, path| match item.kind {
            JsonKind::Null => Err(path.error(item, "array items here cannot be null")),
            _ => f(item, path),
        })
    }

    /// Reads every item of an array with `f`, the item's index on the path.
    fn each_item<T>(
        v: &JsonValue,
        path: &mut JsonPath,
        mut f: impl FnMut(&JsonValue, &mut JsonPath) -> Result<T, JsonError>,
    ) -> Result<Vec<T>, JsonError> {
        let JsonKind::Array(items) = &v.kind else {
            return Err(path.error(v, format!("expected an array, found {}", v.type_name())));
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            path.push_index(i);
            let r = f(item, path);
            path.pop();
            out.push(r?);
        }
        Ok(out)
    }
}

/// Writing helpers used by generated code.
pub mod emit {
    use super::*;

    pub fn nillable<T>(w: &mut JsonWriter, key: &'static str, v: &Nillable<T>, f: JsonWriterFn<T>) {
        match v {
            Nillable::Absent => {}
            Nillable::Nil => {
                w.key(key);
                w.null();
            }
            Nillable::Value(x) => {
                w.key(key);
                f(x, w);
            }
        }
    }

    /// A required nillable member: absent is written as `null`.
    pub fn nillable_req<T>(
        w: &mut JsonWriter,
        key: &'static str,
        v: &Nillable<T>,
        f: JsonWriterFn<T>,
    ) {
        match v {
            Nillable::Absent | Nillable::Nil => {
                w.key(key);
                w.null();
            }
            Nillable::Value(x) => {
                w.key(key);
                f(x, w);
            }
        }
    }

    pub fn opt<T>(w: &mut JsonWriter, key: &'static str, v: &Option<T>, f: JsonWriterFn<T>) {
        if let Some(x) = v {
            w.key(key);
            f(x, w);
        }
    }

    pub fn req<T>(w: &mut JsonWriter, key: &'static str, v: &T, f: JsonWriterFn<T>) {
        w.key(key);
        f(v, w);
    }

    pub fn array<T>(w: &mut JsonWriter, items: &[T], f: JsonWriterFn<T>) {
        w.begin_array();
        for item in items {
            w.item();
            f(item, w);
        }
        w.end_array();
    }

    pub fn array_of_optional<T>(w: &mut JsonWriter, items: &[Option<T>], f: JsonWriterFn<T>) {
        w.begin_array();
        for item in items {
            w.item();
            match item {
                Some(x) => f(x, w),
                None => w.null(),
            }
        }
        w.end_array();
    }
}

/// Reads a whole document of user input as `T`, strictly.
pub fn from_str<T: JsonDecode>(input: &str) -> Result<T, JsonError> {
    let v = parse(input)?;
    T::read_json(&v, &mut JsonPath::new())
}

/// Reads a whole document from the service as `T`, leniently (see [`JsonPath::lenient`]).
pub fn from_str_lenient<T: JsonDecode>(input: &str) -> Result<T, JsonError> {
    let v = parse(input)?;
    T::read_json(&v, &mut JsonPath::lenient())
}

/// Appends a request's REST body to `out`. With [`decode_response`] this is the whole seam
/// between the REST transport and the JSON engine.
pub fn write_body<T: JsonEncode + ?Sized>(value: &T, out: &mut Vec<u8>) {
    let mut w = JsonWriter::new();
    value.write_json(&mut w);
    out.extend_from_slice(w.into_string().as_bytes());
}

/// Decodes a REST 2xx response body leniently ([`JsonPath::lenient`]). An empty body or
/// `null` reads as an empty object: operations whose response wrapper has no fields answer
/// with an untyped (possibly empty) object.
pub fn decode_response<T: JsonDecode>(body: &[u8]) -> Result<T, crate::xml::DecodeError> {
    use crate::xml::{DecodeError, DecodeErrorKind};
    let fail = |path: String, message: String| DecodeError {
        kind: DecodeErrorKind::Json(message),
        path,
        position: 0,
        tracking_id: None,
    };
    let text = std::str::from_utf8(body)
        .map_err(|e| fail("$".into(), format!("the body is not UTF-8 ({e})")))?;
    let text = text.trim_start_matches('\u{feff}');
    let empty_object = JsonValue {
        kind: JsonKind::Object(Vec::new()),
        line: 1,
        column: 1,
    };
    let value = if text.trim().is_empty() {
        empty_object
    } else {
        let v = parse(text).map_err(|e| {
            fail(
                "$".into(),
                format!("{} (line {}, column {})", e.message, e.line, e.column),
            )
        })?;
        if matches!(v.kind, JsonKind::Null) {
            empty_object
        } else {
            v
        }
    };
    T::read_json(&value, &mut JsonPath::lenient()).map_err(|e| {
        fail(
            e.path.clone(),
            format!("{} (line {}, column {})", e.message, e.line, e.column),
        )
    })
}

/// Writes `value` as compact JSON.
pub fn to_string<T: JsonEncode + ?Sized>(value: &T) -> String {
    let mut w = JsonWriter::new();
    value.write_json(&mut w);
    w.into_string()
}

/// Writes `value` as indented JSON.
pub fn to_string_pretty<T: JsonEncode + ?Sized>(value: &T) -> String {
    let mut w = JsonWriter::pretty();
    value.write_json(&mut w);
    w.into_string()
}
