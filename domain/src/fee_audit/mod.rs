//! Recruitment-fee audits (fee-audit.md), in two halves that never mix:
//!
//! - [`engine`]: the pure computation. CSV rows and FX rates in, per-worker results,
//!   findings and the summary out, in exact decimal arithmetic; no database, no clock.
//! - [`store`]: the use cases that keep an upload and everything it leads to (results,
//!   findings, repayments, the recruiter registry, the re-score) and read them back.
//!   It calls the engine; the engine never calls it.

pub mod engine;
pub mod store;
