//! `GET/POST /companies/{cid}/questionnaires`: the company's questionnaires (the
//! built-ins and its own uploads), and the form that uploads one of its own, for
//! its officers and admins: a JSON definition (questionnaire-format.md) pasted or
//! chosen as a file. It goes through the API's use case
//! ([`domain::questionnaire::store::upload`]); a refused definition comes back
//! in the form with every problem at its JSON path, and nothing is stored.

use actix_web::{HttpResponse, get, post, web};
use askama::Template;
use domain::{DomainError, entities::questionnaire, error::FieldError, questionnaire::store};
use serde::Deserialize;
use serde_json::Value;
use uuid::Uuid;

use crate::{
    context::{Layout, Member},
    error::{OrPage, PortalError},
    form::CsrfUpload,
    i18n::Tr,
    pages::see_other,
    routes,
    state::PortalState,
};

/// One questionnaire, as listed.
pub struct Listed {
    title: String,
    key: String,
    version: i32,
    questions: usize,
    /// The company's own (else a built-in).
    own: bool,
    /// The one just uploaded.
    stored: bool,
}

/// One problem of a refused definition: where (a JSON path such as
/// `sections[1].questions[2].options[0].value`; empty for the whole document) and what.
pub struct Problem {
    path: String,
    message: String,
}

/// The questionnaires page.
#[derive(Template)]
#[template(path = "questionnaire_upload.html")]
pub struct QuestionnairesPage {
    l: Layout,
    action: String,
    listed: Vec<Listed>,
    /// The definition as sent (pasted, or the file's text), kept on a refusal.
    definition: String,
    problems: Vec<Problem>,
    /// The title of the one just uploaded.
    stored: Option<String>,
}

/// `?stored={id}` after an upload.
#[derive(Deserialize)]
pub struct StoredQuery {
    #[serde(default)]
    stored: Option<Uuid>,
}

async fn page(
    state: &PortalState,
    member: &Member,
    cid: Uuid,
    stored: Option<Uuid>,
) -> Result<QuestionnairesPage, PortalError> {
    let t = member.t();
    // The upload's roles: an advisor is refused the page as the form (403).
    member.caller.company_manager(cid).or_page(t)?;
    let rows = store::list_for_company(&state.db, cid).await.or_page(t)?;
    let mut listed = Vec::with_capacity(rows.len());
    for row in rows {
        listed.push(listed_row(state, &row, stored, t).await?);
    }
    Ok(QuestionnairesPage {
        l: member.layout(),
        action: routes::questionnaires(cid),
        stored: listed.iter().find(|q| q.stored).map(|q| q.title.clone()),
        listed,
        definition: String::new(),
        problems: Vec::new(),
    })
}

async fn listed_row(
    state: &PortalState,
    row: &questionnaire::Model,
    stored: Option<Uuid>,
    t: Tr,
) -> Result<Listed, PortalError> {
    // Through the domain's cache of parsed definitions: no parse per visit.
    let definition = store::definition(&state.db, row.id)
        .await
        .or_page(t)?
        .ok_or(DomainError::NotFound("questionnaire"))
        .or_page(t)?;
    Ok(Listed {
        title: definition
            .title
            .get(t.locale.code(), &definition.default_locale)
            .to_string(),
        key: row.key.clone(),
        version: row.version,
        questions: definition.questions().count(),
        own: row.company_id.is_some(),
        stored: stored == Some(row.id),
    })
}

/// The list and the upload form (officers, admins; others 403, another company 404).
#[get("/companies/{cid}/questionnaires")]
pub async fn show(
    state: web::Data<PortalState>,
    member: Member,
    cid: web::Path<Uuid>,
    query: web::Query<StoredQuery>,
) -> Result<HttpResponse, PortalError> {
    member.render(&page(&state, &member, *cid, query.stored).await?)
}

/// Stores the definition and lists it (303 to the list), or answers the form
/// again with every problem at its place and the text as it was sent.
#[post("/companies/{cid}/questionnaires")]
pub async fn upload(
    state: web::Data<PortalState>,
    member: Member,
    cid: web::Path<Uuid>,
    form: CsrfUpload,
) -> Result<HttpResponse, PortalError> {
    let (cid, t) = (*cid, member.t());
    // Who may comes before what was sent: a stranger learns nothing from a reply.
    member.caller.company_manager(cid).or_page(t)?;
    let (text, problems) = match sent_text(form, t) {
        Err(problem) => (String::new(), vec![problem]),
        Ok(text) => {
            let problems = match serde_json::from_str::<Value>(&text) {
                Err(error) => vec![not_json(&error, t)],
                Ok(raw) => match store::upload(&state.db, &member.caller, cid, &raw).await {
                    Ok(row) => {
                        tracing::info!(questionnaire_id = %row.id, "questionnaire uploaded from the portal");
                        let listed = format!("{}?stored={}", routes::questionnaires(cid), row.id);
                        return Ok(see_other(&listed).finish());
                    }
                    Err(DomainError::Invalid(errors)) => errors.into_iter().map(Problem::from).collect(),
                    Err(DomainError::Conflict(_)) => vec![taken(&raw, t)],
                    Err(other) => return Err(PortalError::from_domain(other, t)),
                },
            };
            (text, problems)
        }
    };
    let mut again = page(&state, &member, cid, None).await?;
    again.definition = text;
    again.problems = problems;
    member.render(&again)
}

/// The definition's text: the chosen file when there is one, else what was
/// pasted; a refusal when there is neither or the file is not text.
fn sent_text(form: CsrfUpload, t: Tr) -> Result<String, Problem> {
    let whole = |key: &str| Problem {
        path: String::new(),
        message: t.get(key),
    };
    if let Some((_, bytes)) = form.file.filter(|(_, bytes)| !bytes.is_empty()) {
        return String::from_utf8(bytes).map_err(|_| whole("questionnaire-file-not-text"));
    }
    form.fields
        .into_iter()
        .find(|(name, text)| name == "definition" && !text.trim().is_empty())
        .map(|(_, text)| text)
        .ok_or_else(|| whole("questionnaire-definition-missing"))
}

/// Where the text stops being JSON (serde_json's line and column), in words.
fn not_json(error: &serde_json::Error, t: Tr) -> Problem {
    Problem {
        path: String::new(),
        message: t.arg2(
            "questionnaire-not-json",
            "line",
            error.line(),
            "column",
            error.column(),
        ),
    }
}

/// A key and version already stored: versions never change, so the next one.
fn taken(raw: &Value, t: Tr) -> Problem {
    let version = raw.get("version").and_then(Value::as_i64).unwrap_or_default();
    Problem {
        path: "version".into(),
        message: t.args(
            "questionnaire-version-taken",
            &[
                (
                    "key",
                    raw.get("key")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_string(),
                ),
                ("version", version.to_string()),
                ("next", (version + 1).to_string()),
            ],
        ),
    }
}

impl From<FieldError> for Problem {
    fn from(error: FieldError) -> Self {
        Self {
            path: error.field,
            message: error.message,
        }
    }
}
