//! Recruiters a supplier names in its self-assessment (the standard SAQ v2 question
//! `rec.recruiters_used`, one per line, `name; country`) join the company's
//! recruiter registry when the assessment is submitted, so that the registry lists
//! the recruiters a supplier declares before any fee audit names them. A recruiter
//! already in the registry (same normalised name and country) is left as it is.

use std::collections::HashSet;

use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::recruiters::match_key;
use crate::{
    entities::recruiter,
    error::DomainError,
    questionnaire::{
        Definition,
        visibility::{Answers, is_asked},
    },
    reference::country_name,
    values::{CountryCode, Locale},
};

/// The question whose answer lists the recruiters and sub-agents used.
pub const RECRUITERS_QUESTION: &str = "rec.recruiters_used";

/// A country written as an ISO code or as its name in English, Spanish or French.
fn country_of(raw: &str) -> Option<CountryCode> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    if let Ok(code) = CountryCode::parse(raw) {
        return Some(code);
    }
    let wanted = raw.to_lowercase();
    CountryCode::all()
        .find(|(code, _)| {
            [Locale::En, Locale::Es, Locale::Fr]
                .into_iter()
                .filter_map(|locale| country_name(code, locale))
                .any(|name| name.to_lowercase() == wanted)
        })
        .and_then(|(code, _)| CountryCode::parse(code).ok())
}

/// The recruiters named in the answer: one per line, `name; country` (the country
/// may be missing or unrecognised: it is then unknown). Blank lines are skipped.
pub fn parse_declared(text: &str) -> Vec<(String, Option<CountryCode>)> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .filter_map(|line| {
            let (name, country) = match line.rsplit_once(';') {
                Some((name, country)) => (name.trim(), country_of(country)),
                None => (line, None),
            };
            // At most 200 characters, like every other stored name.
            let name: String = name.chars().take(200).collect();
            (!name.is_empty()).then_some((name, country))
        })
        .collect()
}

/// Adds the recruiters the submitted answers name (when the question is asked) to
/// the company's registry; returns how many were new.
pub async fn register_declared_recruiters<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    definition: &Definition,
    answers: &Answers,
) -> Result<usize, DomainError> {
    let Some(question) = definition.question(RECRUITERS_QUESTION) else {
        return Ok(0);
    };
    let Some(text) = answers.get(RECRUITERS_QUESTION).and_then(|v| v.as_str()) else {
        return Ok(0);
    };
    if !is_asked(definition, question, answers) {
        return Ok(0);
    }
    let declared = parse_declared(text);
    let keys: Vec<String> = declared
        .iter()
        .map(|(name, country)| match_key(name, country.as_ref().map(CountryCode::as_str)))
        .collect();
    let mut known: HashSet<String> = recruiter::Entity::find()
        .filter(recruiter::Column::CompanyId.eq(company_id))
        .filter(recruiter::Column::MatchKey.is_in(keys.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.match_key)
        .collect();
    let mut count = 0;
    for ((name, country), key) in declared.into_iter().zip(keys) {
        if !known.insert(key.clone()) {
            continue;
        }
        let added = super::recruiters::unaudited_recruiter(
            company_id,
            key,
            name,
            country.map(|c| c.as_str().to_string()),
        )
        .insert(db)
        .await?;
        // A recruiter new to the registry is screened against the public lists at once.
        crate::screening::screen(db, &crate::screening::Subject::from(&added)).await?;
        count += 1;
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::parse_declared;

    #[test]
    fn each_line_is_a_recruiter_with_its_country_by_code_or_name() {
        let declared = parse_declared(
            "Alpha Manpower Ltd; NP\n\n  Beta Brokers ; Bangladesh\nGamma; Népal\nDelta\nEpsilon; Atlantis\n",
        );
        let shown: Vec<(&str, Option<&str>)> = declared
            .iter()
            .map(|(n, c)| (n.as_str(), c.as_ref().map(|c| c.as_str())))
            .collect();
        assert_eq!(
            shown,
            [
                ("Alpha Manpower Ltd", Some("NP")),
                ("Beta Brokers", Some("BD")),
                ("Gamma", Some("NP")),
                ("Delta", None),
                ("Epsilon", None),
            ]
        );
        assert!(parse_declared(" \n ; NP\n").is_empty());
    }
}
