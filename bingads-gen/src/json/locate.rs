//! Where a value starts in a document, found again from its path once decoding has failed.
//!
//! serde_json reports where it stopped reading, which for a wrong value is somewhere inside
//! or after it. Users want the value's first character, so on the (cold) error path the
//! document is walked a second time up to the failing path; the walk stops before reading
//! the value, which is exactly the position serde_json then reports.

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::context::Seg;

const HERE: &str = "\u{0}here";

/// 1-based line and character column of the first character of the value at `path`.
pub(crate) fn value_start(input: &[u8], path: &[Seg]) -> Option<(u32, u32)> {
    let mut de = serde_json::Deserializer::from_slice(input);
    let err = match (Walk { path }).deserialize(&mut de) {
        Ok(()) => return None,
        Err(e) => e,
    };
    // Any other error: the path is not in the document (nothing to point at).
    if !err.to_string().starts_with(HERE) {
        return None;
    }
    if err.line() == 0 {
        // The root value: no enclosing container attached a position.
        let at = input.iter().position(|b| !b.is_ascii_whitespace())?;
        return Some(line_column(input, at));
    }
    // serde_json's column here counts the bytes before the value on its line.
    let line_start = nth_line_start(input, err.line())?;
    Some(line_column(input, line_start + err.column()))
}

/// 1-based line and character column of byte offset `at`.
pub(crate) fn line_column(input: &[u8], at: usize) -> (u32, u32) {
    let at = at.min(input.len());
    let before = input.get(..at).unwrap_or_default();
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |p| p + 1);
    let text = before.get(line_start..).unwrap_or_default();
    // Count characters, not UTF-8 continuation bytes.
    let column = text.iter().filter(|b| **b & 0xC0 != 0x80).count() + 1;
    (
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(column).unwrap_or(u32::MAX),
    )
}

/// Byte offset of the start of 1-based line `line`.
pub(crate) fn nth_line_start(input: &[u8], line: usize) -> Option<usize> {
    if line <= 1 {
        return Some(0);
    }
    input
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(line - 2)
        .map(|(i, _)| i + 1)
}

struct Walk<'p> {
    path: &'p [Seg],
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        match self.path.split_first() {
            // Peeks at the value's first character without reading it, then stops.
            None => d.deserialize_option(Stop),
            Some((seg, rest)) => d.deserialize_any(Step { seg, rest }),
        }
    }
}

struct Stop;

impl<'de> Visitor<'de> for Stop {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any value")
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Err(E::custom(HERE))
    }
    fn visit_some<D: de::Deserializer<'de>>(self, _: D) -> Result<(), D::Error> {
        Err(de::Error::custom(HERE))
    }
}

struct Step<'p> {
    seg: &'p Seg,
    rest: &'p [Seg],
}

impl<'de> Visitor<'de> for Step<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a container")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Seg::Key(want) = self.seg else {
            return Ok(());
        };
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key.as_ref() == want.as_str() {
                return map.next_value_seed(Walk { path: self.rest });
            }
            map.next_value::<IgnoredAny>()?;
        }
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Seg::Index(want) = self.seg else {
            return Ok(());
        };
        for _ in 0..*want {
            if seq.next_element::<IgnoredAny>()?.is_none() {
                return Ok(());
            }
        }
        seq.next_element_seed(Walk { path: self.rest }).map(|_| ())
    }
}
