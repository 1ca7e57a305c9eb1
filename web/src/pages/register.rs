//! `GET/POST /register`: a new company and its first (admin) user — the same
//! domain use case as `POST /auth/register` in the API.

use actix_web::{HttpRequest, HttpResponse, get, http::StatusCode, post, web};
use askama::Template;
use domain::{
    DomainError,
    accounts::{self, RegisterCompany},
    values::{Email, NewPassword, RequiredText},
};
use serde::Deserialize;

use crate::{
    context::{Layout, Visit, render},
    error::PortalError,
    form::CsrfForm,
    pages::see_other,
    routes,
    state::PortalState,
};

/// The registration form, with what was typed and an error beside each field.
#[derive(Template)]
#[template(path = "register.html")]
pub struct RegisterPage {
    l: Layout,
    company_name: String,
    name: String,
    email: String,
    company_name_error: Option<String>,
    name_error: Option<String>,
    email_error: Option<String>,
    password_error: Option<String>,
    error: Option<String>,
}

impl RegisterPage {
    fn empty(l: Layout) -> Self {
        Self {
            l,
            company_name: String::new(),
            name: String::new(),
            email: String::new(),
            company_name_error: None,
            name_error: None,
            email_error: None,
            password_error: None,
            error: None,
        }
    }
}

/// Shows the form.
#[get("/register")]
pub async fn show(visit: Visit) -> Result<HttpResponse, PortalError> {
    let page = RegisterPage::empty(visit.layout());
    render(&page, visit.new_cookie.clone(), visit.t)
}

/// The submitted form.
#[derive(Deserialize)]
pub struct RegisterForm {
    company_name: String,
    name: String,
    email: String,
    password: String,
}

/// Registers the company; on success logs the new admin in and goes to the
/// company's dashboard.
#[post("/register")]
pub async fn submit(
    req: HttpRequest,
    state: web::Data<PortalState>,
    visit: Visit,
    form: CsrfForm<RegisterForm>,
) -> Result<HttpResponse, PortalError> {
    let form = form.0;
    let t = visit.t;
    let mut page = RegisterPage::empty(visit.layout());
    page.company_name = form.company_name.clone();
    page.name = form.name.clone();
    page.email = form.email.clone();
    let company_name = RequiredText::parse(&form.company_name, 200)
        .map_err(|_| page.company_name_error = Some(t.get("err-company-name")))
        .ok();
    let name = RequiredText::parse(&form.name, 200)
        .map_err(|_| page.name_error = Some(t.get("err-name")))
        .ok();
    let email = Email::parse(&form.email)
        .map_err(|_| page.email_error = Some(t.get("err-email")))
        .ok();
    let password = NewPassword::parse(&form.password)
        .map_err(|_| page.password_error = Some(t.get("password-hint")))
        .ok();
    let again = |page: RegisterPage, status: StatusCode| -> Result<HttpResponse, PortalError> {
        let mut response = render(&page, visit.new_cookie.clone(), t)?;
        *response.status_mut() = status;
        Ok(response)
    };
    let (Some(company_name), Some(name), Some(email), Some(password)) = (company_name, name, email, password)
    else {
        return again(page, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let hashed = web::block(move || accounts::password::hash(&password)).await;
    let Ok(Ok(password_hash)) = hashed else {
        page.error = Some(t.get("error-internal"));
        return again(page, StatusCode::INTERNAL_SERVER_ERROR);
    };
    let registered = accounts::register_company(
        &state.db,
        RegisterCompany {
            company_name,
            name,
            email,
            password_hash,
        },
    )
    .await;
    match registered {
        Ok(registered) => {
            tracing::info!(user_id = %registered.user.id, company_id = %registered.organization.id, "company registered in the portal");
            match crate::pages::login::start_session(&req, &state, registered.user.id, None).await {
                Ok(Ok(cookie)) => Ok(see_other(&routes::dashboard(registered.organization.id))
                    .cookie(cookie)
                    .finish()),
                _ => {
                    page.error = Some(t.get("error-internal"));
                    again(page, StatusCode::INTERNAL_SERVER_ERROR)
                }
            }
        }
        Err(DomainError::Conflict(_)) => {
            page.email_error = Some(t.get("err-email-taken"));
            again(page, StatusCode::CONFLICT)
        }
        Err(error) => {
            tracing::error!(%error, "registering a company failed");
            page.error = Some(t.get("error-internal"));
            again(page, StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}
