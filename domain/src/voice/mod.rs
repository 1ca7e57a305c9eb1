//! Worker voice: a public, no-login channel per supplier site where a worker
//! reports a problem anonymously, and the cases officers and advisors handle from
//! those reports.
//!
//! Anonymity by design: a report carries no IP address, user agent or cookie (the
//! tables have no column for them); the reporter holds a case code and a secret
//! (only its SHA-256 is stored); the words (report, contact, replies, notes) are
//! sealed at rest with an AEAD key ([`seal::VoiceKey`]); the rate limit keeps
//! only keyed hashes of client addresses, under a salt that is thrown away with
//! each window ([`throttle::ReportThrottle`]). Supplier users never reach a case:
//! cases are read through [`cases::readable`], which answers `NotFound` to anyone
//! but the company's own staff.

pub mod case_referrals;
pub mod cases;
pub mod channels;
pub mod codes;
pub mod i18n;
pub mod messaging;
pub mod metrics;
pub mod posters;
pub mod promise;
pub mod pulse;
pub mod referrals;
pub mod seal;
pub mod staff;
pub mod submit;
pub mod throttle;

/// What a worker can report, each mapped to an ILO indicator key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// Recruitment fees or debts.
    RecruitmentFees,
    /// Passport or documents held.
    DocumentsHeld,
    /// Wages withheld or deducted.
    WagesWithheld,
    /// Threats or violence.
    ThreatsViolence,
    /// Not free to leave the site or the dormitory.
    RestrictedMovement,
    /// Excessive or forced overtime.
    ExcessiveHours,
    /// Housing conditions.
    Housing,
    /// Under-age workers.
    UnderAge,
    /// Deceived about the job, or the contract replaced by one on worse terms.
    Deception,
    /// A debt the worker must work off before they may leave (debt bondage).
    Debt,
    /// Anything else.
    Other,
}

impl Category {
    /// Every category, in the order the form lists them.
    pub const ALL: [Category; 11] = [
        Self::RecruitmentFees,
        Self::DocumentsHeld,
        Self::WagesWithheld,
        Self::ThreatsViolence,
        Self::RestrictedMovement,
        Self::ExcessiveHours,
        Self::Housing,
        Self::UnderAge,
        Self::Deception,
        Self::Debt,
        Self::Other,
    ];

    /// The stored key.
    pub fn key(self) -> &'static str {
        match self {
            Self::RecruitmentFees => "recruitment_fees",
            Self::DocumentsHeld => "documents_held",
            Self::WagesWithheld => "wages_withheld",
            Self::ThreatsViolence => "threats_violence",
            Self::RestrictedMovement => "restricted_movement",
            Self::ExcessiveHours => "excessive_hours",
            Self::Housing => "housing",
            Self::UnderAge => "under_age",
            Self::Deception => "deception",
            Self::Debt => "debt",
            Self::Other => "other",
        }
    }

    /// Parses a stored key.
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.key() == raw.trim())
    }

    /// The ILO forced-labour indicator (or fair-recruitment key) it points to.
    pub fn indicator(self) -> &'static str {
        match self {
            Self::RecruitmentFees => "debt_bondage",
            Self::DocumentsHeld => "retention_of_identity_documents",
            Self::WagesWithheld => "withholding_of_wages",
            Self::ThreatsViolence => "intimidation_threats",
            Self::RestrictedMovement => "restriction_of_movement",
            Self::ExcessiveHours => "excessive_overtime",
            Self::Housing => "abusive_conditions",
            Self::UnderAge => "abuse_of_vulnerability",
            Self::Deception => "deception",
            Self::Debt => "debt_bondage",
            Self::Other => "access_to_remedy",
        }
    }

    /// Whether a confirmed case of this category is one of the zero-tolerance
    /// facts (questionnaire-format.md, model 2, "One severity for one fact"):
    /// documents retained, violence, child labour, contract substitution on worse
    /// terms (deception), and debt bondage — a debt worked off before the worker
    /// may leave is forced labour, the fact behind "fees recovered by deductions
    /// from wages" (ethical-recruitment.md: "forced labour or trafficking
    /// indicators" and "proven deception or contract substitution" are zero
    /// tolerance). Recruitment fees are remedied
    /// by repayment (priority, not zero tolerance); "wages withheld or deducted"
    /// also covers lawful deductions and a statutory end-of-service gratuity, so the
    /// category alone does not make it zero tolerance (a reviewer who finds wages
    /// held to stop workers leaving adds that finding by hand).
    pub fn is_zero_tolerance_fact(self) -> bool {
        matches!(
            self,
            Self::DocumentsHeld | Self::ThreatsViolence | Self::UnderAge | Self::Deception | Self::Debt
        )
    }

    /// Urgent categories alert the company's officers and advisors at once: the
    /// ones where a worker may be held now (documents, threats, under age, not
    /// free to leave, a debt to work off, a job that was not the one promised).
    pub fn urgent(self) -> bool {
        matches!(
            self,
            Self::ThreatsViolence
                | Self::DocumentsHeld
                | Self::UnderAge
                | Self::RestrictedMovement
                | Self::Deception
                | Self::Debt
        )
    }
}

