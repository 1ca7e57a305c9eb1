//! `GET /companies/{cid}/voice/metrics`: the dashboard's worker-voice figures.

use actix_web::{HttpResponse, get, web};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    state::ApiState,
};

/// The period.
#[derive(Debug, Deserialize, IntoParams)]
pub struct MetricsQuery {
    /// First day, `YYYY-MM-DD` (default: 365 days ago).
    pub from: Option<String>,
    /// Last day included, `YYYY-MM-DD` (default: today).
    pub to: Option<String>,
}

/// One cell: reports of a supplier in a category in a month.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReportCountResponse {
    /// The supplier.
    pub supplier_id: Uuid,
    /// Category key.
    pub category: String,
    /// `YYYY-MM`.
    pub month: String,
    /// Reports.
    pub count: u64,
}

/// The figures.
#[derive(Debug, Serialize, ToSchema)]
pub struct VoiceMetricsResponse {
    /// First day of the period.
    pub from: String,
    /// Last day of the period.
    pub to: String,
    /// Reports by supplier, category and month.
    pub reports: Vec<ReportCountResponse>,
    /// Reports in the period.
    pub total_reports: u64,
    /// Of those, answered at least once.
    pub responded: u64,
    /// Median hours from report to first reply.
    pub median_hours_to_first_response: Option<f64>,
    /// Mean hours from report to first reply.
    pub mean_hours_to_first_response: Option<f64>,
    /// Open cases of the period never answered.
    pub open_unanswered: u64,
    /// Urgent cases open now (any date).
    pub open_urgent: u64,
    /// The company's response-time promise in days (`null`: none made).
    pub promise_days: Option<u32>,
    /// Cases of the period the promise can be judged on: answered, or unanswered
    /// past the promised time.
    pub promise_due: u64,
    /// Of those, first answered within the promise.
    pub answered_within_promise: u64,
    /// Their share, 0–1 (`null` without a promise or with no case due).
    pub share_within_promise: Option<f64>,
}

fn day(field: &str, raw: Option<&str>, default: NaiveDate) -> Result<NaiveDate, ApiError> {
    match raw {
        None => Ok(default),
        Some(raw) => NaiveDate::parse_from_str(raw, "%Y-%m-%d")
            .map_err(|_| ApiError::invalid_field(field, "must be a date YYYY-MM-DD")),
    }
}

fn start(date: NaiveDate) -> DateTime<Utc> {
    date.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()
}

/// Reports per supplier and category over time, time to first response, open
/// urgent cases (admins, officers, advisors).
#[utoipa::path(
    tag = "worker voice",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id"), MetricsQuery),
    responses((status = 200, body = VoiceMetricsResponse), (status = 404, body = Problem), (status = 422, body = Problem))
)]
#[get("/voice/metrics")]
pub async fn voice_metrics(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    query: web::Query<MetricsQuery>,
) -> ApiResult<HttpResponse> {
    let cid = cid.into_inner();
    domain::voice::cases::require_staff(&caller.0, cid)?;
    let today = Utc::now().date_naive();
    let to = day("to", query.to.as_deref(), today)?;
    let from = day("from", query.from.as_deref(), to - Duration::days(365))?;
    if from > to {
        return Err(ApiError::invalid_field("from", "must not be after to"));
    }
    let figures =
        domain::voice::metrics::compute(&state.db, cid, start(from), start(to) + Duration::days(1)).await?;
    Ok(HttpResponse::Ok().json(VoiceMetricsResponse {
        from: from.to_string(),
        to: to.to_string(),
        reports: figures
            .reports
            .into_iter()
            .map(|r| ReportCountResponse {
                supplier_id: r.supplier_id,
                category: r.category,
                month: r.month,
                count: r.count,
            })
            .collect(),
        total_reports: figures.total_reports,
        responded: figures.responded,
        median_hours_to_first_response: figures.median_hours_to_first_response,
        mean_hours_to_first_response: figures.mean_hours_to_first_response,
        open_unanswered: figures.open_unanswered,
        open_urgent: figures.open_urgent,
        promise_days: figures.promise_days,
        promise_due: figures.promise_due,
        answered_within_promise: figures.answered_within_promise,
        share_within_promise: figures.share_within_promise,
    }))
}
