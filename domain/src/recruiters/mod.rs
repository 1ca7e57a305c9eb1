//! The company's recruiter registry as the company keeps it (issue #25): which
//! recruiter a sub-agent works under, which suppliers a recruiter works for, the
//! countries it recruits from, its licences, and its IRIS certification status with
//! the date and source the company checked. Figures (what workers paid) come from
//! the fee audits (`fee_audit::store`) and from the suppliers' SAQ v2 answers
//! (`declared`); this module owns the registry's own fields and the page's read.
//!
//! Officers and admins edit; the company's staff read; another company's recruiter
//! is `NotFound`, like one that does not exist.

mod chain;
mod declared;
mod fields;
mod profile;
mod update;

pub use chain::{ChainLink, sub_agent_chain};
pub use declared::{COSTS_QUESTION, DeclaredFees, MONTHS_QUESTION, PAID_QUESTION, declared_fees};
pub use fields::{
    IrisStatus, Licence, LicenceInput, RecruiterChanges, RecruiterInput, stored_licences, stored_origins,
};
pub use profile::{RecruiterProfile, recruiter_profile};
pub use update::update_recruiter;
