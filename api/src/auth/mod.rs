//! Authentication: access tokens, password hashing, the login throttle, and the
//! extractor that turns a bearer token into a loaded [`domain::access::Caller`].

pub mod caller;
pub mod jwt;
pub mod password;

pub use caller::{Authenticated, Claimed};
