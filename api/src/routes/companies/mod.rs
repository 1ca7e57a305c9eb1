//! The company itself, and the people it invites.

pub mod get;
pub mod invite_advisor;
pub mod remove_member;
pub mod rescore;
pub mod security_get;
pub mod security_put;
pub mod sso_get;
pub mod sso_put;
pub mod withdraw_invitation;
