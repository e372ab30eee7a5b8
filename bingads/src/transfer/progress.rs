//! Progress of a long-running operation, observable while it runs: the service's percent
//! complete while it prepares or processes a file, then bytes moved while a file travels.
//! The command line turns these into progress bars.

use std::sync::Arc;

/// One progress event.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Progress {
    /// A status answer while the service works.
    Status {
        status: String,
        percent_complete: i32,
    },
    /// Bytes downloaded so far, and the total when the server said.
    Download { bytes: u64, total: Option<u64> },
    /// Bytes of the upload body sent so far, of `total`.
    Upload { bytes: u64, total: u64 },
    /// Bytes written while decompressing the result file.
    Decompress { bytes: u64 },
}

/// A progress callback, cheap to clone. It runs on the task doing the work: keep it short.
#[derive(Clone)]
pub struct ProgressSink(Arc<dyn Fn(&Progress) + Send + Sync>);

impl ProgressSink {
    pub fn new(f: impl Fn(&Progress) + Send + Sync + 'static) -> Self {
        ProgressSink(Arc::new(f))
    }

    /// Events into a tokio channel (events are dropped when the channel is full, never
    /// blocking the transfer).
    pub fn channel(capacity: usize) -> (Self, tokio::sync::mpsc::Receiver<Progress>) {
        let (tx, rx) = tokio::sync::mpsc::channel(capacity.max(1));
        (
            ProgressSink::new(move |p| {
                let _ = tx.try_send(p.clone());
            }),
            rx,
        )
    }

    pub fn emit(&self, progress: Progress) {
        (self.0)(&progress);
    }
}

impl std::fmt::Debug for ProgressSink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ProgressSink(..)")
    }
}
