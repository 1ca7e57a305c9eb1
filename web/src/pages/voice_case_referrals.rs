//! Referrals from a worker-voice case page: record one to a service of the
//! company's directory with the worker's consent (`POST /voice/cases/{id}/referrals`),
//! then what became of it (`POST /voice/referrals/{id}/outcome`). The same use
//! cases as `POST /api/v1/voice/cases/{id}/referrals` and
//! `PATCH /api/v1/voice/referrals/{id}`; a refused form is the case page again
//! with the reason beside the field, nothing stored.

use std::collections::BTreeMap;

use actix_web::{HttpResponse, http::StatusCode, post, web};
use domain::{
    error::DomainError,
    transaction::BeginWrite as _,
    voice::{
        case_referrals::{self, NewReferral, ReferralForm},
        cases,
    },
};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    context::Member,
    error::{ErrorKind, OrPage, PortalError},
    form::CsrfForm,
    i18n::Tr,
    pages::{
        see_other,
        voice_cases::{CaseErrors, case_page},
    },
    state::PortalState,
};

/// The referral form.
#[derive(Debug, Deserialize)]
pub struct ReferForm {
    #[serde(default)]
    service_id: String,
    /// `yes` when the box "the worker agreed" is ticked.
    #[serde(default)]
    consent_given: Option<String>,
    #[serde(default)]
    consent_method: String,
}

/// The reason a referral field was refused, in the visitor's words.
fn refer_error(t: Tr, field: &str) -> String {
    match field {
        "service_id" => t.get("err-voice-referral-service"),
        "consent_given" => t.get("err-voice-referral-consent"),
        _ => t.get("err-voice-referral-method"),
    }
}

/// `POST /voice/cases/{id}/referrals`.
#[post("/voice/cases/{id}/referrals")]
pub async fn refer(
    state: web::Data<PortalState>,
    member: Member,
    id: web::Path<Uuid>,
    form: CsrfForm<ReferForm>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let case = cases::handled(&state.db, &member.caller, *id)
        .await
        .map_err(|e| PortalError::from_domain(e, t))?;
    let form = form.0;
    let parsed = NewReferral::parse(ReferralForm {
        // A value that is not an id is "no service chosen".
        service_id: form.service_id.trim().parse().ok(),
        consent_given: Some(form.consent_given.as_deref() == Some("yes")),
        consent_method: Some(form.consent_method),
        consent_at: None,
    });
    let refused = match parsed {
        Ok(new) => {
            let txn = state.db.begin_write().await.or_page(t)?;
            match case_referrals::refer(&txn, &case, member.caller.user_id, new).await {
                Ok(_) => {
                    txn.commit().await.or_page(t)?;
                    return Ok(see_other(&format!("/voice/cases/{}#referrals", *id)).finish());
                }
                Err(DomainError::Invalid(errors)) => errors,
                Err(other) => return Err(PortalError::from_domain(other, t)),
            }
        }
        Err(DomainError::Invalid(errors)) => errors,
        Err(other) => return Err(PortalError::from_domain(other, t)),
    };
    let errors = CaseErrors {
        referral: refused
            .iter()
            .map(|e| (e.field.clone(), refer_error(t, &e.field)))
            .collect::<BTreeMap<_, _>>(),
        ..CaseErrors::default()
    };
    let mut page = case_page(&state, &member, *id, errors).await?;
    *page.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(page)
}

/// The outcome form.
#[derive(Debug, Deserialize)]
pub struct OutcomeForm {
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    note: String,
}

/// `POST /voice/referrals/{id}/outcome`.
#[post("/voice/referrals/{id}/outcome")]
pub async fn outcome(
    state: web::Data<PortalState>,
    member: Member,
    id: web::Path<Uuid>,
    form: CsrfForm<OutcomeForm>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let voice = state.voice.clone().ok_or(member.fail(ErrorKind::Internal))?;
    let (referral, case) = case_referrals::handled(&state.db, &member.caller, *id)
        .await
        .map_err(|e| PortalError::from_domain(e, t))?;
    let txn = state.db.begin_write().await.or_page(t)?;
    let form = form.0;
    match case_referrals::record_outcome(
        &txn,
        &voice.key,
        referral,
        member.caller.user_id,
        &form.outcome,
        &form.note,
    )
    .await
    {
        Ok(_) => {
            txn.commit().await.or_page(t)?;
            Ok(see_other(&format!("/voice/cases/{}#referrals", case.id)).finish())
        }
        Err(DomainError::Invalid(errors)) => {
            drop(txn);
            let reason = if errors.iter().any(|e| e.field == "outcome") {
                t.get("err-voice-referral-outcome")
            } else {
                t.get("err-voice-referral-note")
            };
            let errors = CaseErrors {
                outcome: Some((*id, reason)),
                ..CaseErrors::default()
            };
            let mut page = case_page(&state, &member, case.id, errors).await?;
            *page.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(page)
        }
        Err(other) => Err(PortalError::from_domain(other, t)),
    }
}
