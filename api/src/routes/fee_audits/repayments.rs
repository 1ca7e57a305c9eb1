//! `POST /fee-audits/{id}/repayments` (text/csv `worker_ref,amount,currency,paid_on`).

use actix_web::{HttpRequest, HttpResponse, post, web};
use domain::fee_audit::{store, store::Intent};
use domain::transaction::BeginWrite as _;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    extract::{read_limited, require_csv},
    routes::fee_audits::{FeeAuditResponse, today},
    state::ApiState,
};

/// Records repayments to the audit's workers (the company's officers and admins, and
/// the supplier, who is the one repaying): all or nothing; an unknown worker or a bad
/// row → 422. Answers the audit with the updated amounts; paying a worker more than
/// owed is kept and shown as `over_repaid_usd`. When nothing is owed any more, the
/// repay action becomes `done`, for an advisor or officer to verify.
#[utoipa::path(
    tag = "fee-audits",
    security(("bearer" = [])),
    request_body(content = String, content_type = "text/csv",
        description = "Header `worker_ref,amount,currency,paid_on` and one row per repayment"),
    params(("id" = Uuid, Path, description = "Fee audit id")),
    responses(
        (status = 201, body = FeeAuditResponse),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 413, body = Problem),
        (status = 415, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[post("/repayments")]
pub async fn record_repayments(
    req: HttpRequest,
    payload: web::Payload,
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let (audit, supplier) =
        store::fee_audit_for(&state.db, &caller.0, id.into_inner(), Intent::Repay).await?;
    require_csv(&req)?;
    let body = read_limited(&req, &mut payload.into_inner(), state.config.csv_limit).await?;
    let txn = state.db.begin_write().await?;
    store::record_repayments(&txn, &audit, &supplier, &caller.0, &body[..], today()).await?;
    let view = store::load_fee_audit_view(&txn, audit).await?;
    txn.commit().await?;
    tracing::info!(fee_audit_id = %view.audit.id, "repayments recorded");
    Ok(HttpResponse::Created().json(FeeAuditResponse::from(view)))
}
