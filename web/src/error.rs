//! The portal's error type: every failure becomes an HTML page in the visitor's
//! language. Another tenant's ids are a 404, exactly as in the API.

use actix_web::{HttpResponse, ResponseError, http::StatusCode};
use askama::Template;
use domain::DomainError;

use crate::{i18n::Tr, routes};

/// What went wrong, in the portal's terms.
#[derive(Debug, Clone)]
pub enum ErrorKind {
    /// Not there, or another tenant's (indistinguishable).
    NotFound,
    /// Visible, but the role may not do this.
    Forbidden,
    /// Not in this state (e.g. already submitted).
    Conflict,
    /// The form's CSRF token is missing or wrong.
    Csrf,
    /// A form that cannot be read.
    BadRequest,
    /// Sign in first.
    LoginRequired,
    /// The company requires a second factor: enrol one first.
    EnrolmentRequired,
    /// A supplier link that was revoked or has expired (issue #24).
    LinkClosed,
    /// A bug or an outage; details are logged, never shown.
    Internal,
}

/// An error page to show.
#[derive(Debug, Clone)]
pub struct PortalError {
    /// What went wrong.
    pub kind: ErrorKind,
    /// The visitor's language.
    pub t: Tr,
}

impl std::fmt::Display for PortalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.kind)
    }
}

impl PortalError {
    /// An error of `kind` in the language of `t`.
    pub fn new(kind: ErrorKind, t: Tr) -> Self {
        Self { kind, t }
    }

    /// A domain failure as a page.
    pub fn from_domain(error: DomainError, t: Tr) -> Self {
        let kind = match error {
            DomainError::NotFound(_) => ErrorKind::NotFound,
            DomainError::Forbidden(_) => ErrorKind::Forbidden,
            DomainError::Conflict(_) | DomainError::Gone(_) => ErrorKind::Conflict,
            DomainError::Invalid(_) | DomainError::InvalidCredentials => ErrorKind::BadRequest,
            other => {
                tracing::error!(error = %other, "portal request failed");
                ErrorKind::Internal
            }
        };
        Self { kind, t }
    }

    fn keys(&self) -> (&'static str, &'static str) {
        match self.kind {
            ErrorKind::NotFound => ("error-not-found-title", "error-not-found"),
            ErrorKind::Forbidden => ("error-forbidden-title", "error-forbidden"),
            ErrorKind::Conflict => ("error-conflict-title", "error-conflict"),
            ErrorKind::Csrf => ("error-csrf-title", "form-expired"),
            ErrorKind::BadRequest => ("error-bad-request-title", "error-bad-request"),
            ErrorKind::LoginRequired | ErrorKind::EnrolmentRequired => ("log-in", "log-in"),
            ErrorKind::LinkClosed => ("link-closed-title", "link-closed"),
            ErrorKind::Internal => ("error-internal-title", "error-internal"),
        }
    }
}

/// The error page.
#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    /// Words.
    pub t: Tr,
    /// Heading.
    pub title: String,
    /// Explanation.
    pub message: String,
    /// Where "back" goes.
    pub home: &'static str,
}

impl ResponseError for PortalError {
    fn status_code(&self) -> StatusCode {
        match self.kind {
            ErrorKind::NotFound => StatusCode::NOT_FOUND,
            ErrorKind::Forbidden | ErrorKind::Csrf => StatusCode::FORBIDDEN,
            ErrorKind::Conflict => StatusCode::CONFLICT,
            ErrorKind::BadRequest => StatusCode::BAD_REQUEST,
            ErrorKind::LoginRequired | ErrorKind::EnrolmentRequired => StatusCode::SEE_OTHER,
            ErrorKind::LinkClosed => StatusCode::GONE,
            ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if matches!(self.kind, ErrorKind::LoginRequired) {
            return HttpResponse::SeeOther()
                .insert_header((actix_web::http::header::LOCATION, routes::HOME))
                .finish();
        }
        if matches!(self.kind, ErrorKind::EnrolmentRequired) {
            return HttpResponse::SeeOther()
                .insert_header((actix_web::http::header::LOCATION, routes::ACCOUNT_SECURITY))
                .finish();
        }
        let (title, message) = self.keys();
        let page = ErrorPage {
            t: self.t,
            title: self.t.get(title),
            message: self.t.get(message),
            home: routes::HOME,
        };
        let body = page
            .render()
            .unwrap_or_else(|_| "<!doctype html><title>Error</title><p>Error</p>".into());
        HttpResponse::build(self.status_code())
            .content_type("text/html; charset=utf-8")
            .body(body)
    }
}

/// Turns domain results and missing rows into error pages.
pub trait OrPage<T> {
    /// The value, or the error page for it.
    fn or_page(self, t: Tr) -> Result<T, PortalError>;
}

impl<T> OrPage<T> for Result<T, DomainError> {
    fn or_page(self, t: Tr) -> Result<T, PortalError> {
        self.map_err(|e| PortalError::from_domain(e, t))
    }
}

impl<T> OrPage<T> for Result<T, domain::database::DatabaseError> {
    fn or_page(self, t: Tr) -> Result<T, PortalError> {
        self.map_err(|e| PortalError::from_domain(DomainError::Database(e), t))
    }
}

impl<T> OrPage<T> for Option<T> {
    fn or_page(self, t: Tr) -> Result<T, PortalError> {
        self.ok_or(PortalError::new(ErrorKind::NotFound, t))
    }
}
