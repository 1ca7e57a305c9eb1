//! `POST /findings/{fid}/actions`: a reviewer adds a corrective action to a
//! finding — the same use case and rules as the API's route of that path. The form
//! offers the due date of the severity's CAP timeline; left empty, the domain
//! applies it.

use actix_web::{HttpResponse, post, web};
use domain::{findings, transaction::BeginWrite as _};
use uuid::Uuid;

use crate::{
    context::Member,
    error::{OrPage, PortalError},
    finding_forms::{ActionForm, Filled},
    form::CsrfForm,
    load,
    pages::{
        findings::{Refused, back_to, refused},
        see_other,
    },
    state::PortalState,
};

/// Adds the action, or shows the form again with why.
#[post("/findings/{fid}/actions")]
pub async fn add(
    state: web::Data<PortalState>,
    member: Member,
    fid: web::Path<Uuid>,
    form: CsrfForm<ActionForm>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let (found, owner, access) = load::finding(&state.db, &member.caller, *fid, t).await?;
    load::require_reviewer(access, &member.caller, t)?;
    let values = form.0;
    let input = match values.parse(t) {
        Ok(input) => input,
        Err(errors) => {
            let form = Refused::Action(Filled { values, errors });
            return refused(&state, &member, owner, access, found.id, form).await;
        }
    };
    let back = back_to(&found, "action");
    let txn = state.db.begin_write().await.or_page(t)?;
    findings::add_action(&txn, found, Some(member.caller.user_id), input)
        .await
        .or_page(t)?;
    txn.commit().await.or_page(t)?;
    Ok(see_other(&back).finish())
}
