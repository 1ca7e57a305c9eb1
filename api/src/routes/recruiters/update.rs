//! `PATCH /recruiters/{id}`.

use actix_web::{HttpResponse, patch, web};
use chrono::NaiveDate;
use domain::fee_audit::{store, store::RecruiterChanges};
use domain::transaction::BeginWrite as _;
use serde::{Deserialize, Deserializer};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    extract::JsonBody,
    routes::recruiters::RecruiterResponse,
    state::ApiState,
};

/// What the company records about a recruiter; an absent field is left as it is,
/// `null` clears it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateRecruiterRequest {
    /// The licence number issued by the recruiter's regulator.
    #[serde(default, deserialize_with = "present")]
    pub licence_number: Option<Option<String>>,
    /// When the licence expires (`YYYY-MM-DD`).
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, format = Date)]
    pub licence_expires_on: Option<Option<NaiveDate>>,
    /// Certified under IOM's International Recruitment Integrity System.
    pub iris_certified: Option<bool>,
}

/// A field that is present (even as `null`) is `Some`, so `null` can clear a value.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

/// Records a recruiter's licence and IRIS certification (officers and admins).
#[utoipa::path(
    tag = "fee-audits",
    security(("bearer" = [])),
    request_body = UpdateRecruiterRequest,
    params(("id" = Uuid, Path, description = "Recruiter id")),
    responses(
        (status = 200, body = RecruiterResponse),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[patch("/recruiters/{id}")]
pub async fn update_recruiter(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
    body: JsonBody<UpdateRecruiterRequest>,
) -> ApiResult<HttpResponse> {
    let found = store::load_recruiter(&state.db, &caller.0, id.into_inner(), true).await?;
    let body = body.0;
    let changes = RecruiterChanges {
        licence_number: body.licence_number,
        licence_expires_on: body.licence_expires_on,
        iris_certified: body.iris_certified,
    };
    let txn = state.db.begin_write().await?;
    let updated = store::update_recruiter(&txn, found, caller.0.user_id, changes).await?;
    let summary = store::recruiter_summary(&txn, updated).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().json(RecruiterResponse::new(summary, true)))
}
