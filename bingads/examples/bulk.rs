//! Bulk: upload a small paused campaign, download the account's entities into a bulk file,
//! raise the bids of its keywords, upload the change and read the result.
//!
//! ```sh
//! cargo run --example bulk                          # against the built-in emulator, no credentials
//! BINGADS_TRANSPORT=soap cargo run --example bulk   # the same over SOAP (REST by default)
//! ```
//!
//! With `BINGADS_ENVIRONMENT=sandbox` (or `production`), `BINGADS_DEVELOPER_TOKEN`,
//! `BINGADS_CLIENT_ID`, `BINGADS_REFRESH_TOKEN`, `BINGADS_CUSTOMER_ID` and
//! `BINGADS_ACCOUNT_ID` set, the same runs against Microsoft Advertising: the campaign it adds
//! is paused and deleted again at the end.

// `pub`: tests/examples.rs may include this file and call `run` with `common` types.
pub mod common;

use std::process::ExitCode;

use bingads::auth::OAuthDesktopMobileAuthCodeGrant;
use bingads::bulk::{
    BulkFileReader, BulkRecord, BulkRow, BulkServiceManager, DownloadParameters,
    RecordUploadParameters, UntypedRecord,
};
use bingads::v13::bulk::DownloadEntity;
use bingads::v13::campaign_management::Bid;
use bingads::{AuthorizationData, Client, Nillable, Wire};
use common::{ExampleError, Needs, Out, Target};

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
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bulk example failed:\n{e}");
            ExitCode::FAILURE
        }
    }
}

fn file_error(e: bingads::bulk::BulkError) -> ExampleError {
    ExampleError::Other(e.to_string())
}

fn row(record_type: &str, cells: &[(&str, &str)]) -> BulkRecord {
    let mut row = BulkRow::new(record_type);
    for (column, value) in cells {
        row.set(column, value);
    }
    BulkRecord::Untyped(UntypedRecord {
        row,
        errors: Vec::new(),
    })
}

/// The whole flow; `out` receives what it did.
pub async fn run(target: Target, wire: Wire, out: &mut Out) -> Result<(), ExampleError> {
    writeln!(out, "Running against {} over {wire}.", target.describe());
    let mut _emulator = None;
    let client = match target {
        Target::Emulator => {
            let (client, emu) = common::emulator_client(wire).await?;
            _emulator = Some(emu);
            client
                .with_customer_id(bingads_emulator::CUSTOMER_ID)
                .with_account_id(bingads_emulator::ACCOUNT_ID)
        }
        Target::Microsoft(creds) => {
            let (Some(customer), Some(account)) = (creds.customer_id, creds.account_id) else {
                return Err(
                    "set BINGADS_CUSTOMER_ID and BINGADS_ACCOUNT_ID for this example".into(),
                );
            };
            let grant =
                OAuthDesktopMobileAuthCodeGrant::new(creds.client_id.clone(), creds.environment);
            let refresh = creds
                .refresh_token
                .clone()
                .ok_or("BINGADS_REFRESH_TOKEN is not set")?;
            grant.request_oauth_tokens_by_refresh_token(refresh).await?;
            let auth = AuthorizationData::new(grant, creds.developer_token.clone())
                .with_customer_id(customer)
                .with_account_id(account);
            Client::builder(auth, creds.environment)
                .wire(wire)
                .build()?
        }
    };
    let account = client.authorization().account_id.unwrap_or_default();
    let dir = std::env::temp_dir().join(format!(
        "bingads-bulk-example-{wire}-{}",
        std::process::id()
    ));
    let manager = BulkServiceManager::new(&client).working_directory(&dir);
    let bulk_error = |e: bingads::bulk::BulkServiceError| ExampleError::Other(e.to_string());

    // 1. A paused campaign with an ad group and keywords, in one synchronous upload. Negative
    //    ids are references that later rows of the same upload use as their parent.
    let name = format!("Bulk example {}", std::process::id());
    let seed = [
        row(
            "Campaign",
            &[
                ("Id", "-1"),
                ("Campaign", &name),
                ("Budget", "20"),
                ("Status", "Paused"),
            ],
        ),
        row(
            "Ad Group",
            &[
                ("Id", "-2"),
                ("Parent Id", "-1"),
                ("Ad Group", "Tents"),
                ("Bid", "0.5"),
            ],
        ),
        row(
            "Keyword",
            &[
                ("Parent Id", "-2"),
                ("Keyword", "dome tent"),
                ("Match Type", "Phrase"),
                ("Bid", "0.40"),
            ],
        ),
        row(
            "Keyword",
            &[
                ("Parent Id", "-2"),
                ("Keyword", "ultralight tent"),
                ("Match Type", "Exact"),
                ("Bid", "0.60"),
            ],
        ),
    ];
    let answer = manager
        .upload_records(&seed, &RecordUploadParameters::default(), None)
        .await
        .map_err(bulk_error)?;
    let mut campaign_id = None;
    for record in answer {
        let record = record.map_err(file_error)?;
        if let BulkRecord::Campaign(c) = &record {
            campaign_id = c.campaign.id.value().copied();
        }
        for e in record.errors() {
            writeln!(
                out,
                "  upload error on a {}: {:?}",
                record.record_type(),
                e.error()
            );
        }
    }
    writeln!(out, "Added campaign {name:?} (id {campaign_id:?}).");

    // 2. Download the account's campaigns, ad groups and keywords into a bulk file.
    let params = DownloadParameters::accounts([account])
        .entities([
            DownloadEntity::Campaigns,
            DownloadEntity::AdGroups,
            DownloadEntity::Keywords,
        ])
        .result_directory(&dir);
    let file = manager
        .download_file(&params, None)
        .await
        .map_err(bulk_error)?;
    writeln!(
        out,
        "Downloaded {} (sync time {:?}).",
        file.path.display(),
        file.sync_time
    );

    // 3. Raise the bid of this campaign's keywords by 10 %.
    let mut changed = Vec::new();
    for record in BulkFileReader::open(&file.path).map_err(file_error)? {
        if let BulkRecord::Keyword(mut k) = record.map_err(file_error)? {
            if k.campaign_name.as_deref() != Some(name.as_str()) {
                continue;
            }
            let old = k
                .keyword
                .bid
                .value()
                .and_then(|b| b.amount.value().copied())
                .unwrap_or(0.0);
            let new = (old * 1.1 * 100.0).round() / 100.0;
            writeln!(out, "  {:?}: bid {old} -> {new}", k.keyword.text.value());
            k.keyword.bid = Nillable::Value(Bid {
                amount: Nillable::Value(new),
            });
            changed.push(BulkRecord::Keyword(k));
        }
    }

    // 4. Upload the changed keywords and read the result.
    let result = manager
        .upload_records(&changed, &RecordUploadParameters::default(), None)
        .await
        .map_err(bulk_error)?;
    let (mut ok, mut failed) = (0, 0);
    for record in result {
        let record = record.map_err(file_error)?;
        if record.record_type() == "Keyword" {
            if record.errors().is_empty() {
                ok += 1
            } else {
                failed += 1
            }
        }
    }
    writeln!(out, "Updated {ok} keywords ({failed} with errors).");

    // 5. Clean up: delete the campaign (its ad groups and keywords go with it).
    if let Some(id) = campaign_id {
        let delete = [row(
            "Campaign",
            &[("Id", &id.to_string()), ("Status", "Deleted")],
        )];
        manager
            .upload_records(&delete, &RecordUploadParameters::default(), None)
            .await
            .map_err(bulk_error)?
            .for_each(drop);
        writeln!(out, "Deleted campaign {id}.");
    }
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
