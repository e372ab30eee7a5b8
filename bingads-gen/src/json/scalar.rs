//! JSON forms of the primitive and text types.
//!
//! The REST form writes 64-bit integers as strings (JavaScript numbers cannot hold them),
//! other numbers as numbers, dates and times in their XSD text, and flag sets as one string
//! of names separated by `, `. Reading accepts a 64-bit integer as a number or a string and
//! flags as that string, a space-separated string, or an array of names.

use super::{JsonDecode, JsonEncode, JsonError, JsonKind, JsonPath, JsonValue, JsonWriter};
use crate::types::{AnyValue, Date, DateTime, Decimal, Duration, Flags, Guid, Time};
use crate::xml::XmlText;

/// How a text type appears in JSON.
pub trait JsonScalar: Sized {
    fn write_scalar(&self, w: &mut JsonWriter);
    fn read_scalar(v: &JsonValue, path: &JsonPath) -> Result<Self, JsonError>;
}

impl<T: JsonScalar> JsonEncode for T {
    fn write_json(&self, w: &mut JsonWriter) {
        self.write_scalar(w)
    }
}

impl<T: JsonScalar> JsonDecode for T {
    fn read_json(v: &JsonValue, path: &mut JsonPath) -> Result<Self, JsonError> {
        T::read_scalar(v, path)
    }
}

fn expected(v: &JsonValue, path: &JsonPath, what: &str) -> JsonError {
    path.error(v, format!("expected {what}, found {}", v.type_name()))
}

/// The text of a string value, or of a number when `numbers_too`.
fn text<'v>(
    v: &'v JsonValue,
    path: &JsonPath,
    what: &str,
    numbers_too: bool,
) -> Result<&'v str, JsonError> {
    match &v.kind {
        JsonKind::String(s) => Ok(s),
        JsonKind::Number(n) if numbers_too => Ok(n),
        _ => Err(expected(v, path, what)),
    }
}

impl JsonScalar for String {
    fn write_scalar(&self, w: &mut JsonWriter) {
        w.string(self)
    }
    fn read_scalar(v: &JsonValue, path: &JsonPath) -> Result<Self, JsonError> {
        text(v, path, "a string", false).map(str::to_string)
    }
}

impl JsonScalar for bool {
    fn write_scalar(&self, w: &mut JsonWriter) {
        w.bool(*self)
    }
    fn read_scalar(v: &JsonValue, path: &JsonPath) -> Result<Self, JsonError> {
        match &v.kind {
            JsonKind::Bool(b) => Ok(*b),
            JsonKind::String(s) if s == "true" || s == "false" => Ok(s == "true"),
            _ => Err(expected(v, path, "true or false")),
        }
    }
}

macro_rules! number_json {
    ($($t:ty => $desc:literal),*) => {$(
        impl JsonScalar for $t {
            fn write_scalar(&self, w: &mut JsonWriter) {
                w.raw_number(&self.to_string())
            }
            fn read_scalar(v: &JsonValue, path: &JsonPath) -> Result<Self, JsonError> {
                let t = text(v, path, $desc, true)?;
                t.trim().parse().map_err(|_| path.error(v, format!("`{t}` is not {}", $desc)))
            }
        }
    )*};
}

number_json!(i8 => "an 8-bit integer", i16 => "a 16-bit integer", i32 => "a 32-bit integer",
    u8 => "an unsigned 8-bit integer", u16 => "an unsigned 16-bit integer", u32 => "an unsigned 32-bit integer");

macro_rules! long_json {
    ($($t:ty => $desc:literal),*) => {$(
        /// Written as a string, as the REST API does; read from a string or a number.
        impl JsonScalar for $t {
            fn write_scalar(&self, w: &mut JsonWriter) {
                w.string(&self.to_string())
            }
            fn read_scalar(v: &JsonValue, path: &JsonPath) -> Result<Self, JsonError> {
                let t = text(v, path, $desc, true)?;
                t.trim().parse().map_err(|_| path.error(v, format!("`{t}` is not {}", $desc)))
            }
        }
    )*};
}

long_json!(i64 => "a 64-bit integer", u64 => "an unsigned 64-bit integer");

