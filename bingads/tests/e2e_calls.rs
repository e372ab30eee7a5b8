//! End-to-end calls through `bingads::Client` against the in-process emulator: typed replies
//! with TrackingIds and exact 64-bit ids, the SOAP and HTTP headers on the wire, typed faults,
//! partial errors, and connection reuse.

#[macro_use]
mod common;

use bingads::Wire;

use bingads::v13::campaign_management::{self as cm, BatchError};
use bingads::v13::customer_management::{self as cust, GetUserRequest};
use bingads::{Decimal, Error, Nillable, RetryPolicy};
use bingads_emulator::{
    ACCOUNT_ID, ACCOUNT_NAME, CUSTOMER_ID, DEVELOPER_TOKEN, Emulator, FIRST_ENTITY_ID, PASSWORD,
    RecordedRequest, SECOND_ACCOUNT_ID, SECOND_ACCOUNT_NAME, USER_ID, USER_NAME,
};

fn text_asset(text: &str) -> Option<cm::AssetLink> {
    Some(cm::AssetLink {
        asset: Nillable::Value(cm::Asset::TextAsset(cm::TextAsset {
            text: text.into(),
            ..Default::default()
        })),
        ..Default::default()
    })
}

fn responsive_search_ad() -> cm::Ad {
    cm::Ad::ResponsiveSearchAd(cm::ResponsiveSearchAd {
        final_urls: Nillable::Value(vec![Some("https://example.com/shoes".into())]),
        headlines: Nillable::Value(vec![
            text_asset("Running shoes"),
            text_asset("Trail shoes"),
            text_asset("Free delivery"),
        ]),
        descriptions: Nillable::Value(vec![
            text_asset("Shoes that run."),
            text_asset("Order today."),
        ]),
        ..Default::default()
    })
}

/// The ids of an `ArrayOfNullableOflong`, all present.
#[track_caller]
fn all_ids(ids: &Nillable<Vec<Option<i64>>>) -> Vec<i64> {
    ids.value()
        .expect("ids")
        .iter()
        .map(|id| id.expect("every item was added"))
        .collect()
}

#[track_caller]
fn no_partial_errors(errors: &Nillable<Vec<Option<BatchError>>>) {
    assert!(
        errors.value().is_none_or(|e| e.is_empty()),
        "unexpected partial errors: {errors:?}"
    );
}

