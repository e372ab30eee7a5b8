//! Cell formats: how one value is written in a bulk file cell and read back, as the service
//! and the official SDKs write them (Microsoft's bulk file schema: "Bulk File Schema",
//! format version 6.0).
//!
//! Conventions shared by every format:
//! - an empty cell reads as the field's default (absent: "leave unchanged" in an update);
//! - `delete_value` reads as [`Nillable::Nil`], and `Nil` is written as `delete_value`: the
//!   service's way of clearing a field in an update;
//! - a value is written the way the official SDK writes it (`True`/`False`, dates as
//!   `M/D/YYYY`, times as `MM/DD/YYYY HH:MM:SS`, numbers as Python's `str(float)`), and read
//!   leniently (any case for booleans, padded or unpadded dates).

use std::fmt::Write as _;

use bingads_gen::types::{DateTime, Decimal, Nillable};
use bingads_gen::v13::campaign_management as cm;

use super::error::ValueError;
use crate::plain_numbers::{plain_decimal, plain_digits};

/// The text that clears a field in an update.
pub const DELETE_VALUE: &str = "delete_value";

/// A cell format for values of type `T`. `parse` is only called on non-empty cells.
pub trait CellFormat<T> {
    fn parse(cell: &str) -> Result<T, ValueError>;
    /// Reads a cell into a field that may already hold a value (formats for one part of a
    /// value spread over several columns override this to update that part).
    fn read_into(slot: &mut T, cell: &str) -> Result<(), ValueError> {
        *slot = Self::parse(cell)?;
        Ok(())
    }
    /// Appends the cell text of `value` (nothing for an absent value).
    fn format(value: &T, out: &mut String);
    /// Reads a cell into `slot` as [`read_into`](Self::read_into) does, free to take the
    /// allocations of `old` (the same field of the record read before, which is then thrown
    /// away): formats of owned text override it so that reading record after record into one
    /// record does not allocate.
    fn reread(slot: &mut T, old: &mut T, cell: &str) -> Result<(), ValueError> {
        let _ = old;
        Self::read_into(slot, cell)
    }
}

/// Implements `CellFormat<Nillable<T>>` and `CellFormat<Option<T>>` from the plain value's
/// parse/format, with the `delete_value` convention.
macro_rules! nillable_and_option {
    ($fmt:ty, $t:ty, $parse:expr, $write:expr) => {
        nillable_and_option!(@impls $fmt, $t, $parse, $write, {});
    };
    // `$reuse`: a `fn(&mut $t, &str) -> Result<(), ValueError>` that parses a cell into an
    // existing value, keeping its allocations (`reread`).
    ($fmt:ty, $t:ty, $parse:expr, $write:expr, reuse $reuse:expr) => {
        nillable_and_option!(@impls $fmt, $t, $parse, $write, {
            fn reread(slot: &mut Nillable<$t>, old: &mut Nillable<$t>, cell: &str) -> Result<(), ValueError> {
                match old {
                    Nillable::Value(value) if cell != DELETE_VALUE => {
                        let reuse: fn(&mut $t, &str) -> Result<(), ValueError> = $reuse;
                        reuse(value, cell)?;
                        *slot = std::mem::take(old);
                        Ok(())
                    }
                    _ => Self::read_into(slot, cell),
                }
            }
        } {
            fn reread(slot: &mut Option<$t>, old: &mut Option<$t>, cell: &str) -> Result<(), ValueError> {
                match old {
                    Some(value) => {
                        let reuse: fn(&mut $t, &str) -> Result<(), ValueError> = $reuse;
                        match reuse(value, cell) {
                            Ok(()) => *slot = old.take(),
                            Err(_) if cell == DELETE_VALUE => *slot = None,
                            Err(e) => return Err(e),
                        }
                        Ok(())
                    }
                    None => Self::read_into(slot, cell),
                }
            }
        });
    };
    (@impls $fmt:ty, $t:ty, $parse:expr, $write:expr, {$($nillable_reread:tt)*} $({$($option_reread:tt)*})?) => {
        impl CellFormat<Nillable<$t>> for $fmt {
            $($nillable_reread)*
            fn parse(cell: &str) -> Result<Nillable<$t>, ValueError> {
                if cell == DELETE_VALUE {
                    return Ok(Nillable::Nil);
                }
                let parse: fn(&str) -> Result<$t, ValueError> = $parse;
                parse(cell).map(Nillable::Value)
            }
            fn format(value: &Nillable<$t>, out: &mut String) {
                let write: fn(&$t, &mut String) = $write;
                match value {
                    Nillable::Absent => {}
                    Nillable::Nil => out.push_str(DELETE_VALUE),
                    Nillable::Value(v) => write(v, out),
                }
            }
        }
        impl CellFormat<Option<$t>> for $fmt {
            $($($option_reread)*)?
            fn parse(cell: &str) -> Result<Option<$t>, ValueError> {
                let parse: fn(&str) -> Result<$t, ValueError> = $parse;
                // Text keeps `delete_value` as text; other values read it as absent, as the
                // official SDK does.
                match parse(cell) {
                    Ok(v) => Ok(Some(v)),
                    Err(_) if cell == DELETE_VALUE => Ok(None),
                    Err(e) => Err(e),
                }
            }
            fn format(value: &Option<$t>, out: &mut String) {
                let write: fn(&$t, &mut String) = $write;
                if let Some(v) = value {
                    write(v, out)
                }
            }
        }
    };
}

