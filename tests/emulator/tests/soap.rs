//! SOAP transport, authentication and Customer Management over HTTP.

#[macro_use]
mod common;

use common::Wire;

use bingads_emulator::*;
use bingads_gen::Nillable;
use bingads_gen::soap::decode_envelope;
use bingads_gen::v13::campaign_management::{self as cmt, GetCampaignsByAccountIdRequest};
use bingads_gen::v13::customer_management::{
    self as cust, FaultDetail, GetAccountRequest, GetCustomerRequest, GetUserRequest, Paging,
    Predicate, PredicateOperator, SearchAccountsRequest,
};

fn ad_api_code(f: &bingads_gen::soap::SoapFault<FaultDetail>) -> (i32, String) {
    match f.detail.as_ref().expect("detail") {
        FaultDetail::AdApiFaultDetail(d) => {
            let e = d
                .errors
                .value()
                .and_then(|v| v.first().cloned().flatten())
                .expect("an error");
            assert_eq!(
                d.tracking_id.value(),
                f.tracking_id.as_ref(),
                "detail carries the tracking id"
            );
            (
                e.code.unwrap_or(-1),
                e.error_code.value().cloned().unwrap_or_default(),
            )
        }
        other => panic!("expected AdApiFaultDetail, got {other:?}"),
    }
}

fn api_fault_code(f: &bingads_gen::soap::SoapFault<FaultDetail>) -> i32 {
    match f.detail.as_ref().expect("detail") {
        FaultDetail::ApiFault(d) => d
            .operation_errors
            .value()
            .and_then(|v| v.first().cloned().flatten())
            .and_then(|e| e.code)
            .unwrap_or(-1),
        other => panic!("expected ApiFault, got {other:?}"),
    }
}

