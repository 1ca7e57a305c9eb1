//! What can go wrong in a use case, in the domain's own words. The API maps each
//! variant to a status code in one place; the worker and CLI add context.

use sea_orm::DbErr;

/// One invalid input field, named as the client sent it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldError {
    /// The field (JSON key or dotted path) that is wrong.
    pub field: String,
    /// A plain-language explanation.
    pub message: String,
}

impl FieldError {
    /// Names a field and says what is wrong with it.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// Every failure a use case can report.
#[derive(Debug, thiserror::Error)]
pub enum DomainError {
    /// Input that cannot be accepted; every problem is listed.
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    /// The thing does not exist, or belongs to a tenant the caller cannot see
    /// (the two are deliberately indistinguishable).
    #[error("{0} not found")]
    NotFound(&'static str),
    /// The caller may see the thing but their role may not do this to it.
    #[error("forbidden: {0}")]
    Forbidden(&'static str),
    /// The request conflicts with the current state (e.g. submitting twice).
    #[error("conflict: {0}")]
    Conflict(String),
    /// The thing existed but is no longer usable (e.g. an expired invitation).
    #[error("gone: {0}")]
    Gone(&'static str),
    /// Wrong email or password; deliberately vague.
    #[error("invalid credentials")]
    InvalidCredentials,
    /// The database failed; internal detail never reaches a client.
    #[error("database error: {0}")]
    Database(#[from] DbErr),
    /// An internal invariant failed (a bug); logged, never shown.
    #[error("internal error: {0}")]
    Internal(String),
}

impl DomainError {
    /// A single-field validation failure.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Invalid(vec![FieldError::new(field, message)])
    }
}

impl From<serde_json::Error> for DomainError {
    fn from(error: serde_json::Error) -> Self {
        Self::Internal(format!("json: {error}"))
    }
}
