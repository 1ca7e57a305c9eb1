//! `GET /sso/callback`: where the identity provider sends the browser back. The
//! domain checks the state against this browser's pending sign-in, exchanges the
//! code and verifies the ID token; then the same session cookie as a password
//! login is set and the person lands on their start page. A refusal is a page
//! saying why (and an audit event, written by the domain).

use actix_web::{HttpRequest, HttpResponse, get, http::StatusCode, web};
use domain::{
    access::Caller,
    sso::{Callback, Refusal, SignInError, id_token::TokenRefusal},
};

use crate::{
    context::{Visit, start_page},
    error::{ErrorKind, ErrorPage, PortalError},
    pages::see_other,
    routes, sso_cookie,
    state::PortalState,
};

/// The message key and status of a refusal.
fn words(refusal: Refusal) -> (&'static str, StatusCode) {
    match refusal {
        Refusal::NoPendingSignIn | Refusal::StateMismatch => ("sso-refused-state", StatusCode::BAD_REQUEST),
        Refusal::ProviderDenied => ("sso-refused-denied", StatusCode::FORBIDDEN),
        Refusal::ProviderUnavailable => ("sso-refused-unavailable", StatusCode::BAD_GATEWAY),
        Refusal::Token(TokenRefusal::Expired) | Refusal::Token(_) => {
            ("sso-refused-token", StatusCode::FORBIDDEN)
        }
        Refusal::NoVerifiedEmail | Refusal::EmailDomainNotAllowed => {
            ("sso-refused-email", StatusCode::FORBIDDEN)
        }
        Refusal::NoRole => ("sso-refused-role", StatusCode::FORBIDDEN),
        Refusal::AccountNotInCompany => ("sso-refused-account", StatusCode::FORBIDDEN),
        Refusal::NotConfigured => ("error-not-found", StatusCode::NOT_FOUND),
    }
}

/// The page for a refused sign-in; the pending sign-in is removed with it.
pub fn refused_page(visit: &Visit, refusal: Refusal, secure: bool) -> Result<HttpResponse, PortalError> {
    use askama::Template;
    let (key, status) = words(refusal);
    let page = ErrorPage {
        t: visit.t,
        title: visit.t.get("sso-refused-title"),
        message: visit.t.get(key),
        home: routes::HOME,
    };
    let body = page
        .render()
        .map_err(|_| PortalError::new(ErrorKind::Internal, visit.t))?;
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .cookie(sso_cookie::removal(secure))
        .body(body))
}

/// Signs in, or shows why not.
#[get("/sso/callback")]
pub async fn callback(
    req: HttpRequest,
    state: web::Data<PortalState>,
    visit: Visit,
    query: web::Query<Callback>,
) -> Result<HttpResponse, PortalError> {
    let secure = state.config.secure_cookies;
    let pending = sso_cookie::pending(&state.config.secret, &req);
    let signed_in =
        domain::sso::finish(&state.db, pending, query.into_inner(), &state.config.public_url).await;
    match signed_in {
        Ok(signed_in) => {
            let client = crate::pages::login::client_of(&req);
            let session_id = domain::sessions::sign_in_delegated(&state.db, signed_in.user_id, client)
                .await
                .map_err(|e| PortalError::from_domain(e, visit.t))?;
            let session = state
                .sessions
                .cookie(signed_in.user_id, session_id, secure)
                .ok_or(PortalError::new(ErrorKind::Internal, visit.t))?;
            let landing = Caller::load(&state.db, signed_in.user_id)
                .await
                .ok()
                .flatten()
                .and_then(|caller| start_page(&caller))
                .unwrap_or_else(|| routes::HOME.to_string());
            Ok(see_other(&landing)
                .cookie(session)
                .cookie(sso_cookie::removal(secure))
                .finish())
        }
        Err(SignInError::Refused(refusal)) => refused_page(&visit, refusal, secure),
        Err(SignInError::Domain(e)) => Err(PortalError::from_domain(e, visit.t)),
    }
}
