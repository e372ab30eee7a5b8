//! The checks of the `decode_json` fuzz target (fuzz/fuzz_targets/decode_json.rs), bounded
//! and deterministic on stable: every Campaign Management request example and a few
//! responses, mutated (truncated, bytes flipped, deleted and duplicated, values replaced by
//! other kinds, `Type` moved and misspelt), read strictly and leniently. Nothing may panic;
//! an error names a path from `$`, a line inside the document and a bounded message; what
//! decodes re-encodes into JSON that reads back to the same JSON.
#![cfg(all(
    feature = "json",
    feature = "examples",
    feature = "campaign-management"
))]

use bingads_gen::json::{self, JsonError, JsonOperation, Mode};
use bingads_gen::v13::campaign_management as cm;

fn placed(e: &JsonError, input: &[u8], context: &str) {
    assert!(e.path.starts_with('$'), "{context}: {e:?}");
    let lines = input.iter().filter(|b| **b == b'\n').count() + 1;
    assert!(
        e.line >= 1 && e.line as usize <= lines,
        "{context}: line {} of {lines}: {e:?}",
        e.line
    );
    assert!(
        e.message.len() <= 2000,
        "{context}: {} bytes",
        e.message.len()
    );
}

fn request(op: &JsonOperation, input: &[u8], context: &str) -> bool {
    match (op.read_request)(input) {
        Ok(r) => {
            let written = r.to_json();
            let again = (op.read_request)(&written)
                .unwrap_or_else(|e| panic!("{context}: re-encoded request does not read: {e}"));
            assert_eq!(again.to_json(), written, "{context}: unstable");
            true
        }
        Err(e) => {
            placed(&e, input, context);
            false
        }
    }
}

fn response(input: &[u8], mode: Mode, context: &str) -> bool {
    type R = cm::GetCampaignsByAccountIdResponse;
    match json::from_slice_with::<R>(input, mode) {
        Ok(v) => {
            let written = json::to_vec(&v);
            let again: R = json::from_slice_with(&written, mode)
                .unwrap_or_else(|e| panic!("{context}: re-encoded response does not read: {e}"));
            assert_eq!(json::to_vec(&again), written, "{context}: unstable");
            true
        }
        Err(e) => {
            placed(&e, input, context);
            false
        }
    }
}

/// Deterministic variants of `doc`.
fn mutations(doc: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let step = (doc.len() / 24).max(1);
    for at in (0..doc.len()).step_by(step) {
        out.push(doc[..at].to_vec());
        let mut flipped = doc.to_vec();
        flipped[at] ^= 0x20;
        out.push(flipped);
        let mut deleted = doc.to_vec();
        deleted.remove(at);
        out.push(deleted);
        let mut doubled = doc.to_vec();
        doubled.insert(at, doc[at]);
        out.push(doubled);
    }
    let text = String::from_utf8_lossy(doc);
    for (from, to) in [
        ("\"0\"", "0"),
        ("\"0\"", "1e400"),
        ("\"0\"", "null"),
        ("\"0\"", "[]"),
        ("1.5", "\"1.5\""),
        ("1.5", "{}"),
        ("true", "\"true\""),
        ("\"Type\"", "\"type\""),
        ("\"Type\": \"", "\"Type\": \"X"),
        ("[", "[null, "),
        ("{", "{\"Unknown\": 1, "),
        ("\"", "\"\\u00e9"),
    ] {
        out.push(text.replacen(from, to, 1).into_bytes());
        out.push(text.replace(from, to).into_bytes());
    }
    out
}

#[test]
fn mutated_requests_never_panic_and_errors_are_placed() {
    let (mut read, mut refused) = (0, 0);
    for op in cm::JSON_OPERATIONS {
        let example = bingads_gen::v13::example_request(op.meta.service.name, op.meta.name)
            .unwrap_or_else(|| panic!("{}: no example", op.meta.name));
        for (i, doc) in mutations(example.as_bytes()).iter().enumerate() {
            let context = format!("{} #{i}", op.meta.name);
            if request(op, doc, &context) {
                read += 1;
            } else {
                refused += 1;
            }
        }
    }
    assert!(
        read > 1000 && refused > 1000,
        "{read} read, {refused} refused"
    );
}

#[test]
fn mutated_responses_never_panic_in_either_mode() {
    let body = br#"{"Campaigns": [{"Id": "1", "Name": "n", "BiddingScheme": {"Type": "MaxClicks", "MaxCpc": {"Amount": 1.5}}, "Settings": [{"Type": "TargetSetting", "Details": [{"CriterionTypeGroup": "Audience", "TargetAndBid": true}]}], "CampaignType": "Search, Shopping", "UrlCustomParameters": {"Parameters": [{"Key": "k", "Value": "0"}]}, "BudgetType": "DailyBudgetStandard", "DailyBudget": 1.5, "Languages": ["All", null]}], "PartialErrors": null}"#;
    let mut count = 0;
    for (i, doc) in mutations(body).iter().enumerate() {
        for mode in [Mode::Strict, Mode::Lenient] {
            response(doc, mode, &format!("#{i} {mode:?}"));
            count += 1;
        }
    }
    assert!(count > 150, "{count}");
}
