//! The questionnaire, one section at a time: `GET /assessments/{aid}` (the
//! supplier starts at section 1; the company sees the review page),
//! `GET/POST /assessments/{aid}/sections/{n}` (save the draft; errors beside
//! the field, nothing typed is lost).

use std::collections::BTreeMap;

use actix_web::{HttpResponse, get, http::StatusCode, post, web};
use askama::Template;
use domain::{
    DomainError,
    access::SupplierAccess,
    assessments::{self, status},
    entities::assessment,
    questionnaire::{Definition, visibility},
};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    answerer::Answerer,
    answers_form::{self, QuestionView, Raw},
    context::{Layout, Member},
    error::{ErrorKind, OrPage, PortalError},
    form::CsrfForm,
    load,
    pages::see_other,
    routes,
    state::PortalState,
};

/// One section of the questionnaire.
#[derive(Template)]
#[template(path = "section.html")]
pub struct SectionPage {
    l: Layout,
    assessment_id: Uuid,
    title: String,
    section_title: String,
    number: usize,
    total: usize,
    sections: Vec<(String, String, bool)>,
    questions: Vec<QuestionView>,
    answered: usize,
    asked: usize,
    percent: usize,
    editable: bool,
    saved: bool,
    upload: String,
    has_errors: bool,
    status: String,
    due: String,
    action: String,
    check: String,
    review_comment: Option<String>,
}

/// `?saved=1` after a save.
#[derive(Deserialize)]
pub struct SectionQuery {
    #[serde(default)]
    saved: Option<u8>,
    /// `ok`, `refused` or `missing` after an upload.
    #[serde(default)]
    upload: Option<String>,
}

/// The supplier's entry point, or the company's review page.
#[get("/assessments/{aid}")]
pub async fn show(
    state: web::Data<PortalState>,
    member: Member,
    aid: web::Path<Uuid>,
    done: web::Query<super::review::Done>,
) -> Result<HttpResponse, PortalError> {
    let (found, supplier, access) = load::assessment(&state.db, &member.caller, *aid, member.t()).await?;
    match access {
        SupplierAccess::OwnSupplier => Ok(see_other(&routes::section(found.id, 1)).finish()),
        SupplierAccess::Company(_) => super::review::page(&state, &member, found, supplier, &done).await,
    }
}

async fn evidence(
    state: &PortalState,
    id: Uuid,
    t: crate::i18n::Tr,
) -> Result<Vec<(String, String)>, PortalError> {
    Ok(domain::evidence::find::for_assessment(&state.db, id)
        .await
        .or_page(t)?
        .into_iter()
        .map(|f| (f.id.to_string(), f.filename))
        .collect())
}

