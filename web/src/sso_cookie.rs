//! The pending single sign-on, kept between `/sso/{cid}/start` and `/sso/callback`
//! in a signed, short-lived cookie: it holds the `state`, `nonce` and PKCE verifier
//! of one sign-in, so the callback is accepted only in the browser that started it
//! (login CSRF) and only once (the callback removes it). Signed with the session
//! secret under its own audience, so it is never mistaken for a session.

use actix_web::{
    HttpRequest,
    cookie::{Cookie, SameSite, time::Duration as CookieDuration},
};
use domain::sso::PendingSignIn;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

/// The cookie's name.
pub const COOKIE: &str = "fh_sso";
const AUDIENCE: &str = "fairhire-sso-pending";
/// Ten minutes to sign in at the provider.
const LIFETIME_SECONDS: i64 = 10 * 60;
/// Sent only to the callback (and its start, which replaces it).
const PATH: &str = "/sso";

#[derive(Serialize, Deserialize)]
struct Claims {
    pending: PendingSignIn,
    exp: i64,
    aud: String,
}

/// A cookie holding `pending`.
pub fn cookie(secret: &SecretString, pending: PendingSignIn, secure: bool) -> Option<Cookie<'static>> {
    let claims = Claims {
        pending,
        exp: chrono::Utc::now().timestamp() + LIFETIME_SECONDS,
        aud: AUDIENCE.into(),
    };
    let key = EncodingKey::from_secret(secret.expose_secret().as_bytes()).ok()?;
    let token = encode(&Header::new(Algorithm::HS256), &claims, &key).ok()?;
    // Lax, not Strict: the provider's redirect back is a cross-site navigation.
    Some(
        Cookie::build(COOKIE, token)
            .path(PATH)
            .http_only(true)
            .secure(secure)
            .same_site(SameSite::Lax)
            .max_age(CookieDuration::seconds(LIFETIME_SECONDS))
            .finish(),
    )
}

/// The pending sign-in of this browser, if its cookie is valid and not expired.
pub fn pending(secret: &SecretString, req: &HttpRequest) -> Option<PendingSignIn> {
    let cookie = req.cookie(COOKIE)?;
    let key = DecodingKey::from_secret(secret.expose_secret().as_bytes()).ok()?;
    let mut validation = Validation::new(Algorithm::HS256);
    validation.set_audience(&[AUDIENCE]);
    validation.set_required_spec_claims(&["exp", "aud"]);
    decode::<Claims>(cookie.value(), &key, &validation)
        .ok()
        .map(|data| data.claims.pending)
}

/// A cookie that removes the pending sign-in.
pub fn removal(secure: bool) -> Cookie<'static> {
    let mut cookie = Cookie::build(COOKIE, "")
        .path(PATH)
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Lax)
        .finish();
    cookie.make_removal();
    cookie
}
