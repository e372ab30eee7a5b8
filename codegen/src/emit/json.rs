//! The JSON half of a service, its `json.rs` (one `#[cfg(feature = "json")] mod json;`): serde
//! `Serialize`/`Deserialize` impls in the REST form for every type.
//!
//! Per struct, two small impls list its members in schema order (one `match` arm to read a
//! member, one line to write it); per enumeration, its names; per polymorphic family, the
//! `Type` values (from the REST facts file, `wsdl/<version>/rest-json.json`) and which
//! variant each reads into. Everything else — containers, the serde traits themselves — is
//! generic code in `bingads_gen::json` reached through one macro line per type, so ~940
//! types cost what their member lists cost. Array wrappers need nothing: they are `Vec`s.
//! The `JSON_OPERATIONS` table lets a command line go from a JSON body to the wire by
//! operation name.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{EmitError, ServiceEmitter, ident, lit};
use crate::model::*;
use crate::names;

impl<'a> ServiceEmitter<'a> {
    /// The `Type` value of a concrete type in the REST form.
    pub(super) fn discriminator(&self, q: &QName) -> String {
        self.rest.discriminator(&q.name)
    }

    pub(super) fn emit_json_enum(
        &self,
        id: &proc_macro2::Ident,
        values: &[EnumValue],
    ) -> TokenStream {
        let names: Vec<_> = values.iter().map(|v| lit(&v.value)).collect();
        quote! {
            impl crate::json::JsonEnum for #id {
                const NAMES: &'static [&'static str] = &[#(#names),*];
                fn as_str(&self) -> &str { #id::as_str(self) }
                fn known(name: &str) -> Option<Self> {
                    match Self::from_wire(name) { Self::UnknownValue(_) => None, known => Some(known) }
                }
                fn unknown(name: &str) -> Self { Self::UnknownValue(name.to_string()) }
            }
            crate::json::json_enum!(#id);
        }
    }

    pub(super) fn emit_json_struct(&self, c: &'a ComplexType) -> Result<TokenStream, EmitError> {
        let sid = self.analysis.struct_name(&c.name);
        let mut writes = Vec::new();
        let mut reads = Vec::new();
        let mut member_names = Vec::new();
        let mut has_type = false;
        // Members are named by their element, except where the REST form spells them
        // otherwise (looked up by the type that declares the field).
        for (owner, f) in self.analysis.index.fields_with_owner(c) {
            let fid = ident(&names::field_name(&f.name));
            let key = lit(&self.rest.member_name(&owner.name.name, &f.name));
            member_names.push(key.clone());
            let m = format_ident!("{}", super::rust_types::occurrence_method(f));
            let write = quote!(crate::json::put::#m(m, #key, &self.#fid)?;);
            if f.name == "Type" {
                has_type = true;
                writes.push(quote!(if !discriminated { #write }));
            } else {
                writes.push(write);
            }
            reads.push(quote!(#key => self.#fid = crate::json::member(map, cx)?,));
        }
        let uses = if has_type {
            quote!()
        } else {
            quote!(let _ = discriminated;)
        };
        let unused = if writes.is_empty() {
            quote!(let _ = m;)
        } else {
            quote!()
        };
        let read_body = if reads.is_empty() {
            quote! { let _ = (key, map, cx); Ok(false) }
        } else {
            quote! {
                match key {
                    #(#reads)*
                    _ => return Ok(false),
                }
                Ok(true)
            }
        };
        Ok(quote! {
            impl crate::json::JsonStruct for #sid {
                const MEMBERS: &'static [&'static str] = &[#(#member_names),*];
                fn read_member<'de, A: serde::de::MapAccess<'de>>(&mut self, key: &str, map: &mut A, cx: &crate::json::Cx) -> Result<bool, A::Error> {
                    #read_body
                }
            }
            impl crate::json::JsonMembers for #sid {
                fn write_members<M: serde::ser::SerializeMap>(&self, m: &mut M, discriminated: bool) -> Result<(), M::Error> {
                    #uses #unused #(#writes)*
                    Ok(())
                }
            }
            crate::json::json_struct!(#sid);
        })
    }

    pub(super) fn emit_json_poly(&self, c: &'a ComplexType) -> Result<TokenStream, EmitError> {
        let eid = ident(&names::type_name(&c.name.name));
        let mut members: Vec<&ComplexType> = vec![c];
        members.extend(self.analysis.descendants(&c.name));
        let family = lit(&c.name.name);
        let known = lit(&members
            .iter()
            .map(|m| self.discriminator(&m.name))
            .collect::<Vec<_>>()
            .join(", "));
        let mut writes = Vec::new();
        let mut reads = Vec::new();
        for m in &members {
            let vid = ident(&names::type_name(&m.name.name));
            let d = self.discriminator(&m.name);
            let dl = lit(&d);
            writes.push(quote!(Self::#vid(v) => crate::json::write_struct(v, s, Some(#dl)),));
            let tname = lit(&m.name.name);
            // The REST discriminator and the XSD type name both select the type.
            let pattern = if d == m.name.name {
                quote!(Some(#dl))
            } else {
                quote!(Some(#dl | #tname))
            };
            if m.name == c.name {
                // Without a `Type` the value is read as the base type; when a member of a
                // derived type is what made that fail, the error says how to pick the type.
                reads.push(quote! {
                    None => Self::#vid(crate::json::read_fields(map, cx, true, Some(Self::HINT))?),
                });
            }
            // Whichever name selected the variant, its own `Type` member gets the value the
            // service writes for it (`ExpandedText`, never `ExpandedTextAd`): the value the
            // facts file records, or the type's name where the member's enumeration lists it.
            // Without either the value is unknown and the member stays unset (a family root the
            // service never sends as itself, a version without REST facts).
            let recorded = self.rest.discriminators.contains_key(&m.name.name);
            let fill = match self.type_member(m, &d) {
                Some((true, enumerated)) => recorded || enumerated,
                Some((false, _)) if recorded && m.name != c.name => {
                    return Err(self.err(format!(
                        "{}: its `Type` member cannot hold the REST `Type` value `{d}`; correct \
                         the discriminator in rest-json.json or teach the JSON reader this member type",
                        m.name.name
                    )));
                }
                Some((false, _)) | None => false,
            };
            let read = if fill {
                quote!(crate::json::read_variant_members(map, cx, #dl)?)
            } else {
                quote!(crate::json::read_fields(map, cx, true, None)?)
            };
            reads.push(quote!(#pattern => Self::#vid(#read),));
        }
        // A `Type` this version does not know is also the member's value, as SOAP's `<Type>`
        // element carries it next to the unknown `xsi:type`.
        let unknown_base = if self.type_member(c, "").is_some_and(|(holds, _)| holds) {
            quote!(crate::json::read_variant_members(map, cx, other)?)
        } else {
            quote!(crate::json::read_fields(map, cx, true, None)?)
        };
        Ok(quote! {
            impl crate::json::JsonPoly for #eid {
                const HINT: crate::json::FamilyHint = crate::json::FamilyHint { family: #family, known: #known };
                fn read_variant<'de, A: serde::de::MapAccess<'de>>(ty: Option<&str>, map: &mut A, cx: &crate::json::Cx) -> Result<Self, A::Error> {
                    Ok(match ty {
                        #(#reads)*
                        Some(other) if cx.strict() => return Err(crate::json::unknown_type(cx, other, Self::HINT)),
                        Some(other) => Self::Unknown {
                            type_name: other.to_string(),
                            base: #unknown_base,
                        },
                    })
                }
            }
            impl crate::json::JsonWrite for #eid {
                fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                    match self {
                        #(#writes)*
                        Self::Unknown { type_name, base } => crate::json::write_struct(base, s, Some(type_name)),
                    }
                }
            }
            crate::json::json_poly!(#eid);
        })
    }

    /// Whether family member `m` has its own `Type` member, which the REST form folds into
    /// the discriminator (`Ad.Type`, `BiddingScheme.Type`, ...), and if so: whether it can hold
    /// `value` (a variant's `Type` value; empty: any text, for unknown types), and whether it
    /// is an enumeration or flags type (which can only if it lists the value) rather than text.
    fn type_member(&self, m: &'a ComplexType, value: &str) -> Option<(bool, bool)> {
        let (owner, field) = self
            .analysis
            .index
            .fields_with_owner(m)
            .into_iter()
            .find(|(_, f)| f.name == "Type")?;
        if self.rest.member_name(&owner.name.name, &field.name) != "Type" {
            return None;
        }
        let lists = |values: &[EnumValue]| {
            (
                value.is_empty() || values.iter().any(|v| v.value == value),
                true,
            )
        };
        let text = |b: &Builtin| (*b == Builtin::String, false);
        Some(match &field.ty {
            TypeRef::Builtin(b) => text(b),
            TypeRef::Named(q) => match self.analysis.index.get(q) {
                Some(TypeDef::Simple(s)) => match &s.kind {
                    SimpleKind::Restriction(b) => text(b),
                    SimpleKind::Enum(values) | SimpleKind::FlagsList(values) => lists(values),
                    SimpleKind::List(TypeRef::Named(item)) => match self.analysis.index.get(item) {
                        Some(TypeDef::Simple(SimpleType {
                            kind: SimpleKind::Enum(values),
                            ..
                        })) => lists(values),
                        _ => (false, false),
                    },
                    SimpleKind::List(TypeRef::Builtin(_)) => (false, false),
                },
                _ => (false, false),
            },
        })
    }

    pub(super) fn emit_json_faults(&self) -> Result<TokenStream, EmitError> {
        let mut seen = std::collections::BTreeSet::new();
        let mut arms = Vec::new();
        for op in &self.service.operations {
            for f in &op.faults {
                if !seen.insert(f.element.clone()) {
                    continue;
                }
                let vid = ident(&names::type_name(&f.element.name));
                // The REST form of a fault detail is the detail object with its type as `Type`.
                let el = self.service.find_element(&f.element).ok_or_else(|| {
                    self.err(format!("fault element {} is not declared", f.element))
                })?;
                let write = match &el.ty {
                    TypeRef::Named(q)
                        if !self.analysis.is_poly(q)
                            && self.analysis.index.complex(q).is_some() =>
                    {
                        let tname = lit(&q.name);
                        quote!(crate::json::write_struct(v, s, Some(#tname)))
                    }
                    _ => quote!(crate::json::JsonWrite::write(v, s)),
                };
                arms.push(quote! { Self::#vid(v) => #write, });
            }
        }
        Ok(quote! {
            impl crate::json::JsonWrite for FaultDetail {
                fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                    match self { #(#arms)* }
                }
            }
        })
    }

    pub(super) fn emit_json_operations(&self) -> Result<TokenStream, EmitError> {
        let mut entries = Vec::new();
        let mut bodies = Vec::new();
        for op in &self.service.operations {
            let req_el = self.service.find_element(&op.input.body).ok_or_else(|| {
                self.err(format!("request element {} is not declared", op.input.body))
            })?;
            let req_ty = self.analysis.value_type(&req_el.ty)?;
            entries.push(quote!(crate::json::JsonOperation::of::<#req_ty>()));
            // The request's REST body: `RequestBody` requires it only with the feature on,
            // so it lives here rather than beside the request's `RequestBody` impl.
            bodies.push(quote!(crate::json::json_request!(#req_ty);));
        }
        Ok(quote! {
            #(#bodies)*
            /// Every operation of this service with its JSON entry points, in WSDL order.
            pub static JSON_OPERATIONS: &[crate::json::JsonOperation] = &[#(#entries),*];
        })
    }

    /// `examples.rs` (feature `examples`): an example JSON request per operation, every field
    /// filled in. Kept out of the operation tables so a program that never shows examples
    /// does not carry ~1 MB of them.
    pub(super) fn emit_examples(&self) -> Result<TokenStream, EmitError> {
        let mut entries = Vec::new();
        for op in &self.service.operations {
            let example = crate::example::request_example(self.service, op, &self.rest)
                .ok_or_else(|| self.err(format!("no example for {}", op.name)))?;
            let (name, example) = (lit(&op.name), lit(&example));
            entries.push(quote!((#name, #example)));
        }
        Ok(quote! {
            /// Every operation's example request (its REST JSON form: every field set, every
            /// derived type in arrays), by WSDL operation name, in WSDL order.
            pub static REQUESTS: &[(&str, &str)] = &[#(#entries),*];

            /// The example request of `operation` (its WSDL name).
            pub fn request(operation: &str) -> Option<&'static str> {
                REQUESTS.iter().find(|(name, _)| *name == operation).map(|(_, body)| *body)
            }
        })
    }
}
