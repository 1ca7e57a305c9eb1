//! `POST /logout`: ends the session (a POST with a CSRF token, so a link on
//! another site cannot log you out).

use actix_web::{HttpResponse, post, web};

use crate::{
    context::Visit, error::PortalError, form::CsrfForm, pages::see_other, routes, session, state::PortalState,
};

/// Ends the sign-in session (so its cookie is refused even if kept), removes
/// the cookie and goes to the login page.
#[post("/logout")]
pub async fn logout(
    state: web::Data<PortalState>,
    visit: Visit,
    _form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, PortalError> {
    if let Some(caller) = &visit.caller
        && let Some(session_id) = caller.session_id
        && let Err(error) = domain::sessions::end(&state.db, caller, session_id).await
    {
        tracing::warn!(%error, "ending the session at logout failed");
    }
    Ok(see_other(routes::HOME)
        .cookie(session::removal(state.config.secure_cookies))
        .finish())
}
