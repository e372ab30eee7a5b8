//! Emulated report generation: the jobs `SubmitGenerateReport` creates, how they progress on
//! each `PollGenerateReport` (Pending, then Success with a download URL, Success without one
//! when there is no data, or Error), and the download URLs themselves, served by this
//! emulator with an expiry like the service's (five minutes), as a zip of the report in the
//! requested format and options with deterministic rows ([`report_file`](crate::report_file)).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::report_file::{ReportFileSpec, write_report, zip_report};
use crate::state::{Shared, lock};

/// Most report jobs kept (oldest dropped first).
const MAX_JOBS: usize = 10_000;

/// How the next submitted reports behave. Set with [`Emulator::set_report_behavior`](crate::Emulator::set_report_behavior).
#[derive(Debug, Clone)]
pub struct ReportBehavior {
    /// Polls that answer `Pending` before the final status.
    pub pending_polls: u32,
    /// The final status.
    pub outcome: ReportOutcome,
    /// Data rows in the file.
    pub rows: usize,
    /// How long a download URL works (the service: five minutes).
    pub url_lifetime: Duration,
    /// The first N download URLs handed out are already expired (to test re-polling).
    pub expired_urls: u32,
}

impl Default for ReportBehavior {
    fn default() -> Self {
        ReportBehavior {
            pending_polls: 1,
            outcome: ReportOutcome::Success,
            rows: 25,
            url_lifetime: Duration::from_secs(300),
            expired_urls: 0,
        }
    }
}

/// The final status of a report job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportOutcome {
    /// `Success` with a download URL.
    Success,
    /// `Success` without a download URL: the report has no data.
    NoData,
    /// `Error`.
    Error,
}

#[derive(Debug)]
pub(crate) struct Job {
    pub spec: ReportFileSpec,
    pub polls_left: u32,
    pub outcome: ReportOutcome,
    pub url_lifetime: Duration,
}

/// Every job, the behavior of new ones, and the URLs handed out.
#[derive(Debug, Default)]
pub(crate) struct ReportStore {
    pub behavior: ReportBehavior,
    jobs: HashMap<String, Job>,
    order: Vec<String>,
    /// Download token → (request id, expiry).
    urls: HashMap<String, (String, Instant)>,
    urls_issued: u64,
    pub downloads: u64,
    next_id: u64,
}

/// What a poll answers.
pub(crate) enum PollAnswer {
    Unknown,
    Pending,
    Error,
    NoData,
    Ready { token: String },
}

impl ReportStore {
    pub fn submit(&mut self, spec: ReportFileSpec) -> String {
        self.next_id += 1;
        // Real ids are decimal numbers; the emulator's count up from a recognisable base.
        let id = format!("{}", 30_000_000_000u64 + self.next_id);
        if self.order.len() >= MAX_JOBS {
            let oldest = self.order.remove(0);
            self.jobs.remove(&oldest);
        }
        let behavior = &self.behavior;
        self.jobs.insert(
            id.clone(),
            Job {
                spec,
                polls_left: behavior.pending_polls,
                outcome: behavior.outcome,
                url_lifetime: behavior.url_lifetime,
            },
        );
        self.order.push(id.clone());
        id
    }

    pub fn poll(&mut self, id: &str) -> PollAnswer {
        let expire_now = u64::from(self.behavior.expired_urls) > self.urls_issued;
        let Some(job) = self.jobs.get_mut(id) else {
            return PollAnswer::Unknown;
        };
        if job.polls_left > 0 {
            job.polls_left -= 1;
            return PollAnswer::Pending;
        }
        match job.outcome {
            ReportOutcome::Error => PollAnswer::Error,
            ReportOutcome::NoData => PollAnswer::NoData,
            ReportOutcome::Success => {
                self.urls_issued += 1;
                let token = format!("{id}-{}", self.urls_issued);
                let now = Instant::now();
                let expiry = if expire_now {
                    now
                } else {
                    now + job.url_lifetime
                };
                if self.urls.len() >= MAX_JOBS {
                    self.urls.clear();
                }
                self.urls.insert(token.clone(), (id.to_string(), expiry));
                PollAnswer::Ready { token }
            }
        }
    }

    fn download(&mut self, token: &str) -> Result<(String, Vec<u8>), StatusCode> {
        let (id, expiry) = self.urls.get(token).ok_or(StatusCode::NOT_FOUND)?;
        if Instant::now() >= *expiry {
            return Err(StatusCode::FORBIDDEN);
        }
        let job = self.jobs.get(id).ok_or(StatusCode::NOT_FOUND)?;
        let name = format!("{id}.{}", job.spec.format.extension());
        let zip = zip_report(&name, &write_report(&job.spec));
        self.downloads += 1;
        Ok((id.clone(), zip))
    }
}

/// The path of a download URL.
pub(crate) fn download_path(token: &str) -> String {
    format!("/ReportDownloads/{token}.zip")
}

#[derive(Debug, serde::Deserialize)]
pub(crate) struct DownloadQuery {
    #[allow(dead_code)]
    sig: Option<String>,
}

/// `GET /ReportDownloads/{token}.zip`: the zip, 403 once expired (the storage service's answer
/// to an expired shared access signature), 404 for a URL never issued.
pub(crate) async fn download(
    State(shared): State<std::sync::Arc<Shared>>,
    Path(file): Path<String>,
    Query(_query): Query<DownloadQuery>,
) -> Response {
    let token = file.strip_suffix(".zip").unwrap_or(&file);
    let result = lock(&shared.reports).download(token);
    match result {
        Ok((id, zip)) => (
            StatusCode::OK,
            [
                (
                    header::CONTENT_TYPE,
                    "application/x-zip-compressed".to_string(),
                ),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{id}.zip\""),
                ),
            ],
            zip,
        )
            .into_response(),
        Err(StatusCode::FORBIDDEN) => (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "application/xml")],
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>AuthenticationFailed</Code>\
             <Message>Signed expiry time has passed.</Message></Error>",
        )
            .into_response(),
        Err(status) => (status, "No such report download.\n").into_response(),
    }
}

/// A mutex around the store, for `Shared`.
pub(crate) type Reports = Mutex<ReportStore>;
