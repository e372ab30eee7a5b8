//! `bingads bulk`: the BulkServiceManager on the command line. `download`, `upload`,
//! `status` and `resume` talk to the service with progress bars on stderr and print one JSON
//! object on stdout; `read` and `write` convert between bulk files and JSON lines offline.

pub mod args;
mod files;
mod progress;

use std::path::{Path, PathBuf};
use std::time::Duration;

use bingads::bulk::{
    BulkFileReader, BulkRecord, BulkServiceError, BulkServiceManager, DownloadParameters,
    FileFormat, UploadParameters,
};
use bingads::transfer::{OperationStatus, ResultFileOptions, TransferError};
use bingads::v13::bulk::{DataScope, DownloadEntity, ResponseMode};
use bingads::{DateTime, RetryPolicy};
use serde_json::json;

use crate::error::{CliError, Exit};
use crate::settings::{Globals, Settings};
use crate::{Env, Outcome};
use args::{
    BulkCommand, DownloadArgs, Format, ResumeArgs, Scope, StatusArgs, UploadArgs, WaitArgs,
};
use progress::Display;

/// Runs a `bulk` command.
pub fn execute(globals: &Globals, env: &Env, command: BulkCommand) -> Outcome {
    let result = match command {
        BulkCommand::Read(a) => files::read(&a),
        BulkCommand::Write(a) => files::write(&a),
        online => online_command(globals, env, online),
    };
    result.into()
}

fn online_command(globals: &Globals, env: &Env, command: BulkCommand) -> Result<String, CliError> {
    let settings = Settings::resolve(globals, env)?;
    let rt = crate::runtime()?;
    rt.block_on(async {
        match command {
            BulkCommand::Download(a) => download(&settings, &a).await,
            BulkCommand::Upload(a) => upload(&settings, &a).await,
            BulkCommand::Status(a) => status(&settings, &a).await,
            BulkCommand::Resume(a) => resume(&settings, &a).await,
            BulkCommand::Read(_) | BulkCommand::Write(_) => {
                Err(CliError::failure("read and write run offline"))
            }
        }
    })
}

fn manager(settings: &Settings, wait: Option<&WaitArgs>) -> Result<BulkServiceManager, CliError> {
    let client = settings.client(RetryPolicy::default(), Duration::from_secs(120))?;
    let m = BulkServiceManager::new(&client)
        .working_directory(std::env::temp_dir().join("bingads-bulk"));
    match wait {
        Some(w) => m
            .poll_interval(Duration::from_secs(w.poll_interval))
            .map_err(|e| CliError::usage(e.to_string())),
        None => Ok(m),
    }
}

/// Splits `-o FILE` into directory and name (default: the current directory, the service's
/// name).
fn output(path: Option<&Path>) -> (PathBuf, Option<String>) {
    match path {
        None => (PathBuf::from("."), None),
        Some(p) => {
            let dir = match p.parent() {
                Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
                _ => PathBuf::from("."),
            };
            (dir, p.file_name().map(|n| n.to_string_lossy().into_owned()))
        }
    }
}

fn parse_entities(names: &[String]) -> Result<Vec<DownloadEntity>, CliError> {
    names
        .iter()
        .map(|n| {
            let wanted: String = n.chars().filter(|c| *c != '-' && *c != '_').collect();
            DownloadEntity::ALL
                .iter()
                .find(|e| e.as_str().eq_ignore_ascii_case(&wanted))
                .cloned()
                .ok_or_else(|| {
                    CliError::usage(format!("unknown entity `{n}`")).hint(
                        "use DownloadEntity names, e.g. campaigns, ad-groups, keywords, ads, campaign-negative-keywords",
                    )
                })
        })
        .collect()
}

/// `--since`: an ISO 8601 time, or the `MM/dd/yyyy HH:mm:ss` of a file's Sync Time.
fn parse_since(text: &str) -> Result<DateTime, CliError> {
    bingads::bulk::service::parse_sync_time(text).ok_or_else(|| {
        CliError::usage(format!("--since `{text}` is not a time"))
            .hint("give the SyncTime a download printed, or e.g. 2026-12-01T00:00:00Z")
    })
}