async fn typed_calls_round_trip_with_tracking_ids_and_exact_ids(wire: Wire) {
    let emu = common::emulator().await;
    let oauth = common::OAuth::new(&emu);
    let client = oauth.client(&emu, RetryPolicy::none(), wire);
    let customer = client.customer_management().unwrap();
    let campaigns = client.campaign_management().unwrap();
    let mut tracking_ids = Vec::new();

    // Customer Management.
    let user = customer.get_user(&GetUserRequest::default()).await.unwrap();
    tracking_ids.push(common::tracking(user.tracking_id.as_deref()));
    let u = user.value.user.value().expect("a user");
    assert_eq!(u.id.value(), Some(&USER_ID));
    assert_eq!(u.user_name.value().map(String::as_str), Some(USER_NAME));
    let role = user.value.customer_roles.value().unwrap()[0]
        .clone()
        .unwrap();
    assert_eq!(role.customer_id, Some(CUSTOMER_ID));
    assert_eq!(
        role.account_ids.value(),
        Some(&vec![ACCOUNT_ID, SECOND_ACCOUNT_ID])
    );

    let search = cust::SearchAccountsRequest {
        predicates: Nillable::Value(vec![Some(cust::Predicate {
            field: "UserId".into(),
            operator: Some(cust::PredicateOperator::Equals),
            value: USER_ID.to_string().into(),
        })]),
        ordering: Nillable::Value(vec![Some(cust::OrderBy {
            field: Some(cust::OrderByField::Id),
            order: Some(cust::SortOrder::Descending),
        })]),
        page_info: Nillable::Value(cust::Paging {
            index: Some(0),
            size: Some(10),
        }),
        ..Default::default()
    };
    let accounts = customer.search_accounts(&search).await.unwrap();
    tracking_ids.push(common::tracking(accounts.tracking_id.as_deref()));
    let found: Vec<(i64, String)> = accounts
        .value
        .accounts
        .value()
        .unwrap()
        .iter()
        .flatten()
        .map(|a| (*a.id.value().unwrap(), a.name.value().unwrap().clone()))
        .collect();
    assert_eq!(
        found,
        vec![
            (SECOND_ACCOUNT_ID, SECOND_ACCOUNT_NAME.to_string()),
            (ACCOUNT_ID, ACCOUNT_NAME.to_string()),
        ]
    );

    // Campaign Management: the whole tree, then read back.
    let budgets = campaigns
        .add_budgets(&cm::AddBudgetsRequest {
            budgets: Nillable::Value(vec![Some(cm::Budget {
                name: "Shared".into(),
                amount: Nillable::Value(Decimal::parse("12.50").unwrap()),
                budget_type: Nillable::Value(cm::BudgetLimitType::DailyBudgetStandard),
                ..Default::default()
            })]),
        })
        .await
        .unwrap();
    tracking_ids.push(common::tracking(budgets.tracking_id.as_deref()));
    no_partial_errors(&budgets.value.partial_errors);
    let budget_id = all_ids(&budgets.value.budget_ids)[0];

    let added = campaigns
        .add_campaigns(&common::add_campaigns(vec![Some(cm::Campaign {
            budget_id: Nillable::Value(budget_id),
            daily_budget: Nillable::Absent,
            budget_type: Nillable::Absent,
            ..common::campaign("Summer")
        })]))
        .await
        .unwrap();
    tracking_ids.push(common::tracking(added.tracking_id.as_deref()));
    no_partial_errors(&added.value.partial_errors);
    let campaign_id = all_ids(&added.value.campaign_ids)[0];

    let groups = campaigns
        .add_ad_groups(&cm::AddAdGroupsRequest {
            campaign_id: Some(campaign_id),
            ad_groups: Nillable::Value(vec![Some(cm::AdGroup {
                name: "Shoes".into(),
                cpc_bid: Nillable::Value(cm::Bid {
                    amount: Nillable::Value(0.5),
                }),
                ..Default::default()
            })]),
            ..Default::default()
        })
        .await
        .unwrap();
    tracking_ids.push(common::tracking(groups.tracking_id.as_deref()));
    no_partial_errors(&groups.value.partial_errors);
    let ad_group_id = all_ids(&groups.value.ad_group_ids)[0];

    let keyword = |text: &str, match_type| cm::Keyword {
        text: text.into(),
        match_type: Nillable::Value(match_type),
        bid: Nillable::Value(cm::Bid {
            amount: Nillable::Value(0.75),
        }),
        ..Default::default()
    };
    let keywords = campaigns
        .add_keywords(&cm::AddKeywordsRequest {
            ad_group_id: Nillable::Value(ad_group_id),
            keywords: Nillable::Value(vec![
                Some(keyword("running shoes", cm::MatchType::Phrase)),
                Some(keyword("trail shoes", cm::MatchType::Exact)),
            ]),
            ..Default::default()
        })
        .await
        .unwrap();
    tracking_ids.push(common::tracking(keywords.tracking_id.as_deref()));
    no_partial_errors(&keywords.value.partial_errors);
    let keyword_ids = all_ids(&keywords.value.keyword_ids);

    let ads = campaigns
        .add_ads(&cm::AddAdsRequest {
            ad_group_id: Some(ad_group_id),
            ads: Nillable::Value(vec![Some(responsive_search_ad())]),
        })
        .await
        .unwrap();
    tracking_ids.push(common::tracking(ads.tracking_id.as_deref()));
    no_partial_errors(&ads.value.partial_errors);
    let ad_id = all_ids(&ads.value.ad_ids)[0];

    // Ids come from a counter that starts above 2^53 and steps by two: every id is exact.
    let expected: Vec<i64> = (0..6).map(|i| FIRST_ENTITY_ID + 2 * i).collect();
    let got = [
        budget_id,
        campaign_id,
        ad_group_id,
        keyword_ids[0],
        keyword_ids[1],
        ad_id,
    ];
    assert_eq!(got.to_vec(), expected);
    for id in got {
        common::assert_exact_id(id);
    }

    let read_budgets = campaigns
        .get_budgets_by_ids(&cm::GetBudgetsByIdsRequest {
            budget_ids: Nillable::Value(vec![budget_id]),
        })
        .await
        .unwrap();
    tracking_ids.push(common::tracking(read_budgets.tracking_id.as_deref()));
    let b = read_budgets.value.budgets.value().unwrap()[0]
        .clone()
        .unwrap();
    assert_eq!(b.id.value(), Some(&budget_id));
    // SOAP keeps the decimal's text; REST carries it as the JSON number 12.5.
    let amount = b.amount.value().map(Decimal::as_str);
    assert!(matches!(amount, Some("12.50" | "12.5")), "{amount:?}");

    let read_campaigns = campaigns
        .get_campaigns_by_ids(&cm::GetCampaignsByIdsRequest {
            account_id: Some(ACCOUNT_ID),
            campaign_ids: Nillable::Value(vec![campaign_id]),
            ..Default::default()
        })
        .await
        .unwrap();
    tracking_ids.push(common::tracking(read_campaigns.tracking_id.as_deref()));
    let c = read_campaigns.value.campaigns.value().unwrap()[0]
        .clone()
        .unwrap();
    assert_eq!(c.id.value(), Some(&campaign_id));
    assert_eq!(c.budget_id.value(), Some(&budget_id));
    assert_eq!(c.name.value().map(String::as_str), Some("Summer"));

    let by_account = campaigns
        .get_campaigns_by_account_id(&common::get_campaigns())
        .await
        .unwrap();
    tracking_ids.push(common::tracking(by_account.tracking_id.as_deref()));
    assert_eq!(by_account.value.campaigns.value().unwrap().len(), 1);

    let read_groups = campaigns
        .get_ad_groups_by_ids(&cm::GetAdGroupsByIdsRequest {
            campaign_id: Some(campaign_id),
            ad_group_ids: Nillable::Value(vec![ad_group_id]),
            ..Default::default()
        })
        .await
        .unwrap();
    tracking_ids.push(common::tracking(read_groups.tracking_id.as_deref()));
    let g = read_groups.value.ad_groups.value().unwrap()[0]
        .clone()
        .unwrap();
    assert_eq!(g.id.value(), Some(&ad_group_id));
    assert_eq!(g.name.value().map(String::as_str), Some("Shoes"));

    let read_keywords = campaigns
        .get_keywords_by_ids(&cm::GetKeywordsByIdsRequest {
            ad_group_id: Nillable::Value(ad_group_id),
            keyword_ids: Nillable::Value(keyword_ids.clone()),
            ..Default::default()
        })
        .await
        .unwrap();
    tracking_ids.push(common::tracking(read_keywords.tracking_id.as_deref()));
    let read: Vec<(i64, String)> = read_keywords
        .value
        .keywords
        .value()
        .unwrap()
        .iter()
        .flatten()
        .map(|k| (*k.id.value().unwrap(), k.text.value().unwrap().clone()))
        .collect();
    assert_eq!(
        read,
        vec![
            (keyword_ids[0], "running shoes".to_string()),
            (keyword_ids[1], "trail shoes".to_string()),
        ]
    );

    let read_ads = campaigns
        .get_ads_by_ids(&cm::GetAdsByIdsRequest {
            ad_group_id: Some(ad_group_id),
            ad_ids: Nillable::Value(vec![ad_id]),
            ..Default::default()
        })
        .await
        .unwrap();
    tracking_ids.push(common::tracking(read_ads.tracking_id.as_deref()));
    match read_ads.value.ads.value().unwrap()[0].as_ref().unwrap() {
        cm::Ad::ResponsiveSearchAd(a) => {
            assert_eq!(a.id.value(), Some(&ad_id));
            // The ad's own `Type` member: SOAP's `<Type>` element, REST's discriminator.
            assert_eq!(
                a.type_.value(),
                Some(&cm::AdType::ResponsiveSearch),
                "{wire:?}"
            );
            assert_eq!(a.headlines.value().map(Vec::len), Some(3));
        }
        other => panic!("expected a responsive search ad, got {other:?}"),
    }

    // One TrackingId per call, each its own.
    let mut unique = tracking_ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), tracking_ids.len(), "{tracking_ids:?}");
    assert_eq!(emu.requests().len(), tracking_ids.len());
}
both_wires!(typed_calls_round_trip_with_tracking_ids_and_exact_ids);

