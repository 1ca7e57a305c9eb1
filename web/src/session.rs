//! The portal session: a signed token in an HttpOnly, SameSite=Lax cookie. Its
//! audience is the portal's, so a session cookie is useless as an API bearer token
//! and an API token is useless as a cookie. A supplier link's cookie (issue #24)
//! is signed the same way under its own name and audience, so it can never pass
//! for a user's session (and a session never for a link).

use actix_web::{
    HttpRequest,
    cookie::{Cookie, SameSite, time::Duration as CookieDuration},
};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The session cookie's name.
pub const COOKIE: &str = "fh_session";
const AUDIENCE: &str = "fairhire-portal";
/// The cookie of a supplier link's holder: its subject is the link, not a user.
pub const LINK_COOKIE: &str = "fh_link";
const LINK_AUDIENCE: &str = "fairhire-supplier-link";
const ISSUER: &str = "fairhire";
/// Sessions end after 8 hours (a working day).
const LIFETIME_SECONDS: i64 = 8 * 60 * 60;

#[derive(Debug, Serialize, Deserialize)]
struct SessionClaims {
    sub: Uuid,
    /// The sign-in session (`user_sessions.id`), checked on every request; for
    /// a supplier link's cookie, the link's id again.
    sid: Uuid,
    iat: i64,
    exp: i64,
    iss: String,
    aud: String,
}

/// Signs and checks session cookies.
pub struct SessionKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    cookie_name: &'static str,
    audience: &'static str,
}

impl SessionKeys {
    /// Keys from the configured secret, for users' sessions.
    pub fn new(secret: &SecretString) -> Result<Self, jsonwebtoken::errors::Error> {
        Self::with(secret, COOKIE, AUDIENCE)
    }

    /// Keys from the configured secret, for supplier links' cookies (the subject
    /// is a link's id).
    pub fn for_links(secret: &SecretString) -> Result<Self, jsonwebtoken::errors::Error> {
        Self::with(secret, LINK_COOKIE, LINK_AUDIENCE)
    }

    fn with(
        secret: &SecretString,
        cookie_name: &'static str,
        audience: &'static str,
    ) -> Result<Self, jsonwebtoken::errors::Error> {
        let bytes = secret.expose_secret().as_bytes();
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_audience(&[audience]);
        validation.set_issuer(&[ISSUER]);
        validation.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);
        Ok(Self {
            encoding: EncodingKey::from_secret(bytes)?,
            decoding: DecodingKey::from_secret(bytes)?,
            validation,
            cookie_name,
            audience,
        })
    }

    /// A session cookie for `user_id` in sign-in session `session_id`, ending
    /// after 8 hours.
    pub fn cookie(&self, user_id: Uuid, session_id: Uuid, secure: bool) -> Option<Cookie<'static>> {
        self.cookie_for(user_id, session_id, LIFETIME_SECONDS, secure)
    }

    /// A cookie for `subject` in session `session_id` ending after `lifetime`
    /// seconds (at most 8 hours).
    pub fn cookie_for(
        &self,
        subject: Uuid,
        session_id: Uuid,
        lifetime: i64,
        secure: bool,
    ) -> Option<Cookie<'static>> {
        let lifetime = lifetime.clamp(0, LIFETIME_SECONDS);
        let now = chrono::Utc::now().timestamp();
        let claims = SessionClaims {
            sub: subject,
            sid: session_id,
            iat: now,
            exp: now + lifetime,
            iss: ISSUER.into(),
            aud: self.audience.into(),
        };
        let token = encode(&Header::new(Algorithm::HS256), &claims, &self.encoding).ok()?;
        Some(
            Cookie::build(self.cookie_name, token)
                .path("/")
                .http_only(true)
                .secure(secure)
                .same_site(SameSite::Lax)
                .max_age(CookieDuration::seconds(lifetime))
                .finish(),
        )
    }

    /// The subject (user or link) and session of a request's valid cookie, if any.
    pub fn user(&self, req: &HttpRequest) -> Option<(Uuid, Uuid)> {
        let cookie = req.cookie(self.cookie_name)?;
        decode::<SessionClaims>(cookie.value(), &self.decoding, &self.validation)
            .ok()
            .map(|data| (data.claims.sub, data.claims.sid))
    }
}

/// A cookie that removes the session.
pub fn removal(secure: bool) -> Cookie<'static> {
    let mut cookie = Cookie::build(COOKIE, "")
        .path("/")
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Lax)
        .finish();
    cookie.make_removal();
    cookie
}
