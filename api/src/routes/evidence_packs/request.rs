//! `POST /suppliers/{sid}/evidence-packs`.

use actix_web::{HttpResponse, post, web};
use domain::evidence_packs::{self, NewEvidencePack};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    extract::JsonBody,
    state::ApiState,
};

/// What to assemble. Both fields are checked by the domain, which names each bad one.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RequestEvidencePack {
    /// `uflpa` or `eu_flr`.
    #[serde(default)]
    #[schema(value_type = String)]
    pub regime: Option<String>,
    /// `en`, `es` or `fr` (default `en`): the language of the PDF's headings.
    #[serde(default)]
    pub locale: Option<String>,
}

/// The queued pack.
#[derive(Debug, Serialize, ToSchema)]
pub struct QueuedEvidencePack {
    /// Pack id (`GET /evidence-packs/{id}`).
    pub id: Uuid,
    /// Always `queued`.
    pub status: String,
}

/// Queues an evidence pack of a supplier for an authority (advisors, officers,
/// admins). The worker renders its JSON, PDF and ZIP and emails the requester.
#[utoipa::path(
    tag = "evidence-packs",
    security(("bearer" = [])),
    request_body = RequestEvidencePack,
    params(("sid" = Uuid, Path, description = "Supplier id")),
    responses((status = 202, body = QueuedEvidencePack), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem))
)]
#[post("/evidence-packs")]
pub async fn request_evidence_pack(
    state: web::Data<ApiState>,
    caller: Authenticated,
    sid: web::Path<Uuid>,
    body: JsonBody<RequestEvidencePack>,
) -> ApiResult<HttpResponse> {
    let body = body.0;
    let input = NewEvidencePack {
        regime: body.regime.unwrap_or_default(),
        locale: body.locale,
    };
    let row = evidence_packs::request_pack(&state.db, &caller.0, sid.into_inner(), &input).await?;
    Ok(HttpResponse::Accepted().json(QueuedEvidencePack {
        id: row.id,
        status: row.status,
    }))
}
