//! Shared helpers of the generator tests: a WSDL wrapper for hand-written `xs:schema` blocks,
//! model lookups, and a view of the emitted Rust (parsed with syn) that tests assert on.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use codegen::Loaded;
use codegen::emit::{GeneratedFile, generate};
use codegen::model::*;
use codegen::wsdl::{WsdlError, parse_service};
use quote::ToTokens;

/// The service's own namespace (`wsdl:definitions/@targetNamespace` and the `tns` prefix).
pub const SVC: &str = "urn:svc";
pub const SER: &str = "http://schemas.microsoft.com/2003/10/Serialization/";
pub const ENDPOINT: &str = "https://api.example.test/Api/V1/TestService.svc";

/// The repository's `wsdl/` folder.
pub fn wsdl_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("wsdl")
}

/// One operation of the test service. Its request and response elements are
/// `{name}Request` / `{name}Response` in [`SVC`], declared by the test's schemas.
#[derive(Debug, Clone)]
pub struct Op {
    pub name: &'static str,
    pub soap_action: &'static str,
    /// Header parts the binding lists for the input, in binding order. The `_Headers` message
    /// always declares every standard header part (as WCF does); the binding picks some.
    pub input_headers: Vec<&'static str>,
    pub output_headers: Vec<&'static str>,
    /// Fault elements (from the plumbing schema: `ApiFault`, `BatchFault`).
    pub faults: Vec<&'static str>,
}

/// Standard header elements the plumbing schema declares (all in [`SVC`]).
pub const HEADERS: [&str; 4] = [
    "AuthenticationToken",
    "CustomerAccountId",
    "CustomerId",
    "DeveloperToken",
];

pub fn op(name: &'static str) -> Op {
    Op {
        name,
        soap_action: name,
        input_headers: vec!["AuthenticationToken", "DeveloperToken"],
        output_headers: vec!["TrackingId"],
        faults: vec!["ApiFault"],
    }
}

/// The schema every test WSDL carries: header elements, fault details and the `Ping`
/// operation's wrappers (so a WSDL about types alone still has an operation).
const PLUMBING: &str = r#"
    <xs:schema elementFormDefault="qualified" targetNamespace="urn:svc">
      <xs:element name="AuthenticationToken" nillable="true" type="xs:string"/>
      <xs:element name="CustomerAccountId" nillable="true" type="xs:string"/>
      <xs:element name="CustomerId" nillable="true" type="xs:string"/>
      <xs:element name="DeveloperToken" nillable="true" type="xs:string"/>
      <xs:element name="TrackingId" nillable="true" type="xs:string"/>
      <xs:complexType name="ApiFaultDetail">
        <xs:sequence>
          <xs:element minOccurs="0" name="TrackingId" nillable="true" type="xs:string"/>
          <xs:element minOccurs="0" name="Message" nillable="true" type="xs:string"/>
        </xs:sequence>
      </xs:complexType>
      <xs:element name="ApiFault" nillable="true" type="tns:ApiFaultDetail"/>
      <xs:complexType name="BatchFaultDetail">
        <xs:sequence>
          <xs:element minOccurs="0" name="Index" type="xs:int"/>
        </xs:sequence>
      </xs:complexType>
      <xs:element name="BatchFault" nillable="true" type="tns:BatchFaultDetail"/>
      <xs:element name="PingRequest">
        <xs:complexType>
          <xs:sequence/>
        </xs:complexType>
      </xs:element>
      <xs:element name="PingResponse">
        <xs:complexType>
          <xs:sequence>
            <xs:element minOccurs="0" name="Ok" type="xs:boolean"/>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
    </xs:schema>"#;

