//! The login throttle: fixed windows counted per client address and per email, in
//! memory. Each API replica counts on its own, which bounds a brute force per
//! replica; that is the documented trade-off (README, Operations). Old windows
//! are dropped as they expire, so the map stays small.

use std::{
    collections::HashMap,
    sync::Mutex,
    time::{Duration, Instant},
};

/// Attempts allowed per client address per window.
const PER_ADDRESS: u32 = 30;
/// Failed attempts allowed per email per window.
const PER_EMAIL: u32 = 10;
/// Window length.
const WINDOW: Duration = Duration::from_secs(15 * 60);

#[derive(Default)]
struct Counters {
    windows: HashMap<String, (Instant, u32)>,
}

impl Counters {
    fn count(&mut self, key: String, now: Instant) -> u32 {
        let entry = self.windows.entry(key).or_insert((now, 0));
        if now.duration_since(entry.0) >= WINDOW {
            *entry = (now, 0);
        }
        entry.1 += 1;
        entry.1
    }

    fn peek(&self, key: &str, now: Instant) -> (u32, Duration) {
        match self.windows.get(key) {
            Some((start, n)) if now.duration_since(*start) < WINDOW => {
                (*n, WINDOW - now.duration_since(*start))
            }
            _ => (0, Duration::ZERO),
        }
    }

    fn prune(&mut self, now: Instant) {
        if self.windows.len() > 10_000 {
            self.windows
                .retain(|_, (start, _)| now.duration_since(*start) < WINDOW);
        }
    }
}

/// Counts login attempts; answers how long to wait when over the limit.
#[derive(Default)]
pub struct LoginThrottle {
    counters: Mutex<Counters>,
}

impl LoginThrottle {
    /// Records an attempt from `address` for `email` (lower-cased). Returns the
    /// seconds to wait if the address or the email is over its limit.
    pub fn attempt(&self, address: &str, email: &str) -> Option<u64> {
        let now = Instant::now();
        let mut counters = self
            .counters
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        counters.prune(now);
        let by_address = counters.count(format!("ip:{address}"), now);
        let (failures, email_wait) = counters.peek(&format!("email:{email}"), now);
        if failures >= PER_EMAIL {
            return Some(email_wait.as_secs().max(1));
        }
        if by_address > PER_ADDRESS {
            let (_, wait) = counters.peek(&format!("ip:{address}"), now);
            return Some(wait.as_secs().max(1));
        }
        None
    }

    /// Records a failed password for `email`.
    pub fn failed(&self, email: &str) {
        let mut counters = self
            .counters
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        counters.count(format!("email:{email}"), Instant::now());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_is_throttled_after_ten_failures() {
        let throttle = LoginThrottle::default();
        for _ in 0..PER_EMAIL {
            assert_eq!(throttle.attempt("1.2.3.4", "a@x.org"), None);
            throttle.failed("a@x.org");
        }
        assert!(throttle.attempt("5.6.7.8", "a@x.org").is_some());
        assert_eq!(throttle.attempt("5.6.7.8", "b@x.org"), None);
    }

    #[test]
    fn address_is_throttled_after_its_limit() {
        let throttle = LoginThrottle::default();
        for i in 0..PER_ADDRESS {
            assert_eq!(throttle.attempt("1.2.3.4", &format!("u{i}@x.org")), None);
        }
        assert!(throttle.attempt("1.2.3.4", "new@x.org").is_some());
    }
}