/// Text as is.
pub struct Text;
nillable_and_option!(
    Text,
    String,
    |s| Ok(s.to_string()),
    |v, out| out.push_str(v),
    reuse | v,
    s | {
        v.clear();
        v.push_str(s);
        Ok(())
    }
);

/// A 64-bit id or count.
pub struct Long;
nillable_and_option!(
    Long,
    i64,
    |s| plain_digits(s.as_bytes())
        .and_then(|n| i64::try_from(n).ok())
        .map_or_else(|| s.trim().parse(), Ok)
        .map_err(|_| ValueError::new("is not a whole number")),
    |v, out| {
        let _ = write!(out, "{v}");
    }
);

/// A 32-bit whole number.
pub struct Int;
nillable_and_option!(
    Int,
    i32,
    |s| plain_digits(s.as_bytes())
        .and_then(|n| i32::try_from(n).ok())
        .map_or_else(|| s.trim().parse(), Ok)
        .map_err(|_| ValueError::new("is not a whole number (32-bit)")),
    |v, out| {
        let _ = write!(out, "{v}");
    }
);

/// A number (bids, amounts, bid adjustments), written as the official SDK writes a float.
pub struct Number;
nillable_and_option!(Number, f64, parse_f64, write_f64);

/// An exact decimal (budget amounts), written as read.
pub struct Dec;
nillable_and_option!(
    Dec,
    Decimal,
    |s| Decimal::parse(s.trim()).ok_or_else(|| ValueError::new("is not a decimal number")),
    |v, out| out.push_str(v.as_str())
);

/// `True`/`False` (read in any case).
pub struct Bool;
nillable_and_option!(Bool, bool, parse_bool, |v, out| out.push_str(if *v {
    "True"
} else {
    "False"
}));

/// A date, `M/D/YYYY`, as a Campaign Management `Date`.
pub struct BulkDate;
nillable_and_option!(BulkDate, cm::Date, parse_date, |d, out| {
    let _ = write!(out, "{}/{}/{}", d.month, d.day, d.year);
});

/// A UTC time, `MM/DD/YYYY HH:MM:SS` with optional fraction (`Modified Time`, `Sync Time`).
pub struct BulkDateTime;
nillable_and_option!(BulkDateTime, DateTime, parse_datetime, write_datetime);

/// A generated enumeration by its wire name; unknown names are kept.
pub struct Enum;

/// The generated enumerations' wire-name conversions, for [`Enum`].
pub trait WireEnum: Sized {
    fn from_wire(s: &str) -> Self;
    fn wire_name(&self) -> &str;
}

macro_rules! wire_enums {
    ($($t:ty),* $(,)?) => {$(
        impl WireEnum for $t {
            fn from_wire(s: &str) -> Self { <$t>::from_wire(s) }
            fn wire_name(&self) -> &str { self.as_str() }
        }
    )*};
}

wire_enums!(
    cm::KeywordStatus,
    cm::KeywordEditorialStatus,
    cm::MatchType,
    cm::CampaignStatus,
    cm::AdGroupStatus,
    cm::AdStatus,
    cm::AdEditorialStatus,
    cm::BudgetLimitType,
    cm::Network,
    cm::AdRotationType,
    cm::AdGroupPrivacyStatus,
    cm::EntityScope,
    cm::CallToAction,
    cm::LanguageName,
    cm::DynamicSearchAdsSource,
    cm::CampaignType,
);

