//! Findings and their corrective actions (the CAP), with the review of scored
//! assessments. Findings come from red flags (the scoring job), from fee audits,
//! or are added by advisors and officers.

mod actions;
mod confirmed;
mod dismiss;
mod manual;
pub mod read;
mod review;
mod title;

pub use actions::{ActionChange, NewAction, add_action, change_action, default_due_date};
pub use confirmed::{ConfirmedFinding, insert_confirmed};
pub use dismiss::dismiss_finding;
pub use manual::{FindingChanges, NewFinding, add_finding, change_finding};
pub use review::{Decision, review_assessment};
pub use title::FindingTitle;

/// Finding states.
pub mod status {
    /// Open.
    pub const OPEN: &str = "open";
    /// Being worked on.
    pub const IN_PROGRESS: &str = "in_progress";
    /// Closed (every action verified).
    pub const CLOSED: &str = "closed";
    /// Every state.
    pub const ALL: [&str; 3] = [OPEN, IN_PROGRESS, CLOSED];
}

/// Corrective-action states.
pub mod action_status {
    /// Open.
    pub const OPEN: &str = "open";
    /// The supplier is working on it.
    pub const IN_PROGRESS: &str = "in_progress";
    /// The supplier says it is done.
    pub const DONE: &str = "done";
    /// A reviewer verified it.
    pub const VERIFIED: &str = "verified";
    /// Every state.
    pub const ALL: [&str; 4] = [OPEN, IN_PROGRESS, DONE, VERIFIED];
}
