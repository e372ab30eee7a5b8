//! `BulkFileReader::read_record`, which refills one record in place: every record it reads
//! equals the one the iterator yields (cells that are empty in the next row clear what the
//! previous row set, fields changed by the caller are reset), on every SDK-written fixture,
//! through type changes, error rows, multi-row records, bad cells and fatal errors.
#![cfg(feature = "bulk")]

use std::io::Cursor;

use bingads::Nillable;
use bingads::bulk::{BulkError, BulkFileReader, BulkRecord};

const HEADER: &str = "\u{feff}Type,Status,Id,Parent Id,Campaign,Ad Group,Keyword,Match Type,Bid,\
Param1,Destination Url,Final Url,Custom Parameter,Client Id,Quality Score,Error,Name\r\n\
Format Version,,,,,,,,,,,,,,,,6.0\r\n";

fn reader(text: &str) -> BulkFileReader {
    BulkFileReader::new(Cursor::new(text.as_bytes().to_vec())).expect("reader")
}

/// Every record through `read_record` into one reused record, cloned after each read.
fn refilled(mut reader: BulkFileReader) -> Vec<Result<BulkRecord, String>> {
    let mut record = BulkRecord::default();
    let mut out = Vec::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => out.push(Ok(record.clone())),
            Ok(false) => return out,
            Err(e) => out.push(Err(e.to_string())),
        }
    }
}

fn iterated(reader: BulkFileReader) -> Vec<Result<BulkRecord, String>> {
    reader.map(|r| r.map_err(|e| e.to_string())).collect()
}

fn keyword(record: &BulkRecord) -> &bingads::bulk::BulkKeyword {
    match record {
        BulkRecord::Keyword(k) => k,
        other => panic!("not a keyword: {other:?}"),
    }
}

#[test]
fn two_keywords_with_different_empty_cells_read_into_one_record() {
    let text = format!(
        "{HEADER}\
Keyword,Active,11,22,Outdoor,Boots,hiking boots,Exact,0.41,p1,,https://a.example/1; https://a.example/2,{{_k}}=v,c-1,7,,\r\n\
Keyword Error,,11,22,,,,,,,,,,,,CampaignServiceInvalidKeywordText,\r\n\
Keyword Main Line Bid,,11,22,,,,,0.90,,,,,,,,\r\n\
Keyword,Paused,12,22,Outdoor,,trail shoes,,,,https://d.example,https://b.example,,,,,\r\n"
    );
    let mut reader = reader(&text);
    let mut record = BulkRecord::default();
    assert!(reader.read_record(&mut record).expect("version"));
    assert!(matches!(&record, BulkRecord::FormatVersion(v) if v.version == "6.0"));

    assert!(reader.read_record(&mut record).expect("first keyword"));
    let first = keyword(&record);
    assert_eq!(first.keyword.id, Nillable::Value(11));
    assert_eq!(first.ad_group_name.as_deref(), Some("Boots"));
    assert_eq!(first.keyword.param1, Nillable::Value("p1".into()));
    assert!(first.keyword.bid.value().is_some());
    assert!(first.keyword.match_type.value().is_some());
    assert_eq!(
        first.keyword.final_urls,
        Nillable::Value(vec![
            Some("https://a.example/1".into()),
            Some("https://a.example/2".into())
        ])
    );
    assert!(first.keyword.url_custom_parameters.value().is_some());
    assert_eq!(first.client_id.as_deref(), Some("c-1"));
    assert_eq!(first.quality_score.quality_score, Some(7));
    assert_eq!(first.errors.len(), 1);
    assert_eq!(first.bid_suggestions.len(), 1);

    // The caller changes fields no column of this row sets; the next read resets them too.
    if let BulkRecord::Keyword(k) = &mut record {
        k.keyword.final_app_urls = Nillable::Nil;
        k.keyword.forward_compatibility_map = Nillable::Value(Vec::new());
    }

    assert!(reader.read_record(&mut record).expect("second keyword"));
    let second = keyword(&record);
    assert_eq!(second.keyword.id, Nillable::Value(12));
    assert_eq!(second.keyword.text, Nillable::Value("trail shoes".into()));
    assert_eq!(
        second.keyword.final_urls,
        Nillable::Value(vec![Some("https://b.example".into())])
    );
    assert_eq!(
        second.keyword.destination_url,
        Nillable::Value("https://d.example".into())
    );
    // Cells empty in this row but set in the one before are cleared.
    assert_eq!(second.ad_group_name, None);
    assert_eq!(second.keyword.param1, Nillable::Absent);
    assert_eq!(second.keyword.bid, Nillable::Absent);
    assert_eq!(second.keyword.match_type, Nillable::Absent);
    assert_eq!(second.keyword.url_custom_parameters, Nillable::Absent);
    assert_eq!(second.client_id, None);
    assert_eq!(second.quality_score.quality_score, None);
    assert!(second.errors.is_empty());
    assert!(second.bid_suggestions.is_empty());
    assert_eq!(second.keyword.final_app_urls, Nillable::Absent);
    assert_eq!(second.keyword.forward_compatibility_map, Nillable::Absent);
    assert_eq!(second.source.as_ref().map(|r| r.number()), Some(6));
    assert_eq!(
        second.source.as_ref().and_then(|r| r.get("Keyword")),
        Some("trail shoes")
    );

    // The whole record is the iterator's, field for field.
    let expected: Vec<_> = reader_records(&text);
    assert_eq!(&record, expected.last().expect("records"));
    assert!(!reader.read_record(&mut record).expect("end"));
    assert_eq!(&record, expected.last().expect("records"), "left as it was");
}

