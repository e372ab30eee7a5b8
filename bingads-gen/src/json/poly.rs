//! Polymorphic values: a `Type` discriminator picks the derived type.
//!
//! The discriminator may be anywhere in the object. When it comes first — as this crate and
//! the REST service write it — the members are read straight into the chosen type. Otherwise
//! the object's members are buffered (as `serde_json::Value`s), the type is picked, and the
//! buffer is read back through serde_json: the same code path, so no second copy of every
//! reader is compiled, at the price of one extra parse of that object (see the README's
//! Performance section for what it costs).
//!
//! Many families also have a `Type` member of their own (`Ad.Type`, `BiddingScheme.Type`):
//! SOAP carries it as an element beside `xsi:type`, the REST form only as the discriminator.
//! Reading a service's reply, [`read_variant_members`] gives that member the discriminator's
//! value, so the same reply decodes to equal values on both wires; user input leaves it unset,
//! so a request read from JSON is sent on SOAP exactly as written.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};

use super::context::Cx;
use super::read::{FamilyHint, JsonStruct, Key, next_key, read_fields, reject_kinds};

/// A polymorphic family (generated for every type others derive from).
pub trait JsonPoly: Sized {
    /// The family's schema name and its `Type` values, for messages.
    const HINT: FamilyHint;
    /// Reads the members after the discriminator into the type `ty` names (`None`: no
    /// `Type`, the base type). Strict mode refuses a name it does not know; lenient mode
    /// keeps it in the `Unknown` variant.
    fn read_variant<'de, A: MapAccess<'de>>(
        ty: Option<&str>,
        map: &mut A,
        cx: &Cx,
    ) -> Result<Self, A::Error>;
}

/// Reads a polymorphic value.
pub fn read_poly<'de, D: Deserializer<'de>, T: JsonPoly>(d: D, cx: &Cx) -> Result<T, D::Error> {
    d.deserialize_any(PolyVisitor::<T> {
        cx,
        t: std::marker::PhantomData,
    })
}

/// The error for a `Type` no variant has (strict mode).
#[cold]
pub fn unknown_type<E: de::Error>(cx: &Cx, ty: &str, hint: FamilyHint) -> E {
    cx.in_key("Type");
    E::custom(format_args!(
        "unknown Type `{}` for {}; expected one of: {}",
        super::clip(ty),
        hint.family,
        hint.known
    ))
}

struct PolyVisitor<'c, T> {
    cx: &'c Cx,
    t: std::marker::PhantomData<fn() -> T>,
}

impl<'de, T: JsonPoly> Visitor<'de> for PolyVisitor<'_, T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let cx = self.cx;
        let Some(first) = next_key(&mut map)? else {
            return T::read_variant(None, &mut map, cx);
        };
        if first.as_str() == "Type" {
            let ty = map
                .next_value_seed(TypeSeed)
                .inspect_err(|_| cx.in_key("Type"))?;
            return T::read_variant(ty.as_ref().map(Key::as_str), &mut map, cx);
        }
        buffered(first, map, cx)
    }
    reject_kinds!("an object"; bool num str null seq);
}

/// The slow path: `Type` is not the first member.
#[cold]
fn buffered<'de, A: MapAccess<'de>, T: JsonPoly>(
    first: Key<'de>,
    mut map: A,
    cx: &Cx,
) -> Result<T, A::Error> {
    let mut members: Vec<(String, serde_json::Value)> = Vec::new();
    let mut key = Some(first);
    while let Some(k) = key {
        let k = k.as_str().to_string();
        let v = map
            .next_value::<serde_json::Value>()
            .inspect_err(|_| cx.in_key(&k))?;
        members.push((k, v));
        key = next_key(&mut map)?;
    }
    let ty = match members.iter().position(|(k, _)| k == "Type") {
        None => None,
        Some(i) => match members.remove(i).1 {
            serde_json::Value::String(s) => Some(s),
            serde_json::Value::Null => None,
            other => {
                cx.in_key("Type");
                return Err(de::Error::custom(format_args!(
                    "`Type` must be a string, found {}",
                    kind_of(&other)
                )));
            }
        },
    };
    let bytes = serde_json::to_vec(&Members(&members)).map_err(de::Error::custom)?;
    let mut de = serde_json::Deserializer::from_slice(&bytes);
    de.deserialize_map(Rest::<T> {
        ty: ty.as_deref(),
        cx,
        t: std::marker::PhantomData,
    })
    .map_err(|e| de::Error::custom(super::message_of(&e)))
}

fn kind_of(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// Buffered members, written back in their order.
struct Members<'a>(&'a [(String, serde_json::Value)]);

impl serde::Serialize for Members<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

struct Rest<'a, 'c, T> {
    ty: Option<&'a str>,
    cx: &'c Cx,
    t: std::marker::PhantomData<fn() -> T>,
}

impl<'de, T: JsonPoly> Visitor<'de> for Rest<'_, '_, T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        T::read_variant(self.ty, &mut map, self.cx)
    }
}

/// The discriminator's value: a string, or `null` for none.
struct TypeSeed;

impl<'de> DeserializeSeed<'de> for TypeSeed {
    type Value = Option<Key<'de>>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(TypeSeed)
    }
}

impl<'de> Visitor<'de> for TypeSeed {
    type Value = Option<Key<'de>>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a type name")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Some(Key::Borrowed(v)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(Key::Owned(v.to_string())))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    reject_kinds!("`Type` to be a string"; bool num seq map);
}

/// Reads the members of a family variant after its `Type`, then, in a service's reply
/// (lenient mode), sets the variant's own `Type` member to `type_value`: the value the service
/// writes in SOAP's `<Type>` element and folds into the discriminator in REST. The generator
/// calls this only for variants with such a member and a value it can hold.
pub fn read_variant_members<'de, A: MapAccess<'de>, T: JsonStruct>(
    map: &mut A,
    cx: &Cx,
    type_value: &str,
) -> Result<T, A::Error> {
    let mut out: T = read_fields(map, cx, true, None)?;
    if !cx.strict() {
        // Text into a string, enumeration or flags member cannot fail in lenient mode (an
        // unknown name is kept as one); were it to, the member stays absent rather than the
        // reply failing over a value the service never sent as a member.
        let _ = out.read_member("Type", &mut TypeMember(type_value), cx);
    }
    Ok(out)
}

/// A one-member object, `{"Type": <text>}`, as the generated `read_member` reads it.
struct TypeMember<'a>(&'a str);

impl<'de> MapAccess<'de> for TypeMember<'de> {
    type Error = de::value::Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        _: K,
    ) -> Result<Option<K::Value>, Self::Error> {
        Ok(None)
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, Self::Error> {
        seed.deserialize(TypeText(self.0))
    }
}

/// The discriminator's text as a present (non-null) string value.
struct TypeText<'a>(&'a str);

impl<'de> Deserializer<'de> for TypeText<'de> {
    type Error = de::value::Error;
    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Self::Error> {
        v.visit_borrowed_str(self.0)
    }
    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Self::Error> {
        v.visit_some(self)
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier
        ignored_any
    }
}