/// A full WSDL around the given `xs:schema` blocks (which may use the prefixes `xs`, `tns`
/// and `ser` declared on the root) with the given operations, served at `endpoint`.
pub fn wsdl_at(schemas: &str, ops: &[Op], endpoint: &str) -> String {
    let mut messages = String::new();
    let mut port_ops = String::new();
    let mut bind_ops = String::new();
    for o in ops {
        let n = o.name;
        let all_headers: String = HEADERS
            .iter()
            .map(|h| format!("\n    <wsdl:part name=\"{h}\" element=\"tns:{h}\"/>"))
            .collect();
        messages.push_str(&format!(
            r#"
  <wsdl:message name="{n}Request">
    <wsdl:part name="parameters" element="tns:{n}Request"/>
  </wsdl:message>
  <wsdl:message name="{n}Request_Headers">{all_headers}
  </wsdl:message>
  <wsdl:message name="{n}Response">
    <wsdl:part name="parameters" element="tns:{n}Response"/>
  </wsdl:message>
  <wsdl:message name="{n}Response_Headers">
    <wsdl:part name="TrackingId" element="tns:TrackingId"/>
  </wsdl:message>"#
        ));
        let mut port_faults = String::new();
        let mut bind_faults = String::new();
        for f in &o.faults {
            messages.push_str(&format!(
                r#"
  <wsdl:message name="ITestService_{n}_{f}Fault_FaultMessage">
    <wsdl:part name="detail" element="tns:{f}"/>
  </wsdl:message>"#
            ));
            port_faults.push_str(&format!(
                "\n      <wsdl:fault name=\"{f}Fault\" message=\"tns:ITestService_{n}_{f}Fault_FaultMessage\"/>"
            ));
            bind_faults.push_str(&format!(
                "\n      <wsdl:fault name=\"{f}Fault\">\n        <soap:fault name=\"{f}Fault\" use=\"literal\"/>\n      </wsdl:fault>"
            ));
        }
        port_ops.push_str(&format!(
            r#"
    <wsdl:operation name="{n}">
      <wsdl:input name="{n}Request" message="tns:{n}Request"/>
      <wsdl:output name="{n}Response" message="tns:{n}Response"/>{port_faults}
    </wsdl:operation>"#
        ));
        let in_headers: String = o
            .input_headers
            .iter()
            .map(|h| {
                format!(
                    "\n        <soap:header message=\"tns:{n}Request_Headers\" part=\"{h}\" use=\"literal\"/>"
                )
            })
            .collect();
        let out_headers: String = o
            .output_headers
            .iter()
            .map(|h| {
                format!(
                    "\n        <soap:header message=\"tns:{n}Response_Headers\" part=\"{h}\" use=\"literal\"/>"
                )
            })
            .collect();
        bind_ops.push_str(&format!(
            r#"
    <wsdl:operation name="{n}">
      <soap:operation soapAction="{action}" style="document"/>
      <wsdl:input name="{n}Request">{in_headers}
        <soap:body use="literal"/>
      </wsdl:input>
      <wsdl:output name="{n}Response">{out_headers}
        <soap:body use="literal"/>
      </wsdl:output>{bind_faults}
    </wsdl:operation>"#,
            action = o.soap_action
        ));
    }
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<wsdl:definitions name="TestService" targetNamespace="urn:svc"
    xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
    xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ser="http://schemas.microsoft.com/2003/10/Serialization/"
    xmlns:tns="urn:svc">
  <wsdl:types>{PLUMBING}
{schemas}
  </wsdl:types>{messages}
  <wsdl:portType name="ITestService">{port_ops}
  </wsdl:portType>
  <wsdl:binding name="BasicHttpBinding_ITestService" type="tns:ITestService">
    <soap:binding transport="http://schemas.xmlsoap.org/soap/http"/>{bind_ops}
  </wsdl:binding>
  <wsdl:service name="TestService">
    <wsdl:port name="BasicHttpBinding_ITestService" binding="tns:BasicHttpBinding_ITestService">
      <soap:address location="{endpoint}"/>
    </wsdl:port>
  </wsdl:service>
</wsdl:definitions>
"#
    )
}

pub fn wsdl(schemas: &str, ops: &[Op]) -> String {
    wsdl_at(schemas, ops, ENDPOINT)
}

/// A WSDL about types only: its one operation is the plumbing's `Ping`.
pub fn types_wsdl(schemas: &str) -> String {
    let mut ping = op("Ping");
    ping.faults.clear();
    wsdl(schemas, &[ping])
}

pub fn try_parse(text: &str) -> Result<Service, WsdlError> {
    parse_service(text, "test.wsdl", "production")
}

pub fn parse(text: &str) -> Service {
    match try_parse(text) {
        Ok(s) => s,
        Err(e) => panic!("test WSDL does not parse: {e}\n{text}"),
    }
}

