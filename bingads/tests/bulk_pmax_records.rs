//! Performance Max, feed, goal, list, product, hotel, experiment and media records against
//! files written by the official Python SDK (`tests/fixtures/bulk/sdk_pmax_*`, CSV and TSV;
//! see the fixtures' README and `make_pmax_fixtures.py`): every row typed, values as the SDK
//! wrote them, byte-for-byte rewrites, and the records rebuilt from their typed fields alone
//! written exactly as the SDK wrote them.
#![cfg(feature = "bulk")]

use std::io::Cursor;

use bingads::Nillable;
use bingads::bulk::{BulkFileReader, BulkFileWriter, BulkRecord, FileFormat};
use bingads::v13::campaign_management as cm;

const ASSET_GROUPS_CSV: &[u8] = include_bytes!("fixtures/bulk/sdk_pmax_asset_groups.csv");
const ASSET_GROUPS_TSV: &[u8] = include_bytes!("fixtures/bulk/sdk_pmax_asset_groups.tsv");

const FIXTURES: &[(&[u8], FileFormat)] = &[
    (ASSET_GROUPS_CSV, FileFormat::Csv),
    (ASSET_GROUPS_TSV, FileFormat::Tsv),
];

fn records(bytes: &[u8]) -> Vec<BulkRecord> {
    BulkFileReader::new(Cursor::new(bytes.to_vec()))
        .expect("reader")
        .collect::<Result<_, _>>()
        .expect("records")
}

fn write_fresh(records: &[BulkRecord], format: FileFormat) -> Vec<u8> {
    let mut w = BulkFileWriter::new(Vec::new(), format).expect("writer");
    for r in records {
        w.write(r).expect("write");
    }
    w.finish().expect("finish")
}

/// The record with its source row dropped: only its typed fields are written.
fn without_source(record: &BulkRecord) -> BulkRecord {
    let mut r = record.clone();
    match &mut r {
        BulkRecord::AssetGroup(x) => x.source = None,
        BulkRecord::AssetGroupListingGroup(x) => x.source = None,
        BulkRecord::AssetGroupSearchTheme(x) => x.source = None,
        BulkRecord::AssetGroupUrlTarget(x) => x.source = None,
        BulkRecord::AudienceGroupAssetGroupAssociation(x) => x.source = None,
        BulkRecord::CampaignConversionGoal(x) => x.source = None,
        BulkRecord::FormatVersion(_) => {}
        other => panic!(
            "{} is not a record type of these fixtures",
            other.record_type()
        ),
    }
    r
}

