//! The "every row typed" check: `tests/fixtures/bulk/sdk_every_type.csv` holds one row of every
//! record Type the official SDK's bulk object factory maps (written by
//! `make_every_type_fixture.py` from the SDK's own Type list), and every row must read as a
//! typed record, except the types the docs list as still untyped, named here one by one.
#![cfg(feature = "bulk")]

use std::collections::BTreeSet;
use std::io::Cursor;

use bingads::bulk::{BID_SUGGESTION_TYPES, BulkFileReader, BulkRecord, TYPED_RECORD_TYPES};

const EVERY_TYPE_CSV: &[u8] = include_bytes!("fixtures/bulk/sdk_every_type.csv");

/// Types the SDK maps that still read untyped, each with the reason (README, bulk section).
const STILL_UNTYPED: &[(&str, &str)] = &[
    (
        "Campaign Product Scope",
        "product conditions not mapped yet",
    ),
    (
        "Ad Group Product Partition",
        "product partition tree not mapped yet",
    ),
    (
        "Ad Group Hotel Listing Group",
        "hotel listing tree not mapped yet",
    ),
];

/// Every `Type` cell of the fixture but the version row.
fn fixture_types() -> Vec<String> {
    let text = std::str::from_utf8(EVERY_TYPE_CSV).expect("utf-8");
    text.lines()
        .skip(1)
        .filter_map(|line| line.split(',').next())
        .map(|t| t.trim_start_matches('\u{feff}').to_string())
        .filter(|t| t != "Format Version")
        .collect()
}

#[test]
fn every_record_type_the_sdk_maps_reads_typed_but_the_listed_exceptions() {
    let records: Vec<BulkRecord> = BulkFileReader::new(Cursor::new(EVERY_TYPE_CSV.to_vec()))
        .expect("reader")
        .collect::<Result<_, _>>()
        .expect("every row reads");
    let untyped: BTreeSet<&str> = records
        .iter()
        .filter(|r| matches!(r, BulkRecord::Untyped(_)))
        .map(BulkRecord::record_type)
        .collect();
    let expected: BTreeSet<&str> = STILL_UNTYPED.iter().map(|(t, _)| *t).collect();
    assert_eq!(
        untyped, expected,
        "untyped rows other than the listed exceptions"
    );

    // The file has one row per SDK Type: each is typed here, a keyword's bid suggestion row,
    // or a listed exception; nothing in the fixture is unaccounted for.
    let types = fixture_types();
    assert!(types.len() > 220, "{}", types.len());
    for t in &types {
        let known = TYPED_RECORD_TYPES.contains(&t.as_str())
            || BID_SUGGESTION_TYPES.contains(&t.as_str())
            || expected.contains(t.as_str())
            // Rows that the reader folds into a grouped typed record (negative sites).
            || records.iter().any(|r| {
                !matches!(r, BulkRecord::Untyped(_))
                    && r.source().is_some_and(|s| s.record_type() == t)
            });
        assert!(known, "{t}: neither typed nor a listed exception");
    }
    // Every typed record of the fixture came from one of its rows: the grouped and
    // continuation rows took nothing else with them.
    let typed = records
        .iter()
        .filter(|r| !matches!(r, BulkRecord::Untyped(_) | BulkRecord::FormatVersion(_)))
        .count();
    assert!(typed + expected.len() <= types.len(), "{typed}");
    assert!(typed + expected.len() + 10 >= types.len(), "{typed}");
}

#[test]
fn every_listed_exception_is_a_type_the_sdk_maps_and_not_typed() {
    let types = fixture_types();
    for (t, reason) in STILL_UNTYPED {
        assert!(types.iter().any(|x| x == t), "{t} is not in the SDK's list");
        assert!(
            !TYPED_RECORD_TYPES.contains(t),
            "{t} is typed now ({reason})"
        );
    }
}
