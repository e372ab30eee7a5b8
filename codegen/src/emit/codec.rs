//! The Rust definition of every schema type and its XML codec: enums with their wire names,
//! structs with `XmlStruct` (one encode line and one decode arm per field, in wire order),
//! polymorphic families told apart by `xsi:type`, and array wrappers as encode/decode
//! function pairs.

use std::collections::BTreeSet;

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

use super::rust_types::{Codec, builtin_type, occurrence_method};
use super::{EmitError, ServiceEmitter, byte_lit, ident, links, lit};
use crate::model::*;
use crate::names;

/// A schema type's Rust definition (`types.rs` of the service folder) and its XML codec
/// (`codec.rs`), emitted together and written apart.
pub(super) struct Split {
    pub(super) def: TokenStream,
    pub(super) codec: TokenStream,
}

impl Split {
    fn def(def: TokenStream) -> Split {
        Split {
            def,
            codec: TokenStream::new(),
        }
    }
}

impl<'a> ServiceEmitter<'a> {
    pub(super) fn field_encode(&self, holder: &QName, f: &Field) -> Result<TokenStream, EmitError> {
        let fid = ident(&names::field_name(&f.name));
        let ns = self.analysis.ns(&f.ns);
        let name = lit(&f.name);
        let boxed = self
            .analysis
            .boxed
            .contains(&(holder.clone(), f.name.clone()));
        let codec = self.analysis.codec(&f.ty, boxed)?;
        let method = occurrence_method(f);
        Ok(match codec {
            Codec::Trait => {
                let m = format_ident!("{}", method);
                quote!(w.#m(&self.#fid, #ns, #name);)
            }
            Codec::Fns { enc, .. } => {
                let m = format_ident!("{}_with", method);
                quote!(w.#m(&self.#fid, #ns, #name, #enc);)
            }
        })
    }

    pub(super) fn decoder_expr(&self, ty: &TypeRef, boxed: bool) -> Result<TokenStream, EmitError> {
        Ok(match self.analysis.codec(ty, boxed)? {
            Codec::Trait => {
                let vt = self.analysis.value_type(ty)?;
                quote!(<#vt as XmlDecode>::decode)
            }
            Codec::Fns { dec, .. } => dec,
        })
    }

    pub(super) fn field_decode(
        &self,
        holder: &QName,
        f: &Field,
        index: usize,
    ) -> Result<TokenStream, EmitError> {
        let fid = ident(&names::field_name(&f.name));
        let name = byte_lit(&f.name);
        let boxed = self
            .analysis
            .boxed
            .contains(&(holder.clone(), f.name.clone()));
        let dec = self.decoder_expr(&f.ty, boxed)?;
        let index = Literal::u32_unsuffixed(index as u32);
        let read = if f.is_repeated() {
            quote!(self.#fid.push(#dec(r)?))
        } else if f.nillable {
            quote!(self.#fid = r.nillable(#dec)?)
        } else if f.min_occurs == 0 {
            quote!(self.#fid = r.opt(#dec)?)
        } else {
            quote!(self.#fid = r.req(#dec)?)
        };
        Ok(quote!(#name => { #read; #index }))
    }

    pub(super) fn emit_simple(&self, s: &SimpleType) -> Result<Split, EmitError> {
        let name = names::type_name(&s.name.name);
        let id = ident(&name);
        match &s.kind {
            SimpleKind::Enum(values) | SimpleKind::FlagsList(values) => {
                let is_flags = matches!(s.kind, SimpleKind::FlagsList(_));
                self.emit_enum(&id, &s.name, values, is_flags)
            }
            SimpleKind::List(inner) => {
                let inner = self.analysis.value_type(inner)?;
                let doc = format!(
                    " `{}`: an `xs:list`, written as one space-separated value.",
                    s.name.name
                );
                let link = self.type_link(&s.name.name)?;
                let alias = links::alias(&name, &s.name.name);
                Ok(Split::def(
                    quote! { #[doc = #doc] #link #alias pub type #id = Flags<#inner>; },
                ))
            }
            SimpleKind::Restriction(b) => {
                let t = builtin_type(*b);
                let doc = format!(
                    " `{}`: a restriction of `xs:{}` (facets are not enforced).",
                    s.name.name,
                    b.xsd_name()
                );
                let link = self.type_link(&s.name.name)?;
                let alias = links::alias(&name, &s.name.name);
                Ok(Split::def(
                    quote! { #[doc = #doc] #link #alias pub type #id = #t; },
                ))
            }
        }
    }

    pub(super) fn emit_enum(
        &self,
        id: &Ident,
        q: &QName,
        values: &[EnumValue],
        is_flags: bool,
    ) -> Result<Split, EmitError> {
        let mut seen = BTreeSet::new();
        let mut variants = Vec::new();
        for v in values {
            let vn = names::variant_name(&v.value);
            if vn == "UnknownValue" || !seen.insert(vn.clone()) {
                return Err(self.err(format!("enum {} has a colliding variant name {vn}", q.name)));
            }
            variants.push((ident(&vn), v));
        }
        let doc = if is_flags {
            format!(
                " `{}`: one flag of a set; fields hold `Flags<{}>`, written as one space-separated element.",
                q.name, id
            )
        } else {
            format!(" `{}` (enumeration in `{}`).", q.name, q.ns)
        };
        let link = self.type_link(&q.name)?;
        let enum_alias = links::alias(&id.to_string(), &q.name);
        let defs = variants.iter().map(|(vid, v)| {
            let d = match v.numeric {
                Some(n) => format!(" `{}` (numeric value {n})", v.value),
                None => format!(" `{}`", v.value),
            };
            let alias = links::alias(&vid.to_string(), &v.value);
            quote! { #[doc = #d] #alias #vid, }
        });
        let to_str = variants.iter().map(|(vid, v)| {
            let s = lit(&v.value);
            quote! { Self::#vid => #s, }
        });
        let from_str = variants.iter().map(|(vid, v)| {
            let s = lit(&v.value);
            quote! { #s => Self::#vid, }
        });
        let all = variants.iter().map(|(vid, _)| quote!(Self::#vid,));
        let first = variants.first().map(|(vid, _)| vid.clone());
        let default_impl = match first {
            Some(first) => quote! {
                impl Default for #id { fn default() -> Self { Self::#first } }
            },
            None => quote! {
                impl Default for #id { fn default() -> Self { Self::UnknownValue(String::new()) } }
            },
        };
        let xsd_name = lit(&q.name);
        let def = quote! {
            #[doc = #doc]
            #link
            #enum_alias
            #[derive(Debug, Clone, PartialEq, Eq, Hash)]
            #[non_exhaustive]
            pub enum #id {
                #(#defs)*
                /// A value this version of the bindings does not know (kept as sent).
                UnknownValue(String),
            }
            impl #id {
                /// Every known value, in schema order.
                pub const ALL: &'static [Self] = &[#(#all)*];
                /// The value as written on the wire.
                pub fn as_str(&self) -> &str {
                    match self {
                        #(#to_str)*
                        Self::UnknownValue(s) => s,
                    }
                }
                /// Reads a wire value; unknown values are kept in `UnknownValue`.
                pub fn from_wire(s: &str) -> Self {
                    match s {
                        #(#from_str)*
                        other => Self::UnknownValue(other.to_string()),
                    }
                }
            }
            #default_impl
            impl std::fmt::Display for #id {
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str(self.as_str()) }
            }
        };
        let codec = quote! {
            impl XmlText for #id {
                const XSD_TYPE: &'static str = #xsd_name;
                fn write_text(&self, out: &mut String) { out.push_str(self.as_str()) }
                fn parse_text(text: &str) -> Option<Self> { Some(Self::from_wire(text.trim())) }
            }
        };
        Ok(Split { def, codec })
    }

    pub(super) fn emit_array(
        &self,
        c: &ComplexType,
        item: &Field,
    ) -> Result<TokenStream, EmitError> {
        let base = names::field_name(&c.name.name);
        let enc = format_ident!("enc_{}", base);
        let dec = format_ident!("dec_{}", base);
        let vt = self.analysis.value_type(&TypeRef::Named(c.name.clone()))?;
        let item_ns = self.analysis.ns(&item.ns);
        let item_name = lit(&item.name);
        let item_bytes = byte_lit(&item.name);
        let item_codec = self.analysis.codec(&item.ty, false)?;
        let item_dec = self.decoder_expr(&item.ty, false)?;
        let write_item = match (&item_codec, item.nillable) {
            (Codec::Trait, true) => quote!(w.item(v, #item_ns, #item_name)),
            (Codec::Trait, false) => quote!(w.req(v, #item_ns, #item_name)),
            (Codec::Fns { enc, .. }, true) => quote!(w.item_with(v, #item_ns, #item_name, #enc)),
            (Codec::Fns { enc, .. }, false) => quote!(w.req_with(v, #item_ns, #item_name, #enc)),
        };
        let read_item = if item.nillable {
            quote!(r.items(#item_bytes, |r| r.opt(#item_dec)))
        } else {
            quote!(r.items(#item_bytes, #item_dec))
        };
        let doc_enc = format!(
            " Writes an `{}` wrapper (items named `{}`).",
            c.name.name, item.name
        );
        let doc_dec = format!(" Reads an `{}` wrapper.", c.name.name);
        Ok(quote! {
            #[doc = #doc_enc]
            pub(crate) fn #enc(items: &#vt, w: &mut XmlWriter, ns: &'static str, name: &str) {
                w.start(ns, name);
                for v in items { #write_item; }
                w.end(name);
            }
            #[doc = #doc_dec]
            pub(crate) fn #dec(r: &mut XmlReader<'_>) -> Result<#vt, DecodeError> {
                #read_item
            }
        })
    }

    pub(super) fn emit_struct(&self, c: &'a ComplexType) -> Result<Split, EmitError> {
        let sid = self.analysis.struct_name(&c.name);
        let fields = self.analysis.flattened(c)?;
        let mut seen = BTreeSet::new();
        let mut defs = Vec::new();
        let mut encs = Vec::new();
        let mut decs = Vec::new();
        let mut debug_fields = Vec::new();
        let mut has_secret = false;
        for (i, f) in fields.iter().enumerate() {
            let fname = names::field_name(&f.name);
            if !seen.insert(fname.clone()) {
                return Err(self.err(format!("{}: two fields map to `{fname}`", c.name.name)));
            }
            let fid = ident(&fname);
            let ty = self.analysis.field_rust_type(&c.name, f)?;
            let mut doc = format!(" `{}`", f.name);
            match &f.ty {
                TypeRef::Builtin(b) => doc.push_str(&format!(": `xs:{}`", b.xsd_name())),
                TypeRef::Named(q) => doc.push_str(&format!(": `{}`", q.name)),
            }
            if f.is_repeated() {
                doc.push_str(", repeated");
            } else if f.min_occurs == 0 {
                doc.push_str(", optional");
            }
            if f.nillable {
                doc.push_str(", nillable");
            }
            doc.push('.');
            let alias = links::alias(&fname, &f.name);
            defs.push(quote! { #[doc = #doc] #alias pub #fid: #ty, });
            encs.push(self.field_encode(&c.name, f)?);
            decs.push(self.field_decode(&c.name, f, i)?);
            let label = lit(&fname);
            if names::is_secret_field(&f.name) {
                has_secret = true;
                debug_fields.push(quote! { .field(#label, &"<redacted>") });
            } else {
                debug_fields.push(quote! { .field(#label, &self.#fid) });
            }
        }
        let mut doc = if c.is_element_wrapper {
            format!(" The `{}` element (`{}`).", c.name.name, c.name.ns)
        } else {
            format!(" `{}` (complex type in `{}`).", c.name.name, c.name.ns)
        };
        if let Some(base) = &c.base {
            doc.push_str(&format!(" Extends `{}`; its fields come first.", base.name));
        }
        if self.analysis.is_poly(&c.name) {
            doc.push_str(&format!(
                " Other types extend it: fields of this type hold the enum `{}`.",
                names::type_name(&c.name.name)
            ));
        }
        let non_exhaustive = if super::STRUCTS_NON_EXHAUSTIVE {
            quote!(#[non_exhaustive])
        } else {
            quote!()
        };
        let derive = if has_secret {
            quote!(#[derive(Clone, PartialEq, Default)])
        } else {
            quote!(#[derive(Debug, Clone, PartialEq, Default)])
        };
        let debug_impl = if has_secret {
            let label = lit(&sid.to_string());
            quote! {
                /// Credentials are shown as `<redacted>`.
                impl std::fmt::Debug for #sid {
                    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.debug_struct(#label) #(#debug_fields)* .finish()
                    }
                }
            }
        } else {
            quote!()
        };
        let unused_w = if encs.is_empty() {
            quote!(let _ = w;)
        } else {
            quote!()
        };
        let match_body = if decs.is_empty() {
            quote! { let _ = (r, name); Ok(None) }
        } else {
            quote! {
                Ok(Some(match name {
                    #(#decs)*
                    _ => return Ok(None),
                }))
            }
        };
        let link = self.type_link(&c.name.name)?;
        let struct_alias = links::alias(&sid.to_string(), &c.name.name);
        let def = quote! {
            #[doc = #doc]
            #link
            #struct_alias
            #derive
            #non_exhaustive
            pub struct #sid { #(#defs)* }
            #debug_impl
        };
        let codec = quote! {
            impl XmlStruct for #sid {
                fn encode_fields(&self, w: &mut XmlWriter) { #unused_w #(#encs)* }
                fn decode_field(&mut self, r: &mut XmlReader<'_>, name: &[u8]) -> Result<Option<u32>, DecodeError> {
                    #match_body
                }
            }
            impl XmlEncode for #sid {
                fn encode(&self, w: &mut XmlWriter, ns: &'static str, name: &str) { encode_struct(self, w, ns, name, None) }
            }
            impl XmlDecode for #sid {
                fn decode(r: &mut XmlReader<'_>) -> Result<Self, DecodeError> { decode_struct(r) }
            }
        };
        Ok(Split { def, codec })
    }

    pub(super) fn emit_poly_enum(&self, c: &'a ComplexType) -> Result<Split, EmitError> {
        let eid = ident(&names::type_name(&c.name.name));
        let base_struct = self.analysis.struct_name(&c.name);
        let mut members: Vec<&ComplexType> = vec![c];
        members.extend(self.analysis.descendants(&c.name));
        let mut variants = Vec::new();
        let mut encs = Vec::new();
        let mut dec_index = Vec::new();
        let mut dec_arms = Vec::new();
        let mut froms = Vec::new();
        for (i, m) in members.iter().enumerate() {
            let vid = ident(&names::type_name(&m.name.name));
            if vid == "Unknown" {
                return Err(self.err(format!(
                    "type {} collides with the Unknown variant",
                    m.name.name
                )));
            }
            let sid = self.analysis.struct_name(&m.name);
            let doc = format!(" `{}`", m.name.name);
            variants.push(quote! { #[doc = #doc] #vid(#sid), });
            let tname = lit(&m.name.name);
            let tns = self.analysis.ns(&m.name.ns);
            let i = Literal::usize_unsuffixed(i);
            if m.name == c.name {
                encs.push(quote! { Self::#vid(v) => encode_struct(v, w, ns, name, None), });
                dec_index.push(quote! { None | Some(#tname) => #i, });
            } else {
                encs.push(quote! { Self::#vid(v) => encode_struct(v, w, ns, name, Some((#tns, #tname))), });
                dec_index.push(quote! { Some(#tname) => #i, });
            }
            dec_arms.push(quote! { #i => Self::#vid(decode_struct(r)?), });
            froms.push(quote! {
                impl From<#sid> for #eid { fn from(v: #sid) -> Self { Self::#vid(v) } }
            });
        }
        let unknown = Literal::usize_unsuffixed(members.len());
        let doc = format!(
            " `{}` or any type derived from it, told apart on the wire by `xsi:type`.",
            c.name.name
        );
        let root_vid = ident(&names::type_name(&c.name.name));
        let base_ns = self.analysis.ns(&c.name.ns);
        let link = self.type_link(&c.name.name)?;
        let enum_alias = links::alias(&eid.to_string(), &c.name.name);
        let def = quote! {
            #[doc = #doc]
            #link
            #enum_alias
            #[derive(Debug, Clone, PartialEq)]
            #[non_exhaustive]
            pub enum #eid {
                #(#variants)*
                /// An `xsi:type` this version does not know, read as the declared type's fields
                /// (written back with the same `xsi:type`, in the declared type's namespace).
                Unknown { type_name: String, base: #base_struct },
            }
            impl Default for #eid {
                fn default() -> Self { Self::#root_vid(Default::default()) }
            }
            #(#froms)*
        };
        let codec = quote! {
            impl XmlEncode for #eid {
                fn encode(&self, w: &mut XmlWriter, ns: &'static str, name: &str) {
                    match self {
                        #(#encs)*
                        Self::Unknown { type_name, base } => {
                            crate::xml::encode_struct_as(base, w, ns, name, #base_ns, type_name)
                        }
                    }
                }
            }
            impl XmlDecode for #eid {
                fn decode(r: &mut XmlReader<'_>) -> Result<Self, DecodeError> {
                    let index = match r.xsi_type() {
                        #(#dec_index)*
                        Some(_) => #unknown,
                    };
                    Ok(match index {
                        #(#dec_arms)*
                        _ => {
                            let type_name = r.xsi_type().unwrap_or_default().to_string();
                            Self::Unknown { type_name, base: decode_struct(r)? }
                        }
                    })
                }
            }
        };
        Ok(Split { def, codec })
    }
}
