//! The REST half of the seam between generated code and a transport: every operation's
//! route and every service's base URLs match `wsdl/v13/rest-json.json`, a request writes
//! its REST body, and a response body decodes leniently (what a newer service adds must not
//! break an older client) while user input stays strict.
#![cfg(all(feature = "json", feature = "campaign-management"))]

use std::path::Path;

use bingads_gen::json;
use bingads_gen::json::JsonBody;
use bingads_gen::soap::{HttpMethod, ServiceMeta};
use bingads_gen::v13::campaign_management as cm;
use bingads_gen::xml::DecodeErrorKind;
use bingads_gen::{Flags, Nillable};

fn services() -> Vec<&'static ServiceMeta> {
    bingads_gen::v13::services()
}

fn facts() -> codegen::rest::RestFacts {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../wsdl/v13/rest-json.json");
    codegen::rest::RestFacts::load(&path).expect("rest-json.json loads")
}

#[test]
fn every_route_and_base_url_comes_from_the_facts_file() {
    let facts = facts();
    let mut routed = 0;
    let mut unrouted = Vec::new();
    for service in services() {
        let routing = facts
            .service(service.name)
            .routing
            .expect("every service has REST facts");
        for (env, url) in &routing.bases {
            assert_eq!(service.rest_endpoint(env), Some(url.as_str()), "{env}");
        }
        assert_eq!(service.rest_endpoints.len(), routing.bases.len());
        for op in service.operations {
            match (op.rest, routing.routes.get(op.name)) {
                (Some(route), Some(fact)) => {
                    assert_eq!(route.method.as_str(), fact.method, "{}", op.name);
                    assert_eq!(route.path, fact.path, "{}", op.name);
                    routed += 1;
                }
                (None, None) => unrouted.push(op.name),
                (mine, theirs) => panic!("{}: {mine:?} vs {theirs:?}", op.name),
            }
        }
    }
    // The one operation Microsoft serves only over SOAP (Ad Insight's PutMetricData).
    if cfg!(feature = "ad-insight") {
        assert_eq!(unrouted, ["PutMetricData"]);
    }
    assert!(routed >= 195, "only {routed} routes");
}

#[test]
fn the_documented_example_route() {
    let route = cm::GET_CAMPAIGNS_BY_ACCOUNT_ID.rest.expect("routed");
    assert_eq!(route.method, HttpMethod::Post);
    assert_eq!(
        format!(
            "{}{}",
            cm::SERVICE.rest_endpoint("production").expect("production"),
            route.path
        ),
        "https://campaign.api.bingads.microsoft.com/CampaignManagement/v13/Campaigns/QueryByAccountId"
    );
    assert_eq!(
        cm::DELETE_CAMPAIGNS.rest.map(|r| r.method),
        Some(HttpMethod::Delete)
    );
    assert_eq!(
        cm::UPDATE_CAMPAIGNS.rest.map(|r| r.method),
        Some(HttpMethod::Put)
    );
}

#[test]
fn a_request_writes_its_rest_body() {
    let request = cm::GetCampaignsByAccountIdRequest {
        account_id: Some(123),
        campaign_type: Some(Flags::from([
            cm::CampaignType::Search,
            cm::CampaignType::Shopping,
        ])),
        ..Default::default()
    };
    let mut body = Vec::new();
    request.write_json_body(&mut body);
    assert_eq!(
        String::from_utf8(body).expect("utf-8"),
        r#"{"AccountId":"123","CampaignType":"Search, Shopping"}"#
    );
    // A request without fields still sends an object.
    let mut empty = Vec::new();
    cm::GetBSCCountriesRequest::default().write_json_body(&mut empty);
    assert_eq!(empty, b"{}");
}

