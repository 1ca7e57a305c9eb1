//! One struct per outbound email: the parameters a use case gives it, stored as
//! JSON in `outbound_emails.params` and read back by the worker into the same
//! type to render it. A field's name and type are the stored format, so renaming
//! one would strand queued emails: add fields with `#[serde(default)]` instead.
//!
//! `reason` is why the reader gets the message (`officer`, `contact`…); the worker
//! turns it and the other keys (role, severity, category) into words of the
//! reader's language.

use serde::{Deserialize, Serialize};

use super::TemplateKey;

/// Ties a message's parameters to its template key (as `jobs::Job` ties a job
/// kind to its payload).
pub trait Message: Serialize + for<'de> Deserialize<'de> {
    /// The template this message is rendered with.
    const KEY: TemplateKey;
}

macro_rules! message {
    ($type:ident => $key:ident) => {
        impl Message for $type {
            const KEY: TemplateKey = TemplateKey::$key;
        }
    };
}

/// An invitation to a company or supplier, with its one-time token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationMessage {
    /// The page where the invitation is accepted (token included).
    pub accept_url: String,
    /// The one-time token, to type in if the link is broken.
    pub token: String,
    /// The inviting company.
    pub company_name: String,
    /// The organization joined (the company or one of its suppliers).
    pub organization_name: String,
    /// The role key (`officer`, `supplier`…).
    pub role: String,
    /// The last day the invitation can be accepted (`YYYY-MM-DD`).
    pub expires_on: String,
}
message!(InvitationMessage => Invitation);

/// A questionnaire sent to a supplier's people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentSentMessage {
    /// The company asking.
    pub company_name: String,
    /// The supplier answering.
    pub supplier_name: String,
    /// The questionnaire's title in the reader's language.
    pub questionnaire_title: String,
    /// When answers are due (`YYYY-MM-DD`).
    pub due_date: String,
    /// The assessment's page.
    pub link: String,
}
message!(AssessmentSentMessage => AssessmentSent);

/// An assessment due soon, or overdue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentReminderMessage {
    /// The company asking.
    pub company_name: String,
    /// The supplier answering.
    pub supplier_name: String,
    /// The questionnaire's title in the reader's language.
    pub questionnaire_title: String,
    /// When answers are due (`YYYY-MM-DD`).
    pub due_date: String,
    /// Whether the due date has passed.
    pub overdue: bool,
    /// Days left, or days overdue.
    pub days: i64,
    /// Why the reader gets it.
    pub reason: String,
    /// The assessment's page.
    pub link: String,
}
message!(AssessmentReminderMessage => AssessmentReminder);

/// An assessment a reviewer sent back to the supplier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentReturnedMessage {
    /// The company reviewing.
    pub company_name: String,
    /// The supplier answering.
    pub supplier_name: String,
    /// The questionnaire's title in the reader's language.
    pub questionnaire_title: String,
    /// The reviewer's comment (what to fix).
    pub comment: String,
    /// When answers are due (`YYYY-MM-DD`).
    pub due_date: String,
    /// Why the reader gets it.
    pub reason: String,
    /// The assessment's page.
    pub link: String,
}
message!(AssessmentReturnedMessage => AssessmentReturned);

/// Priority or zero-tolerance findings of one supplier, raised together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingsPriorityMessage {
    /// The company.
    pub company_name: String,
    /// The supplier the findings concern.
    pub supplier_name: String,
    /// The findings.
    pub findings: Vec<PriorityFinding>,
    /// Why the reader gets it.
    pub reason: String,
}
message!(FindingsPriorityMessage => FindingsPriority);

/// One finding of a [`FindingsPriorityMessage`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriorityFinding {
    /// Its title.
    pub title: String,
    /// `priority`, `major` or `minor`.
    pub severity: String,
    /// The indicator key.
    pub indicator: String,
    /// A zero-tolerance issue.
    pub zero_tolerance: bool,
    /// The finding's page.
    pub link: String,
}

/// The daily digest of a company's other findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingsDigestMessage {
    /// The company.
    pub company_name: String,
    /// The day the findings were raised (`YYYY-MM-DD`).
    pub day: String,
    /// The findings listed (the first few).
    pub findings: Vec<DigestFinding>,
    /// How many findings the day raised.
    pub total: u64,
    /// Findings beyond the listed ones.
    pub more: u64,
    /// Why the reader gets it.
    pub reason: String,
}
message!(FindingsDigestMessage => FindingsDigest);

