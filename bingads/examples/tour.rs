//! Tour: sign in, find the accounts, add a budget, a campaign, an ad group, keywords and
//! ads, read them back and print a summary (the `quickstart` example is the short version).
//!
//! ```sh
//! cargo run --example tour            # against the built-in emulator, no credentials
//! cargo run --example tour -- --keep  # keep what was added (deleted at the end otherwise)
//! BINGADS_TRANSPORT=soap cargo run --example tour   # the same over SOAP (REST by default)
//! ```
//!
//! With `BINGADS_ENVIRONMENT=sandbox` (or `production`), `BINGADS_DEVELOPER_TOKEN`,
//! `BINGADS_CLIENT_ID` and `BINGADS_REFRESH_TOKEN` set, the same flow runs against Microsoft
//! Advertising (`BINGADS_CLIENT_SECRET` for web-app registrations; `BINGADS_CUSTOMER_ID` and
//! `BINGADS_ACCOUNT_ID` are found through the API when unset). Everything it adds there is
//! paused, and deleted again at the end unless `--keep` is given.

// `pub`: tests/examples.rs includes this file and calls `run` with `common` types.
pub mod common;

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use bingads::auth::{OAuthDesktopMobileAuthCodeGrant, OAuthEndpoints, OAuthTokens};
use bingads::v13::campaign_management::{Ad, AdGroup, Asset, Campaign, Keyword};
use bingads::v13::campaign_management::{
    AdGroupStatus, AdStatus, AdType, AddAdGroupsRequest, AddAdsRequest, AddBudgetsRequest,
    AddCampaignsRequest, AddKeywordsRequest, AssetLink, Bid, BiddingScheme, Budget,
    BudgetLimitType, CampaignStatus, CampaignType, DeleteBudgetsRequest, DeleteCampaignsRequest,
    ExpandedTextAd, GetAdGroupsByIdsRequest, GetAdsByAdGroupIdRequest, GetBudgetsByIdsRequest,
    GetCampaignsByIdsRequest, GetKeywordsByIdsRequest, KeywordStatus, MatchType,
    MaxClicksBiddingScheme, ResponsiveSearchAd, TextAsset,
};
use bingads::v13::customer_management::{
    GetUserRequest, Paging, Predicate, PredicateOperator, SearchAccountsRequest,
};
use bingads::{AuthorizationData, Client, Decimal, Environment, Flags, Nillable, Wire};
use bingads_emulator::Emulator;
use common::{ExampleError, Needs, Out, Target, explain, ids, partial_errors, text};

#[tokio::main]
async fn main() -> ExitCode {
    let target = match Target::from_process_env(Needs::RefreshToken) {
        Ok(t) => t,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let wire = match common::wire_from_process_env() {
        Ok(w) => w,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let options = Options {
        keep: std::env::args().skip(1).any(|a| a == "--keep"),
        wire,
    };
    let mut out = Out::stdout();
    match run(target, options, &mut out).await {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tour failed:\n{e}");
            ExitCode::FAILURE
        }
    }
}

/// Command-line options.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Keep the entities that were added (they are deleted at the end otherwise).
    pub keep: bool,
    /// The wire to speak (`BINGADS_TRANSPORT`; REST by default).
    pub wire: Wire,
}

/// What the tour did, for callers that want more than the printed text.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub user_id: i64,
    pub customer_id: i64,
    pub account_id: i64,
    pub accounts_found: usize,
    pub budget_id: Option<i64>,
    pub campaign_id: Option<i64>,
    pub ad_group_id: Option<i64>,
    pub keyword_ids: Vec<i64>,
    pub ad_ids: Vec<i64>,
    /// Keywords and ads read back from the service.
    pub keywords_read: usize,
    pub ads_read: usize,
    /// Every item-level error the service returned.
    pub partial_errors: Vec<String>,
    /// TrackingId of every call, in order.
    pub tracking_ids: Vec<(String, String)>,
    pub deleted: bool,
}

