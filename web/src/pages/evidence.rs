//! `POST /assessments/{aid}/evidence`: a supplier uploads an evidence file for a
//! `file` question from the questionnaire page; the file becomes that question's
//! answer, and they are back on the section.

use actix_web::{HttpResponse, post, web};
use domain::transaction::BeginWrite as _;
use domain::{
    DomainError, assessments,
    evidence::upload::{Upload, store_upload},
};
use uuid::Uuid;

use crate::{
    answerer::Answerer,
    error::{ErrorKind, OrPage, PortalError},
    form::CsrfUpload,
    load,
    pages::see_other,
    routes,
    state::PortalState,
};

/// Stores the file and answers the question with it.
#[post("/assessments/{aid}/evidence")]
pub async fn upload(
    state: web::Data<PortalState>,
    member: Answerer,
    aid: web::Path<Uuid>,
    form: CsrfUpload,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let (found, _, access) = member.assessment(&state, *aid).await?;
    let files = state.files.as_ref().ok_or(member.fail(ErrorKind::Internal))?;
    let definition = load::definition(&state.db, &found, t).await?;
    let field = |name: &str| {
        form.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_string())
    };
    let question_key = field("question_key").filter(|k| !k.is_empty());
    // The section to come back to is the form's hidden number; anything else is a
    // tampered form, refused before the file is stored.
    let section: usize = match field("section") {
        None => 1,
        Some(raw) => raw.parse().map_err(|_| member.fail(ErrorKind::BadRequest))?,
    };
    let back = routes::section(found.id, section);
    let Some((filename, bytes)) = form.file else {
        return Ok(see_other(&format!("{back}?upload=missing")).finish());
    };
    let stored = store_upload(
        &state.db,
        files,
        &found,
        &definition,
        access,
        Upload {
            filename,
            bytes,
            question_key: question_key.clone(),
        },
        member.actor(),
    )
    .await;
    let stored = match stored {
        Ok(stored) => stored,
        Err(DomainError::Invalid(_)) => {
            return Ok(see_other(&format!("{back}?upload=refused")).finish());
        }
        Err(other) => return Err(PortalError::from_domain(other, t)),
    };
    if let Some(key) = question_key {
        let mut answer = serde_json::Map::new();
        answer.insert(key, serde_json::Value::from(stored.id.to_string()));
        let txn = state.db.begin_write().await.or_page(t)?;
        assessments::save_answers(&txn, found, &definition, &answer, member.actor())
            .await
            .or_page(t)?;
        txn.commit().await.or_page(t)?;
    }
    Ok(see_other(&format!("{back}?upload=ok")).finish())
}
