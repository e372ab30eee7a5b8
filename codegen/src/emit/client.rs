//! The service client: one async method per operation, each a call through a `Transport`.

use proc_macro2::TokenStream;
use quote::quote;

use super::{EmitError, ServiceEmitter, ident};
use crate::names;

impl<'a> ServiceEmitter<'a> {
    pub(super) fn emit_client(&self) -> Result<TokenStream, EmitError> {
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
            let req_ty = self.analysis.value_type(&req_el.ty)?;
            let resp_ty = self.analysis.value_type(&resp_el.ty)?;
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
