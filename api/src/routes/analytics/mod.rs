//! The company's analytics: corridors (api-contract.md, "Corridors"). The figures
//! are the domain's (`domain::corridors`); this module only words them as JSON, the
//! way the corridor exports word them too.

pub mod corridors;

use domain::{
    corridors::{Corridor, CorridorFigures, HirePeriod, company_corridors},
    fee_audit::engine::{round_money, round_months},
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::{auth::Authenticated, error::ApiError, state::ApiState};

/// The hire dates to look at.
#[derive(Debug, Deserialize, IntoParams)]
pub struct HireDatesQuery {
    /// First date of hire included, `YYYY-MM-DD` (default: no lower bound).
    pub from: Option<String>,
    /// Last date of hire included, `YYYY-MM-DD` (default: no upper bound); not
    /// before `from`.
    pub to: Option<String>,
}

impl HireDatesQuery {
    /// The company's corridors over the hire dates asked for (the analytics route
    /// and both exports read them so): a bad date is a `422` naming it.
    pub async fn corridors(
        &self,
        state: &ApiState,
        caller: &Authenticated,
        company_id: Uuid,
    ) -> Result<(HirePeriod, Vec<Corridor>), ApiError> {
        let period = HirePeriod::parse(self.from.as_deref(), self.to.as_deref())?;
        let corridors = company_corridors(&state.db, &caller.0, company_id, period).await?;
        Ok((period, corridors))
    }
}

/// The figures of a group of workers.
#[derive(Debug, Serialize, ToSchema)]
pub struct CorridorFiguresResponse {
    /// Workers.
    pub workers: u64,
    /// Of those, workers who paid any recruitment fee or cost.
    pub workers_who_paid: u64,
    /// Of those, workers whose recruitment cost indicator is known (audits uploaded
    /// before scoring model 2 did not keep it).
    pub workers_with_indicator: u64,
    /// Comparable to SDG 10.7.1: the mean over the workers of each one's `(fees_usd −
    /// loan_interest_usd) / monthly_earnings_usd` (those who paid nothing count 0),
    /// as fee-audit.md defines it for one audit, over the workers whose figure is
    /// known; two decimals; `null` when none is.
    pub recruitment_cost_indicator: Option<String>,
    /// Mean `fees_usd` over all the workers (those who paid nothing count 0), two
    /// decimals.
    pub mean_fees_usd: String,
}

impl From<&CorridorFigures> for CorridorFiguresResponse {
    fn from(f: &CorridorFigures) -> Self {
        Self {
            workers: f.workers,
            workers_who_paid: f.workers_who_paid,
            workers_with_indicator: f.workers_with_indicator,
            recruitment_cost_indicator: f
                .recruitment_cost_indicator()
                .map(|i| round_months(i).to_string()),
            mean_fees_usd: round_money(f.mean_fees_usd()).to_string(),
        }
    }
}

/// A corridor's workers of one sex.
#[derive(Debug, Serialize, ToSchema)]
pub struct SexFiguresResponse {
    /// `female`, `male`, `other` or `unknown`.
    pub sex: String,
    /// Their figures.
    #[serde(flatten)]
    pub figures: CorridorFiguresResponse,
}

/// A corridor's workers hired in one month: the indicator's trend.
#[derive(Debug, Serialize, ToSchema)]
pub struct HireMonthFiguresResponse {
    /// `YYYY-MM`.
    pub month: String,
    /// Their figures.
    #[serde(flatten)]
    pub figures: CorridorFiguresResponse,
}

/// One corridor.
#[derive(Debug, Serialize, ToSchema)]
pub struct CorridorResponse {
    /// ISO 3166-1 alpha-2: the workers' nationality.
    pub origin: String,
    /// ISO 3166-1 alpha-2: the country of the supplier they work for.
    pub destination: String,
    /// All the corridor's workers.
    #[serde(flatten)]
    pub figures: CorridorFiguresResponse,
    /// Per sex present, in the order female, male, other, unknown.
    pub by_sex: Vec<SexFiguresResponse>,
    /// Per month of hire, oldest first.
    pub by_hire_month: Vec<HireMonthFiguresResponse>,
}

impl From<&Corridor> for CorridorResponse {
    fn from(c: &Corridor) -> Self {
        Self {
            origin: c.origin.to_string(),
            destination: c.destination.to_string(),
            figures: (&c.figures).into(),
            by_sex: c
                .by_sex
                .iter()
                .map(|(sex, f)| SexFiguresResponse {
                    sex: sex.as_str().to_string(),
                    figures: f.into(),
                })
                .collect(),
            by_hire_month: c
                .by_hire_month
                .iter()
                .map(|(month, f)| HireMonthFiguresResponse {
                    month: month.to_string(),
                    figures: f.into(),
                })
                .collect(),
        }
    }
}
