//! The catalogue of outbound emails: one key per message, stored as a string in
//! `outbound_emails.template`. The stored strings never change, so an email queued
//! before a release is still sent after it.

/// Which message an `outbound_emails` row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TemplateKey {
    /// Someone is invited to a company or supplier (carries the one-time token).
    Invitation,
    /// A questionnaire was sent to the supplier.
    AssessmentSent,
    /// An assessment is due in a few days, or overdue.
    AssessmentReminder,
    /// A reviewer sent the assessment back to the supplier.
    AssessmentReturned,
    /// Priority or zero-tolerance findings: containment now.
    FindingsPriority,
    /// The daily digest of the other findings.
    FindingsDigest,
    /// A corrective action is due soon, or overdue.
    ActionReminder,
    /// A fee audit was uploaded and computed.
    FeeAuditProcessed,
    /// An advisory report PDF is ready.
    ReportReady,
    /// An evidence pack is ready.
    EvidencePackReady,
    /// A webhook was disabled after failing again and again.
    WebhookDisabled,
    /// A worker-voice report was marked urgent.
    VoiceUrgent,
    /// A supplier or recruiter resembles a name on a public forced-labour list.
    ScreeningHit,
    /// Someone asked to reset their password (carries the one-time link).
    PasswordReset,
}

impl TemplateKey {
    /// Every key, for whoever must handle them all (the worker's renderers).
    pub const ALL: [Self; 14] = [
        Self::Invitation,
        Self::AssessmentSent,
        Self::AssessmentReminder,
        Self::AssessmentReturned,
        Self::FindingsPriority,
        Self::FindingsDigest,
        Self::ActionReminder,
        Self::FeeAuditProcessed,
        Self::ReportReady,
        Self::EvidencePackReady,
        Self::WebhookDisabled,
        Self::VoiceUrgent,
        Self::ScreeningHit,
        Self::PasswordReset,
    ];

    /// The key as stored in `outbound_emails.template`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Invitation => "invitation",
            Self::AssessmentSent => "assessment_sent",
            Self::AssessmentReminder => "assessment_reminder",
            Self::AssessmentReturned => "assessment_returned",
            Self::FindingsPriority => "findings_priority",
            Self::FindingsDigest => "findings_digest",
            Self::ActionReminder => "action_reminder",
            Self::FeeAuditProcessed => "fee_audit_processed",
            Self::ReportReady => "report_ready",
            Self::EvidencePackReady => "evidence_pack_ready",
            Self::WebhookDisabled => "webhook_disabled",
            Self::VoiceUrgent => "voice_urgent",
            Self::ScreeningHit => "screening_hit",
            Self::PasswordReset => "password_reset",
        }
    }

    /// The key a stored string names, or `None` for one this release does not know.
    pub fn parse(stored: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|key| key.as_str() == stored)
    }
}

impl std::fmt::Display for TemplateKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_round_trips_through_its_stored_string() {
        for key in TemplateKey::ALL {
            assert_eq!(TemplateKey::parse(key.as_str()), Some(key));
        }
        let mut stored: Vec<_> = TemplateKey::ALL.iter().map(|k| k.as_str()).collect();
        stored.sort_unstable();
        stored.dedup();
        assert_eq!(stored.len(), TemplateKey::ALL.len(), "two keys share a string");
        assert_eq!(TemplateKey::parse("nope"), None);
    }
}
