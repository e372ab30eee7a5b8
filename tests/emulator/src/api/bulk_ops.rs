//! Bulk service operations: download jobs, upload URLs, status polling and the synchronous
//! `UploadEntityRecords` (see [`crate::bulk`] for the status progression and faults).

use bingads_gen::Nillable;
use bingads_gen::v13::bulk::*;

use super::{Auth, Call, Fault};
use crate::bulk::{BulkFault, Job, JobKind, apply, files};
use crate::errors;
use crate::state::lock;
use crate::util::guid;

fn download_job(
    call: &Call<'_>,
    accounts: Vec<i64>,
    campaigns: Option<Vec<i64>>,
    file_type: &Nillable<DownloadFileType>,
) -> String {
    let mut store = lock(&call.shared.bulk);
    let fault = store.take_job_fault();
    let id = guid();
    store.insert(
        id.clone(),
        Job {
            kind: JobKind::Download {
                accounts,
                campaigns,
                tsv: matches!(file_type.value(), Some(DownloadFileType::Tsv)),
            },
            polls: 0,
            fault,
            urls_issued: 0,
            file: None,
        },
    );
    id
}

fn check_accounts(call: &Call<'_>, ids: &[i64]) -> Result<(), Fault> {
    if ids.is_empty() {
        return Err(Fault::op_details(
            errors::API_INPUT_VALIDATION_ERROR,
            "AccountIds is required",
        ));
    }
    if ids
        .iter()
        .any(|id| call.shared.directory.account(*id).is_none())
    {
        return Err(Fault::ad_api(errors::USER_IS_NOT_AUTHORIZED));
    }
    Ok(())
}

pub(super) fn download_by_account_ids(
    call: &Call<'_>,
    _auth: &Auth,
    req: DownloadCampaignsByAccountIdsRequest,
) -> Result<DownloadCampaignsByAccountIdsResponse, Fault> {
    let ids = req.account_ids.into_value().unwrap_or_default();
    check_accounts(call, &ids)?;
    let id = download_job(call, ids, None, &req.download_file_type);
    Ok(DownloadCampaignsByAccountIdsResponse {
        download_request_id: Nillable::Value(id),
    })
}

pub(super) fn download_by_campaign_ids(
    call: &Call<'_>,
    _auth: &Auth,
    req: DownloadCampaignsByCampaignIdsRequest,
) -> Result<DownloadCampaignsByCampaignIdsResponse, Fault> {
    let scopes: Vec<CampaignScope> = req
        .campaigns
        .into_value()
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .collect();
    let mut accounts = Vec::new();
    let mut campaigns = Vec::new();
    {
        let data = lock(&call.shared.data);
        for s in &scopes {
            let (Some(account), Some(campaign)) = (s.parent_account_id, s.campaign_id) else {
                return Err(Fault::op_details(
                    errors::API_INPUT_VALIDATION_ERROR,
                    "CampaignId and ParentAccountId are required",
                ));
            };
            if data
                .campaigns
                .get(&campaign)
                .is_none_or(|c| c.parent != account)
            {
                return Err(Fault::op(errors::CAMPAIGN_SERVICE_INVALID_CAMPAIGN_ID));
            }
            if !accounts.contains(&account) {
                accounts.push(account);
            }
            campaigns.push(campaign);
        }
    }
    check_accounts(call, &accounts)?;
    let id = download_job(call, accounts, Some(campaigns), &req.download_file_type);
    Ok(DownloadCampaignsByCampaignIdsResponse {
        download_request_id: Nillable::Value(id),
    })
}

/// What a status call answers: status word, percent, result URL, errors.
struct Answer {
    status: &'static str,
    percent: i32,
    url: Option<String>,
    errors: Vec<Option<OperationError>>,
}

fn failed() -> Answer {
    Answer {
        status: "Failed",
        percent: 0,
        url: None,
        errors: vec![Some(OperationError {
            code: Some(errors::INTERNAL_ERROR.code),
            details: Nillable::Value("injected failure".into()),
            error_code: Nillable::Value(errors::INTERNAL_ERROR.name.into()),
            message: Nillable::Value(errors::INTERNAL_ERROR.message.into()),
        })],
    }
}

