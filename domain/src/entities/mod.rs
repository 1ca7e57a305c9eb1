//! sea-orm entities, one file per table. Column meanings are in the migration and
//! in each model's doc comments.

pub mod api_key;
pub mod assessment;
pub mod assessment_answer;
pub mod assessment_schedule;
pub mod audit_event;
pub mod corrective_action;
pub mod evidence_file;
pub mod fee_audit;
pub mod fee_audit_line;
pub mod fee_audit_recruiter;
pub mod fee_audit_worker;
pub mod finding;
pub mod fx_rate;
pub mod idempotency_key;
pub mod invitation;
pub mod job;
pub mod membership;
pub mod organization;
pub mod outbound_email;
pub mod questionnaire;
pub mod recruiter;
pub mod repayment;
pub mod report;
pub mod risk_override;
pub mod supplier;
pub mod supplier_risk_history;
pub mod user;
pub mod webhook;
pub mod webhook_delivery;
pub mod webhook_event;
