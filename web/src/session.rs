//! The portal session: a signed token in an HttpOnly, SameSite=Lax cookie. Its
//! audience is the portal's, so a session cookie is useless as an API bearer token
//! and an API token is useless as a cookie.

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
const ISSUER: &str = "fairhire";
/// Sessions end after 8 hours (a working day).
const LIFETIME_SECONDS: i64 = 8 * 60 * 60;

#[derive(Debug, Serialize, Deserialize)]
struct SessionClaims {
    sub: Uuid,
    /// The sign-in session (`user_sessions.id`), checked on every request.
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
}

impl SessionKeys {
    /// Keys from the configured secret.
    pub fn new(secret: &SecretString) -> Result<Self, jsonwebtoken::errors::Error> {
        let bytes = secret.expose_secret().as_bytes();
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_audience(&[AUDIENCE]);
        validation.set_issuer(&[ISSUER]);
        validation.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);
        Ok(Self {
            encoding: EncodingKey::from_secret(bytes)?,
            decoding: DecodingKey::from_secret(bytes)?,
            validation,
        })
    }

    /// A session cookie for `user_id` in sign-in session `session_id`.
    pub fn cookie(&self, user_id: Uuid, session_id: Uuid, secure: bool) -> Option<Cookie<'static>> {
        let now = chrono::Utc::now().timestamp();
        let claims = SessionClaims {
            sub: user_id,
            sid: session_id,
            iat: now,
            exp: now + LIFETIME_SECONDS,
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
        };
        let token = encode(&Header::new(Algorithm::HS256), &claims, &self.encoding).ok()?;
        Some(
            Cookie::build(COOKIE, token)
                .path("/")
                .http_only(true)
                .secure(secure)
                .same_site(SameSite::Lax)
                .max_age(CookieDuration::seconds(LIFETIME_SECONDS))
                .finish(),
        )
    }

    /// The user and sign-in session of a request's valid cookie, if any.
    pub fn user(&self, req: &HttpRequest) -> Option<(Uuid, Uuid)> {
        let cookie = req.cookie(COOKIE)?;
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
