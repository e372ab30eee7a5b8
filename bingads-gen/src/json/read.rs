//! Reading the REST JSON form over any self-describing serde format: the `JsonRead` trait the
//! generated code implements, the seed that carries the context, and the generic parts of
//! reading containers, structs and polymorphic values.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::context::Cx;
use crate::types::Nillable;

/// A value readable from its JSON form in a context (see [`Cx`]).
pub trait JsonRead: Sized {
    /// Whether `null` is a value of this type (an `Option`), so an array may hold it.
    const NULLABLE: bool = false;
    fn read<'de, D: Deserializer<'de>>(d: D, cx: &Cx) -> Result<Self, D::Error>;
}

/// The seed that reads a `T` with the context.
pub struct Seed<'c, T>(pub &'c Cx, PhantomData<fn() -> T>);

impl<'c, T> Seed<'c, T> {
    pub fn new(cx: &'c Cx) -> Self {
        Seed(cx, PhantomData)
    }
}

impl<'de, T: JsonRead> DeserializeSeed<'de> for Seed<'_, T> {
    type Value = T;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        T::read(d, self.0)
    }
}

/// The value of the member whose key was just read (generated code infers `T` from the
/// field it assigns).
#[inline]
pub fn member<'de, A: MapAccess<'de>, T: JsonRead>(map: &mut A, cx: &Cx) -> Result<T, A::Error> {
    map.next_value_seed(Seed::new(cx))
}

/// What kind of JSON value a visitor was handed, for "expected X, found Y" messages.
pub(crate) fn found(u: de::Unexpected<'_>) -> &'static str {
    use de::Unexpected as U;
    match u {
        U::Bool(_) => "a boolean",
        U::Unsigned(_) | U::Signed(_) | U::Float(_) => "a number",
        U::Char(_) | U::Str(_) => "a string",
        U::Unit | U::Option => "null",
        U::Seq => "an array",
        U::Map => "an object",
        _ => "a value of another kind",
    }
}

/// The error for a value of the wrong JSON kind.
#[cold]
pub(crate) fn wrong_kind<E: de::Error>(expected: &str, got: de::Unexpected<'_>) -> E {
    E::custom(format_args!("expected {expected}, found {}", found(got)))
}

/// Implements every `visit_*` a visitor does not accept as a "wrong kind" error.
macro_rules! reject_kinds {
    ($what:expr; $($kind:ident)*) => {$( reject_kinds!(@one $what; $kind); )*};
    (@one $what:expr; bool) => {
        fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Self::Value, E> {
            Err($crate::json::read::wrong_kind($what, serde::de::Unexpected::Bool(v)))
        }
    };
    (@one $what:expr; num) => {
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Err($crate::json::read::wrong_kind($what, serde::de::Unexpected::Unsigned(v)))
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Err($crate::json::read::wrong_kind($what, serde::de::Unexpected::Signed(v)))
        }
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Self::Value, E> {
            Err($crate::json::read::wrong_kind($what, serde::de::Unexpected::Float(v)))
        }
    };
    (@one $what:expr; str) => {
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Err($crate::json::read::wrong_kind($what, serde::de::Unexpected::Str(v)))
        }
    };
    (@one $what:expr; null) => {
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Err($crate::json::read::wrong_kind($what, serde::de::Unexpected::Unit))
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Err($crate::json::read::wrong_kind($what, serde::de::Unexpected::Unit))
        }
    };
    (@one $what:expr; seq) => {
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
            Err($crate::json::read::wrong_kind($what, serde::de::Unexpected::Seq))
        }
    };
    (@one $what:expr; map) => {
        fn visit_map<A: serde::de::MapAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
            Err($crate::json::read::wrong_kind($what, serde::de::Unexpected::Map))
        }
    };
}
pub(crate) use reject_kinds;

// ---- containers --------------------------------------------------------------------------

