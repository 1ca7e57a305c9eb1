//! The `fairhire` binary's library half: configuration, telemetry, and assembling
//! the HTTP server and the job runner from the crates below. `main.rs` only parses
//! the command line; integration tests build the same `Application` on port 0.
//!
//! Owns: reading settings (defaults → `fairhire.toml` → `FAIRHIRE_*`), connecting
//! and migrating the database, wiring `api`, `web` and `worker` together, the demo
//! data, and the allocator's tuning (the workspace's one `unsafe` call, in
//! `allocator`). Must not hold business rules (those are in `domain`).

pub mod allocator;
pub mod config;
pub mod database;
pub mod demo;
pub mod metrics;
pub mod request_log;
pub mod rescore;
pub mod screening_lists;
pub mod startup;
pub mod telemetry;
