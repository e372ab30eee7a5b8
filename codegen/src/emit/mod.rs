//! Model → Rust source for the `bingads-gen` crate.
//!
//! One folder per service (`v13/campaign_management/`, its files listed in `layout.rs`), one
//! `mod.rs` per version and a `versions.rs` listing the versions. Output is assembled from token streams and formatted
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
//!
//! The work is split by responsibility: `analysis` (shapes, families, Rust names, cycles,
//! namespaces; every model check), `rust_types` (the Rust type and codec of a field),
//! `codec` (type definitions and their XML codec), `operations` (operation metadata and
//! fault details), `client`, `json` (the serde half), `links` (docs links) and
//! `roundtrip` (the generated tests). This file assembles the files.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use crate::Loaded;

mod analysis;
mod client;
mod codec;
mod json;
mod layout;
mod links;
mod operations;
mod roundtrip;
mod rust_types;
use crate::model::*;
use crate::names;
use analysis::Analysis;

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

/// Whether generated structs carry `#[non_exhaustive]`. They do not, so users can build
/// requests with struct literals; the price is that an added field breaks those literals,
/// which the API change report ([`crate::diff`]) counts as breaking.
pub const STRUCTS_NON_EXHAUSTIVE: bool = false;

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
            for part in emitter.emit_files()? {
                let header = header_comment(&part.summary, &sources);
                files.push(GeneratedFile {
                    path: format!("src/{}/{module}/{}.rs", version.name, part.stem),
                    contents: format_file(&header, part.tokens, &service.name)?,
                });
            }
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
        let example_arms = service_mods
            .iter()
            .zip(&version.services)
            .map(|((m, f), s)| {
                let (m, name) = (ident(m), lit(&s.name));
                quote! { #[cfg(feature = #f)] #name => #m::examples::request(operation), }
            });
        let tokens = quote! {
            #(#mods)*

            /// The example request (REST JSON, every field set) of an operation, by WSDL service
            /// and operation name, among the services compiled in.
            #[cfg(feature = "examples")]
            pub fn example_request(service: &str, operation: &str) -> Option<&'static str> {
                match service {
                    #(#example_arms)*
                    _ => None,
                }
            }

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
    files.push(roundtrip::roundtrip_tests(versions)?);
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

/// Writes one service's module from its [`Analysis`] and the version's facts.
struct ServiceEmitter<'a> {
    service: &'a Service,
    version: &'a str,
    analysis: Analysis<'a>,
    /// The version's `Api-Revision` date (empty when unknown).
    api_revision: String,
    /// REST facts: `Type` discriminators and renamed JSON members.
    rest: crate::rest::ServiceRest,
    /// Microsoft Learn pages the generated docs link to.
    reference: crate::reference::ReferencePages,
}

impl<'a> ServiceEmitter<'a> {
    fn new(service: &'a Service, version: &'a str) -> Result<Self, EmitError> {
        Ok(ServiceEmitter {
            service,
            version,
            analysis: Analysis::new(service)?,
            api_revision: String::new(),
            rest: Default::default(),
            reference: Default::default(),
        })
    }

    fn err(&self, message: impl Into<String>) -> EmitError {
        self.analysis.err(message)
    }
}