/// `null` is absent: the REST form writes no member for an unset optional value.
impl<T: JsonRead> JsonRead for Option<T> {
    const NULLABLE: bool = true;
    fn read<'de, D: Deserializer<'de>>(d: D, cx: &Cx) -> Result<Self, D::Error> {
        d.deserialize_option(OptionVisitor(Seed::<T>::new(cx)))
    }
}

/// `null` is nil (sent as `xsi:nil`, "clear this value"), a value is a value; an absent
/// member never reaches here and stays `Nillable::Absent`.
impl<T: JsonRead> JsonRead for Nillable<T> {
    fn read<'de, D: Deserializer<'de>>(d: D, cx: &Cx) -> Result<Self, D::Error> {
        let value = d.deserialize_option(OptionVisitor(Seed::<T>::new(cx)))?;
        if cx.take_text_for_object() {
            // The REST form sends text where the WSDL has objects for a few members
            // (`json_shape_differences` in rest-json.json): in a response such a member is
            // left absent rather than failing the reply.
            return Ok(Nillable::Absent);
        }
        Ok(value.map_or(Nillable::Nil, Nillable::Value))
    }
}

struct OptionVisitor<'c, T>(Seed<'c, T>);

impl<'de, T: JsonRead> Visitor<'de> for OptionVisitor<'_, T> {
    type Value = Option<T>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value or null")
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        T::read(d, (self.0).0).map(Some)
    }
}

impl<T: JsonRead> JsonRead for Box<T> {
    fn read<'de, D: Deserializer<'de>>(d: D, cx: &Cx) -> Result<Self, D::Error> {
        T::read(d, cx).map(Box::new)
    }
}

/// What may be an array item: every value type except `u8`, whose `Vec` is base64 text.
pub trait ArrayItem {}

impl<T: ArrayItem> ArrayItem for Option<T> {}
impl<T: ArrayItem> ArrayItem for Box<T> {}
impl<T: ArrayItem> ArrayItem for Vec<T> {}

/// Arrays; the path of a failing item names its index.
impl<T: JsonRead + ArrayItem> JsonRead for Vec<T> {
    fn read<'de, D: Deserializer<'de>>(d: D, cx: &Cx) -> Result<Self, D::Error> {
        d.deserialize_any(VecVisitor(Seed::<T>::new(cx)))
    }
}

struct VecVisitor<'c, T>(Seed<'c, T>);

impl<'de, T: JsonRead> Visitor<'de> for VecVisitor<'_, T> {
    type Value = Vec<T>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let cx = (self.0).0;
        // A hint from the input is only a hint: cap what it can make us allocate.
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        loop {
            let item = if T::NULLABLE {
                seq.next_element_seed(Seed::<T>::new(cx))
            } else {
                seq.next_element_seed(NotNull(Seed::<T>::new(cx)))
            };
            match item {
                Ok(Some(item)) => out.push(item),
                Ok(None) => return Ok(out),
                Err(e) => {
                    cx.in_index(out.len());
                    return Err(e);
                }
            }
        }
    }
    reject_kinds!("an array"; bool num str null map);
}

/// An array item that may not be `null` (the schema's items are not nillable).
struct NotNull<'c, T>(Seed<'c, T>);

impl<'de, T: JsonRead> DeserializeSeed<'de> for NotNull<'_, T> {
    type Value = T;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de, T: JsonRead> Visitor<'de> for NotNull<'_, T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array item")
    }
    fn visit_none<E: de::Error>(self) -> Result<T, E> {
        Err(E::custom("array items here cannot be null"))
    }
    fn visit_unit<E: de::Error>(self) -> Result<T, E> {
        Err(E::custom("array items here cannot be null"))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        T::read(d, (self.0).0)
    }
}

// ---- keys --------------------------------------------------------------------------------

/// An object key, borrowed from the input when it has no escapes.
pub enum Key<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Key<'_> {
    pub fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(s) => s,
            Key::Owned(s) => s,
        }
    }
}

struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Key<'de>, D::Error> {
        d.deserialize_str(KeySeed)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Key<'de>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
        Ok(Key::Borrowed(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
        Ok(Key::Owned(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
        Ok(Key::Owned(v))
    }
}

/// The next key of an object.
#[inline]
pub fn next_key<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<Key<'de>>, A::Error> {
    map.next_key_seed(KeySeed)
}

// ---- structs -----------------------------------------------------------------------------

/// A struct's members: generated for every struct; the helpers here turn it into an object.
pub trait JsonStruct: Default {
    /// Member names in schema order, for "did you mean" hints.
    const MEMBERS: &'static [&'static str];
    /// Reads the value of member `key`; `Ok(false)` (nothing read) when there is no such
    /// member.
    fn read_member<'de, A: MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
        cx: &Cx,
    ) -> Result<bool, A::Error>;
}

/// What to add to an unknown-key error of a polymorphic family's base type read without a
/// `Type` (the unknown key is likely a member of a derived type).
#[derive(Debug, Clone, Copy)]
pub struct FamilyHint {
    pub family: &'static str,
    pub known: &'static str,
}

/// Reads the remaining members of an object into `T`. `discriminated`: the object carries
/// a `Type` discriminator, which is not one of its members.
pub fn read_fields<'de, A: MapAccess<'de>, T: JsonStruct>(
    map: &mut A,
    cx: &Cx,
    discriminated: bool,
    hint: Option<FamilyHint>,
) -> Result<T, A::Error> {
    let mut out = T::default();
    while let Some(key) = next_key(map)? {
        let key = key.as_str();
        if discriminated && key == "Type" {
            map.next_value::<IgnoredAny>()?;
            continue;
        }
        let mut known = out.read_member(key, map, cx);
        if matches!(known, Ok(false)) {
            // Names differing only in case are the same member (the REST form writes the
            // .NET KeyValuePair's `key`/`value` as `Key`/`Value`).
            if let Some(canonical) = T::MEMBERS.iter().find(|m| m.eq_ignore_ascii_case(key)) {
                known = out.read_member(canonical, map, cx);
            }
        }
        match known {
            Ok(true) => {
                // Text for an object that no nillable member absorbed stays local to it.
                cx.take_text_for_object();
            }
            Ok(false) if cx.strict() => {
                cx.in_key(key);
                return Err(unknown_key(key, T::MEMBERS, hint));
            }
            Ok(false) => {
                map.next_value::<IgnoredAny>()?;
            }
            Err(e) => {
                cx.in_key(key);
                return Err(e);
            }
        }
    }
    Ok(out)
}

#[cold]
fn unknown_key<E: de::Error>(key: &str, known: &[&str], hint: Option<FamilyHint>) -> E {
    let mut message = format!("unknown key `{}`", super::clip(key));
    if let Some(k) = super::closest(key, known) {
        message.push_str(&format!("; did you mean `{k}`?"));
    }
    if let Some(h) = hint {
        message.push_str(&format!(
            "; a {} without \"Type\" is read as the base type: set \"Type\" to one of: {}",
            h.family, h.known
        ));
    }
    E::custom(message)
}

/// Reads an object into a struct.
pub fn read_struct<'de, D: Deserializer<'de>, T: JsonStruct>(d: D, cx: &Cx) -> Result<T, D::Error> {
    d.deserialize_any(StructVisitor(Seed::<T>::new(cx)))
}

struct StructVisitor<'c, T>(Seed<'c, T>);

impl<'de, T: JsonStruct> Visitor<'de> for StructVisitor<'_, T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        read_fields(&mut map, (self.0).0, false, None)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        let cx = (self.0).0;
        if cx.strict() {
            return Err(wrong_kind("an object", de::Unexpected::Str(v)));
        }
        cx.saw_text_for_object();
        Ok(T::default())
    }
    reject_kinds!("an object"; bool num null seq);
}
