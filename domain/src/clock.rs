//! Time in one place, so instants are stored consistently (UTC, and epoch
//! milliseconds where SQL must compare them).

use chrono::{DateTime, Utc};

/// Now, in UTC.
pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// Now as epoch milliseconds (the job queue's clock).
pub fn now_millis() -> i64 {
    Utc::now().timestamp_millis()
}