fn reader_records(text: &str) -> Vec<BulkRecord> {
    reader(text).collect::<Result<_, _>>().expect("records")
}

#[test]
fn one_url_list_shrinks_and_grows_between_rows() {
    let text = format!(
        "{HEADER}\
Keyword,,1,2,,,a,,,,,https://a.example/1; https://a.example/2; https://a.example/3,,,,,\r\n\
Keyword,,2,2,,,b,,,,,https://b.example/1,,,,,\r\n\
Keyword,,3,2,,,c,,,,,delete_value,,,,,\r\n\
Keyword,,4,2,,,d,,,,,https://d.example/1; https://d.example/2,,,,,\r\n\
Keyword,,5,2,,,delete_value,,,,,,,,,,\r\n\
Keyword,,6,2,,,f,,,,,,,,,,\r\n"
    );
    let records = refilled(reader(&text));
    assert_eq!(records, iterated(reader(&text)));
    let urls: Vec<_> = records
        .iter()
        .skip(1)
        .map(|r| {
            keyword(r.as_ref().expect("record"))
                .keyword
                .final_urls
                .clone()
        })
        .collect();
    assert_eq!(
        urls[1],
        Nillable::Value(vec![Some("https://b.example/1".into())])
    );
    assert_eq!(urls[2], Nillable::Nil);
    assert_eq!(urls[3].value().map(Vec::len), Some(2));
    assert_eq!(urls[4], Nillable::Absent);
    let texts: Vec<_> = records
        .iter()
        .skip(1)
        .map(|r| keyword(r.as_ref().expect("record")).keyword.text.clone())
        .collect();
    assert_eq!(texts[4], Nillable::Nil);
    assert_eq!(texts[5], Nillable::Value("f".into()));
}