/// Remembers the TrackingId of each reply.
fn track<T>(summary: &mut Summary, operation: &str, reply: &bingads::Reply<T>) {
    summary.tracking_ids.push((
        operation.to_string(),
        reply.tracking_id.clone().unwrap_or_else(|| "-".into()),
    ));
}

/// The whole flow. `out` receives the human summary.
pub async fn run(target: Target, options: Options, out: &mut Out) -> Result<Summary, ExampleError> {
    writeln!(
        out,
        "Running against {} over {}.",
        target.describe(),
        options.wire
    );
    // Kept alive until the end of the run: dropping it stops the emulator.
    let mut emulator = None;
    let refreshes = Arc::new(AtomicUsize::new(0));
    let (client, configured_customer, configured_account) = match target {
        Target::Emulator => {
            let emu = Emulator::start().await?;
            let client = sign_in_to_emulator(&emu, options.wire, refreshes.clone(), out).await?;
            emulator = Some(emu);
            (client, None, None)
        }
        Target::Microsoft(creds) => {
            let authentication =
                common::sign_in_with_refresh_token(&creds, refreshes.clone()).await?;
            writeln!(
                out,
                "Signed in with the refresh token from BINGADS_REFRESH_TOKEN."
            );
            let auth = AuthorizationData::with_shared(authentication, creds.developer_token);
            let client = Client::builder(auth, creds.environment)
                .wire(options.wire)
                .user_agent_suffix("bingads-tour")
                .build()?;
            (client, creds.customer_id, creds.account_id)
        }
    };

    let mut summary = Summary::default();

    // --- Who am I, and which accounts can I use? ---------------------------------------
    let customers = client.customer_management()?;
    let user = customers
        .get_user(&GetUserRequest {
            user_id: Nillable::Nil, // nil: the signed-in user
        })
        .await?;
    track(&mut summary, "GetUser", &user);
    let me = user
        .value
        .user
        .value()
        .ok_or("GetUser returned no user".to_string())?;
    summary.user_id = *me
        .id
        .value()
        .ok_or("GetUser returned a user without an id")?;
    writeln!(
        out,
        "User {} ({}), TrackingId {}",
        summary.user_id,
        text(&me.user_name),
        user.tracking_id.as_deref().unwrap_or("-")
    );

    let accounts = customers
        .search_accounts(&SearchAccountsRequest {
            predicates: Nillable::Value(vec![Some(Predicate {
                field: "UserId".into(),
                operator: Some(PredicateOperator::Equals),
                value: summary.user_id.to_string().into(),
            })]),
            page_info: Nillable::Value(Paging {
                index: Some(0),
                size: Some(100),
            }),
            ..Default::default()
        })
        .await?;
    track(&mut summary, "SearchAccounts", &accounts);
    let accounts: Vec<_> = accounts
        .value
        .accounts
        .value()
        .into_iter()
        .flatten()
        .flatten()
        .cloned()
        .collect();
    summary.accounts_found = accounts.len();
    writeln!(out, "Accounts found: {}", accounts.len());
    for a in &accounts {
        writeln!(
            out,
            "  account {} {} \"{}\" (customer {})",
            a.id.value().copied().unwrap_or_default(),
            text(&a.number),
            text(&a.name),
            a.parent_customer_id.unwrap_or_default()
        );
    }
    let chosen = match configured_account {
        Some(id) => accounts.iter().find(|a| a.id.value() == Some(&id)),
        None => accounts.first(),
    };
    summary.account_id = match (configured_account, chosen) {
        (Some(id), _) => id,
        (None, Some(a)) => *a
            .id
            .value()
            .ok_or("SearchAccounts returned an account without id")?,
        (None, None) => {
            return Err(ExampleError::Other(
                "the user has no ad accounts: create one in the Microsoft Advertising web UI \
                 (or set BINGADS_ACCOUNT_ID)"
                    .into(),
            ));
        }
    };
    summary.customer_id = configured_customer
        .or_else(|| chosen.and_then(|a| a.parent_customer_id))
        .or_else(|| {
            user.value
                .customer_roles
                .value()
                .into_iter()
                .flatten()
                .flatten()
                .find_map(|r| r.customer_id)
        })
        .ok_or("no customer id: set BINGADS_CUSTOMER_ID".to_string())?;
    writeln!(
        out,
        "Using account {} of customer {}",
        summary.account_id, summary.customer_id
    );

    // Campaign Management calls act on one account: set it once on the client.
    let client = client
        .with_customer_id(summary.customer_id)
        .with_account_id(summary.account_id);
    let campaigns = client.campaign_management()?;
    let account_id = summary.account_id;
    // Everything added is deleted again, also when a step fails half-way.
    let result = add_and_read(&campaigns, &mut summary, out).await;
    let (campaign_id, budget_id) = (summary.campaign_id, summary.budget_id);
    if options.keep {
        writeln!(
            out,
            "Kept campaign {} and budget {} (--keep).",
            show_id(campaign_id),
            show_id(budget_id)
        );
    } else if campaign_id.is_some() || budget_id.is_some() {
        cleanup(
            &campaigns,
            account_id,
            campaign_id,
            budget_id,
            &mut summary,
            out,
        )
        .await;
    }
    result?;

    // --- Summary ------------------------------------------------------------------------
    writeln!(out, "Summary");
    writeln!(
        out,
        "  user {}, customer {}, account {} ({} accounts found)",
        summary.user_id, summary.customer_id, summary.account_id, summary.accounts_found
    );
    writeln!(
        out,
        "  budget {}, campaign {}, ad group {}",
        show_id(budget_id),
        show_id(campaign_id),
        show_id(summary.ad_group_id)
    );
    writeln!(
        out,
        "  keywords added {}, read back {}; ads added {}, read back {}",
        summary.keyword_ids.len(),
        summary.keywords_read,
        summary.ad_ids.len(),
        summary.ads_read
    );
    if summary.partial_errors.is_empty() {
        writeln!(out, "  partial errors: none");
    } else {
        writeln!(out, "  partial errors: {}", summary.partial_errors.len());
        for e in &summary.partial_errors {
            writeln!(out, "    {e}");
        }
    }
    writeln!(out, "  calls and TrackingIds:");
    for (op, id) in &summary.tracking_ids {
        writeln!(out, "    {op:<26} {id}");
    }
    let renewed = refreshes.load(Ordering::SeqCst);
    if renewed > 0 {
        writeln!(
            out,
            "  tokens received or renewed {renewed} time(s); a real app stores the newest refresh \
             token from on_tokens_refreshed"
        );
    }
    // --- The whole account as a bulk file (examples/bulk.rs shows uploads too) ----------
    let bulk = bingads::bulk::BulkServiceManager::new(&client)
        .working_directory(std::env::temp_dir().join("bingads-tour"));
    let params = bingads::bulk::DownloadParameters::accounts([account_id]).overwrite(true);
    match bulk.download_file(&params, None).await {
        Ok(file) => writeln!(out, "Bulk download: {}", file.path.display()),
        Err(e) => writeln!(out, "Bulk download failed: {e}"),
    }
    if let Some(emulator) = emulator.take() {
        emulator.shutdown().await;
    }
    writeln!(out, "Done.");
    Ok(summary)
}

