//! The bulk file layer: encodings, containers, quoting and lossless round trips, on small
//! files built in the test.
#![cfg(feature = "bulk")]

use std::io::{Cursor, Write};

use bingads::bulk::{BulkError, BulkFileReader, BulkFileWriter, BulkRecord, BulkRow, FileFormat};

const SAMPLE_CSV: &str = "\u{feff}Type,Status,Id,Parent Id,Campaign,Ad Group,Keyword,Name,Error,Future Column\r\n\
Format Version,,,,,,,6.0,,\r\n\
Some Future Type,Active,7,1,,,,,,x\r\n\
Keyword,Active,11,22,\"Contoso, Outdoor\",\"Multi\r\nLine \"\"Group\"\"\",shoes,,,kept\r\n\
Keyword Error,,11,22,,,,,CampaignServiceInvalidKeywordText,\r\n\
Account,Active,3,,,,,Acme,,\r\n";

fn read_all(reader: BulkFileReader) -> Vec<BulkRecord> {
    reader.collect::<Result<Vec<_>, _>>().expect("records")
}

fn rows_of(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).expect("utf-8");
    let text = text
        .strip_prefix('\u{feff}')
        .expect("the writer writes a BOM");
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    r.records()
        .map(|r| r.expect("row").iter().map(str::to_string).collect())
        .collect()
}

fn rewrite(bytes: &[u8], format: FileFormat) -> Vec<u8> {
    let reader = BulkFileReader::new(Cursor::new(bytes.to_vec())).expect("reader");
    let columns = reader.columns().clone();
    let mut writer = BulkFileWriter::with_columns(Vec::new(), format, columns).expect("writer");
    for record in reader {
        writer.write(&record.expect("record")).expect("write");
    }
    writer.finish().expect("finish")
}

#[test]
fn reads_bom_quoted_multiline_and_unknown_types() {
    let records = read_all(BulkFileReader::new(Cursor::new(SAMPLE_CSV.as_bytes())).unwrap());
    let types: Vec<_> = records
        .iter()
        .map(|r| r.record_type().to_string())
        .collect();
    assert_eq!(
        types,
        ["Format Version", "Some Future Type", "Keyword", "Account"]
    );
    let numbers: Vec<_> = records.iter().map(BulkRecord::row_number).collect();
    assert_eq!(numbers, [2, 3, 4, 6]);
    // The error row is attached to the keyword before it.
    let keyword = &records[2];
    assert_eq!(keyword.errors().len(), 1);
    assert_eq!(
        keyword.errors()[0].error(),
        Some("CampaignServiceInvalidKeywordText")
    );
}

#[test]
fn rewriting_an_unchanged_file_reproduces_every_cell() {
    let out = rewrite(SAMPLE_CSV.as_bytes(), FileFormat::Csv);
    assert_eq!(rows_of(&out), rows_of(SAMPLE_CSV.as_bytes()));
    // Same bytes too: CRLF, minimal quoting, BOM.
    assert_eq!(String::from_utf8(out).unwrap(), SAMPLE_CSV);
}

#[test]
fn tsv_is_detected_and_written() {
    let tsv = rewrite(SAMPLE_CSV.as_bytes(), FileFormat::Tsv);
    let text = String::from_utf8(tsv.clone()).unwrap();
    assert!(text.starts_with("\u{feff}Type\tStatus\t"));
    // In TSV a comma needs no quotes.
    assert!(!text.contains("\"Contoso, Outdoor\"") && text.contains("Contoso, Outdoor"));
    let reader = BulkFileReader::new(Cursor::new(tsv.clone())).unwrap();
    assert_eq!(reader.format(), FileFormat::Tsv);
    let back = rewrite(&tsv, FileFormat::Csv);
    assert_eq!(String::from_utf8(back).unwrap(), SAMPLE_CSV);
}

#[test]
fn reads_without_a_bom_and_with_bare_newlines() {
    let plain = SAMPLE_CSV
        .trim_start_matches('\u{feff}')
        .replace("\r\n", "\n");
    let records = read_all(BulkFileReader::new(Cursor::new(plain.into_bytes())).unwrap());
    assert_eq!(records.len(), 4);
}

