//! The JSON API (`/api/v1`), as api-contract.md fixes it.
//!
//! Owns: routes (one file per resource and verb), authentication (JWT, Argon2id,
//! the login throttle), the extractor that resolves the caller, the mapping of
//! domain errors to problem+json, idempotency keys, and the OpenAPI document.
//! Must not touch: business rules (call `domain` use cases), the portal (`web`),
//! or the worker. Handlers parse input into domain types, call the domain (which
//! loads what the caller may reach and decides who may do what), and turn the
//! result into JSON.
//!
//! Queries: none. This crate does not depend on sea-orm, so the compiler keeps it
//! so: it holds a `domain::database::Database` handle and passes it (or a
//! transaction, `domain::database::Connection`) to `domain`, which runs every
//! query, the idempotency-key store and the readiness ping included.

pub mod auth;
pub mod config;
pub mod error;
pub mod extract;
pub mod idempotency;
pub mod openapi;
pub mod pagination;
pub mod plain_text;
pub mod routes;
pub mod state;

pub use config::ApiConfig;
pub use error::ApiError;
pub use state::ApiState;
