//! `GET /assessments/{aid}/check`: what is still unanswered before submitting;
//! `POST /assessments/{aid}/submit`: submit for scoring.

use actix_web::{HttpResponse, get, http::StatusCode, post, web};
use askama::Template;
use domain::transaction::BeginWrite as _;
use domain::{
    DomainError,
    assessments::{self, status},
    questionnaire::answers::missing_required,
};
use uuid::Uuid;

use crate::{
    answerer::Answerer,
    answers_form::html_id,
    context::Layout,
    error::{OrPage, PortalError},
    form::CsrfForm,
    load,
    pages::see_other,
    routes,
    state::PortalState,
};

/// The before-you-submit page.
#[derive(Template)]
#[template(path = "check.html")]
pub struct CheckPage {
    l: Layout,
    title: String,
    /// (link to the question, its text).
    missing: Vec<(String, String)>,
    editable: bool,
    status: String,
    submit: String,
    back: String,
    /// Just submitted (`?submitted=1`): a link holder lands here, having no list
    /// of assessments to go back to.
    thanks: bool,
}

/// `?submitted=1` after a submit through a supplier link.
#[derive(serde::Deserialize)]
pub struct Submitted {
    #[serde(default)]
    submitted: Option<u8>,
}

async fn page(
    state: &PortalState,
    member: &Answerer,
    aid: Uuid,
    failed: bool,
    thanks: bool,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let (found, _, access) = member.assessment(state, aid).await?;
    load::require_own(access, t)?;
    let definition = load::definition(&state.db, &found, t).await?;
    let answers = assessments::load_answers(&state.db, found.id).await.or_page(t)?;
    let locale = t.locale.code();
    let fallback = definition.default_locale.as_str();
    let missing = missing_required(&definition, &answers)
        .into_iter()
        .filter_map(|key| {
            let number = definition
                .sections
                .iter()
                .position(|s| s.questions.iter().any(|q| q.key == key))?;
            let q = definition.question(&key)?;
            Some((
                format!("{}#{}-box", routes::section(aid, number + 1), html_id(&key)),
                q.text.get(locale, fallback).to_string(),
            ))
        })
        .collect();
    let page = CheckPage {
        l: member.layout(),
        title: definition.title.get(locale, fallback).to_string(),
        missing,
        editable: status::editable(&found.status),
        status: found.status.clone(),
        submit: routes::submit(aid),
        back: routes::section(aid, definition.sections.len().max(1)),
        thanks: thanks && found.status == status::SUBMITTED,
    };
    let mut response = member.render(&page)?;
    if failed {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// Lists the unanswered required questions, with the submit button.
#[get("/assessments/{aid}/check")]
pub async fn show(
    state: web::Data<PortalState>,
    member: Answerer,
    aid: web::Path<Uuid>,
    query: web::Query<Submitted>,
) -> Result<HttpResponse, PortalError> {
    page(&state, &member, *aid, false, query.submitted.is_some()).await
}

/// Submits; required questions left → the check page again (422).
#[post("/assessments/{aid}/submit")]
pub async fn submit(
    state: web::Data<PortalState>,
    member: Answerer,
    aid: web::Path<Uuid>,
    _form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let (found, supplier, access) = member.assessment(&state, *aid).await?;
    load::require_own(access, t)?;
    let definition = load::definition(&state.db, &found, t).await?;
    let txn = state.db.begin_write().await.or_page(t)?;
    match assessments::submit_assessment(&txn, found, &definition, member.actor()).await {
        Ok(_) => {
            txn.commit().await.or_page(t)?;
            // A link holder has no list of assessments: the check page says
            // "submitted".
            let next = if member.via_link() {
                routes::check(*aid)
            } else {
                routes::supplier_assessments(supplier.id)
            };
            Ok(see_other(&format!("{next}?submitted=1")).finish())
        }
        Err(DomainError::Invalid(_)) => page(&state, &member, *aid, true, false).await,
        Err(other) => Err(PortalError::from_domain(other, t)),
    }
}
