//! The `Authenticated` extractor: checks the bearer token once, loads the user and
//! their memberships, and hands the handler a [`Caller`]; and `Claimed`, the same
//! check with the database's part left to the read it rides with. Every failure is
//! the same 401, so a client learns nothing about why a token was refused.

use std::{future::Future, pin::Pin};

use actix_web::{FromRequest, HttpRequest, dev::Payload, web};
use domain::access::{
    Caller,
    claim::{Asked, Asker, SessionClaim},
    readable::{Reached, Unreached},
};

use crate::{error::ApiError, state::ApiState};

/// The authenticated caller of a request.
pub struct Authenticated(pub Caller);

/// The caller of a request as its bearer token claims, for a read that
/// confirms it ([`domain::access::claim`]): a session's token is checked for
/// its signature and expiry here and against the database by the read; an API
/// key is looked up here. [`Claimed::confirmed`] then refuses exactly what
/// [`Authenticated`] refuses, so a list costs one statement, not two.
pub struct Claimed {
    asker: Asker,
    enrolment_open: bool,
}

/// The bearer token of a request, if any.
pub fn bearer_token(req: &HttpRequest) -> Option<&str> {
    req.headers()
        .get(actix_web::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

impl FromRequest for Claimed {
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
                let caller = key_caller(&state, &raw, mutating).await?;
                return Ok(Self {
                    asker: Asker::Known(caller),
                    enrolment_open,
                });
            }
            let (user_id, session_id) =
                signed_in.ok_or(ApiError::Unauthorized("a valid bearer token is required"))?;
            Ok(Self {
                asker: Asker::Claimed(SessionClaim { user_id, session_id }),
                enrolment_open,
            })
        })
    }
}

impl Claimed {
    /// Who asks, for the read that confirms them.
    pub fn asker(&self) -> Asker {
        self.asker.clone()
    }

    /// The caller a read for [`Claimed::asker`] found, refused as
    /// [`Authenticated`] refuses: 401 when the claim does not hold, the
    /// enrolment refusal for a member who must enrol a second factor first.
    pub fn confirmed(&self, found: Option<Caller>) -> Result<Caller, ApiError> {
        confirmed(found, self.enrolment_open)
    }

    /// The caller of `asked`, admitted by `rule`, and what was read for them.
    /// The read's gate is a necessary condition of every rule it is used with,
    /// so a caller the rule admits but the gate did not is a bug, not an empty
    /// page.
    pub fn admit<T>(
        &self,
        asked: Asked<T>,
        rule: impl FnOnce(&Caller) -> Result<(), ApiError>,
    ) -> Result<(Caller, T), ApiError> {
        let caller = self.confirmed(asked.caller)?;
        rule(&caller)?;
        if !asked.admitted {
            return Err(ApiError::Internal(
                "a caller the rule admits was kept out by the read's gate".into(),
            ));
        }
        Ok((caller, asked.value))
    }

    /// The caller of `asked` and the row read for them, when they may read
    /// it: a token the read did not confirm is refused as [`Authenticated`]
    /// refuses it, before "not found or not yours" is decided.
    pub fn reach<T>(&self, asked: Asked<Unreached<T>>) -> Result<(Caller, Reached<T>), ApiError> {
        let caller = self.confirmed(asked.caller)?;
        let reached = asked.value.reach(&caller)?;
        Ok((caller, reached))
    }

    /// `extracted` (a path or body the handler took as a `Result`, to read the
    /// caller with its row), or its error once the caller is confirmed on
    /// their own: a refused token is refused before anything else about the
    /// request, as [`Authenticated`], extracted first, refuses it.
    pub async fn refused_first<T>(
        &self,
        state: &ApiState,
        extracted: Result<T, actix_web::Error>,
    ) -> Result<T, actix_web::Error> {
        match extracted {
            Ok(value) => Ok(value),
            Err(refused) => {
                Self {
                    asker: self.asker.clone(),
                    enrolment_open: self.enrolment_open,
                }
                .load(state)
                .await?;
                Err(refused)
            }
        }
    }

    /// The caller, loaded on its own: for a request refused before any read
    /// (its query does not parse), so the caller's refusal still comes first.
    pub async fn load(self, state: &ApiState) -> Result<Caller, ApiError> {
        let found = match self.asker {
            Asker::Known(caller) => Some(caller),
            Asker::Claimed(claim) => {
                // One round trip: the user, their memberships and the live session.
                Caller::load_session(&state.db, claim.user_id, claim.session_id).await?
            }
        };
        confirmed(found, self.enrolment_open)
    }
}

impl FromRequest for Authenticated {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<ApiState>>().cloned();
        let claimed = Claimed::from_request(req, payload);
        Box::pin(async move {
            let state = state.ok_or_else(|| ApiError::Internal("ApiState missing".into()))?;
            let claimed = claimed.await?;
            claimed.load(&state).await.map(Self)
        })
    }
}

/// The caller found for a token, or its refusal (see [`Claimed::confirmed`]).
fn confirmed(found: Option<Caller>, enrolment_open: bool) -> Result<Caller, ApiError> {
    let caller = found.ok_or(ApiError::Unauthorized("a valid bearer token is required"))?;
    tracing::Span::current().record("user_id", tracing::field::display(caller.user_id));
    if caller.must_enrol_second_factor && !enrolment_open {
        return Err(ApiError::EnrolmentRequired);
    }
    Ok(caller)
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