/// The 1-based (line, column) of the first occurrence of `needle` in `text`.
pub fn position_of(text: &str, needle: &str) -> (u32, u32) {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in the text"));
    assert_eq!(
        text.matches(needle).count(),
        1,
        "`{needle}` is not unique in the text"
    );
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
    (line as u32, column as u32)
}

// ----- model ---------------------------------------------------------------------------------

pub fn q(ns: &str, name: &str) -> QName {
    QName::new(ns, name)
}

pub fn complex<'s>(s: &'s Service, ns: &str, name: &str) -> &'s ComplexType {
    match s.find_type(&q(ns, name)) {
        Some(TypeDef::Complex(c)) => c,
        other => panic!("no complex type {{{ns}}}{name}: {other:?}"),
    }
}

pub fn simple<'s>(s: &'s Service, ns: &str, name: &str) -> &'s SimpleType {
    match s.find_type(&q(ns, name)) {
        Some(TypeDef::Simple(t)) => t,
        other => panic!("no simple type {{{ns}}}{name}: {other:?}"),
    }
}

pub fn field_names(c: &ComplexType) -> Vec<&str> {
    c.fields.iter().map(|f| f.name.as_str()).collect()
}

pub fn field<'c>(c: &'c ComplexType, name: &str) -> &'c Field {
    c.fields
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no field {}.{name}", c.name.name))
}

// ----- emitted Rust --------------------------------------------------------------------------

/// Every file generated for one version, and the service file parsed with syn.
pub struct Gen {
    pub files: Vec<GeneratedFile>,
    /// The (first) service's file.
    pub text: String,
    pub file: syn::File,
}

pub fn loaded(name: &str, services: Vec<Service>) -> Loaded {
    Loaded {
        reference: Default::default(),
        rest: Default::default(),
        version: ApiVersion {
            name: name.to_string(),
            api_revision: None,
            services,
        },
        files: vec![],
        differences: vec![],
    }
}

pub fn try_generate(service: Service) -> Result<Vec<GeneratedFile>, codegen::emit::EmitError> {
    generate(&[loaded("v1", vec![service])], "wsdl").map(service_view)
}

/// The order of a service folder's files when they are read as one text: the order `mod.rs`
/// declares them in.
const SERVICE_PARTS: &[&str] = &[
    "mod",
    "types",
    "codec",
    "operations",
    "client",
    "json",
    "examples",
];

/// The generated files with each service folder (`{version}/{service}/{part}.rs`, the one-folder-
/// per-service layout) folded into one `{version}/{service}.rs` file, so the tests can look at a
/// service's items in one syntax tree. The first part keeps its module docs; the other parts'
/// module docs and inner attributes are dropped (they are only allowed at the top of a file).
pub fn service_view(files: Vec<GeneratedFile>) -> Vec<GeneratedFile> {
    let folders: BTreeSet<String> = files
        .iter()
        .filter_map(|f| f.path.strip_suffix("/operations.rs").map(str::to_string))
        .collect();
    let mut folded: BTreeMap<String, Vec<(usize, String)>> = BTreeMap::new();
    let mut out = Vec::new();
    for f in files {
        let part = f.path.rsplit_once('/').and_then(|(dir, name)| {
            let stem = name.strip_suffix(".rs")?;
            folders
                .contains(dir)
                .then(|| (dir.to_string(), stem.to_string()))
        });
        match part {
            Some((dir, stem)) => {
                let rank = SERVICE_PARTS
                    .iter()
                    .position(|p| *p == stem)
                    .unwrap_or(SERVICE_PARTS.len());
                folded.entry(dir).or_default().push((rank, f.contents));
            }
            None => out.push(f),
        }
    }
    for (dir, mut parts) in folded {
        parts.sort_by_key(|(rank, _)| *rank);
        let mut contents = String::new();
        for (i, (_, text)) in parts.iter().enumerate() {
            if i == 0 {
                contents.push_str(text);
                continue;
            }
            let mut in_attr = false;
            for line in text.lines() {
                let t = line.trim_start();
                if in_attr {
                    in_attr = !t.ends_with(")]");
                    continue;
                }
                if t.starts_with("//!") {
                    continue;
                }
                if t.starts_with("#![") {
                    in_attr = !t.ends_with(']');
                    continue;
                }
                contents.push_str(line);
                contents.push('\n');
            }
        }
        out.push(GeneratedFile {
            path: format!("{dir}.rs"),
            contents,
        });
    }
    out
}

