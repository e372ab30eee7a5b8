//! Typed bulk records against files written by the official Python SDK
//! (`tests/fixtures/bulk/`, see its README): typed values, byte-for-byte rewrites, and the
//! same records built in Rust written exactly as the SDK writes them.
#![cfg(feature = "bulk")]

#[path = "support/bulk_io.rs"]
mod bulk_io;

use bulk_io::{records, write_fresh};
use std::io::Cursor;

use bingads::bulk::{
    BulkAdGroup, BulkCampaign, BulkFileReader, BulkFileWriter, BulkKeyword, BulkRecord, FileFormat,
};
use bingads::v13::campaign_management::{
    self as cm, Bid, BiddingScheme, CustomParameter, CustomParameters, Keyword, MatchType,
};
use bingads::{Flags, Nillable};

const SDK_CSV: &[u8] = include_bytes!("fixtures/bulk/sdk_entities.csv");
const SDK_TSV: &[u8] = include_bytes!("fixtures/bulk/sdk_entities.tsv");
const MORE_CSV: &[u8] = include_bytes!("fixtures/bulk/sdk_more.csv");
const MORE_TSV: &[u8] = include_bytes!("fixtures/bulk/sdk_more.tsv");

fn keywords(bytes: &[u8]) -> Vec<BulkKeyword> {
    records(bytes)
        .into_iter()
        .filter_map(|r| match r {
            BulkRecord::Keyword(k) => Some(k),
            _ => None,
        })
        .collect()
}

/// Writes records with the official SDK's header, as a new file.
/// Data rows of a file (no header, no version row), as text lines.
fn data_lines(bytes: &[u8]) -> Vec<String> {
    let text = std::str::from_utf8(bytes).expect("utf-8");
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(if text.lines().next().unwrap_or("").contains('\t') {
            b'\t'
        } else {
            b','
        })
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    r.records()
        .skip(2)
        .map(|r| r.unwrap().iter().collect::<Vec<_>>().join("|"))
        .collect()
}

#[test]
fn sdk_files_rewrite_byte_for_byte() {
    for (bytes, format) in [
        (SDK_CSV, FileFormat::Csv),
        (SDK_TSV, FileFormat::Tsv),
        (MORE_CSV, FileFormat::Csv),
        (MORE_TSV, FileFormat::Tsv),
    ] {
        let reader = BulkFileReader::new(Cursor::new(bytes.to_vec())).unwrap();
        assert_eq!(reader.format(), format);
        let mut w =
            BulkFileWriter::with_columns(Vec::new(), format, reader.columns().clone()).unwrap();
        for r in reader {
            w.write(&r.unwrap()).unwrap();
        }
        assert_eq!(w.finish().unwrap(), bytes, "{format:?}");
        // And with the default header (the same 442 columns): also identical.
        assert_eq!(write_fresh(&records(bytes), format), bytes);
    }
}

