//! Notifications: who is told what, in which language, and when.
//!
//! Events — an assessment returned, findings raised, a fee audit processed, a
//! report ready, screening hits raised — are recorded by the functions below as one `notify` job in the
//! caller's transaction, so a notification exists exactly when the change that
//! causes it commits. The worker runs the job, which calls [`deliver`]: it picks
//! the recipients, their language and the absolute links (the public URL is the
//! worker's configuration, not the event's) and queues one email each with
//! [`crate::email::queue_once`], keyed by the job, so a retry sends nothing twice.
//! The scheduler's periodic jobs call [`queue_reminders`] and [`queue_digests`].
//!
//! Recipients come only from the company's and the supplier's memberships, the
//! supplier's contact address and an action's owner when the owner is one of those
//! people (see [`recipients`]).

mod deliver;
mod digest;
mod emails;
mod preferences;
pub mod recipients;
mod reminders;

use sea_orm::ConnectionTrait;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use deliver::deliver;
pub use digest::queue_digests;
pub use emails::list_emails;
pub use preferences::{PreferenceChange, Preferences, update_preferences};
pub use reminders::queue_reminders;

use crate::{
    entities::{assessment, evidence_pack, fee_audit, finding, report, screening_hit},
    error::DomainError,
    jobs::{self, JobOptions},
};

/// The `send_reminders` job: the day's reminders (assessments and corrective
/// actions due or overdue as of `day`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SendReminders {
    /// The (UTC) day.
    pub day: chrono::NaiveDate,
}

impl jobs::Job for SendReminders {
    const KIND: &'static str = "send_reminders";
}

impl jobs::Daily for SendReminders {
    fn for_day(day: chrono::NaiveDate) -> Self {
        Self { day }
    }
}

/// The `send_digest` job: the digest of the findings of the day before `day` that
/// were not worth an email of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SendDigest {
    /// The (UTC) day the digest is sent.
    pub day: chrono::NaiveDate,
}

impl jobs::Job for SendDigest {
    const KIND: &'static str = "send_digest";
}

impl jobs::Daily for SendDigest {
    fn for_day(day: chrono::NaiveDate) -> Self {
        Self { day }
    }
}

/// The `notify` job fans one event out to its recipients.
impl jobs::Job for Event {
    const KIND: &'static str = "notify";
}

/// Something that happened and that people must hear about: the payload of a
/// `notify` job (ids only; the worker loads the current rows).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    /// A reviewer returned the assessment; its `review_comment` says why.
    AssessmentReturned {
        /// The assessment.
        assessment_id: Uuid,
    },
    /// Priority or zero-tolerance findings were raised.
    FindingsRaised {
        /// The findings that call for an email at once.
        finding_ids: Vec<Uuid>,
    },
    /// A fee audit was processed.
    FeeAuditProcessed {
        /// The fee audit.
        fee_audit_id: Uuid,
    },
    /// A report PDF is ready.
    ReportReady {
        /// The report.
        report_id: Uuid,
    },
    /// An evidence pack (JSON, PDF, ZIP) is ready.
    EvidencePackReady {
        /// The pack.
        pack_id: Uuid,
    },
    /// New screening hits of one subject.
    ScreeningHits {
        /// The hits.
        hit_ids: Vec<Uuid>,
    },
}

/// Tells the supplier's users and contact that `assessment` was returned for
/// changes, with the reviewer's comment (its `review_comment`) and the link to
/// the assessment. Call on the transaction that sets it `returned`.
pub async fn assessment_returned<C: ConnectionTrait>(
    db: &C,
    assessment: &assessment::Model,
) -> Result<(), DomainError> {
    notify(
        db,
        &Event::AssessmentReturned {
            assessment_id: assessment.id,
        },
    )
    .await
}

/// Tells the company's admins, officers and advisors at once about the
/// `priority` and zero-tolerance findings among `findings` (asking for
/// containment; ethical-recruitment.md §6). The other findings need no call:
/// the daily digest picks them up by `created_at`. Call on the transaction that
/// inserts the findings (the scoring job, a fee-audit upload, a manual finding);
/// does nothing when no finding is urgent.
pub async fn findings_raised<C: ConnectionTrait>(
    db: &C,
    findings: &[finding::Model],
) -> Result<(), DomainError> {
    let finding_ids: Vec<Uuid> = findings
        .iter()
        .filter(|f| is_immediate(f))
        .map(|f| f.id)
        .collect();
    if finding_ids.is_empty() {
        return Ok(());
    }
    notify(db, &Event::FindingsRaised { finding_ids }).await
}

/// Tells the company's admins, officers and advisors that `fee_audit` was
/// processed, with its headline figures and link. Call on the upload's
/// transaction, after the summary is stored.
pub async fn fee_audit_processed<C: ConnectionTrait>(
    db: &C,
    fee_audit: &fee_audit::Model,
) -> Result<(), DomainError> {
    notify(
        db,
        &Event::FeeAuditProcessed {
            fee_audit_id: fee_audit.id,
        },
    )
    .await
}

/// Tells the company's admins and officers (and whoever requested it, if they
/// are one of the company's users) that `report` is ready, with its portal link.
/// Call on the transaction that marks the report `ready`.
pub async fn report_ready<C: ConnectionTrait>(db: &C, report: &report::Model) -> Result<(), DomainError> {
    notify(db, &Event::ReportReady { report_id: report.id }).await
}

/// Tells the company's admins and officers (and whoever requested it, if they
/// are one of the company's users) that evidence pack `pack` is ready. Call on
/// the transaction that marks it `ready`.
pub async fn evidence_pack_ready<C: ConnectionTrait>(
    db: &C,
    pack: &evidence_pack::Model,
) -> Result<(), DomainError> {
    notify(db, &Event::EvidencePackReady { pack_id: pack.id }).await
}

/// Tells the company's officers and admins about new screening hits (a name
/// resembling one on a public forced-labour list), with the link to review them.
/// Call on the transaction that stores the hits; does nothing for none.
pub async fn screening_hits_raised<C: ConnectionTrait>(
    db: &C,
    hits: &[screening_hit::Model],
) -> Result<(), DomainError> {
    if hits.is_empty() {
        return Ok(());
    }
    let hit_ids = hits.iter().map(|h| h.id).collect();
    notify(db, &Event::ScreeningHits { hit_ids }).await
}

/// Whether a finding is emailed at once rather than in the digest.
pub fn is_immediate(finding: &finding::Model) -> bool {
    finding.severity == "priority" || finding.zero_tolerance
}

/// Queues the `notify` job for `event` on the caller's connection.
async fn notify<C: ConnectionTrait>(db: &C, event: &Event) -> Result<(), DomainError> {
    let options = JobOptions {
        max_attempts: 8,
        ..JobOptions::default()
    };
    jobs::enqueue(db, event, options).await?;
    Ok(())
}

/// `{public_url}/{kind}/{id}`: the portal page an email points at.
fn link(public_url: &str, kind: &str, id: Uuid) -> String {
    format!("{}/{kind}/{id}", public_url.trim_end_matches('/'))
}
