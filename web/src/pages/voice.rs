//! The public worker-voice pages: report a problem at `/v/{token}`, check a case
//! at `/v/check`. No login, no JavaScript needed, and no cookie of any kind (so no
//! CSRF cookie either: these forms carry no ambient authority to forge, and the
//! anonymous throttle bounds abuse). The language comes from `?lang=` (or the
//! form's `lang`), else `Accept-Language`; the words from `voice.ftl`.

use actix_web::{HttpRequest, HttpResponse, get, http::StatusCode, post, web};
use askama::Template;
use domain::{
    DomainError,
    entities::referral_service,
    voice::{
        Category, channels,
        i18n::{self, VoiceTr},
        submit::{self, NewReport, ReportForm},
    },
};
use serde::Deserialize;

use crate::state::PortalState;

/// The check page's path.
pub const CHECK: &str = "/v/check";

/// A referral service as the page shows it.
pub struct ReferralView {
    name: String,
    kind_key: String,
    description: String,
    phone: Option<String>,
    email: Option<String>,
    url: Option<String>,
    languages: String,
    example: bool,
    /// Serves nationals of given countries (an embassy, a home-country hotline).
    origin: bool,
}

fn referral_views(rows: Vec<referral_service::Model>) -> Vec<ReferralView> {
    rows.into_iter()
        .map(|r| ReferralView {
            kind_key: format!("kind-{}", r.kind),
            name: r.name,
            description: r.description,
            phone: r.phone,
            email: r.email,
            url: r.url,
            languages: r.languages.replace(',', ", "),
            example: r.example,
            origin: !r.serves_nationals.is_empty(),
        })
        .collect()
}