/// `(name, value)` of the credential headers a recorded call carried under their SOAP
/// header names: on SOAP the envelope's header elements in document order, on REST the HTTP
/// headers (`Authorization: Bearer` read as `AuthenticationToken`) sorted by name, since
/// HTTP header order carries no meaning.
fn soap_headers(r: &RecordedRequest) -> Vec<(&str, &str)> {
    let mut headers: Vec<(&str, &str)> = r
        .soap_headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    if r.wire == "rest" {
        headers.sort();
    }
    headers
}

/// The HTTP side of a recorded call: SOAP's `SOAPAction` and media type, or REST's method,
/// path and JSON media types; the SDK's User-Agent and Api-Revision on both. A call with
/// legacy credentials (`token: false`) sends no `Authorization`; SOAP never does.
#[track_caller]
fn assert_http_headers(r: &RecordedRequest, operation: &str, user_agent: &str, token: bool) {
    assert_eq!(r.operation, operation);
    match r.wire.as_str() {
        "soap" => {
            assert_eq!(r.soap_action, operation);
            let soap_action = format!("\"{operation}\"");
            assert_eq!(r.http_header("SOAPAction"), Some(soap_action.as_str()));
            assert_eq!(
                r.http_header("Content-Type"),
                Some("text/xml; charset=utf-8")
            );
            assert_eq!(
                r.http_header("Authorization"),
                None,
                "SOAP carries the token inside"
            );
        }
        "rest" => {
            let route = [
                &bingads::v13::customer_management::SERVICE,
                &bingads::v13::campaign_management::SERVICE,
            ]
            .iter()
            .find_map(|s| s.operation(operation))
            .and_then(|op| op.rest)
            .expect("a REST route");
            assert_eq!(r.method, route.method.as_str());
            assert_eq!(r.path, route.path);
            assert_eq!(r.http_header("SOAPAction"), None);
            assert_eq!(r.http_header("Content-Type"), Some("application/json"));
            assert_eq!(r.http_header("Accept"), Some("application/json"));
            assert_eq!(r.http_header("Authorization").is_some(), token);
        }
        other => panic!("unknown wire {other}"),
    }
    assert_eq!(r.http_header("User-Agent"), Some(user_agent));
    assert_eq!(r.http_header("Api-Revision"), Some("2026-10-12"));
    assert_eq!(r.http_header("Cookie"), None, "Cookie must not be sent");
}

