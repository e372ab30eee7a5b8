//! The JSON form against the SOAP form, for every operation of every service:
//! - each operation's example request reads, writes back to the identical JSON, travels
//!   through a SOAP envelope (strict order) and comes back as the identical JSON;
//! - each response type's example (built from the WSDL model, every field set, with the REST
//!   discriminators) goes JSON → value → JSON and JSON → XML → JSON unchanged, read strictly
//!   and leniently.
#![cfg(feature = "json")]

use std::path::Path;

use bingads_gen::json::{self, JsonOperation, Mode};
use bingads_gen::soap::{ServiceMeta, write_envelope, write_response_envelope};
use codegen::model::{Service, TypeRef};

#[allow(clippy::vec_init_then_push)]
fn tables() -> Vec<(&'static ServiceMeta, &'static [JsonOperation])> {
    use bingads_gen::v13::*;
    let mut t: Vec<(&'static ServiceMeta, &'static [JsonOperation])> = Vec::new();
    #[cfg(feature = "ad-insight")]
    t.push((&ad_insight::SERVICE, ad_insight::JSON_OPERATIONS));
    #[cfg(feature = "bulk")]
    t.push((&bulk::SERVICE, bulk::JSON_OPERATIONS));
    #[cfg(feature = "campaign-management")]
    t.push((
        &campaign_management::SERVICE,
        campaign_management::JSON_OPERATIONS,
    ));
    #[cfg(feature = "customer-billing")]
    t.push((
        &customer_billing::SERVICE,
        customer_billing::JSON_OPERATIONS,
    ));
    #[cfg(feature = "customer-management")]
    t.push((
        &customer_management::SERVICE,
        customer_management::JSON_OPERATIONS,
    ));
    #[cfg(feature = "reporting")]
    t.push((&reporting::SERVICE, reporting::JSON_OPERATIONS));
    t
}

fn model() -> codegen::Loaded {
    codegen::load_version(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../wsdl/v13"))
        .expect("WSDLs load")
}

/// An operation's example request (feature `examples`).
#[cfg(feature = "examples")]
fn example(op: &JsonOperation) -> &'static str {
    bingads_gen::v13::example_request(op.meta.service.name, op.meta.name)
        .unwrap_or_else(|| panic!("{}: no example", op.meta.name))
}

#[cfg(feature = "examples")]
#[test]
fn every_request_example_round_trips_through_soap() {
    let mut checked = 0;
    for (service, ops) in tables() {
        assert_eq!(
            ops.len(),
            service.operations.len(),
            "{}: every operation has a JSON entry",
            service.name
        );
        for op in ops {
            let context = format!("{}.{}", service.name, op.meta.name);
            let request = (op.read_request)(example(op).as_bytes())
                .unwrap_or_else(|e| panic!("{context}: {e}"));
            assert_eq!(
                request.to_json_pretty(),
                example(op),
                "{context}: the example is not in canonical form"
            );
            let envelope = write_envelope(
                request.as_ref(),
                &[("AuthenticationToken", "t"), ("DeveloperToken", "d")],
            );
            let (_, back) = (op.decode_request)(envelope.as_bytes(), true)
                .unwrap_or_else(|e| panic!("{context}: {e}\n{envelope}"));
            assert_eq!(
                back,
                example(op),
                "{context}: JSON -> SOAP -> JSON changed the request"
            );
            checked += 1;
        }
    }
    assert!(checked >= 290, "only {checked} operations checked");
}

