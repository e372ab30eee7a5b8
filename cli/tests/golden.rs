//! Golden requests on both wires. SOAP envelopes: REST-form JSON bodies with polymorphic values (bidding schemes and
//! campaign settings, ad and asset types, ad extensions, audiences with their remarketing rule
//! and rule items, criterions and bids, a report request, Ad Insight search parameters) produce exactly the envelopes stored in `tests/golden/*.xml`, and those
//! envelopes decode back (strict schema order) to the same JSON.
//!
//! The `.xml` files are indented for reading; the comparison removes the line breaks and
//! indentation between tags (no value in these inputs starts or ends with white space).
//! `BINGADS_BLESS=1 cargo test -p bingads-cli --test golden` rewrites them; check the diff
//! by hand against the WSDLs before committing. Each one was checked by hand against
//! `wsdl/v13/production/*.xml`; what was checked is written at the top of each file (an XML
//! comment, skipped by the comparison).

use bingads_cli::call::dry_run;
use bingads_cli::services;
use bingads_cli::{Env, Globals, Settings};

/// `(file stem, service, operation)`.
const CASES: &[(&str, &str, &str)] = &[
    ("add_campaigns", "CampaignManagement", "AddCampaigns"),
    ("add_ads", "CampaignManagement", "AddAds"),
    ("add_ad_extensions", "CampaignManagement", "AddAdExtensions"),
    ("add_audiences", "CampaignManagement", "AddAudiences"),
    (
        "add_ad_group_criterions",
        "CampaignManagement",
        "AddAdGroupCriterions",
    ),
    (
        "submit_generate_report",
        "Reporting",
        "SubmitGenerateReport",
    ),
    ("get_keyword_ideas", "AdInsight", "GetKeywordIdeas"),
];

fn settings() -> Settings {
    settings_for(bingads::Wire::Soap)
}

fn settings_for(wire: bingads::Wire) -> Settings {
    let env = Env::empty(None)
        .with_var("BINGADS_DEVELOPER_TOKEN", "DEVTOKEN")
        .with_var("BINGADS_CLIENT_ID", "00000000-0000-0000-0000-000000000000")
        .with_var("BINGADS_REFRESH_TOKEN", "refresh")
        .with_var("BINGADS_CUSTOMER_ID", "9007199254760001")
        .with_var("BINGADS_ACCOUNT_ID", "9007199254770001");
    let globals = Globals {
        transport: Some(wire),
        ..Globals::default()
    };
    Settings::resolve(&globals, &env).expect("settings")
}

fn golden_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("golden")
}

/// The compact form of an indented golden file: comments dropped, lines trimmed and joined.
fn compact(golden: &str) -> String {
    let mut out = String::new();
    let mut in_comment = false;
    for line in golden.lines() {
        let t = line.trim();
        if in_comment || t.starts_with("<!--") {
            in_comment = !t.ends_with("-->");
            continue;
        }
        out.push_str(t);
    }
    out
}

/// Tags and text of a compact document.
fn tokens(xml: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = xml;
    while !rest.is_empty() {
        let end = if rest.starts_with('<') {
            rest.find('>').map_or(rest.len(), |i| i + 1)
        } else {
            rest.find('<').unwrap_or(rest.len())
        };
        out.push(&rest[..end]);
        rest = &rest[end..];
    }
    out
}

/// One element per line, `<a>text</a>` kept on one line, two spaces per level.
fn indent(xml: &str) -> String {
    let t = tokens(xml);
    let mut out = String::new();
    let mut depth = 0usize;
    let mut i = 0;
    let pad = |out: &mut String, d: usize| out.push_str(&"  ".repeat(d));
    while i < t.len() {
        let tok = t[i];
        if tok.starts_with("</") {
            depth = depth.saturating_sub(1);
            pad(&mut out, depth);
            out.push_str(tok);
        } else if tok.starts_with('<') && !tok.ends_with("/>") {
            pad(&mut out, depth);
            out.push_str(tok);
            if t.get(i + 2).is_some_and(|e| e.starts_with("</"))
                && t.get(i + 1).is_some_and(|x| !x.starts_with('<'))
            {
                out.push_str(t[i + 1]);
                out.push_str(t[i + 2]);
                i += 2;
            } else if t.get(i + 1).is_some_and(|e| e.starts_with("</")) {
                out.push_str(t[i + 1]);
                i += 1;
            } else {
                depth += 1;
            }
        } else {
            pad(&mut out, depth);
            out.push_str(tok);
        }
        out.push('\n');
        i += 1;
    }
    out
}

/// The hand-check notes at the top of an existing golden file (kept when blessing).
fn header_comment(golden: &str) -> String {
    let mut out = String::new();
    let mut in_comment = false;
    for line in golden.lines() {
        let t = line.trim();
        if in_comment || t.starts_with("<!--") {
            out.push_str(line);
            out.push('\n');
            in_comment = !t.ends_with("-->");
        } else {
            break;
        }
    }
    out
}