fn bulk_error(e: BulkServiceError, settings: &Settings) -> CliError {
    let request = e.request_id().map(str::to_string);
    let mut err = match e {
        BulkServiceError::Transfer(TransferError::Service(inner)) => {
            if inner.fault().is_some() {
                CliError::new(Exit::Fault, inner.to_string())
            } else {
                crate::call::call_error(inner, settings)
            }
        }
        BulkServiceError::Transfer(TransferError::OperationFailed { .. }) => {
            CliError::new(Exit::Fault, e.to_string())
        }
        BulkServiceError::Transfer(
            TransferError::Timeout { .. }
            | TransferError::HttpStatus { .. }
            | TransferError::Network { .. }
            | TransferError::TransferTimeout { .. },
        ) => CliError::new(Exit::Transport, e.to_string()),
        BulkServiceError::Transfer(
            TransferError::UploadLimit { .. }
            | TransferError::PollIntervalTooShort(_)
            | TransferError::FileExists { .. },
        )
        | BulkServiceError::NoAccountId => CliError::usage(e.to_string()),
        other => CliError::failure(other.to_string()),
    };
    if let Some(id) = request {
        err = err.hint(format!(
            "the request id is {id}: `bingads bulk status` / `bingads bulk resume` take it"
        ));
    }
    err
}

fn timeout(w: &WaitArgs) -> Duration {
    Duration::from_secs(w.timeout.max(1))
}

async fn download(settings: &Settings, a: &DownloadArgs) -> Result<String, CliError> {
    let m = manager(settings, Some(&a.wait))?;
    let mut params = if a.campaigns.is_empty() {
        let accounts = if a.accounts.is_empty() {
            vec![settings.account_id.ok_or_else(|| {
                CliError::usage("no account to download")
                    .hint("pass --account ID, or set --account-id / BINGADS_ACCOUNT_ID")
            })?]
        } else {
            a.accounts.clone()
        };
        DownloadParameters::accounts(accounts)
    } else {
        let account = settings.account_id.ok_or_else(|| {
            CliError::usage("--campaign needs the campaigns' account")
                .hint("set --account-id / BINGADS_ACCOUNT_ID")
        })?;
        DownloadParameters::campaigns(a.campaigns.iter().map(|c| (account, *c)))
    };
    if !a.entities.is_empty() {
        params = params.entities(parse_entities(&a.entities)?);
    }
    if !a.scope.is_empty() {
        params = params.data_scope(a.scope.iter().map(|s| match s {
            Scope::EntityData => DataScope::EntityData,
            Scope::QualityScoreData => DataScope::QualityScoreData,
            Scope::BidSuggestionsData => DataScope::BidSuggestionsData,
        }));
    }
    if let Some(since) = &a.since {
        params = params.since(parse_since(since)?);
    }
    let (dir, name) = output(a.output.as_deref());
    params = params
        .file_format(match a.format {
            Format::Csv => FileFormat::Csv,
            Format::Tsv => FileFormat::Tsv,
        })
        .result_directory(dir)
        .decompress(!a.keep_zip)
        .overwrite(a.wait.overwrite)
        .timeout(timeout(&a.wait));
    if let Some(n) = name {
        params = params.result_file_name(n);
    }
    let display = Display::new(a.wait.quiet, "submitted");
    let sink = display.sink();
    let result = m.download_file(&params, Some(&sink)).await;
    display.finish();
    let file = result.map_err(|e| bulk_error(e, settings))?;
    let mut out = json!({"File": file.path.to_string_lossy(), "RequestId": file.request_id});
    if let Some(s) = &file.sync_time {
        out["SyncTime"] = json!(s);
    }
    Ok(pretty(&out))
}

/// Indented JSON and a newline (serde_json's `preserve_order` keeps the keys as written).
fn pretty(value: &serde_json::Value) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

