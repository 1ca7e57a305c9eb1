//! `POST /companies/{cid}/rescore`: queue a re-score of every supplier of the
//! company with a scored assessment, with the current scoring model (admins).

use actix_web::{HttpResponse, post, web};
use domain::{assessments, transaction::BeginWrite as _};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    state::ApiState,
};

/// How many re-scoring jobs were queued.
#[derive(Debug, Serialize, ToSchema)]
pub struct RescoreResponse {
    /// One per supplier with a scored assessment; the worker runs them.
    pub enqueued: usize,
}

/// Queues one re-scoring job per supplier with a scored assessment (its latest),
/// scored with the current model; each result goes into the risk history. Admins
/// only: `403` for officers and advisors, `404` for another company.
#[utoipa::path(
    tag = "companies",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id")),
    responses(
        (status = 202, body = RescoreResponse, description = "Queued"),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
    )
)]
#[post("/rescore")]
pub async fn rescore_company(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let txn = state.db.begin_write().await?;
    let enqueued = assessments::rescore_company_as(&txn, &caller.0, cid.into_inner()).await?;
    txn.commit().await?;
    Ok(HttpResponse::Accepted().json(RescoreResponse { enqueued }))
}
