//! The caller's own settings.

pub mod preferences;
