//! Rows lent by `BulkFileReader::next_row` and the owned `BulkRow` they copy into: the same
//! cells as the record iterator, UTF-8 checked only for the cells read, mixing with the
//! iterator, and the guard against a row that never ends.
#![cfg(feature = "bulk")]

use std::io::Cursor;

use bingads::bulk::{BulkError, BulkFileReader, BulkRecord};

const SAMPLE: &str = "\u{feff}Type,Status,Id,Parent Id,Campaign,Keyword,Name,Error\r\n\
Format Version,,,,,,6.0,\r\n\
Keyword,Active,11,22,\"Contoso, Outdoor\",\"two\r\nlines \"\"quoted\"\"\",,\r\n\
Keyword Error,,11,22,,,,CampaignServiceInvalidKeywordText\r\n\
Account,Active,3,,,,Acme\r\n";

fn reader(bytes: &[u8]) -> BulkFileReader {
    BulkFileReader::new(Cursor::new(bytes.to_vec())).expect("reader")
}

#[test]
fn lent_rows_hold_every_cell_as_read() {
    let mut reader = reader(SAMPLE.as_bytes());
    let mut seen = Vec::new();
    while let Some(row) = reader.next_row() {
        let row = row.expect("row");
        let cells: Vec<String> = row.cells().expect("utf-8").map(str::to_string).collect();
        assert_eq!(cells.len(), row.len());
        seen.push((row.number(), row.record_type().unwrap().to_string(), cells));
    }
    let types: Vec<_> = seen.iter().map(|(_, t, _)| t.as_str()).collect();
    assert_eq!(
        types,
        ["Format Version", "Keyword", "Keyword Error", "Account"]
    );
    let numbers: Vec<_> = seen.iter().map(|(n, _, _)| *n).collect();
    assert_eq!(numbers, [2, 3, 4, 5]);
    let keyword = &seen[1].2;
    assert_eq!(keyword[4], "Contoso, Outdoor");
    assert_eq!(keyword[5], "two\r\nlines \"quoted\"");
    assert_eq!(keyword.len(), 8);
    // A short row has as many cells as were written; past them cells read as empty.
    assert_eq!(seen[3].2.len(), 7);
}

#[test]
fn owned_copies_match_the_lent_rows_and_the_records() {
    let mut lent = reader(SAMPLE.as_bytes());
    let mut owned = Vec::new();
    while let Some(row) = lent.next_row() {
        let row = row.expect("row");
        let copy = row.to_row().expect("copy");
        assert_eq!(copy.number(), row.number());
        assert_eq!(copy.len(), row.len());
        for i in 0..row.len() + 2 {
            assert_eq!(copy.cell(i), row.cell(i).unwrap(), "cell {i}");
            assert_eq!(copy.cell(i).as_bytes(), row.cell_bytes(i));
        }
        assert_eq!(copy.get("Campaign"), row.get("Campaign").unwrap());
        assert_eq!(row.get("No Such Column").unwrap(), None);
        owned.push(copy);
    }
    let records: Vec<BulkRecord> = reader(SAMPLE.as_bytes())
        .collect::<Result<_, _>>()
        .expect("records");
    let keyword = records[1].source().expect("source row");
    assert_eq!(keyword, &owned[1]);
    assert_eq!(records[1].errors()[0].row, owned[2]);
    assert_eq!(
        keyword.cells().collect::<Vec<_>>(),
        owned[1].cells().collect::<Vec<_>>()
    );
}

