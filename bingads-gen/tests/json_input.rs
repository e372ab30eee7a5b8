//! JSON input that never sends the wrong thing: the public behaviour every JSON engine of
//! this crate must keep (issue 8). Written against `json::from_str`/`to_string`, the
//! `JSON_OPERATIONS` table and the SOAP envelope writer only, never against internals.
//!
//! - a `null` item in an array whose schema items are nillable is accepted and round-trips
//!   (what `decode` prints can be fed back), while other arrays still refuse `null` items;
//! - a misspelt flag name is refused like a misspelt enum value, with the closest name, and
//!   unknown flag values from the service stay readable;
//! - a double that is not finite (`1e400`, `NaN`, infinities) is refused on input;
//! - text XML 1.0 cannot carry is a clear error on the SOAP wire, and escaped in JSON.
#![cfg(all(
    feature = "json",
    feature = "campaign-management",
    feature = "customer-management"
))]

use bingads_gen::json::{self, JsonError, JsonOperation, Mode};
use bingads_gen::soap::{RequestBody, try_write_envelope, write_response_envelope};
use bingads_gen::v13::campaign_management::{
    self as cm, AddCampaignsRequest, AddKeywordsRequest, CampaignType,
    GetCampaignsByAccountIdRequest,
};
use bingads_gen::v13::customer_management::{self as cust, AddClientLinksRequest};
use bingads_gen::xml::XmlWriter;
use bingads_gen::{Flags, Nillable};

fn operation(ops: &'static [JsonOperation], name: &str) -> &'static JsonOperation {
    json::find(ops, name).unwrap_or_else(|| panic!("operation {name}"))
}

/// A request read from JSON the way `call` reads it, or the error it is refused with.
fn read_request(op: &JsonOperation, body: &str) -> Result<Box<dyn json::JsonRequest>, JsonError> {
    (op.read_request)(body.as_bytes())
}

/// JSON → request → SOAP envelope → request → JSON, as `call --dry-run` then
/// `decode --request` do.
fn through_soap(op: &JsonOperation, body: &str) -> String {
    let request = read_request(op, body).expect("request reads");
    let envelope = try_write_envelope(&AsBody(request.as_ref()), &[]).expect("envelope");
    let (_, back) = (op.decode_request)(envelope.as_bytes(), true).expect("decodes strictly");
    back
}

struct AsBody<'a>(&'a dyn json::JsonRequest);

impl RequestBody for AsBody<'_> {
    fn operation(&self) -> &'static bingads_gen::soap::OperationMeta {
        self.0.operation()
    }
    fn write_soap_body(&self, w: &mut XmlWriter) {
        self.0.write_soap_body(w)
    }
}

impl json::JsonBody for AsBody<'_> {
    fn write_json_body(&self, out: &mut Vec<u8>) {
        self.0.write_json_body(out)
    }
}

