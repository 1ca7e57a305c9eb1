//! A finding's title: the one rule both doors (the API's JSON and the portal's
//! forms) parse a reviewer's title with, so neither can accept what the other
//! refuses.

use crate::error::DomainError;

/// A finding's title: trimmed, not empty, at most [`FindingTitle::MAX`] characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingTitle(String);

impl FindingTitle {
    /// The most characters a title may have: enough for a sentence, short enough
    /// to head a finding in lists, emails and the report.
    pub const MAX: usize = 300;

    /// Parses a title as typed; an empty, over-long or multi-line one, or one with
    /// control characters, is refused, naming the field `title`.
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        let title = raw.trim();
        if let Err(message) = crate::values::refuse_control_characters(title, crate::values::Lines::One) {
            return Err(DomainError::invalid("title", message));
        }
        if title.is_empty() || title.chars().count() > Self::MAX {
            return Err(DomainError::invalid(
                "title",
                format!("is required ({} characters at most)", Self::MAX),
            ));
        }
        Ok(Self(title.to_string()))
    }

    /// The title.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The title, to store.
    pub fn into_inner(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_is_trimmed_and_at_most_300_characters() {
        assert_eq!(
            FindingTitle::parse("  Fees charged ")
                .map(FindingTitle::into_inner)
                .ok(),
            Some("Fees charged".to_string())
        );
        assert!(
            FindingTitle::parse(&"é".repeat(300)).is_ok(),
            "characters, not bytes"
        );
        for refused in ["", "   ", &"x".repeat(301)] {
            assert!(
                matches!(FindingTitle::parse(refused), Err(DomainError::Invalid(f)) if f[0].field == "title"),
                "{refused:?} refused"
            );
        }
    }
}
