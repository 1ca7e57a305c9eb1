//! The TOTP second factor (RFC 6238): enrolment and confirmation, the check at
//! sign-in, ten single-use recovery codes, turning it off, and the company
//! policy that requires it of staff. The secret is stored as enrolled (Base32)
//! and never returned once confirmed; recovery codes only as hashes.

mod check;
mod enrol;
mod policy;
mod recovery;
mod remove;
pub mod totp;

pub use check::{Proof, check_code, confirmed};
pub use enrol::{Enrolment, confirm, enrol, pending};
pub use policy::{SecurityPolicy, policy, set_policy};
pub use recovery::{COUNT as RECOVERY_CODES, remaining as remaining_recovery_codes};
pub use remove::{regenerate_recovery_codes, remove};