#[test]
fn sdk_values_read_as_typed_fields() {
    let all = records(SDK_CSV);
    let types: Vec<_> = all.iter().map(BulkRecord::record_type).collect();
    assert_eq!(
        types,
        [
            "Format Version",
            "Account",
            "Budget",
            "Bid Strategy",
            "Campaign",
            "Ad Group",
            "Keyword",
            "Keyword",
            "Keyword"
        ]
    );
    let BulkRecord::Account(a) = &all[1] else {
        panic!()
    };
    assert_eq!((a.id, a.customer_id), (Some(149876543), Some(251234567)));
    assert_eq!(
        a.sync_time
            .map(|t| (t.year, t.month, t.day, t.hour, t.second)),
        Some((2025, 11, 23, 3, 27))
    );
    assert_eq!(
        (
            a.msclkid_auto_tagging_enabled,
            a.include_view_through_conversions
        ),
        (Nillable::Value(true), Nillable::Value(false))
    );
    let BulkRecord::Budget(b) = &all[2] else {
        panic!()
    };
    assert_eq!(b.budget.amount.value().map(|d| d.as_str()), Some("125.50"));
    assert_eq!(
        b.budget.name,
        Nillable::Value("Shared, \"daily\" budget".into())
    );
    assert_eq!(
        b.budget.budget_type,
        Nillable::Value(cm::BudgetLimitType::DailyBudgetStandard)
    );
    let BulkRecord::BidStrategy(s) = &all[3] else {
        panic!()
    };
    let Nillable::Value(BiddingScheme::TargetCpaBiddingScheme(cpa)) =
        &s.bid_strategy.bidding_scheme
    else {
        panic!()
    };
    assert_eq!(cpa.target_cpa, Nillable::Value(12.5));
    assert_eq!(
        cpa.max_cpc,
        Nillable::Value(Bid {
            amount: Nillable::Value(3.0)
        })
    );
    let BulkRecord::Campaign(c) = &all[4] else {
        panic!()
    };
    assert_eq!(
        c.campaign.campaign_type,
        Nillable::Value(Flags(vec![cm::CampaignType::Search]))
    );
    assert_eq!(c.campaign.daily_budget, Nillable::Value(50.0));
    let Nillable::Value(params) = &c.campaign.url_custom_parameters.value().unwrap().parameters
    else {
        panic!()
    };
    assert_eq!(
        params[1].as_ref().unwrap().value,
        Nillable::Value("a;b\\c".into())
    );
    let BulkRecord::AdGroup(g) = &all[5] else {
        panic!()
    };
    assert_eq!(g.ad_group.name, Nillable::Value("Backpacks\nBroad".into()));
    assert_eq!(
        g.ad_group.start_date,
        Nillable::Value(cm::Date {
            day: 5,
            month: 3,
            year: 2026
        })
    );
    assert!(matches!(
        g.ad_group.bidding_scheme,
        Nillable::Value(BiddingScheme::InheritFromParentBiddingScheme(_))
    ));

    let k = keywords(SDK_CSV);
    assert_eq!(
        k[0].keyword.final_urls,
        Nillable::Value(vec![
            Some("https://www.contoso.com/a;b".into()),
            Some("http://contoso.com/2".into())
        ])
    );
    assert_eq!(k[0].ad_group_name.as_deref(), Some("Backpacks\nBroad"));
    // delete_value clears: Nil.
    assert_eq!(k[1].keyword.bid, Nillable::Nil);
    assert_eq!(k[1].keyword.tracking_url_template, Nillable::Nil);
    assert_eq!(
        k[1].keyword.text,
        Nillable::Value("trail \"running\" shoes, men".into())
    );
    assert_eq!(
        k[2].keyword.bid,
        Nillable::Value(Bid {
            amount: Nillable::Value(12.0)
        })
    );
}

