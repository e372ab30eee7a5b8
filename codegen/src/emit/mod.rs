//! Model → Rust source for the `bingads-gen` crate.
//!
//! One file per service (`v13/campaign_management.rs`), one `mod.rs` per version and a
//! `versions.rs` listing the versions. Output is assembled from token streams and formatted
//! with prettyplease, in model order (document order), so it is byte-identical across runs.
//!
//! How schema shapes map to Rust (the full rationale is in ARCHITECTURE.md):
//! - a complex type → a struct with every field of its base types first, then its own;
//! - a complex type that others extend → an enum over itself and every descendant, with an
//!   `Unknown` variant for an `xsi:type` this version does not know; its own data lives in a
//!   struct named `{Type}Base`;
//! - an `ArrayOfX` wrapper (a type whose only field repeats) → `Vec<X>` (`Vec<Option<X>>` when
//!   items are nillable), with a private encoder/decoder pair carrying the item element name;
//! - an enumeration → an enum with an `UnknownValue(String)` variant; an `xs:list` of one →
//!   `Flags<Enum>`, written as a single space-separated element;
//! - `minOccurs="0"` → `Option`, `nillable="true"` → `Nillable` (absent / nil / value),
//!   repeated → `Vec`; a field that would make a type contain itself is boxed.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{format_ident, quote};

use crate::Loaded;

mod json;
mod links;
use crate::model::*;
use crate::names;

/// One generated file, with its path relative to the `bingads-gen` crate root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    pub path: String,
    pub contents: String,
}

/// Generation failure (a name collision or a dangling reference in the model).
#[derive(Debug, thiserror::Error)]
#[error("{service}: {message}")]
pub struct EmitError {
    pub service: String,
    pub message: String,
}

/// What the generated headers say produced the files.
pub const GENERATED_BY: &str = "cargo xtask codegen";

