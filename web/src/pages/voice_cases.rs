//! Worker-voice cases in the portal, for the company's admins, officers and
//! advisors: the list (`/companies/{cid}/voice`), one case with the worker's
//! words (`/voice/cases/{id}`, the link of the urgent-report email), and the forms
//! to reply or note and to change the status. Anyone else gets the 404 page.

use std::collections::BTreeMap;

use actix_web::{HttpResponse, get, http::StatusCode, post, web};
use askama::Template;
use domain::transaction::BeginWrite as _;
use domain::{
    error::DomainError,
    listing::Window,
    voice::{
        case_referrals, cases,
        i18n::VoiceTr,
        staff::{self, CaseFilter},
        status,
    },
};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    context::{Layout, Member},
    error::{ErrorKind, OrPage, PortalError},
    form::CsrfForm,
    pages::see_other,
    state::PortalState,
};

/// How many cases the list shows, newest first.
const NEWEST_CASES: u64 = 200;

/// A row of the list.
pub struct CaseRow {
    id: Uuid,
    code: String,
    category: String,
    status: String,
    urgent: bool,
    reported: String,
}

/// A language channels can offer, with its translation status, so the staff
/// who choose a channel's languages (and print its posters) see which are
/// machine drafts no native speaker has checked.
pub struct LanguageRow {
    code: &'static str,
    name: String,
    dir: &'static str,
    /// The portal message naming how the words were made.
    method_key: String,
    /// The portal message saying whether a native speaker reviewed them.
    review_key: String,
}

fn language_rows() -> Vec<LanguageRow> {
    domain::voice::i18n::codes()
        .into_iter()
        .map(|code| {
            let words = VoiceTr::new(code);
            let translation = words.translation();
            LanguageRow {
                code: words.code,
                name: words.language_name(),
                dir: words.direction(),
                method_key: format!("voice-translation-{}", translation.method.key()),
                review_key: format!("voice-review-{}", translation.reviewed.key()),
            }
        })
        .collect()
}

/// The list page, with the dashboard figures of the last 12 months.
#[derive(Template)]
#[template(path = "voice_cases.html")]
pub struct CasesPage {
    l: Layout,
    cases: Vec<CaseRow>,
    open_urgent: u64,
    total: u64,
    median_hours: String,
    by_category: Vec<(String, u64)>,
    languages: Vec<LanguageRow>,
    /// Each site's pulse page: (site name, channel id).
    pulse_sites: Vec<(String, Uuid)>,
    company_id: Uuid,
    /// The response-time promise in days, as the form shows it.
    promise_days: String,
    /// Share of cases first answered within the promise, e.g. `75%` (`—`: none due).
    within_promise: String,
    /// Admins see the form to set the promise.
    can_set_promise: bool,
    /// Why the typed promise was refused, beside it.
    promise_error: Option<String>,
}

/// `GET /companies/{cid}/voice`: the newest 200 cases.
#[get("/companies/{cid}/voice")]
pub async fn list(
    state: web::Data<PortalState>,
    member: Member,
    cid: web::Path<Uuid>,
) -> Result<HttpResponse, PortalError> {
    cases_page(&state, &member, *cid, None).await
}

