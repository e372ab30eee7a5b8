//! Performance Max, feed, goal, list, product, hotel, experiment and media records against
//! files written by the official Python SDK (`tests/fixtures/bulk/sdk_pmax_*`, CSV and TSV;
//! see the fixtures' README and `make_pmax_fixtures.py`): every row typed, values as the SDK
//! wrote them, byte-for-byte rewrites, and the records rebuilt from their typed fields alone
//! written exactly as the SDK wrote them.
#![cfg(feature = "bulk")]

#[cfg(feature = "bulk-json")]
#[path = "support/cells.rs"]
mod cells;

#[path = "support/bulk_io.rs"]
mod bulk_io;

use bulk_io::{records, without_source, write_fresh};
use std::io::Cursor;

use bingads::Nillable;
use bingads::bulk::{BulkFileReader, BulkFileWriter, BulkRecord, FileFormat};
use bingads::v13::campaign_management as cm;

const ASSET_GROUPS_CSV: &[u8] = include_bytes!("fixtures/bulk/sdk_pmax_asset_groups.csv");
const ASSET_GROUPS_TSV: &[u8] = include_bytes!("fixtures/bulk/sdk_pmax_asset_groups.tsv");

const MEDIA_FEEDS_CSV: &[u8] = include_bytes!("fixtures/bulk/sdk_pmax_media_feeds.csv");
const MEDIA_FEEDS_TSV: &[u8] = include_bytes!("fixtures/bulk/sdk_pmax_media_feeds.tsv");
const GOALS_CSV: &[u8] = include_bytes!("fixtures/bulk/sdk_pmax_goals.csv");
const GOALS_TSV: &[u8] = include_bytes!("fixtures/bulk/sdk_pmax_goals.tsv");
const LISTS_CSV: &[u8] = include_bytes!("fixtures/bulk/sdk_pmax_lists.csv");
const LISTS_TSV: &[u8] = include_bytes!("fixtures/bulk/sdk_pmax_lists.tsv");
const CALENDAR_CSV: &[u8] = include_bytes!("fixtures/bulk/sdk_pmax_calendar.csv");
const CALENDAR_TSV: &[u8] = include_bytes!("fixtures/bulk/sdk_pmax_calendar.tsv");

const FIXTURES: &[(&[u8], FileFormat)] = &[
    (ASSET_GROUPS_CSV, FileFormat::Csv),
    (ASSET_GROUPS_TSV, FileFormat::Tsv),
    (MEDIA_FEEDS_CSV, FileFormat::Csv),
    (MEDIA_FEEDS_TSV, FileFormat::Tsv),
    (GOALS_CSV, FileFormat::Csv),
    (GOALS_TSV, FileFormat::Tsv),
    (LISTS_CSV, FileFormat::Csv),
    (LISTS_TSV, FileFormat::Tsv),
    (CALENDAR_CSV, FileFormat::Csv),
    (CALENDAR_TSV, FileFormat::Tsv),
];

#[test]
fn every_sdk_row_is_typed() {
    // Asset groups: format version + 2 asset groups, 3 listing groups, 2 search themes, a
    // URL target, an audience group association and 2 campaign conversion goals. Media and
    // feeds: an image, a video, a feed, 2 feed items, an audience group. Goals: one per kind and a new customer acquisition goal.
    // Lists: 2 placement lists, 3 items, 2 associations, a brand list, item and association,
    // an experiment, and per account negative keyword list kind a list, association, 2 keywords.
    for (bytes, expected) in [
        (ASSET_GROUPS_CSV, 12),
        (ASSET_GROUPS_TSV, 12),
        (MEDIA_FEEDS_CSV, 7),
        (MEDIA_FEEDS_TSV, 7),
        (GOALS_CSV, 12),
        (GOALS_TSV, 12),
        (LISTS_CSV, 20),
        (LISTS_TSV, 20),
        (CALENDAR_CSV, 3),
        (CALENDAR_TSV, 3),
    ] {
        let all = records(bytes);
        assert_eq!(all.len(), expected);
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
    let g = bingads::bulk::BulkAssetGroup {
        campaign_id: Some(1100),
        asset_group: cm::AssetGroup {
            id: Nillable::Value(1500),
            status: Nillable::Value(cm::AssetGroupStatus::Active),
            editorial_status: Nillable::Value(cm::AssetGroupEditorialStatus::ActiveLimited),
            ..Default::default()
        },
        ..Default::default()
    };
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
        let delimiter = if format == FileFormat::Tsv {
            b'\t'
        } else {
            b','
        };
        cells::assert_same_cells(&writer.finish().unwrap(), bytes, delimiter);
    }
}

