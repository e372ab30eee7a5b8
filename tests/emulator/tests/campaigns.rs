//! Campaign Management: validation, partial success, partial updates, deletes, headers.

#[macro_use]
mod common;

use common::Wire;

use bingads_emulator::*;
use bingads_gen::Nillable;
use bingads_gen::types::Decimal;
use bingads_gen::v13::campaign_management::*;

type Headers = Vec<(&'static str, String)>;

fn setup_headers(emu: &Emulator) -> Headers {
    common::cm_headers(&common::access_token(emu))
}

fn campaign(name: &str) -> Campaign {
    Campaign {
        name: name.into(),
        daily_budget: Nillable::Value(25.0),
        budget_type: Nillable::Value(BudgetLimitType::DailyBudgetStandard),
        time_zone: "EasternTimeUSCanada".into(),
        ..Default::default()
    }
}

fn add_campaigns_req(items: Vec<Option<Campaign>>) -> AddCampaignsRequest {
    AddCampaignsRequest {
        account_id: Some(ACCOUNT_ID),
        campaigns: Nillable::Value(items),
    }
}

/// `(Index, Code, ErrorCode)` of partial errors.
fn partial(errors: &Nillable<Vec<Option<BatchError>>>) -> Vec<(i32, i32, String)> {
    errors
        .value()
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| match e {
            BatchError::BatchError(b) => (
                b.index.unwrap_or(-1),
                b.code.unwrap_or(-1),
                b.error_code.value().cloned().unwrap_or_default(),
            ),
            other => panic!("unexpected {other:?}"),
        })
        .collect()
}

fn code_of(p: &[(i32, i32, String)]) -> Vec<(i32, i32)> {
    p.iter().map(|(i, c, _)| (*i, *c)).collect()
}

async fn add_one_campaign(emu: &Emulator, http: &common::Http, h: &Headers, c: Campaign) -> i64 {
    let resp = common::ok(emu, http, &add_campaigns_req(vec![Some(c)]), h).await;
    assert!(
        resp.partial_errors.value().is_none_or(|v| v.is_empty()),
        "{:?}",
        resp.partial_errors
    );
    resp.campaign_ids.value().unwrap()[0].expect("id")
}

async fn add_campaigns_partial_success_and_get_by_ids(wire: Wire) {
    let emu = Emulator::start().await.unwrap();
    let http = common::client_on(wire);
    let h = setup_headers(&emu);
    let mut no_budget = campaign("No budget");
    no_budget.daily_budget = Nillable::Absent;
    let mut no_budget_type = campaign("No budget type");
    no_budget_type.budget_type = Nillable::Nil;
    let req = add_campaigns_req(vec![
        Some(campaign("Summer")),
        Some(Campaign {
            name: Nillable::Nil,
            ..campaign("")
        }),
        Some(campaign("summer")),
        Some(no_budget),
        None,
        Some(no_budget_type),
        Some(campaign("Winter")),
    ]);
    let resp = common::ok(&emu, &http, &req, &h).await;
    let ids = resp.campaign_ids.value().unwrap().clone();
    assert_eq!(ids.len(), 7);
    let errors = partial(&resp.partial_errors);
    assert_eq!(
        code_of(&errors),
        vec![(1, 1101), (2, 1115), (3, 1106), (4, 1103), (5, 1121)]
    );
    assert_eq!(errors[0].2, "CampaignServiceInvalidCampaignName");
    assert_eq!(errors[1].2, "CampaignServiceCannotCreateDuplicateCampaign");
    let (summer, winter) = (ids[0].unwrap(), ids[6].unwrap());
    assert!(ids[1..6].iter().all(Option::is_none));
    for id in [summer, winter] {
        assert!(
            id > 1 << 53 && id % 2 == 1,
            "ids are odd and beyond f64's exact range: {id}"
        );
        assert_ne!(id as f64 as i64, id);
    }

    // Read back, with an unknown id in the middle.
    let get = GetCampaignsByIdsRequest {
        account_id: Some(ACCOUNT_ID),
        campaign_ids: Nillable::Value(vec![summer, 42, winter]),
        ..Default::default()
    };
    let resp = common::ok(&emu, &http, &get, &h).await;
    let campaigns = resp.campaigns.value().unwrap();
    assert_eq!(campaigns.len(), 3);
    let first = campaigns[0].as_ref().unwrap();
    assert_eq!(first.id.value(), Some(&summer));
    assert_eq!(first.name.value().map(String::as_str), Some("Summer"));
    assert_eq!(first.status.value(), Some(&CampaignStatus::Active));
    assert_eq!(
        first.time_zone.value().map(String::as_str),
        Some("EasternTimeUSCanada")
    );
    assert!(campaigns[1].is_none());
    assert_eq!(code_of(&partial(&resp.partial_errors)), vec![(1, 1100)]);

    // The other account does not see them.
    let mut other = h.clone();
    other[1].1 = SECOND_ACCOUNT_ID.to_string();
    let get_other = GetCampaignsByIdsRequest {
        account_id: Some(SECOND_ACCOUNT_ID),
        campaign_ids: Nillable::Value(vec![summer]),
        ..Default::default()
    };
    let resp = common::ok(&emu, &http, &get_other, &other).await;
    assert!(resp.campaigns.value().unwrap()[0].is_none());
}
both_wires!(add_campaigns_partial_success_and_get_by_ids);