/// The list page; `promise_error` shows a refused promise's reason beside it.
pub(crate) async fn cases_page(
    state: &PortalState,
    member: &Member,
    cid: Uuid,
    promise_error: Option<(String, String)>,
) -> Result<HttpResponse, PortalError> {
    let cid = &cid;
    let t = member.t();
    cases::require_staff(&member.caller, *cid).map_err(|_| member.fail(ErrorKind::NotFound))?;
    let w = VoiceTr::new(t.locale.code());
    let (rows, _) = staff::cases_of(
        &state.db,
        &member.caller,
        *cid,
        CaseFilter::default(),
        Window::first(NEWEST_CASES),
    )
    .await
    .or_page(t)?;
    let now = chrono::Utc::now();
    let figures = domain::voice::metrics::compute(&state.db, *cid, now - chrono::Duration::days(365), now)
        .await
        .map_err(|e| PortalError::from_domain(e, t))?;
    let mut by_category: Vec<(String, u64)> = Vec::new();
    for category in domain::voice::Category::ALL {
        let n: u64 = figures
            .reports
            .iter()
            .filter(|r| r.category == category.key())
            .map(|r| r.count)
            .sum();
        if n > 0 {
            by_category.push((w.get(&format!("cat-{}", category.key())), n));
        }
    }
    let (channels, _) = staff::channels_of(&state.db, &member.caller, *cid, Window::first(NEWEST_CASES))
        .await
        .or_page(t)?;
    let mut pulse_sites = Vec::with_capacity(channels.len());
    for channel in channels {
        let name = staff::channel_site_name(&state.db, &channel).await.or_page(t)?;
        pulse_sites.push((name, channel.id));
    }
    let can_set_promise = member
        .caller
        .company_role(*cid)
        .is_ok_and(|r| r == domain::values::Role::Admin)
        && !member.caller.read_only;
    let (typed, promise_error) = match promise_error {
        Some((typed, error)) => (Some(typed), Some(error)),
        None => (None, None),
    };
    let page = CasesPage {
        l: member.layout(),
        pulse_sites,
        company_id: *cid,
        promise_days: typed
            .unwrap_or_else(|| figures.promise_days.map(|d| d.to_string()).unwrap_or_default()),
        within_promise: figures
            .share_within_promise
            .map_or_else(|| "—".to_string(), |s| format!("{:.0}%", s * 100.0)),
        can_set_promise,
        promise_error,
        open_urgent: figures.open_urgent,
        total: figures.total_reports,
        median_hours: figures
            .median_hours_to_first_response
            .map_or_else(|| "—".to_string(), |h| format!("{h:.1}")),
        by_category,
        languages: language_rows(),
        cases: rows
            .into_iter()
            .map(|c| CaseRow {
                id: c.id,
                code: c.code,
                category: w.get(&format!("cat-{}", c.category)),
                status: w.get(&format!("voice-status-{}", c.status)),
                urgent: c.urgent,
                reported: c.created_at.format("%Y-%m-%d %H:%M").to_string(),
            })
            .collect(),
    };
    member.render(&page)
}