#[test]
fn golden_envelopes() {
    let settings = settings();
    let bless = std::env::var_os("BINGADS_BLESS").is_some();
    let mut failures = Vec::new();
    for (stem, service, operation) in CASES {
        let dir = golden_dir();
        let input = std::fs::read(dir.join(format!("{stem}.json"))).expect("input");
        let dry = dry_run(service, operation, &input, stem, &settings, false)
            .unwrap_or_else(|e| panic!("{stem}: {}", e.render()));
        let xml_path = dir.join(format!("{stem}.xml"));
        let existing = std::fs::read_to_string(&xml_path).unwrap_or_default();
        if bless {
            let text = format!("{}{}", header_comment(&existing), indent(&dry.body));
            std::fs::write(&xml_path, text).unwrap();
        } else if compact(&existing) != dry.body {
            failures.push(format!(
                "{stem}: the envelope differs from {}\n--- expected\n{existing}\n--- actual\n{}",
                xml_path.display(),
                indent(&dry.body)
            ));
        }
        // The envelope decodes back, in strict schema order, to the same request.
        let (_, op) = services::find_operation(service, operation).unwrap();
        let (headers, json) = (op.decode_request)(dry.body.as_bytes(), true)
            .unwrap_or_else(|e| panic!("{stem}: decode_request: {e}"));
        let decoded: serde_json::Value = serde_json::from_str(&json).unwrap();
        let original: serde_json::Value = serde_json::from_slice(&input).unwrap();
        if decoded != original {
            failures.push(format!(
                "{stem}: decoded request differs from the input\n--- decoded\n{json}"
            ));
        }
        let names: Vec<&str> = headers.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "AuthenticationToken",
                "CustomerAccountId",
                "CustomerId",
                "DeveloperToken"
            ]
            .iter()
            .copied()
            .filter(|h| op.meta.has_input_header(h))
            .collect::<Vec<_>>(),
            "{stem}: headers in binding order"
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The REST request of each case as `--dry-run` prints it (request line, headers in their
/// fixed order, the JSON body), stored in `tests/golden/<stem>.rest.http` with `\n` line ends
/// and the SDK version written `<version>`. Checked by hand against the facts recorded from
/// the official REST client (`wsdl/v13/rest-json.json`, itself checked by `cargo xtask
/// msads-compare`): each method and path is the operation's route there, each `Type` the
/// family's recorded value (`TargetCpa`, `InheritFromParent`, `ResponsiveSearch`, `Keyword`,
/// `CalloutAdExtension`, `RemarketingList`, `PageVisitors`, `String`, `Product`,
/// `BiddableAdGroupCriterion`, `FixedBid`, `KeywordPerformanceReportRequest`, the Ad Insight
/// search parameter types), the credential and revision headers those it lists, and 64-bit
/// ids strings. The body travels back through the REST reader to the input.
#[test]
fn golden_rest_requests() {
    let settings = settings_for(bingads::Wire::Rest);
    let bless = std::env::var_os("BINGADS_BLESS").is_some();
    let mut failures = Vec::new();
    for (stem, service, operation) in CASES {
        let dir = golden_dir();
        let input = std::fs::read(dir.join(format!("{stem}.json"))).expect("input");
        let dry = dry_run(service, operation, &input, stem, &settings, false)
            .unwrap_or_else(|e| panic!("{stem}: {}", e.render()));
        let message = dry
            .message
            .replace("\r\n", "\n")
            .replace(env!("CARGO_PKG_VERSION"), "<version>");
        let path = dir.join(format!("{stem}.rest.http"));
        if bless {
            std::fs::write(&path, format!("{message}\n")).unwrap();
        } else {
            let existing = std::fs::read_to_string(&path).unwrap_or_default();
            if existing.trim_end() != message.trim_end() {
                failures.push(format!(
                    "{stem}: the REST request differs from {}\n--- expected\n{existing}\n--- actual\n{message}",
                    path.display()
                ));
            }
        }
        let (_, op) = services::find_operation(service, operation).unwrap();
        let request = (op.read_request)(dry.body.as_bytes())
            .unwrap_or_else(|e| panic!("{stem}: the body reads back: {e}"));
        let back: serde_json::Value = serde_json::from_slice(&request.to_json()).unwrap();
        let original: serde_json::Value = serde_json::from_slice(&input).unwrap();
        if back != original {
            failures.push(format!(
                "{stem}: the REST body does not read back to the input"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn indent_and_compact_are_inverse() {
    let xml = r#"<a x="1"><b>t &amp; u</b><c i:nil="true"/><d><e>1</e></d><f></f></a>"#;
    assert_eq!(compact(&indent(xml)), xml);
    assert_eq!(
        compact("<!-- note\n  more -->\n<a>\n  <b>x</b>\n</a>\n"),
        "<a><b>x</b></a>"
    );
}