/// A stored value's own `Type` member (unset when it was added) comes back set on both wires,
/// as the service sends it: the SOAP reply carries `<Type>` beside `i:type`, REST has the
/// discriminator. So the same campaign reads back equal whichever wire read it.
async fn polymorphic_type_members_come_back_on_both_wires(wire: Wire) {
    let emu = Emulator::start().await.unwrap();
    let http = common::client_on(wire);
    let h = setup_headers(&emu);
    let mut c = campaign("Typed");
    c.bidding_scheme = Nillable::Value(BiddingScheme::EnhancedCpcBiddingScheme(
        EnhancedCpcBiddingScheme::default(),
    ));
    let id = add_one_campaign(&emu, &http, &h, c).await;
    let get = GetCampaignsByIdsRequest {
        account_id: Some(ACCOUNT_ID),
        campaign_ids: Nillable::Value(vec![id]),
        ..Default::default()
    };
    let resp = common::ok(&emu, &http, &get, &h).await;
    let read = resp.campaigns.value().unwrap()[0].as_ref().unwrap();
    assert_eq!(
        read.bidding_scheme,
        Nillable::Value(BiddingScheme::EnhancedCpcBiddingScheme(
            EnhancedCpcBiddingScheme {
                type_: Nillable::Value("EnhancedCpc".into()),
            }
        )),
        "{wire:?}"
    );
}
both_wires!(polymorphic_type_members_come_back_on_both_wires);

async fn request_level_limits_are_operation_errors(wire: Wire) {
    let emu = Emulator::start().await.unwrap();
    let http = common::client_on(wire);
    let h = setup_headers(&emu);
    let many: Vec<_> = (0..101).map(|i| Some(campaign(&format!("C{i}")))).collect();
    let f = common::fault(&emu, &http, &add_campaigns_req(many), &h).await;
    assert_eq!(
        common::cm_codes(&f),
        vec![(1114, "CampaignServiceCampaignsArrayExceedsLimit".into())]
    );
    let f = common::fault(&emu, &http, &add_campaigns_req(vec![]), &h).await;
    assert_eq!(common::cm_codes(&f)[0].0, 1113);
    let f = common::fault(
        &emu,
        &http,
        &GetCampaignsByIdsRequest {
            account_id: Some(ACCOUNT_ID),
            campaign_ids: Nillable::Nil,
            ..Default::default()
        },
        &h,
    )
    .await;
    assert_eq!(common::cm_codes(&f)[0].0, 1118);
    // Nothing was added by the failed calls.
    let all = common::ok(
        &emu,
        &http,
        &GetCampaignsByAccountIdRequest {
            account_id: Some(ACCOUNT_ID),
            ..Default::default()
        },
        &h,
    )
    .await;
    assert!(all.campaigns.value().unwrap().is_empty());
}
both_wires!(request_level_limits_are_operation_errors);

