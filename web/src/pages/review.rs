//! The company's view of an assessment (advisors, officers, admins): the score
//! and why — question by question from `score_breakdown` — the findings, and the
//! review decision (`POST /assessments/{aid}/review`: approve or return). Reviewers
//! add a finding by hand here (`finding_new`) and reach each finding's forms on the
//! supplier's findings page.

use actix_web::{HttpResponse, http::StatusCode, post, web};
use askama::Template;
use domain::transaction::BeginWrite as _;
use domain::{
    access::SupplierAccess,
    assessments::status,
    entities::{assessment, finding, supplier},
    findings::{self, Decision},
};
use serde::Deserialize;
use serde_json::Value;
use uuid::Uuid;

use crate::{
    context::{Layout, Member},
    error::{ErrorKind, OrPage, PortalError},
    finding_forms::{Filled, NewFindingForm, SEVERITIES},
    form::CsrfForm,
    load,
    pages::see_other,
    routes,
    state::PortalState,
};

/// One contributing question of the breakdown.
pub struct Contribution {
    text: String,
    answer: String,
    risk: String,
    weight: String,
    points: String,
}

/// The review page.
#[derive(Template)]
#[template(path = "review.html")]
pub struct ReviewPage {
    l: Layout,
    supplier_name: String,
    supplier_href: String,
    title: String,
    status: String,
    due: String,
    score: Option<String>,
    band: Option<String>,
    /// (component key, value).
    components: Vec<(&'static str, String)>,
    /// The inherent context and every floor that set the band, in words.
    risk: Option<crate::risk_words::RiskWords>,
    /// The scoring model the result was computed with (kept until re-scored).
    scoring_model: Option<String>,
    questions: Vec<Contribution>,
    findings: Vec<finding::Model>,
    can_review: bool,
    action: String,
    reports: Vec<domain::entities::report::Model>,
    can_report: bool,
    report_action: String,
    comment: Option<String>,
    /// What the last action on this page did (`?done=`), said back to the user.
    notice: Option<String>,
    /// The company's reviewers add and change findings.
    can_edit_findings: bool,
    /// Where each finding's forms are (the supplier's findings page).
    findings_href: String,
    new_finding_action: String,
    new_finding: Filled<NewFindingForm>,
    severities: [&'static str; 3],
    /// (key, name in the visitor's language) of every indicator.
    indicators: Vec<(String, String)>,
    /// The supplier links sent for it (issue #24).
    links: Vec<LinkRow>,
    /// Officers and admins revoke links and send new ones while it is open.
    can_manage_links: bool,
    resend_action: String,
}

/// A supplier link as the page lists it (never the token: only its hash exists).
pub struct LinkRow {
    id: Uuid,
    email: String,
    /// `active`, `revoked` or `expired`.
    status: &'static str,
    expires: String,
    opened: Option<String>,
}

/// `?done=approved|returned|report` after a decision or a report request.
#[derive(Deserialize, Default)]
pub struct Done {
    #[serde(default)]
    done: Option<String>,
}

impl Done {
    /// The notice key for a known outcome; anything else says nothing.
    fn notice_key(&self) -> Option<&'static str> {
        match self.done.as_deref()? {
            "approved" => Some("notice-approved"),
            "returned" => Some("notice-returned"),
            "report" => Some("notice-report-requested"),
            "finding" => Some("notice-finding-added"),
            "links-sent" => Some("notice-links-sent"),
            "link-revoked" => Some("notice-link-revoked"),
            _ => None,
        }
    }
}

fn number(v: &Value) -> String {
    match v {
        Value::Null => "—".into(),
        other => other.to_string(),
    }
}

/// Builds the page for a company member.
pub async fn page(
    state: &PortalState,
    member: &Member,
    found: assessment::Model,
    owner: supplier::Model,
    done: &Done,
) -> Result<HttpResponse, PortalError> {
    let page = build(state, member, found, owner, done).await?;
    member.render(&page)
}

/// The page again with the refused add-finding form as typed, and 422.
pub async fn refused_finding(
    state: &PortalState,
    member: &Member,
    found: assessment::Model,
    owner: supplier::Model,
    form: Filled<NewFindingForm>,
) -> Result<HttpResponse, PortalError> {
    let mut page = build(state, member, found, owner, &Done::default()).await?;
    page.new_finding = form;
    let mut response = member.render(&page)?;
    *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

async fn build(
    state: &PortalState,
    member: &Member,
    found: assessment::Model,
    owner: supplier::Model,
    done: &Done,
) -> Result<ReviewPage, PortalError> {
    let t = member.t();
    let definition = load::definition(&state.db, &found, t).await?;
    let locale = t.locale.code();
    let fallback = definition.default_locale.as_str();
    let breakdown = found.score_breakdown.clone().unwrap_or(Value::Null);
    let questions = breakdown["questions"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|q| {
            let key = q["key"].as_str().unwrap_or_default();
            let question = definition.question(key);
            let answer = crate::answers_form::raw_of(&q["answer"])
                .into_iter()
                .map(|raw| {
                    question
                        .and_then(|d| d.options.as_ref())
                        .and_then(|opts| opts.iter().find(|o| o.value == raw))
                        .map(|o| o.label.get(locale, fallback).to_string())
                        .unwrap_or(raw)
                })
                .collect::<Vec<_>>()
                .join(", ");
            Contribution {
                text: question
                    .map(|d| d.text.get(locale, fallback).to_string())
                    .unwrap_or_else(|| key.to_string()),
                answer,
                risk: number(&q["risk"]),
                weight: number(&q["weight"]),
                points: number(&q["points"]),
            }
        })
        .collect();
    let components = ["practice", "inherent", "fee"]
        .into_iter()
        .filter(|c| !breakdown["components"][c].is_null())
        .map(|c| (c, number(&breakdown["components"][c]["value"])))
        .collect();
    let findings = domain::findings::read::of_assessment(&state.db, found.id)
        .await
        .or_page(t)?;
    let links = domain::supplier_links::links_of(&state.db, &member.caller, found.id)
        .await
        .or_page(t)?
        .into_iter()
        .map(|link| LinkRow {
            id: link.id,
            status: domain::supplier_links::link_status(&link),
            expires: link.expires_at.date_naive().to_string(),
            opened: link.last_opened_at.map(|at| at.date_naive().to_string()),
            email: link.email,
        })
        .collect();
    let access = member.caller.supplier_access(&owner).or_page(t)?;
    let page = ReviewPage {
        l: member.layout(),
        supplier_name: owner.name.clone(),
        supplier_href: routes::supplier(owner.id),
        title: definition.title.get(locale, fallback).to_string(),
        status: found.status.clone(),
        due: found.due_date.to_string(),
        score: found.score.map(|s| format!("{s:.1}")),
        band: found.risk_band.clone(),
        components,
        risk: crate::risk_words::RiskWords::of(found.score_breakdown.as_ref(), t),
        scoring_model: found
            .score_breakdown
            .as_ref()
            .map(|b| domain::risk_score::breakdown_model(Some(b)).to_string()),
        questions,
        findings,
        can_review: found.status == status::SCORED,
        action: routes::review(found.id),
        reports: domain::reports::list_reports(&state.db, found.id)
            .await
            .or_page(t)?,
        can_report: domain::reports::reportable(&found.status) && !member.caller.read_only,
        report_action: format!("/assessments/{}/reports", found.id),
        comment: found.review_comment.clone(),
        notice: done.notice_key().map(|key| t.get(key)),
        can_edit_findings: load::require_reviewer(access, &member.caller, t).is_ok(),
        links,
        can_manage_links: member.caller.supplier_manager(access).is_ok() && status::editable(&found.status),
        resend_action: format!("/assessments/{}/links", found.id),
        findings_href: routes::supplier_findings(owner.id),
        new_finding_action: routes::assessment_findings(found.id),
        new_finding: Filled::default(),
        severities: SEVERITIES,
        indicators: domain::reference::indicators()
            .iter()
            .map(|i| (i.key.clone(), i.name(t.locale).to_string()))
            .collect(),
    };
    Ok(page)
}

/// The decision form.
#[derive(Deserialize)]
pub struct ReviewForm {
    decision: String,
    #[serde(default)]
    comment: String,
}

/// Approves or returns (a comment is required to return).
#[post("/assessments/{aid}/review")]
pub async fn decide(
    state: web::Data<PortalState>,
    member: Member,
    aid: web::Path<Uuid>,
    form: CsrfForm<ReviewForm>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let (found, _, access) = load::assessment(&state.db, &member.caller, *aid, t).await?;
    if access == SupplierAccess::OwnSupplier || member.caller.read_only {
        return Err(member.fail(ErrorKind::Forbidden));
    }
    let form = form.0;
    let decision = match form.decision.as_str() {
        "approve" => Decision::Approve,
        "return" => Decision::Return,
        _ => return Err(member.fail(ErrorKind::BadRequest)),
    };
    let comment = Some(form.comment.trim().to_string()).filter(|c| !c.is_empty());
    if decision == Decision::Return && comment.is_none() {
        return Err(member.fail(ErrorKind::BadRequest));
    }
    let done = match decision {
        Decision::Approve => "approved",
        Decision::Return => "returned",
    };
    let txn = state.db.begin_write().await.or_page(t)?;
    findings::review_assessment(&txn, found, member.caller.user_id, decision, comment)
        .await
        .or_page(t)?;
    txn.commit().await.or_page(t)?;
    Ok(see_other(&format!("{}?done={done}", routes::assessment(*aid))).finish())
}
