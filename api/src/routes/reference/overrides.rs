//! `GET` and `PUT /companies/{cid}/risk-overrides`.

use actix_web::{HttpResponse, get, put, web};
use domain::transaction::BeginWrite as _;
use domain::{entities::risk_override, risk_overrides};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    extract::JsonBody,
    state::ApiState,
};

/// One override, beside the reference figure it replaces.
#[derive(Debug, Serialize, ToSchema)]
pub struct OverrideResponse {
    /// `country` or `sector`.
    pub kind: String,
    /// Country code or sector key.
    pub key: String,
    /// The company's figure (0–100).
    pub risk: String,
    /// The shipped reference figure it replaces.
    pub reference_risk: Option<String>,
    /// Why.
    pub note: Option<String>,
    /// Always `true`: this figure is the company's own, not the reference.
    pub overridden: bool,
}

fn response(row: risk_override::Model) -> OverrideResponse {
    let reference_risk = match row.kind.as_str() {
        "country" => domain::values::CountryCode::parse(&row.key)
            .ok()
            .and_then(|c| domain::reference::country(&c))
            .map(|c| c.risk.to_string()),
        _ => domain::reference::sector(&row.key).map(|s| s.risk.to_string()),
    };
    OverrideResponse {
        kind: row.kind,
        key: row.key,
        risk: row.risk,
        reference_risk,
        note: row.note,
        overridden: true,
    }
}

/// The whole set of overrides.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({"countries": {"NP": {"risk": 80, "note": "our own audit findings"}}, "sectors": {}}))]
pub struct OverridesRequest {
    /// By ISO country code: `{risk, note?}`.
    #[schema(value_type = Object)]
    #[serde(default)]
    pub countries: serde_json::Value,
    /// By sector key: `{risk, note?}`.
    #[serde(default)]
    #[schema(value_type = Object)]
    pub sectors: serde_json::Value,
}

/// The company's overrides (officers, admins, advisors).
#[utoipa::path(
    tag = "reference",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id")),
    responses((status = 200, body = Vec<OverrideResponse>), (status = 404, body = Problem))
)]
// `GET /api/v1/companies/{cid}/risk-overrides` (the path below is relative to its scope).
#[get("/risk-overrides")]
pub async fn list_overrides(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let cid = cid.into_inner();
    caller.0.company_role(cid)?;
    let rows = risk_overrides::list(&state.db, cid).await?;
    Ok(HttpResponse::Ok().json(rows.into_iter().map(response).collect::<Vec<_>>()))
}

/// Replaces the company's overrides (officers and admins) and re-scores its
/// suppliers' latest assessments with them.
#[utoipa::path(
    tag = "reference",
    security(("bearer" = [])),
    request_body = OverridesRequest,
    params(("cid" = Uuid, Path, description = "Company id")),
    responses(
        (status = 200, body = Vec<OverrideResponse>),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 422, body = Problem),
    )
)]
// `PUT /api/v1/companies/{cid}/risk-overrides` (the path below is relative to its scope).
#[put("/risk-overrides")]
pub async fn replace_overrides(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    body: JsonBody<serde_json::Value>,
) -> ApiResult<HttpResponse> {
    let cid = cid.into_inner();
    caller.0.company_manager(cid)?;
    let set: risk_overrides::OverrideSet = crate::extract::parse_json(body.0.to_string().as_bytes())?;
    let txn = state.db.begin_write().await?;
    let rows = risk_overrides::replace(&txn, cid, caller.0.user_id, set).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().json(rows.into_iter().map(response).collect::<Vec<_>>()))
}
