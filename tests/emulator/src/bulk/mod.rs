//! The emulated Bulk service: download and upload jobs with their status progression, result
//! files served over HTTP (zipped CSV/TSV built from the emulator's state), the upload
//! endpoint, and the fault injections of bulk transfers ([`BulkFault`]).
//!
//! Bulk files here are written and read with the `csv` crate directly, independently of the
//! SDK's bulk reader and writer, so the SDK's end-to-end tests check one implementation
//! against another rather than against itself.
//!
//! Status progression: a download answers `InProgress` (20 %, then 60 %) to its first two
//! status calls and `Completed` with a result URL from the third on. An upload is
//! `PendingFileUpload` until its file arrives, then `InProgress` (50 %) once and `Completed`
//! (or `CompletedWithErrors`) with its result file. Result URLs are valid for five minutes of
//! real time; each status call after completion hands out a fresh one.

pub(crate) mod apply;
pub(crate) mod files;
pub(crate) mod http;

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::time::{Duration, Instant};

/// A failure to inject into the next bulk operation (or, for [`BulkFault::DroppedDownload`],
/// the next result file download; for [`BulkFault::TokenExpiresBeforeUpload`], the next
/// upload POST).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum BulkFault {
    /// The next submitted operation ends with status `Failed` and an error.
    Failed,
    /// The next submitted operation stays `InProgress` forever.
    NeverCompletes,
    /// The first result URL of the next operation is already expired (HTTP 403 on download).
    ExpiredUrl,
    /// The next operation's result file is a truncated, unreadable zip.
    CorruptZip,
    /// The next result file download sends half of the file and closes the connection.
    DroppedDownload,
    /// The next operation's result zip holds an entry named `../escaped.csv` (zip slip).
    ZipSlip,
    /// The next POST to the upload endpoint finds every access token issued so far expired and
    /// answers HTTP 401, as when the token runs out between `GetBulkUploadUrl` and the upload.
    /// Refresh tokens stay valid.
    TokenExpiresBeforeUpload,
}

impl BulkFault {
    /// Faults taken by the file endpoints rather than by the next submitted operation.
    fn is_endpoint_fault(self) -> bool {
        matches!(
            self,
            BulkFault::DroppedDownload | BulkFault::TokenExpiresBeforeUpload
        )
    }
}

/// One POST to the upload endpoint, as received (for tests of the headers a client sends).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedUpload {
    pub request_id: String,
    /// HTTP headers, names lowercase.
    pub headers: Vec<(String, String)>,
    /// The multipart field name and file name of the file part.
    pub field: String,
    pub file_name: String,
    /// Bytes of the file part.
    pub bytes: usize,
}

impl RecordedUpload {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Debug, Clone)]
pub(crate) enum JobKind {
    Download {
        /// Account ids, or the accounts of the campaigns.
        accounts: Vec<i64>,
        /// `None`: whole accounts.
        campaigns: Option<Vec<i64>>,
        tsv: bool,
    },
    Upload {
        account: i64,
        with_results: bool,
        /// The result file once the upload arrived, and whether any row failed.
        result: Option<(Vec<u8>, bool)>,
    },
}

#[derive(Debug, Clone)]
pub(crate) struct Job {
    pub kind: JobKind,
    pub polls: u32,
    pub fault: Option<BulkFault>,
    /// Result URLs handed out so far.
    pub urls_issued: u32,
    /// The zipped result file, built at completion.
    pub file: Option<Vec<u8>>,
}

/// A result file published at a URL until its expiry.
#[derive(Debug, Clone)]
pub(crate) struct Published {
    pub request_id: String,
    pub expires: Instant,
}

/// Most jobs kept (oldest dropped first).
const MAX_JOBS: usize = 1_000;
/// How long a result URL is valid.
pub(crate) const URL_LIFETIME: Duration = Duration::from_secs(300);

#[derive(Debug, Default)]
pub(crate) struct BulkStore {
    pub jobs: BTreeMap<String, Job>,
    order: VecDeque<String>,
    /// URL token → published file.
    pub published: HashMap<String, Published>,
    faults: VecDeque<BulkFault>,
    pub uploads: Vec<RecordedUpload>,
}

impl BulkStore {
    pub fn push_fault(&mut self, fault: BulkFault) {
        if self.faults.len() < MAX_JOBS {
            self.faults.push_back(fault);
        }
    }

    pub fn clear_faults(&mut self) {
        self.faults.clear();
    }

    /// Takes the first queued fault of a job's kind (`DroppedDownload` and
    /// `TokenExpiresBeforeUpload` are taken by the file endpoints instead).
    pub fn take_job_fault(&mut self) -> Option<BulkFault> {
        let pos = self.faults.iter().position(|f| !f.is_endpoint_fault())?;
        self.faults.remove(pos)
    }

    /// Takes `fault` if it is queued.
    fn take(&mut self, fault: BulkFault) -> bool {
        match self.faults.iter().position(|f| *f == fault) {
            Some(pos) => self.faults.remove(pos).is_some(),
            None => false,
        }
    }

    pub fn take_dropped_download(&mut self) -> bool {
        self.take(BulkFault::DroppedDownload)
    }

    pub fn take_token_expiry_before_upload(&mut self) -> bool {
        self.take(BulkFault::TokenExpiresBeforeUpload)
    }

    pub fn insert(&mut self, id: String, job: Job) {
        while self.jobs.len() >= MAX_JOBS {
            match self.order.pop_front() {
                Some(old) => {
                    self.jobs.remove(&old);
                    self.published.retain(|_, p| p.request_id != old);
                }
                None => break,
            }
        }
        self.order.push_back(id.clone());
        self.jobs.insert(id, job);
    }

    /// Publishes a job's result file under a fresh token; returns the URL path.
    pub fn publish(&mut self, request_id: &str, expired: bool) -> String {
        let token = crate::util::token("f");
        let now = Instant::now();
        let expires = if expired {
            now.checked_sub(Duration::from_secs(1)).unwrap_or(now)
        } else {
            now + URL_LIFETIME
        };
        self.published
            .retain(|_, p| p.expires > now || p.request_id == request_id);
        self.published.insert(
            token.clone(),
            Published {
                request_id: request_id.to_string(),
                expires,
            },
        );
        format!("/bulk/files/{token}/{request_id}.zip")
    }
}
