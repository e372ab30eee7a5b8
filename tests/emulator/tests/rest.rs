//! What only the REST front has: routes by method and path, credentials in HTTP headers,
//! strict JSON bodies, and faults as a JSON body with a `Type` under an HTTP error status
//! and a `TrackingId` header. Everything the two wires share runs under both in the other
//! test files.

#[macro_use]
mod common;

use bingads_emulator::*;
use bingads_gen::soap::Operation;
use bingads_gen::v13::campaign_management as cmt;
use bingads_gen::v13::customer_management::{GetUserRequest, SERVICE as CUSTOMER};

/// Sends `body` to the REST route of `O` with the JSON media type and `headers`.
async fn post_json<O: Operation>(
    emu: &Emulator,
    http: &reqwest::Client,
    body: &str,
    headers: &[(&str, String)],
) -> (u16, Option<String>, String) {
    let (method, path) = common::rest_route(O::META);
    let mut request = http
        .request(method, format!("{}{path}", emu.base_url()))
        .header("Content-Type", "application/json")
        .body(body.to_string());
    for (name, value) in headers {
        request = request.header(*name, value);
    }
    let resp = request.send().await.unwrap();
    let status = resp.status().as_u16();
    let tracking = resp
        .headers()
        .get("TrackingId")
        .map(|v| v.to_str().unwrap().to_string());
    (status, tracking, resp.text().await.unwrap())
}

fn bearer(token: &str) -> Vec<(&'static str, String)> {
    vec![
        ("Authorization", format!("Bearer {token}")),
        ("DeveloperToken", DEVELOPER_TOKEN.to_string()),
    ]
}

fn cm(token: &str) -> Vec<(&'static str, String)> {
    let mut h = bearer(token);
    h.push(("CustomerAccountId", ACCOUNT_ID.to_string()));
    h.push(("CustomerId", CUSTOMER_ID.to_string()));
    h
}

/// A JSON answer, numbers turned into their text so `str_at` reads any scalar.
fn parse(text: &str) -> serde_json::Value {
    fn numbers_as_text(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Number(n) => *v = serde_json::Value::String(n.to_string()),
            serde_json::Value::Array(items) => items.iter_mut().for_each(numbers_as_text),
            serde_json::Value::Object(members) => members.values_mut().for_each(numbers_as_text),
            _ => {}
        }
    }
    let mut v: serde_json::Value = serde_json::from_str(text).expect("a JSON answer");
    numbers_as_text(&mut v);
    v
}

fn str_at<'v>(v: &'v serde_json::Value, pointer: &[&str]) -> Option<&'v str> {
    let mut at = v;
    for key in pointer {
        at = match key.parse::<usize>() {
            Ok(i) => at.get(i)?,
            Err(_) => at.get(*key)?,
        };
    }
    at.as_str()
}

