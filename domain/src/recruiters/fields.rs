//! The registry's fields as typed once: input as it arrives from either door
//! ([`RecruiterInput`], every field optional, `Some(None)` clears), parsed into
//! [`RecruiterChanges`] with every bad field named at once.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{
    error::{DomainError, FieldError},
    values::{CountryCode, Lines, RequiredText, refuse_control_characters},
};

/// At most this many licences and origin countries per recruiter.
const MAX_LICENCES: usize = 20;
const MAX_ORIGINS: usize = 60;
/// At most this many suppliers a recruiter works for, per change.
const MAX_EMPLOYERS: usize = 500;

/// IRIS certification status, as the company recorded it from a source it names
/// (IOM's International Recruitment Integrity System publishes who is certified;
/// Fairhire does not certify anyone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IrisStatus {
    /// Nothing recorded.
    None,
    /// The recruiter applied.
    Applied,
    /// Certified.
    Certified,
    /// Certification suspended.
    Suspended,
}

impl IrisStatus {
    /// Every status, in order.
    pub const ALL: [Self; 4] = [Self::None, Self::Applied, Self::Certified, Self::Suspended];

    /// The stored and JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Applied => "applied",
            Self::Certified => "certified",
            Self::Suspended => "suspended",
        }
    }

    /// The status of a stored or typed name.
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw.trim())
    }
}

/// A licence the recruiter holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Licence {
    /// The number on the licence.
    pub number: String,
    /// The country that issued it (ISO 3166-1 alpha-2).
    pub issuing_country: String,
    /// The authority that issued it, as written on it.
    pub authority: String,
    /// When it expires, if it does.
    pub expires_on: Option<NaiveDate>,
}

/// A licence as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct LicenceInput {
    /// The number.
    pub number: String,
    /// ISO code of the issuing country.
    pub issuing_country: String,
    /// The issuing authority.
    pub authority: String,
    /// `YYYY-MM-DD`, or empty.
    pub expires_on: Option<String>,
}

/// The changes as they arrive; an absent field is left as it is.
#[derive(Debug, Clone, Default)]
pub struct RecruiterInput {
    /// The recruiter this one is a sub-agent of; `Some(None)` clears.
    pub sub_agent_of: Option<Option<Uuid>>,
    /// The suppliers it works for (replaces the list).
    pub works_for: Option<Vec<Uuid>>,
    /// The countries it recruits from, as codes (replaces the list).
    pub origin_countries: Option<Vec<String>>,
    /// Its licences (replaces the list).
    pub licences: Option<Vec<LicenceInput>>,
    /// IRIS status name.
    pub iris_status: Option<String>,
    /// The date the status holds from, `YYYY-MM-DD`.
    pub iris_status_on: Option<Option<String>>,
    /// Where the company read the status.
    pub iris_source: Option<Option<String>>,
}

/// The IRIS record: status, with a date and source unless `none`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IrisRecord {
    /// The status.
    pub status: IrisStatus,
    /// From when (`None` only for `none`).
    pub on: Option<NaiveDate>,
    /// The source (`None` only for `none`).
    pub source: Option<String>,
}

/// The changes, checked.
#[derive(Debug, Clone, Default)]
pub struct RecruiterChanges {
    /// See [`RecruiterInput`].
    pub sub_agent_of: Option<Option<Uuid>>,
    /// Deduplicated.
    pub works_for: Option<Vec<Uuid>>,
    /// Deduplicated, in the order given.
    pub origin_countries: Option<Vec<CountryCode>>,
    /// In the order given.
    pub licences: Option<Vec<Licence>>,
    /// Set when any IRIS field is given: the whole record, checked together.
    pub iris: Option<IrisRecord>,
}

fn date(raw: &str) -> Result<Option<NaiveDate>, String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| "must be a date, YYYY-MM-DD".to_string())
}

fn dedup<T: PartialEq + Clone>(items: &[T]) -> Vec<T> {
    let mut out: Vec<T> = Vec::with_capacity(items.len());
    for item in items {
        if !out.contains(item) {
            out.push(item.clone());
        }
    }
    out
}

