//! JSON forms of the primitive and text types.
//!
//! The REST form writes 64-bit integers as strings (JavaScript numbers cannot hold them),
//! other numbers as numbers, dates and times in their XSD text, and flag sets as one string
//! of names separated by `, `. Reading accepts a number as a number or a numeric string,
//! and flags as that string, a space-separated string, or an array of names.
//!
//! Integers never pass through `f64`: serde_json hands integers over as `u64`/`i64`.
//! Decimals are JSON numbers both ways; their precision guarantee is stated in the docs of
//! [`crate::json`] ("Decimals").

use std::fmt;

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::ser::Serializer;

use super::context::Cx;
use super::read::{ArrayItem, JsonRead, reject_kinds};
use super::write::JsonWrite;
use crate::types::{AnyValue, Date, DateTime, Decimal, Duration, Flags, Guid, Time};
use crate::xml::XmlText;

/// How a scalar is read from each kind of JSON value; a kind it does not accept is a
/// "wrong kind" error. `Err` carries the message.
trait Scalar: Sized {
    const WHAT: &'static str;
    fn from_str(s: &str, cx: &Cx) -> Result<Self, String>;
    fn from_string(s: String, cx: &Cx) -> Result<Self, String> {
        Self::from_str(&s, cx)
    }
    fn from_u64(v: u64) -> Result<Self, String> {
        Err(wrong_number(Self::WHAT, v))
    }
    fn from_i64(v: i64) -> Result<Self, String> {
        Err(wrong_number(Self::WHAT, v))
    }
    fn from_f64(v: f64) -> Result<Self, String> {
        Err(wrong_number(Self::WHAT, v))
    }
    fn from_bool(_: bool) -> Result<Self, String> {
        Err(format!("expected {}, found a boolean", Self::WHAT))
    }
}

#[cold]
fn wrong_number(what: &str, v: impl fmt::Display) -> String {
    format!("expected {what}, found the number {v}")
}

#[cold]
fn not_a(what: &str, v: impl fmt::Display) -> String {
    format!("`{}` is not {what}", super::clip(&v.to_string()))
}

struct ScalarVisitor<'c, T> {
    cx: &'c Cx,
    t: std::marker::PhantomData<fn() -> T>,
}

fn read_scalar<'de, D: Deserializer<'de>, T: Scalar>(d: D, cx: &Cx) -> Result<T, D::Error> {
    d.deserialize_any(ScalarVisitor::<T> {
        cx,
        t: std::marker::PhantomData,
    })
}

impl<'de, T: Scalar> Visitor<'de> for ScalarVisitor<'_, T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::WHAT)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        T::from_str(v, self.cx).map_err(E::custom)
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<T, E> {
        T::from_string(v, self.cx).map_err(E::custom)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        T::from_u64(v).map_err(E::custom)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        T::from_i64(v).map_err(E::custom)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
        T::from_f64(v).map_err(E::custom)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<T, E> {
        T::from_bool(v).map_err(E::custom)
    }
    reject_kinds!(T::WHAT; null seq map);
}

macro_rules! scalar_json {
    ($($t:ty),*) => {$(
        impl JsonRead for $t {
            #[inline]
            fn read<'de, D: Deserializer<'de>>(d: D, cx: &Cx) -> Result<Self, D::Error> {
                read_scalar(d, cx)
            }
        }
    )*};
}

scalar_json!(
    String,
    bool,
    i8,
    i16,
    i32,
    i64,
    u8,
    u16,
    u32,
    u64,
    f32,
    f64,
    Decimal,
    char,
    DateTime,
    Date,
    Time,
    Duration,
    Guid,
    Vec<u8>,
    AnyValue
);

macro_rules! array_item {
    ($($t:ty),*) => {$( impl ArrayItem for $t {} )*};
}

array_item!(
    String,
    bool,
    i8,
    i16,
    i32,
    i64,
    u16,
    u32,
    u64,
    f32,
    f64,
    Decimal,
    char,
    DateTime,
    Date,
    Time,
    Duration,
    Guid,
    Vec<u8>,
    AnyValue
);
impl<T: JsonEnum> ArrayItem for Flags<T> {}

impl Scalar for String {
    const WHAT: &'static str = "a string";
    fn from_str(s: &str, _: &Cx) -> Result<Self, String> {
        Ok(s.to_string())
    }
    fn from_string(s: String, _: &Cx) -> Result<Self, String> {
        Ok(s)
    }
}

impl JsonWrite for String {
    fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self)
    }
}

impl Scalar for bool {
    const WHAT: &'static str = "true or false";
    fn from_str(s: &str, _: &Cx) -> Result<Self, String> {
        match s {
            "true" => Ok(true),
            "false" => Ok(false),
            _ => Err(format!("expected {}, found a string", Self::WHAT)),
        }
    }
    fn from_bool(v: bool) -> Result<Self, String> {
        Ok(v)
    }
}