/// An enum value as its name, or `-`.
fn show<T: std::fmt::Debug>(value: Option<&T>) -> String {
    value.map_or("-".to_string(), |v| format!("{v:?}"))
}

fn show_id(id: Option<i64>) -> String {
    id.map_or("-".to_string(), |i| i.to_string())
}

fn no_id(operation: &str, summary: &Summary) -> ExampleError {
    let errors = summary
        .partial_errors
        .iter()
        .filter(|e| e.starts_with(operation))
        .cloned()
        .collect::<Vec<_>>()
        .join("; ");
    ExampleError::Other(format!("{operation} added nothing: {errors}"))
}

/// Signs in against the emulator the way a desktop app signs in against Microsoft: the
/// authorization code grant with PKCE. The emulator's `approve_consent` stands in for the user
/// clicking *Accept* in the browser (see the desktop_oauth example for the browser round trip).
async fn sign_in_to_emulator(
    emulator: &Emulator,
    wire: Wire,
    refreshes: Arc<AtomicUsize>,
    out: &mut Out,
) -> Result<Client, ExampleError> {
    let endpoints =
        OAuthEndpoints::microsoft_at(&emulator.base_url(), "common", Environment::Production)?;
    let grant = OAuthDesktopMobileAuthCodeGrant::new(
        bingads_emulator::DESKTOP_CLIENT_ID,
        Environment::Production,
    )
    .with_endpoints(endpoints)?
    .on_tokens_refreshed(move |_tokens: &OAuthTokens| {
        // A real app persists tokens.refresh_token here (Microsoft rotates it).
        refreshes.fetch_add(1, Ordering::SeqCst);
    });
    let url = grant.authorization_endpoint()?;
    writeln!(
        out,
        "Sign-in: {}://{}:{}{} (authorization code grant with PKCE)",
        url.scheme(),
        url.host_str().unwrap_or_default(),
        url.port_or_known_default().unwrap_or_default(),
        url.path()
    );
    let redirect = emulator.approve_consent(url.as_str())?;
    let tokens = grant
        .request_oauth_tokens_by_response_uri(&redirect)
        .await?;
    writeln!(
        out,
        "Signed in: access token valid for {} s, refresh token {}",
        tokens.expires_in().map_or(0, |d| d.as_secs()),
        if tokens.refresh_token.is_some() {
            "received"
        } else {
            "not received"
        }
    );
    let auth = AuthorizationData::new(grant, bingads_emulator::DEVELOPER_TOKEN);
    Ok(Client::builder(auth, Environment::Production)
        .endpoint_base(emulator.base_url())
        .wire(wire)
        .user_agent_suffix("bingads-tour")
        .build()?)
}

