//! `/account/security`: the member's second factor and sessions (the same domain
//! use cases as `/api/v1/me/mfa/…` and `/api/v1/me/sessions`). Enrolling shows
//! the QR code (inline SVG) and the key as text, then a field for the code with
//! its error beside it; a confirmed factor shows the ten recovery codes once.
//! A member whose company requires a factor is sent here until they have one.

use actix_web::{HttpResponse, get, http::StatusCode, post, web};
use askama::Template;
use domain::{DomainError, second_factor, sessions};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    context::{Layout, Member},
    error::{OrPage, PortalError},
    form::CsrfForm,
    pages::see_other,
    routes,
    state::PortalState,
};

/// One open session, as listed.
pub struct ListedSession {
    client: String,
    network: String,
    started: String,
    last_seen: String,
    current: bool,
    end_action: String,
}

/// A pending enrolment, as shown.
pub struct Pending {
    qr_svg: String,
    secret: String,
}

/// The account-security page.
#[derive(Template)]
#[template(path = "account_security.html")]
pub struct SecurityPage {
    l: Layout,
    must_enrol: bool,
    /// Recovery codes left, when a factor is on.
    factor_on: Option<u64>,
    pending: Option<Pending>,
    code_error: Option<String>,
    /// Shown once, right after confirmation.
    recovery_codes: Vec<String>,
    sessions: Vec<ListedSession>,
}

async fn page(state: &PortalState, member: &Member) -> Result<SecurityPage, PortalError> {
    let t = member.t();
    let caller = &member.caller;
    let factor_on = match second_factor::confirmed(&state.db, caller.user_id)
        .await
        .or_page(t)?
    {
        Some(_) => Some(
            second_factor::remaining_recovery_codes(&state.db, caller.user_id)
                .await
                .or_page(t)?,
        ),
        None => None,
    };
    let time = |at: chrono::DateTime<chrono::Utc>| at.format("%Y-%m-%d %H:%M UTC").to_string();
    let sessions = sessions::list(&state.db, caller)
        .await
        .or_page(t)?
        .into_iter()
        .map(|s| ListedSession {
            client: s.user_agent.unwrap_or_default(),
            network: s.ip_prefix.unwrap_or_default(),
            started: time(s.created_at),
            last_seen: time(s.last_seen_at),
            current: s.current,
            end_action: routes::end_session(s.id),
        })
        .collect();
    Ok(SecurityPage {
        l: member.layout(),
        must_enrol: caller.must_enrol_second_factor,
        factor_on,
        pending: None,
        code_error: None,
        recovery_codes: Vec::new(),
        sessions,
    })
}

fn shown(enrolment: second_factor::Enrolment) -> Pending {
    Pending {
        qr_svg: crate::qr::svg(&enrolment.otpauth_url).unwrap_or_default(),
        secret: enrolment.secret,
    }
}

/// The page.
#[get("/account/security")]
pub async fn show(state: web::Data<PortalState>, member: Member) -> Result<HttpResponse, PortalError> {
    let page = page(&state, &member).await?;
    member.render(&page)
}

/// Starts enrolment: the page again, with the QR code and the code field.
#[post("/account/security/totp")]
pub async fn enrol(
    state: web::Data<PortalState>,
    member: Member,
    _form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let enrolment = second_factor::enrol(&state.db, &member.caller).await.or_page(t)?;
    let mut page = page(&state, &member).await?;
    page.pending = Some(shown(enrolment));
    member.render(&page)
}

/// The confirmation form.
#[derive(Deserialize)]
pub struct ConfirmForm {
    #[serde(default)]
    code: String,
}

/// Confirms with a code: the recovery codes, once; or the error beside the field.
#[post("/account/security/totp/confirm")]
pub async fn confirm(
    state: web::Data<PortalState>,
    member: Member,
    form: CsrfForm<ConfirmForm>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    match second_factor::confirm(&state.db, &member.caller, &form.0.code).await {
        Ok(codes) => {
            // The caller was loaded before the factor existed: read the page afresh.
            let mut page = page(&state, &member).await?;
            page.must_enrol = false;
            page.recovery_codes = codes;
            member.render(&page)
        }
        Err(DomainError::Invalid(_)) => {
            let pending = second_factor::pending(&state.db, &member.caller)
                .await
                .or_page(t)?;
            let mut page = page(&state, &member).await?;
            page.pending = pending.map(shown);
            page.code_error = Some(t.get("mfa-wrong-code"));
            let mut response = member.render(&page)?;
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
        Err(error) => Err(PortalError::from_domain(error, t)),
    }
}

/// Ends one of the member's sessions.
#[post("/account/sessions/{id}/end")]
pub async fn end_session(
    state: web::Data<PortalState>,
    member: Member,
    id: web::Path<Uuid>,
    _form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    sessions::end(&state.db, &member.caller, id.into_inner())
        .await
        .or_page(t)?;
    Ok(see_other(routes::ACCOUNT_SECURITY).finish())
}
