//! The hire dates a corridor analysis looks at (`?from=&to=`), parsed once.

use chrono::NaiveDate;

use crate::error::{DomainError, FieldError};

/// Workers hired from `from` to `to`, both included; an open end takes every date.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HirePeriod {
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
}

impl HirePeriod {
    /// Every hire date.
    pub const ALL: Self = Self { from: None, to: None };

    /// Reads `from` and `to` as `YYYY-MM-DD`; absent or empty means open (an empty
    /// date field of a form is sent as `from=`). Every bad one is named, and `from`
    /// after `to` is refused on `from`.
    pub fn parse(from: Option<&str>, to: Option<&str>) -> Result<Self, DomainError> {
        let mut errors = Vec::new();
        let mut date = |field: &str, raw: Option<&str>| match raw.map(str::trim) {
            None | Some("") => None,
            Some(raw) => match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
                Ok(date) => Some(date),
                Err(_) => {
                    errors.push(FieldError::new(
                        field,
                        "must be a date written YYYY-MM-DD, e.g. 2026-03-31",
                    ));
                    None
                }
            },
        };
        let period = Self {
            from: date("from", from),
            to: date("to", to),
        };
        if let (Some(from), Some(to)) = (period.from, period.to)
            && from > to
        {
            errors.push(FieldError::new("from", "must not be after to"));
        }
        if errors.is_empty() {
            Ok(period)
        } else {
            Err(DomainError::Invalid(errors))
        }
    }

    /// The first hire date taken, if bounded.
    pub fn from(&self) -> Option<NaiveDate> {
        self.from
    }

    /// The last hire date taken, if bounded.
    pub fn to(&self) -> Option<NaiveDate> {
        self.to
    }

    /// Whether a worker hired on `date` is in the period.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|from| from <= date) && self.to.is_none_or(|to| date <= to)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn fields(error: DomainError) -> Vec<(String, String)> {
        match error {
            DomainError::Invalid(errors) => errors.into_iter().map(|e| (e.field, e.message)).collect(),
            other => panic!("not a validation error: {other}"),
        }
    }

    #[test]
    fn both_ends_are_included_and_an_open_end_takes_everything() {
        let period = HirePeriod::parse(Some("2026-02-01"), Some("2026-02-28")).unwrap();
        assert!(period.contains(day("2026-02-01")));
        assert!(period.contains(day("2026-02-28")));
        assert!(!period.contains(day("2026-01-31")));
        assert!(!period.contains(day("2026-03-01")));
        let open = HirePeriod::parse(Some(""), None).unwrap();
        assert_eq!(open, HirePeriod::ALL);
        assert!(open.contains(day("1990-01-01")));
        let from_only = HirePeriod::parse(Some("2026-02-01"), Some(" ")).unwrap();
        assert!(from_only.contains(day("2030-01-01")) && !from_only.contains(day("2026-01-31")));
    }

    #[test]
    fn bad_dates_are_named_and_a_reversed_period_is_refused_on_from() {
        let both = fields(HirePeriod::parse(Some("2026-13-01"), Some("yesterday")).unwrap_err());
        assert_eq!(
            both.iter().map(|(f, _)| f.as_str()).collect::<Vec<_>>(),
            ["from", "to"]
        );
        let reversed = fields(HirePeriod::parse(Some("2026-03-01"), Some("2026-02-01")).unwrap_err());
        assert_eq!(
            reversed,
            [("from".to_string(), "must not be after to".to_string())]
        );
        // One day is a period.
        assert!(HirePeriod::parse(Some("2026-03-01"), Some("2026-03-01")).is_ok());
    }
}
