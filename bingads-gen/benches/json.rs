//! The JSON form against the SOAP form on the same data: the 1,000-campaign
//! `GetCampaignsByAccountId` reply of `benches/soap.rs` (and of the Python side's
//! `bench_soap.py`), decoded and encoded
//! - as the SOAP envelope (`soap_*`),
//! - as the REST JSON body through the generated types (`rest_*`; `rest_decode` is what the
//!   REST wire runs: lenient, `json::decode_response`),
//! - and by serde_json alone, building nothing (`plain_*`): `IgnoredAny` over the same bytes
//!   for decoding — the floor any typed decoder over serde_json sits on — and writing the
//!   same document from a `serde_json::Value` for encoding.
//!
//! `rest_decode_type_last` reads a copy of the body whose polymorphic values (bidding schemes,
//! settings) carry their `Type` last instead of first: the cost of buffering them.
//!
//! `BENCH_DUMP=DIR` writes the REST body (`GetCampaignsByAccountId_response_1000.json`, what
//! `../shared/bench/python/bench_rest_msads.py` reads) and exits.
//!
//! Run: `cargo bench -p bingads-gen --features json --bench json` (or `bench/run.sh json`).

use bingads_gen::json;
use bingads_gen::soap::{self, Operation, write_response_envelope};
use bingads_gen::v13::campaign_management as cm;
use bingads_gen::xml::XmlEncode;
use divan::black_box;

#[path = "common/responses.rs"]
mod responses;

type Response = cm::GetCampaignsByAccountIdResponse;

fn main() {
    let (value, rest) = inputs();
    let type_last = type_last(&rest);
    let back: Response = json::decode_response(&type_last).expect("the Type-last body reads");
    assert_eq!(json::to_vec(&back), rest, "moving Type changes nothing");
    eprintln!(
        "inputs: SOAP reply {} bytes, REST body {} bytes, {} campaigns",
        responses::get_campaigns_response(1000).len(),
        rest.len(),
        value.campaigns.value().map_or(0, Vec::len)
    );
    if let Some(dir) = std::env::var_os("BENCH_DUMP") {
        let dir = std::path::PathBuf::from(dir);
        std::fs::create_dir_all(&dir).expect("create BENCH_DUMP");
        std::fs::write(
            dir.join("GetCampaignsByAccountId_response_1000.json"),
            &rest,
        )
        .expect("write the REST body");
        return;
    }
    divan::main();
}

/// The decoded reply and its REST body.
fn inputs() -> (Response, Vec<u8>) {
    let reply = responses::get_campaigns_response(1000);
    let envelope = soap::decode_envelope::<Response, cm::FaultDetail>(
        &reply,
        cm::GetCampaignsByAccountIdRequest::META,
    )
    .expect("the SOAP reply decodes");
    let value = envelope.body.expect("not a fault");
    let rest = json::to_vec(&value);
    let back: Response = json::decode_response(&rest).expect("the REST body reads");
    // The same JSON (the values differ only in the variants' own `Type` member, which SOAP
    // fills from its element and REST leaves to the discriminator).
    assert_eq!(
        json::to_vec(&back),
        rest,
        "SOAP and REST carry the same value"
    );
    (value, rest)
}

/// The same JSON with every `"Type"` member moved from first to last in its object.
fn type_last(body: &[u8]) -> Vec<u8> {
    let text = std::str::from_utf8(body).expect("utf-8");
    let mut out = String::with_capacity(text.len());
    move_types(text, &mut out);
    out.into_bytes()
}

/// Copies `text`, rewriting each object that starts with `"Type":"..."`, recursively.
fn move_types(text: &str, out: &mut String) {
    const OPEN: &str = "{\"Type\":\"";
    let mut rest = text;
    while let Some(at) = rest.find(OPEN) {
        out.push_str(&rest[..at]);
        let object = &rest[at..];
        let end = matching_brace(object);
        let inner = &object[1..end];
        let type_end = inner[8..].find('"').expect("type name") + 9;
        let (type_member, members) = inner.split_at(type_end);
        let members = members.strip_prefix(',').unwrap_or(members);
        out.push('{');
        move_types(members, out);
        if !members.is_empty() {
            out.push(',');
        }
        out.push_str(type_member);
        out.push('}');
        rest = &object[end + 1..];
    }
    out.push_str(rest);
}

/// Index of the `}` closing the object `object` starts with.
fn matching_brace(object: &str) -> usize {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, c) in object.char_indices() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '{' | '[' => depth += 1,
            '}' | ']' => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    panic!("unbalanced object")
}

#[divan::bench(sample_count = 50)]
fn soap_decode(bencher: divan::Bencher) {
    let reply = responses::get_campaigns_response(1000);
    bencher.bench(|| {
        soap::decode_envelope::<Response, cm::FaultDetail>(
            black_box(&reply),
            cm::GetCampaignsByAccountIdRequest::META,
        )
    });
}

#[divan::bench(sample_count = 50)]
fn rest_decode(bencher: divan::Bencher) {
    let (_, rest) = inputs();
    bencher.bench(|| json::decode_response::<Response>(black_box(&rest)));
}

#[divan::bench(sample_count = 50)]
fn rest_decode_strict(bencher: divan::Bencher) {
    let (_, rest) = inputs();
    bencher.bench(|| json::from_slice::<Response>(black_box(&rest)));
}

#[divan::bench(sample_count = 50)]
fn rest_decode_type_last(bencher: divan::Bencher) {
    let (_, rest) = inputs();
    let body = type_last(&rest);
    bencher.bench(|| json::decode_response::<Response>(black_box(&body)));
}

#[divan::bench(sample_count = 50)]
fn plain_decode_ignored_any(bencher: divan::Bencher) {
    let (_, rest) = inputs();
    bencher.bench(|| serde_json::from_slice::<serde::de::IgnoredAny>(black_box(&rest)));
}

#[divan::bench(sample_count = 50)]
fn soap_encode(bencher: divan::Bencher) {
    let (value, _) = inputs();
    let (ns, name) = cm::GetCampaignsByAccountIdRequest::META.response_element;
    bencher.bench(|| write_response_envelope(&[], |w| black_box(&value).encode(w, ns, name)));
}

#[divan::bench(sample_count = 50)]
fn rest_encode(bencher: divan::Bencher) {
    let (value, _) = inputs();
    bencher.bench(|| json::to_vec(black_box(&value)));
}

#[divan::bench(sample_count = 50)]
fn plain_encode_value(bencher: divan::Bencher) {
    let (_, rest) = inputs();
    let tree: serde_json::Value = serde_json::from_slice(&rest).expect("JSON");
    bencher.bench(|| serde_json::to_vec(black_box(&tree)));
}