async fn account_headers(wire: Wire) {
    let emu = Emulator::start().await.unwrap();
    let http = common::client_on(wire);
    let token = common::access_token(&emu);
    let get = GetCampaignsByAccountIdRequest {
        account_id: Some(ACCOUNT_ID),
        ..Default::default()
    };

    let mut missing = common::cm_headers(&token);
    missing.retain(|(n, _)| *n != "CustomerAccountId");
    let f = common::fault(&emu, &http, &get, &missing).await;
    assert_eq!(
        common::cm_codes(&f),
        vec![(1030, "CampaignServiceAccountIdHasToBeSpecified".into())]
    );

    // CustomerId is optional.
    let mut no_customer = common::cm_headers(&token);
    no_customer.retain(|(n, _)| *n != "CustomerId");
    common::ok(&emu, &http, &get, &no_customer).await;

    let mut foreign = common::cm_headers(&token);
    foreign[1].1 = "123".into();
    let f = common::fault(&emu, &http, &get, &foreign).await;
    assert_eq!(
        common::cm_codes(&f),
        vec![(106, "UserIsNotAuthorized".into())]
    );

    let mut garbage = common::cm_headers(&token);
    garbage[1].1 = "abc".into();
    assert_eq!(
        common::cm_codes(&common::fault(&emu, &http, &get, &garbage).await)[0].0,
        1102
    );

    let mut other_customer = common::cm_headers(&token);
    other_customer[2].1 = "99".into();
    assert_eq!(
        common::cm_codes(&common::fault(&emu, &http, &get, &other_customer).await)[0].0,
        106
    );

    // Body AccountId must match the header.
    let mismatch = GetCampaignsByAccountIdRequest {
        account_id: Some(SECOND_ACCOUNT_ID),
        ..Default::default()
    };
    let f = common::fault(&emu, &http, &mismatch, &common::cm_headers(&token)).await;
    assert_eq!(common::cm_codes(&f)[0].0, 1102);
}
both_wires!(account_headers);

async fn campaign_type_filter(wire: Wire) {
    let emu = Emulator::start().await.unwrap();
    let http = common::client_on(wire);
    let h = setup_headers(&emu);
    let search = add_one_campaign(&emu, &http, &h, campaign("Search one")).await;
    let shopping = add_one_campaign(
        &emu,
        &http,
        &h,
        Campaign {
            campaign_type: Nillable::Value(vec![CampaignType::Shopping].into()),
            ..campaign("Shop")
        },
    )
    .await;
    let ids = |r: GetCampaignsByAccountIdResponse| -> Vec<i64> {
        r.campaigns
            .value()
            .unwrap()
            .iter()
            .flatten()
            .map(|c| *c.id.value().unwrap())
            .collect()
    };
    let get = |types: Option<Vec<CampaignType>>| GetCampaignsByAccountIdRequest {
        account_id: Some(ACCOUNT_ID),
        campaign_type: types.map(Into::into),
        ..Default::default()
    };
    assert_eq!(
        ids(common::ok(&emu, &http, &get(None), &h).await),
        vec![search]
    );
    assert_eq!(
        ids(common::ok(
            &emu,
            &http,
            &get(Some(vec![CampaignType::Search, CampaignType::Shopping])),
            &h
        )
        .await),
        vec![search, shopping]
    );
    assert_eq!(
        ids(common::ok(&emu, &http, &get(Some(vec![CampaignType::Shopping])), &h).await),
        vec![shopping]
    );
    assert!(
        ids(common::ok(&emu, &http, &get(Some(vec![CampaignType::Audience])), &h).await).is_empty()
    );

    // Get by ids with a filter that excludes the campaign: nil with EntityIdFilterMismatch.
    let resp = common::ok(
        &emu,
        &http,
        &GetCampaignsByIdsRequest {
            account_id: Some(ACCOUNT_ID),
            campaign_ids: Nillable::Value(vec![shopping]),
            ..Default::default()
        },
        &h,
    )
    .await;
    assert!(resp.campaigns.value().unwrap()[0].is_none());
    assert_eq!(code_of(&partial(&resp.partial_errors)), vec![(0, 516)]);
}
both_wires!(campaign_type_filter);

