//! Referrals on a case (company side): record one to a directory service with
//! the worker's consent (`422` without it), then its outcome. Admins, officers
//! and advisors; 404 for anyone else.

use actix_web::{HttpResponse, patch, post, web};
use chrono::{DateTime, Utc};
use domain::transaction::BeginWrite as _;
use domain::{
    entities::voice_case_referral,
    voice::{
        case_referrals::{self, NewReferral, ReferralForm},
        cases,
    },
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    extract::JsonBody,
    state::ApiState,
};

/// A referral as staff see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseReferralResponse {
    /// The referral's id, for `PATCH /voice/referrals/{id}`.
    pub id: Uuid,
    /// The case.
    pub case_id: Uuid,
    /// The directory service.
    pub service_id: Uuid,
    /// How the worker consented: `in_message`, `verbal` or `written`.
    pub consent_method: String,
    /// When.
    pub consent_at: DateTime<Utc>,
    /// `contacted_by_service`, `assisted`, `declined_by_worker`, `service_unreachable`, `no_response` (null until recorded).
    pub outcome: Option<String>,
    /// The handler's note on the outcome.
    pub outcome_note: Option<String>,
    /// When the outcome was recorded.
    pub outcome_at: Option<DateTime<Utc>>,
    /// When the referral was recorded.
    pub created_at: DateTime<Utc>,
}

impl CaseReferralResponse {
    /// From a row and its opened note.
    pub fn new(r: voice_case_referral::Model, outcome_note: Option<String>) -> Self {
        Self {
            id: r.id,
            case_id: r.case_id,
            service_id: r.service_id,
            consent_method: r.consent_method,
            consent_at: r.consent_at,
            outcome: r.outcome,
            outcome_note,
            outcome_at: r.outcome_at,
            created_at: r.created_at,
        }
    }
}

/// A referral to record.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CaseReferralRequest {
    /// A service of the company's directory.
    pub service_id: Option<Uuid>,
    /// Must be `true`: the worker agreed to be referred.
    pub consent_given: Option<bool>,
    /// `in_message`, `verbal` or `written`.
    pub consent_method: Option<String>,
    /// When the worker agreed (default: now; not in the future).
    pub consent_at: Option<DateTime<Utc>>,
}

/// Records a referral on the case, only with the worker's consent; audited.
#[utoipa::path(
    tag = "worker voice",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Case id")),
    request_body = CaseReferralRequest,
    responses((status = 201, body = CaseReferralResponse), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem))
)]
// `POST /api/v1/voice/cases/{id}/referrals` (the path below is relative to its scope).
#[post("/cases/{id}/referrals")]
pub async fn refer(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
    body: JsonBody<CaseReferralRequest>,
) -> ApiResult<HttpResponse> {
    let (case, _) = cases::readable(&state.db, &caller.0, id.into_inner()).await?;
    cases::require_handler(&caller.0, case.company_id)?;
    let body = body.0;
    let new = NewReferral::parse(ReferralForm {
        service_id: body.service_id,
        consent_given: body.consent_given,
        consent_method: body.consent_method,
        consent_at: body.consent_at,
    })?;
    let txn = state.db.begin_write().await?;
    let row = case_referrals::refer(&txn, &case, caller.0.user_id, new).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(CaseReferralResponse::new(row, None)))
}

/// A referral's outcome.
#[derive(Debug, Deserialize, ToSchema)]
pub struct OutcomeRequest {
    /// `contacted_by_service`, `assisted`, `declined_by_worker`, `service_unreachable` or `no_response`.
    pub outcome: String,
    /// A note (at most 2000 characters; sealed at rest).
    #[serde(default)]
    pub note: String,
}

/// Records what became of a referral; audited (without the note).
#[utoipa::path(
    tag = "worker voice",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Referral id")),
    request_body = OutcomeRequest,
    responses((status = 200, body = CaseReferralResponse), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem))
)]
// `PATCH /api/v1/voice/referrals/{id}` (the path below is relative to its scope).
#[patch("/referrals/{id}")]
pub async fn record_outcome(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
    body: JsonBody<OutcomeRequest>,
) -> ApiResult<HttpResponse> {
    let (row, _) = case_referrals::handled(&state.db, &caller.0, id.into_inner()).await?;
    let body = body.0;
    let txn = state.db.begin_write().await?;
    let row = case_referrals::record_outcome(
        &txn,
        &state.voice.key,
        row,
        caller.0.user_id,
        &body.outcome,
        &body.note,
    )
    .await?;
    txn.commit().await?;
    let note = (!body.note.trim().is_empty()).then(|| body.note.trim().to_string());
    Ok(HttpResponse::Ok().json(CaseReferralResponse::new(row, note)))
}
