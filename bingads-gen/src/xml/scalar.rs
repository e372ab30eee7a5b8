//! Values written as text: XSD primitives, generated enumerations and flag sets.

use super::{DecodeError, XmlDecode, XmlEncode, XmlReader, XmlWriter};

/// A value whose element content is a single text node.
pub trait XmlText: Sized {
    /// The XSD type name, for error messages.
    const XSD_TYPE: &'static str;
    /// Appends the lexical form.
    fn write_text(&self, out: &mut String);
    /// Parses the lexical form; `None` when it is not valid.
    fn parse_text(text: &str) -> Option<Self>;
}

impl<T: XmlText> XmlEncode for T {
    fn encode(&self, w: &mut XmlWriter, ns: &'static str, name: &str) {
        let mut text = String::new();
        self.write_text(&mut text);
        w.start(ns, name);
        if !text.is_empty() {
            w.text(&text);
        }
        w.end(name);
    }
}

impl<T: XmlText> XmlDecode for T {
    fn decode(r: &mut XmlReader<'_>) -> Result<Self, DecodeError> {
        let text = r.read_text()?;
        T::parse_text(&text).ok_or_else(|| r.invalid(T::XSD_TYPE, &text))
    }
}

impl XmlText for String {
    const XSD_TYPE: &'static str = "string";
    fn write_text(&self, out: &mut String) {
        out.push_str(self);
    }
    fn parse_text(text: &str) -> Option<Self> {
        Some(text.to_string())
    }
}

impl XmlText for bool {
    const XSD_TYPE: &'static str = "boolean";
    fn write_text(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
    fn parse_text(text: &str) -> Option<Self> {
        match text.trim() {
            "true" | "1" => Some(true),
            "false" | "0" => Some(false),
            _ => None,
        }
    }
}

macro_rules! integer_text {
    ($($t:ty => $name:literal),* $(,)?) => {$(
        impl XmlText for $t {
            const XSD_TYPE: &'static str = $name;
            fn write_text(&self, out: &mut String) {
                use std::fmt::Write;
                let _ = write!(out, "{self}");
            }
            fn parse_text(text: &str) -> Option<Self> {
                let t = text.trim();
                // XSD allows a leading '+'; Rust's parser does too for integers.
                t.parse().ok()
            }
        }
    )*};
}

integer_text!(i8 => "byte", i16 => "short", i32 => "int", i64 => "long", u8 => "unsignedByte",
    u16 => "unsignedShort", u32 => "unsignedInt", u64 => "unsignedLong");

macro_rules! float_text {
    ($($t:ty => $name:literal),* $(,)?) => {$(
        impl XmlText for $t {
            const XSD_TYPE: &'static str = $name;
            fn write_text(&self, out: &mut String) {
                use std::fmt::Write;
                if self.is_nan() {
                    out.push_str("NaN");
                } else if self.is_infinite() {
                    out.push_str(if *self > 0.0 { "INF" } else { "-INF" });
                } else {
                    // Rust prints the shortest text that reads back to the same value.
                    let _ = write!(out, "{self}");
                }
            }
            fn parse_text(text: &str) -> Option<Self> {
                match text.trim() {
                    "INF" | "+INF" => Some(<$t>::INFINITY),
                    "-INF" => Some(<$t>::NEG_INFINITY),
                    "NaN" => Some(<$t>::NAN),
                    t if t.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.' | b'e' | b'E')) => t.parse().ok(),
                    _ => None,
                }
            }
        }
    )*};
}

float_text!(f32 => "float", f64 => "double");

/// WCF writes `char` as its UTF-16 code unit number.
impl XmlText for char {
    const XSD_TYPE: &'static str = "char";
    fn write_text(&self, out: &mut String) {
        (*self as u32).write_text(out);
    }
    fn parse_text(text: &str) -> Option<Self> {
        char::from_u32(u32::parse_text(text)?)
    }
}
