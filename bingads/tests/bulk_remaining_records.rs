//! The record types typed last (issue 13) against files written by the official Python SDK
//! (`tests/fixtures/bulk/sdk_remaining.{csv,tsv}`, from `make_remaining_fixtures.py`): every row
//! typed, values as the SDK wrote them, byte-for-byte rewrites, and the records rebuilt from
//! their typed fields alone written exactly as the SDK wrote them.
#![cfg(feature = "bulk")]

#[path = "support/bulk_io.rs"]
mod bulk_io;

use bulk_io::{records, without_source, write_fresh};
use std::io::Cursor;

use bingads::Nillable;
use bingads::bulk::{BulkFileReader, BulkFileWriter, BulkRecord, FileFormat};

const REMAINING_CSV: &[u8] = include_bytes!("fixtures/bulk/sdk_remaining.csv");
const REMAINING_TSV: &[u8] = include_bytes!("fixtures/bulk/sdk_remaining.tsv");

const FIXTURES: &[(&[u8], FileFormat)] = &[
    (REMAINING_CSV, FileFormat::Csv),
    (REMAINING_TSV, FileFormat::Tsv),
];

#[test]
fn every_sdk_row_is_typed() {
    for &(bytes, _) in FIXTURES {
        let all = records(bytes);
        // Format version + the eleven record types, one row each.
        assert_eq!(all.len(), 12);
        for r in &all {
            assert!(
                !matches!(r, BulkRecord::Untyped(_)),
                "{} is untyped",
                r.record_type()
            );
        }
    }
}

#[test]
fn sdk_files_rewrite_byte_for_byte() {
    for &(bytes, format) in FIXTURES {
        let reader = BulkFileReader::new(Cursor::new(bytes.to_vec())).unwrap();
        let mut w =
            BulkFileWriter::with_columns(Vec::new(), format, reader.columns().clone()).unwrap();
        for r in reader {
            w.write(&r.unwrap()).unwrap();
        }
        assert_eq!(w.finish().unwrap(), bytes, "{format:?}");
        assert_eq!(write_fresh(&records(bytes), format), bytes, "{format:?}");
    }
}

#[test]
fn records_rebuilt_from_typed_fields_are_written_as_the_sdk_wrote_them() {
    for &(bytes, format) in FIXTURES {
        let rebuilt: Vec<BulkRecord> = records(bytes).iter().map(without_source).collect();
        assert_eq!(write_fresh(&rebuilt, format), bytes, "{format:?}");
    }
}

#[test]
fn values_are_read_as_the_sdk_wrote_them() {
    let all = records(REMAINING_CSV);
    let mut seen = 0;
    for r in &all {
        match r {
            BulkRecord::OfflineConversion(o) => {
                let c = &o.conversion;
                assert_eq!(c.conversion_name, Nillable::Value("Store purchase".into()));
                assert_eq!(
                    c.microsoft_click_id,
                    Nillable::Value("f894f652ea334e739002f7167ab8f8e3".into())
                );
                assert_eq!(c.conversion_value, Nillable::Value(12.5));
                let t = c.conversion_time.as_ref().expect("a conversion time");
                assert_eq!(
                    (t.year, t.month, t.day, t.hour, t.minute),
                    (2026, 3, 5, 9, 30)
                );
                assert_eq!(
                    c.external_attribution_model,
                    Nillable::Value("Linear".into())
                );
                assert_eq!(c.external_attribution_credit, Nillable::Value(0.4));
                assert_eq!(o.adjustment_value, Some(10.25));
                assert_eq!(o.adjustment_type.as_deref(), Some("Restate"));
                assert_eq!(o.adjustment_currency_code.as_deref(), Some("USD"));
                let t = o.adjustment_time.as_ref().expect("an adjustment time");
                assert_eq!((t.month, t.day, t.hour), (3, 6, 10));
                seen += 1;
            }
            BulkRecord::OnlineConversionAdjustment(o) => {
                let a = &o.adjustment;
                assert_eq!(a.transaction_id, Nillable::Value("order-1001".into()));
                assert_eq!(a.adjustment_type, Nillable::Value("Retract".into()));
                assert_eq!(a.adjustment_value, Nillable::Value(0.0));
                assert_eq!(a.adjustment_currency_code, Nillable::Value("EUR".into()));
                let t = a.adjustment_time.as_ref().expect("an adjustment time");
                assert_eq!((t.hour, t.minute, t.second), (23, 59, 59));
                seen += 1;
            }
            BulkRecord::CompanyList(l) => {
                assert_eq!(l.list.id, Nillable::Value(501));
                assert_eq!(l.list.name, Nillable::Value("Outdoor retailers".into()));
                assert_eq!(
                    (l.account_id, l.audience_size, l.status.as_deref()),
                    (Some(149000), Some(25000), Some("Active"))
                );
                seen += 1;
            }
            BulkRecord::CompanyItem(i) => {
                assert_eq!(i.company.name, Nillable::Value("Contoso, Ltd.".into()));
                assert_eq!(i.company_list_id, Some(501));
                seen += 1;
            }
            BulkRecord::Topic(t) => {
                assert_eq!(
                    (t.id, t.parent_id, t.topic_parent_id, t.name.as_deref()),
                    (Some(701), Some(149000), Some(700), Some("Hiking"))
                );
                seen += 1;
            }
            BulkRecord::ContentPlacement(p) => {
                assert_eq!((p.id, p.name.as_deref()), (Some(801), Some("contoso.com")));
                seen += 1;
            }
            BulkRecord::AdCustomizerAttribute(a) => {
                assert_eq!(a.name.as_deref(), Some("discount"));
                assert_eq!(a.value.as_deref(), Some("20%"));
                assert_eq!(a.data_type.as_deref(), Some("Percent"));
                seen += 1;
            }
            BulkRecord::CampaignAdCustomizerAttribute(a) => {
                assert_eq!((a.parent_id, a.value.as_deref()), (Some(111), Some("15%")));
                seen += 1;
            }
            BulkRecord::AdGroupAdCustomizerAttribute(a) => {
                assert_eq!((a.parent_id, a.value.as_deref()), (Some(222), Some("15%")));
                seen += 1;
            }
            BulkRecord::KeywordAdCustomizerAttribute(a) => {
                assert_eq!((a.id, a.parent_id), (Some(901), Some(333)));
                seen += 1;
            }
            BulkRecord::AiPromptAudience(a) => {
                assert_eq!(
                    a.audience.as_deref(),
                    Some("People planning a \"hiking\" trip, with kids")
                );
                assert_eq!(
                    (a.scope.as_deref(), a.account_id),
                    (Some("Account"), Some(149000))
                );
                seen += 1;
            }
            _ => {}
        }
    }
    assert_eq!(seen, 11);
}
