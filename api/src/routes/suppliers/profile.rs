//! The supplier profile fields of the supplier resource (issue #19): workforce
//! size, share of migrant workers, worker origins. Shares are fractions 0–1, like
//! `share_of_workers_who_paid`.

use std::collections::HashMap;

use domain::{
    error::FieldError,
    suppliers::profile::{self, ProfileChanges, SupplierProfile},
};
use rust_decimal::{Decimal, prelude::FromPrimitive as _, prelude::ToPrimitive as _};
use serde::{Deserialize, Deserializer, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// One country workers come from.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkerOriginBody {
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// Share of the workers from this country, above 0 and at most 1.
    pub share: f64,
}

/// `null` sent for a field (clear it) apart from the field left out (keep it).
pub fn present<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

fn decimal(raw: f64) -> Option<Decimal> {
    Decimal::from_f64(raw).map(|d| d.round_dp(6))
}

/// Parses the profile fields of a request; errors name the JSON field.
pub fn parse_profile(
    workforce_size: Option<Option<i64>>,
    migrant_worker_share: Option<Option<f64>>,
    worker_origins: Option<Vec<WorkerOriginBody>>,
    errors: &mut Vec<FieldError>,
) -> ProfileChanges {
    let mut changes = ProfileChanges::default();
    match workforce_size {
        Some(Some(raw)) => match profile::parse_workforce_size(raw) {
            Ok(size) => changes.workforce_size = Some(Some(size)),
            Err(m) => errors.push(FieldError::new("workforce_size", m)),
        },
        Some(None) => changes.workforce_size = Some(None),
        None => {}
    }
    match migrant_worker_share {
        Some(Some(raw)) => match decimal(raw)
            .ok_or_else(|| "must be a number".to_string())
            .and_then(profile::parse_migrant_share)
        {
            Ok(share) => changes.migrant_worker_share = Some(Some(share)),
            Err(m) => errors.push(FieldError::new("migrant_worker_share", m)),
        },
        Some(None) => changes.migrant_worker_share = Some(None),
        None => {}
    }
    if let Some(origins) = worker_origins {
        let pairs: Vec<(String, Decimal)> = origins
            .into_iter()
            .map(|o| (o.country, decimal(o.share).unwrap_or(Decimal::NEGATIVE_ONE)))
            .collect();
        match profile::parse_origins("worker_origins", &pairs) {
            Ok(parsed) => changes.worker_origins = Some(parsed),
            Err(problems) => errors.extend(problems),
        }
    }
    changes
}

/// The profile as the supplier resource shows it.
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct ProfileResponse {
    /// Workers at the site, agency workers included; `null` if not declared.
    pub workforce_size: Option<i64>,
    /// Share 0–1 of migrant workers; `null` if not declared.
    pub migrant_worker_share: Option<f64>,
    /// Countries the workers come from, with each one's share 0–1.
    pub worker_origins: Vec<WorkerOriginBody>,
}

impl From<SupplierProfile> for ProfileResponse {
    fn from(p: SupplierProfile) -> Self {
        Self {
            workforce_size: p.workforce_size,
            migrant_worker_share: p.migrant_worker_share.and_then(|s| s.to_f64()),
            worker_origins: p
                .worker_origins
                .into_iter()
                .map(|o| WorkerOriginBody {
                    country: o.country,
                    share: o.share.to_f64().unwrap_or_default(),
                })
                .collect(),
        }
    }
}

/// Profiles by supplier id, for a page of suppliers.
pub type Profiles = HashMap<Uuid, SupplierProfile>;