#[test]
fn records_of_other_types_replace_the_record() {
    let text = format!(
        "{HEADER}\
Keyword,Active,11,22,Outdoor,Boots,hiking boots,Exact,0.41,,,,,,,,\r\n\
Ad Group,Active,22,33,Outdoor,Boots,,,,,,,,,,,\r\n\
Some Future Type,,1,2,,,,,,,,,,,,,x\r\n\
Some Future Type,,2,2,,,,,,,,,,,,,\r\n\
Keyword,Paused,12,22,Outdoor,Boots,trail shoes,,,,,,,,,,\r\n"
    );
    let records = refilled(reader(&text));
    assert_eq!(records, iterated(reader(&text)));
    let types: Vec<_> = records
        .iter()
        .map(|r| r.as_ref().expect("record").record_type().to_string())
        .collect();
    assert_eq!(
        types,
        [
            "Format Version",
            "Keyword",
            "Ad Group",
            "Some Future Type",
            "Some Future Type",
            "Keyword"
        ]
    );
    // Untyped records are refilled too: the second keeps none of the first's cells.
    let BulkRecord::Untyped(untyped) = records[4].as_ref().expect("record") else {
        panic!("untyped")
    };
    assert_eq!(untyped.row.get("Name"), Some(""));
    assert_eq!(untyped.row.number(), 6);
}

#[test]
fn untyped_reading_refills_rows() {
    let text = format!(
        "{HEADER}\
Keyword,Active,11,22,Outdoor,Boots,hiking boots,Exact,0.41,,,,,,,,\r\n\
Keyword Error,,11,22,,,,,,,,,,,,SomeError,\r\n\
Keyword,Paused,12,22,,,trail shoes,,,,,,,,,,\r\n"
    );
    let records = refilled(reader(&text).untyped());
    assert_eq!(records, iterated(reader(&text).untyped()));
    assert_eq!(records.len(), 3);
    let last = records[2].as_ref().expect("record");
    assert!(last.errors().is_empty());
    assert_eq!(last.source().and_then(|r| r.get("Campaign")), Some(""));
}

#[test]
fn a_bad_cell_is_an_error_and_reading_goes_on() {
    let text = format!(
        "{HEADER}\
Keyword,Active,11,22,Outdoor,Boots,hiking boots,Exact,0.41,,,,,,,,\r\n\
Keyword,Active,12,22,Outdoor,Boots,trail shoes,Exact,not a bid,,,,,,,,\r\n\
Keyword Error,,12,22,,,,,,,,,,,,SomeError,\r\n\
Keyword,Active,13,22,,,running shoes,,,,,,,,,,\r\n"
    );
    let records = refilled(reader(&text));
    assert_eq!(records, iterated(reader(&text)));
    assert!(
        records[2].as_ref().is_err_and(|e| e.contains("Bid")),
        "{records:?}"
    );
    let last = keyword(records[3].as_ref().expect("record after the bad one"));
    assert_eq!(last.keyword.id, Nillable::Value(13));
    assert_eq!(last.campaign_name, None);
    assert!(last.errors.is_empty());
}

#[test]
fn a_fatal_error_ends_reading() {
    let text = "Type,Name\r\nFormat Version,5.0\r\nKeyword,x\r\n";
    let mut reader = reader(text);
    let mut record = BulkRecord::default();
    assert!(matches!(
        reader.read_record(&mut record),
        Err(BulkError::UnsupportedFormatVersion { .. })
    ));
    assert!(!reader.read_record(&mut record).expect("ended"));
}

#[test]
fn read_record_mixes_with_lent_rows_and_the_iterator() {
    let text = format!(
        "{HEADER}\
Keyword,Active,11,22,Outdoor,Boots,hiking boots,Exact,0.41,,,,,,,,\r\n\
Keyword,Active,12,22,Outdoor,Boots,trail shoes,Exact,0.5,,,,,,,,\r\n\
Keyword,Active,13,22,,,running shoes,,,,,,,,,,\r\n\
Keyword,Active,14,22,,,tennis shoes,,,,,,,,,,\r\n"
    );
    let expected = reader_records(&text);
    let mut reader = reader(&text);
    let mut record = BulkRecord::default();
    assert!(reader.read_record(&mut record).expect("version"));
    assert!(reader.read_record(&mut record).expect("keyword 11"));
    assert_eq!(record, expected[1]);
    // The row read ahead (keyword 12) is lent, then the iterator and read_record go on.
    let row = reader.next_row().expect("row").expect("row");
    assert_eq!(row.get("Id").expect("utf-8"), Some("12"));
    assert_eq!(
        reader.next().expect("keyword 13").expect("record"),
        expected[3]
    );
    assert!(reader.read_record(&mut record).expect("keyword 14"));
    assert_eq!(record, expected[4]);
    assert!(!reader.read_record(&mut record).expect("end"));
}

