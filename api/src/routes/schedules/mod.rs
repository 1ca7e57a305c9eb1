//! Recurring assessments: a questionnaire sent to a supplier every N months.

pub mod create;
pub mod delete;
pub mod list;

use chrono::{DateTime, NaiveDate, Utc};
use domain::entities::assessment_schedule;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// A schedule as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ScheduleResponse {
    /// The schedule's id, for stopping it (`DELETE /assessment-schedules/{id}`).
    pub id: Uuid,
    /// The supplier.
    pub supplier_id: Uuid,
    /// The questionnaire.
    pub questionnaire_id: Uuid,
    /// Months between sends.
    pub every_months: i32,
    /// Days to answer each one.
    pub due_in_days: i32,
    /// The next send.
    pub next_send_on: NaiveDate,
    /// Whether it still runs.
    pub active: bool,
    /// Created.
    pub created_at: DateTime<Utc>,
}

impl From<assessment_schedule::Model> for ScheduleResponse {
    fn from(s: assessment_schedule::Model) -> Self {
        Self {
            id: s.id,
            supplier_id: s.supplier_id,
            questionnaire_id: s.questionnaire_id,
            every_months: s.every_months,
            due_in_days: s.due_in_days,
            next_send_on: s.next_send_on,
            active: s.active,
            created_at: s.created_at,
        }
    }
}
