//! `POST /findings/{fid}/dismiss`: a reviewer dismisses a finding the evidence
//! does not bear out; it closes and the reason is kept in the audit trail.

use actix_web::{HttpResponse, post, web};
use domain::{findings, transaction::BeginWrite as _};
use uuid::Uuid;

use crate::{
    context::Member,
    error::{OrPage, PortalError},
    finding_forms::{DismissForm, Filled},
    form::CsrfForm,
    load,
    pages::{
        findings::{Refused, back_to, refused},
        see_other,
    },
    state::PortalState,
};

/// Dismisses the finding, or shows the form again when no reason was given.
#[post("/findings/{fid}/dismiss")]
pub async fn dismiss(
    state: web::Data<PortalState>,
    member: Member,
    fid: web::Path<Uuid>,
    form: CsrfForm<DismissForm>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let (found, owner, access) = load::finding(&state.db, &member.caller, *fid, t).await?;
    load::require_reviewer(access, &member.caller, t)?;
    let values = form.0;
    let reason = match values.parse(t) {
        Ok(reason) => reason,
        Err(errors) => {
            let form = Refused::Dismiss(Filled { values, errors });
            return refused(&state, &member, owner, access, found.id, form).await;
        }
    };
    let txn = state.db.begin_write().await.or_page(t)?;
    let closed = findings::dismiss_finding(&txn, found, member.caller.user_id, reason)
        .await
        .or_page(t)?;
    txn.commit().await.or_page(t)?;
    Ok(see_other(&back_to(&closed, "dismissed")).finish())
}
