//! Who is visiting, in which language, with which CSRF token — loaded once per
//! request by an extractor — and the signed-in layout built from it (navigation by
//! role, language switcher).

use std::{future::Future, pin::Pin};

use actix_web::{FromRequest, HttpRequest, HttpResponse, cookie::Cookie, dev::Payload, web};
use askama::Template;
use domain::{
    access::Caller,
    values::{Locale, OrganizationKind, Role},
};

use crate::{
    csrf,
    error::{ErrorKind, PortalError},
    i18n::{self, Tr},
    routes,
    state::PortalState,
};

/// A request's visitor: maybe signed in.
pub struct Visit {
    /// The signed-in person, if any.
    pub caller: Option<Caller>,
    /// Their words.
    pub t: Tr,
    /// The CSRF token for forms on the page.
    pub csrf: String,
    /// A new CSRF cookie to set, when the visitor had none.
    pub new_cookie: Option<Cookie<'static>>,
    /// The path of the page (for the switcher to come back to).
    pub path: String,
}

impl FromRequest for Visit {
    type Error = PortalError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let fallback = Tr::new(i18n::locale(&req));
            let state = req
                .app_data::<web::Data<PortalState>>()
                .cloned()
                .ok_or(PortalError::new(ErrorKind::Internal, fallback))?;
            let caller = match state.sessions.user(&req) {
                // An ended session (signed out elsewhere, password reset) is no session.
                Some((user_id, session_id)) => Caller::load_session(&state.db, user_id, session_id)
                    .await
                    .map_err(|e| PortalError::from_domain(e, fallback))?,
                None => None,
            };
            let locale = i18n::locale_for(&req, caller.as_ref().and_then(|c| c.locale.as_deref()));
            let (token, new_cookie) = csrf::token(&req, state.config.secure_cookies);
            let path = match req.query_string() {
                "" => req.path().to_string(),
                query => format!("{}?{query}", req.path()),
            };
            Ok(Self {
                caller,
                t: Tr::new(locale),
                csrf: token,
                new_cookie,
                path,
            })
        })
    }
}

/// A signed-in visitor; anyone else is sent to the login page.
pub struct Member {
    /// The visit.
    pub visit: Visit,
    /// The person.
    pub caller: Caller,
}

impl FromRequest for Member {
    type Error = PortalError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let visit = Visit::from_request(req, payload);
        Box::pin(async move {
            let mut visit = visit.await?;
            match visit.caller.take() {
                // The company requires a second factor: only the account pages open.
                Some(caller)
                    if caller.must_enrol_second_factor && !visit.path.starts_with(routes::ACCOUNT_PREFIX) =>
                {
                    Err(PortalError::new(ErrorKind::EnrolmentRequired, visit.t))
                }
                Some(caller) => Ok(Self { visit, caller }),
                None => Err(PortalError::new(ErrorKind::LoginRequired, visit.t)),
            }
        })
    }
}

impl Member {
    /// The words.
    pub fn t(&self) -> Tr {
        self.visit.t
    }

    /// The layout for a page of this member.
    pub fn layout(&self) -> Layout {
        Layout {
            t: self.visit.t,
            csrf: self.visit.csrf.clone(),
            user_name: Some(self.caller.name.clone()),
            nav: nav(&self.caller, &self.visit.path),
            path: self.visit.path.clone(),
            via_link: false,
        }
    }

    /// An error page in this member's language.
    pub fn fail(&self, kind: ErrorKind) -> PortalError {
        PortalError::new(kind, self.visit.t)
    }

    /// Renders a page, setting the CSRF cookie when it is new.
    pub fn render(&self, page: &impl Template) -> Result<HttpResponse, PortalError> {
        render(page, self.visit.new_cookie.clone(), self.visit.t)
    }
}

impl Visit {
    /// The layout for a visitor not signed in.
    pub fn layout(&self) -> Layout {
        Layout {
            t: self.t,
            csrf: self.csrf.clone(),
            user_name: None,
            nav: Vec::new(),
            path: self.path.clone(),
            via_link: false,
        }
    }
}

