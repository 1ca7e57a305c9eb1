//! Assessments: a questionnaire sent to one supplier, answered as a draft, then
//! submitted for scoring. States (api-contract.md): `sent → in_progress →
//! submitted → scored → approved`, or `scored → returned → in_progress → …`.

mod answers;
mod offline;
mod own_work;
mod page;
mod prefill;
mod read;
mod rescore;
mod schedule_access;
mod schedules;
mod score;
mod score_inputs;
mod score_load;
mod send;
mod submit;

pub use answers::{
    SavedAnswers, carried_over_keys, load_answers, save_and_read_back, save_answers, save_draft,
};
pub use offline::{CellError, questionnaire_csv, read_answers_csv};
pub use own_work::{OwnWork, own_work};
pub use page::{ListedAssessment, assessments_of_company_with_answers};
pub use prefill::carry_over;
pub use read::{
    AssessmentFilter, AssessmentListQueries, SendRequest, answers_of, assessment_list_queries,
    assessments_of_supplier, send_for_company,
};
pub use rescore::{rescore_all, rescore_company, rescore_company_as, rescore_supplier};
pub use schedule_access::{ScheduleRequest, schedule, schedules_of, stop_schedule};
pub use schedules::{NewSchedule, SendScheduledAssessments, create_schedule, send_due};
pub use score::{Scored, score_assessment, score_assessment_from};
pub use score_inputs::{audited_origins, worker_origins};
pub use score_load::ScoringInputs;
pub use send::{SendAssessment, send_assessment};
pub use submit::{ScoreAssessment, submit_assessment};

/// Assessment states as stored.
pub mod status {
    /// Sent to the supplier, nothing answered yet.
    pub const SENT: &str = "sent";
    /// The supplier has saved answers.
    pub const IN_PROGRESS: &str = "in_progress";
    /// Submitted; waiting for the worker to score it.
    pub const SUBMITTED: &str = "submitted";
    /// Scored; waiting for review.
    pub const SCORED: &str = "scored";
    /// Approved by a reviewer.
    pub const APPROVED: &str = "approved";
    /// Returned to the supplier for changes.
    pub const RETURNED: &str = "returned";

    /// Every state, for validating filters.
    pub const ALL: [&str; 6] = [SENT, IN_PROGRESS, SUBMITTED, SCORED, APPROVED, RETURNED];

    /// States in which the supplier may still change answers.
    pub fn editable(status: &str) -> bool {
        matches!(status, SENT | IN_PROGRESS | RETURNED)
    }
}