async fn update_absent_keeps_nil_clears(wire: Wire) {
    let emu = Emulator::start().await.unwrap();
    let http = common::client_on(wire);
    let h = setup_headers(&emu);
    let id = add_one_campaign(
        &emu,
        &http,
        &h,
        Campaign {
            tracking_url_template: "{lpurl}?src=bing".into(),
            final_url_suffix: "a=1".into(),
            ..campaign("Original")
        },
    )
    .await;
    let update = UpdateCampaignsRequest {
        account_id: Some(ACCOUNT_ID),
        campaigns: Nillable::Value(vec![
            Some(Campaign {
                id: Nillable::Value(id),
                tracking_url_template: Nillable::Nil,
                daily_budget: Nillable::Value(50.0),
                ..Default::default()
            }),
            Some(Campaign {
                id: Nillable::Value(7),
                name: "x".into(),
                ..Default::default()
            }),
            Some(Campaign {
                id: Nillable::Value(id),
                ..Default::default()
            }),
        ]),
    };
    let resp = common::ok(&emu, &http, &update, &h).await;
    assert_eq!(
        code_of(&partial(&resp.partial_errors)),
        vec![(1, 1100), (2, 1107)]
    );

    let get = GetCampaignsByIdsRequest {
        account_id: Some(ACCOUNT_ID),
        campaign_ids: Nillable::Value(vec![id]),
        ..Default::default()
    };
    let got = common::ok(&emu, &http, &get, &h).await;
    let c = got.campaigns.value().unwrap()[0].clone().unwrap();
    assert_eq!(
        c.name.value().map(String::as_str),
        Some("Original"),
        "absent name unchanged"
    );
    assert_eq!(
        c.final_url_suffix.value().map(String::as_str),
        Some("a=1"),
        "absent suffix unchanged"
    );
    assert!(c.tracking_url_template.is_nil(), "nil cleared the template");
    assert_eq!(c.daily_budget.value(), Some(&50.0));

    // Invalid updates: blank name, non-positive budget.
    for (bad, code) in [
        (
            Campaign {
                id: Nillable::Value(id),
                name: "  ".into(),
                ..Default::default()
            },
            1101,
        ),
        (
            Campaign {
                id: Nillable::Value(id),
                daily_budget: Nillable::Value(-1.0),
                ..Default::default()
            },
            1106,
        ),
    ] {
        let req = UpdateCampaignsRequest {
            account_id: Some(ACCOUNT_ID),
            campaigns: Nillable::Value(vec![Some(bad)]),
        };
        let resp = common::ok(&emu, &http, &req, &h).await;
        assert_eq!(code_of(&partial(&resp.partial_errors)), vec![(0, code)]);
    }
}
both_wires!(update_absent_keeps_nil_clears);

