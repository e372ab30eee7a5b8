//! When to ask the service for an operation's status, and the tracking loop that asks.
//!
//! The schedule is the official SDKs': wait 1 s, poll, and do that four times (polls at 1, 2,
//! 3 and 4 s after submitting), then poll every `poll_interval` (default 5 s: polls at 9, 14,
//! 19 s, ...). Small files are usually ready within the first seconds; big ones take minutes,
//! and polling them faster only spends the caller's call quota. An interval below 1 s is
//! refused. Throttled status calls (117) are waited out and retried by the transport, as its
//! [`crate::RetryPolicy`] says; they do not shift the schedule beyond their own wait.

use std::future::Future;
use std::time::Duration;

use tokio::time::Instant;

use super::error::{OperationKind, TransferError};
use super::progress::{Progress, ProgressSink};
use crate::{ApiError, Error};

/// The polling schedule of long-running operations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PollSchedule {
    poll_interval: Duration,
}

impl PollSchedule {
    /// Polls made 1 s apart before the regular interval applies.
    pub const INITIAL_POLLS: u32 = 4;
    /// The wait before each of the first polls.
    pub const INITIAL_INTERVAL: Duration = Duration::from_secs(1);
    /// The regular interval unless the caller picks another.
    pub const DEFAULT_POLL_INTERVAL: Duration = Duration::from_secs(5);
    /// The shortest regular interval accepted.
    pub const MIN_POLL_INTERVAL: Duration = Duration::from_secs(1);

    /// A schedule with this regular interval; below [`Self::MIN_POLL_INTERVAL`] is an error.
    pub fn new(poll_interval: Duration) -> Result<Self, TransferError> {
        if poll_interval < Self::MIN_POLL_INTERVAL {
            return Err(TransferError::PollIntervalTooShort(poll_interval));
        }
        Ok(PollSchedule { poll_interval })
    }

    pub fn poll_interval(&self) -> Duration {
        self.poll_interval
    }

    /// The wait before poll number `poll` (counting from 1).
    pub fn wait_before(&self, poll: u32) -> Duration {
        if poll <= Self::INITIAL_POLLS {
            Self::INITIAL_INTERVAL
        } else {
            self.poll_interval
        }
    }
}

impl Default for PollSchedule {
    fn default() -> Self {
        PollSchedule {
            poll_interval: Self::DEFAULT_POLL_INTERVAL,
        }
    }
}

/// Where an operation stands, in terms every manager maps its service's statuses to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OperationState {
    /// Still being prepared or processed: poll again.
    InProgress,
    /// Done; a result file may be waiting at `result_url`.
    Completed,
    /// Done without a result (the errors say why).
    Failed,
}

/// One status answer, wire-neutral.
#[derive(Debug, Clone, PartialEq)]
pub struct OperationStatus {
    pub state: OperationState,
    /// The service's own status word, e.g. `InProgress`, `CompletedWithErrors`.
    pub status: String,
    pub percent_complete: i32,
    /// Where the result file can be downloaded (valid for a few minutes).
    pub result_url: Option<String>,
    pub errors: Vec<ApiError>,
    pub tracking_id: Option<String>,
}

