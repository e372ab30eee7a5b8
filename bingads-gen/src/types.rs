//! Value types the generated structs are made of, beyond Rust's primitives.
//!
//! [`Nillable`] keeps absent, `xsi:nil` and a value apart (Bing Ads gives them different
//! meanings in updates: absent leaves a field as it is, nil clears it). The date, time,
//! decimal and GUID types keep the exact XSD lexical value so nothing is lost through a
//! float or a time zone conversion.

use std::fmt;
use std::str::FromStr;

use crate::xml::XmlText;

/// A nillable element: not sent at all, sent as `xsi:nil="true"`, or sent with a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Nillable<T> {
    /// The element is not written (in an update: leave the field unchanged).
    #[default]
    Absent,
    /// The element is written with `xsi:nil="true"` (in an update: clear the field).
    Nil,
    Value(T),
}

impl<T> Nillable<T> {
    /// The value, if there is one.
    pub fn value(&self) -> Option<&T> {
        match self {
            Nillable::Value(v) => Some(v),
            _ => None,
        }
    }

    pub fn value_mut(&mut self) -> Option<&mut T> {
        match self {
            Nillable::Value(v) => Some(v),
            _ => None,
        }
    }

    pub fn into_value(self) -> Option<T> {
        match self {
            Nillable::Value(v) => Some(v),
            _ => None,
        }
    }

    pub fn is_absent(&self) -> bool {
        matches!(self, Nillable::Absent)
    }

    pub fn is_nil(&self) -> bool {
        matches!(self, Nillable::Nil)
    }

    pub fn as_ref(&self) -> Nillable<&T> {
        match self {
            Nillable::Absent => Nillable::Absent,
            Nillable::Nil => Nillable::Nil,
            Nillable::Value(v) => Nillable::Value(v),
        }
    }

    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Nillable<U> {
        match self {
            Nillable::Absent => Nillable::Absent,
            Nillable::Nil => Nillable::Nil,
            Nillable::Value(v) => Nillable::Value(f(v)),
        }
    }
}

impl<T> From<T> for Nillable<T> {
    fn from(v: T) -> Self {
        Nillable::Value(v)
    }
}

impl<T> From<Option<T>> for Nillable<T> {
    /// `None` becomes [`Nillable::Nil`] (sent, and clearing), not [`Nillable::Absent`].
    fn from(v: Option<T>) -> Self {
        v.map_or(Nillable::Nil, Nillable::Value)
    }
}

impl From<&str> for Nillable<String> {
    fn from(v: &str) -> Self {
        Nillable::Value(v.to_string())
    }
}

/// A set of flags written as one space-separated element (`xs:list`), such as
/// `CampaignType` = `Search Shopping`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Flags<T>(pub Vec<T>);

impl<T> Flags<T> {
    pub fn new() -> Self {
        Flags(Vec::new())
    }

    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    pub fn contains(&self, flag: &T) -> bool
    where
        T: PartialEq,
    {
        self.0.contains(flag)
    }
}

impl<T> std::ops::Deref for Flags<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.0
    }
}

impl<T> From<Vec<T>> for Flags<T> {
    fn from(v: Vec<T>) -> Self {
        Flags(v)
    }
}

impl<T, const N: usize> From<[T; N]> for Flags<T> {
    fn from(v: [T; N]) -> Self {
        Flags(v.into())
    }
}

impl<T> FromIterator<T> for Flags<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Flags(iter.into_iter().collect())
    }
}

impl<T: XmlText> XmlText for Flags<T> {
    const XSD_TYPE: &'static str = "list";
    fn write_text(&self, out: &mut String) {
        for (i, flag) in self.0.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            flag.write_text(out);
        }
    }
    fn parse_text(text: &str) -> Option<Self> {
        text.split_ascii_whitespace()
            .map(T::parse_text)
            .collect::<Option<Vec<_>>>()
            .map(Flags)
    }
}

/// Bytes written as `xs:base64Binary`.
impl XmlText for Vec<u8> {
    const XSD_TYPE: &'static str = "base64Binary";
    fn write_text(&self, out: &mut String) {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD.encode_string(self, out);
    }
    fn parse_text(text: &str) -> Option<Self> {
        use base64::Engine;
        let compact: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
        base64::engine::general_purpose::STANDARD
            .decode(compact)
            .ok()
    }
}

/// Parse failure of one of the lexical types in this module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseValueError {
    pub expected: &'static str,
    pub found: String,
}

impl fmt::Display for ParseValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not a valid {}", self.found, self.expected)
    }
}

impl std::error::Error for ParseValueError {}

