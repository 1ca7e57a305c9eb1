//! `GET/POST /invitations/{token}`: the page the invitation email links to.

use actix_web::{HttpRequest, HttpResponse, get, http::StatusCode, post, web};
use askama::Template;
use domain::{
    DomainError,
    accounts::{self, AcceptInvitation},
    values::{NewPassword, RequiredText},
};
use serde::Deserialize;

use crate::{
    csrf,
    i18n::{self, Words},
    pages::{render, see_other},
    state::PortalState,
};

/// The accept form.
#[derive(Template)]
#[template(path = "accept.html")]
pub struct AcceptPage<'a> {
    w: &'a Words,
    csrf: String,
    token: String,
    name: String,
    error: Option<String>,
}

/// Shows the form.
#[get("/invitations/{token}")]
pub async fn show(req: HttpRequest, state: web::Data<PortalState>, token: web::Path<String>) -> HttpResponse {
    let w = i18n::words(i18n::locale(&req));
    let (csrf_token, cookie) = csrf::token(&req, state.config.secure_cookies);
    render(
        &AcceptPage {
            w,
            csrf: csrf_token,
            token: token.into_inner(),
            name: String::new(),
            error: None,
        },
        cookie.into_iter().collect(),
    )
}

/// The submitted form.
#[derive(Deserialize)]
pub struct AcceptForm {
    csrf_token: String,
    name: String,
    password: String,
}

/// Accepts; on success logs the person in and goes home.
#[post("/invitations/{token}")]
pub async fn submit(
    req: HttpRequest,
    state: web::Data<PortalState>,
    token: web::Path<String>,
    form: web::Form<AcceptForm>,
) -> HttpResponse {
    let token = token.into_inner();
    let form = form.into_inner();
    let w = i18n::words(i18n::locale(&req));
    let again = |status: StatusCode, error: String| {
        let (csrf_token, cookie) = csrf::token(&req, state.config.secure_cookies);
        let mut response = render(
            &AcceptPage {
                w,
                csrf: csrf_token,
                token: token.clone(),
                name: form.name.clone(),
                error: Some(error),
            },
            cookie.into_iter().collect(),
        );
        *response.status_mut() = status;
        response
    };
    if !csrf::verify(&req, &form.csrf_token) {
        return again(StatusCode::FORBIDDEN, w.form_expired.to_string());
    }
    let name = match RequiredText::parse(&form.name, 200) {
        Ok(name) => name,
        Err(message) => return again(StatusCode::UNPROCESSABLE_ENTITY, format!("{}: {message}", w.name)),
    };
    let password = match NewPassword::parse(&form.password) {
        Ok(password) => password,
        Err(message) => {
            return again(
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("{}: {message}", w.password),
            );
        }
    };
    let hashed = web::block(move || accounts::password::hash(&password)).await;
    let Ok(Ok(password_hash)) = hashed else {
        return again(StatusCode::INTERNAL_SERVER_ERROR, w.form_expired.to_string());
    };
    let accepted = accounts::accept_invitation(
        &state.db,
        AcceptInvitation {
            token: token.clone(),
            name,
            password_hash,
        },
    )
    .await;
    match accepted {
        Ok(user) => match state.sessions.cookie(user.id, state.config.secure_cookies) {
            Some(cookie) => see_other("/").cookie(cookie).finish(),
            None => again(StatusCode::INTERNAL_SERVER_ERROR, w.form_expired.to_string()),
        },
        Err(DomainError::NotFound(_)) => {
            again(StatusCode::NOT_FOUND, "This invitation does not exist.".into())
        }
        Err(DomainError::Gone(why)) => again(StatusCode::GONE, why.to_string()),
        Err(error) => {
            tracing::error!(%error, "accepting an invitation failed");
            again(StatusCode::INTERNAL_SERVER_ERROR, w.form_expired.to_string())
        }
    }
}
