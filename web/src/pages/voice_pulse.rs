//! The worker pulse's public page, `/v/{token}/pulse`: five questions with
//! radio buttons, answered anonymously like a report (no login, no cookie, the
//! same throttle). A missing answer shows the form again with the message next
//! to the question and stores nothing.

use actix_web::{HttpRequest, HttpResponse, get, http::StatusCode, post, web};
use askama::Template;
use domain::{
    DomainError,
    voice::{
        channels,
        i18n::VoiceTr,
        pulse::{
            self, Question,
            answer::{PulseAnswers, PulseForm},
        },
    },
};
use serde::Deserialize;

use super::voice::{client, failure, html, languages, message, words};
use crate::state::PortalState;

/// A question on the page: key, words, options `(value, words, checked)`, refused.
pub struct QuestionView {
    key: &'static str,
    label: String,
    options: Vec<(&'static str, String, bool)>,
    error: bool,
}

/// The form.
#[derive(Template)]
#[template(path = "voice/pulse.html")]
struct PulsePage {
    w: VoiceTr,
    languages: Vec<super::voice::LanguageLink>,
    here: String,
    action: String,
    site: String,
    questions: Vec<QuestionView>,
}

/// After the answers were stored.
#[derive(Template)]
#[template(path = "voice/pulse_thanks.html")]
struct ThanksPage {
    w: VoiceTr,
    languages: Vec<super::voice::LanguageLink>,
    here: String,
    report_path: String,
}

/// The page's answers as posted.
#[derive(Debug, Default, Deserialize)]
pub struct PulseFields {
    lang: Option<String>,
    paid_fee: Option<String>,
    fee_amount: Option<String>,
    passport_holder: Option<String>,
    dormitory_free: Option<String>,
    contract_matches: Option<String>,
}

impl PulseFields {
    fn form(&self) -> PulseForm {
        PulseForm {
            paid_fee: self.paid_fee.clone(),
            fee_amount: self.fee_amount.clone(),
            passport_holder: self.passport_holder.clone(),
            dormitory_free: self.dormitory_free.clone(),
            contract_matches: self.contract_matches.clone(),
        }
    }

    fn chosen(&self, question: &str) -> Option<&str> {
        match question {
            "paid_fee" => self.paid_fee.as_deref(),
            "fee_amount" => self.fee_amount.as_deref(),
            "passport_holder" => self.passport_holder.as_deref(),
            "dormitory_free" => self.dormitory_free.as_deref(),
            _ => self.contract_matches.as_deref(),
        }
    }
}

fn path(token: &str) -> String {
    format!("{}/pulse", channels::path(token))
}

fn page(
    w: VoiceTr,
    token: &str,
    channel: &domain::entities::voice_channel::Model,
    site: String,
    sent: Option<(&PulseFields, &[domain::error::FieldError])>,
) -> PulsePage {
    let here = path(token);
    PulsePage {
        w,
        languages: languages(w, &channels::locales(channel)),
        action: format!("{here}?lang={}", w.code),
        here,
        site,
        questions: pulse::QUESTIONS
            .into_iter()
            .map(|q| QuestionView {
                key: q.key,
                label: w.get(&q.label_key()),
                options: q
                    .options
                    .iter()
                    .map(|o| {
                        let checked = sent.is_some_and(|(f, _)| f.chosen(q.key) == Some(*o));
                        (*o, w.get(&Question::option_key(o)), checked)
                    })
                    .collect(),
                error: sent.is_some_and(|(_, errors)| errors.iter().any(|e| e.field == q.key)),
            })
            .collect(),
    }
}

/// `?lang=`.
#[derive(Debug, Deserialize)]
pub struct LangQuery {
    lang: Option<String>,
}

/// `GET /v/{token}/pulse`: the five questions.
#[get("/v/{token}/pulse")]
pub async fn show(
    state: web::Data<PortalState>,
    req: HttpRequest,
    token: web::Path<String>,
    query: web::Query<LangQuery>,
) -> HttpResponse {
    let w = words(&req, query.lang.as_deref());
    match channels::by_token(&state.db, &token).await {
        Ok((channel, supplier)) => html(StatusCode::OK, &page(w, &token, &channel, supplier.name, None)),
        Err(error) => failure(w, &path(&token), error),
    }
}

/// `POST /v/{token}/pulse`: stores the answers and thanks the worker, or shows
/// the form again with the unanswered questions marked.
#[post("/v/{token}/pulse")]
pub async fn answer(
    state: web::Data<PortalState>,
    req: HttpRequest,
    token: web::Path<String>,
    query: web::Query<LangQuery>,
    body: web::Bytes,
) -> HttpResponse {
    let fields: PulseFields = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let w = words(&req, fields.lang.as_deref().or(query.lang.as_deref()));
    let here = path(&token);
    let Some(voice) = state.voice.clone() else {
        return message(w, &here, StatusCode::SERVICE_UNAVAILABLE, "voice-unavailable");
    };
    if voice.reports.attempt(&client(&req)).is_some() {
        return message(w, &here, StatusCode::TOO_MANY_REQUESTS, "voice-too-many");
    }
    let (channel, supplier) = match channels::by_token(&state.db, &token).await {
        Ok(found) => found,
        Err(error) => return failure(w, &here, error),
    };
    let answers = match PulseAnswers::parse(&fields.form()) {
        Ok(answers) => answers,
        Err(DomainError::Invalid(errors)) => {
            let again = page(w, &token, &channel, supplier.name, Some((&fields, &errors)));
            return html(StatusCode::UNPROCESSABLE_ENTITY, &again);
        }
        Err(other) => return failure(w, &here, other),
    };
    match pulse::answer::file(&state.db, &token, answers).await {
        Ok(()) => html(
            StatusCode::OK,
            &ThanksPage {
                w,
                languages: languages(w, &channels::locales(&channel)),
                here,
                report_path: channels::path(&token),
            },
        ),
        Err(error) => failure(w, &here, error),
    }
}