impl<E: WireEnum> CellFormat<Nillable<E>> for Enum {
    fn parse(cell: &str) -> Result<Nillable<E>, ValueError> {
        Ok(if cell == DELETE_VALUE {
            Nillable::Nil
        } else {
            Nillable::Value(E::from_wire(cell))
        })
    }
    fn format(value: &Nillable<E>, out: &mut String) {
        match value {
            Nillable::Absent => {}
            Nillable::Nil => out.push_str(DELETE_VALUE),
            Nillable::Value(v) => out.push_str(v.wire_name()),
        }
    }
}

impl<E: WireEnum> CellFormat<Option<E>> for Enum {
    fn parse(cell: &str) -> Result<Option<E>, ValueError> {
        Ok((cell != DELETE_VALUE).then(|| E::from_wire(cell)))
    }
    fn format(value: &Option<E>, out: &mut String) {
        if let Some(v) = value {
            out.push_str(v.wire_name())
        }
    }
}

/// Campaign types (`Search`, `Shopping`, ...), several separated by spaces.
pub struct CampaignTypes;
nillable_and_option!(
    CampaignTypes,
    bingads_gen::types::Flags<cm::CampaignType>,
    |s| Ok(bingads_gen::types::Flags(
        s.split([' ', ','])
            .filter(|p| !p.is_empty())
            .map(cm::CampaignType::from_wire)
            .collect()
    )),
    |v, out| {
        for (i, t) in v.0.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(t.as_str());
        }
    }
);

/// URL lists (`Final Url`, `Mobile Final Url`): `; ` between URLs, split where a `;` is
/// followed by `http://` or `https://` (so a `;` inside a URL stays).
pub struct Urls;
nillable_and_option!(
    Urls,
    Vec<Option<String>>,
    |s| Ok(split_urls(s)),
    |v, out| join(v, "; ", out),
    reuse | v,
    s | {
        split_urls_into(s, v);
        Ok(())
    }
);

/// Plain `;` lists (ad texts' lists, page feed ids): split on `;`, items trimmed.
pub struct SemicolonList;
nillable_and_option!(
    SemicolonList,
    Vec<Option<String>>,
    |s| Ok(s.split(';').map(|p| Some(p.trim().to_string())).collect()),
    |v, out| join(v, ";", out)
);

/// `Custom Parameter`: `{_key}=value; {_key2}=value2`, with `\` and `;` in values escaped by
/// a backslash.
pub struct CustomParams;
nillable_and_option!(
    CustomParams,
    cm::CustomParameters,
    parse_custom_params,
    write_custom_params
);

/// A keyword's `Bid` (a `Bid` object; `delete_value` clears it so the ad group's bid applies).
pub struct KeywordBid;
nillable_and_option!(
    KeywordBid,
    cm::Bid,
    |s| Ok(cm::Bid {
        amount: Nillable::Value(parse_f64(s)?)
    }),
    write_bid
);

fn write_bid(bid: &cm::Bid, out: &mut String) {
    match &bid.amount {
        Nillable::Value(a) => write_f64(a, out),
        Nillable::Nil => out.push_str(DELETE_VALUE),
        Nillable::Absent => {}
    }
}

fn join(items: &[Option<String>], sep: &str, out: &mut String) {
    for (i, item) in items.iter().flatten().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(item);
    }
}

fn split_urls(s: &str) -> Vec<Option<String>> {
    let mut urls = Vec::new();
    split_urls_into(s, &mut urls);
    urls
}

/// [`split_urls`] into `urls`, overwriting its strings rather than allocating new ones.
fn split_urls_into(s: &str, urls: &mut Vec<Option<String>>) {
    let mut count = 0;
    let mut put = |url: &str| {
        match urls.get_mut(count) {
            Some(Some(kept)) => {
                kept.clear();
                kept.push_str(url);
            }
            Some(slot) => *slot = Some(url.to_string()),
            None => urls.push(Some(url.to_string())),
        }
        count += 1;
    };
    if !s.contains(';') {
        put(s);
        urls.truncate(count);
        return;
    }
    let mut start = 0;
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(off) = s.get(i..).and_then(|rest| rest.find(';')) {
        let semi = i + off;
        let mut next = semi + 1;
        while bytes.get(next).is_some_and(u8::is_ascii_whitespace) {
            next += 1;
        }
        let rest = s.get(next..).unwrap_or("");
        if rest.starts_with("http://") || rest.starts_with("https://") {
            put(s.get(start..semi).unwrap_or(""));
            start = next;
        }
        i = semi + 1;
    }
    put(s.get(start..).unwrap_or(""));
    urls.truncate(count);
}

