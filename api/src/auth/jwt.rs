//! Access tokens: HS256 JWTs with `sub`, `sid` (the sign-in session, checked on
//! every request so an ended session's tokens are refused), `iat`, `exp`, `iss`
//! and `aud`. The
//! algorithm is pinned, so a token claiming `alg: none` or any other algorithm is
//! refused, as is one for another issuer or audience.

use std::time::Duration;

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The `iss` of every token we issue.
pub const ISSUER: &str = "fairhire";
/// The `aud` of API access tokens.
pub const AUDIENCE: &str = "fairhire-api";

/// What an access token says.
#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    /// The user id.
    pub sub: Uuid,
    /// The sign-in session (`user_sessions.id`).
    pub sid: Uuid,
    /// Issued at (seconds since the epoch).
    pub iat: i64,
    /// Expires at (seconds since the epoch).
    pub exp: i64,
    /// Issuer.
    pub iss: String,
    /// Audience.
    pub aud: String,
}

/// Signs and verifies access tokens with one secret.
pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    ttl: Duration,
}

impl JwtKeys {
    /// Keys from the configured secret; tokens live `ttl`. An unusable secret
    /// (empty) is an error.
    pub fn new(secret: &SecretString, ttl: Duration) -> Result<Self, jsonwebtoken::errors::Error> {
        let bytes = secret.expose_secret().as_bytes();
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);
        validation.leeway = 5;
        Ok(Self {
            encoding: EncodingKey::from_secret(bytes)?,
            decoding: DecodingKey::from_secret(bytes)?,
            validation,
            ttl,
        })
    }

    /// Seconds a new token stays valid.
    pub fn ttl_seconds(&self) -> u64 {
        self.ttl.as_secs()
    }

    /// A fresh token for `user_id` in session `session_id`.
    pub fn issue(&self, user_id: Uuid, session_id: Uuid) -> Result<String, jsonwebtoken::errors::Error> {
        let now = chrono::Utc::now().timestamp();
        let ttl = i64::try_from(self.ttl.as_secs()).unwrap_or(3600);
        let claims = Claims {
            sub: user_id,
            sid: session_id,
            iat: now,
            exp: now + ttl,
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
    }

    /// The user and session ids of a valid token; `None` for anything expired,
    /// tampered with, of another algorithm, issuer or audience, without a
    /// session, or malformed.
    pub fn verify(&self, token: &str) -> Option<(Uuid, Uuid)> {
        decode::<Claims>(token, &self.decoding, &self.validation)
            .ok()
            .map(|data| (data.claims.sub, data.claims.sid))
    }
}