#[tokio::test]
async fn routes_select_the_operation_by_method_and_path() {
    let emu = Emulator::start().await.unwrap();
    let http = common::client_on(common::Wire::Rest);
    let token = common::access_token(&emu);
    assert_eq!(emu.rest_base_url(&CUSTOMER), emu.base_url());

    // One path, three operations: POST adds, PUT updates, DELETE deletes.
    let (method, path) = common::rest_route(cmt::AddCampaignsRequest::META);
    assert_eq!(
        (method.as_str(), path.as_str()),
        ("POST", "/CampaignManagement/v13/Campaigns")
    );
    let body = format!(
        r#"{{"AccountId":"{ACCOUNT_ID}","Campaigns":[{{"Name":"Routed","DailyBudget":5,"BudgetType":"DailyBudgetStandard","TimeZone":"EasternTimeUSCanada"}}]}}"#
    );
    let (status, tracking, text) =
        post_json::<cmt::AddCampaignsRequest>(&emu, &http, &body, &cm(&token)).await;
    assert_eq!(status, 200, "{text}");
    assert!(tracking.is_some_and(|t| t.len() == 36));
    let added = parse(&text);
    let id = str_at(&added, &["CampaignIds", "0"])
        .expect("id")
        .to_string();
    assert_eq!(
        id.parse::<i64>().unwrap() % 2,
        1,
        "ids are odd longs, sent as strings"
    );

    let update =
        format!(r#"{{"AccountId":"{ACCOUNT_ID}","Campaigns":[{{"Id":"{id}","Name":"Renamed"}}]}}"#);
    let (status, _, text) =
        post_json::<cmt::UpdateCampaignsRequest>(&emu, &http, &update, &cm(&token)).await;
    assert_eq!(status, 200, "{text}");
    let delete = format!(r#"{{"AccountId":"{ACCOUNT_ID}","CampaignIds":["{id}"]}}"#);
    let (status, _, text) =
        post_json::<cmt::DeleteCampaignsRequest>(&emu, &http, &delete, &cm(&token)).await;
    assert_eq!(status, 200, "{text}");
    let ops: Vec<(String, String)> = emu
        .requests()
        .iter()
        .map(|r| (r.method.clone(), r.operation.clone()))
        .collect();
    assert_eq!(
        ops,
        [
            ("POST", "AddCampaigns"),
            ("PUT", "UpdateCampaigns"),
            ("DELETE", "DeleteCampaigns")
        ]
        .map(|(m, o)| (m.to_string(), o.to_string()))
    );

    // A method the path does not serve, and a path no operation has.
    let url = format!("{}{path}", emu.base_url());
    let resp = http.get(&url).send().await.unwrap();
    assert_eq!(resp.status(), 405);
    let allow = resp.headers()["allow"].to_str().unwrap().to_string();
    for m in ["POST", "PUT", "DELETE"] {
        assert!(allow.contains(m), "{allow}");
    }
    let resp = http
        .post(format!(
            "{}/CampaignManagement/v13/NoSuchThing",
            emu.base_url()
        ))
        .header("Content-Type", "application/json")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);
    assert_eq!(emu.requests().len(), 3, "unrouted requests are not calls");
}

#[tokio::test]
async fn every_route_of_the_metadata_is_served() {
    let emu = Emulator::start().await.unwrap();
    let http = common::client_on(common::Wire::Rest);
    let token = common::access_token(&emu);
    let mut served = 0;
    for service in bingads_gen::v13::services() {
        for op in service.operations {
            if op.rest.is_none() {
                assert_eq!(op.name, "PutMetricData", "only PutMetricData is SOAP-only");
                continue;
            }
            let (method, path) = common::rest_route(op);
            let resp = http
                .request(method, format!("{}{path}", emu.base_url()))
                .header("Content-Type", "application/json")
                .header("Authorization", format!("Bearer {token}"))
                .header("DeveloperToken", DEVELOPER_TOKEN)
                .header("CustomerAccountId", ACCOUNT_ID.to_string())
                .body("{}")
                .send()
                .await
                .unwrap();
            let status = resp.status().as_u16();
            assert!(
                [200, 400, 401, 403].contains(&status),
                "{}: HTTP {status}",
                op.name
            );
            assert!(resp.headers().contains_key("TrackingId"), "{}", op.name);
            served += 1;
        }
    }
    assert_eq!(emu.requests().len(), served);
    assert!(served > 280, "{served} routes");
}

#[tokio::test]
async fn faults_are_json_with_type_status_and_tracking_id() {
    let emu = Emulator::start().await.unwrap();
    let http = common::client_on(common::Wire::Rest);
    let token = common::access_token(&emu);

    // Authentication: 401 with AdApiFaultDetail.
    let (status, tracking, text) =
        post_json::<GetUserRequest>(&emu, &http, "{}", &bearer("not-a-token")).await;
    assert_eq!(status, 401);
    let body = parse(&text);
    assert_eq!(str_at(&body, &["Type"]), Some("AdApiFaultDetail"));
    assert_eq!(str_at(&body, &["TrackingId"]), tracking.as_deref());
    assert_eq!(str_at(&body, &["Errors", "0", "Code"]), Some("105"));
    assert_eq!(
        str_at(&body, &["Errors", "0", "ErrorCode"]),
        Some("InvalidCredentials")
    );

    // No credentials at all: 401, RequestMissingHeaders. A non-Bearer scheme is no token.
    let (status, _, text) = post_json::<GetUserRequest>(
        &emu,
        &http,
        "{}",
        &[
            ("Authorization", format!("Basic {token}")),
            ("DeveloperToken", DEVELOPER_TOKEN.to_string()),
        ],
    )
    .await;
    assert_eq!(status, 401);
    assert_eq!(str_at(&parse(&text), &["Errors", "0", "Code"]), Some("116"));

    // An account the user cannot access: 403.
    let mut other = bearer(&token);
    other.push(("CustomerAccountId", "12345".into()));
    let body = r#"{"AccountId":"12345"}"#;
    let (status, _, text) =
        post_json::<cmt::GetCampaignsByAccountIdRequest>(&emu, &http, body, &other).await;
    assert_eq!(status, 403, "{text}");
    assert_eq!(str_at(&parse(&text), &["Errors", "0", "Code"]), Some("106"));

    // Validation: 400 with ApiFaultDetail's OperationErrors (and BatchErrors).
    let body = format!(r#"{{"AccountId":"{ACCOUNT_ID}","Campaigns":[]}}"#);
    let (status, _, text) =
        post_json::<cmt::AddCampaignsRequest>(&emu, &http, &body, &cm(&token)).await;
    assert_eq!(status, 400);
    let fault = parse(&text);
    assert_eq!(str_at(&fault, &["Type"]), Some("ApiFaultDetail"));
    assert_eq!(
        str_at(&fault, &["OperationErrors", "0", "Code"]),
        Some("1113")
    );
    assert!(fault.get("BatchErrors").is_some());

    // Customer Management's own validation fault is ApiFault.
    let (status, _, text) =
        post_json::<GetUserRequest>(&emu, &http, r#"{"UserId":"1"}"#, &bearer(&token)).await;
    assert_eq!(status, 400);
    let fault = parse(&text);
    assert_eq!(str_at(&fault, &["Type"]), Some("ApiFault"));
    assert_eq!(
        str_at(&fault, &["OperationErrors", "0", "Code"]),
        Some("1001")
    );

    // Throttling keeps its code (clients key on it) under HTTP 500.
    emu.inject(Injection::CallRateExceeded);
    let (status, _, text) = post_json::<GetUserRequest>(&emu, &http, "{}", &bearer(&token)).await;
    assert_eq!(status, 500);
    assert_eq!(str_at(&parse(&text), &["Errors", "0", "Code"]), Some("117"));
}

#[tokio::test]
async fn bodies_are_strict_json_of_the_request() {
    let emu = Emulator::start().await.unwrap();
    let http = common::client_on(common::Wire::Rest);
    let token = common::access_token(&emu);
    for (body, expect) in [
        (r#"{"UserIdd":null}"#, "UserId"),
        ("{", "line 1"),
        (r#"{"UserId":true}"#, "UserId"),
        ("", "line 1"),
    ] {
        let (status, tracking, text) =
            post_json::<GetUserRequest>(&emu, &http, body, &bearer(&token)).await;
        assert_eq!(status, 400, "{body}: {text}");
        let fault = parse(&text);
        assert_eq!(str_at(&fault, &["TrackingId"]), tracking.as_deref());
        assert_eq!(
            str_at(&fault, &["OperationErrors", "0", "Code"]),
            Some("201")
        );
        let details = str_at(&fault, &["OperationErrors", "0", "Details"]).unwrap_or_default();
        assert!(details.contains(expect), "{body}: {details}");
    }

    // The media type is checked before anything else.
    let (method, path) = common::rest_route(GetUserRequest::META);
    let resp = http
        .request(method, format!("{}{path}", emu.base_url()))
        .header("Content-Type", "text/xml")
        .header("Authorization", format!("Bearer {token}"))
        .header("DeveloperToken", DEVELOPER_TOKEN)
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 415);

    // An operation without a handler still validates its body, then says so.
    let (status, _, text) =
        post_json::<cmt::GetLabelsByIdsRequest>(&emu, &http, r#"{"Nope":1}"#, &cm(&token)).await;
    assert_eq!(status, 400);
    assert!(text.contains("Nope"), "{text}");
    let (status, _, text) =
        post_json::<cmt::GetLabelsByIdsRequest>(&emu, &http, "{}", &cm(&token)).await;
    assert_eq!(status, 400);
    assert_eq!(
        str_at(&parse(&text), &["OperationErrors", "0", "Code"]),
        Some("204")
    );
}

#[tokio::test]
async fn legacy_user_name_and_password_headers() {
    let emu = Emulator::start().await.unwrap();
    let http = common::client_on(common::Wire::Rest);
    let headers = [
        ("DeveloperToken", DEVELOPER_TOKEN.to_string()),
        ("UserName", USER_NAME.to_string()),
        ("Password", PASSWORD.to_string()),
    ];
    let (status, _, text) = post_json::<GetUserRequest>(&emu, &http, "{}", &headers).await;
    assert_eq!(status, 200, "{text}");
    assert!(text.contains(&format!("\"{USER_ID}\"")), "{text}");
    let recorded = emu.requests();
    assert_eq!(recorded[0].soap_header("UserName"), Some(USER_NAME));
}
