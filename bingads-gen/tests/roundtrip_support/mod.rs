//! Support for the generated `tests/roundtrip.rs`: builds samples of every type from the
//! WSDL model (not from the generated code) and checks that the generated codec reads them
//! and writes back exactly the same bytes, in strict schema order.

use std::collections::HashMap;
use std::fmt::Debug;
use std::path::Path;
use std::sync::{Mutex, OnceLock};

use bingads_gen::xml::{XmlDecode, XmlEncode, XmlReader, XmlWriter};
use codegen::model::Service;
use codegen::sample::{Fill, Sampler};

/// Loads (once per version) the model of a service from the checked-in WSDLs.
pub fn service(version: &str, name: &str) -> Service {
    static CACHE: OnceLock<Mutex<HashMap<String, Vec<Service>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
    let services = cache.entry(version.to_string()).or_insert_with(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../wsdl")
            .join(version);
        codegen::load_version(&dir)
            .expect("the checked-in WSDLs load")
            .version
            .services
    });
    services
        .iter()
        .find(|s| s.name == name)
        .cloned()
        .expect("service exists")
}

fn decode<T: XmlDecode>(xml: &str) -> T {
    let mut r = XmlReader::new(xml.as_bytes());
    r.set_strict_order(true);
    r.root().unwrap_or_else(|e| panic!("{e}\n{xml}"));
    T::decode(&mut r).unwrap_or_else(|e| panic!("{e}\n{xml}"))
}

fn encode<T: XmlEncode>(value: &T, ns: &'static str, name: &str) -> String {
    let mut w = XmlWriter::new();
    value.encode(&mut w, ns, name);
    w.into_string()
}

/// Full and sparse samples of `type_name` (as `xsi_type`, when given) must decode, encode to
/// the identical document, and decode again to an equal value.
pub fn check<T: XmlDecode + XmlEncode + PartialEq + Debug>(
    svc: &Service,
    type_name: &str,
    xsi_type: Option<&str>,
) {
    let sampler = Sampler::new(svc);
    let ty = svc
        .types
        .iter()
        .find(|t| t.name().name == type_name)
        .expect("type exists");
    let ns: &'static str = Box::leak(ty.name().ns.clone().into_boxed_str());
    for fill in [Fill::Full, Fill::Sparse] {
        let xml = sampler.document(type_name, xsi_type, fill).expect("sample");
        let value: T = decode(&xml);
        let again = encode(&value, ns, type_name);
        assert_eq!(
            again, xml,
            "{type_name} ({xsi_type:?}, {fill:?}) re-encodes differently"
        );
        let value2: T = decode(&again);
        assert_eq!(
            value2, value,
            "{type_name} ({xsi_type:?}, {fill:?}) decodes differently the second time"
        );
    }
}
