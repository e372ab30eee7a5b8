//! Progress bars for bulk operations: the service's percent complete while it prepares or
//! processes a file, then bytes while a file travels. Drawn on stderr (indicatif hides them
//! when stderr is not a terminal), never on stdout, which carries the JSON result.

use std::sync::{Arc, Mutex};

use bingads::transfer::{Progress, ProgressSink};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Which bar is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Service,
    Transfer,
    Unzip,
}

struct Bars {
    bar: ProgressBar,
    phase: Option<Phase>,
}

/// A progress sink drawing bars, and the handle to finish them.
pub(crate) struct Display {
    bars: Arc<Mutex<Bars>>,
}

fn style(template: &str) -> ProgressStyle {
    ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar())
}

impl Display {
    pub(crate) fn new(quiet: bool, what: &str) -> Self {
        let target = if quiet {
            ProgressDrawTarget::hidden()
        } else {
            ProgressDrawTarget::stderr()
        };
        let bar = ProgressBar::with_draw_target(Some(100), target);
        bar.set_message(what.to_string());
        Display {
            bars: Arc::new(Mutex::new(Bars { bar, phase: None })),
        }
    }

    pub(crate) fn sink(&self) -> ProgressSink {
        let bars = self.bars.clone();
        ProgressSink::new(move |p| {
            let mut b = bars.lock().unwrap_or_else(|e| e.into_inner());
            let phase = match p {
                Progress::Status { .. } => Phase::Service,
                Progress::Download { .. } | Progress::Upload { .. } => Phase::Transfer,
                Progress::Decompress { .. } => Phase::Unzip,
                _ => return,
            };
            if b.phase != Some(phase) {
                b.phase = Some(phase);
                match phase {
                    Phase::Service => {
                        b.bar
                            .set_style(style("{msg:12} [{bar:30}] {pos:>3}% {elapsed}"));
                        b.bar.set_length(100);
                    }
                    Phase::Transfer => {
                        b.bar.set_style(style(
                            "{msg:12} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec}",
                        ));
                        b.bar.set_position(0);
                    }
                    Phase::Unzip => {
                        b.bar.set_style(style("{msg:12} {bytes} {bytes_per_sec}"));
                        b.bar.set_position(0);
                    }
                }
            }
            match p {
                Progress::Status {
                    status,
                    percent_complete,
                } => {
                    b.bar.set_message(status.clone());
                    b.bar
                        .set_position(u64::try_from(*percent_complete).unwrap_or(0));
                }
                Progress::Download { bytes, total } => {
                    b.bar.set_message("downloading");
                    b.bar.set_length(total.unwrap_or(*bytes));
                    b.bar.set_position(*bytes);
                }
                Progress::Upload { bytes, total } => {
                    b.bar.set_message("uploading");
                    b.bar.set_length(*total);
                    b.bar.set_position(*bytes);
                }
                Progress::Decompress { bytes } => {
                    b.bar.set_message("unzipping");
                    b.bar.set_length(*bytes);
                    b.bar.set_position(*bytes);
                }
                _ => {}
            }
        })
    }

    pub(crate) fn finish(&self) {
        let b = self.bars.lock().unwrap_or_else(|e| e.into_inner());
        b.bar.finish_and_clear();
    }
}
