//! `POST /suppliers/{sid}/fee-audits` (text/csv): store an audit, all or nothing.

use actix_web::{HttpRequest, HttpResponse, post, web};
use domain::fee_audit::{store, store::Intent};
use domain::transaction::BeginWrite as _;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    extract::{read_limited, require_csv},
    routes::fee_audits::{FeeAuditResponse, new_fee_audit_response, today},
    state::ApiState,
};

/// Uploads a fee audit for the supplier (officers and admins of its company): every
/// row is checked and converted with the company's FX rates; the per-worker results,
/// the summary, the findings with the repay action, and the recruiters named are
/// stored in one transaction, and the supplier's latest scored assessment is queued
/// for re-scoring. Any bad row → 422 listing every bad row, and nothing is stored.
#[utoipa::path(
    tag = "fee-audits",
    security(("bearer" = [])),
    request_body(content = String, content_type = "text/csv",
        description = "Header and one row per payment (fee-audit.md, \"CSV input\")"),
    params(("sid" = Uuid, Path, description = "Supplier id")),
    responses(
        (status = 201, body = FeeAuditResponse),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 413, body = Problem),
        (status = 415, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[post("/fee-audits")]
pub async fn create_fee_audit(
    req: HttpRequest,
    payload: web::Payload,
    state: web::Data<ApiState>,
    caller: Authenticated,
    sid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let supplier = store::supplier_for(&state.db, &caller.0, sid.into_inner(), Intent::Upload).await?;
    require_csv(&req)?;
    // The raw body is buffered (at most `csv_limit` bytes) because the engine reads
    // synchronously between the batched inserts; the parsed lines are not: each batch
    // is written and dropped as the rows stream out of the engine.
    let started = std::time::Instant::now();
    let body = read_limited(&req, &mut payload.into_inner(), state.config.csv_limit).await?;
    let received = started.elapsed();
    let txn = state.db.begin_write().await?;
    // Handed over, not lent: the engine drops the bytes once every row is read, before
    // the per-worker rows are stored, so they do not add to the upload's peak memory.
    let input = std::io::Cursor::new(body);
    let stored = store::upload_fee_audit(&txn, &supplier, caller.0.user_id, input, today()).await?;
    let computed_and_written = started.elapsed() - received;
    txn.commit().await?;
    // Where a slow upload's time went (receiving, computing and writing, committing);
    // the response is streamed after this.
    tracing::info!(
        fee_audit_id = %stored.audit.id,
        rows = stored.audit.row_count,
        receive_ms = received.as_millis() as u64,
        store_ms = computed_and_written.as_millis() as u64,
        commit_ms = (started.elapsed() - received - computed_and_written).as_millis() as u64,
        "fee audit stored"
    );
    new_fee_audit_response(HttpResponse::Created(), stored)
}
