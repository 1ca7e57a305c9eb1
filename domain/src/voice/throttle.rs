//! Rate limiting for the public worker-voice channel that remembers no one:
//! counts are kept in memory under a keyed hash (SHA-256 with a random salt) of
//! the client address, and the salt and every count are thrown away when the
//! window ends. So no address, nor anything that could be matched to one later,
//! outlives a window, and nothing is ever written to the database or the logs.
//! Each API replica counts on its own (as the login throttle does).

use std::{
    collections::HashMap,
    sync::Mutex,
    time::{Duration, Instant},
};

use rand::RngCore;
use sha2::{Digest, Sha256};

struct Window {
    salt: [u8; 32],
    started: Instant,
    counts: HashMap<[u8; 32], u32>,
}

impl Window {
    fn fresh(now: Instant) -> Self {
        let mut salt = [0u8; 32];
        rand::rng().fill_bytes(&mut salt);
        Self {
            salt,
            started: now,
            counts: HashMap::new(),
        }
    }
}

/// A fixed-window limit per client address, keyed by salted hash.
pub struct ReportThrottle {
    limit: u32,
    window: Duration,
    state: Mutex<Option<Window>>,
}

impl std::fmt::Debug for ReportThrottle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReportThrottle")
            .field("limit", &self.limit)
            .field("window", &self.window)
            .finish_non_exhaustive()
    }
}

impl ReportThrottle {
    /// At most `limit` attempts per address per `window`.
    pub fn new(limit: u32, window: Duration) -> Self {
        Self {
            limit,
            window,
            state: Mutex::new(None),
        }
    }

    /// The limit for submitting reports: 10 per address per 10 minutes.
    pub fn for_reports() -> Self {
        Self::new(10, Duration::from_secs(600))
    }

    /// The limit for checking a case with code and secret: 30 per 10 minutes.
    pub fn for_checks() -> Self {
        Self::new(30, Duration::from_secs(600))
    }

    /// Counts an attempt from `address`; `Some(seconds to wait)` when over the limit.
    pub fn attempt(&self, address: &str) -> Option<u64> {
        let now = Instant::now();
        let mut guard = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let window = match guard.as_mut() {
            Some(w) if now.duration_since(w.started) < self.window => w,
            _ => guard.insert(Window::fresh(now)),
        };
        let mut hasher = Sha256::new();
        hasher.update(window.salt);
        hasher.update(address.as_bytes());
        let key: [u8; 32] = hasher.finalize().into();
        let count = window.counts.entry(key).or_insert(0);
        *count += 1;
        if *count > self.limit {
            let left = self.window.saturating_sub(now.duration_since(window.started));
            Some(left.as_secs().max(1))
        } else {
            None
        }
    }

    /// How many addresses are being counted (for tests).
    pub fn tracked(&self) -> usize {
        let guard = self.state.lock().unwrap_or_else(|p| p.into_inner());
        guard.as_ref().map_or(0, |w| w.counts.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_per_address_and_forgets_after_the_window() {
        let throttle = ReportThrottle::new(3, Duration::from_millis(50));
        for _ in 0..3 {
            assert_eq!(throttle.attempt("10.0.0.1"), None);
        }
        assert!(throttle.attempt("10.0.0.1").is_some());
        assert_eq!(throttle.attempt("10.0.0.2"), None);
        assert_eq!(throttle.tracked(), 2);
        std::thread::sleep(Duration::from_millis(60));
        assert_eq!(throttle.attempt("10.0.0.1"), None);
        assert_eq!(throttle.tracked(), 1);
    }
}
