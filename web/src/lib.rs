//! The portal: server-rendered pages (askama) for officers, suppliers and advisors.
//!
//! Owns: portal routes and templates (one struct per page), the cookie session and
//! CSRF protection (every form is read through [`form::CsrfForm`]), security
//! headers, static CSS/JS, SVG charts, the words in Fluent files (en/es/fr).
//! Must not touch: the JSON API (`api`) — the two never call each other; both call
//! `domain` use cases, and load what a page shows through the domain's loaders
//! ([`load`] only turns their errors into pages), so the two doors apply the same
//! rules.
//!
//! Queries: none. This crate does not depend on sea-orm, so the compiler keeps it
//! so: pages hold a `domain::database::Database` handle and pass it (or a
//! transaction) to `domain` use cases.

pub mod answerer;
pub mod answers_form;
pub mod charts;
pub mod context;
pub mod csrf;
pub mod error;
pub mod finding_forms;
pub mod form;
pub mod headers;
pub mod i18n;
pub mod load;
pub mod pages;
pub mod product_form;
pub mod qr;
pub mod risk_words;
pub mod routes;
pub mod session;
pub mod site_form;
pub mod sso_cookie;
pub mod state;
pub mod supply_map;
pub mod world_map;

pub use error::PortalError;
pub use state::{PortalConfig, PortalState};

use actix_web::web;

/// Every POST route of the portal, with a sample path (tests check each one
/// refuses a form without the CSRF token).
pub const POST_ROUTES: &[&str] = &[
    "/login",
    "/sso",
    "/register",
    "/logout",
    "/locale",
    "/password-reset",
    "/password-reset/{token}",
    "/account/security/totp",
    "/account/security/totp/confirm",
    "/account/sessions/{id}/end",
    "/invitations/{token}",
    "/assessments/{aid}/sections/{n}",
    "/assessments/{aid}/submit",
    "/assessments/{aid}/review",
    "/companies/{cid}/suppliers/new",
    "/suppliers/{sid}/assessments",
    "/suppliers/{sid}/profile",
    "/actions/{id}",
    "/assessments/{aid}/findings",
    "/findings/{fid}",
    "/findings/{fid}/dismiss",
    "/findings/{fid}/confirm",
    "/findings/{fid}/actions",
    "/assessments/{aid}/evidence",
    "/assessments/{aid}/reports",
    "/companies/{cid}/team",
    "/companies/{cid}/api-keys",
    "/companies/{cid}/questionnaires",
    "/companies/{cid}/api-keys/{id}/revoke",
    "/companies/{cid}/team/invitations/{id}/withdraw",
    "/companies/{cid}/team/members/{id}/remove",
    "/suppliers/{sid}/fee-audits",
    "/voice/cases/{id}/messages",
    "/voice/cases/{id}/status",
    "/companies/{cid}/voice/promise",
    "/companies/{cid}/voice/messaging",
    "/voice/cases/{id}/referrals",
    "/voice/referrals/{id}/outcome",
    "/companies/{cid}/webhooks",
    "/webhooks/{id}/active",
    "/webhooks/{id}/test",
    "/webhooks/{id}/delete",
    "/companies/{cid}/risk-overrides",
    "/companies/{cid}/fx-rates",
    "/fee-audits/{id}/repayments",
    "/screening-hits/{id}",
    "/companies/{cid}/statements",
    "/statements/{id}/sections/{key}",
    "/companies/{cid}/products",
    "/products/{id}",
    "/products/{id}/links",
    "/products/{id}/origins",
    "/suppliers/{sid}/evidence-packs",
    "/suppliers/{sid}/sites",
    "/sites/{id}/os-hub/match",
    "/sites/{id}",
    "/sites/{id}/delete",
    "/recruiters/{id}",
    "/a/account",
    "/assessments/{aid}/links",
    "/assessment-links/{id}/revoke",
];

/// The worker-voice forms, posted by anonymous workers: they carry no CSRF token on
/// purpose. CSRF rides on a session cookie, and these pages set none and read none
/// (anonymity by design), so a forged post could only file a report as anyone could;
/// the rate limit bounds that. Every other POST route is in [`POST_ROUTES`].
pub const PUBLIC_POST_ROUTES: &[&str] = &["/v/check", "/v/{token}", "/v/{token}/pulse"];