/// A language link: (code, its name in itself, its direction, whether current).
/// The link carries its own `lang` and `dir`, so an Arabic name reads right to
/// left on an English page and a screen reader says each name in its language.
pub(crate) type LanguageLink = (String, String, &'static str, bool);

/// The language links of the languages offered (all when `offered` is empty).
pub(crate) fn languages(w: VoiceTr, offered: &[String]) -> Vec<LanguageLink> {
    i18n::codes()
        .into_iter()
        .filter(|code| offered.is_empty() || offered.iter().any(|o| o == code))
        .map(|code| {
            let own = VoiceTr::new(code);
            (
                code.to_string(),
                own.language_name(),
                own.direction(),
                code == w.code,
            )
        })
        .collect()
}

pub(crate) fn words(req: &HttpRequest, lang: Option<&str>) -> VoiceTr {
    let accept_language = req
        .headers()
        .get(actix_web::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    VoiceTr::negotiate(lang, accept_language)
}

/// Only the throttle sees this, as a salted hash.
pub(crate) fn client(req: &HttpRequest) -> String {
    req.peer_addr().map(|a| a.ip().to_string()).unwrap_or_default()
}

pub(crate) fn html(status: StatusCode, page: &impl Template) -> HttpResponse {
    match page.render() {
        Ok(body) => HttpResponse::build(status)
            .content_type("text/html; charset=utf-8")
            .insert_header(("Cache-Control", "no-store"))
            .body(body),
        Err(error) => {
            tracing::error!(%error, "voice template failed");
            HttpResponse::InternalServerError()
                .content_type("text/plain; charset=utf-8")
                .body("error")
        }
    }
}

/// A page that only says something (not found, too many attempts, failure).
#[derive(Template)]
#[template(path = "voice/message.html")]
struct MessagePage {
    w: VoiceTr,
    languages: Vec<LanguageLink>,
    here: String,
    key: String,
}

pub(crate) fn message(w: VoiceTr, here: &str, status: StatusCode, key: &str) -> HttpResponse {
    html(
        status,
        &MessagePage {
            w,
            languages: languages(w, &[]),
            here: here.to_string(),
            key: key.to_string(),
        },
    )
}

pub(crate) fn failure(w: VoiceTr, here: &str, error: DomainError) -> HttpResponse {
    match error {
        DomainError::NotFound(_) => message(w, here, StatusCode::NOT_FOUND, "voice-not-found"),
        other => {
            tracing::error!(error = %other, "worker voice page failed");
            message(w, here, StatusCode::INTERNAL_SERVER_ERROR, "voice-unavailable")
        }
    }
}

/// The report form.
#[derive(Template)]
#[template(path = "voice/report.html")]
struct ReportPage {
    w: VoiceTr,
    languages: Vec<LanguageLink>,
    here: String,
    action: String,
    check_path: &'static str,
    site: String,
    categories: Vec<(String, String, bool)>,
    description: String,
    contact: String,
    category_error: bool,
    text_error: bool,
    contact_error: bool,
    /// `(code, name, chosen)` for the optional nationality.
    nationalities: Vec<(&'static str, String, bool)>,
    nationality_error: bool,
}

/// `?lang=`.
#[derive(Debug, Deserialize)]
pub struct LangQuery {
    lang: Option<String>,
}

fn report_page(
    w: VoiceTr,
    token: &str,
    channel: &domain::entities::voice_channel::Model,
    site: String,
    form: Option<(&ReportFields, &[domain::error::FieldError])>,
) -> ReportPage {
    let here = channels::path(token);
    let chosen = form.and_then(|(f, _)| f.category.clone()).unwrap_or_default();
    let has = |field: &str| form.is_some_and(|(_, errors)| errors.iter().any(|e| e.field == field));
    ReportPage {
        w,
        languages: languages(w, &channels::locales(channel)),
        action: format!("{here}?lang={}", w.code),
        here,
        check_path: CHECK,
        site,
        categories: Category::ALL
            .into_iter()
            .map(|c| {
                (
                    c.key().to_string(),
                    w.get(&format!("cat-{}", c.key())),
                    c.key() == chosen,
                )
            })
            .collect(),
        description: form.and_then(|(f, _)| f.description.clone()).unwrap_or_default(),
        contact: form.and_then(|(f, _)| f.contact.clone()).unwrap_or_default(),
        category_error: has("category"),
        text_error: has("description"),
        contact_error: has("contact"),
        nationalities: {
            let chosen = form.and_then(|(f, _)| f.nationality.clone()).unwrap_or_default();
            let locale = domain::values::Locale::parse(w.code).unwrap_or(domain::values::Locale::En);
            let mut all: Vec<(&'static str, String, bool)> =
                domain::reference::country_names::country_codes()
                    .map(|code| {
                        let name =
                            domain::reference::country_names::country_name(code, locale).unwrap_or(code);
                        (code, name.to_string(), code == chosen)
                    })
                    .collect();
            all.sort_by(|a, b| a.1.cmp(&b.1));
            all
        },
        nationality_error: has("nationality"),
    }
}

/// `GET /v/{token}`: the report form.
#[get("/v/{token}")]
pub async fn show(
    state: web::Data<PortalState>,
    req: HttpRequest,
    token: web::Path<String>,
    query: web::Query<LangQuery>,
) -> HttpResponse {
    let w = words(&req, query.lang.as_deref());
    let here = channels::path(&token);
    match channels::by_token(&state.db, &token).await {
        Ok((channel, supplier)) => html(
            StatusCode::OK,
            &report_page(w, &token, &channel, supplier.name, None),
        ),
        Err(error) => failure(w, &here, error),
    }
}

/// The report form's fields.
#[derive(Debug, Default, Deserialize)]
pub struct ReportFields {
    lang: Option<String>,
    category: Option<String>,
    description: Option<String>,
    contact: Option<String>,
    nationality: Option<String>,
}

/// The receipt: case code, secret, referral services.
#[derive(Template)]
#[template(path = "voice/receipt.html")]
struct ReceiptPage {
    w: VoiceTr,
    languages: Vec<LanguageLink>,
    here: String,
    check_path: &'static str,
    code: String,
    secret: String,
    referrals: Vec<ReferralView>,
    promise: Option<u32>,
}

/// `POST /v/{token}`: files the report, or shows the form again with messages.
#[post("/v/{token}")]
pub async fn file_report(
    state: web::Data<PortalState>,
    req: HttpRequest,
    token: web::Path<String>,
    query: web::Query<LangQuery>,
    body: web::Bytes,
) -> HttpResponse {
    let fields: ReportFields = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let w = words(&req, fields.lang.as_deref().or(query.lang.as_deref()));
    let here = channels::path(&token);
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
    let report = NewReport::parse(ReportForm {
        category: fields.category.clone().unwrap_or_default(),
        description: fields.description.clone().unwrap_or_default(),
        contact: fields.contact.clone(),
        locale: w.code.to_string(),
        nationality: fields.nationality.clone(),
    });
    let report = match report {
        Ok(report) => report,
        Err(DomainError::Invalid(errors)) => {
            let page = report_page(w, &token, &channel, supplier.name, Some((&fields, &errors)));
            return html(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
        Err(other) => return failure(w, &here, other),
    };
    let filed = submit::file(&state.db, &voice.key, &token, report, &state.config.public_url).await;
    match filed {
        Ok(receipt) => html(
            StatusCode::OK,
            &ReceiptPage {
                w,
                languages: languages(w, &channels::locales(&channel)),
                here,
                check_path: CHECK,
                code: receipt.case.code,
                secret: receipt.secret,
                referrals: referral_views(receipt.referrals),
                promise: receipt.promise_days,
            },
        ),
        Err(error) => failure(w, &here, error),
    }
}

/// What the reporter sees of their case.
pub struct CaseView {
    code: String,
    status: String,
    reported_on: String,
    replies: Vec<(String, String)>,
}

/// The check form, or the case.
#[derive(Template)]
#[template(path = "voice/check.html")]
struct CheckPage {
    w: VoiceTr,
    languages: Vec<LanguageLink>,
    here: String,
    check_path: &'static str,
    case: Option<CaseView>,
    code: String,
    not_found: bool,
    referrals: Vec<ReferralView>,
    promise: Option<u32>,
}

fn check_page(w: VoiceTr) -> CheckPage {
    CheckPage {
        w,
        languages: languages(w, &[]),
        here: CHECK.to_string(),
        check_path: CHECK,
        case: None,
        code: String::new(),
        not_found: false,
        referrals: Vec::new(),
        promise: None,
    }
}

/// `GET /v/check`: the form for the case code and secret.
#[get("/v/check")]
pub async fn check_form(req: HttpRequest, query: web::Query<LangQuery>) -> HttpResponse {
    html(StatusCode::OK, &check_page(words(&req, query.lang.as_deref())))
}

/// The check form's fields.
#[derive(Debug, Default, Deserialize)]
pub struct CheckFields {
    lang: Option<String>,
    code: Option<String>,
    secret: Option<String>,
}

/// `POST /v/check`: shows the case's status and replies (the secret travels in
/// the body, never in a URL).
#[post("/v/check")]
pub async fn check(state: web::Data<PortalState>, req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let fields: CheckFields = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let w = words(&req, fields.lang.as_deref());
    let Some(voice) = state.voice.clone() else {
        return message(w, CHECK, StatusCode::SERVICE_UNAVAILABLE, "voice-unavailable");
    };
    if voice.checks.attempt(&client(&req)).is_some() {
        return message(w, CHECK, StatusCode::TOO_MANY_REQUESTS, "voice-too-many");
    }
    let code = fields.code.unwrap_or_default();
    let secret = fields.secret.unwrap_or_default();
    match submit::check(&state.db, &voice.key, &code, &secret).await {
        Ok(view) => {
            let page = CheckPage {
                case: Some(CaseView {
                    code: view.case.code,
                    status: w.get(&format!("voice-status-{}", view.case.status)),
                    reported_on: view.case.created_at.format("%Y-%m-%d").to_string(),
                    replies: view
                        .replies
                        .into_iter()
                        .map(|(when, text)| (when.format("%Y-%m-%d %H:%M UTC").to_string(), text))
                        .collect(),
                }),
                referrals: referral_views(view.referrals),
                promise: view.promise_days,
                ..check_page(w)
            };
            html(StatusCode::OK, &page)
        }
        Err(DomainError::NotFound(_)) => {
            let page = CheckPage {
                code,
                not_found: true,
                ..check_page(w)
            };
            html(StatusCode::NOT_FOUND, &page)
        }
        Err(other) => failure(w, CHECK, other),
    }
}
