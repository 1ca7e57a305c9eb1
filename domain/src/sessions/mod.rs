//! Sign-in sessions: each sign-in is a row whose id rides in the tokens it
//! issues (`sid`), so a user sees where they are signed in and ends a session,
//! after which its tokens are refused; a password reset ends them all. What is
//! kept about the client is a summary: the browser family and the network
//! prefix, never the full user-agent header or address.

mod client;
mod manage;
mod sign_in;

pub use client::Client;
pub use manage::{SessionView, end, end_all, list, touch};
pub use sign_in::{SignIn, password_refused, sign_in, sign_in_delegated};