async fn each_operation_sends_exactly_its_declared_headers(wire: Wire) {
    let emu = common::emulator().await;
    let oauth = common::OAuth::new(&emu);
    let token = oauth.initial.access_token.clone();
    let client = oauth.client(&emu, RetryPolicy::none(), wire);
    let ua = format!("bingads-rs/{} (Rust)", env!("CARGO_PKG_VERSION"));
    let account = ACCOUNT_ID.to_string();
    let customer = CUSTOMER_ID.to_string();

    let service = &bingads::v13::campaign_management::SERVICE;
    let expected_endpoint = match wire {
        Wire::Soap => emu.service_url(service),
        Wire::Rest => format!("{}/", emu.rest_base_url(service)),
    };
    assert_eq!(client.endpoint(service).unwrap(), expected_endpoint);

    // Customer Management's GetUser declares no CustomerId / CustomerAccountId header, so
    // none is sent although the client has both ids.
    client
        .customer_management()
        .unwrap()
        .get_user(&GetUserRequest::default())
        .await
        .unwrap();
    // Campaign Management declares both.
    client
        .campaign_management()
        .unwrap()
        .get_campaigns_by_account_id(&common::get_campaigns())
        .await
        .unwrap();
    client
        .campaign_management()
        .unwrap()
        .add_campaigns(&common::add_campaigns(vec![Some(common::campaign("H"))]))
        .await
        .unwrap();

    let recorded = emu.requests();
    assert_eq!(recorded.len(), 3);
    assert_eq!(
        soap_headers(&recorded[0]),
        vec![
            ("AuthenticationToken", token.as_str()),
            ("DeveloperToken", DEVELOPER_TOKEN)
        ]
    );
    assert_http_headers(&recorded[0], "GetUser", &ua, true);
    let cm_headers = vec![
        ("AuthenticationToken", token.as_str()),
        ("CustomerAccountId", account.as_str()),
        ("CustomerId", customer.as_str()),
        ("DeveloperToken", DEVELOPER_TOKEN),
    ];
    assert_eq!(soap_headers(&recorded[1]), cm_headers);
    assert_http_headers(&recorded[1], "GetCampaignsByAccountId", &ua, true);
    assert_eq!(soap_headers(&recorded[2]), cm_headers);
    assert_http_headers(&recorded[2], "AddCampaigns", &ua, true);
    if wire == Wire::Soap {
        assert!(recorded[0].path.ends_with("/CustomerManagementService.svc"));
        assert!(recorded[1].path.ends_with("/CampaignManagementService.svc"));
    }

    // Legacy credentials: UserName and Password instead of AuthenticationToken; the
    // User-Agent suffix is appended; another account is one call away.
    emu.clear_requests();
    let legacy = bingads::Client::builder(
        common::authorization(bingads::auth::PasswordAuthentication::new(
            USER_NAME, PASSWORD,
        )),
        bingads::Environment::Production,
    )
    .endpoint_base(emu.base_url())
    .wire(wire)
    .user_agent_suffix("e2e-tests/1.0")
    .retry_policy(RetryPolicy::none())
    .build()
    .unwrap();
    legacy
        .customer_management()
        .unwrap()
        .get_user(&GetUserRequest::default())
        .await
        .unwrap();
    legacy
        .with_account_id(SECOND_ACCOUNT_ID)
        .campaign_management()
        .unwrap()
        .get_campaigns_by_account_id(&cm::GetCampaignsByAccountIdRequest {
            account_id: Some(SECOND_ACCOUNT_ID),
            ..Default::default()
        })
        .await
        .unwrap();
    let recorded = emu.requests();
    let ua = format!("{ua} e2e-tests/1.0");
    assert_eq!(
        soap_headers(&recorded[0]),
        vec![
            ("DeveloperToken", DEVELOPER_TOKEN),
            ("Password", PASSWORD),
            ("UserName", USER_NAME),
        ]
    );
    assert_http_headers(&recorded[0], "GetUser", &ua, false);
    let second = SECOND_ACCOUNT_ID.to_string();
    assert_eq!(
        soap_headers(&recorded[1]),
        vec![
            ("CustomerAccountId", second.as_str()),
            ("CustomerId", customer.as_str()),
            ("DeveloperToken", DEVELOPER_TOKEN),
            ("Password", PASSWORD),
            ("UserName", USER_NAME),
        ]
    );
    assert_http_headers(&recorded[1], "GetCampaignsByAccountId", &ua, false);
}
both_wires!(each_operation_sends_exactly_its_declared_headers);