/// One finding of a [`FindingsDigestMessage`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DigestFinding {
    /// The supplier it concerns.
    pub supplier_name: String,
    /// Its title.
    pub title: String,
    /// `priority`, `major` or `minor`.
    pub severity: String,
    /// The finding's page.
    pub link: String,
}

/// A corrective action due soon, or overdue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionReminderMessage {
    /// The company.
    pub company_name: String,
    /// The supplier that must act.
    pub supplier_name: String,
    /// What must be done.
    pub description: String,
    /// The finding the action answers.
    pub finding_title: String,
    /// When it is due (`YYYY-MM-DD`).
    pub due_date: String,
    /// Whether the due date has passed.
    pub overdue: bool,
    /// Days left, or days overdue.
    pub days: i64,
    /// Why the reader gets it.
    pub reason: String,
    /// The finding's page (actions are shown and updated there).
    pub link: String,
}
message!(ActionReminderMessage => ActionReminder);

/// A fee audit uploaded and computed, with its headline figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeAuditProcessedMessage {
    /// The company.
    pub company_name: String,
    /// The supplier audited.
    pub supplier_name: String,
    /// Workers in the upload, as the summary writes it.
    pub workers: String,
    /// Workers who paid fees.
    pub workers_who_paid: String,
    /// Fees paid, in USD.
    pub total_fees_usd: String,
    /// Fees not yet repaid, in USD.
    pub total_outstanding_usd: String,
    /// Why the reader gets it.
    pub reason: String,
    /// The fee audit's page.
    pub link: String,
}
message!(FeeAuditProcessedMessage => FeeAuditProcessed);

/// An advisory report PDF is ready.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportReadyMessage {
    /// The company.
    pub company_name: String,
    /// The supplier reported on.
    pub supplier_name: String,
    /// Why the reader gets it.
    pub reason: String,
    /// The report's page.
    pub link: String,
}
message!(ReportReadyMessage => ReportReady);

/// An evidence pack (JSON, PDF, ZIP) is ready.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidencePackReadyMessage {
    /// The company.
    pub company_name: String,
    /// The supplier the pack is about.
    pub supplier_name: String,
    /// `uflpa` or `eu_flr`.
    pub regime: String,
    /// Why the reader gets it.
    pub reason: String,
    /// The pack's page.
    pub link: String,
}
message!(EvidencePackReadyMessage => EvidencePackReady);

/// A webhook disabled after too many failures in a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookDisabledMessage {
    /// The company.
    pub company_name: String,
    /// The webhook's URL.
    pub url: String,
    /// Failed attempts in a row.
    pub failures: i64,
}
message!(WebhookDisabledMessage => WebhookDisabled);

/// A worker-voice report marked urgent: names the supplier and the category,
/// never the reporter's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoiceUrgentMessage {
    /// The company.
    pub company_name: String,
    /// The supplier the report concerns.
    pub supplier_name: String,
    /// The category key.
    pub category: String,
    /// The case's code.
    pub case_code: String,
    /// Why the reader gets it.
    pub reason: String,
    /// The case's page.
    pub link: String,
}
message!(VoiceUrgentMessage => VoiceUrgent);

/// A new hit of the screening against the public forced-labour lists: who
/// resembles which entry, and how closely.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScreeningHitMessage {
    /// The company.
    pub company_name: String,
    /// The supplier or recruiter screened.
    pub subject_name: String,
    /// The list's name (e.g. the CBP withhold release orders and findings).
    pub list_name: String,
    /// The list entry it resembles.
    pub entry_name: String,
    /// The similarity, two decimals (0.90–1.00).
    pub score: String,
    /// Why the reader gets it.
    pub reason: String,
    /// The company's screening page.
    pub link: String,
}
message!(ScreeningHitMessage => ScreeningHit);

/// A password reset someone asked for, with its one-time link (valid one hour).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordResetMessage {
    /// The page where the new password is chosen (token included).
    pub reset_url: String,
    /// How many minutes the link stays valid.
    pub valid_minutes: u32,
}
message!(PasswordResetMessage => PasswordReset);
