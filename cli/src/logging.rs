//! The log subscriber: `-v` shows what the SDK does on its own (retries, throttling waits,
//! token refreshes), `-vv` every call and attempt with its timing, `-vvv` everything.
//! `RUST_LOG` (a `target=level` list such as `bingads=debug`) applies when no `-v` is given.
//! Logs go to stderr, so stdout stays the command's JSON. They carry only what the SDK's
//! spans and events record, and those never hold a secret (see the SDK's secrets tests).

use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::layer::SubscriberExt as _;
use tracing_subscriber::util::SubscriberInitExt as _;

/// The crates whose events are shown.
const OUR_TARGETS: [&str; 3] = ["bingads", "bingads_gen", "bingads_cli"];

/// What to show for `verbose` (the number of `-v`) and the `RUST_LOG` value, or `None` for
/// nothing. A `RUST_LOG` that does not parse is reported in the returned note.
pub fn filter(verbose: u8, rust_log: Option<&str>) -> (Option<Targets>, Option<String>) {
    let level = match verbose {
        0 => None,
        1 => Some(LevelFilter::INFO),
        2 => Some(LevelFilter::DEBUG),
        _ => Some(LevelFilter::TRACE),
    };
    if let Some(level) = level {
        let targets = OUR_TARGETS
            .iter()
            .fold(Targets::new(), |t, target| t.with_target(*target, level));
        return (Some(targets), None);
    }
    match rust_log.map(str::parse::<Targets>) {
        None => (None, None),
        Some(Ok(targets)) => (Some(targets), None),
        Some(Err(e)) => (
            None,
            Some(format!(
                "RUST_LOG is ignored: {e} (expected a list such as `bingads=debug,info`)"
            )),
        ),
    }
}

/// Installs the subscriber for this process (once; later calls change nothing).
pub fn init(verbose: u8, rust_log: Option<&str>) -> Option<String> {
    let (targets, note) = filter(verbose, rust_log);
    if let Some(targets) = targets {
        let _ = tracing_subscriber::registry()
            .with(
                tracing_subscriber::fmt::layer()
                    .with_writer(std::io::stderr)
                    .with_target(true),
            )
            .with(targets)
            .try_init();
    }
    note
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbosity_and_rust_log() {
        assert!(filter(0, None).0.is_none());
        let (t, _) = filter(1, Some("trace"));
        let t = t.unwrap();
        assert!(t.would_enable("bingads::transport", &tracing::Level::INFO));
        assert!(!t.would_enable("bingads::transport", &tracing::Level::DEBUG));
        assert!(
            !t.would_enable("hyper", &tracing::Level::ERROR),
            "-v wins over RUST_LOG"
        );
        let t = filter(2, None).0.unwrap();
        assert!(t.would_enable("bingads_cli::renewal", &tracing::Level::DEBUG));
        let t = filter(0, Some("bingads=debug")).0.unwrap();
        assert!(t.would_enable("bingads::auth", &tracing::Level::DEBUG));
        let (t, note) = filter(0, Some("bingads=loud"));
        assert!(t.is_none());
        assert!(note.unwrap().contains("RUST_LOG is ignored"));
    }
}