async fn budgets_and_shared_budget_campaigns(wire: Wire) {
    let emu = Emulator::start().await.unwrap();
    let http = common::client_on(wire);
    let h = setup_headers(&emu);
    let budget = |name: &str, amount: &str| Budget {
        name: name.into(),
        amount: Nillable::Value(Decimal::parse(amount).unwrap()),
        budget_type: Nillable::Value(BudgetLimitType::DailyBudgetStandard),
        ..Default::default()
    };
    let resp = common::ok(
        &emu,
        &http,
        &AddBudgetsRequest {
            budgets: Nillable::Value(vec![
                Some(budget("Shared", "12.50")),
                Some(budget("", "1")),
                Some(budget("shared", "1")),
                Some(budget("Zero", "0")),
                Some(Budget {
                    budget_type: Nillable::Nil,
                    ..budget("No type", "3")
                }),
            ]),
        },
        &h,
    )
    .await;
    assert_eq!(
        code_of(&partial(&resp.partial_errors)),
        vec![(1, 4904), (2, 4907), (3, 4910), (4, 4908)]
    );
    let budget_id = resp.budget_ids.value().unwrap()[0].unwrap();

    let cid = add_one_campaign(
        &emu,
        &http,
        &h,
        Campaign {
            budget_id: Nillable::Value(budget_id),
            daily_budget: Nillable::Absent,
            budget_type: Nillable::Absent,
            ..campaign("Shared budget campaign")
        },
    )
    .await;
    let bad = common::ok(
        &emu,
        &http,
        &add_campaigns_req(vec![Some(Campaign {
            budget_id: Nillable::Value(3),
            ..campaign("Bad budget")
        })]),
        &h,
    )
    .await;
    assert_eq!(code_of(&partial(&bad.partial_errors)), vec![(0, 4916)]);

    // Nil ids: every budget of the account, with its association count.
    let all = common::ok(
        &emu,
        &http,
        &GetBudgetsByIdsRequest {
            budget_ids: Nillable::Nil,
        },
        &h,
    )
    .await;
    let list = all.budgets.value().unwrap();
    assert_eq!(list.len(), 1);
    let b = list[0].as_ref().unwrap();
    // SOAP keeps the decimal's text; REST carries it as the JSON number 12.5.
    let amount = b.amount.value().map(Decimal::as_str);
    assert!(matches!(amount, Some("12.50" | "12.5")), "{amount:?}");
    assert_eq!(b.association_count.value(), Some(&1));

    let del = common::ok(
        &emu,
        &http,
        &DeleteBudgetsRequest {
            budget_ids: Nillable::Value(vec![budget_id, 5]),
        },
        &h,
    )
    .await;
    assert_eq!(
        code_of(&partial(&del.partial_errors)),
        vec![(0, 4918), (1, 4916)]
    );

    // Moving the campaign off the shared budget (nil BudgetId) needs its own budget.
    let upd = UpdateCampaignsRequest {
        account_id: Some(ACCOUNT_ID),
        campaigns: Nillable::Value(vec![Some(Campaign {
            id: Nillable::Value(cid),
            budget_id: Nillable::Nil,
            ..Default::default()
        })]),
    };
    let resp = common::ok(&emu, &http, &upd, &h).await;
    assert_eq!(code_of(&partial(&resp.partial_errors)), vec![(0, 1106)]);
    let upd = UpdateCampaignsRequest {
        account_id: Some(ACCOUNT_ID),
        campaigns: Nillable::Value(vec![Some(Campaign {
            id: Nillable::Value(cid),
            budget_id: Nillable::Nil,
            daily_budget: Nillable::Value(10.0),
            budget_type: Nillable::Value(BudgetLimitType::DailyBudgetAccelerated),
            ..Default::default()
        })]),
    };
    let resp = common::ok(&emu, &http, &upd, &h).await;
    assert!(partial(&resp.partial_errors).is_empty());
    let upd_budget = UpdateBudgetsRequest {
        budgets: Nillable::Value(vec![Some(Budget {
            id: Nillable::Value(budget_id),
            amount: Nillable::Value(Decimal::parse("20").unwrap()),
            ..Default::default()
        })]),
    };
    assert!(
        partial(
            &common::ok(&emu, &http, &upd_budget, &h)
                .await
                .partial_errors
        )
        .is_empty()
    );
    let del = common::ok(
        &emu,
        &http,
        &DeleteBudgetsRequest {
            budget_ids: Nillable::Value(vec![budget_id]),
        },
        &h,
    )
    .await;
    assert!(partial(&del.partial_errors).is_empty());
}
both_wires!(budgets_and_shared_budget_campaigns);

fn text_asset(text: &str) -> Option<AssetLink> {
    Some(AssetLink {
        asset: Nillable::Value(Asset::TextAsset(TextAsset {
            text: text.into(),
            ..Default::default()
        })),
        ..Default::default()
    })
}

fn rsa(headlines: usize) -> Ad {
    Ad::ResponsiveSearchAd(ResponsiveSearchAd {
        final_urls: Nillable::Value(vec![Some("https://example.com/".into())]),
        headlines: Nillable::Value(
            (0..headlines)
                .map(|i| text_asset(&format!("Headline {i}")))
                .collect(),
        ),
        descriptions: Nillable::Value(vec![
            text_asset("Description one"),
            text_asset("Description two"),
        ]),
        path1: "shoes".into(),
        ..Default::default()
    })
}

fn eta(title2: Option<&str>) -> Ad {
    Ad::ExpandedTextAd(ExpandedTextAd {
        final_urls: Nillable::Value(vec![Some("https://example.com/".into())]),
        title_part1: "Fast shoes".into(),
        title_part2: title2.map_or(Nillable::Absent, Into::into),
        text: "Shoes that run.".into(),
        ..Default::default()
    })
}