/// Polls `fetch_status` on `schedule` until the operation is done, reporting each answer to
/// `progress`. Ends with the completed status, [`TransferError::OperationFailed`], or
/// [`TransferError::Timeout`] once `timeout` (counted from this call) would pass before the
/// next poll — the request id stays valid for resuming.
pub async fn track<F, Fut>(
    kind: OperationKind,
    request_id: &str,
    schedule: PollSchedule,
    timeout: Option<Duration>,
    progress: Option<&ProgressSink>,
    mut fetch_status: F,
) -> Result<OperationStatus, TransferError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<OperationStatus, Error>>,
{
    let started = Instant::now();
    let deadline = timeout.map(|t| started + t);
    let mut last_status = String::from("not yet polled");
    let mut last_percent = 0;
    let mut poll = 0u32;
    loop {
        poll = poll.saturating_add(1);
        let wake = Instant::now() + schedule.wait_before(poll);
        if let Some(deadline) = deadline.filter(|d| wake > *d) {
            tokio::time::sleep_until(deadline).await;
            return Err(TransferError::Timeout {
                kind,
                request_id: request_id.to_string(),
                after: started.elapsed(),
                last_status,
                percent_complete: last_percent,
            });
        }
        tokio::time::sleep_until(wake).await;
        let status = fetch_status().await?;
        tracing::debug!(%kind, request_id, poll, status = %status.status, percent = status.percent_complete, "status");
        if let Some(sink) = progress {
            sink.emit(Progress::Status {
                status: status.status.clone(),
                percent_complete: status.percent_complete,
            });
        }
        match status.state {
            OperationState::InProgress => {
                last_status = status.status;
                last_percent = status.percent_complete;
            }
            OperationState::Completed => return Ok(status),
            OperationState::Failed => {
                return Err(TransferError::OperationFailed {
                    kind,
                    request_id: request_id.to_string(),
                    status: status.status,
                    errors: status.errors,
                    tracking_id: status.tracking_id,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_polls_one_second_apart_then_the_interval() {
        let s = PollSchedule::new(Duration::from_secs(7)).unwrap();
        let waits: Vec<u64> = (1..=7).map(|n| s.wait_before(n).as_secs()).collect();
        assert_eq!(waits, [1, 1, 1, 1, 7, 7, 7]);
        assert_eq!(
            PollSchedule::default().wait_before(5),
            Duration::from_secs(5)
        );
    }

    #[test]
    fn an_interval_below_one_second_is_refused() {
        let e = PollSchedule::new(Duration::from_millis(999)).unwrap_err();
        assert!(
            matches!(e, TransferError::PollIntervalTooShort(d) if d == Duration::from_millis(999))
        );
        assert!(e.to_string().contains("minimum of 1 s"), "{e}");
        assert!(PollSchedule::new(Duration::from_secs(1)).is_ok());
    }
}

#[cfg(test)]
mod paused_clock {
    use std::sync::{Arc, Mutex};

    use super::*;

    fn status(state: OperationState, word: &str, percent: i32) -> OperationStatus {
        OperationStatus {
            state,
            status: word.into(),
            percent_complete: percent,
            result_url: None,
            errors: Vec::new(),
            tracking_id: None,
        }
    }

    #[tokio::test(start_paused = true)]
    async fn polls_at_1_2_3_4_then_every_interval() {
        let start = Instant::now();
        let instants = Arc::new(Mutex::new(Vec::new()));
        let seen = instants.clone();
        let (sink, mut rx) = ProgressSink::channel(16);
        let done = track(
            OperationKind::BulkDownload,
            "req-1",
            PollSchedule::new(Duration::from_secs(5)).unwrap(),
            None,
            Some(&sink),
            || {
                let seen = seen.clone();
                async move {
                    let mut v = seen.lock().unwrap();
                    v.push(start.elapsed().as_millis());
                    let n = v.len() as i32;
                    Ok(if n < 7 {
                        status(OperationState::InProgress, "InProgress", n * 10)
                    } else {
                        status(OperationState::Completed, "Completed", 100)
                    })
                }
            },
        )
        .await
        .unwrap();
        assert_eq!(done.status, "Completed");
        assert_eq!(
            *instants.lock().unwrap(),
            [1000, 2000, 3000, 4000, 9000, 14000, 19000]
        );
        let mut percents = Vec::new();
        while let Ok(Progress::Status {
            percent_complete, ..
        }) = rx.try_recv()
        {
            percents.push(percent_complete);
        }
        assert_eq!(percents, [10, 20, 30, 40, 50, 60, 100]);
    }

    #[tokio::test(start_paused = true)]
    async fn a_timeout_keeps_the_request_id_and_ends_at_the_deadline() {
        let start = Instant::now();
        let e = track(
            OperationKind::BulkUpload,
            "req-7",
            PollSchedule::default(),
            Some(Duration::from_secs(12)),
            None,
            || async { Ok(status(OperationState::InProgress, "PendingFileUpload", 42)) },
        )
        .await
        .unwrap_err();
        assert_eq!(start.elapsed(), Duration::from_secs(12));
        assert_eq!(e.request_id(), Some("req-7"));
        match e {
            TransferError::Timeout {
                last_status,
                percent_complete,
                ..
            } => {
                assert_eq!(last_status, "PendingFileUpload");
                assert_eq!(percent_complete, 42);
            }
            other => panic!("{other}"),
        }
    }

    #[tokio::test(start_paused = true)]
    async fn a_failed_status_carries_the_service_errors() {
        let e = track(
            OperationKind::BulkDownload,
            "req-9",
            PollSchedule::default(),
            None,
            None,
            || async {
                let mut s = status(OperationState::Failed, "Failed", 0);
                s.errors.push(ApiError {
                    code: Some(3220),
                    error_code: Some("BulkServiceFailed".into()),
                    ..Default::default()
                });
                Ok(s)
            },
        )
        .await
        .unwrap_err();
        assert_eq!(e.request_id(), Some("req-9"));
        assert!(e.to_string().contains("3220 BulkServiceFailed"), "{e}");
    }
}
