//! Suppliers: add, import, list, read, edit, archive.

pub mod archive;
pub mod create;
pub mod get;
pub mod import;
pub mod list;
pub mod profile;
pub mod update;

use chrono::{DateTime, Utc};
use domain::database::Connection;
use domain::{access::Caller, entities::supplier};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::error::ApiError;

/// A supplier as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct SupplierResponse {
    /// Id (also its organization's id).
    pub id: Uuid,
    /// The company it supplies.
    pub company_id: Uuid,
    /// The supplier's legal or trading name.
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// Sector key.
    pub sector: String,
    /// The invited contact.
    pub contact_email: String,
    /// The contact's name.
    pub contact_name: Option<String>,
    /// 0–100, higher is riskier; `null` until an assessment has been scored.
    pub risk_score: Option<f64>,
    /// `low`, `medium`, `high`, `critical`, or `null`.
    pub risk_band: Option<String>,
    /// When it was added.
    pub created_at: DateTime<Utc>,
    /// When it was archived, if it was.
    pub archived_at: Option<DateTime<Utc>>,
    /// The declared profile: `workforce_size`, `migrant_worker_share`, `worker_origins`.
    #[serde(flatten)]
    pub profile: profile::ProfileResponse,
}

impl SupplierResponse {
    /// The supplier with its declared profile.
    pub fn with_profile(s: supplier::Model, declared: domain::suppliers::profile::SupplierProfile) -> Self {
        Self {
            profile: declared.into(),
            ..Self::from(s)
        }
    }

    /// The supplier with its profile read from the database.
    pub async fn load<C: Connection>(db: &C, s: supplier::Model) -> Result<Self, ApiError> {
        let declared = domain::suppliers::profile::profile_of(db, s.id).await?;
        Ok(Self::with_profile(s, declared))
    }
}

impl From<supplier::Model> for SupplierResponse {
    fn from(s: supplier::Model) -> Self {
        Self {
            id: s.id,
            company_id: s.company_id,
            name: s.name,
            country: s.country,
            sector: s.sector,
            contact_email: s.contact_email,
            contact_name: s.contact_name,
            risk_score: s.risk_score,
            risk_band: s.risk_band,
            created_at: s.created_at,
            archived_at: s.archived_at,
            profile: profile::ProfileResponse::default(),
        }
    }
}

/// Loads a supplier the caller may read (company members or its own users); any
/// other caller gets 404, exactly as if it did not exist (the domain's rule,
/// shared with the portal).
pub async fn readable<C: Connection>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<(supplier::Model, domain::access::SupplierAccess), ApiError> {
    Ok(domain::access::readable::supplier(db, caller, id).await?)
}

/// Loads a supplier the caller may change (officers and admins of its company).
pub async fn manageable<C: Connection>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<supplier::Model, ApiError> {
    Ok(domain::suppliers::manageable(db, caller, id).await?)
}
