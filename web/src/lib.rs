//! The portal: server-rendered pages (askama) for officers, suppliers and advisors.
//!
//! Owns: portal routes and templates (one struct per page), the cookie session and
//! CSRF protection, security headers, static CSS, locale negotiation (en/es/fr).
//! Must not touch: the JSON API (`api`) — the two never call each other; both call
//! `domain` use cases.

pub mod csrf;
pub mod headers;
pub mod i18n;
pub mod pages;
pub mod session;
pub mod state;

pub use state::{PortalConfig, PortalState};

use actix_web::web;

/// Registers the portal's routes at the root of the site.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(pages::home::home)
        .service(pages::login::submit)
        .service(pages::logout::logout)
        .service(pages::accept_invitation::show)
        .service(pages::accept_invitation::submit)
        .service(pages::assets::stylesheet);
}