pub fn generate_one(service: Service) -> Gen {
    let module = codegen::names::service_module(&service.name);
    let files = match try_generate(service) {
        Ok(f) => f,
        Err(e) => panic!("generation failed: {e}"),
    };
    let path = format!("v1/{module}.rs");
    let text = find_file(&files, &path).contents.clone();
    let file = syn::parse_file(&text).unwrap_or_else(|e| panic!("{path} does not parse: {e}"));
    Gen { files, text, file }
}

/// Parses and generates a WSDL text.
pub fn gen_wsdl(text: &str) -> Gen {
    generate_one(parse(text))
}

/// The index of the one path that is `suffix` or ends with `/{suffix}` (generated paths are
/// relative to the `bingads-gen` crate, e.g. `src/v1/test.rs`).
pub fn find_index(paths: &[&str], suffix: &str) -> usize {
    let matching: Vec<usize> = (0..paths.len())
        .filter(|&i| paths[i] == suffix || paths[i].ends_with(&format!("/{suffix}")))
        .collect();
    match matching.as_slice() {
        [one] => *one,
        _ => panic!("{} files match {suffix} among {paths:?}", matching.len()),
    }
}

/// The generated file at `suffix` (see [`find_index`]).
pub fn find_file<'f>(files: &'f [GeneratedFile], suffix: &str) -> &'f GeneratedFile {
    &files[find_index(&paths(files), suffix)]
}

pub fn paths(files: &[GeneratedFile]) -> Vec<&str> {
    files.iter().map(|f| f.path.as_str()).collect()
}

/// Tokens as a string without spaces or trailing commas: `Option < Vec < i64 > >` →
/// `Option<Vec<i64>>`, `[a, b,]` → `[a,b]`.
pub fn compact(t: &impl ToTokens) -> String {
    t.to_token_stream()
        .to_string()
        .replace(' ', "")
        .replace(",]", "]")
        .replace(",}", "}")
        .replace(",)", ")")
}

/// One `w.method(&self.field, NS, "Name"[, enc])` call of an `encode_fields` body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodeCall {
    pub method: String,
    pub field: String,
    /// The namespace URI (the `NSn` constant resolved).
    pub ns: String,
    pub element: String,
    /// The encoder function of `*_with` calls, compacted.
    pub with: Option<String>,
}

fn type_ident(ty: &syn::Type) -> Option<String> {
    match ty {
        syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
        _ => None,
    }
}

fn lit_str(e: &syn::Expr) -> Option<String> {
    match e {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) => Some(s.value()),
        _ => None,
    }
}

impl Gen {
    pub fn items(&self) -> &[syn::Item] {
        &self.file.items
    }

    pub fn find_struct(&self, name: &str) -> Option<&syn::ItemStruct> {
        self.items().iter().find_map(|i| match i {
            syn::Item::Struct(s) if s.ident == name => Some(s),
            _ => None,
        })
    }

    pub fn item_struct(&self, name: &str) -> &syn::ItemStruct {
        self.find_struct(name)
            .unwrap_or_else(|| panic!("no struct {name}; items: {:?}", self.item_names()))
    }

    pub fn find_enum(&self, name: &str) -> Option<&syn::ItemEnum> {
        self.items().iter().find_map(|i| match i {
            syn::Item::Enum(e) if e.ident == name => Some(e),
            _ => None,
        })
    }

    pub fn item_enum(&self, name: &str) -> &syn::ItemEnum {
        self.find_enum(name)
            .unwrap_or_else(|| panic!("no enum {name}; items: {:?}", self.item_names()))
    }

    pub fn find_fn(&self, name: &str) -> Option<&syn::ItemFn> {
        self.items().iter().find_map(|i| match i {
            syn::Item::Fn(f) if f.sig.ident == name => Some(f),
            _ => None,
        })
    }

    pub fn find_alias(&self, name: &str) -> Option<String> {
        self.items().iter().find_map(|i| match i {
            syn::Item::Type(t) if t.ident == name => Some(compact(&t.ty)),
            _ => None,
        })
    }

    pub fn find_static(&self, name: &str) -> Option<&syn::ItemStatic> {
        self.items().iter().find_map(|i| match i {
            syn::Item::Static(s) if s.ident == name => Some(s),
            _ => None,
        })
    }