impl RecruiterInput {
    /// Checks every field against `current_iris` (what is stored, for a partial
    /// IRIS change); every bad field is named (`licences[0].number`, …).
    pub fn parse(self, current_iris: &IrisRecord) -> Result<RecruiterChanges, DomainError> {
        let mut errors: Vec<FieldError> = Vec::new();
        let works_for = self.works_for.map(|ids| {
            if ids.len() > MAX_EMPLOYERS {
                errors.push(FieldError::new(
                    "works_for",
                    format!("at most {MAX_EMPLOYERS} suppliers"),
                ));
            }
            dedup(&ids)
        });
        let origin_countries = self.origin_countries.map(|codes| {
            if codes.len() > MAX_ORIGINS {
                errors.push(FieldError::new(
                    "origin_countries",
                    format!("at most {MAX_ORIGINS} countries"),
                ));
            }
            let mut parsed = Vec::new();
            for (i, code) in codes.iter().enumerate() {
                // `parse` trims Unicode spaces: a control character is refused first.
                let checked =
                    refuse_control_characters(code, Lines::One).and_then(|()| CountryCode::parse(code));
                match checked {
                    Ok(code) => parsed.push(code),
                    Err(_) => errors.push(FieldError::new(
                        format!("origin_countries[{i}]"),
                        "must be an ISO 3166-1 alpha-2 country code",
                    )),
                }
            }
            dedup(&parsed)
        });
        let licences = self.licences.map(|list| {
            if list.len() > MAX_LICENCES {
                errors.push(FieldError::new(
                    "licences",
                    format!("at most {MAX_LICENCES} licences"),
                ));
            }
            let mut parsed = Vec::new();
            for (i, l) in list.into_iter().enumerate() {
                let field = |name: &str| format!("licences[{i}].{name}");
                let number = RequiredText::parse(&l.number, 100)
                    .map_err(|m| errors.push(FieldError::new(field("number"), m)))
                    .ok();
                let country = refuse_control_characters(&l.issuing_country, Lines::One)
                    .and_then(|()| CountryCode::parse(&l.issuing_country))
                    .map_err(|_| {
                        errors.push(FieldError::new(
                            field("issuing_country"),
                            "must be an ISO 3166-1 alpha-2 country code",
                        ));
                    })
                    .ok();
                let authority = RequiredText::parse(&l.authority, 200)
                    .map_err(|m| errors.push(FieldError::new(field("authority"), m)))
                    .ok();
                let expires_on = date(l.expires_on.as_deref().unwrap_or(""))
                    .map_err(|m| errors.push(FieldError::new(field("expires_on"), m)))
                    .ok();
                if let (Some(number), Some(country), Some(authority), Some(expires_on)) =
                    (number, country, authority, expires_on)
                {
                    parsed.push(Licence {
                        number: number.into_inner(),
                        issuing_country: country.as_str().to_string(),
                        authority: authority.into_inner(),
                        expires_on,
                    });
                }
            }
            parsed
        });
        let iris =
            if self.iris_status.is_some() || self.iris_status_on.is_some() || self.iris_source.is_some() {
                let status = match self.iris_status.as_deref() {
                    None => Some(current_iris.status),
                    Some(raw) => IrisStatus::parse(raw).or_else(|| {
                        errors.push(FieldError::new(
                            "iris_status",
                            "must be one of none, applied, certified, suspended",
                        ));
                        None
                    }),
                };
                let on = match self.iris_status_on {
                    None => Some(current_iris.on),
                    Some(raw) => date(raw.as_deref().unwrap_or(""))
                        .map_err(|m| errors.push(FieldError::new("iris_status_on", m)))
                        .ok(),
                };
                let source = match self.iris_source {
                    None => Some(current_iris.source.clone()),
                    Some(None) => Some(None),
                    Some(Some(raw)) if raw.trim().is_empty() => Some(None),
                    Some(Some(raw)) => RequiredText::parse(&raw, 500)
                        .map(|t| Some(t.into_inner()))
                        .map_err(|m| errors.push(FieldError::new("iris_source", m)))
                        .ok(),
                };
                match (status, on, source) {
                    (Some(IrisStatus::None), Some(_), Some(_)) => Some(IrisRecord {
                        status: IrisStatus::None,
                        on: None,
                        source: None,
                    }),
                    (Some(status), Some(on), Some(source)) => {
                        // Recorded by the company from a source, never a claim of ours.
                        if on.is_none() {
                            errors.push(FieldError::new(
                                "iris_status_on",
                                "give the date the status holds from",
                            ));
                        }
                        if source.is_none() {
                            errors.push(FieldError::new(
                                "iris_source",
                                "say where you read the status (for example IOM's published list, and when)",
                            ));
                        }
                        Some(IrisRecord { status, on, source })
                    }
                    _ => None,
                }
            } else {
                None
            };
        if !errors.is_empty() {
            return Err(DomainError::Invalid(errors));
        }
        Ok(RecruiterChanges {
            sub_agent_of: self.sub_agent_of,
            works_for,
            origin_countries,
            licences,
            iris,
        })
    }
}

