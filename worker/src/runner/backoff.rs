//! How long a failed job waits before its next attempt.

use std::time::Duration;

/// `base * 2^(attempts-1)`, capped at `max`: the first retry waits `base`, each
/// further one twice as long, so a broken dependency is not hammered.
pub fn retry_delay(base: Duration, max: Duration, attempts: i32) -> Duration {
    // Beyond 2^31 the cap has long been reached; clamping keeps the shift defined.
    let exponent = u32::try_from(attempts.saturating_sub(1)).unwrap_or(0).min(31);
    base.checked_mul(1u32 << exponent).unwrap_or(max).min(max)
}

/// A duration as the queue's millisecond clock counts it.
pub(crate) fn millis(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: Duration = Duration::from_secs(2);
    const MAX: Duration = Duration::from_secs(3600);

    #[test]
    fn doubles_from_base() {
        let delays: Vec<u64> = (1..=5).map(|a| retry_delay(BASE, MAX, a).as_secs()).collect();
        assert_eq!(delays, [2, 4, 8, 16, 32]);
    }

    #[test]
    fn is_capped_and_never_overflows() {
        assert_eq!(retry_delay(BASE, MAX, 12), MAX);
        assert_eq!(retry_delay(BASE, MAX, i32::MAX), MAX);
        assert_eq!(retry_delay(Duration::MAX, MAX, 3), MAX);
    }

    #[test]
    fn odd_attempt_counts_wait_base() {
        assert_eq!(retry_delay(BASE, MAX, 0), BASE);
        assert_eq!(retry_delay(BASE, MAX, -4), BASE);
    }
}
