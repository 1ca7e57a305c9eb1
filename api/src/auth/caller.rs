//! The `Authenticated` extractor: checks the bearer token once, loads the user and
//! their memberships, and hands the handler a [`Caller`]. Every failure is the same
//! 401, so a client learns nothing about why a token was refused.

use std::{future::Future, pin::Pin};

use actix_web::{FromRequest, HttpRequest, dev::Payload, web};
use domain::access::Caller;

use crate::{error::ApiError, state::ApiState};

/// The authenticated caller of a request.
pub struct Authenticated(pub Caller);

/// The bearer token of a request, if any.
pub fn bearer_token(req: &HttpRequest) -> Option<&str> {
    req.headers()
        .get(actix_web::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

impl FromRequest for Authenticated {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<ApiState>>().cloned();
        // An API key (`fh_…`) instead of a JWT: looked up below, not verified here.
        let api_key = bearer_token(req)
            .filter(|token| token.starts_with(domain::api_keys::PREFIX))
            .map(str::to_string);
        let mutating = !matches!(
            *req.method(),
            actix_web::http::Method::GET | actix_web::http::Method::HEAD | actix_web::http::Method::OPTIONS
        );
        let signed_in = state
            .as_ref()
            .and_then(|s| bearer_token(req).and_then(|token| s.jwt.verify(token)));
        let enrolment_open = enrolment_open(req.path());
        Box::pin(async move {
            let state = state.ok_or_else(|| ApiError::Internal("ApiState missing".into()))?;
            if let Some(raw) = api_key {
                return key_caller(&state, &raw, mutating).await.map(Self);
            }
            let (user_id, session_id) =
                signed_in.ok_or(ApiError::Unauthorized("a valid bearer token is required"))?;
            // One round trip: the user, their memberships and the live session.
            let caller = Caller::load_session(&state.db, user_id, session_id)
                .await?
                .ok_or(ApiError::Unauthorized("a valid bearer token is required"))?;
            tracing::Span::current().record("user_id", tracing::field::display(caller.user_id));
            if caller.must_enrol_second_factor && !enrolment_open {
                return Err(ApiError::EnrolmentRequired);
            }
            Ok(Self(caller))
        })
    }
}

/// What a member who must enrol a second factor may still reach: who they are,
/// the enrolment itself and their sessions.
fn enrolment_open(path: &str) -> bool {
    let path = path.strip_prefix("/api/v1").unwrap_or(path);
    path == "/me" || path.starts_with("/me/mfa/") || path.starts_with("/me/sessions")
}

/// The caller an API key acts as; a read-only key is refused here on every
/// mutating method, so no route can forget to check it.
async fn key_caller(state: &ApiState, raw: &str, mutating: bool) -> Result<Caller, ApiError> {
    let refused = ApiError::Unauthorized("a valid bearer token is required");
    let Some(key) = domain::api_keys::authenticate(&state.db, raw).await? else {
        return Err(refused);
    };
    let caller = Caller::for_api_key(&state.db, &key).await?.ok_or(refused)?;
    if mutating && caller.read_only {
        return Err(ApiError::Forbidden("this API key is read-only".into()));
    }
    tracing::Span::current().record("user_id", tracing::field::display(caller.user_id));
    Ok(caller)
}
