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
    context::{Layout, Visit, render},
    error::PortalError,
    form::CsrfForm,
    pages::see_other,
    routes,
    state::PortalState,
};

/// The accept form.
#[derive(Template)]
#[template(path = "accept.html")]
pub struct AcceptPage {
    l: Layout,
    token: String,
    name: String,
    /// A message about the whole form (the invitation is gone, …).
    error: Option<String>,
    /// Messages beside the name and the password.
    name_error: Option<String>,
    password_error: Option<String>,
}

/// Shows the form.
#[get("/invitations/{token}")]
pub async fn show(visit: Visit, token: web::Path<String>) -> Result<HttpResponse, PortalError> {
    let page = AcceptPage {
        l: visit.layout(),
        token: token.into_inner(),
        name: String::new(),
        error: None,
        name_error: None,
        password_error: None,
    };
    render(&page, visit.new_cookie.clone(), visit.t)
}

/// The submitted form.
#[derive(Deserialize)]
pub struct AcceptForm {
    name: String,
    password: String,
}

/// Accepts; on success logs the person in and goes home.
#[post("/invitations/{token}")]
pub async fn submit(
    req: HttpRequest,
    state: web::Data<PortalState>,
    visit: Visit,
    token: web::Path<String>,
    form: CsrfForm<AcceptForm>,
) -> Result<HttpResponse, PortalError> {
    let token = token.into_inner();
    let form = form.0;
    let t = visit.t;
    // `field`: the field the message goes beside, or none for the whole form.
    let again =
        |status: StatusCode, field: Option<&str>, error: String| -> Result<HttpResponse, PortalError> {
            let beside = |name: &str| (field == Some(name)).then(|| error.clone());
            let page = AcceptPage {
                l: visit.layout(),
                token: token.clone(),
                name: form.name.clone(),
                name_error: beside("name"),
                password_error: beside("password"),
                error: field.is_none().then(|| error.clone()),
            };
            let mut response = render(&page, visit.new_cookie.clone(), t)?;
            *response.status_mut() = status;
            Ok(response)
        };
    let Ok(name) = RequiredText::parse(&form.name, 200) else {
        return again(StatusCode::UNPROCESSABLE_ENTITY, Some("name"), t.get("err-name"));
    };
    let Ok(password) = NewPassword::parse(&form.password) else {
        return again(
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("password"),
            t.get("password-hint"),
        );
    };
    let hashed = web::block(move || accounts::password::hash(&password)).await;
    let Ok(Ok(password_hash)) = hashed else {
        return again(StatusCode::INTERNAL_SERVER_ERROR, None, t.get("error-internal"));
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
        Ok(user) => match crate::pages::login::start_session(&req, &state, user.id, None).await {
            Ok(Ok(cookie)) => Ok(see_other(routes::HOME).cookie(cookie).finish()),
            // Someone who already had an account with a second factor signs in with it.
            Ok(Err(_)) => Ok(see_other(routes::HOME).finish()),
            Err(_) => again(StatusCode::INTERNAL_SERVER_ERROR, None, t.get("error-internal")),
        },
        Err(DomainError::NotFound(_)) => again(StatusCode::NOT_FOUND, None, t.get("invitation-missing")),
        Err(DomainError::Gone(_)) => again(StatusCode::GONE, None, t.get("invitation-gone")),
        Err(error) => {
            tracing::error!(%error, "accepting an invitation failed");
            again(StatusCode::INTERNAL_SERVER_ERROR, None, t.get("error-internal"))
        }
    }
}