/// The records the fixture script builds, built here: written rows equal the SDK's rows.
#[test]
fn records_built_in_rust_are_written_as_the_sdk_writes_them() {
    let keyword = |id: i64| Keyword {
        id: Nillable::Value(id),
        ..Default::default()
    };
    let built = vec![
        BulkRecord::Campaign(BulkCampaign {
            account_id: Some(149876543),
            client_id: Some("campaign-1".into()),
            campaign: cm::Campaign {
                id: Nillable::Value(-100),
                name: Nillable::Value("Contoso Outdoor".into()),
                status: Nillable::Value(cm::CampaignStatus::Paused),
                campaign_type: Nillable::Value(Flags(vec![cm::CampaignType::Search])),
                time_zone: Nillable::Value("PacificTimeUSCanadaTijuana".into()),
                budget_type: Nillable::Value(cm::BudgetLimitType::DailyBudgetStandard),
                daily_budget: Nillable::Value(50.0),
                audience_ads_bid_adjustment: Nillable::Value(10),
                tracking_url_template: Nillable::Value("{lpurl}?cmp={CampaignId}".into()),
                url_custom_parameters: Nillable::Value(CustomParameters {
                    parameters: Nillable::Value(vec![
                        Some(CustomParameter {
                            key: Nillable::Value("season".into()),
                            value: Nillable::Value("summer".into()),
                        }),
                        Some(CustomParameter {
                            key: Nillable::Value("promo".into()),
                            value: Nillable::Value("a;b\\c".into()),
                        }),
                    ]),
                }),
                bidding_scheme: Nillable::Value(BiddingScheme::MaxClicksBiddingScheme(
                    cm::MaxClicksBiddingScheme {
                        max_cpc: Nillable::Value(Bid {
                            amount: Nillable::Value(2.75),
                        }),
                        ..Default::default()
                    },
                )),
                ..Default::default()
            },
            ..Default::default()
        }),
        BulkRecord::AdGroup(BulkAdGroup {
            campaign_id: Some(-100),
            campaign_name: Some("Contoso Outdoor".into()),
            ad_group: cm::AdGroup {
                id: Nillable::Value(-200),
                name: Nillable::Value("Backpacks\nBroad".into()),
                status: Nillable::Value(cm::AdGroupStatus::Active),
                start_date: Nillable::Value(cm::Date {
                    day: 5,
                    month: 3,
                    year: 2026,
                }),
                network: Nillable::Value(cm::Network::OwnedAndOperatedAndSyndicatedSearch),
                cpc_bid: Nillable::Value(Bid {
                    amount: Nillable::Value(0.5),
                }),
                bidding_scheme: Nillable::Value(BiddingScheme::InheritFromParentBiddingScheme(
                    Default::default(),
                )),
                ..Default::default()
            },
            ..Default::default()
        }),
        BulkRecord::Keyword(BulkKeyword {
            ad_group_id: Some(-200),
            campaign_name: Some("Contoso Outdoor".into()),
            ad_group_name: Some("Backpacks\nBroad".into()),
            client_id: Some("client-80927".into()),
            keyword: Keyword {
                status: Nillable::Value(cm::KeywordStatus::Active),
                text: Nillable::Value("kids hiking backpack".into()),
                match_type: Nillable::Value(MatchType::Phrase),
                bid: Nillable::Value(Bid {
                    amount: Nillable::Value(0.41),
                }),
                final_urls: Nillable::Value(vec![
                    Some("https://www.contoso.com/a;b".into()),
                    Some("http://contoso.com/2".into()),
                ]),
                param1: Nillable::Value("10% off".into()),
                ..keyword(-300)
            },
            ..Default::default()
        }),
        BulkRecord::Keyword(BulkKeyword {
            ad_group_id: Some(1100000000001),
            keyword: Keyword {
                bid: Nillable::Nil,
                tracking_url_template: Nillable::Nil,
                final_url_suffix: Nillable::Nil,
                match_type: Nillable::Value(MatchType::Exact),
                text: Nillable::Value("trail \"running\" shoes, men".into()),
                ..keyword(191609573)
            },
            ..Default::default()
        }),
        BulkRecord::Keyword(BulkKeyword {
            ad_group_id: Some(1100000000001),
            keyword: Keyword {
                bid: Nillable::Value(Bid {
                    amount: Nillable::Value(12.0),
                }),
                url_custom_parameters: Nillable::Value(CustomParameters {
                    parameters: Nillable::Value(vec![Some(CustomParameter {
                        key: Nillable::Value("k".into()),
                        value: Nillable::Value("v".into()),
                    })]),
                }),
                bidding_scheme: Nillable::Value(BiddingScheme::InheritFromParentBiddingScheme(
                    Default::default(),
                )),
                ..keyword(191609574)
            },
            ..Default::default()
        }),
    ];
    for (sdk, format) in [(SDK_CSV, FileFormat::Csv), (SDK_TSV, FileFormat::Tsv)] {
        let ours = write_fresh(&built, format);
        let expected: Vec<String> = data_lines(sdk).into_iter().skip(3).collect();
        assert_eq!(data_lines(&ours), expected, "{format:?}");
    }
}

#[test]
fn a_changed_field_is_written_in_the_service_format_and_the_rest_is_kept() {
    let mut all = records(SDK_CSV);
    for r in &mut all {
        if let BulkRecord::Keyword(k) = r {
            if k.keyword.id == Nillable::Value(191609574) {
                k.keyword.bid = Nillable::Value(Bid {
                    amount: Nillable::Value(0.75),
                });
                k.keyword.param2 = Nillable::Nil;
            }
        }
    }
    let out = write_fresh(&all, FileFormat::Csv);
    let before = data_lines(SDK_CSV);
    let after = data_lines(&out);
    assert_eq!(before[..before.len() - 1], after[..after.len() - 1]);
    let changed = after.last().unwrap();
    assert!(changed.contains("|0.75|"), "{changed}");
    assert!(changed.contains("|delete_value|"), "{changed}");
    assert!(changed.contains("{_k}=v"), "{changed}");
}

