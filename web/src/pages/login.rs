//! `POST /login`: the login form.

use actix_web::{HttpRequest, HttpResponse, post, web};
use askama::Template;
use domain::{accounts, values::Email};
use serde::Deserialize;

use crate::{
    csrf,
    i18n::{self, Words},
    pages::{render, see_other},
    state::PortalState,
};

/// The login page.
#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginPage<'a> {
    /// Words in the visitor's language.
    pub w: &'a Words,
    /// The CSRF token for the form.
    pub csrf: String,
    /// The email typed before, kept on error.
    pub email: String,
    /// What went wrong, shown above the form.
    pub error: Option<&'a str>,
}

/// The submitted form.
#[derive(Deserialize)]
pub struct LoginForm {
    csrf_token: String,
    email: String,
    password: String,
}

/// Checks the credentials; sets the session cookie and goes home, or shows the
/// form again with the reason.
#[post("/login")]
pub async fn submit(
    req: HttpRequest,
    state: web::Data<PortalState>,
    form: web::Form<LoginForm>,
) -> HttpResponse {
    let form = form.into_inner();
    let w = i18n::words(i18n::locale(&req));
    let again = |error: &'static str| {
        let (token, cookie) = csrf::token(&req, state.config.secure_cookies);
        let mut response = render(
            &LoginPage {
                w,
                csrf: token,
                email: form.email.clone(),
                error: Some(error),
            },
            cookie.into_iter().collect(),
        );
        *response.status_mut() = actix_web::http::StatusCode::UNPROCESSABLE_ENTITY;
        response
    };
    if !csrf::verify(&req, &form.csrf_token) {
        let mut response = again(w.form_expired);
        *response.status_mut() = actix_web::http::StatusCode::FORBIDDEN;
        return response;
    }
    let address = req.peer_addr().map(|a| a.ip().to_string()).unwrap_or_default();
    let normalized = form.email.trim().to_lowercase();
    if state.login_throttle.attempt(&address, &normalized).is_some() {
        let mut response = again(w.too_many);
        *response.status_mut() = actix_web::http::StatusCode::TOO_MANY_REQUESTS;
        return response;
    }
    let user = match Email::parse(&form.email) {
        Ok(email) => accounts::find_user_by_email(&state.db, &email)
            .await
            .ok()
            .flatten(),
        Err(_) => None,
    };
    let stored = user.as_ref().map(|u| u.password_hash.clone());
    let password = form.password.clone();
    let valid = web::block(move || accounts::password::verify(&password, stored.as_deref()))
        .await
        .unwrap_or(false);
    match (user, valid) {
        (Some(user), true) => match state.sessions.cookie(user.id, state.config.secure_cookies) {
            Some(cookie) => see_other("/").cookie(cookie).finish(),
            None => again(w.form_expired),
        },
        _ => {
            state.login_throttle.failed(&normalized);
            let mut response = again(w.wrong_credentials);
            *response.status_mut() = actix_web::http::StatusCode::UNAUTHORIZED;
            response
        }
    }
}
