//! A company's outbound emails, as its admins see them.

pub mod list_failed;
