//! Writes the seed inputs of the `decode_json` fuzz target (`fuzz/seed-corpus.sh` runs it):
//! `cargo run -p bingads-gen --features json --example json_fuzz_seeds -- OUT_DIR`.
//!
//! Each file is the target's selector byte followed by a JSON document that decoder reads:
//! the example request of every Campaign Management operation (through the operation table,
//! one more byte naming the operation) and of the strictly read requests, and, for each
//! response the target decodes, the model's example (every field set, derived types in
//! polymorphic arrays) and the XML corpus envelopes in their JSON form. Every response seed
//! is written twice: as generated (`Type` first, as the service and our encoder write it)
//! and with its members sorted, so `Type` comes late and the buffered polymorphic path is
//! seeded too. The selectors must match `fuzz/fuzz_targets/decode_json.rs`.

use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};

use bingads_gen::json::{self, JsonOperation};
use bingads_gen::soap::ServiceMeta;
use bingads_gen::v13::{
    ad_insight as ai, campaign_management as cm, customer_management as cu, reporting as rp,
};
use codegen::model::TypeRef;

/// The target's selector bytes (`decode_json.rs`: `selector % 8`).
const CAMPAIGNS_RESPONSE_STRICT: u8 = 0;
const CAMPAIGNS_RESPONSE_LENIENT: u8 = 1;
const ADD_CAMPAIGNS_STRICT: u8 = 2;
const ADS_RESPONSE_LENIENT: u8 = 3;
const USER_RESPONSE_LENIENT: u8 = 4;
const SUBMIT_REPORT_STRICT: u8 = 5;
const KEYWORD_IDEAS_RESPONSE_LENIENT: u8 = 6;
const CAMPAIGN_MANAGEMENT_TABLE: u8 = 7;

/// A response the target decodes: its selectors, operation table, operation and the file
/// name prefix of its envelopes in `tests/corpus/`.
struct Response {
    selectors: &'static [u8],
    service: &'static ServiceMeta,
    operations: &'static [JsonOperation],
    operation: &'static str,
    corpus_prefix: &'static str,
}

fn responses() -> [Response; 4] {
    [
        Response {
            selectors: &[CAMPAIGNS_RESPONSE_STRICT, CAMPAIGNS_RESPONSE_LENIENT],
            service: &cm::SERVICE,
            operations: cm::JSON_OPERATIONS,
            operation: "GetCampaignsByAccountId",
            corpus_prefix: "get_campaigns_by_account_id__",
        },
        Response {
            selectors: &[ADS_RESPONSE_LENIENT],
            service: &cm::SERVICE,
            operations: cm::JSON_OPERATIONS,
            operation: "GetAdsByAdGroupId",
            corpus_prefix: "get_ads_by_ad_group_id__",
        },
        Response {
            selectors: &[USER_RESPONSE_LENIENT],
            service: &cu::SERVICE,
            operations: cu::JSON_OPERATIONS,
            operation: "GetUser",
            corpus_prefix: "get_user__",
        },
        Response {
            selectors: &[KEYWORD_IDEAS_RESPONSE_LENIENT],
            service: &ai::SERVICE,
            operations: ai::JSON_OPERATIONS,
            operation: "GetKeywordIdeas",
            corpus_prefix: "get_keyword_ideas__",
        },
    ]
}

/// An operation's example request (`bingads_gen::v13::example_request`).
fn example(op: &json::JsonOperation) -> Result<&'static str, String> {
    bingads_gen::v13::example_request(op.meta.service.name, op.meta.name)
        .ok_or_else(|| format!("{}: no example", op.meta.name))
}

fn main() -> Result<(), Box<dyn Error>> {
    let out = PathBuf::from(
        std::env::args_os()
            .nth(1)
            .ok_or("usage: json_fuzz_seeds OUT_DIR")?,
    );
    fs::create_dir_all(&out)?;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut written = 0;

    for (index, op) in cm::JSON_OPERATIONS.iter().enumerate() {
        let which = u8::try_from(index).map_err(|_| "more than 256 operations")?;
        let name = format!("request_{}", op.meta.name);
        seed(
            &out,
            &name,
            &[CAMPAIGN_MANAGEMENT_TABLE, which],
            example(op)?,
        )?;
        written += 1;
    }
    for (selector, ops, name) in [
        (ADD_CAMPAIGNS_STRICT, cm::JSON_OPERATIONS, "AddCampaigns"),
        (
            SUBMIT_REPORT_STRICT,
            rp::JSON_OPERATIONS,
            "SubmitGenerateReport",
        ),
    ] {
        let op = json::find(ops, name).ok_or(name)?;
        seed(&out, &format!("strict_{name}"), &[selector], example(op)?)?;
        written += 1;
    }

    let loaded = codegen::load_version(&root.join("../wsdl/v13"))?;
    for response in responses() {
        let service = loaded
            .version
            .services
            .iter()
            .find(|s| s.name == response.service.name)
            .ok_or(response.service.name)?;
        let operation = response.operation;
        let op = json::find(response.operations, operation).ok_or(operation)?;
        let element = service
            .elements
            .iter()
            .find(|e| e.name.name == op.meta.response_element.1)
            .ok_or("response element")?;
        let TypeRef::Named(ty) = &element.ty else {
            return Err("a response element of a builtin type".into());
        };
        let rest = loaded.rest.service(&service.name);
        let mut documents = vec![(
            "example".to_string(),
            codegen::example::type_example(service, ty, &rest).ok_or("no example")?,
        )];
        for entry in fs::read_dir(root.join("tests/corpus"))? {
            let path = entry?.path();
            let file = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            if let Some(case) = file.strip_prefix(response.corpus_prefix) {
                let reply = (op.decode_response)(&fs::read(&path)?, false)?;
                // A fault envelope has no response document to seed.
                if let Ok(body) = reply.body {
                    documents.push((case.to_string(), body));
                }
            }
        }
        for (case, document) in documents {
            let sorted =
                serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&document)?)?;
            for &selector in response.selectors {
                let name = format!("response_{operation}_{case}_{selector}");
                seed(&out, &name, &[selector], &document)?;
                seed(&out, &format!("{name}_sorted"), &[selector], &sorted)?;
                written += 2;
            }
        }
    }
    println!("seeded {written} inputs into {}", out.display());
    Ok(())
}

fn seed(out: &Path, name: &str, prefix: &[u8], document: &str) -> std::io::Result<()> {
    let mut bytes = prefix.to_vec();
    bytes.extend_from_slice(document.as_bytes());
    fs::write(out.join(name), bytes)
}
