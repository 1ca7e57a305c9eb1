//! `DELETE /assessment-links/{id}`.

use actix_web::{HttpResponse, delete, web};
use domain::transaction::BeginWrite as _;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    routes::assessment_links::AssessmentLinkResponse,
    state::ApiState,
};

/// Revokes the link at once (officers and admins): it then opens a "link
/// withdrawn" page (410). It stays listed, marked revoked.
#[utoipa::path(
    tag = "assessments",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Supplier link id")),
    responses((status = 200, body = AssessmentLinkResponse), (status = 403, body = Problem), (status = 404, body = Problem))
)]
#[delete("/{id}")]
pub async fn revoke_assessment_link(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let txn = state.db.begin_write().await?;
    let revoked = domain::supplier_links::revoke(&txn, &caller.0, id.into_inner()).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().json(AssessmentLinkResponse::from(revoked)))
}