#[test]
fn responses_decode_leniently() {
    let body = br#"{
        "Campaigns": [
            {
                "Id": "7",
                "Name": "c",
                "Status": "SomeNewStatus",
                "BiddingScheme": {"Type": "SomeNewBidding", "MaxCpc": null, "NewMember": 1},
                "ANewMember": {"nested": [1, 2, {"deep": true}]}
            }
        ],
        "PartialErrors": [],
        "SomethingNewAtTheTop": "x"
    }"#;
    let reply: cm::GetCampaignsByAccountIdResponse =
        json::decode_response(body).expect("unknown members, values and types are skipped");
    let Nillable::Value(campaigns) = reply.campaigns else {
        panic!("campaigns are there")
    };
    let campaign = campaigns[0].as_ref().expect("first campaign");
    assert_eq!(campaign.id, Nillable::Value(7));
    assert_eq!(campaign.name, Nillable::Value("c".to_string()));
    assert_eq!(
        campaign.status,
        Nillable::Value(cm::CampaignStatus::UnknownValue("SomeNewStatus".into()))
    );
    match &campaign.bidding_scheme {
        Nillable::Value(cm::BiddingScheme::Unknown { type_name, .. }) => {
            assert_eq!(type_name, "SomeNewBidding")
        }
        other => panic!("expected the base of an unknown type, got {other:?}"),
    }
    assert_eq!(campaigns.len(), 1);

    // The same document as user input is refused at the first unknown value.
    let strict = json::from_str::<cm::GetCampaignsByAccountIdResponse>(
        std::str::from_utf8(body).expect("utf-8"),
    )
    .expect_err("user input is strict");
    assert_eq!(strict.path, "$.Campaigns[0].Status", "{strict}");
}

#[test]
fn empty_and_null_bodies_read_as_empty_responses() {
    for body in [&b""[..], b"  ", b"null", b"{}"] {
        let reply: cm::SetAccountPropertiesResponse =
            json::decode_response(body).expect("an empty answer");
        assert_eq!(reply, cm::SetAccountPropertiesResponse::default());
    }
}

#[test]
fn a_body_that_does_not_fit_is_a_decode_error_with_its_json_path() {
    let e = json::decode_response::<cm::GetCampaignsByAccountIdResponse>(
        br#"{"Campaigns": [{"Id": "not a number"}]}"#,
    )
    .expect_err("a long that is not a number");
    assert!(matches!(e.kind, DecodeErrorKind::Json(_)), "{e:?}");
    assert_eq!(e.path, "$.Campaigns[0].Id");
    assert!(e.to_string().contains("$.Campaigns[0].Id"), "{e}");

    let e = json::decode_response::<cm::GetCampaignsByAccountIdResponse>(b"{\"Campaigns\": [")
        .expect_err("truncated");
    assert!(e.to_string().contains("line 1"), "{e}");
}

/// `json_shape_differences` (rest-json.json): the REST form sends strings where the WSDL
/// has objects (Ad Insight's `Est*ByType`); a response leaves such members absent and reads
/// the rest, while a wrong kind elsewhere is still an error.
#[cfg(feature = "ad-insight")]
#[test]
fn strings_where_the_wsdl_has_objects_are_left_absent_in_responses() {
    use bingads_gen::v13::ad_insight as ai;
    let reply: ai::GetAudienceFullEstimationResponse = json::decode_response(
        br#"{"EstImpressionByType":["Audience: 10-20"],"EstClickByType":["x", null],"EstSpendByType":[],"EstImpression":{"Low":{"Value":1}}}"#,
    )
    .expect("the mismatched members are skipped");
    assert_eq!(reply.est_impression_by_type, Nillable::Absent);
    assert_eq!(reply.est_click_by_type, Nillable::Absent);
    assert_eq!(reply.est_spend_by_type, Nillable::Value(vec![]));
    assert!(matches!(reply.est_impression, Nillable::Value(_)));

    let strict = json::from_str::<ai::GetAudienceFullEstimationResponse>(
        r#"{"EstImpressionByType":["Audience: 10-20"]}"#,
    );
    assert!(strict.is_err(), "user input keeps the WSDL shape");
    let wrong = json::decode_response::<ai::GetAudienceFullEstimationResponse>(
        br#"{"EstImpressionByType":[1]}"#,
    );
    assert!(
        wrong.is_err(),
        "only text is treated as the recorded mismatch"
    );
}

/// `enum_differences`: the REST flag enums add `None` for the empty set.
#[test]
fn none_in_a_flag_list_of_a_response_is_the_empty_set() {
    let v: cm::GetCampaignsByAccountIdRequest =
        json::decode_response(br#"{"CampaignType":"None"}"#).expect("lenient");
    assert_eq!(v.campaign_type, Some(Flags(vec![])));
    let v: cm::GetCampaignsByAccountIdRequest =
        json::decode_response(br#"{"CampaignType":"Search, None"}"#).expect("lenient");
    assert_eq!(v.campaign_type, Some(Flags(vec![cm::CampaignType::Search])));
}
