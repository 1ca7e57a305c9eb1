//! CSRF protection by double submit: a random token in a SameSite=Strict cookie
//! and the same token in a hidden field of every form. A cross-site form cannot
//! read the cookie, so it cannot send the matching field.

use actix_web::{
    HttpRequest,
    cookie::{Cookie, SameSite},
};
use rand::RngCore;

/// The CSRF cookie's name.
pub const COOKIE: &str = "fh_csrf";

/// The request's CSRF token, or a new one (with the cookie to set) if it has none.
pub fn token(req: &HttpRequest, secure: bool) -> (String, Option<Cookie<'static>>) {
    if let Some(existing) = req.cookie(COOKIE).filter(|c| c.value().len() == 64) {
        return (existing.value().to_string(), None);
    }
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let token = hex::encode(bytes);
    let cookie = Cookie::build(COOKIE, token.clone())
        .path("/")
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Strict)
        .finish();
    (token, Some(cookie))
}

/// Whether a submitted form's token matches the cookie (constant-time compare).
pub fn verify(req: &HttpRequest, submitted: &str) -> bool {
    let Some(cookie) = req.cookie(COOKIE) else {
        return false;
    };
    let expected = cookie.value().as_bytes();
    let given = submitted.as_bytes();
    expected.len() == 64
        && expected.len() == given.len()
        && expected.iter().zip(given).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}
