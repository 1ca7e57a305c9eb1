//! Supplier links (issue #24): `GET /a/{token}` opens the emailed link — a live
//! one sets the link's cookie and goes to the questionnaire, a revoked or
//! expired one is a page (410) saying so in the language of the person it was
//! sent to and whom to ask, an unknown one a 404; `POST /a/account`: the holder
//! asks for an account, through the existing invitation flow.

use actix_web::{HttpRequest, HttpResponse, cookie::Cookie, get, http::StatusCode, post, web};
use askama::Template;
use domain::{
    DomainError,
    supplier_links::{self, Closed, Opening},
    transaction::BeginWrite as _,
};

use crate::{
    answerer::Answerer,
    error::{ErrorKind, OrPage, PortalError},
    form::CsrfForm,
    i18n::{self, LOCALE_COOKIE, Tr},
    pages::see_other,
    routes,
    state::PortalState,
};

/// What became of a link, or of asking for an account through it.
#[derive(Template)]
#[template(path = "supplier_link.html")]
pub struct LinkPage {
    t: Tr,
    title: String,
    message: String,
    /// Whom to ask (empty when there is no one to name).
    ask: String,
    /// Back to the questionnaire, for a holder whose link still works.
    back: Option<String>,
}

fn page(status: StatusCode, page: &LinkPage) -> Result<HttpResponse, PortalError> {
    let mut response = crate::context::render(page, None, page.t)?;
    *response.status_mut() = status;
    Ok(response)
}

fn closed(closed: Closed, title: &str, message: &str) -> Result<HttpResponse, PortalError> {
    let t = Tr::new(closed.locale);
    page(
        StatusCode::GONE,
        &LinkPage {
            t,
            title: t.get(title),
            message: t.get(message),
            ask: t.arg1("link-ask", "company", &closed.company_name),
            back: None,
        },
    )
}

/// Opens a link.
#[get("/a/{token}")]
pub async fn open(
    state: web::Data<PortalState>,
    req: HttpRequest,
    token: web::Path<String>,
) -> Result<HttpResponse, PortalError> {
    let t = Tr::new(i18n::locale(&req));
    let txn = state.db.begin_write().await.or_page(t)?;
    let opening = match supplier_links::open(&txn, &token).await {
        Ok(opening) => opening,
        Err(DomainError::NotFound(_)) => {
            return page(
                StatusCode::NOT_FOUND,
                &LinkPage {
                    t,
                    title: t.get("link-unknown-title"),
                    message: t.get("link-unknown"),
                    ask: String::new(),
                    back: None,
                },
            );
        }
        Err(other) => return Err(PortalError::from_domain(other, t)),
    };
    txn.commit().await.or_page(t)?;
    let link = match opening {
        Opening::Open(link) => link,
        Opening::Revoked(c) => return closed(c, "link-revoked-title", "link-revoked"),
        Opening::Expired(c) => return closed(c, "link-expired-title", "link-expired"),
    };
    // The cookie ends with the link, and after 8 hours at the latest.
    let left = (link.expires_at - domain::clock::now()).num_seconds();
    let cookie = state
        .link_sessions
        .cookie_for(link.id, link.id, left, state.config.secure_cookies)
        .ok_or(PortalError::new(ErrorKind::Internal, t))?;
    let mut response = see_other(&routes::section(link.assessment_id, 1));
    response.cookie(cookie);
    // The pages speak the language of the person the link was sent to, unless
    // they chose one with the switcher.
    if req.cookie(LOCALE_COOKIE).is_none() {
        response.cookie(
            Cookie::build(LOCALE_COOKIE, link.locale)
                .path("/")
                .http_only(true)
                .secure(state.config.secure_cookies)
                .same_site(actix_web::cookie::SameSite::Lax)
                .finish(),
        );
    }
    Ok(response.finish())
}

/// Emails the holder an invitation to create an account (to the address the
/// link was sent to).
#[post("/a/account")]
pub async fn account(
    state: web::Data<PortalState>,
    answerer: Answerer,
    _form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, PortalError> {
    let t = answerer.t();
    // A signed-in member already has an account.
    let holder = answerer
        .holder(&state)
        .await?
        .ok_or(answerer.fail(ErrorKind::NotFound))?;
    let txn = state.db.begin_write().await.or_page(t)?;
    let message = match supplier_links::invite_holder(&txn, &holder, &state.config.public_url).await {
        Ok(()) => {
            txn.commit().await.or_page(t)?;
            t.arg1("link-account-sent", "email", &holder.link.email)
        }
        Err(DomainError::Conflict(_)) => t.get("link-account-exists"),
        Err(other) => return Err(PortalError::from_domain(other, t)),
    };
    page(
        StatusCode::OK,
        &LinkPage {
            t,
            title: t.get("link-account-title"),
            message,
            ask: String::new(),
            back: Some(routes::section(holder.link.assessment_id, 1)),
        },
    )
}