fn unknown_request() -> Fault {
    Fault::op_details(errors::API_INPUT_VALIDATION_ERROR, "unknown RequestId")
}

/// Publishes the job's file and returns its full URL.
fn result_url(call: &Call<'_>, store: &mut crate::bulk::BulkStore, id: &str) -> Option<String> {
    let job = store.jobs.get_mut(id)?;
    let expired = job.fault == Some(BulkFault::ExpiredUrl) && job.urls_issued == 0;
    job.urls_issued = job.urls_issued.saturating_add(1);
    let path = store.publish(id, expired);
    let base = call.shared.base_url.get().cloned().unwrap_or_default();
    Some(format!(
        "{base}{path}?sv=2020-08-04&se=emulated&sig=emulated-signature"
    ))
}

pub(super) fn get_download_status(
    call: &Call<'_>,
    _auth: &Auth,
    req: GetBulkDownloadStatusRequest,
) -> Result<GetBulkDownloadStatusResponse, Fault> {
    let id = req.request_id.into_value().unwrap_or_default();
    let answer = {
        let mut store = lock(&call.shared.bulk);
        let job = store.jobs.get_mut(&id).ok_or_else(unknown_request)?;
        let JobKind::Download {
            accounts,
            campaigns,
            tsv,
        } = job.kind.clone()
        else {
            return Err(unknown_request());
        };
        job.polls = job.polls.saturating_add(1);
        match (job.fault, job.polls) {
            (Some(BulkFault::Failed), _) => failed(),
            (Some(BulkFault::NeverCompletes), _) => Answer {
                status: "InProgress",
                percent: 50,
                url: None,
                errors: Vec::new(),
            },
            (_, 1) => Answer {
                status: "InProgress",
                percent: 20,
                url: None,
                errors: Vec::new(),
            },
            (_, 2) => Answer {
                status: "InProgress",
                percent: 60,
                url: None,
                errors: Vec::new(),
            },
            (fault, _) => {
                if job.file.is_none() {
                    let data = lock(&call.shared.data);
                    let names = |account: i64| {
                        call.shared
                            .directory
                            .account(account)
                            .map(|a| a.name.clone())
                            .unwrap_or_default()
                    };
                    let rows = files::download_rows(
                        &data,
                        &accounts,
                        campaigns.as_deref(),
                        &names,
                        call.shared.directory.customer.id,
                    );
                    let file = files::write_file(&rows, tsv);
                    let name = format!("{id}.{}", if tsv { "tsv" } else { "csv" });
                    let entry = if fault == Some(BulkFault::ZipSlip) {
                        "../escaped.csv".to_string()
                    } else {
                        name
                    };
                    let zipped = files::zip(&entry, &file);
                    job.file = Some(if fault == Some(BulkFault::CorruptZip) {
                        zipped.get(..zipped.len() / 2).unwrap_or_default().to_vec()
                    } else {
                        zipped
                    });
                }
                let url = result_url(call, &mut store, &id);
                Answer {
                    status: "Completed",
                    percent: 100,
                    url,
                    errors: Vec::new(),
                }
            }
        }
    };
    Ok(GetBulkDownloadStatusResponse {
        errors: Nillable::Value(answer.errors),
        forward_compatibility_map: Nillable::Nil,
        percent_complete: Some(answer.percent),
        request_status: Nillable::Value(answer.status.into()),
        result_file_url: answer.url.map_or(Nillable::Nil, Nillable::Value),
    })
}

pub(super) fn get_upload_url(
    call: &Call<'_>,
    _auth: &Auth,
    req: GetBulkUploadUrlRequest,
) -> Result<GetBulkUploadUrlResponse, Fault> {
    let account = req
        .account_id
        .ok_or_else(|| Fault::op(errors::CAMPAIGN_SERVICE_ACCOUNT_ID_HAS_TO_BE_SPECIFIED))?;
    check_accounts(call, &[account])?;
    let with_results = matches!(req.response_mode, Some(ResponseMode::ErrorsAndResults));
    let id = guid();
    {
        let mut store = lock(&call.shared.bulk);
        let fault = store.take_job_fault();
        store.insert(
            id.clone(),
            Job {
                kind: JobKind::Upload {
                    account,
                    with_results,
                    result: None,
                },
                polls: 0,
                fault,
                urls_issued: 0,
                file: None,
            },
        );
    }
    let base = call.shared.base_url.get().cloned().unwrap_or_default();
    Ok(GetBulkUploadUrlResponse {
        request_id: Nillable::Value(id.clone()),
        upload_url: Nillable::Value(format!(
            "{base}/bulk/upload/{id}?sig=emulated-upload-signature"
        )),
    })
}

