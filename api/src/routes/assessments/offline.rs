//! Answering offline: `GET /assessments/{aid}/answers.csv` (the questionnaire in
//! the caller's language with current answers) and `PUT` of the filled-in file
//! (all or nothing; every bad cell reported by row and column).

use actix_web::{HttpRequest, HttpResponse, get, put, web};
use domain::transaction::BeginWrite as _;
use domain::{access::SupplierAccess, assessments};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    extract::{read_limited, require_csv},
    routes::{
        assessments::{AssessmentResponse, definition_for, readable, responses},
        reference::locale,
    },
    state::ApiState,
};

/// Which language to write the file in.
#[derive(Debug, Deserialize, IntoParams)]
pub struct CsvQuery {
    /// `en`, `es` or `fr` (default: `Accept-Language`).
    pub locale: Option<String>,
}

/// Downloads the questionnaire as CSV to answer offline.
#[utoipa::path(
    tag = "assessments",
    security(("bearer" = [])),
    params(("aid" = Uuid, Path, description = "Assessment id"), CsvQuery),
    responses((status = 200, content_type = "text/csv", body = String), (status = 404, body = Problem), (status = 422, body = Problem))
)]
// `GET /api/v1/assessments/{aid}/answers.csv` (the path below is relative to its scope).
#[get("/answers.csv")]
pub async fn download_answers_csv(
    req: HttpRequest,
    state: web::Data<ApiState>,
    caller: Authenticated,
    aid: web::Path<Uuid>,
    query: web::Query<CsvQuery>,
) -> ApiResult<HttpResponse> {
    let (found, _, _) = readable(&state.db, &caller.0, aid.into_inner()).await?;
    let language = match &query.locale {
        Some(raw) => domain::values::Locale::parse(raw)
            .filter(|_| raw.len() == 2)
            .ok_or_else(|| ApiError::invalid_field("locale", "must be en, es or fr"))?,
        None => locale(&req),
    };
    let definition = definition_for(&state.db, &found).await?;
    let answers = assessments::load_answers(&state.db, found.id).await?;
    let body = assessments::questionnaire_csv(&definition, &answers, language.code());
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!(
                "attachment; filename=\"assessment-{}-{}.csv\"",
                found.id,
                language.code()
            ),
        ))
        .body(body))
}

/// Uploads the filled-in CSV (the supplier's users); any bad cell → 422 listing
/// every bad row and column, and nothing is saved.
#[utoipa::path(
    tag = "assessments",
    security(("bearer" = [])),
    request_body(content = String, content_type = "text/csv"),
    params(("aid" = Uuid, Path, description = "Assessment id")),
    responses(
        (status = 200, body = AssessmentResponse),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 409, body = Problem),
        (status = 415, body = Problem),
        (status = 422, body = Problem),
    )
)]
// `PUT /api/v1/assessments/{aid}/answers.csv` (the path below is relative to its scope).
#[put("/answers.csv")]
pub async fn upload_answers_csv(
    req: HttpRequest,
    mut payload: web::Payload,
    state: web::Data<ApiState>,
    caller: Authenticated,
    aid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let (found, _, access) = readable(&state.db, &caller.0, aid.into_inner()).await?;
    if access != SupplierAccess::OwnSupplier {
        return Err(ApiError::Forbidden(
            "only the supplier's own users answer its assessments".into(),
        ));
    }
    require_csv(&req)?;
    let bytes = read_limited(&req, &mut payload, state.config.csv_limit).await?;
    let definition = definition_for(&state.db, &found).await?;
    let files: Vec<Uuid> = domain::evidence::find::for_assessment(&state.db, found.id)
        .await?
        .into_iter()
        .map(|f| f.id)
        .collect();
    let incoming =
        assessments::read_answers_csv(&definition, &bytes, &|id| files.contains(&id)).map_err(|errors| {
            ApiError::bad_rows(errors.into_iter().map(|e| (e.row, Some(e.column), e.message)))
        })?;
    let txn = state.db.begin_write().await?;
    let updated = assessments::save_answers(&txn, found, &definition, &incoming, caller.0.user_id).await?;
    txn.commit().await?;
    let one = responses(&state.db, vec![updated])
        .await?
        .pop()
        .ok_or_else(|| ApiError::Internal("assessment vanished".into()))?;
    Ok(HttpResponse::Ok().json(one))
}