#[test]
fn media_feed_and_audience_group_values_are_read_as_the_sdk_wrote_them() {
    let all = records(MEDIA_FEEDS_CSV);
    let BulkRecord::Image(img) = &all[1] else {
        panic!("{}", all[1].record_type())
    };
    assert_eq!((img.id, img.account_id), (Some(-1000), Some(149876543)));
    assert_eq!((img.width, img.height), (Some(1200), Some(628)));
    assert_eq!(img.text.as_deref(), Some("A tent, \"lit\" at night"));
    assert_eq!(img.advertiser_ai_label.as_deref(), Some("AIGenerated"));

    let BulkRecord::Video(v) = &all[2] else {
        panic!("{}", all[2].record_type())
    };
    assert_eq!(v.video.id, Nillable::Value(-1100));
    assert_eq!(v.video.duration_in_milliseconds, Nillable::Value(30000));
    assert_eq!(
        v.video.aspect_ratio.value().map(String::as_str),
        Some("16:9")
    );
    assert_eq!(v.system_ai_detection_signal.as_deref(), Some("None"));

    let BulkRecord::Feed(f) = &all[3] else {
        panic!("{}", all[3].record_type())
    };
    assert_eq!(f.name.as_deref(), Some("Page feed, summer"));
    assert_eq!(f.sub_type.as_deref(), Some("PageFeed"));
    assert!(
        f.custom_attributes
            .as_deref()
            .unwrap_or("")
            .starts_with("[{\"feedAttributeType\"")
    );

    let BulkRecord::FeedItem(item) = &all[4] else {
        panic!("{}", all[4].record_type())
    };
    assert_eq!((item.id, item.feed_id), (Some(-1300), Some(-1200)));
    assert_eq!(item.device_preference, Nillable::Value(30001));
    let start = item.start_date.value().expect("start");
    assert_eq!(
        (start.year, start.month, start.day, start.hour),
        (2026, 3, 5, 0)
    );
    let end = item.end_date.value().expect("end");
    assert_eq!((end.month, end.day, end.hour, end.minute), (12, 31, 23, 59));
    let schedule = item.scheduling.value().expect("schedule");
    let ranges = schedule.day_time_ranges.value().expect("ranges");
    assert_eq!(ranges.len(), 1);
    assert_eq!(item.target_ad_group_id, Nillable::Value(2200));
    assert_eq!(item.location_id, Some(190));

    let BulkRecord::AudienceGroup(ag) = &all[6] else {
        panic!("{}", all[6].record_type())
    };
    assert_eq!(ag.audience_group.id, Nillable::Value(-1400));
    assert_eq!(ag.audience_ids, Nillable::Value(vec![4321, i64::MAX]));
    assert_eq!(
        ag.gender_types,
        Nillable::Value(vec![
            Some("Female".to_string()),
            Some("Male".to_string()),
            Some("Unknown".to_string())
        ])
    );
    assert_eq!(
        ag.audience_group.name.value().map(String::as_str),
        Some("Campers; 25-49")
    );
}

#[test]
fn goal_values_are_read_as_the_sdk_wrote_them() {
    let all = records(GOALS_CSV);
    let BulkRecord::EventGoal(e) = &all[1] else {
        panic!("{}", all[1].record_type())
    };
    let g = &e.goal;
    assert_eq!(g.id, Nillable::Value(-1500));
    assert_eq!(g.status, Nillable::Value(cm::ConversionGoalStatus::Active));
    assert_eq!(g.conversion_window_in_minutes, Nillable::Value(43200));
    assert_eq!(g.tag_id, Nillable::Value(5550123));
    assert_eq!(g.exclude_from_bidding, Nillable::Value(false));
    assert_eq!(g.is_enhanced_conversions_enabled, Nillable::Value(true));
    assert_eq!(
        g.view_through_conversion_window_in_minutes,
        Nillable::Value(1440)
    );
    let revenue = g.revenue.value().expect("revenue");
    assert_eq!(
        revenue.type_,
        Nillable::Value(cm::ConversionGoalRevenueType::FixedValue)
    );
    assert_eq!(
        revenue.currency_code.value().map(String::as_str),
        Some("USD")
    );
    assert_eq!(revenue.value.value().map(|d| d.as_str()), Some("12.50"));
    assert_eq!(
        g.category_operator,
        Nillable::Value(cm::ExpressionOperator::Equals)
    );
    assert_eq!(g.value.value().map(|d| d.as_str()), Some("25.50"));
    assert_eq!(
        g.value_operator,
        Nillable::Value(cm::ValueOperator::GreaterThan)
    );

    let BulkRecord::UrlGoal(u) = &all[2] else {
        panic!("{}", all[2].record_type())
    };
    assert_eq!(
        u.goal.url_operator,
        Nillable::Value(cm::ExpressionOperator::Contains)
    );
    let BulkRecord::DurationGoal(d) = &all[3] else {
        panic!("{}", all[3].record_type())
    };
    assert_eq!(d.goal.minimum_duration_in_seconds, Nillable::Value(300));
    let BulkRecord::AppDownloadGoal(a) = &all[6] else {
        panic!("{}", all[6].record_type())
    };
    assert_eq!(
        a.goal.app_store_id.value().map(String::as_str),
        Some("id123456789")
    );
    let BulkRecord::ProductGoal(p) = &all[10] else {
        panic!("{}", all[10].record_type())
    };
    assert_eq!(
        p.goal.name.value().map(String::as_str),
        Some("Product purchases")
    );
    let BulkRecord::NewCustomerAcquisitionGoal(n) = &all[11] else {
        panic!("{}", all[11].record_type())
    };
    assert_eq!(n.goal.id, Nillable::Value(1510));
    assert_eq!(n.target.as_deref(), Some("PurchasersAndEngagedAudiences"));
    assert_eq!(
        n.goal.additional_value.value().map(|d| d.as_str()),
        Some("15.75")
    );
}

