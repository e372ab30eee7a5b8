//! The JSON half of a service module, emitted behind `#[cfg(feature = "json")]`.
//!
//! Mirrors the XML codec: a `JsonStruct` impl per struct (members in schema order), a
//! discriminated `JsonEncode`/`JsonDecode` per polymorphic family (the `Type` values come from
//! the REST facts file, `wsdl/<version>/rest-json.json`), reader/writer functions per array
//! wrapper, and the `JSON_OPERATIONS` table that lets a command line go from a JSON body to
//! the wire by operation name.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{Codec, EmitError, ServiceEmitter, Shape, byte_lit, ident, lit};
use crate::model::*;
use crate::names;

impl<'a> ServiceEmitter<'a> {
    /// How a value of `ty` is written and read as JSON: (writer fn, reader fn).
    fn json_codec(
        &self,
        ty: &TypeRef,
        boxed: bool,
    ) -> Result<(TokenStream, TokenStream), EmitError> {
        let vt = self.value_type(ty)?;
        if boxed {
            return Ok((
                quote!(crate::json::write_boxed::<#vt>),
                quote!(crate::json::read_boxed::<#vt>),
            ));
        }
        Ok(match self.codec(ty, false)? {
            Codec::Trait => (
                quote!(<#vt as JsonEncode>::write_json),
                quote!(<#vt as JsonDecode>::read_json),
            ),
            Codec::Fns { .. } => {
                let TypeRef::Named(q) = ty else {
                    return Err(self.err("array codec for a builtin"));
                };
                let base = names::field_name(&q.name);
                let enc = format_ident!("json_enc_{}", base);
                let dec = format_ident!("json_dec_{}", base);
                (quote!(#enc), quote!(#dec))
            }
        })
    }

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
            #[cfg(feature = "json")]
            impl crate::json::JsonEnum for #id {
                fn known_names() -> Vec<&'static str> { vec![#(#names),*] }
            }
            #[cfg(feature = "json")]
            impl crate::json::JsonScalar for #id {
                fn write_scalar(&self, w: &mut JsonWriter) { w.string(self.as_str()) }
                fn read_scalar(v: &JsonValue, path: &JsonPath) -> Result<Self, JsonError> {
                    crate::json::read_enum(v, path, |s| match Self::from_wire(s) {
                        Self::UnknownValue(_) => None,
                        known => Some(known),
                    })
                }
            }
        }
    }

    pub(super) fn emit_json_array(
        &self,
        c: &ComplexType,
        item: &Field,
    ) -> Result<TokenStream, EmitError> {
        let base = names::field_name(&c.name.name);
        let enc = format_ident!("json_enc_{}", base);
        let dec = format_ident!("json_dec_{}", base);
        let vt = self.value_type(&TypeRef::Named(c.name.clone()))?;
        let (item_w, item_r) = self.json_codec(&item.ty, false)?;
        let (write, read) = if item.nillable {
            (
                quote!(crate::json::emit::array_of_optional(w, items, #item_w)),
                quote!(crate::json::member::array_of_optional(v, path, #item_r)),
            )
        } else {
            (
                quote!(crate::json::emit::array(w, items, #item_w)),
                quote!(crate::json::member::array(v, path, #item_r)),
            )
        };
        Ok(quote! {
            #[cfg(feature = "json")]
            pub(crate) fn #enc(items: &#vt, w: &mut JsonWriter) { #write }
            #[cfg(feature = "json")]
            pub(crate) fn #dec(v: &JsonValue, path: &mut JsonPath) -> Result<#vt, JsonError> { #read }
        })
    }

    pub(super) fn emit_json_struct(&self, c: &'a ComplexType) -> Result<TokenStream, EmitError> {
        let sid = self.struct_name(&c.name);
        let fields = self.flattened(c)?;
        let mut writes = Vec::new();
        let mut reads = Vec::new();
        let mut member_names = Vec::new();
        // Members are named by their element, except where the REST form spells them
        // otherwise (looked up by the type that declares the field).
        for (owner, f) in self.index.fields_with_owner(c) {
            let fid = ident(&names::field_name(&f.name));
            let key = lit(&self.rest.member_name(&owner.name.name, &f.name));
            let boxed = self.boxed.contains(&(c.name.clone(), f.name.clone()));
            let (wfn, rfn) = self.json_codec(&f.ty, boxed)?;
            member_names.push(key.clone());
            let write = if f.is_repeated() {
                quote! {
                    if !self.#fid.is_empty() {
                        w.key(#key);
                        crate::json::emit::array(w, &self.#fid, #wfn);
                    }
                }
            } else {
                let m = format_ident!("{}", super::occurrence_method(f));
                quote!(crate::json::emit::#m(w, #key, &self.#fid, #wfn);)
            };
            let write = if f.name == "Type" {
                quote!(if !discriminated { #write })
            } else {
                write
            };
            writes.push(write);
            let read = if f.is_repeated() {
                quote!(self.#fid = crate::json::member::array(v, path, #rfn)?)
            } else if f.nillable {
                quote!(self.#fid = crate::json::member::nillable(v, path, #rfn)?)
            } else if f.min_occurs == 0 {
                quote!(self.#fid = crate::json::member::opt(v, path, #rfn)?)
            } else {
                quote!(self.#fid = crate::json::member::req(v, path, #rfn)?)
            };
            reads.push(quote!(#key => #read,));
        }
        let uses = if fields.iter().any(|f| f.name == "Type") {
            quote!()
        } else {
            quote!(let _ = discriminated;)
        };
        let unused = if writes.is_empty() {
            quote!(let _ = w;)
        } else {
            quote!()
        };
        let read_body = if reads.is_empty() {
            quote! { let _ = (key, v, path); Ok(false) }
        } else {
            quote! {
                match key {
                    #(#reads)*
                    _ => return Ok(false),
                }
                Ok(true)
            }
        };
        let _ = byte_lit;
        Ok(quote! {
            #[cfg(feature = "json")]
            impl crate::json::JsonStruct for #sid {
                const MEMBERS: &'static [&'static str] = &[#(#member_names),*];
                fn write_members(&self, w: &mut JsonWriter, discriminated: bool) { #uses #unused #(#writes)* }
                fn read_member(&mut self, key: &str, v: &JsonValue, path: &mut JsonPath) -> Result<bool, JsonError> {
                    #read_body
                }
            }
            #[cfg(feature = "json")]
            impl JsonEncode for #sid {
                fn write_json(&self, w: &mut JsonWriter) { crate::json::write_struct(self, w, None) }
            }
            #[cfg(feature = "json")]
            impl JsonDecode for #sid {
                fn read_json(v: &JsonValue, path: &mut JsonPath) -> Result<Self, JsonError> {
                    crate::json::read_struct(v, path, &[])
                }
            }
        })
    }

    pub(super) fn emit_json_poly(&self, c: &'a ComplexType) -> Result<TokenStream, EmitError> {
        let eid = ident(&names::type_name(&c.name.name));
        let mut members: Vec<&ComplexType> = vec![c];
        members.extend(self.descendants(&c.name));
        let family_lit = lit(&c.name.name);
        let known_lit = lit(&members
            .iter()
            .map(|m| self.discriminator(&m.name))
            .collect::<Vec<_>>()
            .join(", "));
        let mut writes = Vec::new();
        let mut reads = Vec::new();
        let mut known = Vec::new();
        for m in &members {
            let vid = ident(&names::type_name(&m.name.name));
            let d = self.discriminator(&m.name);
            let dl = lit(&d);
            writes.push(quote!(Self::#vid(v) => crate::json::write_struct(v, w, Some(#dl)),));
            let tname = lit(&m.name.name);
            let pattern = if d == m.name.name {
                quote!(Some(#dl))
            } else {
                quote!(Some(#dl) | Some(#tname))
            };
            if m.name == c.name {
                // Without a `Type` the value is read as the base type; when a member of a
                // derived type is what made that fail, say how to pick the type.
                reads.push(quote! {
                    None => Self::#vid(crate::json::read_struct(v, path, &["Type"]).map_err(|mut e| {
                        if e.message.starts_with("unknown key") {
                            e.message.push_str(&format!(
                                "; a {} without \"Type\" is read as the base type: set \"Type\" to one of: {}",
                                #family_lit, #known_lit
                            ));
                        }
                        e
                    })?),
                });
            }
            reads.push(
                quote!(#pattern => Self::#vid(crate::json::read_struct(v, path, &["Type"])?),),
            );
            known.push(d);
        }
        let known_list = lit(&known.join(", "));
        let family = lit(&c.name.name);
        Ok(quote! {
            #[cfg(feature = "json")]
            impl JsonEncode for #eid {
                fn write_json(&self, w: &mut JsonWriter) {
                    match self {
                        #(#writes)*
                        Self::Unknown { type_name, base } => crate::json::write_struct(base, w, Some(type_name)),
                    }
                }
            }
            #[cfg(feature = "json")]
            impl JsonDecode for #eid {
                fn read_json(v: &JsonValue, path: &mut JsonPath) -> Result<Self, JsonError> {
                    Ok(match crate::json::discriminator(v, path)? {
                        #(#reads)*
                        // A response from a newer service: keep the base fields and the
                        // name, as the XML decoder does for an unknown `xsi:type`.
                        Some(other) if path.is_lenient() => Self::Unknown {
                            type_name: other.to_string(),
                            base: crate::json::read_struct(v, path, &["Type"])?,
                        },
                        Some(other) => {
                            let at = v.get("Type").unwrap_or(v);
                            return Err(path.error(at, format!(
                                "unknown Type `{other}` for {}; expected one of: {}", #family, #known_list
                            )));
                        }
                    })
                }
            }
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
                    TypeRef::Named(q) if !self.is_poly(q) && self.index.complex(q).is_some() => {
                        let tname = lit(&q.name);
                        quote!(crate::json::write_struct(v, w, Some(#tname)))
                    }
                    _ => quote!(v.write_json(w)),
                };
                arms.push(quote! { Self::#vid(v) => #write, });
            }
        }
        Ok(quote! {
            #[cfg(feature = "json")]
            impl JsonEncode for FaultDetail {
                fn write_json(&self, w: &mut JsonWriter) {
                    match self { #(#arms)* }
                }
            }
        })
    }

    pub(super) fn emit_json_operations(&self) -> Result<TokenStream, EmitError> {
        let mut entries = Vec::new();
        for op in &self.service.operations {
            let req_el = self.service.find_element(&op.input.body).ok_or_else(|| {
                self.err(format!("request element {} is not declared", op.input.body))
            })?;
            let req_ty = self.value_type(&req_el.ty)?;
            let example = crate::example::request_example(self.service, op, &self.rest)
                .ok_or_else(|| self.err(format!("no example for {}", op.name)))?;
            let example = lit(&example);
            entries.push(quote!(crate::json::JsonOperation::of::<#req_ty>(#example)));
        }
        Ok(quote! {
            /// Every operation of this service with its JSON entry points, in WSDL order.
            #[cfg(feature = "json")]
            pub static JSON_OPERATIONS: &[crate::json::JsonOperation] = &[#(#entries),*];
        })
    }
}

/// Which shape a type has (for the caller deciding what to emit).
#[allow(dead_code)]
pub(super) fn is_array(shape: Option<&Shape>) -> bool {
    matches!(shape, Some(Shape::Array { .. }))
}