/// The fault of a failed call, with the checks every fault passes. The HTTP status is 500 on SOAP (every SOAP fault) and `rest_status` on REST (401 for
/// credentials, 403 for access, 400 for the request's own errors).
#[track_caller]
fn expect_fault(
    wire: Wire,
    rest_status: u16,
    result: Result<impl std::fmt::Debug, Error>,
) -> Box<bingads::ServiceFault> {
    let err = result.expect_err("the call faults");
    let Error::Fault(fault) = err else {
        panic!("expected Error::Fault, got {err:?}");
    };
    let tracking = common::tracking(fault.tracking_id.as_deref());
    let status = match wire {
        Wire::Soap => 500,
        Wire::Rest => rest_status,
    };
    assert_eq!(fault.http_status, status, "{wire:?}");
    assert!(!fault.errors.is_empty(), "{fault:?}");
    let shown = fault.to_string();
    assert!(shown.contains(&tracking), "{shown}");
    fault
}

async fn validation_faults_are_typed(wire: Wire) {
    let emu = common::emulator().await;
    let client = common::password_client(&emu, RetryPolicy::none(), wire);
    let campaigns = client.campaign_management().unwrap();

    // The body's AccountId is not the CustomerAccountId header's account.
    let mut request = common::add_campaigns(vec![Some(common::campaign("Mismatch"))]);
    request.account_id = Some(SECOND_ACCOUNT_ID);
    let err = campaigns.add_campaigns(&request).await.unwrap_err();
    assert!(err.has_code(1102));
    let tracking = common::tracking(err.tracking_id());
    let shown = err.to_string();
    for part in ["1102", "CampaignServiceInvalidAccountId", tracking.as_str()] {
        assert!(shown.contains(part), "{part} missing from {shown}");
    }
    let fault = expect_fault(wire, 400, Err::<(), _>(err));
    assert_eq!(fault.service, "CampaignManagementService");
    assert_eq!(fault.operation, "AddCampaigns");
    if wire == Wire::Soap {
        assert_eq!(fault.fault_code, "s:Server");
    }
    assert_eq!(fault.detail_name.as_deref(), Some("ApiFaultDetail"));
    assert_eq!(fault.codes(), vec![1102]);
    let e = &fault.errors[0];
    assert_eq!(e.code, Some(1102));
    assert_eq!(
        e.error_code.as_deref(),
        Some("CampaignServiceInvalidAccountId")
    );
    assert!(e.message.as_deref().is_some_and(|m| !m.is_empty()), "{e:?}");
    assert_eq!(e.details, Some(SECOND_ACCOUNT_ID.to_string()));
    assert_eq!(e.list, "OperationErrors");
    match fault.detail::<cm::FaultDetail>() {
        Some(cm::FaultDetail::ApiFaultDetail(d)) => {
            assert_eq!(d.tracking_id.value(), Some(&tracking));
            let op = d.operation_errors.value().unwrap()[0].clone().unwrap();
            assert_eq!(op.code, Some(1102));
            assert_eq!(
                op.error_code.value().map(String::as_str),
                Some("CampaignServiceInvalidAccountId")
            );
            assert_eq!(op.message.value(), e.message.as_ref());
        }
        other => panic!("expected ApiFaultDetail, got {other:?}"),
    }
    // Nothing was added.
    assert!(common::campaign_names(&client).await.is_empty());

    // A wrong developer token: authentication faults come as AdApiFaultDetail.
    let wrong_token = common::client_for(
        &emu,
        bingads::AuthorizationData::new(
            bingads::auth::PasswordAuthentication::new(USER_NAME, PASSWORD),
            "WRONG0DEVELOPER0TOKEN",
        )
        .with_account_id(ACCOUNT_ID),
        RetryPolicy::none(),
        wire,
    );
    let fault = expect_fault(
        wire,
        401,
        wrong_token
            .campaign_management()
            .unwrap()
            .get_campaigns_by_account_id(&common::get_campaigns())
            .await,
    );
    assert_eq!(fault.detail_name.as_deref(), Some("AdApiFaultDetail"));
    assert_eq!(fault.codes(), vec![105]);
    assert_eq!(
        fault.errors[0].error_code.as_deref(),
        Some("InvalidCredentials")
    );
    match fault.detail::<cm::FaultDetail>() {
        Some(cm::FaultDetail::AdApiFaultDetail(d)) => {
            let e = d.errors.value().unwrap()[0].clone().unwrap();
            assert_eq!(e.code, Some(105));
            assert_eq!(d.tracking_id.value(), fault.tracking_id.as_ref());
        }
        other => panic!("expected AdApiFaultDetail, got {other:?}"),
    }

    // No developer token at all.
    let no_token = common::client_for(
        &emu,
        bingads::AuthorizationData::new(
            bingads::auth::PasswordAuthentication::new(USER_NAME, PASSWORD),
            "",
        ),
        RetryPolicy::none(),
        wire,
    );
    let fault = expect_fault(
        wire,
        401,
        no_token
            .customer_management()
            .unwrap()
            .get_user(&GetUserRequest::default())
            .await,
    );
    assert_eq!(fault.codes(), vec![116]);
    assert_eq!(
        fault.errors[0].error_code.as_deref(),
        Some("RequestMissingHeaders")
    );

    // Without an account id the CustomerAccountId header is not sent: 1030.
    let fault = expect_fault(
        wire,
        401,
        no_token
            .with_account_id(ACCOUNT_ID)
            .campaign_management()
            .unwrap()
            .get_campaigns_by_account_id(&common::get_campaigns())
            .await,
    );
    assert_eq!(
        fault.codes(),
        vec![116],
        "the developer token is checked first"
    );
    let fault = expect_fault(
        wire,
        400,
        common::client_for(
            &emu,
            bingads::AuthorizationData::new(
                bingads::auth::PasswordAuthentication::new(USER_NAME, PASSWORD),
                DEVELOPER_TOKEN,
            ),
            RetryPolicy::none(),
            wire,
        )
        .campaign_management()
        .unwrap()
        .get_campaigns_by_account_id(&common::get_campaigns())
        .await,
    );
    assert_eq!(fault.codes(), vec![1030]);

    // Customer Management's own detail type: ApiFault, no ErrorCode on the wire.
    let fault = expect_fault(
        wire,
        400,
        client
            .customer_management()
            .unwrap()
            .get_user(&GetUserRequest {
                user_id: Nillable::Value(USER_ID + 2),
            })
            .await,
    );
    assert_eq!(fault.service, "CustomerManagementService");
    assert_eq!(fault.detail_name.as_deref(), Some("ApiFault"));
    assert_eq!(fault.codes(), vec![1001]);
    assert_eq!(fault.errors[0].error_code, None);
    match fault.detail::<cust::FaultDetail>() {
        Some(cust::FaultDetail::ApiFault(d)) => {
            let e = d.operation_errors.value().unwrap()[0].clone().unwrap();
            assert_eq!(e.code, Some(1001));
            assert_eq!(d.tracking_id.value(), fault.tracking_id.as_ref());
        }
        other => panic!("expected ApiFault, got {other:?}"),
    }
}
both_wires!(validation_faults_are_typed);