impl JsonWrite for bool {
    fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bool(*self)
    }
}

macro_rules! integer_json {
    ($($t:ty => $desc:literal, $as_string:literal);*) => {$(
        impl Scalar for $t {
            const WHAT: &'static str = $desc;
            fn from_str(s: &str, _: &Cx) -> Result<Self, String> {
                s.trim().parse().map_err(|_| not_a($desc, s))
            }
            fn from_u64(v: u64) -> Result<Self, String> {
                <$t>::try_from(v).map_err(|_| not_a($desc, v))
            }
            fn from_i64(v: i64) -> Result<Self, String> {
                <$t>::try_from(v).map_err(|_| not_a($desc, v))
            }
            fn from_f64(v: f64) -> Result<Self, String> {
                // A fraction or an exponent: never rounded into an integer.
                Err(not_a($desc, v))
            }
        }

        impl JsonWrite for $t {
            fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                if $as_string {
                    // The REST form: JavaScript numbers cannot hold every 64-bit integer.
                    s.collect_str(self)
                } else {
                    s.serialize_i64(i64::from(*self))
                }
            }
        }
    )*};
}

integer_json!(
    i8 => "an 8-bit integer", false;
    u8 => "an unsigned 8-bit integer", false;
    i16 => "a 16-bit integer", false;
    i32 => "a 32-bit integer", false;
    u16 => "an unsigned 16-bit integer", false;
    u32 => "an unsigned 32-bit integer", false
);

impl Scalar for i64 {
    const WHAT: &'static str = "a 64-bit integer";
    fn from_str(s: &str, _: &Cx) -> Result<Self, String> {
        s.trim().parse().map_err(|_| not_a(Self::WHAT, s))
    }
    fn from_u64(v: u64) -> Result<Self, String> {
        i64::try_from(v).map_err(|_| not_a(Self::WHAT, v))
    }
    fn from_i64(v: i64) -> Result<Self, String> {
        Ok(v)
    }
    fn from_f64(v: f64) -> Result<Self, String> {
        Err(not_a(Self::WHAT, v))
    }
}

impl Scalar for u64 {
    const WHAT: &'static str = "an unsigned 64-bit integer";
    fn from_str(s: &str, _: &Cx) -> Result<Self, String> {
        s.trim().parse().map_err(|_| not_a(Self::WHAT, s))
    }
    fn from_u64(v: u64) -> Result<Self, String> {
        Ok(v)
    }
    fn from_i64(v: i64) -> Result<Self, String> {
        u64::try_from(v).map_err(|_| not_a(Self::WHAT, v))
    }
    fn from_f64(v: f64) -> Result<Self, String> {
        Err(not_a(Self::WHAT, v))
    }
}

macro_rules! long_write {
    ($($t:ty),*) => {$(
        /// Written as a string, as the REST API does.
        impl JsonWrite for $t {
            fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
    )*};
}

long_write!(i64, u64);

/// Largest integer an `f64` holds exactly, and so written without a fraction.
const EXACT_F64_INT: f64 = 9_007_199_254_740_992.0;

macro_rules! float_json {
    ($($t:ty),*) => {$(
        impl Scalar for $t {
            const WHAT: &'static str = "a number";
            fn from_str(s: &str, cx: &Cx) -> Result<Self, String> {
                let v = <$t as XmlText>::parse_text(s).ok_or_else(|| not_a(Self::WHAT, s))?;
                // NaN and the infinities only come from services (their XSD spelling);
                // user input naming them is a mistake.
                if cx.strict() && !v.is_finite() {
                    return Err(format!("`{}` is not a finite number", super::clip(s)));
                }
                Ok(v)
            }
            fn from_u64(v: u64) -> Result<Self, String> {
                Ok(v as $t)
            }
            fn from_i64(v: i64) -> Result<Self, String> {
                Ok(v as $t)
            }
            fn from_f64(v: f64) -> Result<Self, String> {
                let n = v as $t;
                if n.is_finite() {
                    Ok(n)
                } else {
                    Err(format!("`{v}` is out of range for {}", stringify!($t)))
                }
            }
        }

        impl JsonWrite for $t {
            fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let v = *self;
                if v.is_finite() && v.fract() == 0.0 && f64::from(v).abs() < EXACT_F64_INT {
                    // `100`, not `100.0`: the REST form writes whole numbers plainly.
                    s.serialize_i64(f64::from(v) as i64)
                } else if v.is_finite() {
                    write_float(v, s)
                } else {
                    // JSON has no NaN or infinities; the XSD spelling as a string survives.
                    let mut text = String::new();
                    v.write_text(&mut text);
                    s.serialize_str(&text)
                }
            }
        }
    )*};
}

