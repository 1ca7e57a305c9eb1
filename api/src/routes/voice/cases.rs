//! Cases (company side): list, read, change status, reply or note, raise a
//! finding. Every route answers 404 to anyone but the company's staff.

use actix_web::{HttpResponse, get, patch, post, web};
use chrono::{DateTime, Utc};
use domain::transaction::BeginWrite as _;
use domain::{
    entities::voice_case,
    values::CursorList,
    voice::{
        cases::{self, CaseFinding},
        staff::{self, CaseFilter},
    },
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::CaseSummary;
use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    extract::JsonBody,
    pagination::{PageQuery, Paginated},
    routes::findings::FindingResponse,
    state::ApiState,
};

/// Filters for the case list.
#[derive(Debug, Deserialize, IntoParams)]
pub struct CaseQuery {
    /// Only this status.
    pub status: Option<String>,
    /// Only urgent (`true`) or only non-urgent (`false`) cases.
    pub urgent: Option<bool>,
    /// Only this supplier site.
    pub supplier_id: Option<Uuid>,
}

/// The company's cases, newest first (admins, officers, advisors), by `page` or
/// by `cursor` (`next_cursor` of the previous page).
#[utoipa::path(
    tag = "worker voice",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id"), CaseQuery, PageQuery),
    responses((status = 200, body = Paginated<CaseSummary>), (status = 404, body = Problem), (status = 422, body = Problem))
)]
// `GET /api/v1/companies/{cid}/voice/cases` (the path below is relative to its scope).
#[get("/voice/cases")]
pub async fn list_cases(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    filter: web::Query<CaseQuery>,
    page: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let cid = cid.into_inner();
    cases::require_staff(&caller.0, cid)?;
    let page = page.into_inner().checked_keyset(CursorList::VoiceCases)?;
    let filter = filter.into_inner();
    let filter = CaseFilter {
        status: filter.status,
        urgent: filter.urgent,
        supplier_id: filter.supplier_id,
    };
    let found = staff::case_page(&state.db, &caller.0, cid, filter, &page.start, page.per_page).await?;
    Ok(HttpResponse::Ok().json(Paginated::keyset(
        found.items.into_iter().map(CaseSummary::from).collect(),
        found.total,
        &page,
        found.next,
    )))
}

/// A reply or note on a case.
#[derive(Debug, Serialize, ToSchema)]
pub struct MessageResponse {
    /// The message's id (time-ordered: later messages sort after earlier ones).
    pub id: Uuid,
    /// `reply` (the reporter reads it) or `note` (staff only).
    pub kind: String,
    /// The text.
    pub body: String,
    /// Who wrote it.
    pub author_user_id: Option<Uuid>,
    /// When.
    pub created_at: DateTime<Utc>,
}

/// A case with its words, for handlers.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseResponse {
    /// The case's fields.
    #[serde(flatten)]
    pub summary: CaseSummary,
    /// What the worker wrote.
    pub description: String,
    /// How to reach them, if they said.
    pub contact: Option<String>,
    /// Replies and notes, oldest first.
    pub messages: Vec<MessageResponse>,
    /// Findings raised from the case.
    pub finding_ids: Vec<Uuid>,
    /// The reporter's nationality, if they gave it.
    pub nationality: Option<String>,
    /// Referrals made with the worker's consent, oldest first.
    pub referrals: Vec<super::case_referrals::CaseReferralResponse>,
}

async fn respond(state: &ApiState, case: voice_case::Model) -> Result<CaseResponse, ApiError> {
    let detail = cases::detail(&state.db, &state.voice.key, case).await?;
    let referrals = domain::voice::case_referrals::of_case(&state.db, &state.voice.key, detail.case.id)
        .await?
        .into_iter()
        .map(|(row, note)| super::case_referrals::CaseReferralResponse::new(row, note))
        .collect();
    Ok(CaseResponse {
        nationality: detail.case.nationality.clone(),
        referrals,
        summary: CaseSummary::from(detail.case),
        description: detail.description,
        contact: detail.contact,
        messages: detail
            .messages
            .into_iter()
            .map(|(m, body)| MessageResponse {
                id: m.id,
                kind: m.kind,
                body,
                author_user_id: m.author_user_id,
                created_at: m.created_at,
            })
            .collect(),
        finding_ids: detail.finding_ids,
    })
}

