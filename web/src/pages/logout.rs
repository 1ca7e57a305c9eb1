//! `POST /logout`: ends the session (a POST with a CSRF token, so a link on
//! another site cannot log you out).

use actix_web::{HttpResponse, post, web};

use crate::{error::PortalError, form::CsrfForm, pages::see_other, routes, session, state::PortalState};

/// Removes the session cookie and goes to the login page.
#[post("/logout")]
pub async fn logout(
    state: web::Data<PortalState>,
    _form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, PortalError> {
    Ok(see_other(routes::HOME)
        .cookie(session::removal(state.config.secure_cookies))
        .finish())
}
