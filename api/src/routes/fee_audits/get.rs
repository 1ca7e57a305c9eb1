//! `GET /fee-audits/{id}`.

use actix_web::{HttpResponse, get, web};
use domain::fee_audit::{store, store::Intent};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    routes::fee_audits::{FeeAuditResponse, fee_audit_response},
    state::ApiState,
};

/// One fee audit with its summary, every worker's results and repayment progress
/// (the company's officers, admins and advisors, and the supplier itself).
#[utoipa::path(
    tag = "fee-audits",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Fee audit id")),
    responses((status = 200, body = FeeAuditResponse), (status = 404, body = Problem))
)]
#[get("")]
pub async fn get_fee_audit(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let (audit, _) = store::fee_audit_for(&state.db, &caller.0, id.into_inner(), Intent::Read).await?;
    fee_audit_response(HttpResponse::Ok(), state.db.clone(), audit)
}