#[test]
fn a_cell_that_is_not_utf8_fails_only_when_read() {
    let mut bytes = b"Type,Name,Keyword\r\nFormat Version,6.0,\r\nKeyword,".to_vec();
    bytes.extend_from_slice(b"caf\xe9,shoes\r\n");
    let mut reader = reader(&bytes);
    reader.next_row().expect("version").expect("row");
    let row = reader.next_row().expect("keyword").expect("row");
    assert_eq!(row.cell(2).unwrap(), "shoes");
    assert_eq!(row.record_type().unwrap(), "Keyword");
    assert_eq!(row.cell_bytes(1), b"caf\xe9");
    let err = row.cell(1).unwrap_err();
    assert!(
        matches!(&err, BulkError::Malformed { row: 3, message } if message.contains("field 2")),
        "{err:?}"
    );
    let err = row.to_row().unwrap_err();
    assert!(
        matches!(err, BulkError::Malformed { row: 3, .. }),
        "{err:?}"
    );
    // The records iterator checks every cell of the rows it keeps. The version record read
    // that row ahead; it is still returned, and the error comes with the next call.
    let mut records = self::reader(&bytes);
    let version = records.next().expect("version").expect("record");
    assert_eq!(version.record_type(), "Format Version");
    let err = records.next().expect("keyword").unwrap_err();
    assert!(
        matches!(err, BulkError::Malformed { row: 3, .. }),
        "{err:?}"
    );
    assert!(
        records.next().is_none(),
        "a malformed file ends the iteration"
    );
}

#[test]
fn a_character_split_across_two_cells_is_not_utf8() {
    // "é" is C3 A9; a delimiter between its two bytes makes neither cell UTF-8, though
    // the cells' bytes back to back are.
    let bytes = b"Type,Name,Keyword\r\nKeyword,\xc3,\xa9\r\n".to_vec();
    let mut reader = reader(&bytes);
    let row = reader.next_row().expect("row").expect("row");
    assert!(row.to_row().is_err());
    assert!(row.cells().is_err());
}

#[test]
fn rows_and_records_can_be_mixed_and_each_row_comes_once() {
    let mut reader = reader(SAMPLE.as_bytes());
    // The version record reads the keyword row ahead; `next_row` hands that row back.
    let version = reader.next().expect("version").expect("record");
    assert_eq!(version.record_type(), "Format Version");
    let row = reader.next_row().expect("keyword").expect("row");
    assert_eq!(row.number(), 3);
    assert_eq!(row.record_type().unwrap(), "Keyword");
    assert_eq!(row.get("Campaign").unwrap(), Some("Contoso, Outdoor"));
    // The keyword's error row is next, as a record of its own type (untyped).
    let error = reader.next().expect("error row").expect("record");
    assert_eq!(error.record_type(), "Keyword Error");
    let account = reader.next().expect("account").expect("record");
    assert_eq!(account.row_number(), 5);
    assert!(reader.next().is_none());
    assert!(reader.next_row().is_none());
}

#[test]
fn a_quote_that_never_closes_stops_at_a_row_size_limit() {
    // 70 MiB inside one quoted cell: refused instead of held in memory.
    let mut bytes = b"Type,Name\r\nKeyword,\"".to_vec();
    bytes.resize(bytes.len() + 70 * 1024 * 1024, b'a');
    let mut reader = reader(&bytes);
    let err = reader.next_row().expect("row").unwrap_err();
    assert!(
        matches!(&err, BulkError::Malformed { row: 2, message } if message.contains("MiB")),
        "{err:?}"
    );
    assert!(reader.next_row().is_none(), "the reader stops after it");
}

#[test]
fn owned_rows_built_in_memory_grow_and_compare_by_cells() {
    let mut row = bingads::bulk::BulkRow::new("Keyword");
    assert_eq!(row.len(), bingads::bulk::Columns::sdk().len());
    assert_eq!(row.record_type(), "Keyword");
    row.set("Keyword", "shoes");
    row.set("Brand New Column", "x");
    assert_eq!(row.get("Keyword"), Some("shoes"));
    assert_eq!(row.get("Brand New Column"), Some("x"));
    assert_eq!(row.cell(row.len() - 1), "x");
    assert_eq!(row.cell(row.len()), "");
    let non_empty: Vec<_> = row
        .non_empty_cells()
        .map(|(k, v)| (k.into_owned(), v.to_string()))
        .collect();
    assert_eq!(
        non_empty,
        [
            ("Type".to_string(), "Keyword".to_string()),
            ("Keyword".to_string(), "shoes".to_string()),
            ("Brand New Column".to_string(), "x".to_string())
        ]
    );
    let debug = format!("{row:?}");
    assert!(debug.contains("\"Keyword\": \"shoes\""), "{debug}");
}
