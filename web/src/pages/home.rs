//! `GET /`: the login page, or — with a session — who you are and a link to the
//! start page of each organization you belong to (navigation by role above).

use actix_web::{HttpResponse, get};
use askama::Template;
use domain::access::MembershipView;

use crate::{
    context::{Layout, Visit, render, start_page},
    error::PortalError,
    pages::login::LoginPage,
};

/// The signed-in home page (several organizations).
#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    l: Layout,
    name: String,
    email: String,
    memberships: Vec<(String, MembershipView)>,
}

/// Home or login.
#[get("/")]
pub async fn home(visit: Visit) -> Result<HttpResponse, PortalError> {
    let Some(caller) = &visit.caller else {
        let page = LoginPage {
            l: visit.layout(),
            email: String::new(),
            error: None,
            code_error: None,
        };
        return render(&page, visit.new_cookie.clone(), visit.t);
    };
    let mut l = visit.layout();
    l.user_name = Some(caller.name.clone());
    l.nav = crate::context::nav(caller, &visit.path);
    let memberships = caller
        .memberships
        .iter()
        .map(|m| {
            let one = domain::access::Caller {
                memberships: vec![m.clone()],
                ..caller.clone()
            };
            (start_page(&one).unwrap_or_default(), m.clone())
        })
        .collect();
    let page = HomePage {
        l,
        name: caller.name.clone(),
        email: caller.email.clone(),
        memberships,
    };
    render(&page, visit.new_cookie.clone(), visit.t)
}
