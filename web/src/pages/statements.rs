//! Modern-slavery statements in the portal, through the same use cases as the
//! API: the company's list with the form to draft one (`GET|POST
//! /companies/{cid}/statements`, errors next to each field, nothing stored on
//! error); a statement's page (`GET /statements/{id}`) where officers and admins
//! edit each section's text (`POST /statements/{id}/sections/{key}`), with every
//! version listed and the PDF and DOCX to download. Advisors read.

use std::collections::BTreeMap;

use actix_web::{HttpResponse, get, http::StatusCode, post, web};
use askama::Template;
use domain::{
    DomainError,
    entities::statement,
    listing::Window,
    statements::{self, NewStatement, Regime, Section},
};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    context::{Layout, Member},
    error::{ErrorKind, OrPage, PortalError},
    form::{CsrfForm, messages_beside_fields},
    pages::see_other,
    routes,
    state::PortalState,
};

/// The statements a page lists at most (the API pages through them all).
const LISTED: u64 = 100;

/// A statement as listed.
pub struct Listed {
    link: String,
    regime: String,
    period: String,
    locale: String,
    revision: i32,
}

/// The draft form as typed.
#[derive(Debug, Default, Deserialize)]
pub struct DraftForm {
    #[serde(default)]
    regime: String,
    #[serde(default)]
    period_start: String,
    #[serde(default)]
    period_end: String,
    #[serde(default)]
    locale: String,
}

/// The list and the form.
#[derive(Template)]
#[template(path = "statements.html")]
pub struct StatementsPage {
    l: Layout,
    action: String,
    statements: Vec<Listed>,
    /// Whether the reader may draft (officers and admins).
    writes: bool,
    regimes: Vec<&'static str>,
    form: DraftForm,
    /// Field → message, beside the field.
    errors: BTreeMap<String, String>,
}

async fn list_page(
    state: &PortalState,
    member: &Member,
    cid: Uuid,
    form: DraftForm,
    errors: BTreeMap<String, String>,
) -> Result<StatementsPage, PortalError> {
    let t = member.t();
    let (rows, _) = statements::list_statements(&state.db, &member.caller, cid, Window::first(LISTED))
        .await
        .or_page(t)?;
    Ok(StatementsPage {
        l: member.layout(),
        action: routes::statements(cid),
        statements: rows
            .into_iter()
            .map(|s| Listed {
                link: routes::statement(s.id),
                period: format!("{} – {}", s.period_start, s.period_end),
                regime: s.regime,
                locale: s.locale,
                revision: s.revision,
            })
            .collect(),
        writes: member.caller.company_manager(cid).is_ok(),
        regimes: Regime::ALL.iter().map(|r| r.as_str()).collect(),
        form,
        errors,
    })
}

/// The company's statements (staff; anyone else 404).
#[get("/companies/{cid}/statements")]
pub async fn list(
    state: web::Data<PortalState>,
    member: Member,
    cid: web::Path<Uuid>,
) -> Result<HttpResponse, PortalError> {
    let page = list_page(&state, &member, *cid, DraftForm::default(), BTreeMap::new()).await?;
    member.render(&page)
}

