//! `PATCH /suppliers/{sid}`.

use actix_web::{HttpResponse, patch, web};
use domain::transaction::BeginWrite as _;
use domain::{
    error::FieldError,
    suppliers::{self, SupplierChanges, profile::ProfileChanges},
    values::{CountryCode, Email, RequiredText},
};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    extract::JsonBody,
    routes::suppliers::{
        SupplierResponse, manageable,
        profile::{WorkerOriginBody, parse_profile, present},
    },
    state::ApiState,
};

/// Fields to change; absent fields stay as they are.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateSupplierRequest {
    /// A new name (one line, at most 200 characters); absent keeps the current one.
    pub name: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// Sector key.
    pub sector: Option<String>,
    /// Contact email (no new invitation is sent).
    pub contact_email: Option<String>,
    /// Contact name (empty clears it).
    pub contact_name: Option<String>,
    /// Workers at the site, 0 or more (`null` clears it).
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<i64>)]
    pub workforce_size: Option<Option<i64>>,
    /// Share of migrant workers, a fraction from 0 to 1 (`null` clears it).
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<f64>)]
    pub migrant_worker_share: Option<Option<f64>>,
    /// Countries the workers come from, replacing those declared (`[]` clears them);
    /// the same rules as on create.
    pub worker_origins: Option<Vec<WorkerOriginBody>>,
}

fn parse(body: UpdateSupplierRequest) -> Result<(SupplierChanges, ProfileChanges), Vec<FieldError>> {
    let mut errors = Vec::new();
    let declared = parse_profile(
        body.workforce_size,
        body.migrant_worker_share,
        body.worker_origins,
        &mut errors,
    );
    let mut changes = SupplierChanges::default();
    if let Some(raw) = body.name {
        changes.name = RequiredText::parse(&raw, 200)
            .map_err(|m| errors.push(FieldError::new("name", m)))
            .ok();
    }
    if let Some(raw) = body.country {
        changes.country = CountryCode::parse(&raw)
            .map_err(|m| errors.push(FieldError::new("country", m)))
            .ok();
    }
    if let Some(raw) = body.sector {
        changes.sector = suppliers::parse_sector(&raw)
            .map_err(|m| errors.push(FieldError::new("sector", m)))
            .ok();
    }
    if let Some(raw) = body.contact_email {
        changes.contact_email = Email::parse(&raw)
            .map_err(|m| errors.push(FieldError::new("contact_email", m)))
            .ok();
    }
    if let Some(raw) = body.contact_name {
        changes.contact_name = Some(if raw.trim().is_empty() {
            None
        } else {
            RequiredText::parse(&raw, 200)
                .map_err(|m| errors.push(FieldError::new("contact_name", m)))
                .ok()
        });
    }
    if errors.is_empty() {
        Ok((changes, declared))
    } else {
        Err(errors)
    }
}

/// Edits a supplier and its declared profile (officers and admins).
#[utoipa::path(
    tag = "suppliers",
    security(("bearer" = [])),
    request_body = UpdateSupplierRequest,
    params(("sid" = Uuid, Path, description = "Supplier id")),
    responses(
        (status = 200, body = SupplierResponse),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[patch("")]
pub async fn update_supplier(
    state: web::Data<ApiState>,
    caller: Authenticated,
    sid: web::Path<Uuid>,
    body: JsonBody<UpdateSupplierRequest>,
) -> ApiResult<HttpResponse> {
    let current = manageable(&state.db, &caller.0, sid.into_inner()).await?;
    let (changes, declared) = parse(body.0).map_err(domain::DomainError::Invalid)?;
    let txn = state.db.begin_write().await?;
    let updated = suppliers::update_supplier(&txn, current, caller.0.user_id, changes).await?;
    let declared = suppliers::profile::update_profile(&txn, &updated, caller.0.user_id, declared).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().json(SupplierResponse::with_profile(updated, declared)))
}
