//! Operation metadata: the service's `SERVICE` table, one `OperationMeta` static per operation
//! (SOAP action, message elements, headers, faults, REST route), the `RequestBody`/`Operation`
//! impls that tie a request type to its operation, and the `FaultDetail` enum.

use std::collections::BTreeSet;

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::{EmitError, ServiceEmitter, byte_lit, ident, lit};
use crate::model::*;
use crate::names;

impl<'a> ServiceEmitter<'a> {
    /// The service's `FaultDetail`: its definition and XML codec, and (third) its REST
    /// reading, which goes to `json.rs`.
    pub(super) fn emit_faults(&self) -> Result<(super::codec::Split, TokenStream), EmitError> {
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
                let vt = self.analysis.value_type(&el.ty)?;
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
                json_arms.push(quote!(#rest_type => #vid(#vt)));
            }
        }
        let def = quote! {
            /// The fault details this service's operations declare.
            #[derive(Debug, Clone, PartialEq)]
            #[non_exhaustive]
            pub enum FaultDetail { #(#variants)* }
        };
        let codec = quote! {
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
            }
        };
        // The REST reading goes to `json.rs`, behind the module's one feature attribute.
        let json = quote! {
            crate::json::json_fault_detail!(FaultDetail { #(#json_arms),* });
        };
        Ok((super::codec::Split { def, codec }, json))
    }

    pub(super) fn emit_operations(&self) -> Result<TokenStream, EmitError> {
        let mut statics = Vec::new();
        let mut refs = Vec::new();
        let mut impls = Vec::new();
        let mut request_types = BTreeSet::new();
        for op in &self.service.operations {
            let sid = format_ident!("{}", names::operation_static(&op.name));
            refs.push(quote!(&#sid));
            let name = lit(&op.name);
            let action = lit(&op.soap_action);
            let (req_ns, req_name) = (
                self.analysis.ns(&op.input.body.ns),
                lit(&op.input.body.name),
            );
            let (resp_ns, resp_name) = (
                self.analysis.ns(&op.output.body.ns),
                lit(&op.output.body.name),
            );
            let headers = |m: &Message| -> Vec<TokenStream> {
                m.headers
                    .iter()
                    .map(|h| {
                        let n = lit(&h.element.name);
                        let ns = self.analysis.ns(&h.element.ns);
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
            let req_ty = self.analysis.value_type(&req_el.ty)?;
            let resp_ty = self.analysis.value_type(&resp_el.ty)?;
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
        let tns = self.analysis.ns(&self.service.target_namespace);
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
    pub(super) fn rest_route(&self, operation: &str) -> Result<TokenStream, EmitError> {
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
    pub(super) fn check_rest_routes(&self) -> Result<(), EmitError> {
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
}
