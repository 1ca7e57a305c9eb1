//! `PATCH /screening-hits/{id}`.

use actix_web::{HttpResponse, patch, web};
use domain::screening::{self, Verdict};
use domain::transaction::BeginWrite as _;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    extract::JsonBody,
    routes::screening::ScreeningHitResponse,
    state::ApiState,
};

/// A reviewer's decision.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecideHitRequest {
    /// `confirmed` (the subject is the listed party: a priority finding on the
    /// supplier) or `dismissed`.
    pub status: String,
    /// Why; required, kept in the audit trail.
    pub reason: String,
}

/// Confirms or dismisses an open hit (officers and admins; advisors 403).
#[utoipa::path(
    tag = "screening",
    security(("bearer" = [])),
    request_body = DecideHitRequest,
    params(("id" = Uuid, Path, description = "Screening hit id")),
    responses((status = 200, body = ScreeningHitResponse), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem))
)]
#[patch("/{id}")]
pub async fn decide_screening_hit(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
    body: JsonBody<DecideHitRequest>,
) -> ApiResult<HttpResponse> {
    let verdict = Verdict::parse(&body.0.status)?;
    let txn = state.db.begin_write().await?;
    let hit = screening::decide_hit(&txn, &caller.0, id.into_inner(), verdict, &body.0.reason).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().json(ScreeningHitResponse::from(hit)))
}
