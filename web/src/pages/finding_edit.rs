//! `POST /findings/{fid}`: a reviewer edits a finding — severity, title, detail,
//! state — the same use case and rules as `PATCH /findings/{fid}` in the API.

use actix_web::{HttpResponse, post, web};
use domain::{findings, transaction::BeginWrite as _};
use uuid::Uuid;

use crate::{
    context::Member,
    error::{OrPage, PortalError},
    finding_forms::{EditForm, Filled},
    form::CsrfForm,
    load,
    pages::{
        findings::{Refused, back_to, refused},
        see_other,
    },
    state::PortalState,
};

/// Saves the edits, or shows the form again with why.
#[post("/findings/{fid}")]
pub async fn edit(
    state: web::Data<PortalState>,
    member: Member,
    fid: web::Path<Uuid>,
    form: CsrfForm<EditForm>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let (found, owner, access) = load::finding(&state.db, &member.caller, *fid, t).await?;
    load::require_reviewer(access, &member.caller, t)?;
    let values = form.0;
    let changes = match values.parse(t) {
        Ok(changes) => changes,
        Err(errors) => {
            let form = Refused::Edit(Filled { values, errors });
            return refused(&state, &member, owner, access, found.id, form).await;
        }
    };
    let txn = state.db.begin_write().await.or_page(t)?;
    let updated = findings::change_finding(&txn, found, member.caller.user_id, changes)
        .await
        .or_page(t)?;
    txn.commit().await.or_page(t)?;
    Ok(see_other(&back_to(&updated, "updated")).finish())
}
