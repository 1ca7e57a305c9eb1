//! A ready evidence pack's files from the portal: `GET /evidence-packs/{id}/pdf`,
//! `/json` and `/zip`, audited like the API's downloads; 409 before the pack is
//! ready or after it failed; 404 for anyone but the company's reviewers.

use actix_web::{HttpResponse, get, web};
use domain::evidence_packs::{self, Format, status};
use uuid::Uuid;

use crate::{
    context::Member,
    error::{ErrorKind, OrPage, PortalError},
    state::PortalState,
};

/// One of the pack's three files.
#[get("/evidence-packs/{id}/{format}")]
pub async fn download(
    state: web::Data<PortalState>,
    member: Member,
    path: web::Path<(Uuid, String)>,
) -> Result<HttpResponse, PortalError> {
    let (id, format) = path.into_inner();
    let t = member.t();
    let format = match format.as_str() {
        "pdf" => Format::Pdf,
        "json" => Format::Json,
        "zip" => Format::Zip,
        _ => return Err(member.fail(ErrorKind::NotFound)),
    };
    let row = evidence_packs::readable_pack(&state.db, &member.caller, id)
        .await
        .or_page(t)?;
    let (status::READY, Some(key)) = (row.status.as_str(), format.key_of(&row)) else {
        return Err(member.fail(ErrorKind::Conflict));
    };
    let files = state.files.as_ref().ok_or(member.fail(ErrorKind::Internal))?;
    let bytes = files.get(key).await.map_err(|error| {
        tracing::error!(%error, evidence_pack_id = %row.id, "a ready evidence pack cannot be read");
        member.fail(ErrorKind::Internal)
    })?;
    evidence_packs::record_download(&state.db, &member.caller, &row, format)
        .await
        .or_page(t)?;
    Ok(HttpResponse::Ok()
        .content_type(format.content_type())
        .insert_header((
            "Content-Disposition",
            format!(
                "attachment; filename=\"fairhire-evidence-pack-{}-{}.{}\"",
                row.regime,
                row.created_at.format("%Y-%m-%d"),
                format.extension()
            ),
        ))
        .body(bytes))
}
