//! The generated serde impls beyond the JSON entry points: other self-describing formats
//! (YAML, serde_json's own `Value`), the three states of `Nillable`, exact longs (decimals:
//! `json_decimals.rs`), `Type` anywhere in a polymorphic object, and paths in plain `Deserialize`
//! errors.
#![cfg(all(feature = "json", feature = "campaign-management"))]

use bingads_gen::json;
use bingads_gen::v13::campaign_management as cm;
use bingads_gen::{Flags, Nillable};

fn campaign() -> cm::Campaign {
    cm::Campaign {
        id: Nillable::Value(9_223_372_036_854_775_807),
        name: Nillable::Value("Spring \"sale\"\n".into()),
        daily_budget: Nillable::Value(12.5),
        campaign_type: Nillable::Value(Flags::from([
            cm::CampaignType::Search,
            cm::CampaignType::Shopping,
        ])),
        tracking_url_template: Nillable::Nil,
        bidding_scheme: Nillable::Value(cm::BiddingScheme::MaxClicksBiddingScheme(
            cm::MaxClicksBiddingScheme {
                max_cpc: Nillable::Value(cm::Bid {
                    amount: Nillable::Value(1.25),
                }),
                ..Default::default()
            },
        )),
        languages: Nillable::Value(vec![Some("English".into()), None]),
        ..Default::default()
    }
}

#[test]
fn yaml_round_trips_keeping_absent_nil_and_values_apart() {
    let value = campaign();
    let yaml = serde_yaml::to_string(&value).expect("serializes");
    assert!(yaml.contains("Type: MaxClicks"), "{yaml}");
    assert!(
        yaml.contains("Id: '9223372036854775807'"),
        "longs as strings: {yaml}"
    );
    assert!(
        yaml.contains("TrackingUrlTemplate: null"),
        "nil is null: {yaml}"
    );
    assert!(
        !yaml.contains("FinalUrlSuffix"),
        "absent is left out: {yaml}"
    );
    assert!(yaml.contains("CampaignType: Search, Shopping"), "{yaml}");
    let back: cm::Campaign = serde_yaml::from_str(&yaml).expect("deserializes");
    assert_eq!(back, value);
    assert!(back.tracking_url_template.is_nil());
    assert!(back.final_url_suffix.is_absent());

    // YAML a person writes: numbers as numbers, flags as a list, Type after the members.
    let written = "Id: 42\nCampaignType: [Search, Audience]\nBiddingScheme:\n  MaxCpc: {Amount: 2}\n  Type: MaxClicksBiddingScheme\n";
    let c: cm::Campaign = serde_yaml::from_str(written).expect("lenient values");
    assert_eq!(c.id, Nillable::Value(42));
    assert!(matches!(
        c.bidding_scheme,
        Nillable::Value(cm::BiddingScheme::MaxClicksBiddingScheme(_))
    ));
}

#[test]
fn serde_json_value_round_trips() {
    let value = cm::AddCampaignsRequest {
        account_id: Some(7),
        campaigns: Nillable::Value(vec![Some(campaign())]),
    };
    let tree = serde_json::to_value(&value).expect("to a Value");
    assert_eq!(tree["AccountId"], "7");
    assert_eq!(tree["Campaigns"][0]["BiddingScheme"]["Type"], "MaxClicks");
    let back: cm::AddCampaignsRequest = serde_json::from_value(tree).expect("from a Value");
    assert_eq!(back, value);
}

#[test]
fn plain_deserialize_is_strict_and_names_the_path() {
    let e = serde_json::from_str::<cm::AddCampaignsRequest>(
        r#"{"Campaigns": [{"Name": "a", "BidingScheme": {}}]}"#,
    )
    .expect_err("a typo is refused");
    let message = e.to_string();
    assert!(
        message.contains("did you mean `BiddingScheme`"),
        "{message}"
    );
    assert!(message.contains("$.Campaigns[0].BidingScheme"), "{message}");
}

#[test]
fn longs_never_pass_through_f64() {
    for text in [
        r#"{"AccountId": 9223372036854775807}"#,
        r#"{"AccountId": "9223372036854775807"}"#,
    ] {
        let r: cm::GetCampaignsByAccountIdRequest = json::from_str(text).expect(text);
        assert_eq!(r.account_id, Some(i64::MAX));
    }
    // 2^53 + 1 is the first integer an f64 cannot hold.
    let r: cm::GetCampaignsByAccountIdRequest =
        json::from_str(r#"{"AccountId": 9007199254740993}"#).expect("exact");
    assert_eq!(r.account_id, Some(9_007_199_254_740_993));
    for bad in ["1.0", "1e3", "9223372036854775808", "-9223372036854775809"] {
        let e = json::from_str::<cm::GetCampaignsByAccountIdRequest>(&format!(
            r#"{{"AccountId": {bad}}}"#
        ))
        .expect_err(bad);
        assert_eq!(e.path, "$.AccountId", "{bad}: {e}");
    }
}

#[test]
fn type_may_come_anywhere_in_the_object() {
    let first: cm::BiddingScheme =
        json::from_str(r#"{"Type": "TargetCpa", "TargetCpa": 3.5}"#).expect("first");
    let last: cm::BiddingScheme =
        json::from_str(r#"{"TargetCpa": 3.5, "MaxCpc": null, "Type": "TargetCpa"}"#).expect("last");
    let cm::BiddingScheme::TargetCpaBiddingScheme(a) = &first else {
        panic!("{first:?}")
    };
    let cm::BiddingScheme::TargetCpaBiddingScheme(b) = &last else {
        panic!("{last:?}")
    };
    assert_eq!(a.target_cpa, b.target_cpa);
    assert!(b.max_cpc.is_nil());

    // An error inside a buffered object still names its path and its own position.
    let text = "{\"Campaigns\": [{\"BiddingScheme\": {\n  \"TargetCpa\": \"x\",\n  \"Type\": \"TargetCpa\"}}]}";
    let e = json::from_str::<cm::AddCampaignsRequest>(text).expect_err("not a number");
    assert_eq!(e.path, "$.Campaigns[0].BiddingScheme.TargetCpa");
    assert_eq!((e.line, e.column), (2, 16), "{e}");
}

#[test]
fn huge_values_are_not_repeated_in_messages() {
    let huge = "9".repeat(1_000_000);
    let e = json::from_str::<cm::GetCampaignsByAccountIdRequest>(&format!(
        r#"{{"AccountId": "{huge}"}}"#
    ))
    .expect_err("too big");
    assert!(e.message.len() < 200, "{} bytes", e.message.len());
}

#[test]
fn a_hundred_thousand_unknown_members_are_skipped() {
    // Streaming: unknown members of a response are skipped one by one, nothing is kept
    // per key (the old parser's duplicate-key check was quadratic: 9.5 s for these).
    let mut body = String::from("{");
    for i in 0..100_000 {
        body.push_str(&format!("\"K{i}\": {i},"));
    }
    body.push_str("\"AccountId\": \"1\"}");
    let r: cm::GetCampaignsByAccountIdRequest =
        json::from_slice_lenient(body.as_bytes()).expect("reads");
    assert_eq!(r.account_id, Some(1));
    let e = json::from_slice::<cm::GetCampaignsByAccountIdRequest>(body.as_bytes())
        .expect_err("user input is strict");
    assert_eq!(e.path, "$.K0");
}
