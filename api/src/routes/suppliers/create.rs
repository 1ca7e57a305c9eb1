//! `POST /companies/{cid}/suppliers`.

use actix_web::{HttpResponse, post, web};
use domain::suppliers;
use domain::transaction::BeginWrite as _;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    extract::JsonBody,
    routes::suppliers::{
        SupplierResponse,
        profile::{WorkerOriginBody, parse_profile},
    },
    state::ApiState,
};

/// A supplier to add, with its declared profile if known.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CreateSupplierRequest {
    /// The supplier's legal or trading name (one line, at most 200 characters); the supplier list searches it.
    pub name: String,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// A key from `GET /reference/sectors`.
    pub sector: String,
    /// The contact; an invitation email goes there.
    pub contact_email: String,
    /// The contact's name.
    pub contact_name: Option<String>,
    /// Workers at the site, agency workers included (0 or more).
    pub workforce_size: Option<i64>,
    /// Share of migrant workers, a fraction from 0 to 1 (0.35 for 35%).
    pub migrant_worker_share: Option<f64>,
    /// Countries the workers come from: ISO 3166-1 alpha-2 codes, no country twice,
    /// each share above 0 and at most 1, shares adding up to at most 1.
    pub worker_origins: Option<Vec<WorkerOriginBody>>,
}

/// Adds a supplier and invites its contact (officers and admins).
#[utoipa::path(
    tag = "suppliers",
    security(("bearer" = [])),
    request_body = CreateSupplierRequest,
    params(("cid" = Uuid, Path, description = "Company id")),
    responses(
        (status = 201, body = SupplierResponse),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[post("/suppliers")]
pub async fn create_supplier(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    body: JsonBody<CreateSupplierRequest>,
) -> ApiResult<HttpResponse> {
    let cid = cid.into_inner();
    caller.0.company_manager(cid)?;
    let body = body.0;
    let parsed = suppliers::SupplierFields {
        name: body.name,
        country: body.country,
        sector: body.sector,
        contact_email: body.contact_email,
        contact_name: body.contact_name,
    }
    .parse();
    let mut errors = parsed.as_ref().err().cloned().unwrap_or_default();
    let declared = parse_profile(
        body.workforce_size.map(Some),
        body.migrant_worker_share.map(Some),
        body.worker_origins,
        &mut errors,
    );
    let input = match parsed {
        Ok(input) if errors.is_empty() => input,
        _ => return Err(domain::DomainError::Invalid(errors).into()),
    };
    let company = domain::accounts::managed_company(&state.db, &caller.0, cid).await?;
    let txn = state.db.begin_write().await?;
    let created =
        suppliers::create_supplier(&txn, &company, caller.0.user_id, input, &state.config.public_url).await?;
    let declared = suppliers::profile::update_profile(&txn, &created, caller.0.user_id, declared).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(SupplierResponse::with_profile(created, declared)))
}