/// The same JSON without the whitespace between tokens.
fn compact(pretty: &str) -> String {
    let mut out = String::new();
    let (mut in_string, mut escaped) = (false, false);
    for c in pretty.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

// ---- null items in arrays of nillable items ----

#[test]
fn null_string_items_are_read_written_and_sent_as_nil() {
    let body = r#"{"AdGroupId":"7","Keywords":[{"FinalUrls":["https://a.example/",null,"https://b.example/"]}]}"#;
    let request: AddKeywordsRequest = json::from_str(body).expect("null string item accepted");
    let Nillable::Value(keywords) = &request.keywords else {
        panic!("keywords read: {request:?}");
    };
    let Some(Some(keyword)) = keywords.first() else {
        panic!("one keyword: {keywords:?}");
    };
    assert_eq!(
        keyword.final_urls,
        Nillable::Value(vec![
            Some("https://a.example/".to_string()),
            None,
            Some("https://b.example/".to_string()),
        ])
    );
    assert_eq!(json::to_string(&request), body, "JSON → value → JSON");

    let op = operation(cm::JSON_OPERATIONS, "AddKeywords");
    let envelope = try_write_envelope(&request, &[]).expect("envelope");
    assert!(
        envelope.contains(r#"Arrays" i:nil="true"/>"#),
        "the null item is an xsi:nil item: {envelope}"
    );
    assert_eq!(compact(&through_soap(op, body)), body, "JSON → SOAP → JSON");
}

#[test]
fn null_object_items_are_accepted_where_the_schema_allows_them() {
    let body = r#"{"ClientLinks":[null,{"Name":"link"},null]}"#;
    let request: AddClientLinksRequest = json::from_str(body).expect("null ClientLink accepted");
    let Nillable::Value(links) = &request.client_links else {
        panic!("links read: {request:?}");
    };
    assert_eq!(links.len(), 3);
    assert!(links.first().is_some_and(Option::is_none));
    assert!(links.get(1).is_some_and(Option::is_some));
    assert_eq!(json::to_string(&request), body);
    let op = operation(cust::JSON_OPERATIONS, "AddClientLinks");
    assert_eq!(compact(&through_soap(op, body)), body);
}

#[test]
fn what_decode_prints_for_nil_items_reads_back() {
    // A response holding nil array items, as the service may send it over SOAP: its JSON
    // (what `decode` prints) must be accepted as input again.
    let op = operation(cm::JSON_OPERATIONS, "GetKeywordsByAdGroupId");
    let reply_json = r#"{"Keywords":[{"FinalUrls":[null,"https://c.example/"],"Id":"5"}]}"#;
    let response = (op.read_response)(reply_json.as_bytes(), Mode::Strict).expect("response reads");
    let envelope = write_response_envelope(&[], |w| response.write_soap_body(w));
    let printed = (op.decode_response)(envelope.as_bytes(), true)
        .expect("decodes")
        .body
        .expect("not a fault");
    assert_eq!(compact(&printed), reply_json);
    let again = (op.read_response)(printed.as_bytes(), Mode::Strict);
    assert!(again.is_ok(), "decode output reads back: {:?}", again.err());
}

#[test]
fn null_items_stay_refused_where_the_schema_does_not_allow_them() {
    let op = operation(cm::JSON_OPERATIONS, "GetCampaignsByIds");
    let e = read_request(op, r#"{"AccountId":"1","CampaignIds":["1",null]}"#)
        .err()
        .expect("a null long item is refused");
    assert_eq!(e.path, "$.CampaignIds[1]");
    assert!(e.message.contains("cannot be null"), "{e}");
}

// ---- flag names ----

#[test]
fn a_misspelt_flag_is_refused_with_the_closest_name() {
    for body in [
        r#"{"AccountId":"1","CampaignType":"Serch"}"#,
        r#"{"AccountId":"1","CampaignType":"Shopping, Serch"}"#,
        r#"{"AccountId":"1","CampaignType":["Shopping","Serch"]}"#,
    ] {
        let e = json::from_str::<GetCampaignsByAccountIdRequest>(body)
            .expect_err("a misspelt flag is refused");
        assert_eq!(e.path, "$.CampaignType", "{body}");
        assert!(e.message.contains("`Serch`"), "{e}");
        assert!(e.message.contains("did you mean `Search`?"), "{e}");
    }
    let e = json::from_str::<GetCampaignsByAccountIdRequest>(r#"{"CampaignType":"Zzzzzzzzzz"}"#)
        .expect_err("an unknown flag is refused");
    assert!(
        e.message.contains("`Zzzzzzzzzz` is not a known flag"),
        "{e}"
    );
}

#[test]
fn known_flags_are_accepted_in_every_spelling() {
    for body in [
        r#"{"CampaignType":"Search, Shopping"}"#,
        r#"{"CampaignType":"Search Shopping"}"#,
        r#"{"CampaignType":["Search","Shopping"]}"#,
    ] {
        let request: GetCampaignsByAccountIdRequest = json::from_str(body).expect(body);
        assert_eq!(
            request.campaign_type,
            Some(Flags(vec![CampaignType::Search, CampaignType::Shopping]))
        );
    }
}

#[test]
fn unknown_flags_from_the_service_stay_readable() {
    // On the SOAP wire: a newer service's flag value decodes and prints.
    let op = operation(cm::JSON_OPERATIONS, "GetCampaignsByAccountId");
    let body = concat!(
        r#"<GetCampaignsByAccountIdResponse xmlns="https://bingads.microsoft.com/CampaignManagement/v13">"#,
        r#"<Campaigns><Campaign><CampaignType>Search FutureKind</CampaignType></Campaign></Campaigns>"#,
        r#"</GetCampaignsByAccountIdResponse>"#
    );
    let envelope = write_response_envelope(&[], |w| w.raw(body));
    let printed = (op.decode_response)(envelope.as_bytes(), false)
        .expect("decodes")
        .body
        .expect("not a fault");
    assert!(
        printed.contains(r#""CampaignType": "Search, FutureKind""#),
        "{printed}"
    );
    // In JSON read as a response (leniently), the same value is kept, and written back.
    let reply = r#"{"Campaigns":[{"CampaignType":"Search, FutureKind"}]}"#;
    let value: cm::GetCampaignsByAccountIdResponse = json::decode_response(reply.as_bytes())
        .expect("lenient response reading keeps unknown flags");
    assert_eq!(json::to_string(&value), reply);
    // The same text as user input is refused.
    assert!(json::from_str::<cm::GetCampaignsByAccountIdResponse>(reply).is_err());
}

// ---- doubles ----

#[test]
fn non_finite_doubles_are_refused_on_input() {
    for amount in [
        "1e400",
        "-1e400",
        r#""NaN""#,
        r#""INF""#,
        r#""-INF""#,
        r#""1e999""#,
    ] {
        let body = format!(r#"{{"AdGroupId":"7","Keywords":[{{"Bid":{{"Amount":{amount}}}}}]}}"#);
        let e = json::from_str::<AddKeywordsRequest>(&body)
            .expect_err("a non-finite double is refused");
        assert_eq!(e.path, "$.Keywords[0].Bid.Amount", "{amount}");
        assert!(e.message.contains("finite"), "{amount}: {e}");
    }
    let ok: AddKeywordsRequest =
        json::from_str(r#"{"Keywords":[{"Bid":{"Amount":1.5e3}}]}"#).expect("finite exponent");
    let envelope = try_write_envelope(&ok, &[]).expect("envelope");
    assert!(envelope.contains("<Amount>1500</Amount>"), "{envelope}");
}

// ---- characters XML cannot carry ----

fn campaign_named(name: &str) -> AddCampaignsRequest {
    let body = format!(
        r#"{{"AccountId":"1","Campaigns":[{{"Name":{}}}]}}"#,
        serde_json::to_string(name).expect("a string serializes")
    );
    json::from_str(&body).expect("any text is valid JSON input")
}

#[test]
fn text_xml_cannot_carry_is_a_clear_error_on_the_soap_wire() {
    for (name, code_point, index) in [
        ("Summer\u{1}sale", 0x1, 6),
        ("\u{0}", 0x0, 0),
        ("tab\tok but \u{1b}[1m", 0x1b, 11),
        ("é\u{fffe}", 0xfffe, 1),
        ("\u{ffff}", 0xffff, 0),
    ] {
        let request = campaign_named(name);
        let e = try_write_envelope(&request, &[]).expect_err("refused on the SOAP wire");
        assert_eq!(e.element, "Name", "{name:?}");
        assert_eq!((e.code_point, e.index), (code_point, index), "{name:?}");
        let message = e.to_string();
        assert!(message.contains("<Name>"), "{message}");
        assert!(
            message.contains(&format!("U+{code_point:04X}")),
            "{message}"
        );
        assert!(message.contains("REST"), "says what to do: {message}");
    }
}

#[test]
fn text_xml_can_carry_is_written_escaped() {
    let request = campaign_named("a\tb\nc\rd <&> \u{7f} \u{d7ff} \u{e000} \u{10ffff}");
    let envelope = try_write_envelope(&request, &[]).expect("every character here is XML");
    assert!(
        envelope.contains(
            "<Name>a\tb\nc&#xD;d &lt;&amp;&gt; \u{7f} \u{d7ff} \u{e000} \u{10ffff}</Name>"
        ),
        "{envelope}"
    );
}

#[test]
fn a_header_value_xml_cannot_carry_is_refused_without_showing_it() {
    let op = operation(cm::JSON_OPERATIONS, "GetCampaignsByAccountId");
    let request = read_request(op, r#"{"AccountId":"1"}"#).expect("reads");
    let e = try_write_envelope(
        &AsBody(request.as_ref()),
        &[("DeveloperToken", "secret\u{7}token")],
    )
    .expect_err("refused");
    assert_eq!(e.element, "DeveloperToken");
    assert!(!e.to_string().contains("secret"), "{e}");
    assert!(!format!("{e:?}").contains("secret"), "{e:?}");
}

#[test]
fn json_carries_the_same_text_escaped() {
    let request = campaign_named("Summer\u{1}sale\u{ffff}");
    let written = json::to_string(&request);
    assert!(written.contains(r#""Name":"Summer\u0001sale"#), "{written}");
    let back: AddCampaignsRequest = json::from_str(&written).expect("reads back");
    assert_eq!(back, request);
}
