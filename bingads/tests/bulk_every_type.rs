//! The "every row typed" check: `tests/fixtures/bulk/sdk_every_type.csv` holds one row of every
//! record Type the official SDK's bulk object factory maps (written by
//! `make_every_type_fixture.py` from the SDK's own Type list), and every row must read as a
//! typed record: no exception is left. A type the service adds later still reads, untyped.
#![cfg(feature = "bulk")]

use std::collections::BTreeSet;
use std::io::Cursor;

use bingads::bulk::{
    BID_SUGGESTION_TYPES, BulkFileReader, BulkFileWriter, BulkRecord, FileFormat,
    TYPED_RECORD_TYPES,
};

const EVERY_TYPE_CSV: &[u8] = include_bytes!("fixtures/bulk/sdk_every_type.csv");

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
fn every_record_type_the_sdk_maps_reads_typed() {
    let records: Vec<BulkRecord> = BulkFileReader::new(Cursor::new(EVERY_TYPE_CSV.to_vec()))
        .expect("reader")
        .collect::<Result<_, _>>()
        .expect("every row reads");
    let untyped: BTreeSet<&str> = records
        .iter()
        .filter(|r| matches!(r, BulkRecord::Untyped(_)))
        .map(BulkRecord::record_type)
        .collect();
    assert!(untyped.is_empty(), "untyped rows: {untyped:?}");

    // The file has one row per SDK Type: each is typed here or a keyword's bid suggestion
    // row; nothing in the fixture is unaccounted for.
    let types = fixture_types();
    assert!(types.len() > 220, "{}", types.len());
    for t in &types {
        let known = TYPED_RECORD_TYPES.contains(&t.as_str())
            || BID_SUGGESTION_TYPES.contains(&t.as_str())
            // Rows that the reader folds into a grouped typed record (negative sites).
            || records.iter().any(|r| {
                !matches!(r, BulkRecord::Untyped(_))
                    && r.source().is_some_and(|s| s.record_type() == t)
            });
        assert!(known, "{t}: not typed");
    }
    // Every typed record of the fixture came from one of its rows: the grouped and
    // continuation rows took nothing else with them.
    let typed = records
        .iter()
        .filter(|r| !matches!(r, BulkRecord::FormatVersion(_)))
        .count();
    assert!(typed <= types.len(), "{typed}");
    assert!(typed + 10 >= types.len(), "{typed}");
}

/// A `Type` the service adds later is kept as a generic record and written back as read.
#[test]
fn a_type_the_sdk_does_not_know_reads_untyped_and_writes_back() {
    // With the byte order mark the writer always writes.
    let file = "\u{feff}Type,Id,Name\r\nFormat Version,,6.0\r\nFuture Widget,7,Gadget\r\n";
    let mut reader = BulkFileReader::new(Cursor::new(file.as_bytes().to_vec())).expect("reader");
    let columns = reader.columns().clone();
    let records: Vec<BulkRecord> = reader.by_ref().collect::<Result<_, _>>().expect("rows");
    let BulkRecord::Untyped(u) = &records[1] else {
        panic!("{:?}", records[1])
    };
    assert_eq!(u.row.get("Name"), Some("Gadget"));
    let mut writer =
        BulkFileWriter::with_columns(Vec::new(), FileFormat::Csv, columns).expect("writer");
    for r in &records {
        writer.write(r).expect("write");
    }
    assert_eq!(writer.finish().expect("finish"), file.as_bytes());
}