pub(crate) fn parse_f64(s: &str) -> Result<f64, ValueError> {
    if let Some(v) = plain_decimal(s.as_bytes()) {
        return Ok(v);
    }
    let v: f64 = s
        .trim()
        .parse()
        .map_err(|_| ValueError::new("is not a number"))?;
    if v.is_finite() {
        Ok(v)
    } else {
        Err(ValueError::new("is not a finite number"))
    }
}

/// Python's `str(float)`: integral values keep a `.0` (`1.0`), others the shortest form
/// that reads back exactly (`0.41`).
pub(crate) fn write_f64(v: &f64, out: &mut String) {
    if v.fract() == 0.0 && v.abs() < 1e16 {
        let _ = write!(out, "{v:.1}");
    } else {
        let _ = write!(out, "{v}");
    }
}

fn parse_bool(s: &str) -> Result<bool, ValueError> {
    if s.eq_ignore_ascii_case("true") {
        Ok(true)
    } else if s.eq_ignore_ascii_case("false") {
        Ok(false)
    } else {
        Err(ValueError::new("is not True or False"))
    }
}

fn parse_mdy(s: &str) -> Option<(u8, u8, i32)> {
    let mut parts = s.trim().splitn(3, '/');
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    let year: i32 = parts.next()?.parse().ok()?;
    ((1..=12).contains(&month) && (1..=31).contains(&day) && (1..=9999).contains(&year))
        .then_some((month, day, year))
}

fn parse_date(s: &str) -> Result<cm::Date, ValueError> {
    let (month, day, year) =
        parse_mdy(s).ok_or_else(|| ValueError::new("is not a date (M/D/YYYY)"))?;
    Ok(cm::Date {
        day: i32::from(day),
        month: i32::from(month),
        year,
    })
}

fn parse_datetime(s: &str) -> Result<DateTime, ValueError> {
    if let Some(t) = parse_datetime_plain(s.as_bytes()) {
        return Ok(t);
    }
    let bad = || ValueError::new("is not a time (MM/DD/YYYY HH:MM:SS)");
    let (date, time) = s.trim().split_once(' ').ok_or_else(bad)?;
    let (month, day, year) = parse_mdy(date).ok_or_else(bad)?;
    let (hms, fraction) = time.split_once('.').unwrap_or((time, ""));
    let mut parts = hms.splitn(3, ':');
    let mut next =
        || -> Result<u8, ValueError> { parts.next().and_then(|p| p.parse().ok()).ok_or_else(bad) };
    let (hour, minute, second) = (next()?, next()?, next()?);
    if hour > 23 || minute > 59 || second > 60 {
        return Err(bad());
    }
    let mut nanosecond = 0u32;
    if !fraction.is_empty() {
        if fraction.len() > 9 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let digits: u32 = fraction.parse().map_err(|_| bad())?;
        let scale = 10u32.pow(9 - fraction.len() as u32);
        nanosecond = digits.saturating_mul(scale);
    }
    let mut t = DateTime::utc(year, month, day, hour, minute, second);
    t.nanosecond = nanosecond;
    Ok(t)
}