#[test]
fn every_sdk_fixture_reads_the_same_records_through_read_record() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bulk");
    let mut files = 0;
    let mut records = 0;
    for entry in std::fs::read_dir(dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ext != "csv" && ext != "tsv" {
            continue;
        }
        let refilled = refilled(BulkFileReader::open(&path).expect("open"));
        let iterated = iterated(BulkFileReader::open(&path).expect("open"));
        assert_eq!(refilled.len(), iterated.len(), "{}", path.display());
        for (i, (a, b)) in refilled.iter().zip(&iterated).enumerate() {
            assert_eq!(a, b, "{} record {i}", path.display());
        }
        files += 1;
        records += refilled.len();
    }
    assert!(files >= 30, "{files} fixture files");
    assert!(records > 500, "{records} records");
}

#[test]
fn a_row_that_is_not_utf8_ends_reading_with_its_row_number() {
    let mut bytes = HEADER.as_bytes().to_vec();
    bytes.extend_from_slice(b"Keyword,Active,11,22,Outdoor,Boots,hiking boots,,,,,,,,,,\r\n");
    bytes.extend_from_slice(b"Keyword,Active,12,22,Outdoor,Boots,caf\xe9,,,,,,,,,,\r\n");
    let mut reader = BulkFileReader::new(Cursor::new(bytes)).expect("reader");
    let mut record = BulkRecord::default();
    assert!(reader.read_record(&mut record).expect("version"));
    // The keyword before it is read whole; the bad row is met while looking ahead and
    // reported by the next call.
    assert!(reader.read_record(&mut record).expect("keyword 11"));
    assert_eq!(keyword(&record).keyword.id, Nillable::Value(11));
    match reader.read_record(&mut record) {
        Err(BulkError::Malformed { row, .. }) => assert_eq!(row, 4),
        other => panic!("expected a malformed row, got {other:?}"),
    }
    assert!(!reader.read_record(&mut record).expect("ended"));
}

#[test]
fn rows_wider_than_the_parsers_first_buffers_are_read_whole() {
    // 1,500 columns (the parser starts with room for 512 cell ends and 4 KiB of text), and
    // rows of different widths, so buffers that change hands between the parser and the
    // reused rows grow more than once.
    let width = 1500;
    let mut text = String::from("Type,Name");
    for i in 2..width {
        text.push_str(&format!(",Extra {i}"));
    }
    text.push_str("\r\nFormat Version,6.0\r\n");
    for (row, cells) in [(1, 3), (2, width), (3, 40), (4, width), (5, 2)] {
        text.push_str("Some Future Type,");
        text.push_str(&format!("row {row}"));
        for i in 2..cells {
            text.push_str(&format!(",{}", "x".repeat(i % 7 + row)));
        }
        text.push_str("\r\n");
    }
    let records = refilled(reader(&text));
    assert_eq!(records, iterated(reader(&text)));
    assert_eq!(records.len(), 6);
    for (record, (number, cells)) in
        records
            .iter()
            .skip(1)
            .zip([(1, 3), (2, width), (3, 40), (4, width), (5, 2)])
    {
        let row = record.as_ref().expect("record").source().expect("row");
        assert_eq!(row.len(), cells);
        assert_eq!(row.cell(1), format!("row {number}"));
        let last = cells - 1;
        if last > 1 {
            assert_eq!(row.cell(last), "x".repeat(last % 7 + number));
        }
        assert_eq!(row.cell(cells), "", "past the row's last cell");
    }
}