float_json!(f32, f64);

trait WriteFloat {
    fn write_float<S: Serializer>(self, s: S) -> Result<S::Ok, S::Error>;
}
impl WriteFloat for f32 {
    fn write_float<S: Serializer>(self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f32(self)
    }
}
impl WriteFloat for f64 {
    fn write_float<S: Serializer>(self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self)
    }
}
fn write_float<F: WriteFloat, S: Serializer>(v: F, s: S) -> Result<S::Ok, S::Error> {
    v.write_float(s)
}

impl Scalar for Decimal {
    const WHAT: &'static str = "a decimal number";
    fn from_str(s: &str, _: &Cx) -> Result<Self, String> {
        let t = s.trim();
        if t.contains(['e', 'E']) {
            return Err(format!(
                "`{}` is not a plain decimal number (no exponent)",
                super::clip(s)
            ));
        }
        Decimal::parse(t).ok_or_else(|| not_a(Self::WHAT, s))
    }
    fn from_u64(v: u64) -> Result<Self, String> {
        Decimal::parse(&v.to_string()).ok_or_else(|| not_a(Self::WHAT, v))
    }
    fn from_i64(v: i64) -> Result<Self, String> {
        Ok(Decimal::from(v))
    }
    fn from_f64(v: f64) -> Result<Self, String> {
        // `Display` for f64 is the shortest text that reads back as the same f64, never
        // with an exponent: the digits the document had, up to f64's precision.
        Decimal::parse(&v.to_string()).ok_or_else(|| not_a(Self::WHAT, v))
    }
}

impl JsonWrite for Decimal {
    fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match decimal_number(self.as_str()) {
            DecimalNumber::I64(i) => s.serialize_i64(i),
            DecimalNumber::U64(u) => s.serialize_u64(u),
            DecimalNumber::F64(f) => s.serialize_f64(f),
            // Beyond any number JSON readers hold (an f64's range): a string keeps it, and
            // no amount the API accepts comes near.
            DecimalNumber::OutOfRange(text) => s.serialize_str(text),
        }
    }
}

/// The JSON number a decimal is written as.
#[derive(Debug, PartialEq)]
enum DecimalNumber<'a> {
    I64(i64),
    U64(u64),
    F64(f64),
    OutOfRange(&'a str),
}

/// The REST form of a decimal is a JSON number (the service and its official client read a
/// number; a string may be refused). Whole values are written as integers (`100`, not
/// `100.0`), everything else as the nearest `f64`, whose shortest text is the decimal's own
/// digits whenever it has at most 15 significant digits.
fn decimal_number(text: &str) -> DecimalNumber<'_> {
    let body = text.strip_prefix('+').unwrap_or(text);
    // `12.50` and `12.5` are one number; dropping the zeros lets `100.00` be written `100`.
    let whole = match body.split_once('.') {
        Some((int, frac)) if frac.bytes().all(|b| b == b'0') => int,
        Some(_) => "",
        None => body,
    };
    if !whole.is_empty() && whole != "-" {
        if let Ok(i) = whole.parse::<i64>() {
            return DecimalNumber::I64(i);
        }
        if let Ok(u) = whole.parse::<u64>() {
            return DecimalNumber::U64(u);
        }
    }
    match body.parse::<f64>() {
        // A value too small for an f64 reads as zero: only a real zero may be written so.
        Ok(f) if f.is_finite() && (f != 0.0 || is_zero(body)) => DecimalNumber::F64(f),
        _ => DecimalNumber::OutOfRange(body),
    }
}

fn is_zero(decimal: &str) -> bool {
    decimal
        .bytes()
        .all(|b| matches!(b, b'0' | b'.' | b'-' | b'+'))
}

impl Scalar for char {
    const WHAT: &'static str = "a single character";
    fn from_str(s: &str, _: &Cx) -> Result<Self, String> {
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Ok(c),
            _ => Err(format!("`{}` is not a single character", super::clip(s))),
        }
    }
}

impl JsonWrite for char {
    fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_char(*self)
    }
}

/// Types whose JSON form is their XSD text in a string.
macro_rules! text_json {
    ($($t:ty => $desc:literal),*) => {$(
        impl Scalar for $t {
            const WHAT: &'static str = $desc;
            fn from_str(s: &str, _: &Cx) -> Result<Self, String> {
                <$t as XmlText>::parse_text(s).ok_or_else(|| not_a($desc, s))
            }
        }
        impl JsonWrite for $t {
            fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut text = String::new();
                self.write_text(&mut text);
                s.serialize_str(&text)
            }
        }
    )*};
}