    /// Names of the top-level items (structs, enums, fns, types, consts, statics).
    pub fn item_names(&self) -> Vec<String> {
        item_names(&self.file)
    }

    /// `(field, type)` of a struct, in declaration order, types compacted.
    pub fn fields(&self, name: &str) -> Vec<(String, String)> {
        match &self.item_struct(name).fields {
            syn::Fields::Named(n) => n
                .named
                .iter()
                .map(|f| {
                    (
                        f.ident.as_ref().map(|i| i.to_string()).unwrap_or_default(),
                        compact(&f.ty),
                    )
                })
                .collect(),
            syn::Fields::Unit => vec![],
            other => panic!("struct {name} has unnamed fields: {}", compact(other)),
        }
    }

    pub fn field_names(&self, name: &str) -> Vec<String> {
        self.fields(name).into_iter().map(|(n, _)| n).collect()
    }

    pub fn field_type(&self, name: &str, field: &str) -> String {
        self.fields(name)
            .into_iter()
            .find(|(n, _)| n == field)
            .map(|(_, t)| t)
            .unwrap_or_else(|| panic!("no field {name}.{field}: {:?}", self.fields(name)))
    }

    /// `(variant, payload)` of an enum: `("Leaf", "(Leaf)")`, `("Red", "")`.
    pub fn variants(&self, name: &str) -> Vec<(String, String)> {
        self.item_enum(name)
            .variants
            .iter()
            .map(|v| (v.ident.to_string(), compact(&v.fields)))
            .collect()
    }

    pub fn variant_names(&self, name: &str) -> Vec<String> {
        self.variants(name).into_iter().map(|(n, _)| n).collect()
    }

    /// The `#[derive(..)]` names on a struct or enum.
    pub fn derives(&self, name: &str) -> Vec<String> {
        let attrs = match (self.find_struct(name), self.find_enum(name)) {
            (Some(s), _) => &s.attrs,
            (None, Some(e)) => &e.attrs,
            _ => panic!("no struct or enum {name}"),
        };
        let mut out = Vec::new();
        for a in attrs.iter().filter(|a| a.path().is_ident("derive")) {
            let _ = a.parse_nested_meta(|m| {
                if let Some(id) = m.path.segments.last() {
                    out.push(id.ident.to_string());
                }
                Ok(())
            });
        }
        out
    }

    /// `impl {trait} for {ty}` blocks (trait matched on its last path segment).
    pub fn impls(&self, trait_name: &str, ty: &str) -> Vec<&syn::ItemImpl> {
        self.items()
            .iter()
            .filter_map(|i| match i {
                syn::Item::Impl(im) => Some(im),
                _ => None,
            })
            .filter(|im| {
                im.trait_.as_ref().is_some_and(|(_, p, _)| {
                    p.segments.last().is_some_and(|s| s.ident == trait_name)
                }) && type_ident(&im.self_ty).as_deref() == Some(ty)
            })
            .collect()
    }

    pub fn item_impl(&self, trait_name: &str, ty: &str) -> &syn::ItemImpl {
        let found = self.impls(trait_name, ty);
        assert_eq!(
            found.len(),
            1,
            "impl {trait_name} for {ty}: {}",
            found.len()
        );
        found[0]
    }

    /// The body of a method of `impl {trait} for {ty}`.
    pub fn method(&self, trait_name: &str, ty: &str, method: &str) -> &syn::ImplItemFn {
        self.item_impl(trait_name, ty)
            .items
            .iter()
            .find_map(|i| match i {
                syn::ImplItem::Fn(f) if f.sig.ident == method => Some(f),
                _ => None,
            })
            .unwrap_or_else(|| panic!("impl {trait_name} for {ty} has no {method}"))
    }

    /// `pub const NSn: &str = "uri";` → `NSn` → uri.
    pub fn ns_consts(&self) -> BTreeMap<String, String> {
        self.items()
            .iter()
            .filter_map(|i| match i {
                syn::Item::Const(c) => Some((c.ident.to_string(), lit_str(&c.expr)?)),
                _ => None,
            })
            .collect()
    }