#[test]
fn reads_gzip_and_zip_containers_as_streams() {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(SAMPLE_CSV.as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    assert_eq!(
        read_all(BulkFileReader::new(Cursor::new(gz)).unwrap()).len(),
        4
    );

    let tsv = rewrite(SAMPLE_CSV.as_bytes(), FileFormat::Tsv);
    let reader = BulkFileReader::from_zip(Cursor::new(zip_of("result.tsv", &tsv))).unwrap();
    assert_eq!(reader.format(), FileFormat::Tsv);
    assert_eq!(read_all(reader).len(), 4);
    let zipped = zip_of("result.csv", SAMPLE_CSV.as_bytes());
    let dir = std::env::temp_dir().join(format!("bulk-file-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("download.zip");
    std::fs::write(&path, &zipped).unwrap();
    let records = read_all(BulkFileReader::open(&path).unwrap());
    assert_eq!(records.len(), 4);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn corrupt_and_truncated_zips_are_typed_errors() {
    let mut zipped = zip_of("result.csv", SAMPLE_CSV.repeat(50).as_bytes());
    // Flip a byte inside the compressed data.
    zipped[60] ^= 0x55;
    let outcome = BulkFileReader::from_zip(Cursor::new(zipped))
        .and_then(|r| r.collect::<Result<Vec<_>, _>>());
    assert!(
        matches!(
            outcome,
            Err(BulkError::Io { .. } | BulkError::Malformed { .. } | BulkError::Archive { .. })
        ),
        "{outcome:?}"
    );
    let zipped = zip_of("result.csv", SAMPLE_CSV.as_bytes());
    let truncated = zipped[..zipped.len() / 2].to_vec();
    assert!(matches!(
        BulkFileReader::from_zip(Cursor::new(truncated)),
        Err(BulkError::Archive { .. })
    ));
}

#[test]
fn malformed_and_unsupported_files_are_errors_with_rows() {
    let no_type = "Status,Id\r\nActive,1\r\n";
    assert!(matches!(
        BulkFileReader::new(Cursor::new(no_type.as_bytes())),
        Err(BulkError::Header { .. })
    ));
    let v5 = "Type,Name\r\nFormat Version,5.0\r\n";
    let mut r = BulkFileReader::new(Cursor::new(v5.as_bytes())).unwrap();
    assert!(matches!(
        r.next(),
        Some(Err(BulkError::UnsupportedFormatVersion { found })) if found == "5.0"
    ));
    assert!(r.next().is_none());
    let bad_utf8 = b"Type,Name\r\nAccount,\xff\xfe\r\n".to_vec();
    let mut r = BulkFileReader::new(Cursor::new(bad_utf8)).unwrap();
    assert!(matches!(
        r.next(),
        Some(Err(BulkError::Malformed { row: 2, .. }))
    ));
}

#[test]
fn writer_writes_bom_header_and_version_row_and_refuses_lost_columns() {
    let mut writer = BulkFileWriter::new(Vec::new(), FileFormat::Csv).unwrap();
    let mut row = BulkRow::new("Account");
    row.set("Name", "Line one\nline \"two\"");
    writer.write_row(&row).unwrap();
    let mut foreign = BulkRow::new("Account");
    foreign.set("Not A Column", "value");
    match writer.write_row(&foreign) {
        Err(BulkError::UnknownColumn { column, value, .. }) => {
            assert_eq!((column.as_str(), value.as_str()), ("Not A Column", "value"));
        }
        other => panic!("{other:?}"),
    }
    let out = writer.finish().unwrap();
    assert!(out.starts_with(b"\xEF\xBB\xBFType,Status,Id,"));
    let rows = rows_of(&out);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0].len(), 442);
    assert_eq!(
        (rows[1][0].as_str(), rows[1][67].as_str()),
        ("Format Version", "6.0")
    );
    assert_eq!(rows[1].len(), 442);
    assert_eq!(rows[2][67], "Line one\nline \"two\"");
    assert!(out.ends_with(b"\r\n"));
}

fn zip_of(name: &str, data: &[u8]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    w.start_file(name, options).unwrap();
    w.write_all(data).unwrap();
    w.finish().unwrap().into_inner()
}

#[test]
fn unnamed_header_columns_are_kept_and_duplicates_refused() {
    let file = "Type,Name,,\r\nFormat Version,6.0,,\r\nAccount,Acme,,x\r\n";
    let reader = BulkFileReader::new(Cursor::new(file.as_bytes().to_vec())).unwrap();
    let columns = reader.columns().clone();
    assert_eq!(columns.len(), 4);
    let mut w = BulkFileWriter::with_columns(Vec::new(), FileFormat::Csv, columns).unwrap();
    for r in reader {
        w.write(&r.unwrap()).unwrap();
    }
    assert_eq!(
        String::from_utf8(w.finish().unwrap()).unwrap(),
        format!("\u{feff}{file}")
    );
    let twice = "Type,Name,Name\r\n";
    assert!(matches!(
        BulkFileReader::new(Cursor::new(twice.as_bytes().to_vec())),
        Err(BulkError::Header { .. })
    ));
}
