//! Quickstart: sign in, find your ad account, add a paused campaign, report on the account's
//! keywords, read the campaign back from a bulk download of the account, delete the campaign.
//!
//! ```sh
//! cargo run --example quickstart                          # the built-in emulator, no account needed
//! BINGADS_TRANSPORT=soap cargo run --example quickstart   # the same over SOAP (REST by default)
//! ```
//!
//! With `BINGADS_ENVIRONMENT=sandbox` (or `production`), `BINGADS_DEVELOPER_TOKEN`,
//! `BINGADS_CLIENT_ID` and `BINGADS_REFRESH_TOKEN` set, it runs against Microsoft Advertising
//! (the `tour` example goes further: budgets, ad groups, keywords, ads, partial errors).

// `pub`: tests/examples.rs includes this file and calls `run` with `common` types.
pub mod common;

use std::process::ExitCode;

use bingads::bulk::{BulkRecord, BulkServiceManager, DownloadParameters};
use bingads::reporting::{ReportRequestType, ReportingDownloadParameters, ReportingServiceManager};
use bingads::v13::campaign_management::{
    AddCampaignsRequest, BudgetLimitType, Campaign, CampaignStatus, DeleteCampaignsRequest,
};
use bingads::v13::customer_management::{
    GetUserRequest, Paging, Predicate, PredicateOperator, SearchAccountsRequest,
};
use bingads::v13::reporting::{self as rep, KeywordPerformanceReportColumn as Col};
use bingads::{AuthorizationData, Client, Nillable, Wire};
use bingads_emulator::Emulator;
use common::{ExampleError, Needs, Out, Target, ids, text};

#[tokio::main]
async fn main() -> ExitCode {
    let settings = Target::from_process_env(Needs::RefreshToken)
        .and_then(|target| Ok((target, common::wire_from_process_env()?)));
    let Ok((target, wire)) = settings.inspect_err(|message| eprintln!("{message}")) else {
        return ExitCode::from(2);
    };
    if let Err(e) = run(target, wire, &mut Out::stdout()).await {
        eprintln!("quickstart failed:\n{e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// Runs the quickstart and returns the id of the campaign it added (and deleted).
pub async fn run(target: Target, wire: Wire, out: &mut Out) -> Result<i64, ExampleError> {
    writeln!(out, "Running against {} over {wire}.", target.describe());
    // 1. A client: who signs in, with which developer token, on which wire.
    let (client, _emulator) = connect(target, wire).await?;

    // 2. Who am I, and which account do I use?
    let customers = client.customer_management()?;
    let user = customers.get_user(&GetUserRequest::default()).await?;
    let me = user.value.user.value().ok_or("GetUser returned no user")?;
    let user_id = *me.id.value().ok_or("the user has no id")?;
    let user_name = text(&me.user_name);
    writeln!(out, "Signed in as {user_name} (user {user_id}).");
    let search = SearchAccountsRequest {
        predicates: Nillable::Value(vec![Some(Predicate {
            field: "UserId".into(),
            operator: Some(PredicateOperator::Equals),
            value: user_id.to_string().into(),
        })]),
        page_info: Nillable::Value(Paging {
            index: Some(0),
            size: Some(10),
        }),
        ..Default::default()
    };
    let accounts = customers.search_accounts(&search).await?.value.accounts;
    let account = accounts
        .value()
        .and_then(|list| list.iter().flatten().next())
        .ok_or("the user has no ad account: create one in the Microsoft Advertising web UI")?;
    let account_id = *account.id.value().ok_or("the account has no id")?;
    let customer_id = account.parent_customer_id.ok_or("no customer")?;
    writeln!(out, "Using account {account_id} ({}).", text(&account.name));

    // 3. Campaign Management and Bulk act on one account: set it once on the client.
    let client = client
        .with_customer_id(customer_id)
        .with_account_id(account_id);
    let campaigns = client.campaign_management()?;
    let campaign = Campaign {
        name: format!("bingads-rs quickstart {user_id}").into(),
        daily_budget: Nillable::Value(5.0),
        budget_type: Nillable::Value(BudgetLimitType::DailyBudgetStandard),
        time_zone: "EasternTimeUSCanada".into(),
        status: Nillable::Value(CampaignStatus::Paused), // spends nothing
        ..Default::default()
    };
    let added = campaigns
        .add_campaigns(&AddCampaignsRequest {
            account_id: Some(account_id),
            campaigns: Nillable::Value(vec![Some(campaign)]),
        })
        .await?;
    let added_ids = ids(&added.value.campaign_ids);
    let campaign_id = *added_ids.first().ok_or("AddCampaigns added nothing")?;
    let tracking = added.tracking_id.as_deref().unwrap_or("-");
    writeln!(out, "Added campaign {campaign_id} (TrackingId {tracking}).");

    // 4. Keyword performance for the last 30 days, totals typed as the report streams in.
    let columns = [Col::Keyword, Col::Impressions, Col::Clicks, Col::Spend];
    let request = rep::KeywordPerformanceReportRequest::builder().account(account_id);
    let params = ReportingDownloadParameters::new(request.columns(columns).last_30_days().build());
    let reporting = ReportingServiceManager::new(&client);
    let (mut clicks, mut spend) = (0, 0.0);
    if let Some(mut report) = reporting.download_report(&params, None).await? {
        while let Some(row) = report.next_row()? {
            clicks += row.i64(Col::Clicks)?.unwrap_or(0);
            spend += row.f64(Col::Spend)?.unwrap_or(0.0);
        }
    }
    writeln!(out, "Report: {clicks} clicks, {spend:.2} spent.");

    // 5. Read the campaign back as a bulk file (examples/bulk.rs changes and uploads one).
    let params = DownloadParameters::campaigns([(account_id, campaign_id)]).overwrite(true);
    let bulk = BulkServiceManager::new(&client);
    for record in bulk.download_records(&params, None).await? {
        if let BulkRecord::Campaign(bulk_campaign) = record? {
            let c = bulk_campaign.campaign;
            let status = c.status.value().map_or("-", CampaignStatus::as_str);
            writeln!(out, "Read back \"{}\", status {status}.", text(&c.name));
        }
    }
    campaigns
        .delete_campaigns(&DeleteCampaignsRequest {
            account_id: Some(account_id),
            campaign_ids: Nillable::Value(vec![campaign_id]),
        })
        .await?;
    writeln!(out, "Deleted campaign {campaign_id}. Done.");
    Ok(campaign_id)
}

/// A client for the target: Microsoft with a stored refresh token, or the built-in emulator
/// (kept running as long as the returned handle lives).
async fn connect(target: Target, wire: Wire) -> Result<(Client, Option<Emulator>), ExampleError> {
    let Target::Microsoft(creds) = target else {
        let (client, emulator) = common::emulator_client(wire).await?;
        return Ok((client, Some(emulator)));
    };
    let authentication = common::sign_in_with_refresh_token(&creds, Default::default()).await?;
    let auth = AuthorizationData::with_shared(authentication, creds.developer_token);
    let builder = Client::builder(auth, creds.environment);
    Ok((builder.wire(wire).build()?, None))
}
