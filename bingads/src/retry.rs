//! When a failed call is tried again, and how long to wait.
//!
//! Three kinds of failure are retried, each for its own reason:
//! - throttling faults (117 CallRateExceeded, 207 ConcurrentRequestOverLimit, 4204 bulk
//!   throttling): the service refused the call without doing anything, so any operation may
//!   be re-sent, after a wait that grows with each attempt;
//! - connection failures before anything was sent: nothing happened, re-send anything;
//! - ambiguous failures (HTTP 5xx without a fault, timeouts, connections dropped mid-call):
//!   the service may have applied the call, so only read-only operations are re-sent unless
//!   the caller opts in — re-sending an Add could create duplicates.
//!
//! Expired tokens (109) are handled by the transport: one refresh, one retry.

use std::time::Duration;

/// Fault codes that mean "slow down and try again".
pub const THROTTLING_CODES: [i32; 3] = [117, 207, 4204];

/// Bounded retry behavior. `max_attempts` counts the first try.
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    pub max_attempts: u32,
    /// First wait after an ambiguous or connection failure; doubles each attempt.
    pub base_delay: Duration,
    /// First wait after a throttling fault; doubles each attempt.
    pub throttle_delay: Duration,
    /// No single wait is longer than this.
    pub max_delay: Duration,
    /// Re-send operations that change data after an ambiguous failure.
    pub retry_non_idempotent: bool,
    /// Randomize each wait between half and all of it, so many clients do not retry in step.
    pub jitter: bool,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 4,
            base_delay: Duration::from_millis(500),
            throttle_delay: Duration::from_secs(5),
            max_delay: Duration::from_secs(60),
            retry_non_idempotent: false,
            jitter: true,
        }
    }
}

impl RetryPolicy {
    /// Never retry.
    pub fn none() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..Default::default()
        }
    }

    /// The wait before attempt `attempt + 1` (attempt counts from 1).
    pub fn delay(&self, attempt: u32, throttled: bool) -> Duration {
        let base = if throttled {
            self.throttle_delay
        } else {
            self.base_delay
        };
        let factor = 2u32.saturating_pow(attempt.saturating_sub(1).min(16));
        let full = base.saturating_mul(factor).min(self.max_delay);
        if !self.jitter {
            return full;
        }
        jittered(full, getrandom::u32().unwrap_or(u32::MAX))
    }
}

/// Between half and all of `full`, by `random` (0: half, `u32::MAX`: all).
fn jittered(full: Duration, random: u32) -> Duration {
    let fraction = 0.5 + (f64::from(random) / f64::from(u32::MAX)) / 2.0;
    // Not `mul_f64`: it panics when the product does not fit, as `Duration::MAX * 1.0` does
    // once rounded to f64. A wait that long is as good as the full one.
    Duration::try_from_secs_f64(full.as_secs_f64() * fraction).map_or(full, |d| d.min(full))
}

/// Whether an operation only reads, so that re-sending it cannot duplicate work.
pub fn is_read_only(operation: &str) -> bool {
    const PREFIXES: [&str; 6] = ["Get", "Search", "Find", "Poll", "Suggest", "Estimate"];
    PREFIXES.iter().any(|p| operation.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_and_cap() {
        let p = RetryPolicy {
            jitter: false,
            ..Default::default()
        };
        assert_eq!(p.delay(1, false), Duration::from_millis(500));
        assert_eq!(p.delay(2, false), Duration::from_secs(1));
        assert_eq!(p.delay(1, true), Duration::from_secs(5));
        assert_eq!(p.delay(30, true), Duration::from_secs(60));
        let j = RetryPolicy::default();
        for _ in 0..100 {
            let d = j.delay(1, false);
            assert!(d >= Duration::from_millis(250) && d <= Duration::from_millis(500));
        }
    }

    #[test]
    fn huge_delays_saturate_instead_of_panicking() {
        // Panicked before (`Duration::mul_f64` overflow with jitter).
        let p = RetryPolicy {
            base_delay: Duration::MAX,
            throttle_delay: Duration::MAX,
            max_delay: Duration::MAX,
            ..Default::default()
        };
        for attempt in [1, 2, 30, u32::MAX] {
            assert!(p.delay(attempt, true) >= Duration::MAX / 2);
            assert!(p.delay(attempt, false) <= Duration::MAX);
        }
        let exact = RetryPolicy { jitter: false, ..p };
        assert_eq!(exact.delay(u32::MAX, true), Duration::MAX);
        // The draw that panicked: the whole of `Duration::MAX`.
        assert_eq!(jittered(Duration::MAX, u32::MAX), Duration::MAX);
        assert_eq!(jittered(Duration::from_secs(2), 0), Duration::from_secs(1));
    }

    #[test]
    fn read_only() {
        assert!(is_read_only("GetCampaignsByAccountId"));
        assert!(is_read_only("PollGenerateReport"));
        assert!(!is_read_only("AddCampaigns"));
        assert!(!is_read_only("SubmitGenerateReport"));
        assert!(!is_read_only("DeleteAds"));
    }
}