/// Registers the portal's routes at the root of the site.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(pages::home::home)
        .service(pages::login::submit)
        .service(pages::sso_find::find)
        .service(pages::sso_start::start)
        .service(pages::sso_callback::callback)
        .service(pages::register::show)
        .service(pages::register::submit)
        .service(pages::logout::logout)
        .service(pages::password_reset::ask)
        .service(pages::password_reset::send)
        .service(pages::password_reset::choose)
        .service(pages::password_reset::save)
        .service(pages::account_security::show)
        .service(pages::account_security::enrol)
        .service(pages::account_security::confirm)
        .service(pages::account_security::end_session)
        .service(pages::locale::switch)
        .service(pages::accept_invitation::show)
        .service(pages::accept_invitation::submit)
        .service(pages::supplier_link::open)
        .service(pages::supplier_link::account)
        .service(pages::supplier_link_manage::resend)
        .service(pages::supplier_link_manage::revoke)
        .service(pages::my_assessments::list)
        .service(pages::questionnaire::show)
        .service(pages::questionnaire::show_section)
        .service(pages::questionnaire::save)
        .service(pages::check::show)
        .service(pages::check::submit)
        .service(pages::review::decide)
        .service(pages::company::dashboard)
        .service(pages::company::reviews)
        .service(pages::corridors::list)
        .service(pages::corridors::show)
        .service(pages::recruiter::show)
        .service(pages::recruiter::update)
        .service(pages::suppliers::list)
        .service(pages::suppliers::new_form)
        .service(pages::suppliers::create)
        .service(pages::suppliers::show)
        .service(pages::suppliers::send)
        .service(pages::supplier_profile::edit_form)
        .service(pages::supplier_profile::save)
        .service(pages::products::list)
        .service(pages::products::new_form)
        .service(pages::products::create)
        .service(pages::product_map::show)
        .service(pages::supplier_map::show)
        .service(pages::evidence_packs::list)
        .service(pages::evidence_packs::request)
        .service(pages::evidence_pack_download::download)
        .service(pages::product::show)
        .service(pages::product::update)
        .service(pages::product::add_source)
        .service(pages::product::add_origin)
        .service(pages::site_new::new_form)
        .service(pages::site_new::create)
        .service(pages::sites::show)
        .service(pages::sites::update)
        .service(pages::sites::delete)
        .service(pages::site_os_hub::match_site)
        .service(pages::findings::list)
        .service(pages::findings::progress)
        .service(pages::finding_new::add)
        .service(pages::finding_edit::edit)
        .service(pages::finding_dismiss::dismiss)
        .service(pages::finding_confirm::confirm)
        .service(pages::action_new::add)
        .service(pages::evidence::upload)
        .service(pages::fee_audit::show)
        .service(pages::fee_audit::repay)
        .service(pages::reports::request)
        .service(pages::reports::show)
        .service(pages::reports::download)
        .service(pages::fee_audit_upload::show)
        .service(pages::fee_audit_upload::upload)
        .service(pages::questionnaire_upload::show)
        .service(pages::questionnaire_upload::upload)
        .service(pages::api_keys::show)
        .service(pages::api_keys::create)
        .service(pages::api_keys::revoke)
        .service(pages::screening::show)
        .service(pages::screening::decide)
        .service(pages::statements::list)
        .service(pages::statements::create)
        .service(pages::statements::show)
        .service(pages::statements::edit)
        .service(pages::statements::pdf)
        .service(pages::statements::docx)
        .service(pages::team::show)
        .service(pages::team::invite)
        .service(pages::team::withdraw)
        .service(pages::team::remove)
        .service(pages::webhooks::list)
        .service(pages::webhooks::create)
        .service(pages::webhooks::show)
        .service(pages::webhooks::set_active)
        .service(pages::webhooks::delete)
        .service(pages::webhook_test_event::send)
        .service(pages::risk_overrides::show)
        .service(pages::risk_overrides::replace)
        .service(pages::audit::list)
        .service(pages::fx_rates::list)
        .service(pages::fx_rates::upload)
        // Worker voice (public, no cookies): the check page before `/v/{token}`.
        .service(pages::voice::check_form)
        .service(pages::voice::check)
        .service(pages::voice::show)
        .service(pages::voice::file_report)
        .service(pages::voice_pulse::show)
        .service(pages::voice_pulse::answer)
        .service(pages::voice_pulse_staff::show)
        .service(pages::voice_cases::list)
        .service(pages::voice_promise::set)
        .service(pages::voice_messaging::show)
        .service(pages::voice_messaging::save)
        .service(pages::voice_case_referrals::refer)
        .service(pages::voice_case_referrals::outcome)
        .service(pages::voice_cases::show)
        .service(pages::voice_cases::message)
        .service(pages::voice_cases::change_status)
        .service(pages::assets::stylesheet)
        .service(pages::assets::script);
}
