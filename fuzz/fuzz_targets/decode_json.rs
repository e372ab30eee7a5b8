//! Arbitrary bytes into the JSON decoders (the serde engine of `bingads_gen::json`).
//!
//! The first byte picks the decoder: user input read strictly (requests, and responses read
//! as a user would write them) or a service response read leniently (what the REST wire
//! runs), over types with polymorphic families, flags, dates, decimals and nested arrays;
//! selector 7 reads a request of any Campaign Management operation through the
//! `JSON_OPERATIONS` table, the next byte naming the operation. Beyond "no panic", it checks
//! what the decoders promise: every error names a path from `$` and a position inside the
//! document, and whatever decodes re-encodes into JSON that decodes to the same JSON.

#![no_main]

use std::fmt::Debug;

use bingads_gen::json::{self, JsonError, JsonRead, JsonWrite, Mode};
use bingads_gen::v13::{
    ad_insight as ai, campaign_management as cm, customer_management as cu, reporting as rp,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, input)) = data.split_first() else {
        return;
    };
    match selector % 8 {
        0 => check::<cm::GetCampaignsByAccountIdResponse>(input, Mode::Strict),
        1 => check::<cm::GetCampaignsByAccountIdResponse>(input, Mode::Lenient),
        2 => check::<cm::AddCampaignsRequest>(input, Mode::Strict),
        3 => check::<cm::GetAdsByAdGroupIdResponse>(input, Mode::Lenient),
        4 => check::<cu::GetUserResponse>(input, Mode::Lenient),
        5 => check::<rp::SubmitGenerateReportRequest>(input, Mode::Strict),
        6 => check::<ai::GetKeywordIdeasResponse>(input, Mode::Lenient),
        _ => table(input),
    }
});

fn check<T: JsonRead + JsonWrite + Debug + PartialEq>(input: &[u8], mode: Mode) {
    match json::from_slice_with::<T>(input, mode) {
        Ok(value) => {
            let written = json::to_vec(&value);
            let again: T = json::from_slice_with(&written, mode).unwrap_or_else(|e| {
                panic!(
                    "re-encoded JSON does not decode: {e}\n{}",
                    String::from_utf8_lossy(&written)
                )
            });
            assert_eq!(
                json::to_vec(&again),
                written,
                "a second round trip changed the JSON"
            );
        }
        Err(e) => error_is_placed(&e, input),
    }
}

fn table(input: &[u8]) {
    let Some((&which, body)) = input.split_first() else {
        return;
    };
    let ops = cm::JSON_OPERATIONS;
    let Some(op) = ops.get(usize::from(which) % ops.len()) else {
        return;
    };
    match (op.read_request)(body) {
        Ok(request) => {
            let written = request.to_json();
            let again = (op.read_request)(&written).unwrap_or_else(|e| {
                panic!("{}: re-encoded request does not read: {e}", op.meta.name)
            });
            assert_eq!(again.to_json(), written, "{}: unstable", op.meta.name);
        }
        Err(e) => error_is_placed(&e, body),
    }
}

fn error_is_placed(e: &JsonError, input: &[u8]) {
    assert!(e.path.starts_with('$'), "error without a path: {e:?}");
    let lines = input.iter().filter(|b| **b == b'\n').count() + 1;
    assert!(
        e.line >= 1 && (e.line as usize) <= lines,
        "line {} outside the document ({lines} lines): {e:?}",
        e.line
    );
    // A message must not repeat an arbitrarily long piece of the input.
    assert!(
        e.message.len() <= 2000,
        "message of {} bytes",
        e.message.len()
    );
}
