//! `bingads-gen/tests/roundtrip.rs`: one test per service that checks every generated struct
//! (and every variant of every polymorphic family) against a sample the model builds.

use quote::{format_ident, quote};

use super::analysis::{Analysis, Shape};
use super::{EmitError, GeneratedFile, format_file, header_comment, ident, lit};
use crate::Loaded;
use crate::model::*;
use crate::names;

/// `tests/roundtrip.rs`: for every service, a check of every struct (and every variant of
/// every polymorphic type) against samples built from the model by [`crate::sample`].
pub(super) fn roundtrip_tests(versions: &[Loaded]) -> Result<GeneratedFile, EmitError> {
    let mut tests = Vec::new();
    for loaded in versions {
        for service in &loaded.version.services {
            let analysis = Analysis::new(service)?;
            let module = names::service_module(&service.name);
            let feature = names::service_feature(&service.name);
            let test_name = format_ident!("{}_{}", loaded.version.name, module);
            let vmod = ident(&loaded.version.name);
            let smod = ident(&module);
            let (version, sname) = (lit(&loaded.version.name), lit(&service.name));
            let mut checks = Vec::new();
            for t in &service.types {
                let TypeDef::Complex(c) = t else { continue };
                if matches!(analysis.shapes.get(&c.name), Some(Shape::Array { .. })) {
                    continue;
                }
                let tname = lit(&c.name.name);
                let rust = ident(&names::type_name(&c.name.name));
                checks.push(quote!(check::<s::#rust>(&svc, #tname, None);));
                if analysis.is_poly(&c.name) {
                    for d in analysis.descendants(&c.name) {
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
