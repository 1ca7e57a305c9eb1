//! `GET /suppliers/{sid}/assessments`.

use actix_web::{HttpResponse, get, web};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    routes::{
        assessments::{AssessmentResponse, responses},
        suppliers::readable,
    },
    state::ApiState,
};

/// A supplier's assessments, newest first (what a supplier user sees).
#[utoipa::path(
    tag = "assessments",
    security(("bearer" = [])),
    params(("sid" = Uuid, Path, description = "Supplier id")),
    responses((status = 200, body = Vec<AssessmentResponse>), (status = 404, body = Problem))
)]
#[get("/assessments")]
pub async fn list_supplier_assessments(
    state: web::Data<ApiState>,
    caller: Authenticated,
    sid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let (owner, _) = readable(&state.db, &caller.0, sid.into_inner()).await?;
    let rows = domain::assessments::assessments_of_supplier(&state.db, owner.id).await?;
    Ok(HttpResponse::Ok().json(responses(&state.db, rows).await?))
}