text_json!(DateTime => "a date-time such as 2024-05-06T07:08:09Z", Date => "a date such as 2024-05-06",
    Time => "a time such as 07:08:09", Duration => "a duration such as P1DT2H", Guid => "a GUID",
    Vec<u8> => "base64 data", AnyValue => "a string");

// ---- enumerations and flags --------------------------------------------------------------

/// Generated for every enumeration: its wire names.
pub trait JsonEnum: Sized {
    /// Every known name, for "did you mean" hints.
    const NAMES: &'static [&'static str];
    /// The wire name (an unknown value's own text).
    fn as_str(&self) -> &str;
    /// The value a wire name stands for, `None` for a name this version does not know.
    fn known(name: &str) -> Option<Self>;
    /// A value this version does not know, kept as its text.
    fn unknown(name: &str) -> Self;
}

/// A name read in strict mode must be known; in lenient mode it is kept as unknown.
fn enum_value<T: JsonEnum>(name: &str, cx: &Cx, what: &str) -> Result<T, String> {
    match T::known(name) {
        Some(v) => Ok(v),
        None if !cx.strict() => Ok(T::unknown(name)),
        None => {
            let hint = super::closest(name, T::NAMES)
                .map(|k| format!("; did you mean `{k}`?"))
                .unwrap_or_default();
            Err(format!(
                "`{}` is not a known {what}{hint}",
                super::clip(name)
            ))
        }
    }
}

struct EnumVisitor<'c, T>(&'c Cx, std::marker::PhantomData<fn() -> T>);

impl<'de, T: JsonEnum> Visitor<'de> for EnumVisitor<'_, T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        enum_value(v, self.0, "value").map_err(E::custom)
    }
    reject_kinds!("a string"; bool num null seq map);
}

/// Reads an enumeration value.
pub fn read_enum<'de, D: Deserializer<'de>, T: JsonEnum>(d: D, cx: &Cx) -> Result<T, D::Error> {
    d.deserialize_any(EnumVisitor::<T>(cx, std::marker::PhantomData))
}

/// Writes an enumeration value.
pub fn write_enum<S: Serializer, T: JsonEnum>(v: &T, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(v.as_str())
}

impl<T: JsonEnum> JsonWrite for Flags<T> {
    fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut text = String::new();
        for (i, flag) in self.iter().enumerate() {
            if i > 0 {
                text.push_str(", ");
            }
            text.push_str(flag.as_str());
        }
        s.serialize_str(&text)
    }
}

impl<T: JsonEnum> JsonRead for Flags<T> {
    fn read<'de, D: Deserializer<'de>>(d: D, cx: &Cx) -> Result<Self, D::Error> {
        d.deserialize_any(FlagsVisitor::<T>(cx, std::marker::PhantomData))
    }
}

struct FlagsVisitor<'c, T>(&'c Cx, std::marker::PhantomData<fn() -> T>);

const FLAGS: &str = "a string of flag names or an array of names";

impl<'de, T: JsonEnum> Visitor<'de> for FlagsVisitor<'_, T> {
    type Value = Flags<T>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(FLAGS)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Flags<T>, E> {
        v.split([',', ' '])
            .map(str::trim)
            .filter(|n| !n.is_empty() && !empty_set_name::<T>(n, self.0))
            .map(|n| enum_value(n, self.0, "flag"))
            .collect::<Result<Vec<_>, _>>()
            .map(Flags)
            .map_err(E::custom)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Flags<T>, A::Error> {
        let mut out = Vec::new();
        while let Some(item) = seq.next_element_seed(FlagName)? {
            // An item holding separators is split like the string form, so what is written
            // back (one string) reads as the same flags.
            let names = item.split([',', ' ']).map(str::trim);
            for name in names.filter(|n| !n.is_empty() && !empty_set_name::<T>(n, self.0)) {
                out.push(enum_value(name, self.0, "flag").map_err(de::Error::custom)?);
            }
        }
        Ok(Flags(out))
    }
    reject_kinds!(FLAGS; bool num null map);
}

/// The REST flag enums add `None` for the empty set (`enum_differences` in rest-json.json);
/// a response may say so where the WSDL has no such name.
fn empty_set_name<T: JsonEnum>(name: &str, cx: &Cx) -> bool {
    !cx.strict() && name == "None" && T::known(name).is_none()
}

struct FlagName;

impl<'de> de::DeserializeSeed<'de> for FlagName {
    type Value = String;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        d.deserialize_any(FlagName)
    }
}

impl<'de> Visitor<'de> for FlagName {
    type Value = String;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a flag name")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_string())
    }
    reject_kinds!("a flag name"; bool num null seq map);
}
