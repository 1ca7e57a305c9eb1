//! The JSON API (`/api/v1`), as api-contract.md fixes it.
//!
//! Owns: routes (one file per resource and verb), authentication (JWT, Argon2id,
//! the login throttle), the extractor that resolves the caller, the mapping of
//! domain errors to problem+json, idempotency keys, and the OpenAPI document.
//! Must not touch: business rules (call `domain` use cases), the portal (`web`),
//! or the worker. Handlers parse input into domain types and call one use case.

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
