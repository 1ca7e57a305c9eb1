//! `POST /findings/{fid}/confirm`: a reviewer confirms that the evidence bears a
//! finding out (red flags and fee-audit findings are raised by rules; a person
//! vouches for them). The date and person stay on the finding; the RBA CAP clock for
//! a Priority finding runs from its confirmation.

use actix_web::{HttpResponse, post, web};
use domain::{
    findings::{self, FindingChanges},
    transaction::BeginWrite as _,
};
use uuid::Uuid;

use crate::{
    context::Member,
    error::{OrPage, PortalError},
    form::CsrfForm,
    load,
    pages::{findings::back_to, see_other},
    state::PortalState,
};

/// Confirms the finding (advisors, officers, admins); confirming twice keeps the first.
#[post("/findings/{fid}/confirm")]
pub async fn confirm(
    state: web::Data<PortalState>,
    member: Member,
    fid: web::Path<Uuid>,
    _form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let (found, _owner, access) = load::finding(&state.db, &member.caller, *fid, t).await?;
    load::require_reviewer(access, &member.caller, t)?;
    let txn = state.db.begin_write().await.or_page(t)?;
    let changes = FindingChanges {
        confirm: true,
        ..FindingChanges::default()
    };
    let confirmed = findings::change_finding(&txn, found, member.caller.user_id, changes)
        .await
        .or_page(t)?;
    txn.commit().await.or_page(t)?;
    Ok(see_other(&back_to(&confirmed, "confirmed")).finish())
}