async fn partial_errors_keep_the_valid_items(wire: Wire) {
    let emu = common::emulator().await;
    let client = common::password_client(&emu, RetryPolicy::none(), wire);
    let campaigns = client.campaign_management().unwrap();

    let reply = campaigns
        .add_campaigns(&common::add_campaigns(vec![
            Some(common::campaign("Valid")),
            Some(cm::Campaign {
                name: Nillable::Nil,
                ..common::campaign("")
            }),
        ]))
        .await
        .expect("a partial failure is an Ok reply");
    common::tracking(reply.tracking_id.as_deref());
    let ids = reply.value.campaign_ids.value().unwrap().clone();
    assert_eq!(ids.len(), 2);
    let valid = ids[0].expect("the valid campaign was added");
    common::assert_exact_id(valid);
    assert_eq!(ids[1], None, "the invalid campaign has no id");
    let errors = reply.value.partial_errors.value().unwrap();
    assert_eq!(errors.len(), 1);
    match errors[0].as_ref().unwrap() {
        BatchError::BatchError(b) => {
            assert_eq!(b.index, Some(1));
            assert_eq!(b.code, Some(1101));
            assert_eq!(
                b.error_code.value().map(String::as_str),
                Some("CampaignServiceInvalidCampaignName")
            );
            assert_eq!(b.field_path.value().map(String::as_str), Some("Name"));
        }
        other => panic!("expected a BatchError, got {other:?}"),
    }
    assert_eq!(common::campaign_names(&client).await, vec!["Valid"]);

    // Reading an unknown id: a nil item in its place, and a batch error with its index.
    let unknown = valid + 1_000_000;
    let read = campaigns
        .get_campaigns_by_ids(&cm::GetCampaignsByIdsRequest {
            account_id: Some(ACCOUNT_ID),
            campaign_ids: Nillable::Value(vec![unknown, valid]),
            ..Default::default()
        })
        .await
        .unwrap();
    let items = read.value.campaigns.value().unwrap();
    assert_eq!(items.len(), 2);
    assert!(items[0].is_none(), "{:?}", items[0]);
    assert_eq!(items[1].as_ref().unwrap().id.value(), Some(&valid));
    match read.value.partial_errors.value().unwrap()[0]
        .as_ref()
        .unwrap()
    {
        BatchError::BatchError(b) => {
            assert_eq!((b.index, b.code), (Some(0), Some(1100)));
        }
        other => panic!("expected a BatchError, got {other:?}"),
    }
}
both_wires!(partial_errors_keep_the_valid_items);

