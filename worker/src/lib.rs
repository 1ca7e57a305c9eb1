//! The Fairhire worker: the job runner and the jobs it runs.
//!
//! Owns: claiming jobs from the `jobs` table (atomic claim with a lease,
//! `FOR UPDATE SKIP LOCKED` on PostgreSQL), running their handlers under
//! `catch_unwind`, retrying with exponential backoff and recording `done` or
//! `failed`; and the jobs themselves, starting with `send_email` (askama templates
//! per message and locale, lettre SMTP or an `.eml` outbox); the words of reports,
//! email subjects and labels in this crate's Fluent files (`locales/<lang>/`); the scheduler that
//! enqueues the periodic jobs once per period, and the notification jobs.
//! Must not touch: HTTP serving, reading the environment (the binary fills in
//! [`WorkerConfig`]), or business rules that belong in `domain` — jobs load rows
//! and call domain functions; they do not decide policy.

#![warn(missing_docs)]

pub mod config;
pub mod email;
pub mod jobs;
pub mod pack;
pub mod poster;
pub mod report;
pub mod runner;
pub mod scheduler;
pub mod statement;
#[cfg(test)]
mod test_support;
pub mod webhooks;

pub use config::{
    DEFAULT_FROM, MailConfig, MailTransport, SmtpCredentials, SmtpSettings, SmtpTls, WebhookDelivery,
    WorkerConfig,
};
pub use runner::{Catalogue, JobContext, JobOutcome, JobResult, Runner};
