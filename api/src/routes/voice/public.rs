//! The public door: no login, no cookie, nothing about the client kept. The
//! client address is only counted by the anonymous throttle
//! (`domain::voice::throttle`), never stored or logged.

use actix_web::{HttpRequest, HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use domain::voice::{
    Category, channels,
    i18n::VoiceTr,
    submit::{self, NewReport, ReportForm},
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::ReferralResponse;
use crate::{
    error::{ApiError, ApiResult, Problem},
    extract::JsonBody,
    state::ApiState,
};

/// Only the throttle sees this, as a salted hash.
fn client(req: &HttpRequest) -> String {
    req.peer_addr().map(|a| a.ip().to_string()).unwrap_or_default()
}

/// The language to answer in.
#[derive(Debug, Deserialize, IntoParams)]
pub struct LangQuery {
    /// A language code with a `voice.ftl` (default: `Accept-Language`, else `en`).
    pub lang: Option<String>,
}

fn language(req: &HttpRequest, lang: Option<&str>) -> VoiceTr {
    let accept_language = req
        .headers()
        .get(actix_web::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    VoiceTr::negotiate(lang, accept_language)
}

/// A category offered on the form.
#[derive(Debug, Serialize, ToSchema)]
pub struct CategoryOption {
    /// The key to send.
    pub key: String,
    /// Its label in the chosen language.
    pub label: String,
    /// Urgent categories alert the company at once.
    pub urgent: bool,
}

/// What the public form needs.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChannelInfo {
    /// The workplace's name.
    pub site: String,
    /// The languages the channel offers.
    pub locales: Vec<String>,
    /// The language of the labels.
    pub language: String,
    /// The categories.
    pub categories: Vec<CategoryOption>,
    /// The worker pulse's five questions (`POST /voice/{token}/pulse`).
    pub pulse: Vec<super::pulse::PulseQuestion>,
}

/// The public form's data for a channel (no login).
#[utoipa::path(
    tag = "worker voice (public)",
    params(("token" = String, Path, description = "The channel's public token"), LangQuery),
    responses((status = 200, body = ChannelInfo), (status = 404, body = Problem))
)]
// `GET /api/v1/voice/{token}` (the path below is relative to its scope).
#[get("/{token}")]
pub async fn channel_info(
    state: web::Data<ApiState>,
    req: HttpRequest,
    token: web::Path<String>,
    query: web::Query<LangQuery>,
) -> ApiResult<HttpResponse> {
    let (channel, supplier) = channels::by_token(&state.db, &token).await?;
    let words = language(&req, query.lang.as_deref());
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(ChannelInfo {
            site: supplier.name,
            locales: channels::locales(&channel),
            language: words.code.to_string(),
            categories: Category::ALL
                .into_iter()
                .map(|c| CategoryOption {
                    key: c.key().to_string(),
                    label: words.get(&format!("cat-{}", c.key())),
                    urgent: c.urgent(),
                })
                .collect(),
            pulse: super::pulse::questions(words),
        }))
}

/// A worker's report.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ReportRequest {
    /// A category key (`GET /voice/{token}` lists them).
    pub category: String,
    /// What happened (at most 5000 characters).
    pub description: String,
    /// How to reach the reporter, only if they want (at most 300 characters).
    pub contact: Option<String>,
    /// The language they wrote in.
    pub locale: Option<String>,
    /// Their nationality (ISO 3166-1 alpha-2), only if they want their own
    /// country's services (embassy, labour attaché, hotline) shown.
    pub nationality: Option<String>,
}

/// What the reporter keeps.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReportReceipt {
    /// The case code.
    pub case_code: String,
    /// The secret, shown this once (only its hash is kept).
    pub secret: String,
    /// `new`.
    pub status: String,
    /// Whether the company was alerted at once.
    pub urgent: bool,
    /// Help the reporter can contact, for the site's country.
    pub referrals: Vec<ReferralResponse>,
    /// The company promises a first answer within this many days (`null`: no promise).
    pub response_promise_days: Option<u32>,
}