/// Renders `page` as HTML.
pub fn render(
    page: &impl Template,
    cookie: Option<Cookie<'static>>,
    t: Tr,
) -> Result<HttpResponse, PortalError> {
    let html = page.render().map_err(|error| {
        tracing::error!(%error, "template rendering failed");
        PortalError::new(ErrorKind::Internal, t)
    })?;
    let mut response = HttpResponse::Ok();
    response.content_type("text/html; charset=utf-8");
    if let Some(cookie) = cookie {
        response.cookie(cookie);
    }
    Ok(response.body(html))
}

/// One link of the navigation.
#[derive(Debug, Clone)]
pub struct NavItem {
    /// Where it goes.
    pub href: String,
    /// The page's message key.
    pub key: &'static str,
    /// The organization's name, when the person belongs to several.
    pub org: String,
    /// Whether it is the current page.
    pub current: bool,
}

/// What every signed-in page shows around its content.
#[derive(Debug, Clone)]
pub struct Layout {
    /// Words.
    pub t: Tr,
    /// CSRF token for the logout and language forms.
    pub csrf: String,
    /// The signed-in person's name.
    pub user_name: Option<String>,
    /// Navigation by role.
    pub nav: Vec<NavItem>,
    /// This page's path (the language switcher returns here).
    pub path: String,
    /// Answering through a supplier link: the page offers to create an account.
    pub via_link: bool,
}

impl Layout {
    /// The languages for the switcher: (code, own name, selected). Each name is
    /// its own file's `language-name`.
    pub fn languages(&self) -> Vec<(&'static str, String, bool)> {
        Locale::ALL
            .iter()
            .map(|l| (l.code(), Tr::new(*l).get("language-name"), *l == self.t.locale))
            .collect()
    }
}

/// The navigation of a caller: per membership, the pages their role uses.
pub fn nav(caller: &Caller, path: &str) -> Vec<NavItem> {
    let many = caller.memberships.len() > 1;
    let mut out = Vec::new();
    for m in &caller.memberships {
        let id = m.organization_id;
        let items: Vec<(String, &'static str)> = match (m.kind, m.role) {
            (OrganizationKind::Supplier, _) => vec![
                (routes::supplier_assessments(id), "nav-my-assessments"),
                (routes::supplier_findings(id), "nav-my-findings"),
            ],
            (_, Role::Advisor) => vec![
                (routes::reviews(id), "nav-reviews"),
                (routes::suppliers(id), "nav-suppliers"),
                (routes::products(id), "nav-products"),
                (routes::voice_cases(id), "nav-voice"),
                (routes::screening(id), "nav-screening"),
                (routes::statements(id), "nav-statements"),
            ],
            _ => vec![
                (routes::dashboard(id), "nav-dashboard"),
                (routes::suppliers(id), "nav-suppliers"),
                (routes::products(id), "nav-products"),
                (routes::reviews(id), "nav-reviews"),
                (routes::team(id), "nav-team"),
                (routes::voice_cases(id), "nav-voice"),
                (routes::screening(id), "nav-screening"),
                (routes::statements(id), "nav-statements"),
                (routes::fx_rates(id), "nav-fx-rates"),
                (routes::risk_overrides(id), "nav-overrides"),
                (routes::questionnaires(id), "nav-questionnaires"),
                (routes::webhooks(id), "nav-webhooks"),
                (routes::audit(id), "nav-audit"),
            ],
        };
        let mut items = items;
        // API keys are the admins' business.
        if m.kind != OrganizationKind::Supplier && m.role == Role::Admin {
            items.push((routes::api_keys(id), "nav-api-keys"));
        }
        for (href, key) in items {
            let path_only = path.split('?').next().unwrap_or(path);
            out.push(NavItem {
                current: path_only == href,
                href,
                key,
                org: if many {
                    m.organization_name.clone()
                } else {
                    String::new()
                },
            });
        }
    }
    out
}

/// The start page of a caller with one membership.
pub fn start_page(caller: &Caller) -> Option<String> {
    let [m] = caller.memberships.as_slice() else {
        return None;
    };
    Some(match (m.kind, m.role) {
        (OrganizationKind::Supplier, _) => routes::supplier_assessments(m.organization_id),
        (_, Role::Advisor) => routes::reviews(m.organization_id),
        _ => routes::dashboard(m.organization_id),
    })
}