async fn ad_groups_keywords_ads(wire: Wire) {
    let emu = Emulator::start().await.unwrap();
    let http = common::client_on(wire);
    let h = setup_headers(&emu);
    let cid = add_one_campaign(&emu, &http, &h, campaign("Tree")).await;

    // Ad groups.
    let group = |name: &str| AdGroup {
        name: name.into(),
        cpc_bid: Nillable::Value(Bid {
            amount: Nillable::Value(0.5),
        }),
        ..Default::default()
    };
    let resp = common::ok(
        &emu,
        &http,
        &AddAdGroupsRequest {
            campaign_id: Some(cid),
            ad_groups: Nillable::Value(vec![
                Some(group("Group A")),
                Some(group("")),
                Some(group("group a")),
            ]),
            ..Default::default()
        },
        &h,
    )
    .await;
    assert_eq!(
        code_of(&partial(&resp.partial_errors)),
        vec![(1, 1202), (2, 1214)]
    );
    let gid = resp.ad_group_ids.value().unwrap()[0].unwrap();
    let f = common::fault(
        &emu,
        &http,
        &AddAdGroupsRequest {
            campaign_id: Some(1),
            ad_groups: Nillable::Value(vec![Some(group("x"))]),
            ..Default::default()
        },
        &h,
    )
    .await;
    assert_eq!(common::cm_codes(&f)[0].0, 1100);

    // Keywords.
    let kw = |text: &str, m: Option<MatchType>| Keyword {
        text: text.into(),
        match_type: m.map_or(Nillable::Absent, Nillable::Value),
        bid: Nillable::Value(Bid {
            amount: Nillable::Value(0.75),
        }),
        param1: "p1".into(),
        ..Default::default()
    };
    let resp = common::ok(
        &emu,
        &http,
        &AddKeywordsRequest {
            ad_group_id: Nillable::Value(gid),
            keywords: Nillable::Value(vec![
                Some(kw("running shoes", Some(MatchType::Phrase))),
                Some(kw("", Some(MatchType::Exact))),
                Some(kw("trail shoes", None)),
                Some(kw("Running Shoes", Some(MatchType::Phrase))),
                Some(kw("running shoes", Some(MatchType::Exact))),
            ]),
            ..Default::default()
        },
        &h,
    )
    .await;
    assert_eq!(
        code_of(&partial(&resp.partial_errors)),
        vec![(1, 1503), (2, 201), (3, 1542)]
    );
    let kids = resp.keyword_ids.value().unwrap().clone();
    let (k1, k2) = (kids[0].unwrap(), kids[4].unwrap());
    let by_group = common::ok(
        &emu,
        &http,
        &GetKeywordsByAdGroupIdRequest {
            ad_group_id: Some(gid),
            ..Default::default()
        },
        &h,
    )
    .await;
    assert_eq!(by_group.keywords.value().unwrap().len(), 2);

    let upd = UpdateKeywordsRequest {
        ad_group_id: Nillable::Value(gid),
        keywords: Nillable::Value(vec![
            Some(Keyword {
                id: Nillable::Value(k1),
                param1: Nillable::Nil,
                ..Default::default()
            }),
            Some(Keyword {
                id: Nillable::Value(k2),
                match_type: Nillable::Value(MatchType::Broad),
                ..Default::default()
            }),
            Some(Keyword {
                id: Nillable::Value(k2),
                text: "other".into(),
                ..Default::default()
            }),
        ]),
        ..Default::default()
    };
    let resp = common::ok(&emu, &http, &upd, &h).await;
    assert_eq!(
        code_of(&partial(&resp.partial_errors)),
        vec![(1, 1545), (2, 1502)]
    );
    let got = common::ok(
        &emu,
        &http,
        &GetKeywordsByIdsRequest {
            ad_group_id: Nillable::Value(gid),
            keyword_ids: Nillable::Value(vec![k1, 3]),
            ..Default::default()
        },
        &h,
    )
    .await;
    let list = got.keywords.value().unwrap();
    let k = list[0].as_ref().unwrap();
    assert!(k.param1.is_nil());
    assert_eq!(k.bid.value().and_then(|b| b.amount.value()), Some(&0.75));
    assert!(list[1].is_none());
    assert_eq!(code_of(&partial(&got.partial_errors)), vec![(1, 1501)]);

    // Ads: the polymorphic type is kept as sent.
    let mut no_urls = eta(Some("Free delivery"));
    if let Ad::ExpandedTextAd(a) = &mut no_urls {
        a.final_urls = Nillable::Nil;
    }
    let resp = common::ok(
        &emu,
        &http,
        &AddAdsRequest {
            ad_group_id: Some(gid),
            ads: Nillable::Value(vec![
                Some(eta(Some("Free delivery"))),
                Some(eta(None)),
                Some(rsa(3)),
                Some(rsa(2)),
                Some(no_urls),
                Some(Ad::TextAd(TextAd::default())),
            ]),
        },
        &h,
    )
    .await;
    assert_eq!(
        code_of(&partial(&resp.partial_errors)),
        vec![(1, 5016), (3, 6212), (4, 4207), (5, 2805)]
    );
    let ad_ids = resp.ad_ids.value().unwrap().clone();
    let (eta_id, rsa_id) = (ad_ids[0].unwrap(), ad_ids[2].unwrap());

    let ads = common::ok(
        &emu,
        &http,
        &GetAdsByAdGroupIdRequest {
            ad_group_id: Some(gid),
            ..Default::default()
        },
        &h,
    )
    .await;
    let ads = ads.ads.value().unwrap();
    assert_eq!(ads.len(), 2);
    match ads[0].as_ref().unwrap() {
        Ad::ExpandedTextAd(a) => {
            assert_eq!(a.id.value(), Some(&eta_id));
            // SOAP carries `<Type>`, REST only the discriminator ("ExpandedText"): the same.
            assert_eq!(a.type_.value(), Some(&AdType::ExpandedText), "{wire:?}");
            assert_eq!(
                a.title_part2.value().map(String::as_str),
                Some("Free delivery")
            );
        }
        other => panic!("expected an expanded text ad, got {other:?}"),
    }
    match ads[1].as_ref().unwrap() {
        Ad::ResponsiveSearchAd(a) => {
            assert_eq!(a.id.value(), Some(&rsa_id));
            assert_eq!(a.type_.value(), Some(&AdType::ResponsiveSearch), "{wire:?}");
            assert_eq!(a.headlines.value().unwrap().len(), 3);
        }
        other => panic!("expected a responsive search ad, got {other:?}"),
    }
    let only_rsa = common::ok(
        &emu,
        &http,
        &GetAdsByAdGroupIdRequest {
            ad_group_id: Some(gid),
            ad_types: Nillable::Value(vec![AdType::ResponsiveSearch]),
            ..Default::default()
        },
        &h,
    )
    .await;
    assert_eq!(only_rsa.ads.value().unwrap().len(), 1);

    // Updates: path cleared by nil, type change rejected, RSA kept valid.
    let upd = UpdateAdsRequest {
        ad_group_id: Some(gid),
        ads: Nillable::Value(vec![
            Some(Ad::ResponsiveSearchAd(ResponsiveSearchAd {
                id: Nillable::Value(rsa_id),
                path1: Nillable::Nil,
                ..Default::default()
            })),
            Some(Ad::ExpandedTextAd(ExpandedTextAd {
                id: Nillable::Value(rsa_id),
                ..Default::default()
            })),
            Some(Ad::ResponsiveSearchAd(ResponsiveSearchAd {
                id: Nillable::Value(1),
                ..Default::default()
            })),
        ]),
    };
    let resp = common::ok(&emu, &http, &upd, &h).await;
    assert_eq!(
        code_of(&partial(&resp.partial_errors)),
        vec![(1, 1309), (2, 1308)]
    );
    let retype = UpdateAdsRequest {
        ad_group_id: Some(gid),
        ads: Nillable::Value(vec![Some(Ad::ExpandedTextAd(ExpandedTextAd {
            id: Nillable::Value(rsa_id),
            ..Default::default()
        }))]),
    };
    let resp = common::ok(&emu, &http, &retype, &h).await;
    assert_eq!(code_of(&partial(&resp.partial_errors)), vec![(0, 1360)]);
    let got = common::ok(
        &emu,
        &http,
        &GetAdsByIdsRequest {
            ad_group_id: Some(gid),
            ad_ids: Nillable::Value(vec![rsa_id, 9]),
            ..Default::default()
        },
        &h,
    )
    .await;
    match got.ads.value().unwrap()[0].as_ref().unwrap() {
        Ad::ResponsiveSearchAd(a) => assert!(a.path1.is_nil()),
        other => panic!("{other:?}"),
    }
    assert!(got.ads.value().unwrap()[1].is_none());
    assert_eq!(code_of(&partial(&got.partial_errors)), vec![(1, 1308)]);

    // Deletes, and the cascade from the campaign.
    let del = common::ok(
        &emu,
        &http,
        &DeleteAdsRequest {
            ad_group_id: Some(gid),
            ad_ids: Nillable::Value(vec![eta_id, 4]),
        },
        &h,
    )
    .await;
    assert_eq!(code_of(&partial(&del.partial_errors)), vec![(1, 1308)]);
    let del = common::ok(
        &emu,
        &http,
        &DeleteKeywordsRequest {
            ad_group_id: Nillable::Value(gid),
            keyword_ids: Nillable::Value(vec![k2]),
            ..Default::default()
        },
        &h,
    )
    .await;
    assert!(partial(&del.partial_errors).is_empty());
    let del = common::ok(
        &emu,
        &http,
        &DeleteCampaignsRequest {
            account_id: Some(ACCOUNT_ID),
            campaign_ids: Nillable::Value(vec![cid, cid, 11]),
        },
        &h,
    )
    .await;
    assert_eq!(
        code_of(&partial(&del.partial_errors)),
        vec![(1, 1107), (2, 1100)]
    );
    let f = common::fault(
        &emu,
        &http,
        &GetKeywordsByAdGroupIdRequest {
            ad_group_id: Some(gid),
            ..Default::default()
        },
        &h,
    )
    .await;
    assert_eq!(common::cm_codes(&f)[0].0, 1201);
    let f = common::fault(
        &emu,
        &http,
        &GetAdGroupsByCampaignIdRequest {
            campaign_id: Some(cid),
            ..Default::default()
        },
        &h,
    )
    .await;
    assert_eq!(common::cm_codes(&f)[0].0, 1100);
}
both_wires!(ad_groups_keywords_ads);