/// Reports a problem (no login). Throttled per client without keeping the
/// address: a burst gets `429`.
#[utoipa::path(
    tag = "worker voice (public)",
    params(("token" = String, Path, description = "The channel's public token")),
    request_body = ReportRequest,
    responses((status = 201, body = ReportReceipt), (status = 404, body = Problem), (status = 422, body = Problem), (status = 429, body = Problem))
)]
// `POST /api/v1/voice/{token}/reports` (the path below is relative to its scope).
#[post("/{token}/reports")]
pub async fn submit_report(
    state: web::Data<ApiState>,
    req: HttpRequest,
    token: web::Path<String>,
    body: JsonBody<ReportRequest>,
) -> ApiResult<HttpResponse> {
    if let Some(wait) = state.voice.reports.attempt(&client(&req)) {
        return Err(ApiError::TooManyRequests(wait));
    }
    let body = body.0;
    let report = NewReport::parse(ReportForm {
        category: body.category,
        description: body.description,
        contact: body.contact,
        locale: body.locale.unwrap_or_else(|| "en".into()),
        nationality: body.nationality,
    })?;
    let receipt = submit::file(
        &state.db,
        &state.voice.key,
        &token,
        report,
        &state.config.public_url,
    )
    .await?;
    Ok(HttpResponse::Created()
        .insert_header(("Cache-Control", "no-store"))
        .json(ReportReceipt {
            case_code: receipt.case.code,
            secret: receipt.secret,
            status: receipt.case.status,
            urgent: receipt.case.urgent,
            referrals: receipt
                .referrals
                .into_iter()
                .map(ReferralResponse::from)
                .collect(),
            response_promise_days: receipt.promise_days,
        }))
}

/// A case code and its secret.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CheckRequest {
    /// The case code.
    pub case_code: String,
    /// The secret.
    pub secret: String,
}

/// A reply to the reporter.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReplyView {
    /// The text.
    pub body: String,
    /// When it was written.
    pub created_at: DateTime<Utc>,
}

/// What the reporter sees of their case.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReporterCase {
    /// The case code.
    pub case_code: String,
    /// The case's status.
    pub status: String,
    /// The category.
    pub category: String,
    /// When it was reported.
    pub created_at: DateTime<Utc>,
    /// Replies, oldest first.
    pub replies: Vec<ReplyView>,
    /// Help the reporter can contact.
    pub referrals: Vec<ReferralResponse>,
    /// The company promises a first answer within this many days (`null`: no promise).
    pub response_promise_days: Option<u32>,
}

/// The reporter reads their case and the replies (no login; the secret goes in
/// the body, never in a URL). A wrong code or secret is `404` either way.
#[utoipa::path(
    tag = "worker voice (public)",
    request_body = CheckRequest,
    responses((status = 200, body = ReporterCase), (status = 404, body = Problem), (status = 429, body = Problem))
)]
// `POST /api/v1/voice/check` (the path below is relative to its scope).
#[post("/check")]
pub async fn check_case(
    state: web::Data<ApiState>,
    req: HttpRequest,
    body: JsonBody<CheckRequest>,
) -> ApiResult<HttpResponse> {
    if let Some(wait) = state.voice.checks.attempt(&client(&req)) {
        return Err(ApiError::TooManyRequests(wait));
    }
    let view = submit::check(&state.db, &state.voice.key, &body.0.case_code, &body.0.secret).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(ReporterCase {
            case_code: view.case.code,
            status: view.case.status,
            category: view.case.category,
            created_at: view.case.created_at,
            replies: view
                .replies
                .into_iter()
                .map(|(created_at, body)| ReplyView { body, created_at })
                .collect(),
            referrals: view.referrals.into_iter().map(ReferralResponse::from).collect(),
            response_promise_days: view.promise_days,
        }))
}
