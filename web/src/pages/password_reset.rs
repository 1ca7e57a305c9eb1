//! "Forgot your password?": `GET/POST /password-reset` asks for the emailed link
//! (the same answer whether or not the address has an account), and
//! `GET/POST /password-reset/{token}` chooses the new password with it — the
//! same domain use cases as `POST /api/v1/auth/password-reset[/{token}]`.

use actix_web::{HttpResponse, get, http::StatusCode, post, web};
use askama::Template;
use domain::{
    DomainError, accounts,
    values::{Email, NewPassword},
};
use serde::Deserialize;

use crate::{
    context::{Layout, Visit, render},
    error::PortalError,
    form::CsrfForm,
    state::PortalState,
};

/// The page of both steps.
#[derive(Template)]
#[template(path = "password_reset.html")]
pub struct ResetPage {
    l: Layout,
    /// The form posts here (`/password-reset` or the token's page).
    action: String,
    /// Asking for a link (`true`), or choosing the password.
    asking: bool,
    email: String,
    field_error: Option<String>,
    /// A message instead of the form (sent, done, or a dead link).
    notice: Option<String>,
}

fn answer(visit: &Visit, page: ResetPage, status: StatusCode) -> Result<HttpResponse, PortalError> {
    let mut response = render(&page, visit.new_cookie.clone(), visit.t)?;
    *response.status_mut() = status;
    Ok(response)
}

fn asking_page(visit: &Visit) -> ResetPage {
    ResetPage {
        l: visit.layout(),
        action: crate::routes::PASSWORD_RESET.to_string(),
        asking: true,
        email: String::new(),
        field_error: None,
        notice: None,
    }
}

/// The "send me a link" form.
#[get("/password-reset")]
pub async fn ask(visit: Visit) -> Result<HttpResponse, PortalError> {
    answer(&visit, asking_page(&visit), StatusCode::OK)
}

/// The submitted address.
#[derive(Deserialize)]
pub struct AskForm {
    #[serde(default)]
    email: String,
}

/// Queues the email when the address has an account; answers the same anyway.
#[post("/password-reset")]
pub async fn send(
    state: web::Data<PortalState>,
    visit: Visit,
    form: CsrfForm<AskForm>,
) -> Result<HttpResponse, PortalError> {
    let t = visit.t;
    let mut page = asking_page(&visit);
    let Ok(email) = Email::parse(&form.0.email) else {
        page.email = form.0.email;
        page.field_error = Some(t.get("err-email"));
        return answer(&visit, page, StatusCode::UNPROCESSABLE_ENTITY);
    };
    accounts::request_password_reset(&state.db, &email, &state.config.public_url)
        .await
        .map_err(|e| PortalError::from_domain(e, t))?;
    page.notice = Some(t.get("reset-sent"));
    answer(&visit, page, StatusCode::OK)
}

fn choosing_page(visit: &Visit, token: &str) -> ResetPage {
    ResetPage {
        l: visit.layout(),
        action: crate::routes::password_reset(token),
        asking: false,
        email: String::new(),
        field_error: None,
        notice: None,
    }
}

/// A dead link's page: a clear message, `404` or `410`; anything else is an error.
fn dead_link(visit: &Visit, token: &str, error: DomainError) -> Result<HttpResponse, PortalError> {
    let t = visit.t;
    let mut page = choosing_page(visit, token);
    let status = match error {
        DomainError::NotFound(_) => {
            page.notice = Some(t.get("reset-missing"));
            StatusCode::NOT_FOUND
        }
        DomainError::Gone(_) => {
            page.notice = Some(t.get("reset-gone"));
            StatusCode::GONE
        }
        other => return Err(PortalError::from_domain(other, t)),
    };
    answer(visit, page, status)
}

/// The new-password form, when the link can still be used.
#[get("/password-reset/{token}")]
pub async fn choose(
    state: web::Data<PortalState>,
    visit: Visit,
    token: web::Path<String>,
) -> Result<HttpResponse, PortalError> {
    match accounts::usable_reset(&state.db, &token).await {
        Ok(_) => answer(&visit, choosing_page(&visit, &token), StatusCode::OK),
        Err(error) => dead_link(&visit, &token, error),
    }
}

/// The new password.
#[derive(Deserialize)]
pub struct ChooseForm {
    #[serde(default)]
    password: String,
}

/// Sets the password (once) and ends every session of the account.
#[post("/password-reset/{token}")]
pub async fn save(
    state: web::Data<PortalState>,
    visit: Visit,
    token: web::Path<String>,
    form: CsrfForm<ChooseForm>,
) -> Result<HttpResponse, PortalError> {
    let t = visit.t;
    if let Err(error) = accounts::usable_reset(&state.db, &token).await {
        return dead_link(&visit, &token, error);
    }
    let Ok(password) = NewPassword::parse(&form.0.password) else {
        let mut page = choosing_page(&visit, &token);
        page.field_error = Some(t.get("password-hint"));
        return answer(&visit, page, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let hashed = web::block(move || accounts::password::hash(&password)).await;
    let Ok(Ok(hash)) = hashed else {
        return Err(PortalError::new(crate::error::ErrorKind::Internal, t));
    };
    if let Err(error) = accounts::complete_password_reset(&state.db, &token, hash).await {
        return dead_link(&visit, &token, error);
    }
    let mut page = choosing_page(&visit, &token);
    page.notice = Some(t.get("reset-done"));
    answer(&visit, page, StatusCode::OK)
}