/// The licences stored on a row (an unreadable value is a bug: written only here).
pub fn stored_licences(raw: Option<&str>) -> Vec<Licence> {
    raw.and_then(|text| serde_json::from_str(text).ok())
        .unwrap_or_default()
}

/// The origin countries stored on a row.
pub fn stored_origins(raw: Option<&str>) -> Vec<String> {
    raw.and_then(|text| serde_json::from_str(text).ok())
        .unwrap_or_default()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn none() -> IrisRecord {
        IrisRecord {
            status: IrisStatus::None,
            on: None,
            source: None,
        }
    }

    fn fields(error: DomainError) -> Vec<String> {
        match error {
            DomainError::Invalid(list) => list.into_iter().map(|f| f.field).collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn every_bad_field_is_named_with_its_index() {
        let input = RecruiterInput {
            origin_countries: Some(vec!["NP".into(), "XX".into()]),
            licences: Some(vec![
                LicenceInput {
                    number: "RL-1".into(),
                    issuing_country: "NP".into(),
                    authority: "Department of Foreign Employment".into(),
                    expires_on: Some("2027-01-31".into()),
                },
                LicenceInput {
                    number: " ".into(),
                    issuing_country: "Nepal".into(),
                    authority: String::new(),
                    expires_on: Some("31/01/2027".into()),
                },
            ]),
            iris_status: Some("gold".into()),
            ..RecruiterInput::default()
        };
        assert_eq!(
            fields(input.parse(&none()).unwrap_err()),
            [
                "origin_countries[1]",
                "licences[1].number",
                "licences[1].issuing_country",
                "licences[1].authority",
                "licences[1].expires_on",
                "iris_status",
            ]
        );
    }

    #[test]
    fn a_status_other_than_none_needs_its_date_and_source_and_none_clears_them() {
        let certified = RecruiterInput {
            iris_status: Some("certified".into()),
            ..RecruiterInput::default()
        };
        assert_eq!(
            fields(certified.parse(&none()).unwrap_err()),
            ["iris_status_on", "iris_source"]
        );
        let recorded = RecruiterInput {
            iris_status: Some("certified".into()),
            iris_status_on: Some(Some("2026-06-01".into())),
            iris_source: Some(Some("IOM IRIS list, read 2026-06-02".into())),
            ..RecruiterInput::default()
        }
        .parse(&none())
        .unwrap()
        .iris
        .unwrap();
        assert_eq!(recorded.status, IrisStatus::Certified);
        // A later change of the status alone keeps the date and source stored.
        let suspended = RecruiterInput {
            iris_status: Some("suspended".into()),
            ..RecruiterInput::default()
        }
        .parse(&recorded)
        .unwrap()
        .iris
        .unwrap();
        assert_eq!(
            (suspended.status, suspended.on),
            (IrisStatus::Suspended, recorded.on)
        );
        let cleared = RecruiterInput {
            iris_status: Some("none".into()),
            ..RecruiterInput::default()
        }
        .parse(&recorded)
        .unwrap()
        .iris
        .unwrap();
        assert_eq!(cleared, none());
    }

    #[test]
    fn lists_are_deduplicated_in_their_order() {
        let changes = RecruiterInput {
            // Lower case is a code too, made upper case.
            origin_countries: Some(vec!["np".into(), "BD".into(), "NP".into()]),
            ..RecruiterInput::default()
        }
        .parse(&none())
        .unwrap();
        let codes: Vec<&str> = changes
            .origin_countries
            .as_ref()
            .unwrap()
            .iter()
            .map(CountryCode::as_str)
            .collect();
        assert_eq!(codes, ["NP", "BD"]);
    }
}