#[test]
fn every_sdk_row_is_typed() {
    for (bytes, _) in FIXTURES {
        let all = records(bytes);
        // Format version + 2 asset groups, 3 listing groups, 2 search themes, a URL target,
        // an audience group association and 2 campaign conversion goals.
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
fn asset_group_values_are_read_as_the_sdk_wrote_them() {
    let all = records(ASSET_GROUPS_CSV);
    let BulkRecord::AssetGroup(g) = &all[1] else {
        panic!("{}", all[1].record_type())
    };
    let ag = &g.asset_group;
    assert_eq!(ag.id, Nillable::Value(-500));
    assert_eq!(ag.status, Nillable::Value(cm::AssetGroupStatus::Paused));
    assert_eq!(g.campaign_id, Some(-100));
    assert_eq!(g.campaign_name.as_deref(), Some("Contoso PMax"));
    assert_eq!(
        ag.name.value().map(String::as_str),
        Some("Tents, \"summer\"")
    );
    let start = ag.start_date.value().expect("start date");
    assert_eq!((start.month, start.day, start.year), (3, 5, 2026));
    assert_eq!(
        ag.call_to_action,
        Nillable::Value(cm::CallToAction::ShopNow)
    );
    assert_eq!(
        ag.final_urls,
        Nillable::Value(vec![Some("https://www.contoso.com/tents".to_string())])
    );
    let params = ag.url_custom_parameters.value().expect("custom parameters");
    let params = params.parameters.value().expect("parameters");
    assert_eq!(params.len(), 1);

    let BulkRecord::AssetGroup(u) = &all[2] else {
        panic!("{}", all[2].record_type())
    };
    assert_eq!(
        u.asset_group.editorial_status,
        Nillable::Value(cm::AssetGroupEditorialStatus::ActiveLimited)
    );

    let BulkRecord::AssetGroupListingGroup(lg) = &all[4] else {
        panic!("{}", all[4].record_type())
    };
    let l = &lg.listing_group;
    assert_eq!(l.id, Nillable::Value(-601));
    assert_eq!(l.asset_group_id, Some(-500));
    assert_eq!(l.parent_listing_group_id, Nillable::Value(-600));
    assert_eq!(l.is_excluded, Some(false));
    assert_eq!(
        l.asset_group_listing_type,
        Some(cm::AssetGroupListingType::Unit)
    );
    let dim = l.dimension.value().expect("dimension");
    assert_eq!(dim.operand.value().map(String::as_str), Some("Brand"));
    assert_eq!(dim.attribute.value().map(String::as_str), Some("Contoso"));
    assert_eq!(lg.asset_group_name.as_deref(), Some("Tents, \"summer\""));

    let BulkRecord::AssetGroupSearchTheme(st) = &all[7] else {
        panic!("{}", all[7].record_type())
    };
    assert_eq!(st.search_theme.id, Nillable::Value(701));
    assert_eq!(st.asset_group_id, Some(-500));
    assert_eq!(
        st.search_theme.search_theme.value().map(String::as_str),
        Some("tents; \"ultralight\"")
    );

    let BulkRecord::AssetGroupUrlTarget(t) = &all[8] else {
        panic!("{}", all[8].record_type())
    };
    assert_eq!(t.url_target.id, Nillable::Value(-800));
    assert_eq!(t.url_target.status, Some(cm::GenericEntityStatus::Active));
    assert_eq!(
        t.url_target
            .target_condition_operator2
            .value()
            .map(String::as_str),
        Some("BeginsWith")
    );
    assert_eq!(
        t.url_target.target_value2.value().map(String::as_str),
        Some("https://www.contoso.com/")
    );
    assert_eq!(t.url_target.target_value3, Nillable::Absent);

    let BulkRecord::AudienceGroupAssetGroupAssociation(a) = &all[9] else {
        panic!("{}", all[9].record_type())
    };
    assert_eq!(
        (
            a.association.audience_group_id,
            a.association.asset_group_id
        ),
        (900, -500)
    );
    assert_eq!(a.status.as_deref(), Some("Active"));

    let BulkRecord::CampaignConversionGoal(cg) = &all[11] else {
        panic!("{}", all[11].record_type())
    };
    assert_eq!(
        (cg.goal.campaign_id, cg.goal.goal_id),
        (Some(-100), Some(654321))
    );
    assert_eq!(cg.action_type.as_deref(), Some("Delete"));
    assert_eq!(cg.sub_type, None);
}

#[test]
fn an_asset_group_built_in_rust_is_written_as_the_sdk_writes_it() {
    let mut g = bingads::bulk::BulkAssetGroup::default();
    g.campaign_id = Some(1100);
    g.asset_group.id = Nillable::Value(1500);
    g.asset_group.status = Nillable::Value(cm::AssetGroupStatus::Active);
    g.asset_group.editorial_status = Nillable::Value(cm::AssetGroupEditorialStatus::ActiveLimited);
    let sdk = records(ASSET_GROUPS_CSV);
    let written = write_fresh(
        &[sdk[0].clone(), BulkRecord::AssetGroup(g)],
        FileFormat::Csv,
    );
    let expected = write_fresh(&[sdk[0].clone(), without_source(&sdk[2])], FileFormat::Csv);
    assert_eq!(written, expected);
}

#[cfg(feature = "bulk-json")]
#[test]
fn json_lines_are_typed_and_write_back_to_the_same_rows() {
    for &(bytes, format) in FIXTURES {
        let mut writer = BulkFileWriter::new(Vec::new(), format).unwrap();
        for (i, r) in records(bytes).iter().enumerate() {
            let json = r.to_json();
            assert!(!json.contains("\"Untyped\""), "{json}");
            let back = BulkRecord::from_json(&json, i as u64 + 1).unwrap();
            writer.write(&back).unwrap();
        }
        assert_eq!(writer.finish().unwrap(), bytes, "{format:?}");
    }
}
