//! Screening against public forced-labour lists (api-contract.md, "Screening
//! against public forced-labour lists"): the lists as cited files
//! ([`lists`]), name matching ([`names`]), hits raised when a subject is created
//! or renamed and whenever a list changes ([`matching`], [`load`]), and their
//! review ([`review`]).

pub mod lists;
pub mod load;
pub mod matching;
pub mod names;
pub mod review;

pub use lists::{ListInForce, ListKey, in_force};
pub use load::{Loaded, load_list};
pub use matching::{Subject, SubjectType, rescreen_all, screen};
pub use review::{Verdict, decide_hit, list_hits, open_hits_of, readable_hit};

use crate::entities::screening_hit;

/// Hit states.
pub mod status {
    /// Waiting for a reviewer.
    pub const OPEN: &str = "open";
    /// The subject is the listed party.
    pub const CONFIRMED: &str = "confirmed";
    /// Another party of a similar name.
    pub const DISMISSED: &str = "dismissed";
    /// Every state.
    pub const ALL: [&str; 3] = [OPEN, CONFIRMED, DISMISSED];
}

/// The `data` of a `screening.hit` webhook event.
pub fn event_data(hit: &screening_hit::Model) -> serde_json::Value {
    serde_json::json!({
        "hit_id": hit.id,
        "subject_type": hit.subject_type,
        "subject_id": hit.subject_id,
        "subject_name": hit.subject_name,
        "list_key": hit.list_key,
        "entry_name": hit.entry_name,
        "score": hit.score,
    })
}
