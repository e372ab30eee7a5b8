//! Typed ad extensions, their associations and target criterions against files written by
//! the official Python SDK (`tests/fixtures/bulk/sdk_ad_extensions`,
//! `sdk_extension_associations` and `sdk_target_criterions`, CSV and TSV; see the fixtures'
//! README):
//! every row typed, values as the SDK wrote them, byte-for-byte rewrites, and the same records
//! built in Rust written exactly as the SDK writes them.
#![cfg(feature = "bulk")]

#[path = "support/bulk_io.rs"]
mod bulk_io;

use bulk_io::{records, write_fresh};
use std::io::Cursor;

use bingads::Nillable;
use bingads::bulk::{
    BulkAccountCalloutAdExtension, BulkAdGroupSitelinkAdExtension, BulkCalloutAdExtension,
    BulkCampaignCallAdExtension, BulkCampaignGenderCriterion, BulkFileReader, BulkFileWriter,
    BulkRecord, FileFormat,
};
use bingads::v13::campaign_management::{
    self as cm, AdExtensionIdToEntityIdAssociation, CalloutAdExtension, Day, DayTime, Minute,
    Schedule,
};

const ASSOCIATIONS_CSV: &[u8] = include_bytes!("fixtures/bulk/sdk_extension_associations.csv");
const ASSOCIATIONS_TSV: &[u8] = include_bytes!("fixtures/bulk/sdk_extension_associations.tsv");
const EXTENSIONS_CSV: &[u8] = include_bytes!("fixtures/bulk/sdk_ad_extensions.csv");
const EXTENSIONS_TSV: &[u8] = include_bytes!("fixtures/bulk/sdk_ad_extensions.tsv");
const CRITERIONS_CSV: &[u8] = include_bytes!("fixtures/bulk/sdk_target_criterions.csv");
const CRITERIONS_TSV: &[u8] = include_bytes!("fixtures/bulk/sdk_target_criterions.tsv");

#[test]
fn every_sdk_association_row_is_typed() {
    let all = records(ASSOCIATIONS_CSV);
    // Format version + 13 account + 15 campaign + 12 ad group associations.
    assert_eq!(all.len(), 41);
    for r in &all[1..] {
        assert!(
            !matches!(r, BulkRecord::Untyped(_)),
            "{} is untyped",
            r.record_type()
        );
        assert!(r.record_type().ends_with(" Ad Extension"));
    }
    let BulkRecord::AccountCalloutAdExtension(a) = &all[8] else {
        panic!("{}", all[8].record_type())
    };
    assert_eq!(a.association.ad_extension_id, -1003);
    assert_eq!(a.association.entity_id, 149876543);
    assert_eq!(a.status.as_deref(), Some("Deleted"));
    assert_eq!(a.editorial_status.as_deref(), Some("Active"));
    let BulkRecord::CampaignCallAdExtension(c) = &all[7] else {
        panic!("{}", all[7].record_type())
    };
    assert_eq!(
        (c.association.ad_extension_id, c.association.entity_id),
        (-1002, -100)
    );
    assert_eq!(c.status.as_deref(), Some("Active"));
    assert_eq!(c.editorial_status, None);
}