type Campaigns =
    bingads::v13::campaign_management::CampaignManagementClient<bingads::SoapTransport>;

/// Budget, campaign, ad group, keywords and ads, then everything read back. The ids land in
/// `summary` as they are created, so that the caller can clean up after a failure.
async fn add_and_read(
    campaigns: &Campaigns,
    summary: &mut Summary,
    out: &mut Out,
) -> Result<(), ExampleError> {
    let account_id = summary.account_id;
    let suffix = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();

    // --- Budget -------------------------------------------------------------------------
    let budget_name = format!("bingads-rs tour budget {suffix}");
    let added = campaigns
        .add_budgets(&AddBudgetsRequest {
            budgets: Nillable::Value(vec![Some(Budget {
                name: budget_name.as_str().into(),
                amount: Nillable::Value(Decimal::parse("25.00").expect("a decimal")),
                budget_type: Nillable::Value(BudgetLimitType::DailyBudgetStandard),
                ..Default::default()
            })]),
        })
        .await?;
    track(summary, "AddBudgets", &added);
    summary
        .partial_errors
        .extend(partial_errors("AddBudgets", &added.value.partial_errors));
    summary.budget_id = ids(&added.value.budget_ids).first().copied();
    let budget_id = summary
        .budget_id
        .ok_or_else(|| no_id("AddBudgets", summary))?;
    writeln!(
        out,
        "AddBudgets    budget {budget_id} \"{budget_name}\", TrackingId {}",
        added.tracking_id.as_deref().unwrap_or("-")
    );

    // --- Campaign, with a bidding scheme subtype ----------------------------------------
    let campaign_name = format!("bingads-rs tour {suffix}");
    let added = campaigns
        .add_campaigns(&AddCampaignsRequest {
            account_id: Some(account_id),
            campaigns: Nillable::Value(vec![Some(Campaign {
                name: campaign_name.as_str().into(),
                budget_id: Nillable::Value(budget_id),
                campaign_type: Nillable::Value(Flags::from(vec![CampaignType::Search])),
                bidding_scheme: Nillable::Value(BiddingScheme::MaxClicksBiddingScheme(
                    MaxClicksBiddingScheme {
                        max_cpc: Nillable::Value(Bid {
                            amount: Nillable::Value(1.50),
                        }),
                        ..Default::default()
                    },
                )),
                languages: Nillable::Value(vec![Some("All".into())]),
                time_zone: "PacificTimeUSCanadaTijuana".into(),
                // Paused: nothing is ever shown or charged.
                status: Nillable::Value(CampaignStatus::Paused),
                ..Default::default()
            })]),
        })
        .await?;
    track(summary, "AddCampaigns", &added);
    summary
        .partial_errors
        .extend(partial_errors("AddCampaigns", &added.value.partial_errors));
    summary.campaign_id = ids(&added.value.campaign_ids).first().copied();
    let campaign_id = summary
        .campaign_id
        .ok_or_else(|| no_id("AddCampaigns", summary))?;
    writeln!(
        out,
        "AddCampaigns  campaign {campaign_id} \"{campaign_name}\" (MaxClicks, paused), TrackingId {}",
        added.tracking_id.as_deref().unwrap_or("-")
    );

    // --- Ad group -----------------------------------------------------------------------
    let added = campaigns
        .add_ad_groups(&AddAdGroupsRequest {
            campaign_id: Some(campaign_id),
            ad_groups: Nillable::Value(vec![Some(AdGroup {
                name: "Quickstart ad group".into(),
                cpc_bid: Nillable::Value(Bid {
                    amount: Nillable::Value(0.80),
                }),
                status: Nillable::Value(AdGroupStatus::Paused),
                ..Default::default()
            })]),
            ..Default::default()
        })
        .await?;
    track(summary, "AddAdGroups", &added);
    summary
        .partial_errors
        .extend(partial_errors("AddAdGroups", &added.value.partial_errors));
    summary.ad_group_id = ids(&added.value.ad_group_ids).first().copied();
    let ad_group_id = summary
        .ad_group_id
        .ok_or_else(|| no_id("AddAdGroups", summary))?;
    writeln!(
        out,
        "AddAdGroups   ad group {ad_group_id}, TrackingId {}",
        added.tracking_id.as_deref().unwrap_or("-")
    );

    // --- Keywords, one per match type ---------------------------------------------------
    let keyword = |text: &str, match_type: MatchType, bid: f64| Keyword {
        text: text.into(),
        match_type: Nillable::Value(match_type),
        bid: Nillable::Value(Bid {
            amount: Nillable::Value(bid),
        }),
        status: Nillable::Value(KeywordStatus::Paused),
        ..Default::default()
    };
    let added = campaigns
        .add_keywords(&AddKeywordsRequest {
            ad_group_id: Nillable::Value(ad_group_id),
            keywords: Nillable::Value(vec![
                Some(keyword("rust sdk", MatchType::Exact, 1.20)),
                Some(keyword("rust advertising sdk", MatchType::Phrase, 0.90)),
                Some(keyword("advertising api client", MatchType::Broad, 0.60)),
            ]),
            ..Default::default()
        })
        .await?;
    track(summary, "AddKeywords", &added);
    summary
        .partial_errors
        .extend(partial_errors("AddKeywords", &added.value.partial_errors));
    summary.keyword_ids = ids(&added.value.keyword_ids);
    writeln!(
        out,
        "AddKeywords   {} keywords {:?}, TrackingId {}",
        summary.keyword_ids.len(),
        summary.keyword_ids,
        added.tracking_id.as_deref().unwrap_or("-")
    );

    // --- Ads: a responsive search ad and an expanded text ad ----------------------------
    let asset = |text: &str| {
        Some(AssetLink {
            asset: Nillable::Value(Asset::TextAsset(TextAsset {
                text: text.into(),
                ..Default::default()
            })),
            ..Default::default()
        })
    };
    let final_urls = Nillable::Value(vec![Some("https://www.example.com/rust".to_string())]);
    let responsive = Ad::ResponsiveSearchAd(ResponsiveSearchAd {
        headlines: Nillable::Value(vec![
            asset("Rust SDK for Bing Ads"),
            asset("Typed, Async, Generated"),
            asset("Every v13 Operation"),
        ]),
        descriptions: Nillable::Value(vec![
            asset("All six Microsoft Advertising services as typed async methods."),
            asset("OAuth, typed faults, retries and a local emulator included."),
        ]),
        final_urls: final_urls.clone(),
        path1: "rust".into(),
        path2: "sdk".into(),
        status: Nillable::Value(AdStatus::Paused),
        ..Default::default()
    });
    let expanded = Ad::ExpandedTextAd(ExpandedTextAd {
        title_part1: "Rust SDK for Bing Ads".into(),
        title_part2: "Generated From the WSDLs".into(),
        text: "Campaigns, ad groups, keywords and ads from Rust.".into(),
        final_urls,
        path1: "rust".into(),
        status: Nillable::Value(AdStatus::Paused),
        ..Default::default()
    });
    let added = campaigns
        .add_ads(&AddAdsRequest {
            ad_group_id: Some(ad_group_id),
            ads: Nillable::Value(vec![Some(responsive), Some(expanded)]),
        })
        .await?;
    track(summary, "AddAds", &added);
    summary
        .partial_errors
        .extend(partial_errors("AddAds", &added.value.partial_errors));
    summary.ad_ids = ids(&added.value.ad_ids);
    writeln!(
        out,
        "AddAds        {} ads {:?}, TrackingId {}",
        summary.ad_ids.len(),
        summary.ad_ids,
        added.tracking_id.as_deref().unwrap_or("-")
    );

    // --- Read everything back -----------------------------------------------------------
    let budgets = campaigns
        .get_budgets_by_ids(&GetBudgetsByIdsRequest {
            budget_ids: Nillable::Value(vec![budget_id]),
        })
        .await?;
    track(summary, "GetBudgetsByIds", &budgets);
    for b in budgets
        .value
        .budgets
        .value()
        .into_iter()
        .flatten()
        .flatten()
    {
        writeln!(
            out,
            "Read budget   {} \"{}\" {} {}",
            b.id.value().copied().unwrap_or_default(),
            text(&b.name),
            b.amount.value().map(|a| a.to_string()).unwrap_or_default(),
            show(b.budget_type.value())
        );
    }

    let read = campaigns
        .get_campaigns_by_ids(&GetCampaignsByIdsRequest {
            account_id: Some(account_id),
            campaign_ids: Nillable::Value(vec![campaign_id]),
            campaign_type: Some(Flags::from(vec![CampaignType::Search])),
            ..Default::default()
        })
        .await?;
    track(summary, "GetCampaignsByIds", &read);
    summary.partial_errors.extend(partial_errors(
        "GetCampaignsByIds",
        &read.value.partial_errors,
    ));
    for c in read.value.campaigns.value().into_iter().flatten().flatten() {
        let scheme = match c.bidding_scheme.value() {
            Some(BiddingScheme::MaxClicksBiddingScheme(s)) => format!(
                "MaxClicks (max CPC {})",
                s.max_cpc
                    .value()
                    .and_then(|b| b.amount.value())
                    .map_or("-".to_string(), |a| format!("{a:.2}"))
            ),
            Some(other) => format!("{other:?}"),
            None => "-".to_string(),
        };
        writeln!(
            out,
            "Read campaign {} \"{}\" {}, bidding {scheme}",
            c.id.value().copied().unwrap_or_default(),
            text(&c.name),
            show(c.status.value())
        );
    }

    let read = campaigns
        .get_ad_groups_by_ids(&GetAdGroupsByIdsRequest {
            campaign_id: Some(campaign_id),
            ad_group_ids: Nillable::Value(vec![ad_group_id]),
            ..Default::default()
        })
        .await?;
    track(summary, "GetAdGroupsByIds", &read);
    summary.partial_errors.extend(partial_errors(
        "GetAdGroupsByIds",
        &read.value.partial_errors,
    ));
    for g in read.value.ad_groups.value().into_iter().flatten().flatten() {
        writeln!(
            out,
            "Read ad group {} \"{}\" {}",
            g.id.value().copied().unwrap_or_default(),
            text(&g.name),
            show(g.status.value())
        );
    }

    if !summary.keyword_ids.is_empty() {
        let read = campaigns
            .get_keywords_by_ids(&GetKeywordsByIdsRequest {
                ad_group_id: Nillable::Value(ad_group_id),
                keyword_ids: Nillable::Value(summary.keyword_ids.clone()),
                ..Default::default()
            })
            .await?;
        track(summary, "GetKeywordsByIds", &read);
        summary.partial_errors.extend(partial_errors(
            "GetKeywordsByIds",
            &read.value.partial_errors,
        ));
        for k in read.value.keywords.value().into_iter().flatten().flatten() {
            summary.keywords_read += 1;
            writeln!(
                out,
                "Read keyword  {} \"{}\" {}",
                k.id.value().copied().unwrap_or_default(),
                text(&k.text),
                show(k.match_type.value())
            );
        }
    }

    let read = campaigns
        .get_ads_by_ad_group_id(&GetAdsByAdGroupIdRequest {
            ad_group_id: Some(ad_group_id),
            ad_types: Nillable::Value(vec![AdType::ResponsiveSearch, AdType::ExpandedText]),
            ..Default::default()
        })
        .await?;
    track(summary, "GetAdsByAdGroupId", &read);
    for ad in read.value.ads.value().into_iter().flatten().flatten() {
        summary.ads_read += 1;
        let (kind, id) = match ad {
            Ad::ResponsiveSearchAd(a) => ("ResponsiveSearchAd", a.id.value().copied()),
            Ad::ExpandedTextAd(a) => ("ExpandedTextAd", a.id.value().copied()),
            _ => ("other ad", None),
        };
        writeln!(out, "Read ad       {} {kind}", id.unwrap_or_default());
    }
    Ok(())
}

