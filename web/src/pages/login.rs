//! `POST /login`: the login form.

use actix_web::{HttpRequest, HttpResponse, http::StatusCode, post, web};
use askama::Template;
use domain::{
    DomainError,
    access::Caller,
    accounts,
    sessions::{self, Client, SignIn},
    values::Email,
};
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
    /// The account has a second factor: the code field is shown, with this
    /// message next to it.
    pub code_error: Option<String>,
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
            code_error: None,
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
    /// The second factor: a code of the authenticator app or a recovery code.
    #[serde(default)]
    totp: Option<String>,
}

/// Opens a sign-in session for `user_id` (whose password or invitation was
/// checked) with the optional second-factor `code`: the session cookie, or how
/// the second factor stopped it.
pub async fn start_session(
    req: &HttpRequest,
    state: &PortalState,
    user_id: uuid::Uuid,
    code: Option<&str>,
) -> Result<Result<actix_web::cookie::Cookie<'static>, SignIn>, DomainError> {
    match sessions::sign_in(&state.db, user_id, code, client_of(req)).await? {
        SignIn::Started { session_id } => state
            .sessions
            .cookie(user_id, session_id, state.config.secure_cookies)
            .map(Ok)
            .ok_or_else(|| DomainError::Internal("the session cookie could not be signed".into())),
        other => Ok(Err(other)),
    }
}

/// The browser and network summary a session keeps (never the full address).
pub fn client_of(req: &HttpRequest) -> Client {
    let user_agent = req
        .headers()
        .get(actix_web::http::header::USER_AGENT)
        .and_then(|v| v.to_str().ok());
    Client::new(user_agent, req.peer_addr().map(|a| a.ip()))
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
    let again_with =
        |status: StatusCode, key: &str, code: Option<&str>| -> Result<HttpResponse, PortalError> {
            let page = LoginPage {
                email: form.email.clone(),
                error: code.is_none().then(|| t.get(key)),
                code_error: code.map(|code_key| t.get(code_key)),
                ..LoginPage::new(visit.layout())
            };
            let mut response = render(&page, visit.new_cookie.clone(), t)?;
            *response.status_mut() = status;
            Ok(response)
        };
    let again = |status: StatusCode, key: &str| again_with(status, key, None);
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
        (Some(user), true) => match start_session(&req, &state, user.id, form.totp.as_deref()).await {
            Ok(Ok(cookie)) => {
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
            Ok(Err(SignIn::FactorRequired)) => again_with(StatusCode::UNAUTHORIZED, "", Some("totp-needed")),
            Ok(Err(_)) => {
                // A wrong second factor counts like a wrong password.
                state.login_throttle.failed(&normalized);
                again_with(StatusCode::UNAUTHORIZED, "", Some("totp-wrong"))
            }
            Err(error) => {
                tracing::error!(%error, "sign-in failed");
                again(StatusCode::INTERNAL_SERVER_ERROR, "error-internal")
            }
        },
        (Some(user), false) => {
            state.login_throttle.failed(&normalized);
            if let Err(error) = sessions::password_refused(&state.db, user.id).await {
                tracing::error!(%error, "recording a refused sign-in failed");
            }
            again(StatusCode::UNAUTHORIZED, "wrong-credentials")
        }
        (None, _) => {
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