/// Builds a section page.
#[allow(clippy::too_many_arguments)]
async fn section_page(
    state: &PortalState,
    member: &Answerer,
    found: &assessment::Model,
    definition: &Definition,
    number: usize,
    raw: Option<Raw>,
    errors: BTreeMap<String, String>,
    saved: bool,
    upload: &str,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let section = definition
        .sections
        .get(number.wrapping_sub(1))
        .ok_or(member.fail(ErrorKind::NotFound))?;
    let answers = assessments::load_answers(&state.db, found.id).await.or_page(t)?;
    let stored_raw = answers_form::raw_answers(&answers);
    let raw = match raw {
        // Kept as typed where a field failed; what was saved elsewhere.
        Some(mut typed) => {
            typed.retain(|k, _| errors.contains_key(k));
            let mut merged = stored_raw;
            merged.extend(typed);
            merged
        }
        None => stored_raw,
    };
    let files = evidence(state, found.id, t).await?;
    let questions = answers_form::section_view(definition, section, &answers, &raw, &errors, &files, t);
    let asked = visibility::asked(definition, &answers);
    let answered = asked.iter().filter(|q| answers.contains_key(&q.key)).count();
    let locale = t.locale.code();
    let fallback = definition.default_locale.as_str();
    let page = SectionPage {
        l: member.layout(),
        assessment_id: found.id,
        title: definition.title.get(locale, fallback).to_string(),
        section_title: section.title.get(locale, fallback).to_string(),
        number,
        total: definition.sections.len(),
        sections: definition
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| {
                (
                    routes::section(found.id, i + 1),
                    s.title.get(locale, fallback).to_string(),
                    i + 1 == number,
                )
            })
            .collect(),
        questions,
        answered,
        asked: asked.len(),
        percent: (answered * 100).checked_div(asked.len()).unwrap_or(0),
        editable: status::editable(&found.status),
        saved,
        upload: if ["ok", "refused", "missing"].contains(&upload) {
            upload.to_string()
        } else {
            String::new()
        },
        has_errors: !errors.is_empty(),
        status: found.status.clone(),
        due: found.due_date.to_string(),
        action: routes::section(found.id, number),
        check: routes::check(found.id),
        review_comment: (found.status == status::RETURNED)
            .then(|| found.review_comment.clone())
            .flatten(),
    };
    let mut response = member.render(&page)?;
    if !errors.is_empty() {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// One section (for the supplier's users, or the holder of its link).
#[get("/assessments/{aid}/sections/{n}")]
pub async fn show_section(
    state: web::Data<PortalState>,
    member: Answerer,
    path: web::Path<(Uuid, usize)>,
    query: web::Query<SectionQuery>,
) -> Result<HttpResponse, PortalError> {
    let (aid, number) = path.into_inner();
    let t = member.t();
    let (found, _, access) = member.assessment(&state, aid).await?;
    load::require_own(access, t)?;
    let definition = load::definition(&state.db, &found, t).await?;
    section_page(
        &state,
        &member,
        &found,
        &definition,
        number,
        None,
        BTreeMap::new(),
        query.saved.is_some(),
        query.upload.as_deref().unwrap_or_default(),
    )
    .await
}

/// Saves a section's answers as a draft, then goes where the button said
/// (`go`: `next`, `prev`, `check`, or stay).
#[post("/assessments/{aid}/sections/{n}")]
pub async fn save(
    state: web::Data<PortalState>,
    member: Answerer,
    path: web::Path<(Uuid, usize)>,
    form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, PortalError> {
    let (aid, number) = path.into_inner();
    let t = member.t();
    let (found, _, access) = member.assessment(&state, aid).await?;
    load::require_own(access, t)?;
    if !status::editable(&found.status) {
        return Err(member.fail(ErrorKind::Conflict));
    }
    let definition = load::definition(&state.db, &found, t).await?;
    let section = definition
        .sections
        .get(number.wrapping_sub(1))
        .ok_or(member.fail(ErrorKind::NotFound))?;
    let pairs = form.0;
    // Where to go is one of the section's buttons; any other value is a tampered
    // form, refused before anything is saved.
    let go = pairs
        .iter()
        .find(|(k, _)| k == "go")
        .map_or("stay", |(_, v)| v.as_str());
    if !["next", "prev", "check", "stay"].contains(&go) {
        return Err(member.fail(ErrorKind::BadRequest));
    }
    let mut read = answers_form::read_section(section, &pairs, t);
    // Save what is valid; a refused value is reported and the rest still saved.
    for _ in 0..2 {
        if read.incoming.is_empty() {
            break;
        }
        // The same save as the API's: one write transaction, on the write thread.
        let saved = assessments::save_draft(
            &state.db,
            found.clone(),
            definition.clone(),
            read.incoming.clone(),
            member.actor(),
        )
        .await;
        match saved {
            Ok(_) => break,
            Err(DomainError::Invalid(refused)) => {
                for error in refused {
                    let message = answers_form::message_for(definition.question(&error.field), &error, t);
                    read.incoming.remove(&error.field);
                    read.errors.insert(error.field.clone(), message);
                }
            }
            Err(other) => return Err(PortalError::from_domain(other, t)),
        }
    }
    if !read.errors.is_empty() {
        // Reloaded: what was valid has been saved, and the status may have moved.
        let (current, _, _) = member.assessment(&state, found.id).await?;
        return section_page(
            &state,
            &member,
            &current,
            &definition,
            number,
            Some(read.raw),
            read.errors,
            false,
            "",
        )
        .await;
    }
    let total = definition.sections.len();
    let next = match go {
        "next" if number < total => routes::section(aid, number + 1),
        "next" | "check" => routes::check(aid),
        "prev" if number > 1 => routes::section(aid, number - 1),
        _ => format!("{}?saved=1", routes::section(aid, number)),
    };
    Ok(see_other(&next).finish())
}
