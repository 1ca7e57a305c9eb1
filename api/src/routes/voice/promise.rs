//! `PUT /companies/{cid}/voice/promise`: the company's response-time promise to
//! workers (days to a first answer), set by its admins.

use actix_web::{HttpResponse, put, web};
use domain::transaction::BeginWrite as _;
use domain::voice::promise::{self, ResponseDays};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    extract::JsonBody,
    state::ApiState,
};

/// The promise.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
pub struct PromiseBody {
    /// Days within which workers get a first answer, 1–90.
    pub response_days: i64,
}

/// Sets the response-time promise shown to workers and measured in the voice
/// metrics (admins; other staff `403`, anyone else `404`).
#[utoipa::path(
    tag = "worker voice",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id")),
    request_body = PromiseBody,
    responses((status = 200, body = PromiseBody), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem))
)]
#[put("/voice/promise")]
pub async fn set_promise(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    body: JsonBody<PromiseBody>,
) -> ApiResult<HttpResponse> {
    let days = ResponseDays::parse(body.0.response_days)?;
    let txn = state.db.begin_write().await?;
    let set = promise::set(&txn, &caller.0, cid.into_inner(), days).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().json(PromiseBody {
        response_days: i64::from(set),
    }))
}
