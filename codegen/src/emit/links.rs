//! Doc attributes that connect generated items to the names users know: Microsoft Learn links
//! (from [`crate::reference`]) and `#[doc(alias)]` with the WSDL name where the Rust name
//! differs, so rustdoc search and IDEs find `AddCampaigns` and `AccountId`.

use proc_macro2::TokenStream;
use quote::quote;

use super::{EmitError, ServiceEmitter};
use crate::model::TypeDef;
use crate::reference::PageKind;

impl ServiceEmitter<'_> {
    /// The operation whose request or response element `name` is, with the page anchor.
    fn message_of(&self, name: &str) -> Option<(&str, &'static str)> {
        self.service.operations.iter().find_map(|op| {
            if op.input.body.name == name {
                Some((op.name.as_str(), "request"))
            } else if op.output.body.name == name {
                Some((op.name.as_str(), "response"))
            } else {
                None
            }
        })
    }

    fn link_line(&self, name: &str) -> Option<String> {
        if let Some(page) = self.reference.page(&self.service.name, name) {
            return Some(self.reference.doc_line(&page, name, PageKind::Type, None));
        }
        if let Some((op, anchor)) = self.message_of(name) {
            let page = self.reference.page(&self.service.name, op)?;
            return Some(
                self.reference
                    .doc_line(&page, name, PageKind::Operation, Some(anchor)),
            );
        }
        None
    }

    /// An empty doc line and the Microsoft Learn link of a schema type or message element.
    pub(super) fn type_link(&self, name: &str) -> Result<TokenStream, EmitError> {
        if self.reference.is_empty() {
            return Ok(quote!());
        }
        let line = self
            .link_line(name)
            .ok_or_else(|| self.err(format!("no Microsoft Learn page recorded for {name}")))?;
        Ok(quote! { #[doc = ""] #[doc = #line] })
    }

    /// The Microsoft Learn links (SOAP and REST views) of an operation.
    pub(super) fn operation_link(&self, operation: &str) -> Result<TokenStream, EmitError> {
        if self.reference.is_empty() {
            return Ok(quote!());
        }
        let page = self
            .reference
            .page(&self.service.name, operation)
            .ok_or_else(|| self.err(format!("no Microsoft Learn page recorded for {operation}")))?;
        let line = self
            .reference
            .doc_line(&page, operation, PageKind::Operation, None);
        Ok(quote! { #[doc = ""] #[doc = #line] })
    }

    /// Fails with every schema name and operation that has no recorded page, so one run of
    /// the generator lists all lines `reference-exceptions.txt` needs.
    pub(super) fn check_reference_pages(&self) -> Result<(), EmitError> {
        if self.reference.is_empty() {
            return Ok(());
        }
        let mut missing = Vec::new();
        for t in &self.service.types {
            let linked = match t {
                TypeDef::Simple(_) => true,
                TypeDef::Complex(c) => self.analysis.index.array_item(&c.name).is_none(),
            };
            if linked && self.link_line(&t.name().name).is_none() {
                missing.push(t.name().name.clone());
            }
        }
        for op in &self.service.operations {
            if self.reference.page(&self.service.name, &op.name).is_none() {
                missing.push(op.name.clone());
            }
        }
        if missing.is_empty() {
            return Ok(());
        }
        Err(self.err(format!(
            "no Microsoft Learn page recorded for {} (add them to reference-exceptions.txt): {}",
            missing.len(),
            missing.join(" ")
        )))
    }
}

/// `#[doc(alias = "...")]` with the schema name when the Rust name differs.
pub(super) fn alias(rust_name: &str, schema_name: &str) -> TokenStream {
    if rust_name == schema_name {
        quote!()
    } else {
        quote! { #[doc(alias = #schema_name)] }
    }
}
