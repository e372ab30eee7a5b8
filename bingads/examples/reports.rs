//! A keyword performance report for the last 30 days, downloaded with the
//! ReportingServiceManager and read as it streams from the zip, with typed totals.
//!
//! ```sh
//! cargo run --example reports                     # against the built-in emulator
//! BINGADS_ENVIRONMENT=sandbox BINGADS_DEVELOPER_TOKEN=... BINGADS_CLIENT_ID=... \
//! BINGADS_REFRESH_TOKEN=... BINGADS_ACCOUNT_ID=... cargo run --example reports
//! ```

// `pub`: tests/examples.rs may include this file and call `run` with `common` types.
pub mod common;

use std::process::ExitCode;

use bingads::auth::{OAuthDesktopMobileAuthCodeGrant, PasswordAuthentication};
use bingads::reporting::{ReportRequestType, ReportingDownloadParameters, ReportingServiceManager};
use bingads::v13::reporting::{
    KeywordPerformanceReportColumn as Col, KeywordPerformanceReportRequest, ReportAggregation,
};
use bingads::{AuthorizationData, Client, Wire};
use bingads_emulator::Emulator;
use common::{ExampleError, Needs, Out, Target};

/// What the report added up to.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Totals {
    pub rows: u64,
    pub impressions: i64,
    pub clicks: i64,
    pub spend: f64,
}

#[tokio::main]
async fn main() -> ExitCode {
    let settings = Target::from_process_env(Needs::RefreshToken)
        .and_then(|target| Ok((target, common::wire_from_process_env()?)));
    let (target, wire) = match settings {
        Ok(s) => s,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let mut out = Out::stdout();
    match run(target, wire, &mut out).await {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("reports failed:\n{e}");
            ExitCode::FAILURE
        }
    }
}

pub async fn run(target: Target, wire: Wire, out: &mut Out) -> Result<Totals, ExampleError> {
    writeln!(out, "Running against {} over {wire}.", target.describe());
    let mut _emulator = None;
    let (client, account_id) = match target {
        Target::Emulator => {
            let emu = Emulator::start().await?;
            let auth = AuthorizationData::new(
                PasswordAuthentication::new(
                    bingads_emulator::USER_NAME,
                    bingads_emulator::PASSWORD,
                ),
                bingads_emulator::DEVELOPER_TOKEN,
            );
            let client = Client::builder(auth, bingads::Environment::Production)
                .endpoint_base(emu.base_url())
                .wire(wire)
                .build()?;
            _emulator = Some(emu);
            (client, bingads_emulator::ACCOUNT_ID)
        }
        Target::Microsoft(creds) => {
            let account_id = creds
                .account_id
                .ok_or("set BINGADS_ACCOUNT_ID to the account to report on")?;
            let refresh_token = creds
                .refresh_token
                .clone()
                .ok_or("BINGADS_REFRESH_TOKEN is not set")?;
            let grant =
                OAuthDesktopMobileAuthCodeGrant::new(creds.client_id.clone(), creds.environment);
            grant
                .request_oauth_tokens_by_refresh_token(refresh_token)
                .await?;
            let auth =
                AuthorizationData::new(grant, creds.developer_token).with_account_id(account_id);
            (
                Client::builder(auth, creds.environment)
                    .wire(wire)
                    .build()?,
                account_id,
            )
        }
    };

    // The request: a few lines for the common case.
    let request = KeywordPerformanceReportRequest::builder()
        .account(account_id)
        .columns([
            Col::TimePeriod,
            Col::Keyword,
            Col::DeviceType,
            Col::Impressions,
            Col::Clicks,
            Col::Spend,
        ])
        .aggregation(ReportAggregation::Daily)
        .last_30_days()
        .build();

    let directory = std::env::temp_dir().join("bingads-reports-example");
    let manager = ReportingServiceManager::new(&client).working_directory(&directory);
    let params = ReportingDownloadParameters::new(request);
    let reported = manager.download_report(&params, None).await;
    let Some(mut report) = reported.map_err(|e| ExampleError::Other(e.to_string()))? else {
        writeln!(out, "No data for the last 30 days.");
        return Ok(Totals::default());
    };
    let header = report.header().clone();
    writeln!(
        out,
        "{} ({} to {}, {} rows)",
        header.report_name.as_deref().unwrap_or("report"),
        header
            .report_time_start
            .map(|d| d.to_string())
            .unwrap_or_default(),
        header
            .report_time_end
            .map(|d| d.to_string())
            .unwrap_or_default(),
        header.row_count.unwrap_or_default()
    );
    let mut totals = Totals::default();
    let read = |e: bingads::reporting::ReportError| ExampleError::Other(e.to_string());
    while let Some(row) = report.next_row().map_err(read)? {
        totals.rows += 1;
        totals.impressions += row.i64(Col::Impressions).map_err(read)?.unwrap_or(0);
        totals.clicks += row.i64(Col::Clicks).map_err(read)?.unwrap_or(0);
        totals.spend += row.f64(Col::Spend).map_err(read)?.unwrap_or(0.0);
    }
    let ctr = if totals.impressions > 0 {
        100.0 * totals.clicks as f64 / totals.impressions as f64
    } else {
        0.0
    };
    writeln!(
        out,
        "Totals: {} rows, {} impressions, {} clicks (CTR {ctr:.2}%), spend {:.2}",
        totals.rows, totals.impressions, totals.clicks, totals.spend
    );
    Ok(totals)
}
