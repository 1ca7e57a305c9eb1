//! `GET /`: the login page, or — with a session — who you are and where you belong.

use actix_web::{HttpRequest, HttpResponse, get, web};
use askama::Template;
use domain::access::{Caller, MembershipView};

use crate::{
    csrf,
    i18n::{self, Words},
    pages::{login::LoginPage, render},
    state::PortalState,
};

/// The signed-in home page.
#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage<'a> {
    w: &'a Words,
    csrf: String,
    name: String,
    email: String,
    memberships: Vec<MembershipView>,
}

/// Home or login.
#[get("/")]
pub async fn home(req: HttpRequest, state: web::Data<PortalState>) -> HttpResponse {
    let w = i18n::words(i18n::locale(&req));
    let (token, new_cookie) = csrf::token(&req, state.config.secure_cookies);
    let cookies: Vec<_> = new_cookie.into_iter().collect();
    let caller = match state.sessions.user(&req) {
        Some(user_id) => Caller::load(&state.db, user_id).await.ok().flatten(),
        None => None,
    };
    match caller {
        Some(caller) => render(
            &HomePage {
                w,
                csrf: token,
                name: caller.name,
                email: caller.email,
                memberships: caller.memberships,
            },
            cookies,
        ),
        None => render(
            &LoginPage {
                w,
                csrf: token,
                email: String::new(),
                error: None,
            },
            cookies,
        ),
    }
}