    fn resolve_ns(&self, e: &syn::Expr) -> String {
        if let Some(s) = lit_str(e) {
            return s;
        }
        let name = compact(e);
        self.ns_consts()
            .get(&name)
            .cloned()
            .unwrap_or_else(|| panic!("{name} is not a namespace constant"))
    }

    /// The calls of `XmlStruct::encode_fields` of a struct, in order.
    pub fn encode_calls(&self, ty: &str) -> Vec<EncodeCall> {
        let f = self.method("XmlStruct", ty, "encode_fields");
        let mut out = Vec::new();
        for s in &f.block.stmts {
            let e = match s {
                syn::Stmt::Expr(e, _) => e,
                _ => continue,
            };
            let syn::Expr::MethodCall(mc) = e else {
                continue;
            };
            let args: Vec<&syn::Expr> = mc.args.iter().collect();
            assert!(args.len() >= 3, "unexpected call {}", compact(mc));
            let field = match args[0] {
                syn::Expr::Reference(r) => match &*r.expr {
                    syn::Expr::Field(f) => compact(&f.member),
                    other => compact(other),
                },
                other => compact(other),
            };
            out.push(EncodeCall {
                method: mc.method.to_string(),
                field,
                ns: self.resolve_ns(args[1]),
                element: lit_str(args[2]).unwrap_or_else(|| compact(args[2])),
                with: args.get(3).map(|a| compact(*a)),
            });
        }
        out
    }

    pub fn encoded_elements(&self, ty: &str) -> Vec<String> {
        self.encode_calls(ty)
            .into_iter()
            .map(|c| c.element)
            .collect()
    }

    /// The element names `XmlStruct::decode_field` matches, in arm order.
    pub fn decoded_elements(&self, ty: &str) -> Vec<String> {
        let f = self.method("XmlStruct", ty, "decode_field");
        let mut out = Vec::new();
        let text = compact(&f.block);
        // Arms look like `b"Name"=>{...}`.
        let mut rest = text.as_str();
        while let Some(at) = rest.find("b\"") {
            rest = &rest[at + 2..];
            let end = rest.find('"').expect("closing quote");
            out.push(rest[..end].to_string());
            rest = &rest[end..];
        }
        out
    }

    /// The fields of an `OperationMeta` / `ServiceMeta` static, compacted.
    pub fn meta(&self, static_name: &str) -> BTreeMap<String, String> {
        let s = self
            .find_static(static_name)
            .unwrap_or_else(|| panic!("no static {static_name}"));
        let syn::Expr::Struct(st) = &*s.expr else {
            panic!("{static_name} is not a struct literal");
        };
        st.fields
            .iter()
            .map(|fv| (compact(&fv.member), compact(&fv.expr)))
            .collect()
    }

    /// Replaces `NSn` constants in a compacted string by their URIs in angle brackets.
    pub fn with_uris(&self, compacted: &str) -> String {
        let mut out = compacted.to_string();
        // Longest names first so NS10 is not read as NS1 followed by 0.
        let mut consts: Vec<(String, String)> = self.ns_consts().into_iter().collect();
        consts.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
        for (name, uri) in consts {
            out = out.replace(&name, &format!("<{uri}>"));
        }
        out
    }
}

/// Names of the top-level items of a file, in order.
pub fn item_names(file: &syn::File) -> Vec<String> {
    file.items
        .iter()
        .filter_map(|i| match i {
            syn::Item::Struct(s) => Some(s.ident.to_string()),
            syn::Item::Enum(e) => Some(e.ident.to_string()),
            syn::Item::Fn(f) => Some(f.sig.ident.to_string()),
            syn::Item::Type(t) => Some(t.ident.to_string()),
            syn::Item::Const(c) => Some(c.ident.to_string()),
            syn::Item::Static(s) => Some(s.ident.to_string()),
            syn::Item::Mod(m) => Some(m.ident.to_string()),
            _ => None,
        })
        .collect()
}

/// Top-level item names defined more than once (in the type or value namespace; a struct and
/// a fn of one name would not clash in Rust, but the generator never means that either).
pub fn duplicate_items(file: &syn::File) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut dups = BTreeSet::new();
    for n in item_names(file) {
        if !seen.insert(n.clone()) {
            dups.insert(n);
        }
    }
    dups.into_iter().collect()
}

/// A fresh, empty temporary directory for one test.
pub fn temp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("bingads-codegen-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}
