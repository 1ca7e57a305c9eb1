//! The company's side of supplier links (issue #24), from the assessment page:
//! `POST /assessments/{aid}/links` emails the supplier's people new links, and
//! `POST /assessment-links/{id}/revoke` closes one (officers and admins).

use actix_web::{HttpResponse, post, web};
use domain::{supplier_links, transaction::BeginWrite as _};
use uuid::Uuid;

use crate::{
    context::Member,
    error::{OrPage, PortalError},
    form::CsrfForm,
    pages::see_other,
    routes,
    state::PortalState,
};

/// Emails new links (the assessment again).
#[post("/assessments/{aid}/links")]
pub async fn resend(
    state: web::Data<PortalState>,
    member: Member,
    aid: web::Path<Uuid>,
    _form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let txn = state.db.begin_write().await.or_page(t)?;
    supplier_links::resend(&txn, &member.caller, *aid, &state.config.public_url)
        .await
        .or_page(t)?;
    txn.commit().await.or_page(t)?;
    Ok(see_other(&format!("{}?done=links-sent#links", routes::assessment(*aid))).finish())
}

/// Revokes one link.
#[post("/assessment-links/{id}/revoke")]
pub async fn revoke(
    state: web::Data<PortalState>,
    member: Member,
    id: web::Path<Uuid>,
    _form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let txn = state.db.begin_write().await.or_page(t)?;
    let link = supplier_links::revoke(&txn, &member.caller, *id)
        .await
        .or_page(t)?;
    txn.commit().await.or_page(t)?;
    Ok(see_other(&format!(
        "{}?done=link-revoked#links",
        routes::assessment(link.assessment_id)
    ))
    .finish())
}