/// One case with the worker's words, replies and notes (staff only; 404 for
/// anyone else, the supplier's users included).
#[utoipa::path(
    tag = "worker voice",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Case id")),
    responses((status = 200, body = CaseResponse), (status = 404, body = Problem))
)]
// `GET /api/v1/voice/cases/{id}` (the path below is relative to its scope).
#[get("/cases/{id}")]
pub async fn get_case(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let (case, _) = cases::readable(&state.db, &caller.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(respond(&state, case).await?))
}

/// A change to a case.
#[derive(Debug, Deserialize, ToSchema)]
pub struct UpdateCaseRequest {
    /// The new status.
    pub status: String,
}

/// Moves a case to another status (admins, officers, advisors); audited.
#[utoipa::path(
    tag = "worker voice",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Case id")),
    request_body = UpdateCaseRequest,
    responses((status = 200, body = CaseResponse), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem))
)]
// `PATCH /api/v1/voice/cases/{id}` (the path below is relative to its scope).
#[patch("/cases/{id}")]
pub async fn update_case(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
    body: JsonBody<UpdateCaseRequest>,
) -> ApiResult<HttpResponse> {
    let (case, _) = cases::readable(&state.db, &caller.0, id.into_inner()).await?;
    cases::require_handler(&caller.0, case.company_id)?;
    let txn = state.db.begin_write().await?;
    let updated = cases::change_status(&txn, case, caller.0.user_id, &body.0.status).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().json(respond(&state, updated).await?))
}

/// A reply or a note.
#[derive(Debug, Deserialize, ToSchema)]
pub struct MessageRequest {
    /// `reply` (the reporter reads it with their code and secret) or `note`.
    pub kind: String,
    /// The text (at most 5000 characters).
    pub body: String,
}

/// Replies to the reporter or adds a note (admins, officers, advisors). The
/// first reply sets the time to first response.
#[utoipa::path(
    tag = "worker voice",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Case id")),
    request_body = MessageRequest,
    responses((status = 201, body = CaseResponse), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem))
)]
// `POST /api/v1/voice/cases/{id}/messages` (the path below is relative to its scope).
#[post("/cases/{id}/messages")]
pub async fn add_message(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
    body: JsonBody<MessageRequest>,
) -> ApiResult<HttpResponse> {
    let (case, _) = cases::readable(&state.db, &caller.0, id.into_inner()).await?;
    cases::require_handler(&caller.0, case.company_id)?;
    let txn = state.db.begin_write().await?;
    let (case, _) = cases::add_message(
        &txn,
        &state.voice.key,
        case,
        caller.0.user_id,
        &body.0.kind,
        &body.0.body,
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(respond(&state, case).await?))
}

/// A finding to raise from a confirmed case.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CaseFindingRequest {
    /// `priority`, `major` or `minor`.
    pub severity: String,
    /// Title (the supplier reads it: never copy the worker's words or anything
    /// that could identify them).
    pub title: String,
    /// What the supplier must address.
    #[serde(default)]
    pub detail: String,
}

/// Raises a finding on the case's supplier, with the case's indicator (the case
/// must be `confirmed`, else 409).
#[utoipa::path(
    tag = "worker voice",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Case id")),
    request_body = CaseFindingRequest,
    responses((status = 201, body = FindingResponse), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem))
)]
// `POST /api/v1/voice/cases/{id}/findings` (the path below is relative to its scope).
#[post("/cases/{id}/findings")]
pub async fn raise_finding(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
    body: JsonBody<CaseFindingRequest>,
) -> ApiResult<HttpResponse> {
    let (case, _) = cases::readable(&state.db, &caller.0, id.into_inner()).await?;
    cases::require_handler(&caller.0, case.company_id)?;
    let body = body.0;
    let txn = state.db.begin_write().await?;
    let finding = cases::raise_finding(
        &txn,
        &case,
        caller.0.user_id,
        CaseFinding {
            severity: body.severity,
            title: body.title,
            detail: body.detail,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(FindingResponse::from(finding)))
}
