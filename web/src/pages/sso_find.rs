//! `POST /sso`: "Sign in with your company's identity provider" on the login page.
//! The work email's domain finds the company; the page then offers the link to its
//! start. A link, not a redirect: the portal's `form-action 'self'` policy would
//! (rightly) stop a form's redirect chain at the provider's origin.

use actix_web::{HttpResponse, http::StatusCode, post, web};
use domain::values::Email;
use serde::Deserialize;

use crate::{
    context::{Visit, render},
    error::PortalError,
    form::CsrfForm,
    pages::login::LoginPage,
    state::PortalState,
};

/// The submitted form.
#[derive(Deserialize)]
pub struct SsoForm {
    sso_email: String,
}

/// Offers the company's sign-in, or shows the login page with the reason beside
/// the field.
#[post("/sso")]
pub async fn find(
    state: web::Data<PortalState>,
    visit: Visit,
    form: CsrfForm<SsoForm>,
) -> Result<HttpResponse, PortalError> {
    let company = match Email::parse(&form.0.sso_email) {
        Ok(email) => domain::sso::company_for_email(&state.db, &email)
            .await
            .map_err(|e| PortalError::from_domain(e, visit.t))?,
        Err(_) => None,
    };
    let mut page = LoginPage::new(visit.layout());
    page.sso_email = form.0.sso_email.trim().to_string();
    let Some(cid) = company else {
        page.sso_error = Some(visit.t.get("sso-unknown-domain"));
        let mut response = render(&page, visit.new_cookie.clone(), visit.t)?;
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(response);
    };
    page.sso_start = Some(format!("/sso/{cid}/start"));
    render(&page, visit.new_cookie.clone(), visit.t)
}
