//! `POST /assessments/{aid}/findings`: a reviewer adds a finding by hand from the
//! review page — the same use case and rules as the API's route of that path (the
//! domain tells the company at once of a priority or zero-tolerance one).

use actix_web::{HttpResponse, post, web};
use domain::{findings, transaction::BeginWrite as _};
use uuid::Uuid;

use crate::{
    context::Member,
    error::{OrPage, PortalError},
    finding_forms::{Filled, NewFindingForm},
    form::CsrfForm,
    load,
    pages::{review, see_other},
    routes,
    state::PortalState,
};

/// Adds the finding, or shows the review page again with the form as typed.
#[post("/assessments/{aid}/findings")]
pub async fn add(
    state: web::Data<PortalState>,
    member: Member,
    aid: web::Path<Uuid>,
    form: CsrfForm<NewFindingForm>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let (found, owner, access) = load::assessment(&state.db, &member.caller, *aid, t).await?;
    load::require_reviewer(access, &member.caller, t)?;
    let values = form.0;
    let input = match values.parse(t) {
        Ok(input) => input,
        Err(errors) => {
            let form = Filled { values, errors };
            return review::refused_finding(&state, &member, found, owner, form).await;
        }
    };
    let txn = state.db.begin_write().await.or_page(t)?;
    findings::add_finding(&txn, &found, member.caller.user_id, input)
        .await
        .or_page(t)?;
    txn.commit().await.or_page(t)?;
    Ok(see_other(&format!("{}?done=finding#findings", routes::assessment(found.id))).finish())
}
