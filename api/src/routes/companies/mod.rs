//! The company itself, and the people it invites.

pub mod get;
pub mod invite_advisor;