#[test]
fn sdk_files_rewrite_byte_for_byte() {
    for (bytes, format) in [
        (ASSOCIATIONS_CSV, FileFormat::Csv),
        (ASSOCIATIONS_TSV, FileFormat::Tsv),
        (EXTENSIONS_CSV, FileFormat::Csv),
        (EXTENSIONS_TSV, FileFormat::Tsv),
        (CRITERIONS_CSV, FileFormat::Csv),
        (CRITERIONS_TSV, FileFormat::Tsv),
    ] {
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

/// Every record read from the SDK file, rebuilt from its typed fields alone (no source
/// row), is written as the SDK wrote it.
#[test]
fn associations_built_in_rust_are_written_as_the_sdk_writes_them() {
    let mut rebuilt = Vec::new();
    for r in records(ASSOCIATIONS_CSV) {
        rebuilt.push(match r {
            BulkRecord::AccountCalloutAdExtension(mut a) => {
                a.source = None;
                BulkRecord::AccountCalloutAdExtension(a)
            }
            BulkRecord::CampaignCallAdExtension(mut a) => {
                a.source = None;
                BulkRecord::CampaignCallAdExtension(a)
            }
            other => other,
        });
    }
    // And two built from scratch, replacing what was read.
    let callout = rebuilt
        .iter()
        .position(|r| r.record_type() == "Account Callout Ad Extension")
        .unwrap();
    rebuilt[callout] = BulkRecord::AccountCalloutAdExtension(BulkAccountCalloutAdExtension {
        association: AdExtensionIdToEntityIdAssociation {
            ad_extension_id: -1003,
            entity_id: 149876543,
        },
        status: Some("Deleted".into()),
        editorial_status: Some("Active".into()),
        ..Default::default()
    });
    let call = rebuilt
        .iter()
        .position(|r| r.record_type() == "Campaign Call Ad Extension")
        .unwrap();
    rebuilt[call] = BulkRecord::CampaignCallAdExtension(BulkCampaignCallAdExtension {
        association: AdExtensionIdToEntityIdAssociation {
            ad_extension_id: -1002,
            entity_id: -100,
        },
        status: Some("Active".into()),
        ..Default::default()
    });
    assert_eq!(write_fresh(&rebuilt, FileFormat::Csv), ASSOCIATIONS_CSV);
}

#[test]
fn a_changed_association_writes_its_names_and_keeps_the_rest() {
    let mut all = records(ASSOCIATIONS_CSV);
    let at = all
        .iter()
        .position(|r| r.record_type() == "Ad Group Sitelink Ad Extension")
        .unwrap();
    let BulkRecord::AdGroupSitelinkAdExtension(s) = &mut all[at] else {
        panic!()
    };
    s.campaign_name = Some("Contoso, \"Outdoor\"".into());
    s.ad_group_name = Some("Backpacks".into());
    s.status = Some("Deleted".into());
    let bytes = write_fresh(&all, FileFormat::Csv);
    let again = records(&bytes);
    let BulkRecord::AdGroupSitelinkAdExtension(back) = &again[at] else {
        panic!()
    };
    let expected: &BulkAdGroupSitelinkAdExtension = match &all[at] {
        BulkRecord::AdGroupSitelinkAdExtension(s) => s,
        _ => unreachable!(),
    };
    assert_eq!(back.campaign_name, expected.campaign_name);
    assert_eq!(back.ad_group_name, expected.ad_group_name);
    assert_eq!(back.status.as_deref(), Some("Deleted"));
    assert_eq!(back.association, expected.association);
    // Only that row changed.
    let (a, b) = (
        std::str::from_utf8(ASSOCIATIONS_CSV).unwrap(),
        std::str::from_utf8(&bytes).unwrap(),
    );
    let changed = a.lines().zip(b.lines()).filter(|(x, y)| x != y).count();
    assert_eq!(changed, 1);
}

#[test]
fn sdk_ad_extensions_read_as_typed_records() {
    let all = records(EXTENSIONS_CSV);
    let types: Vec<_> = all.iter().skip(1).map(BulkRecord::record_type).collect();
    assert_eq!(
        types,
        [
            "Callout Ad Extension",
            "Callout Ad Extension",
            "Structured Snippet Ad Extension",
            "Sitelink Ad Extension",
            "Call Ad Extension",
            "Review Ad Extension",
            "App Ad Extension",
            "Action Ad Extension",
            "Disclaimer Ad Extension",
            "Video Ad Extension",
            "Filter Link Ad Extension",
            "Promotion Ad Extension",
            "Flyer Ad Extension",
        ]
    );
    assert!(all.iter().all(|r| !matches!(r, BulkRecord::Untyped(_))));
    let BulkRecord::CalloutAdExtension(c) = &all[2] else {
        panic!()
    };
    assert_eq!(c.account_id, Some(149876543));
    assert_eq!(c.extension.text, Nillable::Value("Open weekends".into()));
    assert_eq!(c.extension.device_preference, Nillable::Value(30001));
    let Nillable::Value(s) = &c.extension.scheduling else {
        panic!("no schedule")
    };
    assert_eq!(s.use_searcher_time_zone, Nillable::Value(true));
    assert_eq!(
        s.start_date,
        Nillable::Value(cm::Date {
            day: 5,
            month: 3,
            year: 2026
        })
    );
    let Nillable::Value(ranges) = &s.day_time_ranges else {
        panic!()
    };
    assert_eq!(ranges.len(), 2);
    assert_eq!(
        ranges[1],
        Some(DayTime {
            day: Day::Saturday,
            start_hour: 10,
            start_minute: Minute::Fifteen,
            end_hour: 14,
            end_minute: Minute::FortyFive,
        })
    );
    let BulkRecord::StructuredSnippetAdExtension(ss) = &all[3] else {
        panic!()
    };
    assert_eq!(
        ss.extension.values,
        Nillable::Value(vec![
            Some("Contoso".into()),
            Some("Fabrikam".into()),
            Some("Tailspin".into())
        ])
    );
    let BulkRecord::CallAdExtension(call) = &all[5] else {
        panic!()
    };
    assert_eq!(
        call.extension.is_call_tracking_enabled,
        Nillable::Value(true)
    );
    assert_eq!(call.extension.is_call_only, Nillable::Value(false));
    let BulkRecord::ActionAdExtension(action) = &all[8] else {
        panic!()
    };
    assert_eq!(
        action.extension.action_type,
        cm::ActionAdExtensionActionType::BookNow
    );
    assert_eq!(action.action_text.as_deref(), Some("Book a trip"));
    let BulkRecord::VideoAdExtension(video) = &all[10] else {
        panic!()
    };
    assert_eq!(video.extension.video_id, Nillable::Value(654321));
    let BulkRecord::FilterLinkAdExtension(filter) = &all[11] else {
        panic!()
    };
    assert_eq!(
        filter.extension.ad_extension_header_type,
        Nillable::Value(cm::AdExtensionHeaderType::Brands)
    );
    let BulkRecord::PromotionAdExtension(promotion) = &all[12] else {
        panic!()
    };
    assert_eq!(promotion.extension.money_amount_off, Nillable::Value(10.0));
    assert_eq!(
        promotion.extension.orders_over_amount,
        Nillable::Value(100.5)
    );
    assert_eq!(
        promotion.extension.promotion_occasion,
        Nillable::Value(cm::PromotionOccasion::BlackFriday)
    );
    assert_eq!(
        promotion.extension.promotion_start_date,
        Nillable::Value(cm::Date {
            day: 20,
            month: 11,
            year: 2026
        })
    );
    let BulkRecord::FlyerAdExtension(flyer) = &all[13] else {
        panic!()
    };
    assert_eq!(
        flyer.extension.image_media_ids,
        Nillable::Value(vec![111, 222])
    );
    assert_eq!(flyer.extension.store_id, Nillable::Value(7788));
}

/// The scheduled callout built in Rust is written exactly as the SDK wrote it.
#[test]
fn a_scheduled_callout_built_in_rust_is_written_as_the_sdk_writes_it() {
    let mut all = records(EXTENSIONS_CSV);
    all[2] = BulkRecord::CalloutAdExtension(BulkCalloutAdExtension {
        account_id: Some(149876543),
        extension: CalloutAdExtension {
            id: Nillable::Value(-1002),
            status: Nillable::Value(cm::AdExtensionStatus::Active),
            device_preference: Nillable::Value(30001),
            text: Nillable::Value("Open weekends".into()),
            scheduling: Nillable::Value(Schedule {
                start_date: Nillable::Value(cm::Date {
                    day: 5,
                    month: 3,
                    year: 2026,
                }),
                end_date: Nillable::Value(cm::Date {
                    day: 31,
                    month: 12,
                    year: 2026,
                }),
                use_searcher_time_zone: Nillable::Value(true),
                day_time_ranges: Nillable::Value(vec![
                    Some(DayTime {
                        day: Day::Monday,
                        start_hour: 9,
                        start_minute: Minute::Zero,
                        end_hour: 17,
                        end_minute: Minute::Thirty,
                    }),
                    Some(DayTime {
                        day: Day::Saturday,
                        start_hour: 10,
                        start_minute: Minute::Fifteen,
                        end_hour: 14,
                        end_minute: Minute::FortyFive,
                    }),
                ]),
            }),
            ..Default::default()
        },
        ..Default::default()
    });
    assert_eq!(write_fresh(&all, FileFormat::Csv), EXTENSIONS_CSV);
}

#[test]
fn clearing_a_schedule_part_writes_delete_value() {
    let mut all = records(EXTENSIONS_CSV);
    let BulkRecord::CalloutAdExtension(c) = &mut all[2] else {
        panic!()
    };
    let Nillable::Value(s) = &mut c.extension.scheduling else {
        panic!()
    };
    s.day_time_ranges = Nillable::Nil;
    s.end_date = Nillable::Nil;
    let bytes = write_fresh(&all, FileFormat::Csv);
    let back = records(&bytes);
    let BulkRecord::CalloutAdExtension(c) = &back[2] else {
        panic!()
    };
    let Nillable::Value(s) = &c.extension.scheduling else {
        panic!()
    };
    assert_eq!(s.day_time_ranges, Nillable::Nil);
    assert_eq!(s.end_date, Nillable::Nil);
    assert_eq!(s.use_searcher_time_zone, Nillable::Value(true));
    assert_eq!(
        std::str::from_utf8(&bytes)
            .unwrap()
            .matches("delete_value")
            .count(),
        2
    );
}

/// What `bingads bulk read` prints: every row typed, and the JSON lines written back to the
/// same file.
#[cfg(feature = "bulk-json")]
#[test]
fn json_lines_are_typed_and_write_back_to_the_same_rows() {
    for file in [ASSOCIATIONS_CSV, EXTENSIONS_CSV, CRITERIONS_CSV] {
        let mut writer = BulkFileWriter::new(Vec::new(), FileFormat::Csv).unwrap();
        for (i, r) in records(file).iter().enumerate() {
            let json = r.to_json();
            assert!(!json.contains("\"Untyped\""), "{json}");
            let back = BulkRecord::from_json(&json, i as u64 + 1).unwrap();
            writer.write(&back).unwrap();
        }
        assert_eq!(writer.finish().unwrap(), file);
    }
}

#[test]
fn sdk_target_criterions_read_as_typed_records() {
    let all = records(CRITERIONS_CSV);
    assert_eq!(all.len(), 15);
    assert!(all.iter().all(|r| !matches!(r, BulkRecord::Untyped(_))));
    let BulkRecord::CampaignAgeCriterion(age) = &all[2] else {
        panic!("{}", all[2].record_type())
    };
    assert_eq!(age.criterion.campaign_id, -100);
    assert_eq!(age.criterion.id, Nillable::Value(1234567));
    assert_eq!(age.campaign_name.as_deref(), Some("Contoso Outdoor"));
    assert_eq!(
        age.criterion.status,
        Nillable::Value(cm::CampaignCriterionStatus::Active)
    );
    let Nillable::Value(cm::Criterion::AgeCriterion(c)) = &age.criterion.criterion else {
        panic!("{:?}", age.criterion.criterion)
    };
    assert_eq!(
        c.age_range,
        Nillable::Value(cm::AgeRange::SixtyFiveAndAbove)
    );
    let Nillable::Value(cm::CriterionBid::BidMultiplier(bid)) = &age.criterion.criterion_bid else {
        panic!()
    };
    assert_eq!(bid.multiplier, Some(-90.0));
    let Nillable::Value(cm::CriterionCashback::CashbackAdjustment(cb)) =
        &age.criterion.criterion_cashback
    else {
        panic!()
    };
    assert_eq!(cb.cashback_percent, Nillable::Value(5.5));
    let BulkRecord::AdGroupGenderCriterion(gender) = &all[5] else {
        panic!("{}", all[5].record_type())
    };
    assert_eq!(gender.criterion.ad_group_id, Some(-200));
    assert_eq!(gender.ad_group_name.as_deref(), Some("Backpacks"));
    let Nillable::Value(cm::Criterion::GenderCriterion(g)) = &gender.criterion.criterion else {
        panic!()
    };
    assert_eq!(g.gender_type, Nillable::Value(cm::GenderType::Male));
    let BulkRecord::CampaignDeviceOsCriterion(device) = &all[6] else {
        panic!("{}", all[6].record_type())
    };
    let Nillable::Value(cm::Criterion::DeviceCriterion(d)) = &device.criterion.criterion else {
        panic!()
    };
    assert_eq!(d.device_name, Nillable::Value("Smartphones".into()));
    assert_eq!(d.os_name, Nillable::Value("Android".into()));
    let BulkRecord::AdGroupLocationIntentCriterion(intent) = &all[9] else {
        panic!("{}", all[9].record_type())
    };
    let Nillable::Value(cm::Criterion::LocationIntentCriterion(i)) = &intent.criterion.criterion
    else {
        panic!()
    };
    assert_eq!(i.intent_option, Nillable::Value(cm::IntentOption::PeopleIn));
    let BulkRecord::CampaignNegativeDeviceCriterion(negative) = &all[12] else {
        panic!("{}", all[12].record_type())
    };
    assert_eq!(negative.criterion.campaign_id, -100);
    let Nillable::Value(cm::Criterion::DeviceCriterion(d)) = &negative.criterion.criterion else {
        panic!()
    };
    assert_eq!(d.device_name, Nillable::Value("Computers".into()));
    let BulkRecord::AdGroupNegativeAgeCriterion(negative) = &all[13] else {
        panic!("{}", all[13].record_type())
    };
    assert_eq!(negative.criterion.ad_group_id, Some(-200));
}

/// A criterion built in Rust is written exactly as the SDK wrote it.
#[test]
fn a_criterion_built_in_rust_is_written_as_the_sdk_writes_it() {
    let mut all = records(CRITERIONS_CSV);
    all[3] = BulkRecord::CampaignGenderCriterion(BulkCampaignGenderCriterion {
        campaign_name: Some("Contoso Outdoor".into()),
        criterion: cm::BiddableCampaignCriterion {
            campaign_id: -100,
            status: Nillable::Value(cm::CampaignCriterionStatus::Active),
            criterion: Nillable::Value(cm::Criterion::GenderCriterion(cm::GenderCriterion {
                gender_type: Nillable::Value(cm::GenderType::Female),
                ..Default::default()
            })),
            criterion_bid: Nillable::Value(cm::CriterionBid::BidMultiplier(cm::BidMultiplier {
                multiplier: Some(0.0),
                ..Default::default()
            })),
            ..Default::default()
        },
        ..Default::default()
    });
    assert_eq!(write_fresh(&all, FileFormat::Csv), CRITERIONS_CSV);
}
