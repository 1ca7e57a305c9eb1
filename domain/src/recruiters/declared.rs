//! What suppliers declare about the fees their workers paid, beside the recruiters
//! they name, in the standard SAQ v2 (`domain/data/questionnaires/
//! ethical-recruitment-saq.v2.json`): `rec.recruiters_used` lists the recruiters and
//! sub-agents used (one per line, `name; country`), and the fee questions say
//! whether any worker paid (`fees.workers_paid_any`), how much a typical worker paid
//! in months of wages (`fees.months_of_wages`) and which costs
//! (`fees.costs_paid`). The SAQ gives no amount per recruiter: a declaration is
//! shown as the supplier's answers, beside the audited figures, never added to them.

use std::collections::HashSet;

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::{
    assessments::load_answers,
    entities::{assessment, questionnaire, recruiter, supplier},
    error::DomainError,
    fee_audit::store::{RECRUITERS_QUESTION, normalise_name, parse_declared},
    questionnaire::{validate::parse_definition, visibility::is_asked},
    values::CountryCode,
};

/// Whether any worker paid.
pub const PAID_QUESTION: &str = "fees.workers_paid_any";
/// How much a typical worker who paid paid, in months of wages (a band).
pub const MONTHS_QUESTION: &str = "fees.months_of_wages";
/// Which costs workers paid.
pub const COSTS_QUESTION: &str = "fees.costs_paid";

/// A supplier's latest submitted self-assessment that names the recruiter.
#[derive(Debug, Clone)]
pub struct DeclaredFees {
    /// The supplier.
    pub supplier: supplier::Model,
    /// The assessment.
    pub assessment_id: Uuid,
    /// `fees.workers_paid_any`: `no`, `yes`, `unknown`, or not answered.
    pub workers_paid_any: Option<String>,
    /// `fees.months_of_wages`: the band, when asked and answered.
    pub months_of_wages: Option<String>,
    /// `fees.costs_paid`: the option keys, when asked and answered.
    pub costs_paid: Vec<String>,
}

/// The answer to `key` when the question is asked (an answer left from before a
/// gate changed is not the supplier's declaration).
fn asked_answer<'a>(
    definition: Option<&crate::questionnaire::Definition>,
    answers: &'a crate::questionnaire::visibility::Answers,
    key: &str,
) -> Option<&'a serde_json::Value> {
    let value = answers.get(key)?;
    match definition.and_then(|d| d.question(key).map(|q| (d, q))) {
        Some((d, q)) => is_asked(d, q, answers).then_some(value),
        None => Some(value),
    }
}

/// Whether a declared name and country are `found`: the same normalised name, and
/// the same country unless one side does not know it (a fee audit names recruiters
/// without their country; a supplier writes "Sunrise; Nepal").
fn same_recruiter(found: &recruiter::Model, name: &str, country: Option<&CountryCode>) -> bool {
    normalise_name(name) == normalise_name(&found.name)
        && match (country, found.country.as_deref()) {
            (Some(declared), Some(known)) => declared.as_str() == known,
            _ => true,
        }
}

/// The declarations naming `found` (see [`same_recruiter`]), from the latest submitted assessment of each supplier of its
/// company, by supplier name.
pub async fn declared_fees<C: ConnectionTrait>(
    db: &C,
    found: &recruiter::Model,
) -> Result<Vec<DeclaredFees>, DomainError> {
    let submitted = assessment::Entity::find()
        .filter(assessment::Column::CompanyId.eq(found.company_id))
        .filter(assessment::Column::SubmittedAt.is_not_null())
        .order_by_desc(assessment::Column::SubmittedAt)
        .order_by_desc(assessment::Column::Id)
        .all(db)
        .await?;
    let mut seen: HashSet<Uuid> = HashSet::new();
    let mut declared = Vec::new();
    for a in submitted {
        // Latest first: a supplier's older assessments are superseded.
        if !seen.insert(a.supplier_id) {
            continue;
        }
        let answers = load_answers(db, a.id).await?;
        let Some(text) = answers.get(RECRUITERS_QUESTION).and_then(|v| v.as_str()) else {
            continue;
        };
        let definition = questionnaire::Entity::find_by_id(a.questionnaire_id)
            .one(db)
            .await?
            .and_then(|q| parse_definition(&q.definition).ok());
        if asked_answer(definition.as_ref(), &answers, RECRUITERS_QUESTION).is_none() {
            continue;
        }
        let names_it = parse_declared(text)
            .iter()
            .any(|(name, country)| same_recruiter(found, name, country.as_ref()));
        if !names_it {
            continue;
        }
        let Some(owner) = supplier::Entity::find_by_id(a.supplier_id)
            .filter(supplier::Column::CompanyId.eq(found.company_id))
            .one(db)
            .await?
        else {
            continue;
        };
        let text_of = |key: &str| {
            asked_answer(definition.as_ref(), &answers, key)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let costs_paid = asked_answer(definition.as_ref(), &answers, COSTS_QUESTION)
            .and_then(|v| v.as_array())
            .map(|list| {
                list.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        declared.push(DeclaredFees {
            supplier: owner,
            assessment_id: a.id,
            workers_paid_any: text_of(PAID_QUESTION),
            months_of_wages: text_of(MONTHS_QUESTION),
            costs_paid,
        });
    }
    declared.sort_by(|a, b| a.supplier.name.cmp(&b.supplier.name));
    Ok(declared)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_declared_name_is_the_recruiter_when_names_match_and_countries_do_not_differ() {
        let now = chrono::Utc::now();
        let found = |country: Option<&str>| recruiter::Model {
            id: Uuid::nil(),
            company_id: Uuid::nil(),
            match_key: String::new(),
            name: "Sunrise Manpower Pvt. Ltd.".into(),
            country: country.map(str::to_string),
            licence_number: None,
            licence_expires_on: None,
            iris_certified: false,
            sub_agent_of: None,
            origin_countries: None,
            licences: None,
            iris_status: "none".into(),
            iris_status_on: None,
            iris_source: None,
            created_at: now,
            updated_at: now,
            suppliers: 0,
            workers: 0,
            workers_who_paid: 0,
            debt_bondage_risks: 0,
            fees_usd: "0.00".into(),
            fee_rank: 0,
        };
        let np = CountryCode::parse("NP").ok();
        let bd = CountryCode::parse("BD").ok();
        assert!(same_recruiter(
            &found(None),
            "sunrise manpower pvt ltd",
            np.as_ref()
        ));
        assert!(same_recruiter(
            &found(Some("NP")),
            "Sunrise Manpower Pvt Ltd",
            np.as_ref()
        ));
        assert!(same_recruiter(
            &found(Some("NP")),
            "Sunrise Manpower Pvt Ltd",
            None
        ));
        assert!(!same_recruiter(
            &found(Some("NP")),
            "Sunrise Manpower Pvt Ltd",
            bd.as_ref()
        ));
        assert!(!same_recruiter(&found(None), "Sunset Manpower", np.as_ref()));
    }
}
