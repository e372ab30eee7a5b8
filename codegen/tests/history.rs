//! The generator on real contracts: the older official releases under `wsdl/history/` and the
//! current `wsdl/v13`. Each is loaded with `load_version`, generated, and every generated file
//! must parse as Rust with no item defined twice. Service and operation counts are pinned so a
//! parser regression (a dropped operation, a lost service) shows up here.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use codegen::Loaded;
use codegen::emit::{GeneratedFile, generate};
use codegen::names;
use common::*;

fn load(relative: &str) -> Loaded {
    let dir = wsdl_root().join(relative);
    codegen::load_version(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
}

/// Service name → operation count.
fn operation_counts(loaded: &Loaded) -> BTreeMap<&str, usize> {
    loaded
        .version
        .services
        .iter()
        .map(|s| (s.name.as_str(), s.operations.len()))
        .collect()
}

/// Which generated files [`generate_and_check`] parses with syn.
#[derive(Clone, Copy)]
enum Parse {
    All,
    /// Only the files whose path ends with this (the current v13 output is compiled as
    /// `bingads-gen` anyway; parsing all of it again would only make the test slower).
    Only(&'static str),
}

/// Generates `loaded` (under the module name `module`, which must be an identifier) and checks
/// the files: each one parsed parses and defines no item twice, and each service file has the
/// metadata static of every operation, a client method for it and the `SERVICE` static.
/// Files not parsed come back with an empty syntax tree.
fn generate_and_check(
    mut loaded: Loaded,
    module: &str,
    parse: Parse,
) -> Vec<(GeneratedFile, syn::File)> {
    loaded.version.name = module.to_string();
    let files = service_view(
        generate(std::slice::from_ref(&loaded), "wsdl")
            .unwrap_or_else(|e| panic!("{module}: generation failed: {e}")),
    );
    let mut parsed = Vec::new();
    for f in &files {
        let wanted = match parse {
            Parse::All => true,
            Parse::Only(suffix) => f.path.ends_with(suffix),
        };
        if !wanted {
            parsed.push(syn::File {
                shebang: None,
                attrs: vec![],
                items: vec![],
            });
            continue;
        }
        let file = syn::parse_file(&f.contents)
            .unwrap_or_else(|e| panic!("{module}: {} does not parse: {e}", f.path));
        assert_eq!(
            duplicate_items(&file),
            Vec::<String>::new(),
            "{module}: {} defines items twice",
            f.path
        );
        parsed.push(file);
    }
    for service in &loaded.version.services {
        let path = format!("{module}/{}.rs", names::service_module(&service.name));
        let index = find_index(&paths(&files), &path);
        let text = &files[index].contents;
        // Names declared as `{prefix}NAME{end}`, in one pass over the text.
        let declared = |prefix: &str, end: char| -> BTreeSet<&str> {
            text.match_indices(prefix)
                .filter_map(|(at, _)| {
                    let rest = &text[at + prefix.len()..];
                    rest.find(end).map(|e| &rest[..e])
                })
                .collect()
        };
        let statics = declared("pub static ", ':');
        let methods = declared("pub async fn ", '(');
        let structs = declared("pub struct ", '<');
        assert!(statics.contains("SERVICE"), "{path}: no SERVICE");
        for op in &service.operations {
            let meta = names::operation_static(&op.name);
            assert!(statics.contains(meta.as_str()), "{path}: no {meta}");
            let method = names::method_name(&op.name);
            assert!(methods.contains(method.as_str()), "{path}: no fn {method}");
        }
        // SERVICE, one static per operation, and the JSON operation table.
        assert!(
            statics.contains("JSON_OPERATIONS"),
            "{path}: no JSON_OPERATIONS"
        );
        // ... and the example requests (`examples.rs`, feature `examples`).
        assert!(statics.contains("REQUESTS"), "{path}: no REQUESTS");
        assert_eq!(statics.len(), service.operations.len() + 3, "{path}");
        assert_eq!(methods.len(), service.operations.len(), "{path}");
        let client = names::client_name(&service.name);
        assert!(structs.contains(client.as_str()), "{path}: no {client}");
        // Every source WSDL of the service is named in the header.
        for env in service.endpoints.keys() {
            assert!(
                text.contains(&format!("//! - `wsdl/{module}/{env}/")),
                "{path}: {env} source not named"
            );
        }
    }
    let versions = find_file(&files, "versions.rs");
    assert!(versions.contents.contains(&format!("pub mod {module};")));
    files.into_iter().zip(parsed).collect()
}

/// The generated file at `suffix` (see [`find_index`]) with its syntax tree.
fn take(mut files: Vec<(GeneratedFile, syn::File)>, suffix: &str) -> Gen {
    let paths: Vec<&str> = files.iter().map(|(f, _)| f.path.as_str()).collect();
    let index = find_index(&paths, suffix);
    let (f, file) = files.swap_remove(index);
    Gen {
        files: vec![],
        text: f.contents,
        file,
    }
}

fn assert_endpoints(loaded: &Loaded, environments: &[&str]) {
    for s in &loaded.version.services {
        let envs: Vec<&str> = s.endpoints.keys().map(String::as_str).collect();
        assert_eq!(envs, environments, "{}", s.name);
        for (env, url) in &s.endpoints {
            assert!(url.starts_with("https://"), "{}: {url}", s.name);
            assert_eq!(
                url.contains(".sandbox."),
                env == "sandbox",
                "{} {env}: {url}",
                s.name
            );
        }
    }
}

#[test]
fn bingads_13_0_23_generates_and_reports_the_sandbox_only_enum_value() {
    let loaded = load("history/bingads-13.0.23");
    assert_eq!(loaded.version.name, "bingads-13.0.23");
    assert_eq!(
        operation_counts(&loaded),
        BTreeMap::from([
            ("AdInsightService", 32),
            ("BulkService", 6),
            ("CampaignManagementService", 162),
            ("CustomerBillingService", 11),
            ("CustomerManagementService", 39),
            ("ReportingService", 2),
        ])
    );
    assert_eq!(loaded.files.len(), 12);
    assert_endpoints(&loaded, &["production", "sandbox"]);

    // The sandbox bulk WSDL has one extra DownloadEntity value; nothing else differs.
    assert_eq!(loaded.differences.len(), 1, "{:#?}", loaded.differences);
    let d = &loaded.differences[0];
    assert_eq!(
        (d.service.as_str(), d.environment.as_str()),
        ("BulkService", "sandbox")
    );
    assert_eq!(d.changes.len(), 1, "{:#?}", d.changes);
    let change = &d.changes[0];
    assert!(change.starts_with("added "), "{change}");
    assert!(
        change.contains("DownloadEntity.AssetGroupUrlTargets"),
        "{change}"
    );
    assert!(change.contains("184"), "{change}");
    assert!(!change.contains("(breaking)"), "{change}");
    // The model is production's: the value is not there.
    let bulk = &loaded.version.services[1];
    let download_entity = bulk
        .types
        .iter()
        .find(|t| t.name().name == "DownloadEntity")
        .expect("DownloadEntity");
    assert!(!format!("{download_entity:?}").contains("AssetGroupUrlTargets"));

    let bulk = take(generate_and_check(loaded, "v13", Parse::All), "v13/bulk.rs");
    assert!(bulk.find_enum("DownloadEntity").is_some());
    let bulk_rs = &bulk.text;
    assert!(bulk_rs.contains("pub enum DownloadEntity {"));
    assert!(!bulk_rs.contains("AssetGroupUrlTargets"));
}

#[test]
fn v12_sandbox_only_campaign_management_generates() {
    let loaded = load("history/v12");
    assert_eq!(loaded.version.name, "v12");
    assert_eq!(loaded.files, ["sandbox/campaign_management_service.xml"]);
    assert!(loaded.differences.is_empty(), "{:#?}", loaded.differences);
    assert_eq!(
        operation_counts(&loaded),
        BTreeMap::from([("CampaignManagementService", 104)])
    );
    assert_endpoints(&loaded, &["sandbox"]);
    let service = &loaded.version.services[0];
    assert_eq!(
        service.target_namespace,
        "https://bingads.microsoft.com/CampaignManagement/v12"
    );
    let files = generate_and_check(loaded, "v12", Parse::All);
    let paths: Vec<&str> = files.iter().map(|(f, _)| f.path.as_str()).collect();
    let module = files[find_index(&paths, "v12/mod.rs")].0.contents.clone();
    let g = take(files, "v12/campaign_management.rs");
    let text = &g.text;
    assert!(text.contains("//! - `wsdl/v12/sandbox/campaign_management_service.xml`"));
    assert_eq!(g.meta("SERVICE")["version"], "\"v12\"");
    assert!(
        module.contains("#[cfg(feature = \"campaign-management\")]\npub mod campaign_management;")
    );
}

#[test]
fn bingads_13_0_29_generates() {
    let loaded = load("history/bingads-13.0.29");
    assert_eq!(
        operation_counts(&loaded),
        BTreeMap::from([
            ("AdInsightService", 34),
            ("BulkService", 6),
            ("CampaignManagementService", 191),
            ("CustomerBillingService", 16),
            ("CustomerManagementService", 39),
            ("ReportingService", 2),
        ])
    );
    assert!(loaded.differences.is_empty(), "{:#?}", loaded.differences);
    assert_endpoints(&loaded, &["production", "sandbox"]);
    generate_and_check(loaded, "v13", Parse::All);
}

#[test]
fn current_v13_generates() {
    let loaded = load("v13");
    assert_eq!(loaded.version.name, "v13");
    assert_eq!(
        operation_counts(&loaded),
        BTreeMap::from([
            ("AdInsightService", 34),
            ("BulkService", 6),
            ("CampaignManagementService", 195),
            ("CustomerBillingService", 16),
            ("CustomerManagementService", 39),
            ("ReportingService", 2),
        ])
    );
    let total: usize = operation_counts(&loaded).values().sum();
    assert_eq!(total, 292);
    assert!(loaded.differences.is_empty(), "{:#?}", loaded.differences);
    assert_endpoints(&loaded, &["production", "sandbox"]);
    let cm = &loaded.version.services[2];
    assert_eq!(cm.name, "CampaignManagementService");
    assert!(cm.operations.iter().any(|o| o.name == "AddCampaigns"));
    let add = cm
        .operations
        .iter()
        .find(|o| o.name == "AddCampaigns")
        .unwrap();
    assert_eq!(add.soap_action, "AddCampaigns");
    assert_eq!(add.output.headers.len(), 1);
    assert_eq!(add.output.headers[0].element.name, "TrackingId");
    let g = take(
        generate_and_check(loaded, "v13", Parse::Only("/campaign_management.rs")),
        "v13/campaign_management.rs",
    );
    // Spot checks of the mapping described in ARCHITECTURE.md.
    assert_eq!(
        g.field_type("AddCampaignsRequest", "campaigns"),
        "Nillable<Vec<Option<Campaign>>>"
    );
    assert_eq!(
        g.field_type("AddCampaignsRequest", "account_id"),
        "Option<i64>"
    );
    assert!(g.find_enum("BiddingScheme").is_some());
    assert!(g.find_struct("BiddingSchemeBase").is_some());
    assert!(
        g.variant_names("BiddingScheme")
            .contains(&"MaxClicksBiddingScheme".to_string())
    );
}