/// The common shape, `M/D/YYYY H:M:S[.F]` with no padding or signs, in one pass over the bytes
/// (every `Modified Time` cell of a download has it; splitting and `str::parse` per part cost
/// more than the rest of a keyword row's cells). `None` sends anything else, valid or not, to
/// the general parser, so both accept exactly the same cells.
fn parse_datetime_plain(s: &[u8]) -> Option<DateTime> {
    let mut at = 0;
    let month = digits(s, &mut at, 2, Some(b'/'))?;
    let day = digits(s, &mut at, 2, Some(b'/'))?;
    let year = digits(s, &mut at, 4, Some(b' '))?;
    let hour = digits(s, &mut at, 2, Some(b':'))?;
    let minute = digits(s, &mut at, 2, Some(b':'))?;
    let second = digits(s, &mut at, 2, None)?;
    let nanosecond = match s.get(at) {
        None => 0,
        Some(b'.') => {
            at += 1;
            let start = at;
            let fraction = digits(s, &mut at, 9, None)?;
            if at != s.len() {
                return None;
            }
            let scale = 10u32.checked_pow(9 - u32::try_from(at - start).ok()?)?;
            fraction.checked_mul(scale)?
        }
        Some(_) => return None,
    };
    let valid = (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && (1..=9999).contains(&year)
        && hour <= 23
        && minute <= 59
        && second <= 60;
    if !valid {
        return None;
    }
    let mut t = DateTime::utc(
        i32::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
        u8::try_from(hour).ok()?,
        u8::try_from(minute).ok()?,
        u8::try_from(second).ok()?,
    );
    t.nanosecond = nanosecond;
    Some(t)
}

/// One to `max` ASCII digits at `at`, then `separator` (skipped) when one is given.
fn digits(s: &[u8], at: &mut usize, max: usize, separator: Option<u8>) -> Option<u32> {
    let start = *at;
    let mut value = 0u32;
    while let Some(&b) = s.get(*at) {
        if !b.is_ascii_digit() || *at - start == max {
            break;
        }
        value = value * 10 + u32::from(b - b'0');
        *at += 1;
    }
    if *at == start {
        return None;
    }
    if let Some(separator) = separator {
        if s.get(*at) != Some(&separator) {
            return None;
        }
        *at += 1;
    }
    Some(value)
}

fn write_datetime(t: &DateTime, out: &mut String) {
    let _ = write!(
        out,
        "{:02}/{:02}/{:04} {:02}:{:02}:{:02}",
        t.month, t.day, t.year, t.hour, t.minute, t.second
    );
    if t.nanosecond != 0 {
        let _ = write!(out, ".{:06}", t.nanosecond / 1000);
    }
}

fn parse_custom_params(s: &str) -> Result<cm::CustomParameters, ValueError> {
    let bad = || ValueError::new("is not a custom parameter list ({_key}=value; ...)");
    let mut params = Vec::new();
    let bytes = s.as_bytes();
    let (mut start, mut at) = (0, 0);
    while start <= bytes.len() {
        // The piece ends at the next `;` that no backslash escapes. `;` and `\` are ASCII, so
        // the split points are character boundaries.
        let mut end = bytes.len();
        while let Some(&b) = bytes.get(at) {
            match b {
                b'\\' => at += 2,
                b';' => {
                    end = at;
                    break;
                }
                _ => at += 1,
            }
        }
        let piece = s.get(start..end).unwrap_or("").trim_start();
        start = end + 1;
        at = start;
        if piece.is_empty() {
            continue;
        }
        let body = piece.strip_prefix("{_").ok_or_else(bad)?;
        let (key, value) = body.split_once("}=").ok_or_else(bad)?;
        params.push(Some(cm::CustomParameter {
            key: Nillable::Value(key.to_string()),
            value: Nillable::Value(if value.contains('\\') {
                unescape(value)
            } else {
                value.to_string()
            }),
        }));
    }
    Ok(cm::CustomParameters {
        parameters: Nillable::Value(params),
    })
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some(n @ ('\\' | ';')) => out.push(n),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn write_custom_params(p: &cm::CustomParameters, out: &mut String) {
    let Nillable::Value(params) = &p.parameters else {
        if p.parameters.is_nil() {
            out.push_str(DELETE_VALUE);
        }
        return;
    };
    for (i, param) in params.iter().flatten().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        out.push_str("{_");
        out.push_str(param.key.value().map_or("", String::as_str));
        out.push_str("}=");
        for c in param.value.value().map_or("", String::as_str).chars() {
            if c == '\\' || c == ';' {
                out.push('\\');
            }
            out.push(c);
        }
    }
}

/// `Device Preference`: `All` (0) or `Mobile` (30001); any other number is written as is.
pub struct DevicePreference;
nillable_and_option!(DevicePreference, i64, parse_device, |v, out| match v {
    0 => out.push_str("All"),
    30001 => out.push_str("Mobile"),
    other => {
        let _ = write!(out, "{other}");
    }
});

fn parse_device(s: &str) -> Result<i64, ValueError> {
    if s.eq_ignore_ascii_case("all") {
        Ok(0)
    } else if s.eq_ignore_ascii_case("mobile") {
        Ok(30001)
    } else {
        s.trim()
            .parse()
            .map_err(|_| ValueError::new("is not All or Mobile"))
    }
}

impl CellFormat<i64> for Long {
    fn parse(cell: &str) -> Result<i64, ValueError> {
        cell.trim()
            .parse()
            .map_err(|_| ValueError::new("is not a whole number"))
    }
    /// A required id the caller has not set (0, never a valid id) is written empty.
    fn format(value: &i64, out: &mut String) {
        if *value != 0 {
            let _ = write!(out, "{value}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whole numbers and decimals read as `str::parse` reads them, through the fast paths
    /// (`plain_numbers`) or around them.
    #[test]
    fn number_fast_paths_agree_with_str_parse() {
        for &cell in crate::plain_numbers::NUMBER_CELLS {
            assert_eq!(
                <Long as CellFormat<Option<i64>>>::parse(cell).ok(),
                cell.trim().parse::<i64>().ok().map(Some),
                "{cell:?}"
            );
            assert_eq!(
                <Int as CellFormat<Option<i32>>>::parse(cell).ok(),
                cell.trim().parse::<i32>().ok().map(Some),
                "{cell:?}"
            );
            let general = cell.trim().parse::<f64>().ok().filter(|v| v.is_finite());
            assert_eq!(
                parse_f64(cell).ok().map(f64::to_bits),
                general.map(f64::to_bits),
                "{cell:?}"
            );
        }
        assert_eq!(parse_f64("3.06"), Ok(3.06));
    }

    #[test]
    fn custom_parameters_split_on_unescaped_semicolons() {
        let p = parse_custom_params("{_a}=1; {_b}=x\\;y;{_c}=back\\\\slash;;").unwrap();
        let pairs: Vec<_> = p
            .parameters
            .value()
            .unwrap()
            .iter()
            .flatten()
            .map(|c| {
                (
                    c.key.value().unwrap().clone(),
                    c.value.value().unwrap().clone(),
                )
            })
            .collect();
        assert_eq!(
            pairs,
            [
                ("a".to_string(), "1".to_string()),
                ("b".to_string(), "x;y".to_string()),
                ("c".to_string(), "back\\slash".to_string()),
            ]
        );
        assert!(parse_custom_params("{_a}=1; nonsense").is_err());
        assert!(
            parse_custom_params("")
                .unwrap()
                .parameters
                .value()
                .unwrap()
                .is_empty()
        );
        let mut out = String::new();
        write_custom_params(&p, &mut out);
        assert_eq!(parse_custom_params(&out).unwrap(), p);
    }

    /// The one-pass parser and the general one agree on every cell the first accepts, and the
    /// first declines (rather than misreads) the rest.
    #[test]
    fn plain_datetime_parser_agrees_with_the_general_one() {
        let cells = [
            "01/05/2026 13:04:59",
            "1/5/2026 1:4:9",
            "12/31/9999 23:59:60",
            "03/04/2025 10:11:12.5",
            "03/04/2025 10:11:12.123456789",
            "03/04/2025 10:11:12.1234567891",
            "03/04/2025 10:11:12.",
            "13/04/2025 10:11:12",
            "00/04/2025 10:11:12",
            "03/04/2025 24:00:00",
            "03/04/20251 10:11:12",
            " 03/04/2025 10:11:12 ",
            "+3/04/2025 10:11:12",
            "03/04/2025 10:11",
            "03/04/2025",
            "3.4/04/2025 10:11:12",
            "",
        ];
        for cell in cells {
            let general = {
                // The general parser alone: the plain one declines a leading space.
                let padded = format!(" {cell}");
                parse_datetime(&padded).ok()
            };
            match parse_datetime_plain(cell.as_bytes()) {
                Some(t) => assert_eq!(Some(t), general, "{cell:?}"),
                None => assert_eq!(parse_datetime(cell).ok(), general, "{cell:?}"),
            }
        }
        assert!(parse_datetime_plain(b"01/05/2026 13:04:59.25").is_some());
        assert_eq!(
            parse_datetime("01/05/2026 13:04:59.25").map(|t| t.nanosecond),
            Ok(250_000_000)
        );
    }
}
