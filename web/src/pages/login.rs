//! `POST /login`: the login form.

use actix_web::{HttpRequest, HttpResponse, http::StatusCode, post, web};
use askama::Template;
use domain::{access::Caller, accounts, values::Email};
use serde::Deserialize;

use crate::{
    context::{Layout, Visit, render, start_page},
    error::PortalError,
    form::CsrfForm,
    pages::see_other,
    routes,
    state::PortalState,
};

/// The login page.
#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginPage {
    /// The layout.
    pub l: Layout,
    /// The email typed before, kept on error.
    pub email: String,
    /// What went wrong, shown above the form.
    pub error: Option<String>,
    /// The work email typed in the single sign-on form, kept on error.
    pub sso_email: String,
    /// Why single sign-on could not start, shown beside its field.
    pub sso_error: Option<String>,
    /// The company's single sign-on start, once the email found it.
    pub sso_start: Option<String>,
}

impl LoginPage {
    /// An empty login page.
    pub fn new(l: Layout) -> Self {
        Self {
            l,
            email: String::new(),
            error: None,
            sso_email: String::new(),
            sso_error: None,
            sso_start: None,
        }
    }
}

/// The submitted form.
#[derive(Deserialize)]
pub struct LoginForm {
    email: String,
    password: String,
}

/// Checks the credentials; sets the session cookie and goes home, or shows the
/// form again with the reason.
#[post("/login")]
pub async fn submit(
    req: HttpRequest,
    state: web::Data<PortalState>,
    visit: Visit,
    form: CsrfForm<LoginForm>,
) -> Result<HttpResponse, PortalError> {
    let form = form.0;
    let t = visit.t;
    let again = |status: StatusCode, key: &str| -> Result<HttpResponse, PortalError> {
        let page = LoginPage {
            email: form.email.clone(),
            error: Some(t.get(key)),
            ..LoginPage::new(visit.layout())
        };
        let mut response = render(&page, visit.new_cookie.clone(), t)?;
        *response.status_mut() = status;
        Ok(response)
    };
    let address = req.peer_addr().map(|a| a.ip().to_string()).unwrap_or_default();
    let normalized = form.email.trim().to_lowercase();
    if state.login_throttle.attempt(&address, &normalized).is_some() {
        return again(StatusCode::TOO_MANY_REQUESTS, "too-many");
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
        // After the password check, so only its owner learns SSO is required.
        (Some(user), true) if sso_required(&state, user.id).await => {
            again(StatusCode::FORBIDDEN, "sso-required")
        }
        (Some(user), true) => match state.sessions.cookie(user.id, state.config.secure_cookies) {
            Some(cookie) => {
                // Someone with one organization lands on its start page (dashboard,
                // reviews or their assessments); several, on the list to choose from.
                let landing = Caller::load(&state.db, user.id)
                    .await
                    .ok()
                    .flatten()
                    .and_then(|caller| start_page(&caller))
                    .unwrap_or_else(|| routes::HOME.to_string());
                Ok(see_other(&landing).cookie(cookie).finish())
            }
            None => again(StatusCode::INTERNAL_SERVER_ERROR, "error-internal"),
        },
        _ => {
            state.login_throttle.failed(&normalized);
            again(StatusCode::UNAUTHORIZED, "wrong-credentials")
        }
    }
}

/// Whether a company's "SSO required" refuses this user's password (see
/// `domain::sso::required` for several memberships). A failed lookup refuses too.
async fn sso_required(state: &PortalState, user_id: uuid::Uuid) -> bool {
    domain::sso::password_login_refused(&state.db, user_id)
        .await
        .map_or(true, |company| company.is_some())
}
