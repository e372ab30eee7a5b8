fn main() {
    let l = codegen::load_version(std::path::Path::new("wsdl/v13")).unwrap();
    for s in &l.version.services {
        println!(
            "{} ops={} types={} elements={} {:?}",
            s.name,
            s.operations.len(),
            s.types.len(),
            s.elements.len(),
            s.endpoints
        );
    }
    println!("{:?}", l.differences);
}
