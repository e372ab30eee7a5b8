//! How one service's generated code is laid out: a folder per service
//! (`src/v13/campaign_management/`) with one file per responsibility.
//!
//! - `mod.rs`: the namespace constants, the imports every file shares, the submodules and
//!   their re-exports (the public path of every item stays `v13::campaign_management::X`);
//! - `types.rs`: the Rust definitions (structs, enums, aliases, the `FaultDetail` enum);
//! - `codec.rs`: their XML codec (`XmlStruct`/`XmlEncode`/`XmlDecode`/`XmlText`, array wrapper
//!   functions, fault detail decoding);
//! - `operations.rs`: `SERVICE`, one `OperationMeta` per operation, request/operation impls;
//! - `client.rs`: the service client;
//! - `json.rs`: the serde (REST) form, behind one `#[cfg(feature = "json")]`;
//! - `examples.rs`: example request bodies, behind feature `examples` (the command line's).

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::quote;

use super::analysis::Shape;
use super::{EmitError, ServiceEmitter, ident, lit};
use crate::model::*;
use crate::names;

/// The hand-written value types of `bingads_gen::types` the generated code names. A service
/// type of the same name (Reporting's `Date`) takes precedence, as it did in one file.
const SUPPORT_TYPES: [&str; 9] = [
    "AnyValue", "Date", "DateTime", "Decimal", "Duration", "Flags", "Guid", "Nillable", "Time",
];

/// One file of a service folder.
pub(super) struct ServiceFile {
    /// The file name without `.rs`.
    pub(super) stem: &'static str,
    /// The header's one-line summary.
    pub(super) summary: String,
    pub(super) tokens: TokenStream,
}

/// The token streams of a service, by destination file.
#[derive(Default)]
struct Parts {
    types: Vec<TokenStream>,
    codec: Vec<TokenStream>,
    json: Vec<TokenStream>,
}

impl ServiceEmitter<'_> {
    /// Every file of the service folder, `mod.rs` first.
    pub(super) fn emit_files(&self) -> Result<Vec<ServiceFile>, EmitError> {
        self.check_reference_pages()?;
        let mut parts = Parts::default();
        for t in &self.service.types {
            match t {
                TypeDef::Simple(s) => {
                    let split = self.emit_simple(s)?;
                    parts.types.push(split.def);
                    parts.codec.push(split.codec);
                    if let SimpleKind::Enum(values) | SimpleKind::FlagsList(values) = &s.kind {
                        let id = ident(&names::type_name(&s.name.name));
                        parts.json.push(self.emit_json_enum(&id, values));
                    }
                }
                TypeDef::Complex(c) => match self.analysis.shapes.get(&c.name) {
                    Some(Shape::Array { item }) => parts.codec.push(self.emit_array(c, item)?),
                    _ => {
                        let split = self.emit_struct(c)?;
                        parts.types.push(split.def);
                        parts.codec.push(split.codec);
                        parts.json.push(self.emit_json_struct(c)?);
                        if self.analysis.is_poly(&c.name) {
                            let split = self.emit_poly_enum(c)?;
                            parts.types.push(split.def);
                            parts.codec.push(split.codec);
                            parts.json.push(self.emit_json_poly(c)?);
                        }
                    }
                },
            }
        }
        let (faults, json_faults) = self.emit_faults()?;
        parts.types.push(faults.def);
        parts.codec.push(faults.codec);
        parts.json.push(json_faults);
        parts.json.push(self.emit_json_faults()?);
        parts.json.push(self.emit_json_operations()?);

        let (service, version) = (&self.service.name, self.version);
        let file = |stem: &'static str, what: &str, items: Vec<TokenStream>| ServiceFile {
            stem,
            summary: format!("{service} of API {version}: {what}."),
            tokens: quote! { use super::*; #(#items)* },
        };
        Ok(vec![
            ServiceFile {
                stem: "mod",
                summary: format!(
                    "{service} of API {version}: {} operations, {} schema types.\n//! One file \
                     per responsibility; this one holds the namespaces and re-exports the rest.",
                    self.service.operations.len(),
                    self.service.types.len()
                ),
                tokens: self.emit_mod(),
            },
            file("types", "type definitions", parts.types),
            file("codec", "the XML codec of every type", parts.codec),
            file(
                "operations",
                "operation metadata",
                vec![self.emit_operations()?],
            ),
            file("client", "the service client", vec![self.emit_client()?]),
            file("json", "the REST/JSON form (feature `json`)", parts.json),
            file(
                "examples",
                "example request bodies (feature `examples`)",
                vec![self.emit_examples()?],
            ),
        ])
    }

    fn emit_mod(&self) -> TokenStream {
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
        let consts = self.analysis.namespaces.iter().map(|(uri, id)| {
            let doc = format!(" `{uri}`");
            let uri = lit(uri);
            quote! { #[doc = #doc] pub const #id: &str = #uri; }
        });
        let defined: BTreeSet<String> = self
            .service
            .types
            .iter()
            .map(|t| names::type_name(&t.name().name))
            .collect();
        let support = SUPPORT_TYPES
            .iter()
            .filter(|n| !defined.contains(**n))
            .map(|n| ident(n));
        quote! {
            #![doc = #doc]
            #![doc = ""]
            #![doc = #feature_doc]
            #![allow(clippy::all, non_camel_case_types, non_snake_case, unused_imports, dead_code)]

            use crate::soap::{call, FaultDetailDecode, HeaderMeta, HttpMethod, Operation, OperationMeta, Reply, RequestBody, RestRoute, ServiceMeta, SoapFault, Transport};
            use crate::types::{#(#support),*};
            use crate::xml::{decode_struct, encode_struct, DecodeError, XmlDecode, XmlEncode, XmlReader, XmlStruct, XmlText, XmlWriter};

            mod types;
            mod codec;
            mod operations;
            mod client;
            #[cfg(feature = "json")]
            mod json;
            #[cfg(feature = "examples")]
            pub mod examples;

            pub use types::*;
            pub use operations::*;
            pub use client::*;
            #[cfg(feature = "json")]
            pub use json::JSON_OPERATIONS;

            #(#consts)*
        }
    }
}