/// Generates every file for the given versions (each from [`crate::load_version`]).
/// `wsdl_root` is how the WSDL folder is named in generated headers (e.g. `wsdl`).
pub fn generate(versions: &[Loaded], wsdl_root: &str) -> Result<Vec<GeneratedFile>, EmitError> {
    let mut files = Vec::new();
    let mut version_mods = Vec::new();
    for loaded in versions {
        let version = &loaded.version;
        if syn::parse_str::<Ident>(&version.name).is_err() {
            return Err(EmitError {
                service: version.name.clone(),
                message: "a version folder name must be a Rust identifier (e.g. `v13`)".into(),
            });
        }
        let vmod = ident(&version.name);
        version_mods.push(vmod.clone());
        let mut service_mods = Vec::new();
        for service in &version.services {
            let module = names::service_module(&service.name);
            let sources: Vec<String> = loaded
                .files
                .iter()
                .filter(|f| service_file_matches(f, service))
                .map(|f| format!("{wsdl_root}/{}/{f}", version.name))
                .collect();
            let mut emitter = ServiceEmitter::new(service, &version.name)?;
            emitter.api_revision = version.api_revision.clone().unwrap_or_default();
            emitter.rest = loaded.rest.service(&service.name);
            emitter.reference = loaded.reference.clone();
            let tokens = emitter.emit()?;
            let header = header_comment(
                &format!(
                    "{} of API {}: {} operations, {} schema types.",
                    service.name,
                    version.name,
                    service.operations.len(),
                    service.types.len()
                ),
                &sources,
            );
            files.push(GeneratedFile {
                path: format!("src/{}/{module}.rs", version.name),
                contents: format_file(&header, tokens, &service.name)?,
            });
            service_mods.push((module, names::service_feature(&service.name)));
        }
        let mods = service_mods.iter().map(|(m, f)| {
            let m = ident(m);
            quote! { #[cfg(feature = #f)] pub mod #m; }
        });
        let pushes = service_mods.iter().map(|(m, f)| {
            let m = ident(m);
            quote! { #[cfg(feature = #f)] services.push(&#m::SERVICE); }
        });
        let tokens = quote! {
            #(#mods)*

            /// Metadata of every service of this version compiled in (by cargo feature).
            #[allow(clippy::vec_init_then_push)]
            pub fn services() -> Vec<&'static crate::soap::ServiceMeta> {
                #[allow(unused_mut)]
                let mut services: Vec<&'static crate::soap::ServiceMeta> = Vec::new();
                #(#pushes)*
                services
            }
        };
        let header = header_comment(
            &format!(
                "API {}: one module per service, each behind its cargo feature.",
                version.name
            ),
            &[format!("{wsdl_root}/{}", version.name)],
        );
        files.push(GeneratedFile {
            path: format!("src/{}/mod.rs", version.name),
            contents: format_file(&header, tokens, &version.name)?,
        });
    }
    files.push(roundtrip_tests(versions)?);
    let paths = versions
        .iter()
        .map(|l| format!("{}/mod.rs", l.version.name));
    let tokens = quote! {
        #( #[path = #paths] pub mod #version_mods; )*
    };
    let header = header_comment(
        "The API versions: one module per folder under the WSDL root.",
        &[wsdl_root.to_string()],
    );
    files.push(GeneratedFile {
        path: "src/versions.rs".into(),
        contents: format_file(&header, tokens, "versions")?,
    });
    Ok(files)
}

/// Whether a WSDL file (relative to the version folder) describes `service`, matching the
/// file name against the service name (`campaignmanagement_service.xml`).
fn service_file_matches(file: &str, service: &Service) -> bool {
    let base = file
        .rsplit('/')
        .next()
        .unwrap_or(file)
        .to_ascii_lowercase()
        .replace(['_', '-'], "");
    base.starts_with(&service.name.to_ascii_lowercase())
}

/// `tests/roundtrip.rs`: for every service, a check of every struct (and every variant of
/// every polymorphic type) against samples built from the model by [`crate::sample`].
fn roundtrip_tests(versions: &[Loaded]) -> Result<GeneratedFile, EmitError> {
    let mut tests = Vec::new();
    for loaded in versions {
        for service in &loaded.version.services {
            let emitter = ServiceEmitter::new(service, &loaded.version.name)?;
            let module = names::service_module(&service.name);
            let feature = names::service_feature(&service.name);
            let test_name = format_ident!("{}_{}", loaded.version.name, module);
            let vmod = ident(&loaded.version.name);
            let smod = ident(&module);
            let (version, sname) = (lit(&loaded.version.name), lit(&service.name));
            let mut checks = Vec::new();
            for t in &service.types {
                let TypeDef::Complex(c) = t else { continue };
                if matches!(emitter.shapes.get(&c.name), Some(Shape::Array { .. })) {
                    continue;
                }
                let tname = lit(&c.name.name);
                let rust = ident(&names::type_name(&c.name.name));
                checks.push(quote!(check::<s::#rust>(&svc, #tname, None);));
                if emitter.is_poly(&c.name) {
                    for d in emitter.descendants(&c.name) {
                        let dname = lit(&d.name.name);
                        checks.push(quote!(check::<s::#rust>(&svc, #tname, Some(#dname));));
                    }
                }
            }
            tests.push(quote! {
                #[cfg(feature = #feature)]
                #[test]
                fn #test_name() {
                    use bingads_gen::#vmod::#smod as s;
                    let svc = roundtrip_support::service(#version, #sname);
                    #(#checks)*
                }
            });
        }
    }
    let tokens = quote! {
        #![cfg_attr(rustfmt, rustfmt::skip)]
        mod roundtrip_support;
        use roundtrip_support::check;
        #(#tests)*
    };
    let header = header_comment(
        "Round trip of every generated type: model sample -> decode -> encode must give the same bytes and the same value.",
        &[],
    );
    Ok(GeneratedFile {
        path: "tests/roundtrip.rs".into(),
        contents: format_file(&header, tokens, "roundtrip")?,
    })
}

fn header_comment(summary: &str, sources: &[String]) -> String {
    let mut h = String::new();
    h.push_str(&format!(
        "//! Generated by `{GENERATED_BY}`. Do not edit: change the generator (`codegen/`) or the\n"
    ));
    h.push_str("//! WSDLs and regenerate.\n//!\n");
    h.push_str(&format!("//! {summary}\n"));
    if !sources.is_empty() {
        h.push_str("//!\n//! Source:\n");
        for s in sources {
            h.push_str(&format!("//! - `{s}`\n"));
        }
    }
    h
}

fn format_file(header: &str, tokens: TokenStream, what: &str) -> Result<String, EmitError> {
    let file: syn::File = syn::parse2(tokens).map_err(|e| EmitError {
        service: what.to_string(),
        message: format!("emitted code does not parse: {e}"),
    })?;
    Ok(format!("{header}\n{}", prettyplease::unparse(&file)))
}

/// An identifier for a name the emitter has already made valid; anything that is not one
/// (which would make `Ident::new` panic) is sanitized rather than trusted.
fn ident(name: &str) -> Ident {
    if syn::parse_str::<Ident>(name).is_ok() {
        Ident::new(name, Span::call_site())
    } else {
        Ident::new(&names::type_name(name), Span::call_site())
    }
}

fn lit(s: &str) -> Literal {
    Literal::string(s)
}

fn byte_lit(s: &str) -> Literal {
    Literal::byte_string(s.as_bytes())
}

/// How a complex type is represented.
#[derive(Debug, Clone)]
enum Shape {
    /// A struct (when other types extend it, the struct is `{Name}Base` and the name is taken
    /// by an enum over the family).
    Struct,
    /// An array wrapper: only its item field matters.
    Array { item: Field },
}

/// How a value type is written and read.
enum Codec {
    /// Through its `XmlEncode`/`XmlDecode` impls.
    Trait,
    /// Through generated functions (array wrappers, boxes).
    Fns { enc: TokenStream, dec: TokenStream },
}

struct ServiceEmitter<'a> {
    service: &'a Service,
    version: &'a str,
    types: HashMap<&'a QName, &'a TypeDef>,
    index: TypeIndex<'a>,
    shapes: HashMap<&'a QName, Shape>,
    /// Direct descendants of each type.
    children: HashMap<&'a QName, Vec<&'a QName>>,
    /// Namespace URI → constant name, in order of first use.
    namespaces: BTreeMap<String, Ident>,
    /// Fields (type, field index in flattened order) that must be boxed to break a cycle.
    boxed: BTreeSet<(QName, String)>,
    /// The version's `Api-Revision` date (empty when unknown).
    api_revision: String,
    /// REST facts: `Type` discriminators and renamed JSON members.
    rest: crate::rest::ServiceRest,
    /// Microsoft Learn pages the generated docs link to.
    reference: crate::reference::ReferencePages,
}

impl<'a> ServiceEmitter<'a> {
    fn new(service: &'a Service, version: &'a str) -> Result<Self, EmitError> {
        let mut types = HashMap::new();
        for t in &service.types {
            if types.insert(t.name(), t).is_some() {
                return Err(EmitError {
                    service: service.name.clone(),
                    message: format!("type {} is declared twice", t.name()),
                });
            }
        }
        let mut children: HashMap<&QName, Vec<&QName>> = HashMap::new();
        for t in &service.types {
            if let TypeDef::Complex(c) = t {
                if let Some(base) = &c.base {
                    children.entry(base).or_default().push(&c.name);
                }
            }
        }
        let index = TypeIndex::new(service);
        let mut shapes = HashMap::new();
        for t in &service.types {
            if let TypeDef::Complex(c) = t {
                let shape = match index.array_item(&c.name) {
                    Some(item) => Shape::Array { item: item.clone() },
                    None => Shape::Struct,
                };
                shapes.insert(&c.name, shape);
            }
        }
        let mut emitter = ServiceEmitter {
            service,
            version,
            types,
            index,
            shapes,
            children,
            namespaces: BTreeMap::new(),
            boxed: BTreeSet::new(),
            api_revision: String::new(),
            rest: Default::default(),
            reference: Default::default(),
        };
        emitter.collect_namespaces();
        emitter.check_rust_names()?;
        emitter.find_cycles()?;
        Ok(emitter)
    }

    /// Two schema types (e.g. one local name in two namespaces) must not become one Rust name.
    fn check_rust_names(&self) -> Result<(), EmitError> {
        let mut seen: BTreeMap<String, &QName> = BTreeMap::new();
        for t in &self.service.types {
            let q = t.name();
            let mut rust = Vec::new();
            match t {
                TypeDef::Simple(_) => rust.push(names::type_name(&q.name)),
                TypeDef::Complex(_) => match self.shapes.get(q) {
                    Some(Shape::Array { .. }) => {
                        rust.push(format!("enc_{}", names::field_name(&q.name)))
                    }
                    _ => {
                        rust.push(self.struct_name(q).to_string());
                        if self.is_poly(q) {
                            rust.push(names::type_name(&q.name));
                        }
                    }
                },
            }
            for r in rust {
                if let Some(other) = seen.insert(r.clone(), q) {
                    return Err(
                        self.err(format!("{other} and {q} both map to the Rust name `{r}`"))
                    );
                }
            }
        }
        Ok(())
    }

    fn err(&self, message: impl Into<String>) -> EmitError {
        EmitError {
            service: self.service.name.clone(),
            message: message.into(),
        }
    }

    fn collect_namespaces(&mut self) {
        let mut all: BTreeSet<String> = BTreeSet::new();
        all.insert(self.service.target_namespace.clone());
        for t in &self.service.types {
            all.insert(t.name().ns.clone());
            if let TypeDef::Complex(c) = t {
                for f in &c.fields {
                    all.insert(f.ns.clone());
                }
            }
        }
        for op in &self.service.operations {
            for m in [&op.input, &op.output] {
                all.insert(m.body.ns.clone());
                for h in &m.headers {
                    all.insert(h.element.ns.clone());
                }
            }
        }
        for (i, ns) in all.into_iter().enumerate() {
            self.namespaces.insert(ns, format_ident!("NS{}", i));
        }
    }

    fn ns(&self, uri: &str) -> TokenStream {
        match self.namespaces.get(uri) {
            Some(id) => quote!(#id),
            None => quote!(""),
        }
    }

    /// The base chain from the root down to `c` (inclusive).
    fn lineage(&self, c: &'a ComplexType) -> Result<Vec<&'a ComplexType>, EmitError> {
        self.index
            .lineage(c)
            .ok_or_else(|| self.err(format!("{} has an unknown or cyclic base type", c.name)))
    }

    /// Every field of `c` in wire order: base fields first.
    fn flattened(&self, c: &'a ComplexType) -> Result<Vec<&'a Field>, EmitError> {
        Ok(self
            .lineage(c)?
            .into_iter()
            .flat_map(|t| t.fields.iter())
            .collect())
    }

    /// Every descendant of `name`, in document order.
    fn descendants(&self, name: &QName) -> Vec<&'a ComplexType> {
        self.index.descendants(name)
    }

    fn is_poly(&self, name: &QName) -> bool {
        self.children.contains_key(name)
    }

    /// The Rust name of a complex type's struct.
    fn struct_name(&self, name: &QName) -> Ident {
        if self.is_poly(name) {
            // `{Type}Base`, unless the schema already has a type by that name.
            let base = format!("{}Base", names::type_name(&name.name));
            let taken = self
                .service
                .types
                .iter()
                .any(|t| names::type_name(&t.name().name) == base);
            if taken {
                format_ident!("{}Data", names::type_name(&name.name))
            } else {
                ident(&base)
            }
        } else {
            ident(&names::type_name(&name.name))
        }
    }

    /// Marks fields to box: a field whose type can reach back to the type holding it
    /// without passing through a `Vec` would make the type infinitely large.
    fn find_cycles(&mut self) -> Result<(), EmitError> {
        // Edges: holder type -> contained complex types (not through arrays or repeats).
        let mut edges: BTreeMap<QName, BTreeSet<QName>> = BTreeMap::new();
        for t in &self.service.types {
            let TypeDef::Complex(c) = t else { continue };
            if matches!(self.shapes.get(&c.name), Some(Shape::Array { .. })) {
                continue;
            }
            let mut targets = BTreeSet::new();
            for f in self.flattened(c)? {
                if let Some(target) = self.direct_target(f) {
                    targets.insert(target);
                }
            }
            // A polymorphic enum contains each of its variants.
            for d in self.descendants(&c.name) {
                targets.insert(d.name.clone());
            }
            edges.insert(c.name.clone(), targets);
        }
        let reaches = |from: &QName, to: &QName| -> bool {
            let mut seen = BTreeSet::new();
            let mut stack = vec![from.clone()];
            while let Some(n) = stack.pop() {
                if &n == to {
                    return true;
                }
                if seen.insert(n.clone()) {
                    if let Some(next) = edges.get(&n) {
                        stack.extend(next.iter().cloned());
                    }
                }
            }
            false
        };
        let mut boxed = BTreeSet::new();
        for t in &self.service.types {
            let TypeDef::Complex(c) = t else { continue };
            if matches!(self.shapes.get(&c.name), Some(Shape::Array { .. })) {
                continue;
            }
            for f in self.flattened(c)? {
                if let Some(target) = self.direct_target(f) {
                    if reaches(&target, &c.name) {
                        boxed.insert((c.name.clone(), f.name.clone()));
                    }
                }
            }
        }
        self.boxed = boxed;
        Ok(())
    }

    /// The complex type a field holds directly (not through a `Vec`), if any.
    fn direct_target(&self, f: &Field) -> Option<QName> {
        if f.is_repeated() {
            return None;
        }
        let TypeRef::Named(q) = &f.ty else {
            return None;
        };
        match self.shapes.get(q)? {
            Shape::Array { .. } => None,
            Shape::Struct => Some(q.clone()),
        }
    }

    // ----- types -------------------------------------------------------------------------

    /// The Rust type of one value of `ty` (before Option/Nillable/Vec for occurrence).
    fn value_type(&self, ty: &TypeRef) -> Result<TokenStream, EmitError> {
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
    fn codec(&self, ty: &TypeRef, boxed: bool) -> Result<Codec, EmitError> {
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

    fn field_rust_type(&self, holder: &QName, f: &Field) -> Result<TokenStream, EmitError> {
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

    fn field_encode(&self, holder: &QName, f: &Field) -> Result<TokenStream, EmitError> {
        let fid = ident(&names::field_name(&f.name));
        let ns = self.ns(&f.ns);
        let name = lit(&f.name);
        let boxed = self.boxed.contains(&(holder.clone(), f.name.clone()));
        let codec = self.codec(&f.ty, boxed)?;
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

    fn decoder_expr(&self, ty: &TypeRef, boxed: bool) -> Result<TokenStream, EmitError> {
        Ok(match self.codec(ty, boxed)? {
            Codec::Trait => {
                let vt = self.value_type(ty)?;
                quote!(<#vt as XmlDecode>::decode)
            }
            Codec::Fns { dec, .. } => dec,
        })
    }

    fn field_decode(
        &self,
        holder: &QName,
        f: &Field,
        index: usize,
    ) -> Result<TokenStream, EmitError> {
        let fid = ident(&names::field_name(&f.name));
        let name = byte_lit(&f.name);
        let boxed = self.boxed.contains(&(holder.clone(), f.name.clone()));
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

    fn emit(&self) -> Result<TokenStream, EmitError> {
        self.check_reference_pages()?;
        let mut items = Vec::new();
        items.push(self.emit_namespaces());
        for t in &self.service.types {
            match t {
                TypeDef::Simple(s) => {
                    items.push(self.emit_simple(s)?);
                    if let SimpleKind::Enum(values) | SimpleKind::FlagsList(values) = &s.kind {
                        items.push(
                            self.emit_json_enum(&ident(&names::type_name(&s.name.name)), values),
                        );
                    }
                }
                TypeDef::Complex(c) => match self.shapes.get(&c.name) {
                    Some(Shape::Array { item }) => {
                        items.push(self.emit_array(c, item)?);
                    }
                    _ => {
                        items.push(self.emit_struct(c)?);
                        items.push(self.emit_json_struct(c)?);
                        if self.is_poly(&c.name) {
                            items.push(self.emit_poly_enum(c)?);
                            items.push(self.emit_json_poly(c)?);
                        }
                    }
                },
            }
        }
        items.push(self.emit_faults()?);
        items.push(self.emit_json_faults()?);
        items.push(self.emit_operations()?);
        items.push(self.emit_json_operations()?);
        items.push(self.emit_client()?);
        let doc = format!(
            " Types, operation metadata and client of `{}` (API {}).",
            self.service.name, self.version
        );
        // Users ask "which feature do I need?" before anything else; docs.rs marks items too,
        // but only there, so the module says it in plain text.
        let feature_doc = format!(
            " Cargo feature `{}` of `bingads-gen` (and of `bingads`, which passes it on) \
             compiles this module in. The REST JSON form of its types (`serde`) needs feature \
             `json` of `bingads-gen` (on with `bingads`'s `rest`).",
            names::service_feature(&self.service.name)
        );
        Ok(quote! {
            #![doc = #doc]
            #![doc = ""]
            #![doc = #feature_doc]
            #![allow(clippy::all, non_camel_case_types, non_snake_case, unused_imports, dead_code)]

            use crate::soap::{call, FaultDetailDecode, HeaderMeta, HttpMethod, Operation, OperationMeta, Reply, RequestBody, RestRoute, ServiceMeta, SoapFault, Transport};
            use crate::types::*;
            use crate::xml::{decode_struct, encode_struct, DecodeError, XmlDecode, XmlEncode, XmlReader, XmlStruct, XmlText, XmlWriter};

            #(#items)*
        })
    }

    fn emit_namespaces(&self) -> TokenStream {
        let consts = self.namespaces.iter().map(|(uri, id)| {
            let doc = format!(" `{uri}`");
            let uri = lit(uri);
            quote! { #[doc = #doc] pub const #id: &str = #uri; }
        });
        quote! { #(#consts)* }
    }

    fn emit_simple(&self, s: &SimpleType) -> Result<TokenStream, EmitError> {
        let name = names::type_name(&s.name.name);
        let id = ident(&name);
        match &s.kind {
            SimpleKind::Enum(values) | SimpleKind::FlagsList(values) => {
                let is_flags = matches!(s.kind, SimpleKind::FlagsList(_));
                self.emit_enum(&id, &s.name, values, is_flags)
            }
            SimpleKind::List(inner) => {
                let inner = self.value_type(inner)?;
                let doc = format!(
                    " `{}`: an `xs:list`, written as one space-separated value.",
                    s.name.name
                );
                let link = self.type_link(&s.name.name)?;
                let alias = links::alias(&name, &s.name.name);
                Ok(quote! { #[doc = #doc] #link #alias pub type #id = Flags<#inner>; })
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
                Ok(quote! { #[doc = #doc] #link #alias pub type #id = #t; })
            }
        }
    }

    fn emit_enum(
        &self,
        id: &Ident,
        q: &QName,
        values: &[EnumValue],
        is_flags: bool,
    ) -> Result<TokenStream, EmitError> {
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
        Ok(quote! {
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
            impl XmlText for #id {
                const XSD_TYPE: &'static str = #xsd_name;
                fn write_text(&self, out: &mut String) { out.push_str(self.as_str()) }
                fn parse_text(text: &str) -> Option<Self> { Some(Self::from_wire(text.trim())) }
            }
        })
    }

    fn emit_array(&self, c: &ComplexType, item: &Field) -> Result<TokenStream, EmitError> {
        let base = names::field_name(&c.name.name);
        let enc = format_ident!("enc_{}", base);
        let dec = format_ident!("dec_{}", base);
        let vt = self.value_type(&TypeRef::Named(c.name.clone()))?;
        let item_ns = self.ns(&item.ns);
        let item_name = lit(&item.name);
        let item_bytes = byte_lit(&item.name);
        let item_codec = self.codec(&item.ty, false)?;
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

    fn emit_struct(&self, c: &'a ComplexType) -> Result<TokenStream, EmitError> {
        let sid = self.struct_name(&c.name);
        let fields = self.flattened(c)?;
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
            let ty = self.field_rust_type(&c.name, f)?;
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
        if self.is_poly(&c.name) {
            doc.push_str(&format!(
                " Other types extend it: fields of this type hold the enum `{}`.",
                names::type_name(&c.name.name)
            ));
        }
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
        let (ns, name) = (self.ns(&c.name.ns), lit(&c.name.name));
        let _ = (ns, name);
        let link = self.type_link(&c.name.name)?;
        let struct_alias = links::alias(&sid.to_string(), &c.name.name);
        Ok(quote! {
            #[doc = #doc]
            #link
            #struct_alias
            #derive
            pub struct #sid { #(#defs)* }
            #debug_impl
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
        })
    }

    fn emit_poly_enum(&self, c: &'a ComplexType) -> Result<TokenStream, EmitError> {
        let eid = ident(&names::type_name(&c.name.name));
        let base_struct = self.struct_name(&c.name);
        let mut members: Vec<&ComplexType> = vec![c];
        members.extend(self.descendants(&c.name));
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
            let sid = self.struct_name(&m.name);
            let doc = format!(" `{}`", m.name.name);
            variants.push(quote! { #[doc = #doc] #vid(#sid), });
            let tname = lit(&m.name.name);
            let tns = self.ns(&m.name.ns);
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
        let base_ns = self.ns(&c.name.ns);
        let link = self.type_link(&c.name.name)?;
        let enum_alias = links::alias(&eid.to_string(), &c.name.name);
        Ok(quote! {
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
        })
    }

    fn emit_faults(&self) -> Result<TokenStream, EmitError> {
        let mut seen = BTreeSet::new();
        let mut variants = Vec::new();
        let mut arms = Vec::new();
        let mut names = Vec::new();
        let mut json_arms = Vec::new();
        for op in &self.service.operations {
            for f in &op.faults {
                if !seen.insert(f.element.clone()) {
                    continue;
                }
                let el = self.service.find_element(&f.element).ok_or_else(|| {
                    self.err(format!("fault element {} is not declared", f.element))
                })?;
                let vid = ident(&names::type_name(&f.element.name));
                let vt = self.value_type(&el.ty)?;
                let doc = format!(" The `{}` fault detail.", f.element.name);
                variants.push(quote! { #[doc = #doc] #vid(#vt), });
                let name = byte_lit(&f.element.name);
                arms.push(quote! { #name => Self::#vid(<#vt as XmlDecode>::decode(r)?), });
                let el_name = lit(&f.element.name);
                names.push(quote! { Self::#vid(_) => #el_name, });
                // REST names the detail by its type's `Type` discriminator value.
                let rest_type = match &el.ty {
                    TypeRef::Named(q) => self.rest.discriminator(&q.name),
                    _ => f.element.name.clone(),
                };
                let rest_type = lit(&rest_type);
                json_arms.push(quote! {
                    #rest_type => crate::json::from_value_lenient::<#vt>(body).ok().map(Self::#vid),
                });
            }
        }
        Ok(quote! {
            /// The fault details this service's operations declare.
            #[derive(Debug, Clone, PartialEq)]
            #[non_exhaustive]
            pub enum FaultDetail { #(#variants)* }
            impl FaultDetailDecode for FaultDetail {
                fn element_name(&self) -> &'static str {
                    match self { #(#names)* }
                }
                fn decode_detail(r: &mut XmlReader<'_>, name: &[u8]) -> Result<Option<Self>, DecodeError> {
                    Ok(Some(match name {
                        #(#arms)*
                        _ => { r.skip()?; return Ok(None) }
                    }))
                }
                #[cfg(feature = "json")]
                fn decode_json_detail(type_name: &str, body: &serde_json::Value) -> Option<Self> {
                    match type_name {
                        #(#json_arms)*
                        _ => None,
                    }
                }
            }
        })
    }

    fn emit_operations(&self) -> Result<TokenStream, EmitError> {
        let mut statics = Vec::new();
        let mut refs = Vec::new();
        let mut impls = Vec::new();
        let mut request_types = BTreeSet::new();
        for op in &self.service.operations {
            let sid = format_ident!("{}", names::operation_static(&op.name));
            refs.push(quote!(&#sid));
            let name = lit(&op.name);
            let action = lit(&op.soap_action);
            let (req_ns, req_name) = (self.ns(&op.input.body.ns), lit(&op.input.body.name));
            let (resp_ns, resp_name) = (self.ns(&op.output.body.ns), lit(&op.output.body.name));
            let headers = |m: &Message| -> Vec<TokenStream> {
                m.headers
                    .iter()
                    .map(|h| {
                        let n = lit(&h.element.name);
                        let ns = self.ns(&h.element.ns);
                        quote!(HeaderMeta { name: #n, namespace: #ns })
                    })
                    .collect()
            };
            let ih = headers(&op.input);
            let oh = headers(&op.output);
            let faults: Vec<Literal> = op.faults.iter().map(|f| lit(&f.element.name)).collect();
            let rest = self.rest_route(&op.name)?;
            let doc = format!(" Metadata of `{}`.", op.name);
            statics.push(quote! {
                #[doc = #doc]
                pub static #sid: OperationMeta = OperationMeta {
                    service: &SERVICE,
                    name: #name,
                    soap_action: #action,
                    request_element: (#req_ns, #req_name),
                    response_element: (#resp_ns, #resp_name),
                    input_headers: &[#(#ih),*],
                    output_headers: &[#(#oh),*],
                    faults: &[#(#faults),*],
                    rest: #rest,
                };
            });
            let req_el = self.service.find_element(&op.input.body).ok_or_else(|| {
                self.err(format!("request element {} is not declared", op.input.body))
            })?;
            let resp_el = self.service.find_element(&op.output.body).ok_or_else(|| {
                self.err(format!(
                    "response element {} is not declared",
                    op.output.body
                ))
            })?;
            let req_ty = self.value_type(&req_el.ty)?;
            let resp_ty = self.value_type(&resp_el.ty)?;
            if !request_types.insert(req_ty.to_string()) {
                return Err(self.err(format!(
                    "{} shares its request type with another operation",
                    op.name
                )));
            }
            impls.push(quote! {
                impl RequestBody for #req_ty {
                    fn operation(&self) -> &'static OperationMeta { &#sid }
                    fn write_soap_body(&self, w: &mut XmlWriter) { self.encode(w, #req_ns, #req_name) }
                    #[cfg(feature = "json")]
                    fn write_json_body(&self, out: &mut Vec<u8>) { crate::json::write_body(self, out) }
                }
                impl Operation for #req_ty {
                    type Response = #resp_ty;
                    type Fault = FaultDetail;
                    const META: &'static OperationMeta = &#sid;
                }
            });
        }
        let name = lit(&self.service.name);
        let version = lit(self.version);
        let api_revision = lit(&self.api_revision);
        let tns = self.ns(&self.service.target_namespace);
        let endpoints = self.service.endpoints.iter().map(|(env, url)| {
            let (env, url) = (lit(env), lit(url));
            quote!((#env, #url))
        });
        self.check_rest_routes()?;
        let rest_endpoints: Vec<TokenStream> = self
            .rest
            .routing
            .iter()
            .flat_map(|r| r.bases.iter())
            .map(|(env, url)| {
                let (env, url) = (lit(env), lit(url));
                quote!((#env, #url))
            })
            .collect();
        Ok(quote! {
            /// Metadata of this service: endpoints and every operation.
            pub static SERVICE: ServiceMeta = ServiceMeta {
                name: #name,
                version: #version,
                api_revision: #api_revision,
                namespace: #tns,
                endpoints: &[#(#endpoints),*],
                rest_endpoints: &[#(#rest_endpoints),*],
                operations: &[#(#refs),*],
            };
            #(#statics)*
            #(#impls)*
        })
    }

    /// The REST route of an operation as a `Option<RestRoute>` expression. An operation the
    /// facts file neither routes nor lists as unrouted is an error: a forgotten route would
    /// otherwise only show up as a runtime error on the REST wire.
    fn rest_route(&self, operation: &str) -> Result<TokenStream, EmitError> {
        let Some(routing) = &self.rest.routing else {
            return Ok(quote!(None));
        };
        let Some(route) = routing.routes.get(operation) else {
            if routing.without_route.iter().any(|o| o == operation) {
                return Ok(quote!(None));
            }
            return Err(self.err(format!(
                "rest-json.json has no REST route for {operation} and does not list it under \
                 mismatches.operations_without_rest_endpoint"
            )));
        };
        let method = format_ident!(
            "{}",
            match route.method.as_str() {
                "GET" => "Get",
                "PUT" => "Put",
                "PATCH" => "Patch",
                "DELETE" => "Delete",
                _ => "Post",
            }
        );
        let path = lit(&route.path);
        Ok(quote!(Some(RestRoute { method: HttpMethod::#method, path: #path })))
    }

    /// Every route in the facts file names an operation of the WSDL (a renamed or removed
    /// operation must not leave a stale route behind).
    fn check_rest_routes(&self) -> Result<(), EmitError> {
        let Some(routing) = &self.rest.routing else {
            return Ok(());
        };
        for name in routing.routes.keys().chain(&routing.without_route) {
            if !self.service.operations.iter().any(|o| &o.name == name) {
                return Err(self.err(format!(
                    "rest-json.json names operation {name}, which the WSDL does not have"
                )));
            }
        }
        Ok(())
    }

    fn emit_client(&self) -> Result<TokenStream, EmitError> {
        let cid = ident(&names::client_name(&self.service.name));
        let mut methods = Vec::new();
        for op in &self.service.operations {
            let mid = ident(&names::method_name(&op.name));
            let req_el = self.service.find_element(&op.input.body).ok_or_else(|| {
                self.err(format!("request element {} is not declared", op.input.body))
            })?;
            let resp_el = self.service.find_element(&op.output.body).ok_or_else(|| {
                self.err(format!(
                    "response element {} is not declared",
                    op.output.body
                ))
            })?;
            let req_ty = self.value_type(&req_el.ty)?;
            let resp_ty = self.value_type(&resp_el.ty)?;
            let headers: Vec<&str> = op
                .input
                .headers
                .iter()
                .map(|h| h.element.name.as_str())
                .collect();
            let doc = format!(
                " Calls `{}` (SOAPAction `{}`; request headers: {}).",
                op.name,
                op.soap_action,
                if headers.is_empty() {
                    "none".to_string()
                } else {
                    headers.join(", ")
                }
            );
            let link = self.operation_link(&op.name)?;
            let alias = &op.name;
            methods.push(quote! {
                #[doc = #doc]
                #link
                #[doc(alias = #alias)]
                pub async fn #mid(&self, request: &#req_ty) -> Result<Reply<#resp_ty>, T::Error> {
                    call(&self.transport, request).await
                }
            });
        }
        let doc = format!(
            " A client for `{}`: one async method per operation.",
            self.service.name
        );
        let folder = crate::reference::ReferencePages::service_folder(&self.service.name);
        let link = self.type_link(&format!("{folder}-reference"))?;
        let service_name = &self.service.name;
        Ok(quote! {
            #[doc = #doc]
            #link
            #[doc(alias = #service_name)]
            #[doc(alias = "ServiceClient")]
            #[derive(Debug, Clone)]
            pub struct #cid<T> { transport: T }
            impl<T> #cid<T> {
                pub fn new(transport: T) -> Self { Self { transport } }
                pub fn transport(&self) -> &T { &self.transport }
                pub fn into_transport(self) -> T { self.transport }
            }
            impl<T: Transport> #cid<T> where T::Error: From<SoapFault<FaultDetail>> {
                #(#methods)*
            }
        })
    }
}

fn occurrence_method(f: &Field) -> &'static str {
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

fn builtin_type(b: Builtin) -> TokenStream {
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