#[test]
fn ads_negatives_sites_and_labels_read_as_typed_records() {
    use bingads::bulk::*;
    let all = records(MORE_CSV);
    let types: Vec<_> = all.iter().map(BulkRecord::record_type).collect();
    assert_eq!(
        types,
        [
            "Format Version",
            "Expanded Text Ad",
            "Responsive Search Ad",
            "Responsive Ad",
            "Text Ad",
            "App Install Ad",
            "Dynamic Search Ad",
            "Product Ad",
            "Campaign Negative Keyword",
            "Ad Group Negative Keyword",
            "Negative Keyword List",
            "Shared Negative Keyword",
            "Campaign Negative Keyword List Association",
            "Campaign Negative Site",
            "Ad Group Negative Site",
            "Label",
            "Campaign Label",
            "Ad Group Label",
            "Keyword Label",
            "Responsive Search Ad Label",
        ]
    );
    assert!(all.iter().all(|r| !matches!(r, BulkRecord::Untyped(_))));
    let BulkRecord::ExpandedTextAd(eta) = &all[1] else {
        panic!()
    };
    assert_eq!(eta.ad.device_preference, Nillable::Value(30001));
    assert_eq!(
        eta.ad.text,
        Nillable::Value("Light, \"tough\" packs.".into())
    );
    assert_eq!(eta.ad_group_id, Some(-200));
    let BulkRecord::ResponsiveAd(ra) = &all[3] else {
        panic!()
    };
    assert_eq!(
        ra.ad.call_to_action,
        Nillable::Value(cm::CallToAction::ShopNow)
    );
    let BulkRecord::SharedNegativeKeyword(snk) = &all[11] else {
        panic!()
    };
    assert_eq!(
        (snk.list_id, snk.negative_keyword.match_type.value()),
        (Some(-600), Some(&MatchType::Broad))
    );
    let BulkRecord::CampaignNegativeKeywordList(assoc) = &all[12] else {
        panic!()
    };
    assert_eq!(
        (
            assoc.association.shared_entity_id,
            assoc.association.entity_id
        ),
        (-600, -100)
    );
    let BulkRecord::CampaignNegativeSites(sites) = &all[13] else {
        panic!()
    };
    assert!(sites.delete_all);
    assert_eq!(sites.campaign_id, Some(-100));
    let names: Vec<_> = sites
        .sites
        .iter()
        .map(|s| s.website.as_deref().unwrap())
        .collect();
    assert_eq!(names, ["contoso-bad.com", "example.org/path"]);
    let BulkRecord::AdGroupNegativeSites(g) = &all[14] else {
        panic!()
    };
    assert_eq!(
        (g.delete_all, g.sites.len(), g.ad_group_name.as_deref()),
        (true, 1, Some("Backpacks"))
    );
    let BulkRecord::Label(l) = &all[15] else {
        panic!()
    };
    assert_eq!(l.label.color_code, Nillable::Value("#1A2B3C".into()));
    let BulkRecord::ResponsiveSearchAdLabel(rl) = &all[19] else {
        panic!()
    };
    assert_eq!(
        (rl.association.label_id, rl.association.entity_id),
        (-800, -402)
    );
}

#[test]
fn a_negative_site_set_built_in_rust_is_written_as_the_sdk_writes_it() {
    use bingads::bulk::{BulkCampaignNegativeSite, BulkCampaignNegativeSites};
    let set = BulkRecord::CampaignNegativeSites(BulkCampaignNegativeSites {
        campaign_id: Some(-100),
        campaign_name: Some("Contoso Outdoor".into()),
        delete_all: true,
        sites: ["contoso-bad.com", "example.org/path"]
            .iter()
            .map(|w| BulkCampaignNegativeSite {
                website: Some(w.to_string()),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    });
    let ours = write_fresh(&[set], FileFormat::Csv);
    let sdk: Vec<String> = data_lines(MORE_CSV)
        .into_iter()
        .filter(|l| l.starts_with("Campaign Negative Site|"))
        .collect();
    assert_eq!(data_lines(&ours), sdk);
}

#[test]
fn site_rows_without_a_delete_all_row_group_by_parent_and_keep_their_errors() {
    // `Name` is in the header so the writer can write the version row (6.0).
    let file = "Type,Status,Parent Id,Campaign,Website,Error,Name\r\n\
Campaign Negative Site,Active,5,C,a.example,,\r\n\
Campaign Negative Site Error,,5,C,a.example,InvalidSite,\r\n\
Campaign Negative Site,Active,5,C,b.example,,\r\n\
Campaign Negative Site,Active,6,D,c.example,,\r\n";
    let all = records(file.as_bytes());
    assert_eq!(all.len(), 2);
    let BulkRecord::CampaignNegativeSites(first) = &all[0] else {
        panic!("{:?}", all[0])
    };
    assert!(!first.delete_all);
    assert_eq!(first.sites.len(), 2);
    assert_eq!(first.sites[0].errors[0].error(), Some("InvalidSite"));
    let mut w = BulkFileWriter::with_columns(
        Vec::new(),
        FileFormat::Csv,
        BulkFileReader::new(Cursor::new(file.as_bytes().to_vec()))
            .unwrap()
            .columns()
            .clone(),
    )
    .unwrap();
    for r in &all {
        w.write(r).unwrap();
    }
    let out = String::from_utf8(w.finish().unwrap()).unwrap();
    assert!(
        out.ends_with(&file[file.find("\r\n").unwrap() + 2..]),
        "{out}"
    );
}
