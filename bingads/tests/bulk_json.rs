//! The JSON form of bulk records (`cargo test -p bingads --features bulk-json`): the shape
//! `bingads bulk read` prints, and JSON lines written back to the same rows.
#![cfg(feature = "bulk-json")]

use std::io::Cursor;

use bingads::bulk::{BulkError, BulkFileReader, BulkFileWriter, BulkRecord, FileFormat};

const SDK_CSV: &[u8] = include_bytes!("fixtures/bulk/sdk_entities.csv");
const MORE_CSV: &[u8] = include_bytes!("fixtures/bulk/sdk_more.csv");

const WITH_EXTRAS: &str = "Type,Status,Id,Parent Id,Campaign,Ad Group,Keyword,Match Type,Bid,Client Id,Error,Error Number,Future Column\r\n\
Format Version,,,,,,,,,,,,\r\n\
Keyword,Active,191609573,199321527,Contoso Outdoor,Backpacks - Broad,kids hiking backpack,Phrase,0.41,client-80927,,,later\r\n\
Keyword Error,,191609573,,,,,,,,CampaignServiceInvalidBid,1234,\r\n\
Mystery Type,,9,,,,,,,,,,x\r\n";

fn lines(bytes: &[u8]) -> Vec<String> {
    BulkFileReader::new(Cursor::new(bytes.to_vec()))
        .unwrap()
        .map(|r| r.unwrap().to_json())
        .collect()
}

#[test]
fn records_print_in_the_issue_shape() {
    let mut file = String::new();
    for (i, line) in WITH_EXTRAS.split("\r\n").enumerate() {
        // The version row needs its Name column; this header has none, so drop the row.
        if i != 1 && !line.is_empty() {
            file.push_str(line);
            file.push_str("\r\n");
        }
    }
    let out = lines(file.as_bytes());
    assert_eq!(
        out[0],
        r#"{"Type":"Keyword","Row":2,"Keyword":{"Bid":{"Amount":0.41},"Id":"191609573","MatchType":"Phrase","Status":"Active","Text":"kids hiking backpack"},"ParentId":"199321527","Campaign":"Contoso Outdoor","AdGroup":"Backpacks - Broad","ClientId":"client-80927","Extra":{"Future Column":"later"},"Errors":[{"Type":"Keyword Error","Id":"191609573","Error":"CampaignServiceInvalidBid","Error Number":"1234"}]}"#
    );
    assert_eq!(
        out[1],
        r#"{"Type":"Mystery Type","Row":4,"Untyped":true,"Cells":{"Id":"9","Future Column":"x"},"Errors":[]}"#
    );
}

#[test]
fn json_lines_write_back_to_the_same_rows() {
    for file in [SDK_CSV, MORE_CSV] {
        let records: Vec<BulkRecord> = BulkFileReader::new(Cursor::new(file.to_vec()))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        let mut writer = BulkFileWriter::new(Vec::new(), FileFormat::Csv).unwrap();
        for (i, r) in records.iter().enumerate() {
            let json = r.to_json();
            let back = BulkRecord::from_json(&json, i as u64 + 1).unwrap();
            writer.write(&back).unwrap();
        }
        assert_same_cells(&writer.finish().unwrap(), file);
    }
}

/// Every cell of every row as in `expected`, except that a decimal may come back with other
/// trailing zeros (`125.50` → `125.5`): an API object's decimal crosses JSON as a JSON number,
/// which keeps the value, not its text (the `Decimals` section of `bingads_gen::json`).
fn assert_same_cells(written: &[u8], expected: &[u8]) {
    let rows = |bytes: &[u8]| -> Vec<csv::StringRecord> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes)
            .records()
            .map(|r| r.unwrap())
            .collect()
    };
    let (written, expected) = (rows(written), rows(expected));
    assert_eq!(written.len(), expected.len(), "row count");
    for (i, (w, e)) in written.iter().zip(&expected).enumerate() {
        assert_eq!(w.len(), e.len(), "row {i}: cell count");
        for (j, (wc, ec)) in w.iter().zip(e).enumerate() {
            if wc == ec {
                continue;
            }
            let trimmed = |s: &str| {
                if s.contains('.') {
                    s.trim_end_matches('0').trim_end_matches('.').to_string()
                } else {
                    s.to_string()
                }
            };
            assert!(
                wc.parse::<f64>().is_ok() && trimmed(wc) == trimmed(ec),
                "row {i}, cell {j}: {wc:?} written where the file has {ec:?}"
            );
        }
    }
}

#[test]
fn bad_json_lines_are_errors_with_the_line() {
    let e = BulkRecord::from_json(r#"{"Type":"Keyword","ParentID":"1"}"#, 7).unwrap_err();
    match e {
        BulkError::Json { line: 7, message } => assert!(message.contains("ParentId"), "{message}"),
        other => panic!("{other:?}"),
    }
    let e = BulkRecord::from_json(r#"{"Type":"Keyword","Keyword":{"Bid":"x"}}"#, 8).unwrap_err();
    assert!(matches!(e, BulkError::Json { line: 8, .. }), "{e:?}");
    let e = BulkRecord::from_json("{", 9).unwrap_err();
    assert!(matches!(e, BulkError::Json { line: 9, .. }), "{e:?}");
}
