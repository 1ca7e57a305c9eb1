//! Advisory reports from the portal (company members only): request one
//! (`POST /assessments/{aid}/reports`), follow the emailed link
//! (`GET /reports/{rid}`: to the assessment page, where reports are listed) and
//! download the PDF (`GET /reports/{rid}/pdf`).

use actix_web::{HttpResponse, get, post, web};
use domain::{
    entities::report,
    reports::{self, status},
};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    context::Member,
    error::{ErrorKind, OrPage, PortalError},
    form::CsrfForm,
    load,
    pages::see_other,
    routes,
    state::PortalState,
};

/// A report the caller's company may read; anyone else gets a 404.
async fn readable(state: &PortalState, member: &Member, rid: Uuid) -> Result<report::Model, PortalError> {
    domain::access::readable::report(&state.db, &member.caller, rid)
        .await
        .or_page(member.t())
}

/// The request form.
#[derive(Deserialize)]
pub struct RequestForm {
    #[serde(default)]
    locale: String,
}

/// Queues a report in the chosen language.
#[post("/assessments/{aid}/reports")]
pub async fn request(
    state: web::Data<PortalState>,
    member: Member,
    aid: web::Path<Uuid>,
    form: CsrfForm<RequestForm>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let (found, _, access) = load::assessment(&state.db, &member.caller, *aid, t).await?;
    member.caller.reviewer(access).or_page(t)?;
    // An empty choice is "the assessment's language"; any other is the domain's to
    // accept or refuse, as it is for the API.
    let locale = Some(form.0.locale.trim()).filter(|l| !l.is_empty());
    reports::request_report(&state.db, &found, locale, member.caller.user_id)
        .await
        .or_page(t)?;
    Ok(see_other(&format!("{}?done=report#reports", routes::assessment(found.id))).finish())
}

/// The emailed link: the assessment page lists the report.
#[get("/reports/{rid}")]
pub async fn show(
    state: web::Data<PortalState>,
    member: Member,
    rid: web::Path<Uuid>,
) -> Result<HttpResponse, PortalError> {
    let row = readable(&state, &member, *rid).await?;
    Ok(see_other(&format!("{}#reports", routes::assessment(row.assessment_id))).finish())
}

/// The PDF, when ready.
#[get("/reports/{rid}/pdf")]
pub async fn download(
    state: web::Data<PortalState>,
    member: Member,
    rid: web::Path<Uuid>,
) -> Result<HttpResponse, PortalError> {
    let row = readable(&state, &member, *rid).await?;
    let (status::READY, Some(key)) = (row.status.as_str(), &row.storage_key) else {
        return Err(member.fail(ErrorKind::Conflict));
    };
    let files = state.files.as_ref().ok_or(member.fail(ErrorKind::Internal))?;
    let bytes = files.get(key).await.map_err(|error| {
        tracing::error!(%error, report_id = %row.id, "a ready report cannot be read");
        member.fail(ErrorKind::Internal)
    })?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            "Content-Disposition",
            format!(
                "attachment; filename=\"fairhire-report-{}-{}.pdf\"",
                row.created_at.format("%Y-%m-%d"),
                row.locale
            ),
        ))
        .body(bytes))
}