#[test]
fn every_response_type_round_trips_json_xml_json() {
    let loaded = model();
    let mut checked = 0;
    for (meta, ops) in tables() {
        let service: &Service = loaded
            .version
            .services
            .iter()
            .find(|s| s.name == meta.name)
            .expect("service in model");
        let rest = loaded.rest.service(&service.name);
        for op in ops {
            let context = format!("{}.{} response", meta.name, op.meta.name);
            let element = service
                .elements
                .iter()
                .find(|e| e.name.name == op.meta.response_element.1)
                .expect("response element");
            let TypeRef::Named(q) = &element.ty else {
                panic!("{context}: builtin response")
            };
            let example = codegen::example::type_example(service, q, &rest).expect("example");
            // Strict as user input, lenient as a reply is read (which also fills each family
            // variant's own `Type` member from the discriminator): neither changes the JSON,
            // and `Type` is never written twice.
            for mode in [Mode::Strict, Mode::Lenient] {
                let response = (op.read_response)(example.as_bytes(), mode)
                    .unwrap_or_else(|e| panic!("{context} ({mode:?}): {e}\n{example}"));
                assert_eq!(
                    response.to_json_pretty(),
                    example,
                    "{context} ({mode:?}): JSON -> value -> JSON changed the response"
                );
                let envelope =
                    write_response_envelope(&[(meta.namespace, "TrackingId", "tracking-1")], |w| {
                        response.write_soap_body(w)
                    });
                let reply = (op.decode_response)(envelope.as_bytes(), true)
                    .unwrap_or_else(|e| panic!("{context} ({mode:?}): {e}"));
                assert_eq!(reply.tracking_id(), Some("tracking-1"));
                let back = reply
                    .body
                    .unwrap_or_else(|f| panic!("{context} ({mode:?}): fault {f}"));
                assert_eq!(
                    back, example,
                    "{context} ({mode:?}): JSON -> XML -> JSON changed the response"
                );
            }
            checked += 1;
        }
    }
    assert!(checked >= 290, "only {checked} responses checked");
}

#[test]
fn strict_names_and_lenient_values() {
    use bingads_gen::v13::campaign_management::*;
    let ok = r#"{"AccountId": 123, "CampaignType": ["Search", "Shopping"], "ReturnAdditionalFields": "BidStrategyId"}"#;
    let r: GetCampaignsByAccountIdRequest = json::from_str(ok).expect("lenient values");
    assert_eq!(r.account_id, Some(123));
    assert_eq!(
        r.campaign_type,
        Some(bingads_gen::Flags::from([
            CampaignType::Search,
            CampaignType::Shopping
        ]))
    );
    let out = json::to_string(&r);
    assert!(out.contains(r#""AccountId":"123""#), "{out}");
    assert!(
        out.contains(r#""CampaignType":"Search, Shopping""#),
        "{out}"
    );

    let typo = "{\n  \"AccountId\": \"1\",\n  \"CampaignTyp\": \"Search\"\n}";
    let e = json::from_str::<GetCampaignsByAccountIdRequest>(typo).unwrap_err();
    assert_eq!(e.path, "$.CampaignTyp");
    assert!(e.message.contains("did you mean `CampaignType`"), "{e}");
    assert_eq!((e.line, e.column), (3, 18));

    let wrong = r#"{"AccountId": true}"#;
    let e = json::from_str::<GetCampaignsByAccountIdRequest>(wrong).unwrap_err();
    assert_eq!(e.path, "$.AccountId");
    assert!(e.message.contains("64-bit integer"), "{e}");

    // A polymorphic value: the REST discriminator and the XSD type name both work.
    for t in ["MaxClicks", "MaxClicksBiddingScheme"] {
        let body = format!(r#"{{"Type": "{t}", "MaxCpc": {{"Amount": 1.25}}}}"#);
        let b: BiddingScheme = json::from_str(&body).expect("bidding scheme");
        assert!(
            matches!(b, BiddingScheme::MaxClicksBiddingScheme(_)),
            "{b:?}"
        );
        assert_eq!(
            json::to_string(&b),
            r#"{"Type":"MaxClicks","MaxCpc":{"Amount":1.25}}"#
        );
    }
    let e = json::from_str::<BiddingScheme>(r#"{"Type": "MaxClick"}"#).unwrap_err();
    assert!(e.message.contains("unknown Type `MaxClick`"), "{e}");

    // null is nil, a missing key is absent.
    let c: Campaign =
        json::from_str(r#"{"Name": "n", "TrackingUrlTemplate": null}"#).expect("campaign");
    assert!(c.tracking_url_template.is_nil());
    assert!(c.final_url_suffix.is_absent());
}
