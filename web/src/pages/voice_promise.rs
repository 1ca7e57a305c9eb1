//! `POST /companies/{cid}/voice/promise`: a company admin sets the response-time
//! promise shown to workers (days to a first answer). A number out of range is
//! shown again on the cases page with the reason beside it, nothing stored.

use actix_web::{HttpResponse, http::StatusCode, post, web};
use domain::{
    error::DomainError,
    transaction::BeginWrite as _,
    voice::promise::{self, ResponseDays},
};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    context::Member,
    error::{OrPage, PortalError},
    form::CsrfForm,
    pages::{see_other, voice_cases::cases_page},
    state::PortalState,
};

/// The form.
#[derive(Debug, Deserialize)]
pub struct PromiseForm {
    response_days: String,
}

/// `POST /companies/{cid}/voice/promise`.
#[post("/companies/{cid}/voice/promise")]
pub async fn set(
    state: web::Data<PortalState>,
    member: Member,
    cid: web::Path<Uuid>,
    form: CsrfForm<PromiseForm>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let typed = form.0.response_days.trim().to_string();
    let parsed = typed
        .parse::<i64>()
        .map_err(|_| DomainError::invalid("response_days", "not a number"))
        .and_then(ResponseDays::parse);
    let days = match parsed {
        Ok(days) => days,
        Err(_) => {
            // Only staff reach the page that shows the reason.
            domain::voice::cases::require_staff(&member.caller, *cid)
                .map_err(|e| PortalError::from_domain(e, t))?;
            let mut page =
                cases_page(&state, &member, *cid, Some((typed, t.get("err-voice-promise")))).await?;
            *page.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            return Ok(page);
        }
    };
    let txn = state.db.begin_write().await.or_page(t)?;
    promise::set(&txn, &member.caller, *cid, days)
        .await
        .map_err(|e| PortalError::from_domain(e, t))?;
    txn.commit().await.or_page(t)?;
    Ok(see_other(&format!("/companies/{cid}/voice")).finish())
}