/// One case.
#[derive(Template)]
#[template(path = "voice_case.html")]
pub struct CasePage {
    l: Layout,
    id: Uuid,
    back: String,
    supplier_name: String,
    code: String,
    urgent: bool,
    category: String,
    status: String,
    reported: String,
    locale: String,
    description: String,
    contact: Option<String>,
    messages: Vec<(String, String, String)>,
    can_handle: bool,
    statuses: Vec<(String, String, bool)>,
    /// What a refused form got wrong, beside its fields.
    errors: CaseErrors,
    /// The referrals recorded on the case, oldest first.
    referrals: Vec<ReferralRow>,
    /// The company's directory, for the referral form: (id, label).
    services: Vec<(Uuid, String)>,
    /// How a worker may consent: (value, label).
    consent_methods: Vec<(&'static str, String)>,
    /// What became of a referral: (value, label).
    outcomes: Vec<(&'static str, String)>,
}

/// What a refused form on the case page got wrong, by field, in the visitor's
/// words; nothing was stored.
#[derive(Default)]
pub struct CaseErrors {
    /// The reply or note's text.
    pub body: Option<String>,
    /// The referral form's fields (`service_id`, `consent_given`, `consent_method`).
    pub referral: BTreeMap<String, String>,
    /// An outcome form: the referral and why its note or outcome was refused.
    pub outcome: Option<(Uuid, String)>,
}

/// A referral as the case page shows it.
pub struct ReferralRow {
    id: Uuid,
    service: String,
    consent: String,
    outcome: Option<String>,
    note: Option<String>,
}

/// `GET /voice/cases/{id}`.
#[get("/voice/cases/{id}")]
pub async fn show(
    state: web::Data<PortalState>,
    member: Member,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, PortalError> {
    case_page(&state, &member, *id, CaseErrors::default()).await
}

/// The case page; `errors` shows a refused form's reasons beside its fields.
pub(crate) async fn case_page(
    state: &PortalState,
    member: &Member,
    id: Uuid,
    errors: CaseErrors,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let voice = state.voice.clone().ok_or(member.fail(ErrorKind::Internal))?;
    let (case, _) = cases::readable(&state.db, &member.caller, id)
        .await
        .map_err(|e| PortalError::from_domain(e, t))?;
    let supplier_name = staff::site_name(&state.db, &case).await.or_page(t)?;
    let can_handle = cases::require_handler(&member.caller, case.company_id).is_ok();
    let detail = cases::detail(&state.db, &voice.key, case)
        .await
        .map_err(|e| PortalError::from_domain(e, t))?;
    let w = VoiceTr::new(t.locale.code());
    let case = detail.case;
    let (directory, _) = staff::referrals_of(
        &state.db,
        &member.caller,
        case.company_id,
        None,
        Window::first(NEWEST_CASES),
    )
    .await
    .or_page(t)?;
    let service_label = |s: &domain::entities::referral_service::Model| {
        let example = if s.example {
            format!(" · {}", t.get("voice-referral-example"))
        } else {
            String::new()
        };
        format!("{} ({}){example}", s.name, s.country)
    };
    let referrals = case_referrals::of_case(&state.db, &voice.key, case.id)
        .await
        .map_err(|e| PortalError::from_domain(e, t))?
        .into_iter()
        .map(|(r, note)| ReferralRow {
            id: r.id,
            service: directory
                .iter()
                .find(|s| s.id == r.service_id)
                .map_or_else(|| r.service_id.to_string(), service_label),
            consent: format!(
                "{} · {}",
                t.of("voice-consent-", &r.consent_method),
                r.consent_at.format("%Y-%m-%d %H:%M UTC")
            ),
            outcome: r.outcome.as_deref().map(|o| t.of("voice-outcome-", o)),
            note,
        })
        .collect();
    let page = CasePage {
        referrals,
        services: directory.iter().map(|s| (s.id, service_label(s))).collect(),
        consent_methods: case_referrals::CONSENT_METHODS
            .into_iter()
            .map(|m| (m, t.of("voice-consent-", m)))
            .collect(),
        outcomes: case_referrals::OUTCOMES
            .into_iter()
            .map(|o| (o, t.of("voice-outcome-", o)))
            .collect(),
        l: member.layout(),
        id: case.id,
        back: format!("/companies/{}/voice", case.company_id),
        supplier_name,
        urgent: case.urgent,
        category: w.get(&format!("cat-{}", case.category)),
        status: w.get(&format!("voice-status-{}", case.status)),
        reported: case.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
        statuses: status::ALL
            .iter()
            .map(|s| {
                (
                    s.to_string(),
                    w.get(&format!("voice-status-{s}")),
                    *s == case.status,
                )
            })
            .collect(),
        code: case.code,
        locale: case.locale,
        description: detail.description,
        contact: detail.contact,
        messages: detail
            .messages
            .into_iter()
            .map(|(m, text)| {
                let kind = if m.kind == domain::voice::message_kind::REPLY {
                    t.get("voice-case-reply")
                } else {
                    t.get("voice-case-note")
                };
                (kind, m.created_at.format("%Y-%m-%d %H:%M UTC").to_string(), text)
            })
            .collect(),
        can_handle,
        errors,
    };
    member.render(&page)
}

/// The reply-or-note form.
#[derive(Debug, Deserialize)]
pub struct MessageForm {
    kind: String,
    body: String,
}

/// `POST /voice/cases/{id}/messages`.
#[post("/voice/cases/{id}/messages")]
pub async fn message(
    state: web::Data<PortalState>,
    member: Member,
    id: web::Path<Uuid>,
    form: CsrfForm<MessageForm>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let voice = state.voice.clone().ok_or(member.fail(ErrorKind::Internal))?;
    let case = cases::handled(&state.db, &member.caller, *id)
        .await
        .map_err(|e| PortalError::from_domain(e, t))?;
    let txn = state.db.begin_write().await.or_page(t)?;
    let added = cases::add_message(
        &txn,
        &voice.key,
        case,
        member.caller.user_id,
        &form.0.kind,
        &form.0.body,
    )
    .await;
    match added {
        Ok(_) => txn.commit().await.or_page(t)?,
        // The text is what a person typed: shown again with the reason beside
        // it, as the API names the field (a kind the form never offers stays a
        // tampered form's 400).
        Err(DomainError::Invalid(errors)) if errors.iter().all(|e| e.field == "body") => {
            drop(txn);
            let errors = CaseErrors {
                body: Some(t.get("err-voice-case-text")),
                ..CaseErrors::default()
            };
            let mut page = case_page(&state, &member, *id, errors).await?;
            *page.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            return Ok(page);
        }
        Err(other) => return Err(PortalError::from_domain(other, t)),
    }
    Ok(see_other(&format!("/voice/cases/{}", *id)).finish())
}

/// The status form.
#[derive(Debug, Deserialize)]
pub struct StatusForm {
    status: String,
}

/// `POST /voice/cases/{id}/status`.
#[post("/voice/cases/{id}/status")]
pub async fn change_status(
    state: web::Data<PortalState>,
    member: Member,
    id: web::Path<Uuid>,
    form: CsrfForm<StatusForm>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let case = cases::handled(&state.db, &member.caller, *id)
        .await
        .map_err(|e| PortalError::from_domain(e, t))?;
    let txn = state.db.begin_write().await.or_page(t)?;
    cases::change_status(&txn, case, member.caller.user_id, &form.0.status)
        .await
        .map_err(|e| PortalError::from_domain(e, t))?;
    txn.commit().await.or_page(t)?;
    Ok(see_other(&format!("/voice/cases/{}", *id)).finish())
}