/// `{"ResultFile", "RequestId", "Rows", "Errors": [...]}` for an upload's result file.
fn upload_summary(path: &Path, request_id: &str) -> Result<String, CliError> {
    let reader = BulkFileReader::open(path).map_err(|e| CliError::failure(e.to_string()))?;
    let mut rows = 0u64;
    let mut errors = Vec::new();
    for record in reader.untyped() {
        let record: BulkRecord = record.map_err(|e| CliError::failure(e.to_string()))?;
        rows += 1;
        for e in record.errors() {
            errors.push(json!({
                "Row": e.row.number(),
                "Type": e.row.record_type(),
                "Error": e.error().unwrap_or_default(),
                "ErrorNumber": e.number().unwrap_or_default(),
            }));
        }
    }
    Ok(pretty(&json!({
        "ResultFile": path.to_string_lossy(),
        "RequestId": request_id,
        "Records": rows,
        "Errors": errors,
    })))
}

async fn upload(settings: &Settings, a: &UploadArgs) -> Result<String, CliError> {
    let m = manager(settings, Some(&a.wait))?;
    let (dir, name) = output(a.output.as_deref());
    let mut params = UploadParameters::new(&a.file)
        .response_mode(if a.results {
            ResponseMode::ErrorsAndResults
        } else {
            ResponseMode::ErrorsOnly
        })
        .result_directory(dir)
        .overwrite(a.wait.overwrite)
        .timeout(timeout(&a.wait));
    if let Some(n) = name {
        params = params.result_file_name(n);
    }
    let display = Display::new(a.wait.quiet, "uploading");
    let sink = display.sink();
    let operation = m.submit_upload(&params, Some(&sink)).await;
    let operation = match operation {
        Ok(op) => op,
        Err(e) => {
            display.finish();
            return Err(bulk_error(e, settings));
        }
    };
    let options = ResultFileOptions::new(params.result_directory.clone().unwrap_or_default())
        .overwrite(a.wait.overwrite)
        .timeout(timeout(&a.wait));
    let options = match &params.result_file_name {
        Some(n) => options.file_name(n.clone()),
        None => options,
    };
    let result = operation.download_result(Some(options), Some(&sink)).await;
    display.finish();
    let path = result.map_err(|e| bulk_error(e, settings))?;
    upload_summary(&path, operation.request_id())
}

fn status_json(request_id: &str, s: &OperationStatus) -> String {
    let mut out = json!({
        "RequestId": request_id,
        "Status": s.status,
        "PercentComplete": s.percent_complete,
        "ResultFileReady": s.result_url.is_some(),
    });
    if let Some(t) = &s.tracking_id {
        out["TrackingId"] = json!(t);
    }
    let errors: Vec<String> = s.errors.iter().map(ToString::to_string).collect();
    out["Errors"] = json!(errors);
    pretty(&out)
}

async fn status(settings: &Settings, a: &StatusArgs) -> Result<String, CliError> {
    let m = manager(settings, None)?;
    let (id, status) = match (&a.which.download, &a.which.upload) {
        (Some(id), _) => (id, m.download_operation(id).status().await),
        (None, Some(id)) => (id, m.upload_operation(id).status().await),
        (None, None) => return Err(CliError::usage("pass --download ID or --upload ID")),
    };
    let s = status.map_err(|e| bulk_error(e, settings))?;
    Ok(status_json(id, &s))
}

async fn resume(settings: &Settings, a: &ResumeArgs) -> Result<String, CliError> {
    let m = manager(settings, Some(&a.wait))?;
    let (dir, name) = output(a.output.as_deref());
    let mut options = ResultFileOptions::new(dir)
        .overwrite(a.wait.overwrite)
        .timeout(timeout(&a.wait));
    if let Some(n) = name {
        options = options.file_name(n);
    }
    let display = Display::new(a.wait.quiet, "resumed");
    let sink = display.sink();
    match (&a.which.download, &a.which.upload) {
        (Some(id), _) => {
            let r = m
                .download_operation(id)
                .download_result(Some(options), Some(&sink))
                .await;
            display.finish();
            let path = r.map_err(|e| bulk_error(e, settings))?;
            Ok(pretty(
                &json!({"File": path.to_string_lossy(), "RequestId": id}),
            ))
        }
        (None, Some(id)) => {
            let r = m
                .upload_operation(id)
                .download_result(Some(options), Some(&sink))
                .await;
            display.finish();
            let path = r.map_err(|e| bulk_error(e, settings))?;
            upload_summary(&path, id)
        }
        (None, None) => Err(CliError::usage("pass --download ID or --upload ID")),
    }
}
