//! Reading a bulk file into records and writing records to a fresh file, for the tests that
//! check typed records against the official SDK's files.

use std::io::Cursor;

use bingads::bulk::{BulkFileReader, BulkFileWriter, BulkRecord, FileFormat};

pub fn records(bytes: &[u8]) -> Vec<BulkRecord> {
    BulkFileReader::new(Cursor::new(bytes.to_vec()))
        .expect("reader")
        .collect::<Result<_, _>>()
        .expect("records")
}

pub fn write_fresh(records: &[BulkRecord], format: FileFormat) -> Vec<u8> {
    let mut w = BulkFileWriter::new(Vec::new(), format).expect("writer");
    for r in records {
        w.write(r).expect("write");
    }
    w.finish().expect("finish")
}

/// The record with its source row dropped, so only its typed fields are written. The SDK
/// fixtures are all typed: an untyped record here is a test input mistake.
#[allow(dead_code)] // not every test file that includes this module rebuilds records
pub fn without_source(record: &BulkRecord) -> BulkRecord {
    assert!(
        !matches!(record, BulkRecord::Untyped(_)),
        "{} is not a typed record",
        record.record_type()
    );
    let mut r = record.clone();
    r.take_source();
    r
}
