//! `GET /sso/{cid}/start`: sends the browser to the company's identity provider
//! with an authorization request (code, PKCE S256, state, nonce) and keeps the
//! pending sign-in in its cookie.

use actix_web::{HttpResponse, get, web};
use domain::sso::{Refusal, SignInError};
use uuid::Uuid;

use crate::{
    context::Visit,
    error::{ErrorKind, PortalError},
    pages::{see_other, sso_callback::refused_page},
    sso_cookie,
    state::PortalState,
};

/// Redirects to the provider, or explains why not.
#[get("/sso/{cid}/start")]
pub async fn start(
    state: web::Data<PortalState>,
    visit: Visit,
    cid: web::Path<Uuid>,
) -> Result<HttpResponse, PortalError> {
    match domain::sso::start(&state.db, cid.into_inner(), &state.config.public_url).await {
        Ok(started) => {
            let secure = state.config.secure_cookies;
            let cookie = sso_cookie::cookie(&state.config.secret, started.pending, secure)
                .ok_or(PortalError::new(ErrorKind::Internal, visit.t))?;
            Ok(see_other(&started.authorization_url).cookie(cookie).finish())
        }
        Err(SignInError::Refused(Refusal::NotConfigured)) => {
            Err(PortalError::new(ErrorKind::NotFound, visit.t))
        }
        Err(SignInError::Refused(refusal)) => refused_page(&visit, refusal, state.config.secure_cookies),
        Err(SignInError::Domain(e)) => Err(PortalError::from_domain(e, visit.t)),
    }
}
