//! `POST /assessments/{aid}/submit`.

use actix_web::{HttpResponse, post, web};
use domain::transaction::BeginWrite as _;
use domain::{access::SupplierAccess, assessments};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    routes::assessments::{AssessmentResponse, definition_for, readable, responses},
    state::ApiState,
};

/// Submits the answers for scoring (the supplier's users): 202 with status
/// `submitted`; unanswered required questions → 422 listing every missing key;
/// submitting twice → 409.
#[utoipa::path(
    tag = "assessments",
    security(("bearer" = [])),
    params(("aid" = Uuid, Path, description = "Assessment id")),
    responses(
        (status = 202, body = AssessmentResponse),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 409, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[post("/submit")]
pub async fn submit_assessment(
    state: web::Data<ApiState>,
    caller: Authenticated,
    aid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let (found, _, access) = readable(&state.db, &caller.0, aid.into_inner()).await?;
    if access != SupplierAccess::OwnSupplier {
        return Err(ApiError::Forbidden(
            "only the supplier's own users submit its assessments".into(),
        ));
    }
    let definition = definition_for(&state.db, &found).await?;
    let txn = state.db.begin_write().await?;
    let updated = assessments::submit_assessment(&txn, found, &definition, caller.0.user_id).await?;
    txn.commit().await?;
    let one = responses(&state.db, vec![updated])
        .await?
        .pop()
        .ok_or_else(|| ApiError::Internal("assessment vanished".into()))?;
    Ok(HttpResponse::Accepted().json(one))
}
