//! `POST /companies/{cid}/statements`.

use actix_web::{HttpResponse, post, web};
use domain::statements::{self, NewStatement};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    extract::JsonBody,
    routes::statements::StatementResponse,
    state::ApiState,
};

/// What to draft. Every field is checked by the domain, which names each bad one.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateStatementRequest {
    /// `uk_msa`, `au_msa` or `ca_s211`.
    #[serde(default)]
    #[schema(value_type = String)]
    pub regime: Option<String>,
    /// First day of the period, `YYYY-MM-DD`.
    #[serde(default)]
    #[schema(value_type = String, format = Date)]
    pub period_start: Option<String>,
    /// Last day of the period, `YYYY-MM-DD` (at most two years after the first).
    #[serde(default)]
    #[schema(value_type = String, format = Date)]
    pub period_end: Option<String>,
    /// `en`, `es` or `fr` (default `en`).
    #[serde(default)]
    pub locale: Option<String>,
}

/// Drafts a statement: the regime's areas, each with a first text and the figures
/// of the period (officers, admins). The PDF and DOCX follow from the worker.
#[utoipa::path(
    tag = "statements",
    security(("bearer" = [])),
    request_body = CreateStatementRequest,
    params(("cid" = Uuid, Path, description = "Company id")),
    responses((status = 201, body = StatementResponse), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem))
)]
#[post("/statements")]
pub async fn create_statement(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    body: JsonBody<CreateStatementRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.0;
    let input = NewStatement {
        regime: body.regime.unwrap_or_default(),
        period_start: body.period_start.unwrap_or_default(),
        period_end: body.period_end.unwrap_or_default(),
        locale: body.locale,
    };
    let row = statements::create_statement(&state.db, &caller.0, cid.into_inner(), &input).await?;
    let view = statements::view_of(&state.db, row).await?;
    Ok(HttpResponse::Created().json(StatementResponse::from(view)))
}