pub(super) fn get_upload_status(
    call: &Call<'_>,
    _auth: &Auth,
    req: GetBulkUploadStatusRequest,
) -> Result<GetBulkUploadStatusResponse, Fault> {
    let id = req.request_id.into_value().unwrap_or_default();
    let answer = {
        let mut store = lock(&call.shared.bulk);
        let job = store.jobs.get_mut(&id).ok_or_else(unknown_request)?;
        let JobKind::Upload { result, .. } = &job.kind else {
            return Err(unknown_request());
        };
        let uploaded = result
            .as_ref()
            .map(|(bytes, failed)| (bytes.clone(), *failed));
        match (job.fault, uploaded) {
            (Some(BulkFault::Failed), _) => failed(),
            (_, None) => Answer {
                status: "PendingFileUpload",
                percent: 0,
                url: None,
                errors: Vec::new(),
            },
            (Some(BulkFault::NeverCompletes), Some(_)) => Answer {
                status: "InProgress",
                percent: 50,
                url: None,
                errors: Vec::new(),
            },
            (_, Some((bytes, any_failed))) => {
                job.polls = job.polls.saturating_add(1);
                if job.polls == 1 {
                    Answer {
                        status: "InProgress",
                        percent: 50,
                        url: None,
                        errors: Vec::new(),
                    }
                } else {
                    job.file = Some(bytes);
                    let url = result_url(call, &mut store, &id);
                    Answer {
                        status: if any_failed {
                            "CompletedWithErrors"
                        } else {
                            "Completed"
                        },
                        percent: 100,
                        url,
                        errors: Vec::new(),
                    }
                }
            }
        }
    };
    Ok(GetBulkUploadStatusResponse {
        errors: Nillable::Value(answer.errors),
        forward_compatibility_map: Nillable::Nil,
        percent_complete: Some(answer.percent),
        request_status: Nillable::Value(answer.status.into()),
        result_file_url: answer.url.map_or(Nillable::Nil, Nillable::Value),
    })
}

pub(super) fn upload_entity_records(
    call: &Call<'_>,
    _auth: &Auth,
    req: UploadEntityRecordsRequest,
) -> Result<UploadEntityRecordsResponse, Fault> {
    let account = req
        .account_id
        .ok_or_else(|| Fault::op(errors::CAMPAIGN_SERVICE_ACCOUNT_ID_HAS_TO_BE_SPECIFIED))?;
    check_accounts(call, &[account])?;
    let lines: Vec<String> = req
        .entity_records
        .into_value()
        .unwrap_or_default()
        .into_iter()
        .flatten()
        .collect();
    if lines.len() > 1_002 {
        return Err(Fault::op_details(
            errors::API_INPUT_VALIDATION_ERROR,
            "at most 1,000 records",
        ));
    }
    let text = lines.join("\r\n");
    let rows = files::read_rows(text.as_bytes()).map_err(|files::Unreadable(why)| {
        Fault::op_details(errors::API_INPUT_VALIDATION_ERROR, why)
    })?;
    let with_results = matches!(req.response_mode, Some(ResponseMode::ErrorsAndResults));
    let applied = apply::apply(&mut lock(&call.shared.data), account, rows, with_results);
    Ok(UploadEntityRecordsResponse {
        entity_records: Nillable::Value(
            files::lines(&applied.rows).into_iter().map(Some).collect(),
        ),
        errors: Nillable::Nil,
        request_id: Nillable::Value(guid()),
        request_status: Nillable::Value(
            if applied.failed {
                "CompletedWithErrors"
            } else {
                "Completed"
            }
            .into(),
        ),
    })
}
