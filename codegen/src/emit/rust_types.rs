//! The Rust type of each schema type and field, and how its values are encoded: through the
//! `XmlEncode`/`XmlDecode` traits, or through generated functions where the Rust type is a
//! `Vec` (array wrappers) or a `Box` (cycle breakers) that cannot carry the element names.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::analysis::{Analysis, Shape};
use super::{EmitError, ident};
use crate::model::*;
use crate::names;

/// How a value type is written and read.
pub(super) enum Codec {
    /// Through its `XmlEncode`/`XmlDecode` impls.
    Trait,
    /// Through generated functions (array wrappers, boxes).
    Fns { enc: TokenStream, dec: TokenStream },
}
impl Analysis<'_> {
    /// The Rust type of one value of `ty` (before Option/Nillable/Vec for occurrence).
    pub(super) fn value_type(&self, ty: &TypeRef) -> Result<TokenStream, EmitError> {
        match ty {
            TypeRef::Builtin(b) => Ok(builtin_type(*b)),
            TypeRef::Named(q) => match self.types.get(q) {
                None => Err(self.err(format!("reference to unknown type {q}"))),
                Some(TypeDef::Simple(s)) => match &s.kind {
                    SimpleKind::Enum(_) => {
                        let id = ident(&names::type_name(&q.name));
                        Ok(quote!(#id))
                    }
                    SimpleKind::FlagsList(_) => {
                        let id = ident(&names::type_name(&q.name));
                        Ok(quote!(Flags<#id>))
                    }
                    SimpleKind::List(inner) => {
                        let inner = self.value_type(inner)?;
                        Ok(quote!(Flags<#inner>))
                    }
                    SimpleKind::Restriction(b) => Ok(builtin_type(*b)),
                },
                Some(TypeDef::Complex(c)) => match self.shapes.get(&c.name) {
                    Some(Shape::Array { item }) => {
                        let inner = self.value_type(&item.ty)?;
                        if item.nillable {
                            Ok(quote!(Vec<Option<#inner>>))
                        } else {
                            Ok(quote!(Vec<#inner>))
                        }
                    }
                    _ => {
                        let id = ident(&names::type_name(&q.name));
                        Ok(quote!(#id))
                    }
                },
            },
        }
    }

    /// How values of `ty` are encoded, and whether boxing applies.
    pub(super) fn codec(&self, ty: &TypeRef, boxed: bool) -> Result<Codec, EmitError> {
        if boxed {
            let vt = self.value_type(ty)?;
            return Ok(Codec::Fns {
                enc: quote!(crate::xml::encode_boxed::<#vt>),
                dec: quote!(crate::xml::decode_boxed::<#vt>),
            });
        }
        if let TypeRef::Named(q) = ty {
            if let Some(Shape::Array { .. }) = self.shapes.get(q) {
                let base = names::field_name(&q.name);
                let enc = format_ident!("enc_{}", base);
                let dec = format_ident!("dec_{}", base);
                return Ok(Codec::Fns {
                    enc: quote!(#enc),
                    dec: quote!(#dec),
                });
            }
        }
        Ok(Codec::Trait)
    }

    pub(super) fn field_rust_type(
        &self,
        holder: &QName,
        f: &Field,
    ) -> Result<TokenStream, EmitError> {
        let mut vt = self.value_type(&f.ty)?;
        if self.boxed.contains(&(holder.clone(), f.name.clone())) {
            vt = quote!(Box<#vt>);
        }
        Ok(if f.is_repeated() {
            quote!(Vec<#vt>)
        } else if f.nillable {
            quote!(Nillable<#vt>)
        } else if f.min_occurs == 0 {
            quote!(Option<#vt>)
        } else {
            vt
        })
    }
}

pub(super) fn occurrence_method(f: &Field) -> &'static str {
    if f.is_repeated() {
        "repeated"
    } else if f.nillable && f.min_occurs > 0 {
        // Required: an absent value is sent as nil, never left out.
        "nillable_req"
    } else if f.nillable {
        "nillable"
    } else if f.min_occurs == 0 {
        "opt"
    } else {
        "req"
    }
}

pub(super) fn builtin_type(b: Builtin) -> TokenStream {
    match b {
        Builtin::String | Builtin::AnyUri | Builtin::QName => quote!(String),
        Builtin::Boolean => quote!(bool),
        Builtin::Byte => quote!(i8),
        Builtin::Short => quote!(i16),
        Builtin::Int => quote!(i32),
        Builtin::Long => quote!(i64),
        Builtin::UnsignedByte => quote!(u8),
        Builtin::UnsignedShort => quote!(u16),
        Builtin::UnsignedInt => quote!(u32),
        Builtin::UnsignedLong => quote!(u64),
        Builtin::Float => quote!(f32),
        Builtin::Double => quote!(f64),
        Builtin::Decimal => quote!(Decimal),
        Builtin::DateTime => quote!(DateTime),
        Builtin::Date => quote!(Date),
        Builtin::Time => quote!(Time),
        Builtin::Duration => quote!(Duration),
        Builtin::Base64Binary => quote!(Vec<u8>),
        Builtin::Guid => quote!(Guid),
        Builtin::Char => quote!(char),
        Builtin::AnyType => quote!(AnyValue),
    }
}
