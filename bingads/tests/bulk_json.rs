//! The JSON form of bulk records (`cargo test -p bingads --features bulk-json`): the shape
//! `bingads bulk read` prints, and JSON lines written back to the same rows.
#![cfg(feature = "bulk-json")]

#[path = "support/cells.rs"]
mod cells;

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
        cells::assert_same_cells(&writer.finish().unwrap(), file, b',');
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