/// Implements `XmlText`, `Display` and `FromStr` for a type with `parse` and `fmt_lexical`.
macro_rules! lexical_type {
    ($t:ty, $name:literal) => {
        impl XmlText for $t {
            const XSD_TYPE: &'static str = $name;
            fn write_text(&self, out: &mut String) {
                use std::fmt::Write;
                let _ = write!(out, "{self}");
            }
            fn parse_text(text: &str) -> Option<Self> {
                Self::parse(text.trim())
            }
        }

        impl FromStr for $t {
            type Err = ParseValueError;
            fn from_str(s: &str) -> Result<Self, ParseValueError> {
                Self::parse(s.trim()).ok_or_else(|| ParseValueError {
                    expected: $name,
                    found: s.to_string(),
                })
            }
        }
    };
}

/// An `xs:decimal`, kept as its exact decimal text (money must not pass through `f64`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Decimal(String);

impl Decimal {
    /// Validates `[+-]digits[.digits]`.
    pub fn parse(text: &str) -> Option<Self> {
        let body = text.strip_prefix(['+', '-']).unwrap_or(text);
        let (int, frac) = body.split_once('.').unwrap_or((body, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if (int.is_empty() && frac.is_empty()) || !digits(int) || !digits(frac) {
            return None;
        }
        Some(Decimal(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The nearest `f64` (for display or arithmetic where rounding is acceptable).
    pub fn to_f64(&self) -> f64 {
        self.0.parse().unwrap_or(0.0)
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<i64> for Decimal {
    fn from(v: i64) -> Self {
        Decimal(v.to_string())
    }
}

lexical_type!(Decimal, "decimal");

/// Reads `n` ASCII digits from the front of `s`.
fn digits(s: &str, n: usize) -> Option<(u32, &str)> {
    let head = s.get(..n)?;
    if !head.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((head.parse().ok()?, s.get(n..)?))
}

/// Parses an optional time zone designator: `Z`, `+hh:mm`, `-hh:mm`, or nothing.
fn parse_offset(s: &str) -> Option<Option<i16>> {
    match s.as_bytes().first() {
        None => Some(None),
        Some(b'Z') if s.len() == 1 => Some(Some(0)),
        Some(sign @ (b'+' | b'-')) => {
            let (h, rest) = digits(s.get(1..)?, 2)?;
            let (m, rest) = digits(rest.strip_prefix(':')?, 2)?;
            if !rest.is_empty() || h > 14 || m > 59 {
                return None;
            }
            let minutes = (h * 60 + m) as i16;
            Some(Some(if *sign == b'-' { -minutes } else { minutes }))
        }
        _ => None,
    }
}

fn fmt_offset(f: &mut fmt::Formatter<'_>, offset: Option<i16>) -> fmt::Result {
    match offset {
        None => Ok(()),
        Some(0) => f.write_str("Z"),
        Some(m) => {
            let sign = if m < 0 { '-' } else { '+' };
            let m = m.unsigned_abs();
            write!(f, "{sign}{:02}:{:02}", m / 60, m % 60)
        }
    }
}

/// Parses `YYYY-MM-DD` (with an optional leading `-` and more year digits), returning the rest.
fn parse_date_part(s: &str) -> Option<(i32, u8, u8, &str)> {
    let (neg, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let dash = s.find('-')?;
    if dash < 4 {
        return None;
    }
    let (year, rest) = digits(s, dash)?;
    let (month, rest) = digits(rest.strip_prefix('-')?, 2)?;
    let (day, rest) = digits(rest.strip_prefix('-')?, 2)?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let year = i32::try_from(year).ok()?;
    Some((if neg { -year } else { year }, month as u8, day as u8, rest))
}

/// Parses `hh:mm:ss[.fffffff]`, returning the rest.
fn parse_time_part(s: &str) -> Option<(u8, u8, u8, u32, &str)> {
    let (hour, rest) = digits(s, 2)?;
    let (minute, rest) = digits(rest.strip_prefix(':')?, 2)?;
    let (second, mut rest) = digits(rest.strip_prefix(':')?, 2)?;
    let mut nanos = 0u32;
    if let Some(frac) = rest.strip_prefix('.') {
        let len = frac.bytes().take_while(|b| b.is_ascii_digit()).count();
        if len == 0 {
            return None;
        }
        let (all, tail) = frac.split_at(len);
        for (i, b) in all.bytes().take(9).enumerate() {
            nanos += u32::from(b - b'0') * 10u32.pow(8 - i as u32);
        }
        rest = tail;
    }
    if hour > 24 || minute > 59 || second > 60 {
        return None;
    }
    Some((hour as u8, minute as u8, second as u8, nanos, rest))
}

fn fmt_time_part(f: &mut fmt::Formatter<'_>, h: u8, m: u8, s: u8, nanos: u32) -> fmt::Result {
    write!(f, "{h:02}:{m:02}:{s:02}")?;
    if nanos > 0 {
        let frac = format!("{nanos:09}");
        write!(f, ".{}", frac.trim_end_matches('0'))?;
    }
    Ok(())
}

/// An `xs:dateTime` as sent by the service: calendar fields plus an optional UTC offset in
/// minutes (`None`: no zone given, as in many Bing Ads dates, which are account-local).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct DateTime {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    pub nanosecond: u32,
    pub offset_minutes: Option<i16>,
}

impl DateTime {
    pub fn parse(s: &str) -> Option<Self> {
        let (year, month, day, rest) = parse_date_part(s)?;
        let (hour, minute, second, nanosecond, rest) = parse_time_part(rest.strip_prefix('T')?)?;
        let offset_minutes = parse_offset(rest)?;
        Some(DateTime {
            year,
            month,
            day,
            hour,
            minute,
            second,
            nanosecond,
            offset_minutes,
        })
    }

    /// A UTC timestamp (`Z`).
    pub fn utc(year: i32, month: u8, day: u8, hour: u8, minute: u8, second: u8) -> Self {
        DateTime {
            year,
            month,
            day,
            hour,
            minute,
            second,
            nanosecond: 0,
            offset_minutes: Some(0),
        }
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}T", self.year, self.month, self.day)?;
        fmt_time_part(f, self.hour, self.minute, self.second, self.nanosecond)?;
        fmt_offset(f, self.offset_minutes)
    }
}

lexical_type!(DateTime, "dateTime");

/// An `xs:date`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub offset_minutes: Option<i16>,
}

impl Date {
    pub fn parse(s: &str) -> Option<Self> {
        let (year, month, day, rest) = parse_date_part(s)?;
        Some(Date {
            year,
            month,
            day,
            offset_minutes: parse_offset(rest)?,
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)?;
        fmt_offset(f, self.offset_minutes)
    }
}

lexical_type!(Date, "date");

/// An `xs:time`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Time {
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    pub nanosecond: u32,
    pub offset_minutes: Option<i16>,
}

impl Time {
    pub fn parse(s: &str) -> Option<Self> {
        let (hour, minute, second, nanosecond, rest) = parse_time_part(s)?;
        Some(Time {
            hour,
            minute,
            second,
            nanosecond,
            offset_minutes: parse_offset(rest)?,
        })
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt_time_part(f, self.hour, self.minute, self.second, self.nanosecond)?;
        fmt_offset(f, self.offset_minutes)
    }
}

lexical_type!(Time, "time");

/// An `xs:duration` (WCF's `TimeSpan`), kept as its validated ISO 8601 text (`P1DT2H`):
/// months and years have no fixed length, so no single number represents every value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Duration(String);

impl Duration {
    pub fn parse(s: &str) -> Option<Self> {
        let body = s.strip_prefix('-').unwrap_or(s).strip_prefix('P')?;
        let (date, time) = match body.split_once('T') {
            Some((d, t)) if !t.is_empty() => (d, Some(t)),
            Some(_) => return None,
            None => (body, None),
        };
        let valid = |part: &str, units: &[u8]| {
            let mut allowed = units.iter();
            let mut num = String::new();
            for c in part.chars() {
                if c.is_ascii_digit() || (c == '.' && units.contains(&b'S')) {
                    num.push(c);
                } else if num.is_empty() || !allowed.any(|u| *u as char == c) {
                    return false;
                } else {
                    num.clear();
                }
            }
            num.is_empty()
        };
        if (date.is_empty() && time.is_none())
            || !valid(date, b"YMD")
            || !time.is_none_or(|t| valid(t, b"HMS"))
        {
            return None;
        }
        Some(Duration(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A duration of whole seconds (`PT{n}S`).
    pub fn from_secs(seconds: u64) -> Self {
        Duration(format!("PT{seconds}S"))
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

lexical_type!(Duration, "duration");

/// WCF's `guid`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Guid(pub u128);

impl Guid {
    /// Accepts `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, optionally in braces.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s
            .strip_prefix('{')
            .and_then(|x| x.strip_suffix('}'))
            .unwrap_or(s);
        let groups: Vec<&str> = s.split('-').collect();
        let lens: Vec<usize> = groups.iter().map(|g| g.len()).collect();
        if lens != [8, 4, 4, 4, 12]
            || !groups
                .iter()
                .all(|g| g.bytes().all(|b| b.is_ascii_hexdigit()))
        {
            return None;
        }
        u128::from_str_radix(&groups.concat(), 16).ok().map(Guid)
    }
}

impl fmt::Display for Guid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let h = format!("{:032x}", self.0);
        let part = |a: usize, b: usize| h.get(a..b).unwrap_or_default();
        write!(
            f,
            "{}-{}-{}-{}-{}",
            part(0, 8),
            part(8, 12),
            part(12, 16),
            part(16, 20),
            part(20, 32)
        )
    }
}

lexical_type!(Guid, "guid");

/// The content of an `xs:anyType` element, kept as text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct AnyValue(pub String);

impl XmlText for AnyValue {
    const XSD_TYPE: &'static str = "anyType";
    fn write_text(&self, out: &mut String) {
        out.push_str(&self.0);
    }
    fn parse_text(text: &str) -> Option<Self> {
        Some(AnyValue(text.to_string()))
    }
}