/// Drafts a statement and opens it, or shows the form again with the errors.
#[post("/companies/{cid}/statements")]
pub async fn create(
    state: web::Data<PortalState>,
    member: Member,
    cid: web::Path<Uuid>,
    form: CsrfForm<DraftForm>,
) -> Result<HttpResponse, PortalError> {
    let form = form.0;
    let input = NewStatement {
        regime: form.regime.clone(),
        period_start: form.period_start.clone(),
        period_end: form.period_end.clone(),
        locale: Some(form.locale.clone()),
    };
    match statements::create_statement(&state.db, &member.caller, *cid, &input).await {
        Ok(row) => Ok(see_other(&routes::statement(row.id)).finish()),
        Err(error) => {
            let errors = messages_beside_fields(member.t(), "statements", error)?;
            let page = list_page(&state, &member, *cid, form, errors).await?;
            let mut response = member.render(&page)?;
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
    }
}

/// One version of a section, as listed under it.
pub struct ShownVersion {
    version: i32,
    at: String,
    text: String,
}

/// A section with its versions and the edit form.
pub struct ShownSection {
    section: Section,
    action: String,
    versions: Vec<ShownVersion>,
    /// The text as typed and the message, after a refused edit.
    refused: Option<(String, String)>,
}

/// A statement's page.
#[derive(Template)]
#[template(path = "statement.html")]
pub struct StatementPage {
    l: Layout,
    title: String,
    back: String,
    row: statement::Model,
    sections: Vec<ShownSection>,
    writes: bool,
    /// Whether the files show the latest revision.
    rendered: bool,
    pdf: String,
    docx: String,
}

async fn statement_page(
    state: &PortalState,
    member: &Member,
    id: Uuid,
    refused: Option<(&str, String, String)>,
) -> Result<StatementPage, PortalError> {
    let t = member.t();
    let view = statements::load_view(&state.db, &member.caller, id)
        .await
        .or_page(t)?;
    let versions = statements::versions_of(&state.db, &member.caller, id)
        .await
        .or_page(t)?;
    let row = view.statement;
    let sections = view
        .sections
        .into_iter()
        .map(|section| ShownSection {
            action: routes::statement_section(id, &section.key),
            versions: versions
                .iter()
                .filter(|v| v.section_key == section.key)
                .rev()
                .map(|v| ShownVersion {
                    version: v.version,
                    at: v.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
                    text: v.text.clone(),
                })
                .collect(),
            refused: refused
                .as_ref()
                .filter(|(key, _, _)| *key == section.key)
                .map(|(_, typed, message)| (typed.clone(), message.clone())),
            section,
        })
        .collect();
    Ok(StatementPage {
        l: member.layout(),
        title: statements::word(&row.locale, &row.regime),
        back: routes::statements(row.company_id),
        writes: member.caller.company_manager(row.company_id).is_ok(),
        rendered: row.rendered_revision == Some(row.revision),
        pdf: format!("{}/pdf", routes::statement(id)),
        docx: format!("{}/docx", routes::statement(id)),
        row,
        sections,
    })
}

/// A statement (staff; anyone else 404).
#[get("/statements/{id}")]
pub async fn show(
    state: web::Data<PortalState>,
    member: Member,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, PortalError> {
    let page = statement_page(&state, &member, *id, None).await?;
    member.render(&page)
}

/// The edit form.
#[derive(Deserialize)]
pub struct EditForm {
    #[serde(default)]
    text: String,
}

/// Saves a section's new text as a new version; an empty or over-long text comes
/// back beside the field with nothing stored.
#[post("/statements/{id}/sections/{key}")]
pub async fn edit(
    state: web::Data<PortalState>,
    member: Member,
    path: web::Path<(Uuid, String)>,
    form: CsrfForm<EditForm>,
) -> Result<HttpResponse, PortalError> {
    let (id, key) = path.into_inner();
    let text = form.0.text;
    match statements::edit_section(&state.db, &member.caller, id, &key, &text).await {
        Ok(_) => Ok(see_other(&format!("{}?saved={key}#section-{key}", routes::statement(id))).finish()),
        Err(DomainError::Invalid(_)) => {
            let message = member.t().get("statements-error-text");
            let page = statement_page(&state, &member, id, Some((&key, text, message))).await?;
            let mut response = member.render(&page)?;
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
        Err(other) => Err(PortalError::from_domain(other, member.t())),
    }
}

async fn download(
    state: &PortalState,
    member: &Member,
    id: Uuid,
    as_pdf: bool,
) -> Result<HttpResponse, PortalError> {
    let row = statements::readable_statement(&state.db, &member.caller, id)
        .await
        .or_page(member.t())?;
    let key = if as_pdf { &row.pdf_key } else { &row.docx_key };
    let (Some(key), true) = (key, row.rendered_revision == Some(row.revision)) else {
        return Err(member.fail(ErrorKind::Conflict));
    };
    let files = state.files.as_ref().ok_or(member.fail(ErrorKind::Internal))?;
    let bytes = files.get(key).await.map_err(|error| {
        tracing::error!(%error, statement_id = %row.id, "a rendered statement cannot be read");
        member.fail(ErrorKind::Internal)
    })?;
    let (content_type, extension) = if as_pdf {
        ("application/pdf", "pdf")
    } else {
        (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "docx",
        )
    };
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            "Content-Disposition",
            format!(
                "attachment; filename=\"fairhire-statement-{}-{}-r{}.{extension}\"",
                row.regime, row.period_end, row.revision
            ),
        ))
        .body(bytes))
}

/// The PDF of the latest revision, once rendered.
#[get("/statements/{id}/pdf")]
pub async fn pdf(
    state: web::Data<PortalState>,
    member: Member,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, PortalError> {
    download(&state, &member, *id, true).await
}

/// The DOCX of the latest revision, once rendered.
#[get("/statements/{id}/docx")]
pub async fn docx(
    state: web::Data<PortalState>,
    member: Member,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, PortalError> {
    download(&state, &member, *id, false).await
}
