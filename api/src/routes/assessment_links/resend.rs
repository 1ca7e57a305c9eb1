//! `POST /assessments/{aid}/links`.

use actix_web::{HttpResponse, post, web};
use domain::transaction::BeginWrite as _;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    routes::assessment_links::{AssessmentLinkResponse, IssuedLinks},
    state::ApiState,
};

/// Emails the assessment again to the supplier's people, each with a new link
/// (officers and admins; `409` once it is submitted). Links sent before stay
/// valid until revoked.
#[utoipa::path(
    tag = "assessments",
    security(("bearer" = [])),
    params(("aid" = Uuid, Path, description = "Assessment id")),
    responses((status = 201, body = IssuedLinks), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem))
)]
#[post("/links")]
pub async fn resend_assessment_links(
    state: web::Data<ApiState>,
    caller: Authenticated,
    aid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let txn = state.db.begin_write().await?;
    let links =
        domain::supplier_links::resend(&txn, &caller.0, aid.into_inner(), &state.config.public_url).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(IssuedLinks {
        items: links.into_iter().map(AssessmentLinkResponse::from).collect(),
    }))
}