#[test]
fn list_values_are_read_as_the_sdk_wrote_them() {
    let all = records(LISTS_CSV);
    let BulkRecord::AccountPlacementExclusionList(l) = &all[1] else {
        panic!("{}", all[1].record_type())
    };
    assert_eq!(l.list.id, Nillable::Value(-1600));
    assert_eq!(
        l.list.name.value().map(String::as_str),
        Some("Blocked, \"news\"")
    );
    let BulkRecord::AccountPlacementExclusionListItem(item) = &all[4] else {
        panic!("{}", all[4].record_type())
    };
    assert_eq!(item.list_id, Some(-1600));
    assert_eq!(
        item.site.url.value().map(String::as_str),
        Some("https://blog.example/a;b")
    );
    let BulkRecord::AccountPlacementInclusionListItem(inc) = &all[5] else {
        panic!("{}", all[5].record_type())
    };
    assert_eq!(inc.status.as_deref(), Some("Deleted"));
    assert_eq!(inc.site.id, Nillable::Value(1620));
    let BulkRecord::CampaignPlacementInclusionListAssociation(a) = &all[7] else {
        panic!("{}", all[7].record_type())
    };
    assert_eq!(
        (a.association.shared_entity_id, a.association.entity_id),
        (-1601, -100)
    );
    let BulkRecord::BrandItem(bi) = &all[9] else {
        panic!("{}", all[9].record_type())
    };
    assert_eq!(bi.item.brand_id, Some(987654));
    assert_eq!(bi.brand_list_id, Some(-1700));
    let date = bi.editorial_status_date.value().expect("date");
    assert_eq!(
        (
            date.year,
            date.month,
            date.day,
            date.hour,
            date.minute,
            date.second
        ),
        (2025, 11, 23, 3, 15, 27)
    );
    let BulkRecord::CampaignBrandListAssociation(ba) = &all[10] else {
        panic!("{}", all[10].record_type())
    };
    assert_eq!(
        (ba.id, ba.campaign_id, ba.is_excluded),
        (Some(-1700), Some(-100), Some(true))
    );
    let BulkRecord::Experiment(ex) = &all[11] else {
        panic!("{}", all[11].record_type())
    };
    let e = &ex.experiment;
    assert_eq!(e.id, Nillable::Value(-1800));
    assert_eq!(
        e.experiment_status.value().map(String::as_str),
        Some("Active")
    );
    assert_eq!(e.traffic_split_percent, Nillable::Value(50));
    assert_eq!(
        (e.base_campaign_id, e.experiment_campaign_id),
        (Nillable::Value(2100), Nillable::Value(2101))
    );
    let end = e.end_date.value().expect("end date");
    assert_eq!((end.month, end.day, end.year), (4, 30, 2026));
    let BulkRecord::AccountSharedNegativeKeyword(k) = &all[15] else {
        panic!("{}", all[15].record_type())
    };
    assert_eq!(k.list_id, Some(-1900));
    assert_eq!(
        k.negative_keyword.match_type,
        Nillable::Value(cm::MatchType::Exact)
    );
    let BulkRecord::AccountContentNegativeKeywordListAssociation(a) = &all[17] else {
        panic!("{}", all[17].record_type())
    };
    assert_eq!(
        (a.association.shared_entity_id, a.association.entity_id),
        (-1910, 149876543)
    );
}

#[test]
fn calendar_values_are_read_as_the_sdk_wrote_them() {
    let all = records(CALENDAR_CSV);
    let BulkRecord::DataExclusion(d) = &all[1] else {
        panic!("{}", all[1].record_type())
    };
    let e = &d.exclusion;
    assert_eq!(e.id, Nillable::Value(-2000));
    let end = e.end_date.value().expect("end");
    assert_eq!(
        (end.year, end.month, end.day, end.hour, end.minute),
        (2026, 11, 28, 23, 59)
    );
    let types = e.campaign_type_filter.value().expect("campaign types");
    assert_eq!(
        types.0,
        vec![cm::CampaignType::Search, cm::CampaignType::Shopping]
    );
    let devices = e.device_type_filter.value().expect("device types");
    assert_eq!(devices.0.len(), 2);
    let campaigns: Vec<_> = e
        .campaign_associations
        .value()
        .expect("campaigns")
        .iter()
        .flatten()
        .map(|a| a.campaign_id)
        .collect();
    assert_eq!(campaigns, vec![Some(2100), Some(2101)]);
    let BulkRecord::SeasonalityAdjustment(s) = &all[2] else {
        panic!("{}", all[2].record_type())
    };
    assert_eq!(s.adjustment.adjustment_percentage, Nillable::Value(25.5));
    assert_eq!(
        s.adjustment.name.value().map(String::as_str),
        Some("Black Friday, \"doorbusters\"")
    );
}
