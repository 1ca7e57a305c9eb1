//! `POST /companies/{cid}/fx-rates` (text/csv `currency,date,usd_per_unit`).

use actix_web::{HttpRequest, HttpResponse, post, web};
use domain::fee_audit::store;
use domain::transaction::BeginWrite as _;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    extract::{read_limited, require_csv},
    state::ApiState,
};

/// How many rates were stored.
#[derive(Debug, Serialize, ToSchema)]
pub struct FxRatesStored {
    /// Distinct (currency, date) rates stored, new or replacing an earlier one.
    pub stored: usize,
}

/// Stores FX rates for the company (officers and admins), all or nothing: any bad
/// row → 422 listing every bad row. A rate for a currency and date the company
/// already has replaces it.
#[utoipa::path(
    tag = "fee-audits",
    security(("bearer" = [])),
    request_body(content = String, content_type = "text/csv",
        description = "Header `currency,date,usd_per_unit` and one row per rate"),
    params(("cid" = Uuid, Path, description = "Company id")),
    responses(
        (status = 201, body = FxRatesStored),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 413, body = Problem),
        (status = 415, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[post("/fx-rates")]
pub async fn upload_fx_rates(
    req: HttpRequest,
    payload: web::Payload,
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let cid = cid.into_inner();
    caller.0.company_manager(cid)?;
    require_csv(&req)?;
    let body = read_limited(&req, &mut payload.into_inner(), state.config.csv_limit).await?;
    let txn = state.db.begin_write().await?;
    let stored = store::store_fx_rates(&txn, cid, caller.0.user_id, &body[..]).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(FxRatesStored { stored }))
}
