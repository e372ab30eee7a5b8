//! Writing the REST JSON form through any serde `Serializer`: the `JsonWrite` trait the
//! generated code implements, and the helpers that write a struct's members.

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::types::Nillable;

/// A value with a JSON form.
pub trait JsonWrite {
    fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error>;
}

/// Serializes a `JsonWrite` value (the bridge to serde's traits).
pub struct W<'a, T: ?Sized>(pub &'a T);

impl<T: JsonWrite + ?Sized> Serialize for W<'_, T> {
    #[inline]
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.write(s)
    }
}

impl<T: JsonWrite + super::read::ArrayItem> JsonWrite for Vec<T> {
    fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter().map(W))
    }
}

/// An item of an array of nillable items (`null` for `None`).
impl<T: JsonWrite> JsonWrite for Option<T> {
    fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Some(v) => s.serialize_some(&W(v)),
            None => s.serialize_none(),
        }
    }
}

impl<T: JsonWrite> JsonWrite for Nillable<T> {
    fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Nillable::Value(v) => s.serialize_some(&W(v)),
            Nillable::Nil | Nillable::Absent => s.serialize_none(),
        }
    }
}

impl<T: JsonWrite> JsonWrite for Box<T> {
    fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.as_ref().write(s)
    }
}

/// A struct's members, written by generated code with the [`put`] helpers.
pub trait JsonMembers {
    /// Writes every member that is not absent, in schema order. `discriminated`: the object
    /// already carries its `Type` discriminator, so a `Type` member is left out.
    fn write_members<M: SerializeMap>(
        &self,
        m: &mut M,
        discriminated: bool,
    ) -> Result<(), M::Error>;
}

/// Writes a struct as an object, with a leading `Type` discriminator when given.
pub fn write_struct<S: Serializer, T: JsonMembers>(
    value: &T,
    s: S,
    discriminator: Option<&str>,
) -> Result<S::Ok, S::Error> {
    let mut m = s.serialize_map(None)?;
    if let Some(d) = discriminator {
        m.serialize_entry("Type", d)?;
    }
    value.write_members(&mut m, discriminator.is_some())?;
    m.end()
}

/// Member writers, one per occurrence kind of a schema element.
pub mod put {
    use super::*;

    /// Absent: no member; nil: `null`.
    #[inline]
    pub fn nillable<M: SerializeMap, T: JsonWrite>(
        m: &mut M,
        key: &'static str,
        v: &Nillable<T>,
    ) -> Result<(), M::Error> {
        match v {
            Nillable::Absent => Ok(()),
            Nillable::Nil => m.serialize_entry(key, &()),
            Nillable::Value(x) => m.serialize_entry(key, &W(x)),
        }
    }

    /// A required nillable member: absent is written as `null`.
    #[inline]
    pub fn nillable_req<M: SerializeMap, T: JsonWrite>(
        m: &mut M,
        key: &'static str,
        v: &Nillable<T>,
    ) -> Result<(), M::Error> {
        match v {
            Nillable::Absent | Nillable::Nil => m.serialize_entry(key, &()),
            Nillable::Value(x) => m.serialize_entry(key, &W(x)),
        }
    }

    #[inline]
    pub fn opt<M: SerializeMap, T: JsonWrite>(
        m: &mut M,
        key: &'static str,
        v: &Option<T>,
    ) -> Result<(), M::Error> {
        match v {
            Some(x) => m.serialize_entry(key, &W(x)),
            None => Ok(()),
        }
    }

    #[inline]
    pub fn req<M: SerializeMap, T: JsonWrite>(
        m: &mut M,
        key: &'static str,
        v: &T,
    ) -> Result<(), M::Error> {
        m.serialize_entry(key, &W(v))
    }

    /// A repeated element: an array, left out when empty.
    #[inline]
    pub fn repeated<M: SerializeMap, T: JsonWrite + crate::json::ArrayItem>(
        m: &mut M,
        key: &'static str,
        v: &Vec<T>,
    ) -> Result<(), M::Error> {
        if v.is_empty() {
            Ok(())
        } else {
            m.serialize_entry(key, &W(v))
        }
    }
}
