//! The caller's own settings: preferences, the second factor, sessions.

pub mod preferences;
pub mod recovery_codes;
pub mod sessions_end;
pub mod sessions_list;
pub mod totp_confirm;
pub mod totp_enrol;
pub mod totp_remove;