macro_rules! float_json {
    ($($t:ty),*) => {$(
        impl JsonScalar for $t {
            fn write_scalar(&self, w: &mut JsonWriter) {
                if self.is_finite() {
                    w.raw_number(&self.to_string())
                } else {
                    // JSON has no NaN or infinities; the XSD spelling as a string survives.
                    let mut s = String::new();
                    self.write_text(&mut s);
                    w.string(&s)
                }
            }
            fn read_scalar(v: &JsonValue, path: &JsonPath) -> Result<Self, JsonError> {
                let t = text(v, path, "a number", true)?;
                let n = <$t as XmlText>::parse_text(t)
                    .ok_or_else(|| path.error(v, format!("`{t}` is not a number")))?;
                // Input must not become a value the service reads as INF or NaN: `1e400`
                // overflows to infinity and `NaN`/`INF` are only XSD spellings. A response
                // may carry them (the XML decoder keeps them too).
                if n.is_finite() || path.is_lenient() {
                    Ok(n)
                } else {
                    Err(path.error(v, format!(
                        "`{t}` is not a finite number{}",
                        if matches!(v.kind, JsonKind::Number(_)) { " (out of range for a double)" } else { "" }
                    )))
                }
            }
        }
    )*};
}

float_json!(f32, f64);

impl JsonScalar for Decimal {
    fn write_scalar(&self, w: &mut JsonWriter) {
        // A decimal's exact digits are valid JSON number syntax once a leading '+' is gone
        // and a bare trailing '.' has digits.
        let s = self.as_str().trim_start_matches('+');
        let s = if s.ends_with('.') {
            format!("{s}0")
        } else {
            s.to_string()
        };
        let s = if s.starts_with('.') || s.starts_with("-.") {
            s.replacen('.', "0.", 1)
        } else {
            s
        };
        w.raw_number(&s)
    }
    fn read_scalar(v: &JsonValue, path: &JsonPath) -> Result<Self, JsonError> {
        let t = text(v, path, "a decimal number", true)?;
        let plain = if t.contains(['e', 'E']) {
            None
        } else {
            Decimal::parse(t.trim())
        };
        plain.ok_or_else(|| {
            path.error(
                v,
                format!("`{t}` is not a plain decimal number (no exponent)"),
            )
        })
    }
}

/// Types whose JSON form is their XSD text in a string.
macro_rules! text_json {
    ($($t:ty => $desc:literal),*) => {$(
        impl JsonScalar for $t {
            fn write_scalar(&self, w: &mut JsonWriter) {
                let mut s = String::new();
                self.write_text(&mut s);
                w.string(&s)
            }
            fn read_scalar(v: &JsonValue, path: &JsonPath) -> Result<Self, JsonError> {
                let t = text(v, path, $desc, false)?;
                <$t as XmlText>::parse_text(t).ok_or_else(|| path.error(v, format!("`{t}` is not {}", $desc)))
            }
        }
    )*};
}

text_json!(DateTime => "a date-time such as 2024-05-06T07:08:09Z", Date => "a date such as 2024-05-06",
    Time => "a time such as 07:08:09", Duration => "a duration such as P1DT2H", Guid => "a GUID",
    Vec<u8> => "base64 data", AnyValue => "a string");

impl JsonScalar for char {
    fn write_scalar(&self, w: &mut JsonWriter) {
        w.string(&self.to_string())
    }
    fn read_scalar(v: &JsonValue, path: &JsonPath) -> Result<Self, JsonError> {
        let t = text(v, path, "a single character", false)?;
        let mut chars = t.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Ok(c),
            _ => Err(path.error(v, format!("`{t}` is not a single character"))),
        }
    }
}

/// Enumerations generated from the schema implement this to get their JSON form (their
/// wire string).
pub trait JsonEnum: XmlText {
    fn name(&self) -> String {
        let mut s = String::new();
        self.write_text(&mut s);
        s
    }
    /// Every known name, for error hints.
    fn known_names() -> Vec<&'static str>;
}

impl<T: JsonEnum> JsonScalar for Flags<T> {
    fn write_scalar(&self, w: &mut JsonWriter) {
        let names: Vec<String> = self.iter().map(JsonEnum::name).collect();
        w.string(&names.join(", "))
    }
    fn read_scalar(v: &JsonValue, path: &JsonPath) -> Result<Self, JsonError> {
        let names: Vec<&str> = match &v.kind {
            JsonKind::String(s) => s
                .split([',', ' '])
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .collect(),
            JsonKind::Array(items) => {
                let mut out = Vec::new();
                for item in items {
                    out.push(text(item, path, "a flag name", false)?);
                }
                out
            }
            _ => {
                return Err(expected(
                    v,
                    path,
                    "a string of flag names or an array of names",
                ));
            }
        };
        // Strictly, a misspelt name is refused like a misspelt enum value (it would otherwise
        // be sent and refused by the service, or worse, ignored); leniently it is kept.
        let known = T::known_names();
        names
            .into_iter()
            .map(|n| {
                let parsed = if known.contains(&n) || path.is_lenient() {
                    T::parse_text(n)
                } else {
                    None
                };
                parsed.ok_or_else(|| path.error(v, super::unknown_name_message(n, "flag", &known)))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Flags)
    }
}
