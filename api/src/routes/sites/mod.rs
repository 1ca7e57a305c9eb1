//! A supplier's production sites and their Open Supply Hub OS IDs: add, list,
//! read, edit, delete; match one against Open Supply Hub; see what Open Supply
//! Hub knows of it; fill OS IDs from Open Supply Hub's CSV download.

pub mod create;
pub mod delete;
pub mod get;
pub mod list;
pub mod os_hub_facility;
pub mod os_hub_import;
pub mod os_hub_match;
pub mod update;

use chrono::{DateTime, Utc};
use domain::entities::supplier_site;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// A site as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct SiteResponse {
    /// Id (`GET /sites/{id}`).
    pub id: Uuid,
    /// The supplier it belongs to.
    pub supplier_id: Uuid,
    /// The site's name.
    pub name: String,
    /// Its street address.
    pub address: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// Degrees, −90 to 90, or `null`.
    pub latitude: Option<f64>,
    /// Degrees, −180 to 180, or `null`.
    pub longitude: Option<f64>,
    /// Workers at the site.
    pub headcount: i64,
    /// Its Open Supply Hub OS ID, once linked.
    pub os_id: Option<String>,
    /// When it was added.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

impl From<supplier_site::Model> for SiteResponse {
    fn from(s: supplier_site::Model) -> Self {
        Self {
            id: s.id,
            supplier_id: s.supplier_id,
            name: s.name,
            address: s.address,
            country: s.country,
            latitude: s.latitude,
            longitude: s.longitude,
            headcount: s.headcount,
            os_id: s.os_id,
            created_at: s.created_at,
            updated_at: s.updated_at,
        }
    }
}

/// A production location as Open Supply Hub describes it.
#[derive(Debug, Serialize, ToSchema)]
pub struct OsHubFacilityResponse {
    /// Its OS ID.
    pub os_id: String,
    /// Its name there.
    pub name: String,
    /// Its address there.
    pub address: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// Latitude.
    pub latitude: Option<f64>,
    /// Longitude.
    pub longitude: Option<f64>,
    /// `claimed` when the facility has claimed its own profile.
    pub claim_status: Option<String>,
    /// Memberships and certifications its contributors reported.
    pub affiliations: Vec<String>,
    /// Sectors.
    pub sector: Vec<String>,
    /// Fewest workers reported.
    pub workers_min: Option<i64>,
    /// Most workers reported.
    pub workers_max: Option<i64>,
    /// The parent company reported.
    pub parent_company: Option<String>,
}

impl From<domain::sites::os_hub::Facility> for OsHubFacilityResponse {
    fn from(f: domain::sites::os_hub::Facility) -> Self {
        Self {
            os_id: f.os_id,
            name: f.name,
            address: f.address,
            country: f.country.map(|c| c.alpha_2),
            latitude: f.coordinates.map(|c| c.lat),
            longitude: f.coordinates.map(|c| c.lng),
            claim_status: f.claim_status,
            affiliations: f.affiliations,
            sector: f.sector,
            workers_min: f.number_of_workers.and_then(|w| w.min),
            workers_max: f.number_of_workers.and_then(|w| w.max),
            parent_company: f.parent_company,
        }
    }
}
