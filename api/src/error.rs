//! Errors as RFC 9457 problem documents (`application/problem+json`). Every domain
//! error becomes a status code here, in one `match`; internals never leave the
//! server (a 500 says only that something went wrong, and logs the cause).

use actix_web::{HttpResponse, ResponseError, http::StatusCode};
use domain::{DomainError, error::FieldError};
use serde::Serialize;
use utoipa::ToSchema;

/// One entry of a validation problem's `errors`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProblemError {
    /// The JSON field (or dotted path) at fault.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The CSV line number at fault (the header is line 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<u64>,
    /// The CSV column at fault.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// What is wrong, in plain language.
    pub message: String,
}

/// An RFC 9457 problem document.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem.
    #[serde(rename = "type")]
    pub kind: String,
    /// A short summary of the kind of problem.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What happened in this case.
    pub detail: String,
    /// Every invalid field or row (validation problems only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ProblemError>>,
    /// `true` when the password was right but the account's second factor is
    /// needed: send the login again with `totp`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mfa_required: Option<bool>,
}

/// An API failure; converted to a problem response.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// 400: the body could not be read as the declared format.
    #[error("{0}")]
    BadRequest(String),
    /// 401: no valid credentials.
    #[error("{0}")]
    Unauthorized(&'static str),
    /// 401: right password, the second factor is missing or wrong.
    #[error("{0}")]
    MfaRequired(&'static str),
    /// 403: the company requires a second factor the caller has not enrolled.
    #[error("your company requires a second factor: enrol one at POST /api/v1/me/mfa/totp first")]
    EnrolmentRequired,
    /// 403: authenticated, but the role may not do this.
    #[error("{0}")]
    Forbidden(String),
    /// 404: absent, or another tenant's.
    #[error("{0} not found")]
    NotFound(String),
    /// 405: the path exists, the method does not.
    #[error("{0}")]
    MethodNotAllowed(String),
    /// 409: conflicts with the current state.
    #[error("{0}")]
    Conflict(String),
    /// 410: no longer usable.
    #[error("{0}")]
    Gone(String),
    /// 413: the body is larger than allowed.
    #[error("the request body is larger than the limit of {0} bytes")]
    PayloadTooLarge(usize),
    /// 415: wrong content type.
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// 422: invalid input, every problem listed.
    #[error("the request is not valid")]
    Unprocessable(Vec<ProblemError>),
    /// 429: too many attempts; retry after this many seconds.
    #[error("too many attempts; try again in {0} seconds")]
    TooManyRequests(u64),
    /// 500: a bug or an outage; the cause is logged, not shown.
    #[error("internal error")]
    Internal(String),
    /// 502: a service we depend on answered badly (named in the detail).
    #[error("{0}")]
    BadGateway(String),
    /// 503: a service we depend on cannot be reached (named in the detail).
    #[error("{0}")]
    ServiceUnavailable(String),
}

impl ApiError {
    /// A 422 naming one field.
    pub fn invalid_field(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Unprocessable(vec![ProblemError {
            field: Some(field.into()),
            row: None,
            column: None,
            message: message.into(),
        }])
    }

    /// A 422 listing bad rows of an uploaded file: (line number, column, message).
    pub fn bad_rows(rows: impl IntoIterator<Item = (u64, Option<String>, String)>) -> Self {
        Self::Unprocessable(
            rows.into_iter()
                .map(|(row, column, message)| ProblemError {
                    field: None,
                    row: Some(row),
                    column,
                    message,
                })
                .collect(),
        )
    }

    fn parts(&self) -> (&'static str, &'static str) {
        match self {
            Self::BadRequest(_) => ("bad-request", "Malformed request"),
            Self::Unauthorized(_) => ("unauthorized", "Authentication required"),
            Self::MfaRequired(_) => ("mfa-required", "Second factor required"),
            Self::EnrolmentRequired => ("mfa-enrolment-required", "Second factor enrolment required"),
            Self::Forbidden(_) => ("forbidden", "Not allowed"),
            Self::NotFound(_) => ("not-found", "Not found"),
            Self::MethodNotAllowed(_) => ("method-not-allowed", "Method not allowed"),
            Self::Conflict(_) => ("conflict", "Conflict with the current state"),
            Self::Gone(_) => ("gone", "No longer available"),
            Self::PayloadTooLarge(_) => ("payload-too-large", "Request body too large"),
            Self::UnsupportedMediaType(_) => ("unsupported-media-type", "Unsupported content type"),
            Self::Unprocessable(_) => ("validation", "Validation failed"),
            Self::TooManyRequests(_) => ("too-many-requests", "Too many requests"),
            Self::Internal(_) => ("internal", "Internal server error"),
            Self::BadGateway(_) => ("bad-gateway", "A service we depend on failed"),
            Self::ServiceUnavailable(_) => ("service-unavailable", "A service we depend on is unavailable"),
        }
    }

    /// The problem document for this error.
    pub fn problem(&self) -> Problem {
        let (slug, title) = self.parts();
        let detail = match self {
            Self::Internal(_) => {
                "Something went wrong on our side. It has been logged; please try again.".to_string()
            }
            Self::Unprocessable(errors) => format!(
                "{} problem{} with the request; see errors.",
                errors.len(),
                if errors.len() == 1 { "" } else { "s" }
            ),
            other => other.to_string(),
        };
        Problem {
            kind: format!("https://fairhire.dev/problems/{slug}"),
            title: title.to_string(),
            status: self.status_code().as_u16(),
            detail,
            errors: match self {
                Self::Unprocessable(errors) => Some(errors.clone()),
                _ => None,
            },
            mfa_required: matches!(self, Self::MfaRequired(_)).then_some(true),
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Unauthorized(_) | Self::MfaRequired(_) => StatusCode::UNAUTHORIZED,
            Self::EnrolmentRequired => StatusCode::FORBIDDEN,
            Self::Forbidden(_) => StatusCode::FORBIDDEN,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            Self::Conflict(_) => StatusCode::CONFLICT,
            Self::Gone(_) => StatusCode::GONE,
            Self::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            Self::BadGateway(_) => StatusCode::BAD_GATEWAY,
            Self::ServiceUnavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let Self::Internal(cause) = self {
            tracing::error!(%cause, "internal error");
        }
        let mut response = HttpResponse::build(self.status_code());
        response.content_type("application/problem+json");
        match self {
            Self::Unauthorized(_) | Self::MfaRequired(_) => {
                response.insert_header(("WWW-Authenticate", "Bearer"));
            }
            Self::TooManyRequests(seconds) => {
                response.insert_header(("Retry-After", seconds.to_string()));
            }
            _ => {}
        }
        response.json(self.problem())
    }
}

impl From<DomainError> for ApiError {
    fn from(error: DomainError) -> Self {
        match error {
            DomainError::Invalid(fields) => {
                Self::Unprocessable(fields.into_iter().map(field_problem).collect())
            }
            DomainError::NotFound(what) => Self::NotFound(what.to_string()),
            DomainError::Forbidden(why) => Self::Forbidden(why.to_string()),
            DomainError::Conflict(why) => Self::Conflict(why),
            DomainError::Gone(why) => Self::Gone(why.to_string()),
            DomainError::InvalidCredentials => Self::Unauthorized("wrong email or password"),
            DomainError::Database(db) => Self::Internal(format!("database: {db}")),
            DomainError::Internal(why) => Self::Internal(why),
        }
    }
}

impl From<domain::sites::os_hub::OsHubError> for ApiError {
    fn from(error: domain::sites::os_hub::OsHubError) -> Self {
        // Not configured is this installation's state, not an outage: the
        // request cannot succeed until an admin sets the token, so a 409 says
        // so without reporting a server fault.
        if matches!(error, domain::sites::os_hub::OsHubError::NotConfigured) {
            Self::Conflict(error.to_string())
        } else if error.is_unavailable() {
            Self::ServiceUnavailable(error.to_string())
        } else {
            Self::BadGateway(error.to_string())
        }
    }
}

impl From<domain::database::DatabaseError> for ApiError {
    fn from(error: domain::database::DatabaseError) -> Self {
        Self::Internal(format!("database: {error}"))
    }
}

fn field_problem(error: FieldError) -> ProblemError {
    ProblemError {
        field: Some(error.field),
        row: None,
        column: None,
        message: error.message,
    }
}

/// Result type of handlers.
pub type ApiResult<T> = Result<T, ApiError>;
