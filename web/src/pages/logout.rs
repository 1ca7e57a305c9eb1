//! `POST /logout`: ends the session (a POST with a CSRF token, so a link on
//! another site cannot log you out).

use actix_web::{HttpRequest, HttpResponse, post, web};
use serde::Deserialize;

use crate::{csrf, pages::see_other, session, state::PortalState};

/// The submitted form.
#[derive(Deserialize)]
pub struct LogoutForm {
    csrf_token: String,
}

/// Removes the session cookie and goes to the login page.
#[post("/logout")]
pub async fn logout(
    req: HttpRequest,
    state: web::Data<PortalState>,
    form: web::Form<LogoutForm>,
) -> HttpResponse {
    if !csrf::verify(&req, &form.csrf_token) {
        return HttpResponse::Forbidden()
            .body("This form has expired. Go back, reload the page and try again.");
    }
    see_other("/")
        .cookie(session::removal(state.config.secure_cookies))
        .finish()
}
