//! Open Supply Hub (opensupplyhub.org): what it knows of a production location,
//! and how a search's answer becomes an outcome for one of our sites.
//!
//! The API used is `GET /api/v1/production-locations/` as documented in
//! opensupplyhub/open-supply-hub-api-examples: how_to/1_quick_start_guide.md
//! (the `Authorization: Token <key>` header, `?os_id=` and the sample response
//! `{"count", "data": [{"os_id", "name", "address", "country": {"alpha_2"},
//! "coordinates": {"lat", "lng"}, "claim_status", "affiliations", "sector",
//! "number_of_workers": {"min", "max"}, "parent_company", ...}]}`) and
//! how_to/fuzzy_search_guide.md (`?name=` fuzzy, `?country=` two-letter code,
//! exact; `?size=` results per page).

mod client;

pub use client::{OsHub, OsHubError};

use serde::{Deserialize, Serialize};

/// Open Supply Hub's production base URL (quick start guide, "Choose Your
/// Environment"); its staging twin is `https://staging.opensupplyhub.org`.
pub const DEFAULT_URL: &str = "https://opensupplyhub.org";

/// How many candidates a search asks for: enough to choose from on one screen.
pub const SEARCH_SIZE: u32 = 10;

/// A production location as Open Supply Hub describes it; every field but the OS
/// ID and the name may be missing from its answer.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Facility {
    /// Its OS ID.
    pub os_id: String,
    /// Its name on Open Supply Hub.
    pub name: String,
    /// Its address there.
    #[serde(default)]
    pub address: Option<String>,
    /// Its country.
    #[serde(default)]
    pub country: Option<FacilityCountry>,
    /// Where it is.
    #[serde(default)]
    pub coordinates: Option<FacilityCoordinates>,
    /// `claimed` when the facility itself has claimed its profile.
    #[serde(default)]
    pub claim_status: Option<String>,
    /// Memberships and certifications contributors reported (e.g. "SEDEX").
    #[serde(default)]
    pub affiliations: Vec<String>,
    /// Sectors.
    #[serde(default)]
    pub sector: Vec<String>,
    /// The reported range of workers.
    #[serde(default)]
    pub number_of_workers: Option<WorkerRange>,
    /// The parent company contributors named.
    #[serde(default)]
    pub parent_company: Option<String>,
}

/// A country in Open Supply Hub's answer.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct FacilityCountry {
    /// ISO 3166-1 alpha-2.
    pub alpha_2: String,
}

/// A point in Open Supply Hub's answer.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
pub struct FacilityCoordinates {
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lng: f64,
}

/// A reported range of workers.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
pub struct WorkerRange {
    /// Fewest reported.
    pub min: Option<i64>,
    /// Most reported.
    pub max: Option<i64>,
}

/// The body of a `production-locations` answer.
#[derive(Debug, Deserialize)]
pub(crate) struct SearchAnswer {
    pub data: Vec<Facility>,
}

/// What a search found for a site.
#[derive(Debug, Clone, PartialEq)]
pub enum MatchOutcome {
    /// One confident match: link it.
    Found(Facility),
    /// Candidates to choose from; nothing is linked.
    Ambiguous(Vec<Facility>),
    /// Nothing in that country by that name.
    NotFound,
}

pub(crate) fn normalised(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Decides what the candidates mean for a site called `name` in `country`.
/// The name search is fuzzy (up to two edits, fuzzy_search_guide.md), so only a
/// single candidate in the site's country with the very same name (ignoring case
/// and spacing) is confident; anything else is offered for a person to choose.
pub fn classify(name: &str, country: &str, candidates: Vec<Facility>) -> MatchOutcome {
    let in_country: Vec<Facility> = candidates
        .into_iter()
        .filter(|f| {
            f.country
                .as_ref()
                .is_none_or(|c| c.alpha_2.eq_ignore_ascii_case(country))
        })
        .collect();
    let wanted = normalised(name);
    let same_name: Vec<&Facility> = in_country
        .iter()
        .filter(|f| normalised(&f.name) == wanted)
        .collect();
    match (same_name.as_slice(), in_country.is_empty()) {
        ([only], _) => MatchOutcome::Found((*only).clone()),
        (_, true) => MatchOutcome::NotFound,
        _ => MatchOutcome::Ambiguous(in_country),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facility(os_id: &str, name: &str, country: &str) -> Facility {
        Facility {
            os_id: os_id.into(),
            name: name.into(),
            address: None,
            country: Some(FacilityCountry {
                alpha_2: country.into(),
            }),
            coordinates: None,
            claim_status: None,
            affiliations: Vec::new(),
            sector: Vec::new(),
            number_of_workers: None,
            parent_company: None,
        }
    }

    #[test]
    fn one_same_name_in_the_country_is_found() {
        let outcome = classify(
            "Dhaka  Knit",
            "BD",
            vec![
                facility("BD2021079AAAAAA", "dhaka knit", "BD"),
                facility("BD2021079BBBBBB", "Dhaka Knits", "BD"),
                facility("IN2021079CCCCCC", "Dhaka Knit", "IN"),
            ],
        );
        assert_eq!(
            outcome,
            MatchOutcome::Found(facility("BD2021079AAAAAA", "dhaka knit", "BD"))
        );
    }

    #[test]
    fn near_names_are_offered_not_linked() {
        let outcome = classify(
            "Dhaka Knit",
            "BD",
            vec![facility("BD2021079BBBBBB", "Dhaka Knits", "BD")],
        );
        assert!(matches!(outcome, MatchOutcome::Ambiguous(c) if c.len() == 1));
        assert_eq!(
            classify(
                "Dhaka Knit",
                "BD",
                vec![facility("IN2021079CCCCCC", "Dhaka Knit", "IN")]
            ),
            MatchOutcome::NotFound
        );
    }
}