/// Deletes the campaign (with its ad groups, keywords and ads) and the budget. Failures are
/// reported, not fatal.
async fn cleanup(
    campaigns: &Campaigns,
    account_id: i64,
    campaign_id: Option<i64>,
    budget_id: Option<i64>,
    summary: &mut Summary,
    out: &mut Out,
) {
    let mut ok = true;
    if let Some(id) = campaign_id {
        match campaigns
            .delete_campaigns(&DeleteCampaignsRequest {
                account_id: Some(account_id),
                campaign_ids: Nillable::Value(vec![id]),
            })
            .await
        {
            Ok(reply) => {
                track(summary, "DeleteCampaigns", &reply);
                let errors = partial_errors("DeleteCampaigns", &reply.value.partial_errors);
                ok &= errors.is_empty();
                summary.partial_errors.extend(errors);
            }
            Err(e) => {
                ok = false;
                writeln!(out, "Could not delete campaign {id}:\n{}", explain(&e));
            }
        }
    }
    if let Some(id) = budget_id {
        match campaigns
            .delete_budgets(&DeleteBudgetsRequest {
                budget_ids: Nillable::Value(vec![id]),
            })
            .await
        {
            Ok(reply) => {
                track(summary, "DeleteBudgets", &reply);
                let errors = partial_errors("DeleteBudgets", &reply.value.partial_errors);
                ok &= errors.is_empty();
                summary.partial_errors.extend(errors);
            }
            Err(e) => {
                ok = false;
                writeln!(out, "Could not delete budget {id}:\n{}", explain(&e));
            }
        }
    }
    summary.deleted = ok;
    writeln!(
        out,
        "Cleaned up: campaign {} and budget {} {} (pass --keep to keep them)",
        show_id(campaign_id),
        show_id(budget_id),
        if ok { "deleted" } else { "NOT all deleted" }
    );
}
