//! The worker pulse: five fixed questions about fees, passports, freedom to leave
//! the housing and the contract, answered anonymously through a site's
//! worker-voice link (`/v/{token}/pulse`, `POST /voice/{token}/pulse`).
//!
//! Anonymity: a set of answers is stored with its channel and its day only
//! ([`answer`]); staff see counts only once a channel has [`MIN_ANSWERS`] sets
//! ([`aggregate`]), below that nothing at all, not even how many; where the
//! counts contradict the supplier's questionnaire answers a finding is raised
//! for review ([`contradictions`]). The questions' words are in `voice.ftl`
//! (`pulse-q-*`, options `pulse-a-*`).

pub mod aggregate;
pub mod answer;
pub mod contradictions;

/// Fewer sets of answers than this are never shown: with four workers, one
/// answer can be told apart.
pub const MIN_ANSWERS: u64 = 5;

/// One fixed question: its key (the stored column) and its options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    /// `paid_fee`, `fee_amount`, `passport_holder`, `dormitory_free`, `contract_matches`.
    pub key: &'static str,
    /// The option values, in the order the form shows them.
    pub options: &'static [&'static str],
}

/// Did the worker pay anyone to get this job?
pub const PAID_FEE: Question = Question {
    key: "paid_fee",
    options: &["yes", "no"],
};
/// How much, banded in months of the worker's wages (no currency to get wrong).
pub const FEE_AMOUNT: Question = Question {
    key: "fee_amount",
    options: &[
        "nothing",
        "under_one_month",
        "one_to_three_months",
        "over_three_months",
    ],
};
/// Who holds the worker's passport.
pub const PASSPORT_HOLDER: Question = Question {
    key: "passport_holder",
    options: &["me", "employer", "agent", "someone_else", "no_passport"],
};
/// Free to leave the dormitory outside working hours.
pub const DORMITORY_FREE: Question = Question {
    key: "dormitory_free",
    options: &["yes", "no", "no_dormitory"],
};
/// Do job, pay and hours match what was promised.
pub const CONTRACT_MATCHES: Question = Question {
    key: "contract_matches",
    options: &["yes", "no"],
};

/// The five questions, in the order they are asked.
pub const QUESTIONS: [Question; 5] = [
    PAID_FEE,
    FEE_AMOUNT,
    PASSPORT_HOLDER,
    DORMITORY_FREE,
    CONTRACT_MATCHES,
];

impl Question {
    /// The `voice.ftl` key of its words.
    pub fn label_key(self) -> String {
        format!("pulse-q-{}", self.key)
    }

    /// The `voice.ftl` key of an option's words.
    pub fn option_key(option: &str) -> String {
        format!("pulse-a-{option}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_question_and_option_has_words_in_english_spanish_and_french() {
        for code in ["en", "es", "fr"] {
            let w = crate::voice::i18n::VoiceTr::new(code);
            for q in QUESTIONS {
                for key in
                    std::iter::once(q.label_key()).chain(q.options.iter().map(|o| Question::option_key(o)))
                {
                    let text = w.get(&key);
                    assert!(!text.is_empty() && text != key, "{code}: {key}");
                }
            }
        }
    }
}
