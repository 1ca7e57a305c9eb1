//! The worker pulse over the API: a worker answers the five questions through
//! the channel's public token (no login, the same anonymous throttle as reports),
//! and the company's staff read the counts — only from five answers on; below
//! that the answer holds no number at all.

use actix_web::{HttpRequest, HttpResponse, get, post, web};
use domain::voice::{
    i18n::VoiceTr,
    pulse::{
        self, Question,
        aggregate::{self, Tally},
        answer::{PulseAnswers, PulseForm},
    },
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    extract::JsonBody,
    state::ApiState,
};

/// A pulse question as the public form shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PulseQuestion {
    /// The field to send.
    pub key: String,
    /// The question in the chosen language.
    pub label: String,
    /// The options: `(value, label)`.
    pub options: Vec<PulseOption>,
}

/// One option of a pulse question.
#[derive(Debug, Serialize, ToSchema)]
pub struct PulseOption {
    /// The value to send.
    pub value: String,
    /// Its words in the chosen language.
    pub label: String,
}

/// The five questions in `words`' language.
pub fn questions(words: VoiceTr) -> Vec<PulseQuestion> {
    pulse::QUESTIONS
        .into_iter()
        .map(|q| PulseQuestion {
            key: q.key.to_string(),
            label: words.get(&q.label_key()),
            options: q
                .options
                .iter()
                .map(|o| PulseOption {
                    value: (*o).to_string(),
                    label: words.get(&Question::option_key(o)),
                })
                .collect(),
        })
        .collect()
}

/// A worker's answers: one option value per question (`GET /voice/{token}`
/// lists them under `pulse`).
#[derive(Debug, Deserialize, ToSchema)]
pub struct PulseRequest {
    /// `yes` or `no`.
    pub paid_fee: Option<String>,
    /// `nothing`, `under_one_month`, `one_to_three_months` or `over_three_months`.
    pub fee_amount: Option<String>,
    /// `me`, `employer`, `agent`, `someone_else` or `no_passport`.
    pub passport_holder: Option<String>,
    /// `yes`, `no` or `no_dormitory`.
    pub dormitory_free: Option<String>,
    /// `yes` or `no`.
    pub contract_matches: Option<String>,
}

/// What the worker is told: nothing but that it was received.
#[derive(Debug, Serialize, ToSchema)]
pub struct PulseReceipt {
    /// `received`.
    pub status: String,
}

/// Answers the pulse (no login). Throttled per client like reports, without
/// keeping the address; nothing that identifies the worker is stored.
#[utoipa::path(
    tag = "worker voice (public)",
    params(("token" = String, Path, description = "The channel's public token")),
    request_body = PulseRequest,
    responses((status = 201, body = PulseReceipt), (status = 404, body = Problem), (status = 422, body = Problem), (status = 429, body = Problem))
)]
// `POST /api/v1/voice/{token}/pulse` (the path below is relative to its scope).
#[post("/{token}/pulse")]
pub async fn answer_pulse(
    state: web::Data<ApiState>,
    req: HttpRequest,
    token: web::Path<String>,
    body: JsonBody<PulseRequest>,
) -> ApiResult<HttpResponse> {
    let client = req.peer_addr().map(|a| a.ip().to_string()).unwrap_or_default();
    if let Some(wait) = state.voice.reports.attempt(&client) {
        return Err(ApiError::TooManyRequests(wait));
    }
    let body = body.0;
    let answers = PulseAnswers::parse(&PulseForm {
        paid_fee: body.paid_fee,
        fee_amount: body.fee_amount,
        passport_holder: body.passport_holder,
        dormitory_free: body.dormitory_free,
        contract_matches: body.contract_matches,
    })?;
    pulse::answer::file(&state.db, &token, answers).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Cache-Control", "no-store"))
        .json(PulseReceipt {
            status: "received".into(),
        }))
}

/// How many chose one option.
#[derive(Debug, Serialize, ToSchema)]
pub struct PulseCount {
    /// The option value.
    pub option: String,
    /// How many chose it.
    pub count: u64,
}

/// One question's counts.
#[derive(Debug, Serialize, ToSchema)]
pub struct PulseQuestionCounts {
    /// The question key.
    pub question: String,
    /// Every option with its count.
    pub options: Vec<PulseCount>,
}

/// A channel's pulse. Below five answers `shown` is false and there is no
/// number at all: neither counts nor how many answered.
#[derive(Debug, Serialize, ToSchema)]
pub struct PulseResponse {
    /// The channel.
    pub channel_id: Uuid,
    /// The supplier site.
    pub supplier_id: Uuid,
    /// Whether there are enough answers to show.
    pub shown: bool,
    /// Why nothing is shown, when it is not.
    pub message: Option<String>,
    /// Sets of answers (only when shown).
    pub answers: Option<u64>,
    /// Per question (empty unless shown).
    pub questions: Vec<PulseQuestionCounts>,
}

fn counts(tally: Tally) -> Vec<PulseQuestionCounts> {
    tally
        .questions
        .into_iter()
        .map(|q| PulseQuestionCounts {
            question: q.question.to_string(),
            options: q
                .options
                .into_iter()
                .map(|o| PulseCount {
                    option: o.option.to_string(),
                    count: o.count,
                })
                .collect(),
        })
        .collect()
}

/// A channel's pulse counts (admins, officers, advisors; 404 for anyone else,
/// the supplier's users included).
#[utoipa::path(
    tag = "worker voice",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Channel id")),
    responses((status = 200, body = PulseResponse), (status = 404, body = Problem))
)]
// `GET /api/v1/voice/channels/{id}/pulse` (the path below is relative to its scope).
#[get("/channels/{id}/pulse")]
pub async fn channel_pulse(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let pulse = aggregate::of_channel(&state.db, &caller.0, id.into_inner()).await?;
    let shown = pulse.tally.is_some();
    Ok(HttpResponse::Ok().json(PulseResponse {
        channel_id: pulse.channel.id,
        supplier_id: pulse.channel.supplier_id,
        shown,
        message: (!shown).then(|| aggregate::NOT_ENOUGH.to_string()),
        answers: pulse.tally.as_ref().map(|t| t.answers),
        questions: pulse.tally.map(counts).unwrap_or_default(),
    }))
}
