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
        let user_id = state
            .as_ref()
            .and_then(|s| bearer_token(req).and_then(|token| s.jwt.verify(token)));
        Box::pin(async move {
            let state = state.ok_or_else(|| ApiError::Internal("ApiState missing".into()))?;
            let user_id = user_id.ok_or(ApiError::Unauthorized("a valid bearer token is required"))?;
            let caller = Caller::load(&state.db, user_id)
                .await?
                .ok_or(ApiError::Unauthorized("a valid bearer token is required"))?;
            tracing::Span::current().record("user_id", tracing::field::display(caller.user_id));
            Ok(Self(caller))
        })
    }
}
