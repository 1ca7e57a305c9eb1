//! One way to speak the reader's language, for every door (portal, API, worker).
//!
//! Words live in Fluent files owned by the crate that shows them: the portal's in
//! `web/locales/`, the reports', emails' and posters' own words in `worker/locales/`,
//! the worker-voice words (used by api, web and worker) in `domain/locales/`. Each
//! crate builds its [`Catalog`] from `include_str!` of its own files, so no crate
//! reads another's directory. [`negotiate`] is the one language negotiator
//! (`fluent-langneg`) every door uses. Plural rules and argument formatting are
//! Fluent's; adding a language is adding files.

mod catalog;
mod negotiate;

pub use catalog::Catalog;
pub use fluent_bundle::{FluentArgs, FluentValue};
pub use negotiate::{FALLBACK, matching, negotiate};