async fn get_user_with_token(wire: Wire) {
    let emu = Emulator::start().await.unwrap();
    let http = common::client_on(wire);
    let token = common::access_token(&emu);
    let (status, env) = common::call(
        &emu,
        &http,
        &GetUserRequest {
            user_id: Nillable::Nil,
        },
        &common::auth_headers(&token),
    )
    .await;
    assert_eq!(status, 200);
    let tracking = env
        .header("TrackingId")
        .expect("TrackingId header")
        .to_string();
    assert!(bingads_gen::types::Guid::parse(&tracking).is_some());
    let resp = env.body.expect("success");
    let user = resp.user.value().unwrap();
    assert_eq!(user.id.value(), Some(&USER_ID));
    assert_eq!(user.user_name.value().map(String::as_str), Some(USER_NAME));
    assert_eq!(user.customer_id.value(), Some(&CUSTOMER_ID));
    let roles = resp.customer_roles.value().unwrap();
    let role = roles[0].as_ref().unwrap();
    assert_eq!(
        role.account_ids.value().unwrap(),
        &vec![ACCOUNT_ID, SECOND_ACCOUNT_ID]
    );

    // Each call gets a fresh tracking id; the request was recorded with its headers.
    let (_, env2) = common::call(
        &emu,
        &http,
        &GetUserRequest::default(),
        &common::auth_headers(&token),
    )
    .await;
    assert_ne!(env2.header("TrackingId"), Some(tracking.as_str()));
    let recorded = emu.requests();
    assert_eq!(recorded.len(), 2);
    assert_eq!(recorded[0].operation, "GetUser");
    assert_eq!(
        recorded[0].soap_header("DeveloperToken"),
        Some(DEVELOPER_TOKEN)
    );
    match wire {
        Wire::Soap => {
            assert_eq!(recorded[0].wire, "soap");
            assert_eq!(recorded[0].http_header("SOAPAction"), Some("GetUser"));
            assert!(recorded[0].body.contains("GetUserRequest"));
        }
        Wire::Rest => {
            assert_eq!(recorded[0].wire, "rest");
            assert_eq!(
                (recorded[0].method.as_str(), recorded[0].path.as_str()),
                ("POST", "/CustomerManagement/v13/User/Query")
            );
            assert_eq!(
                recorded[0].http_header("Authorization"),
                Some(format!("Bearer {token}").as_str())
            );
            assert_eq!(
                recorded[0].soap_header("AuthenticationToken"),
                Some(token.as_str())
            );
            assert_eq!(recorded[0].body, r#"{"UserId":null}"#);
        }
    }

    // Another user's id is not accessible.
    let f = common::fault(
        &emu,
        &http,
        &GetUserRequest {
            user_id: Nillable::Value(1),
        },
        &common::auth_headers(&token),
    )
    .await;
    assert_eq!(api_fault_code(&f), 1001);
}
both_wires!(get_user_with_token);

async fn credentials_are_checked(wire: Wire) {
    let emu = Emulator::start().await.unwrap();
    let http = common::client_on(wire);
    let token = common::access_token(&emu);
    let req = GetUserRequest::default();

    let mut wrong_dev = common::auth_headers(&token);
    wrong_dev[1].1 = "WRONG".into();
    let f = common::fault(&emu, &http, &req, &wrong_dev).await;
    match wire {
        Wire::Soap => {
            assert_eq!(f.code, "s:Server");
            assert!(f.message.contains(f.tracking_id.as_deref().unwrap()));
        }
        Wire::Rest => assert_eq!(f.code, "HTTP 401"),
    }
    assert_eq!(ad_api_code(&f), (105, "InvalidCredentials".into()));

    let f = common::fault(&emu, &http, &req, &common::auth_headers("not-a-token")).await;
    assert_eq!(ad_api_code(&f), (105, "InvalidCredentials".into()));

    let f = common::fault(
        &emu,
        &http,
        &req,
        &[("DeveloperToken", DEVELOPER_TOKEN.to_string())],
    )
    .await;
    assert_eq!(ad_api_code(&f), (116, "RequestMissingHeaders".into()));

    emu.expire_access_tokens();
    let f = common::fault(&emu, &http, &req, &common::auth_headers(&token)).await;
    assert_eq!(ad_api_code(&f), (109, "AuthenticationTokenExpired".into()));
    // A new token works again.
    common::ok(
        &emu,
        &http,
        &req,
        &common::auth_headers(&common::access_token(&emu)),
    )
    .await;

    // Legacy user name and password.
    let legacy = [
        ("DeveloperToken", DEVELOPER_TOKEN.to_string()),
        ("Password", PASSWORD.to_string()),
        ("UserName", USER_NAME.to_string()),
    ];
    common::ok(&emu, &http, &req, &legacy).await;
    let bad = [
        ("DeveloperToken", DEVELOPER_TOKEN.to_string()),
        ("Password", "x".to_string()),
        ("UserName", USER_NAME.to_string()),
    ];
    assert_eq!(
        ad_api_code(&common::fault(&emu, &http, &req, &bad).await).0,
        105
    );
}
both_wires!(credentials_are_checked);

async fn short_token_lifetime_expires(wire: Wire) {
    let emu = Emulator::start_with(
        EmulatorConfig::default().with_access_token_lifetime(std::time::Duration::from_millis(50)),
    )
    .await
    .unwrap();
    let http = common::client_on(wire);
    let token = common::access_token(&emu);
    common::ok(
        &emu,
        &http,
        &GetUserRequest::default(),
        &common::auth_headers(&token),
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(80)).await;
    let f = common::fault(
        &emu,
        &http,
        &GetUserRequest::default(),
        &common::auth_headers(&token),
    )
    .await;
    assert_eq!(ad_api_code(&f).0, 109);
}
both_wires!(short_token_lifetime_expires);

#[tokio::test]
async fn out_of_order_elements_are_rejected() {
    let emu = Emulator::start().await.unwrap();
    let http = common::client();
    let token = common::access_token(&emu);
    let req = GetCampaignsByAccountIdRequest {
        account_id: Some(ACCOUNT_ID),
        campaign_type: Some(vec![cmt::CampaignType::Search].into()),
        ..Default::default()
    };
    let doc = common::envelope(&req, &common::cm_headers(&token));
    let account = format!("<AccountId>{ACCOUNT_ID}</AccountId>");
    let kind = "<CampaignType>Search</CampaignType>";
    assert!(doc.contains(&format!("{account}{kind}")), "{doc}");
    let swapped = doc.replace(&format!("{account}{kind}"), &format!("{kind}{account}"));
    let (status, body) =
        common::post_raw::<GetCampaignsByAccountIdRequest>(&emu, &http, swapped).await;
    assert_eq!(status, 500);
    let env = decode_envelope::<cmt::GetCampaignsByAccountIdResponse, cmt::FaultDetail>(
        &body,
        <GetCampaignsByAccountIdRequest as bingads_gen::soap::Operation>::META,
    )
    .unwrap();
    let fault = env.body.unwrap_err();
    assert_eq!(fault.code, "s:Client");
    assert!(
        fault.message.contains("AccountId") && fault.message.contains("CampaignType"),
        "{}",
        fault.message
    );

    // The same document in order is fine.
    let (status, _) = common::post_raw::<GetCampaignsByAccountIdRequest>(&emu, &http, doc).await;
    assert_eq!(status, 200);

    // Lenient mode accepts the swapped order.
    let lenient = Emulator::start_with(EmulatorConfig::default().with_strict_order(false))
        .await
        .unwrap();
    let token = common::access_token(&lenient);
    let doc = common::envelope(&req, &common::cm_headers(&token));
    let swapped = doc.replace(&format!("{account}{kind}"), &format!("{kind}{account}"));
    let (status, _) =
        common::post_raw::<GetCampaignsByAccountIdRequest>(&lenient, &http, swapped).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn http_level_checks() {
    let emu = Emulator::start().await.unwrap();
    let http = common::client();
    let token = common::access_token(&emu);
    let doc = common::envelope(&GetUserRequest::default(), &common::auth_headers(&token));
    let url = emu.service_url(&cust::SERVICE);
    assert_eq!(
        url,
        format!(
            "{}/Api/CustomerManagement/v13/CustomerManagementService.svc",
            emu.base_url()
        )
    );
    assert_eq!(
        emu.service_url(&cmt::SERVICE),
        format!(
            "{}/Api/Advertiser/CampaignManagement/v13/CampaignManagementService.svc",
            emu.base_url()
        )
    );

    // SOAP 1.2 media type.
    let resp = http
        .post(&url)
        .header("Content-Type", "application/soap+xml; charset=utf-8")
        .header("SOAPAction", "GetUser")
        .body(doc.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 415);

    // SOAPAction naming no operation (quoted, as some stacks send it).
    let resp = http
        .post(&url)
        .header("Content-Type", "text/xml")
        .header("SOAPAction", "\"NoSuchOperation\"")
        .body(doc.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 500);
    assert!(resp.text().await.unwrap().contains("s:Client"));

    // SOAPAction of another operation than the body: the body is not that operation's.
    let resp = http
        .post(&url)
        .header("Content-Type", "text/xml")
        .header("SOAPAction", "GetCustomer")
        .body(doc.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 500);

    // Quoted SOAPAction is accepted.
    let resp = http
        .post(&url)
        .header("Content-Type", "text/xml; charset=utf-8")
        .header("SOAPAction", "\"GetUser\"")
        .body(doc.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert!(
        resp.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/xml")
    );

    // Not XML at all.
    let (status, body) = common::post_raw::<GetUserRequest>(&emu, &http, "hello".into()).await;
    assert_eq!(status, 500);
    assert!(String::from_utf8_lossy(&body).contains("s:Client"));

    // GET and unknown paths.
    assert_eq!(http.get(&url).send().await.unwrap().status(), 405);
    assert_eq!(
        http.get(format!("{}/nope", emu.base_url()))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );

    // Body limit.
    let small = Emulator::start_with(EmulatorConfig::default().with_max_body_bytes(1024))
        .await
        .unwrap();
    let resp = http
        .post(small.service_url(&cust::SERVICE))
        .header("Content-Type", "text/xml")
        .header("SOAPAction", "GetUser")
        .body(vec![b' '; 4096])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 413);
}

async fn unimplemented_operation_is_a_fault(wire: Wire) {
    let emu = Emulator::start().await.unwrap();
    let http = common::client_on(wire);
    let token = common::access_token(&emu);
    let f = common::fault(
        &emu,
        &http,
        &cust::GetCustomerPilotFeaturesRequest::default(),
        &common::auth_headers(&token),
    )
    .await;
    assert_eq!(api_fault_code(&f), 204);
    // Authentication still comes first.
    let f = common::fault(
        &emu,
        &http,
        &cust::GetCustomerPilotFeaturesRequest::default(),
        &common::auth_headers("x"),
    )
    .await;
    assert_eq!(ad_api_code(&f).0, 105);
}
both_wires!(unimplemented_operation_is_a_fault);

async fn customer_and_accounts(wire: Wire) {
    let emu = Emulator::start().await.unwrap();
    let http = common::client_on(wire);
    let h = common::auth_headers(&common::access_token(&emu));

    let c = common::ok(
        &emu,
        &http,
        &GetCustomerRequest {
            customer_id: Some(CUSTOMER_ID),
        },
        &h,
    )
    .await;
    let customer = c.customer.value().unwrap();
    assert_eq!(customer.id.value(), Some(&CUSTOMER_ID));
    assert_eq!(
        customer.number.value().map(String::as_str),
        Some(CUSTOMER_NUMBER)
    );
    let f = common::fault(
        &emu,
        &http,
        &GetCustomerRequest {
            customer_id: Some(5),
        },
        &h,
    )
    .await;
    assert_eq!(api_fault_code(&f), 1001);

    let a = common::ok(
        &emu,
        &http,
        &GetAccountRequest {
            account_id: Some(SECOND_ACCOUNT_ID),
            ..Default::default()
        },
        &h,
    )
    .await;
    let account = a.account.value().unwrap();
    assert_eq!(
        account.number.value().map(String::as_str),
        Some(SECOND_ACCOUNT_NUMBER)
    );
    assert_eq!(account.parent_customer_id, Some(CUSTOMER_ID));
    let f = common::fault(
        &emu,
        &http,
        &GetAccountRequest {
            account_id: Some(77),
            ..Default::default()
        },
        &h,
    )
    .await;
    assert_eq!(api_fault_code(&f), 2108);
}
both_wires!(customer_and_accounts);

fn predicate(field: &str, op: PredicateOperator, value: &str) -> Option<Predicate> {
    Some(Predicate {
        field: field.into(),
        operator: Some(op),
        value: value.into(),
    })
}

fn search(predicates: Vec<Option<Predicate>>, index: i32, size: i32) -> SearchAccountsRequest {
    SearchAccountsRequest {
        predicates: Nillable::Value(predicates),
        page_info: Nillable::Value(Paging {
            index: Some(index),
            size: Some(size),
        }),
        ..Default::default()
    }
}

async fn search_ids(
    emu: &Emulator,
    http: &common::Http,
    h: &[(&'static str, String)],
    req: SearchAccountsRequest,
) -> Vec<i64> {
    let resp = common::ok(emu, http, &req, h).await;
    resp.accounts
        .value()
        .unwrap()
        .iter()
        .flatten()
        .map(|a| *a.id.value().unwrap())
        .collect()
}

async fn search_accounts_predicates_and_paging(wire: Wire) {
    let emu = Emulator::start().await.unwrap();
    let http = common::client_on(wire);
    let h = common::auth_headers(&common::access_token(&emu));
    let user = USER_ID.to_string();

    let all = search_ids(
        &emu,
        &http,
        &h,
        search(
            vec![predicate("UserId", PredicateOperator::Equals, &user)],
            0,
            100,
        ),
    )
    .await;
    assert_eq!(all, vec![ACCOUNT_ID, SECOND_ACCOUNT_ID]);
    let page0 = search_ids(
        &emu,
        &http,
        &h,
        search(
            vec![predicate("UserId", PredicateOperator::Equals, &user)],
            0,
            1,
        ),
    )
    .await;
    let page1 = search_ids(
        &emu,
        &http,
        &h,
        search(
            vec![predicate("UserId", PredicateOperator::Equals, &user)],
            1,
            1,
        ),
    )
    .await;
    let page2 = search_ids(
        &emu,
        &http,
        &h,
        search(
            vec![predicate("UserId", PredicateOperator::Equals, &user)],
            2,
            1,
        ),
    )
    .await;
    assert_eq!(
        (page0, page1, page2),
        (vec![ACCOUNT_ID], vec![SECOND_ACCOUNT_ID], vec![])
    );

    let by_customer = search_ids(
        &emu,
        &http,
        &h,
        search(
            vec![predicate(
                "CustomerId",
                PredicateOperator::Equals,
                &CUSTOMER_ID.to_string(),
            )],
            0,
            10,
        ),
    )
    .await;
    assert_eq!(by_customer.len(), 2);
    let by_number = search_ids(
        &emu,
        &http,
        &h,
        search(
            vec![predicate(
                "AccountNumber",
                PredicateOperator::Equals,
                ACCOUNT_NUMBER,
            )],
            0,
            10,
        ),
    )
    .await;
    assert_eq!(by_number, vec![ACCOUNT_ID]);
    let by_name = search_ids(
        &emu,
        &http,
        &h,
        search(
            vec![predicate("AccountName", PredicateOperator::Contains, "two")],
            0,
            10,
        ),
    )
    .await;
    assert_eq!(by_name, vec![SECOND_ACCOUNT_ID]);
    let nobody = search_ids(
        &emu,
        &http,
        &h,
        search(
            vec![predicate("UserId", PredicateOperator::Equals, "12")],
            0,
            10,
        ),
    )
    .await;
    assert!(nobody.is_empty());

    // Descending by name.
    let mut req = search(
        vec![predicate("UserId", PredicateOperator::Equals, &user)],
        0,
        10,
    );
    req.ordering = Nillable::Value(vec![Some(cust::OrderBy {
        field: Some(cust::OrderByField::Name),
        order: Some(cust::SortOrder::Descending),
    })]);
    assert_eq!(
        search_ids(&emu, &http, &h, req).await,
        vec![SECOND_ACCOUNT_ID, ACCOUNT_ID]
    );

    let f = common::fault(&emu, &http, &search(vec![], 0, 10), &h).await;
    assert_eq!(api_fault_code(&f), 474);
    let f = common::fault(
        &emu,
        &http,
        &search(
            vec![predicate("Colour", PredicateOperator::Equals, "red")],
            0,
            10,
        ),
        &h,
    )
    .await;
    assert_eq!(api_fault_code(&f), 3030);
    let f = common::fault(
        &emu,
        &http,
        &search(
            vec![predicate("UserId", PredicateOperator::Equals, &user)],
            0,
            0,
        ),
        &h,
    )
    .await;
    assert_eq!(api_fault_code(&f), 3080);
    let mut no_page = search(
        vec![predicate("UserId", PredicateOperator::Equals, &user)],
        0,
        10,
    );
    no_page.page_info = Nillable::Absent;
    assert_eq!(
        api_fault_code(&common::fault(&emu, &http, &no_page, &h).await),
        3080
    );
}
both_wires!(search_accounts_predicates_and_paging);