async fn ad_group_update_and_delete(wire: Wire) {
    let emu = Emulator::start().await.unwrap();
    let http = common::client_on(wire);
    let h = setup_headers(&emu);
    let cid = add_one_campaign(&emu, &http, &h, campaign("Groups")).await;
    let add = AddAdGroupsRequest {
        campaign_id: Some(cid),
        ad_groups: Nillable::Value(vec![
            Some(AdGroup {
                name: "One".into(),
                tracking_url_template: "{lpurl}".into(),
                ..Default::default()
            }),
            Some(AdGroup {
                name: "Two".into(),
                ..Default::default()
            }),
        ]),
        ..Default::default()
    };
    let ids = common::ok(&emu, &http, &add, &h)
        .await
        .ad_group_ids
        .value()
        .unwrap()
        .clone();
    let (one, two) = (ids[0].unwrap(), ids[1].unwrap());
    let upd = UpdateAdGroupsRequest {
        campaign_id: Some(cid),
        ad_groups: Nillable::Value(vec![
            Some(AdGroup {
                id: Nillable::Value(one),
                name: "Uno".into(),
                tracking_url_template: "".into(),
                ..Default::default()
            }),
            Some(AdGroup {
                id: Nillable::Value(two),
                name: "uno".into(),
                ..Default::default()
            }),
        ]),
        ..Default::default()
    };
    let resp = common::ok(&emu, &http, &upd, &h).await;
    assert_eq!(code_of(&partial(&resp.partial_errors)), vec![(1, 1214)]);
    let got = common::ok(
        &emu,
        &http,
        &GetAdGroupsByIdsRequest {
            campaign_id: Some(cid),
            ad_group_ids: Nillable::Value(vec![one, two]),
            ..Default::default()
        },
        &h,
    )
    .await;
    let groups = got.ad_groups.value().unwrap();
    let g1 = groups[0].as_ref().unwrap();
    assert_eq!(g1.name.value().map(String::as_str), Some("Uno"));
    assert!(g1.tracking_url_template.is_nil(), "an empty string clears");
    assert_eq!(g1.status.value(), Some(&AdGroupStatus::Active));
    assert_eq!(
        groups[1].as_ref().unwrap().name.value().map(String::as_str),
        Some("Two")
    );
    let del = common::ok(
        &emu,
        &http,
        &DeleteAdGroupsRequest {
            campaign_id: Some(cid),
            ad_group_ids: Nillable::Value(vec![two, 8]),
        },
        &h,
    )
    .await;
    assert_eq!(code_of(&partial(&del.partial_errors)), vec![(1, 1201)]);
    let left = common::ok(
        &emu,
        &http,
        &GetAdGroupsByCampaignIdRequest {
            campaign_id: Some(cid),
            ..Default::default()
        },
        &h,
    )
    .await;
    assert_eq!(left.ad_groups.value().unwrap().len(), 1);
}
both_wires!(ad_group_update_and_delete);
