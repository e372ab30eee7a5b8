//! Every generated operation method and schema type links to its Microsoft Learn page, and every
//! operation method carries the operation's name as a doc alias (so rustdoc search finds
//! `AddCampaigns`). Read from the generated source, which is what rustdoc renders.

/// A service's generated folder read as one text, in the order `mod.rs` declares its files.
macro_rules! service_sources {
    ($dir:literal) => {
        concat!(
            include_str!(concat!("../src/v13/", $dir, "/mod.rs")),
            include_str!(concat!("../src/v13/", $dir, "/types.rs")),
            include_str!(concat!("../src/v13/", $dir, "/codec.rs")),
            include_str!(concat!("../src/v13/", $dir, "/operations.rs")),
            include_str!(concat!("../src/v13/", $dir, "/client.rs")),
            include_str!(concat!("../src/v13/", $dir, "/json.rs")),
        )
    };
}

const SOURCES: &[(&str, &str)] = &[
    ("ad_insight", service_sources!("ad_insight")),
    ("bulk", service_sources!("bulk")),
    (
        "campaign_management",
        service_sources!("campaign_management"),
    ),
    ("customer_billing", service_sources!("customer_billing")),
    (
        "customer_management",
        service_sources!("customer_management"),
    ),
    ("reporting", service_sources!("reporting")),
];

const LEARN: &str = "(https://learn.microsoft.com/en-us/advertising/";

/// Items the generator adds that are not schema types: they have no page of their own.
const NOT_SCHEMA: &[&str] = &["FaultDetail"];

/// The attribute and doc lines right above line `i`, up to the previous item.
fn preamble<'a>(lines: &[&'a str], i: usize) -> Vec<&'a str> {
    lines[..i]
        .iter()
        .rev()
        .take_while(|l| {
            let t = l.trim_start();
            t.starts_with("///") || t.starts_with("#[")
        })
        .copied()
        .collect()
}

fn item_name(line: &str, keyword: &str) -> Option<String> {
    let rest = line.strip_prefix(keyword)?;
    let name: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    Some(name)
}

#[test]
fn every_schema_type_and_operation_links_to_its_reference_page() {
    let mut checked = 0;
    let mut missing = Vec::new();
    for (module, source) in SOURCES {
        let lines: Vec<&str> = source.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let name = ["pub struct ", "pub enum ", "pub type "]
                .iter()
                .find_map(|k| item_name(line, k))
                .or_else(|| item_name(line.trim_start(), "pub async fn "));
            let Some(name) = name else { continue };
            if NOT_SCHEMA.contains(&name.as_str()) {
                continue;
            }
            checked += 1;
            if !preamble(&lines, i).iter().any(|l| l.contains(LEARN)) {
                missing.push(format!("{module}::{name}"));
            }
        }
    }
    assert!(missing.is_empty(), "no Microsoft Learn link: {missing:?}");
    // ~940 types and 292 operations: a parse that found nothing must not pass.
    assert!(checked > 1500, "only {checked} items found");
}

#[test]
fn every_operation_method_has_the_operation_name_as_alias() {
    let mut methods = 0;
    for (module, source) in SOURCES {
        let lines: Vec<&str> = source.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let Some(method) = item_name(line.trim_start(), "pub async fn ") else {
                continue;
            };
            methods += 1;
            let alias = preamble(&lines, i)
                .iter()
                .find_map(|l| {
                    l.trim()
                        .strip_prefix("#[doc(alias = \"")?
                        .strip_suffix("\")]")
                })
                .map(str::to_string);
            let Some(alias) = alias else {
                panic!("{module}::{method} has no doc alias");
            };
            // The alias is the operation (`AddCampaigns` for `add_campaigns`).
            let snake: String = alias
                .chars()
                .enumerate()
                .flat_map(|(n, c)| {
                    let sep = (n > 0 && c.is_ascii_uppercase()).then_some('_');
                    sep.into_iter().chain(c.to_lowercase())
                })
                .collect();
            assert_eq!(
                snake.replace('_', ""),
                method.replace('_', ""),
                "{module}::{method}: alias {alias}"
            );
        }
    }
    assert_eq!(methods, 292, "every operation of the six services");
}

#[test]
fn fields_renamed_from_the_wsdl_carry_the_wsdl_name() {
    let source = SOURCES[2].1;
    let lines: Vec<&str> = source.lines().collect();
    let i = lines
        .iter()
        .position(|l| l.starts_with("pub struct AddCampaignsRequest "))
        .expect("AddCampaignsRequest is generated");
    let body = &lines[i..i + 8];
    let at = body
        .iter()
        .position(|l| l.trim() == "pub account_id: Option<i64>,")
        .expect("account_id field");
    assert_eq!(body[at - 1].trim(), "#[doc(alias = \"AccountId\")]");
}

#[test]
fn every_service_module_names_the_cargo_feature_that_compiles_it() {
    for (module, source) in SOURCES {
        let feature = module.replace('_', "-");
        let line = format!("//! Cargo feature `{feature}` of `bingads-gen`");
        assert!(
            source.lines().any(|l| l.starts_with(&line)),
            "{module}: the module docs do not name feature `{feature}`"
        );
    }
}

/// A request and a response element per service link to their operation's page, at the
/// `#request` / `#response` anchor, in both views (the pages themselves are checked against
/// the docs repository's file list in `codegen/tests/reference_pages.rs`).
#[test]
fn message_elements_link_to_their_operation_page_at_the_anchor() {
    const SAMPLES: &[(&str, &str, &str)] = &[
        (
            "ad_insight",
            "GetKeywordIdeas",
            "ad-insight-service/getkeywordideas",
        ),
        (
            "bulk",
            "DownloadCampaignsByAccountIds",
            "bulk-service/downloadcampaignsbyaccountids",
        ),
        (
            "campaign_management",
            "AddCampaigns",
            "campaign-management-service/addcampaigns",
        ),
        (
            "customer_billing",
            "GetBillingDocumentsInfo",
            "customer-billing-service/getbillingdocumentsinfo",
        ),
        (
            "customer_management",
            "GetAccount",
            "customer-management-service/getaccount",
        ),
        (
            "reporting",
            "SubmitGenerateReport",
            "reporting-service/submitgeneratereport",
        ),
    ];
    assert_eq!(SAMPLES.len(), SOURCES.len(), "one sample per service");
    for (module, operation, page) in SAMPLES {
        let source = SOURCES
            .iter()
            .find(|(m, _)| m == module)
            .map(|(_, s)| *s)
            .expect("module");
        let lines: Vec<&str> = source.lines().collect();
        for (suffix, anchor) in [("Request", "request"), ("Response", "response")] {
            let item = format!("pub struct {operation}{suffix} ");
            let i = lines
                .iter()
                .position(|l| l.starts_with(&item))
                .unwrap_or_else(|| panic!("{module}: no {item}"));
            let docs = preamble(&lines, i).join("\n");
            let base =
                format!("https://learn.microsoft.com/en-us/advertising/{page}?view=bingads-13");
            assert!(
                docs.contains(&format!("({base}#{anchor})")),
                "{module}::{operation}{suffix}: no SOAP link to {base}#{anchor}\n{docs}"
            );
            assert!(
                docs.contains(&format!("({base}&pivots=rest#{anchor})")),
                "{module}::{operation}{suffix}: no REST link\n{docs}"
            );
        }
    }
}
