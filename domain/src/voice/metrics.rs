//! Worker-voice figures for a company's dashboard: reports per supplier, category
//! and month; time to first response; open urgent cases. Computed from the
//! cases' plain columns (never the sealed words), the same way on SQLite and
//! PostgreSQL.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use super::status;
use crate::{entities::voice_case, error::DomainError};

/// One cell of the reports table.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ReportCount {
    /// The supplier.
    pub supplier_id: Uuid,
    /// The category key.
    pub category: String,
    /// `YYYY-MM`.
    pub month: String,
    /// Reports.
    pub count: u64,
}

/// The figures.
#[derive(Debug, Clone, serde::Serialize)]
pub struct VoiceMetrics {
    /// Reports by supplier, category and month.
    pub reports: Vec<ReportCount>,
    /// Reports in the period.
    pub total_reports: u64,
    /// Cases answered at least once in the period.
    pub responded: u64,
    /// Median hours from report to first reply (`None` when none was answered).
    pub median_hours_to_first_response: Option<f64>,
    /// Mean hours from report to first reply.
    pub mean_hours_to_first_response: Option<f64>,
    /// Open cases never answered.
    pub open_unanswered: u64,
    /// Urgent cases still open (any date).
    pub open_urgent: u64,
    /// The company's response-time promise in days (`None`: it made none).
    pub promise_days: Option<u32>,
    /// Cases of the period the promise can be judged on: answered, or
    /// unanswered with the promised time already over.
    pub promise_due: u64,
    /// Of those, first answered within the promise.
    pub answered_within_promise: u64,
    /// `answered_within_promise / promise_due`, 0–1 (`None` without a promise
    /// or with no case due yet).
    pub share_within_promise: Option<f64>,
}

/// The plain columns a case contributes: supplier, category, reported, first
/// reply, status, urgent.
type CaseFacts = (Uuid, String, DateTime<Utc>, Option<DateTime<Utc>>, String, bool);

/// The figures for `company_id`, reports created in `[from, to)`.
pub async fn compute<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<VoiceMetrics, DomainError> {
    let rows: Vec<CaseFacts> = voice_case::Entity::find()
        .select_only()
        .column(voice_case::Column::SupplierId)
        .column(voice_case::Column::Category)
        .column(voice_case::Column::CreatedAt)
        .column(voice_case::Column::FirstResponseAt)
        .column(voice_case::Column::Status)
        .column(voice_case::Column::Urgent)
        .filter(voice_case::Column::CompanyId.eq(company_id))
        .into_tuple()
        .all(db)
        .await?;
    let mut cells: BTreeMap<(Uuid, String, String), u64> = BTreeMap::new();
    let mut hours = Vec::new();
    let mut total = 0;
    let mut open_unanswered = 0;
    let mut open_urgent = 0;
    let promise_days = super::promise::of(db, company_id).await?;
    let promise = promise_days.map(|d| chrono::Duration::days(i64::from(d)));
    let now = crate::clock::now();
    let (mut promise_due, mut within) = (0u64, 0u64);
    for (supplier, category, created, first, case_status, urgent) in rows {
        let open = status::is_open(&case_status);
        if urgent && open {
            open_urgent += 1;
        }
        if created < from || created >= to {
            continue;
        }
        total += 1;
        *cells
            .entry((supplier, category, created.format("%Y-%m").to_string()))
            .or_default() += 1;
        if let Some(promise) = promise {
            match first {
                Some(first) => {
                    promise_due += 1;
                    if first - created <= promise {
                        within += 1;
                    }
                }
                None if now - created > promise => promise_due += 1,
                None => {}
            }
        }
        match first {
            Some(first) => hours.push((first - created).num_seconds().max(0) as f64 / 3600.0),
            None if open => open_unanswered += 1,
            None => {}
        }
    }
    hours.sort_by(f64::total_cmp);
    let median = match hours.len() {
        0 => None,
        n if n % 2 == 1 => Some(hours[n / 2]),
        n => Some((hours[n / 2 - 1] + hours[n / 2]) / 2.0),
    };
    let mean = (!hours.is_empty()).then(|| hours.iter().sum::<f64>() / hours.len() as f64);
    Ok(VoiceMetrics {
        reports: cells
            .into_iter()
            .map(|((supplier_id, category, month), count)| ReportCount {
                supplier_id,
                category,
                month,
                count,
            })
            .collect(),
        total_reports: total,
        responded: hours.len() as u64,
        median_hours_to_first_response: median.map(round2),
        mean_hours_to_first_response: mean.map(round2),
        open_unanswered,
        open_urgent,
        promise_days,
        promise_due,
        answered_within_promise: within,
        share_within_promise: (promise_due > 0).then(|| round2(within as f64 / promise_due as f64)),
    })
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
