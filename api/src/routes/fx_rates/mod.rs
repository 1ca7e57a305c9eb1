//! A company's FX rates: USD per unit of a currency from a date on (fee-audit.md,
//! "Currency"), uploaded as CSV or fetched by the worker.

pub mod list;
pub mod upload;

use chrono::{DateTime, NaiveDate, Utc};
use domain::entities::fx_rate;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// A stored rate.
#[derive(Debug, Serialize, ToSchema)]
pub struct FxRateResponse {
    /// The stored rate's id.
    pub id: Uuid,
    /// ISO 4217.
    pub currency: String,
    /// The day the rate applies from (until the next stored date).
    #[schema(value_type = String, format = Date)]
    pub date: NaiveDate,
    /// US dollars for one unit, an exact decimal string.
    pub usd_per_unit: String,
    /// `upload`, or the provider it was fetched from.
    pub source: String,
    /// When it was stored.
    pub created_at: DateTime<Utc>,
}

impl From<fx_rate::Model> for FxRateResponse {
    fn from(r: fx_rate::Model) -> Self {
        Self {
            id: r.id,
            currency: r.currency,
            date: r.rate_date,
            usd_per_unit: r.usd_per_unit,
            source: r.source,
            created_at: r.created_at,
        }
    }
}