/// Case states as stored.
pub mod status {
    /// Just reported, nobody has answered yet.
    pub const NEW: &str = "new";
    /// A handler has seen it and answered.
    pub const ACKNOWLEDGED: &str = "acknowledged";
    /// Being looked into.
    pub const INVESTIGATING: &str = "investigating";
    /// The problem is confirmed; findings can be raised.
    pub const CONFIRMED: &str = "confirmed";
    /// Looked into and not confirmed.
    pub const NOT_CONFIRMED: &str = "not_confirmed";
    /// Finished.
    pub const CLOSED: &str = "closed";
    /// Every state.
    pub const ALL: [&str; 6] = [NEW, ACKNOWLEDGED, INVESTIGATING, CONFIRMED, NOT_CONFIRMED, CLOSED];
    /// Whether a case in `status` still needs work.
    pub fn is_open(status: &str) -> bool {
        !matches!(status, NOT_CONFIRMED | CLOSED)
    }
}

/// Message kinds on a case.
pub mod message_kind {
    /// A reply the reporter reads with their code and secret.
    pub const REPLY: &str = "reply";
    /// An internal note for handlers only.
    pub const NOTE: &str = "note";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_points_to_a_known_indicator() {
        for c in Category::ALL {
            assert!(crate::reference::is_indicator(c.indicator()), "{c:?}");
            assert_eq!(Category::parse(c.key()), Some(c));
        }
        assert!(Category::ThreatsViolence.urgent());
        assert!(!Category::Housing.urgent());
        for urgent in [Category::Deception, Category::Debt, Category::RestrictedMovement] {
            assert!(urgent.urgent(), "{urgent:?}");
        }
        assert_eq!(Category::Deception.indicator(), "deception");
        assert_eq!(Category::Debt.indicator(), "debt_bondage");
        // Keys stored before these categories existed still parse.
        for old in ["recruitment_fees", "restricted_movement", "other"] {
            assert!(Category::parse(old).is_some(), "{old}");
        }
    }
}

/// What the HTTP doors of worker voice share: the sealing key and the two
/// anonymous throttles (one instance per process, so the API and the portal
/// count together).
#[derive(Debug)]
pub struct Voice {
    /// Seals and opens the words.
    pub key: seal::VoiceKey,
    /// Limits report submissions per client.
    pub reports: throttle::ReportThrottle,
    /// Limits case checks per client.
    pub checks: throttle::ReportThrottle,
}

impl Voice {
    /// With the default limits.
    pub fn new(key: seal::VoiceKey) -> Self {
        Self {
            key,
            reports: throttle::ReportThrottle::for_reports(),
            checks: throttle::ReportThrottle::for_checks(),
        }
    }
}