async fn one_call(client: &bingads::Client, i: usize) {
    match i % 3 {
        0 => {
            client
                .customer_management()
                .unwrap()
                .get_user(&GetUserRequest::default())
                .await
                .unwrap();
        }
        1 => {
            client
                .campaign_management()
                .unwrap()
                .get_campaigns_by_account_id(&common::get_campaigns())
                .await
                .unwrap();
        }
        _ => {
            client
                .with_account_id(SECOND_ACCOUNT_ID)
                .campaign_management()
                .unwrap()
                .get_campaigns_by_account_id(&cm::GetCampaignsByAccountIdRequest {
                    account_id: Some(SECOND_ACCOUNT_ID),
                    ..Default::default()
                })
                .await
                .unwrap();
        }
    }
}

// On the current-thread runtime, so the measure is deterministic: on a multi-thread runtime
// hyper-util's pool hands a finished HTTP/1 connection back from a separate task, and a call
// made right after the previous one can race it and open another connection.
async fn one_tcp_connection_for_a_hundred_sequential_calls(wire: Wire) {
    let emu: Emulator = common::emulator().await;
    let client = common::password_client(&emu, RetryPolicy::none(), wire);
    // Service clients made once and per call, of two services and two accounts, all from one
    // `Client`: one connection pool.
    for i in 0..100 {
        one_call(&client, i).await;
    }
    let recorded = emu.requests();
    assert_eq!(recorded.len(), 100);
    assert_eq!(
        emu.connections_accepted(),
        1,
        "connections used: {:?}",
        recorded.iter().map(|r| r.connection_id).collect::<Vec<_>>()
    );
    assert!(recorded.iter().all(|r| r.connection_id == 1));
}
both_wires!(one_tcp_connection_for_a_hundred_sequential_calls);
