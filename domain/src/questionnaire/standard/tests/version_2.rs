#![allow(clippy::unwrap_used)]

//! Version 2 of the standard SAQ against the rules of issue #19 and scoring
//! model 2 (questionnaire-format.md): unknown answers never hide questions nor
//! score better, one severity for one fact, every red flag on its indicator.

use std::collections::BTreeSet;

use rust_decimal::Decimal;
use sha2::{Digest, Sha256};

use crate::questionnaire::standard::{SAQ_V1, shipped_saqs, standard_saq};
use crate::{
    questionnaire::{Question, QuestionType, Severity},
    reference,
};

/// SHA-256 of `ethical-recruitment-saq.v1.json` as shipped before version 2
/// (`git show 19b3f11:domain/data/questionnaires/ethical-recruitment-saq.v1.json`).
/// Stored assessments were answered against these exact bytes.
const V1_SHA256: &str = "7a1958678eaabb88c78bb212fa6c709f064cc72afb243d9a566f7fa0d049505c";

#[test]
fn version_1_is_unchanged() {
    assert_eq!(hex::encode(Sha256::digest(SAQ_V1.as_bytes())), V1_SHA256);
    assert_eq!(shipped_saqs()[0].version, 1);
    assert_eq!(shipped_saqs()[0].questions().count(), 42);
}

fn question(key: &str) -> &'static Question {
    standard_saq()
        .question(key)
        .unwrap_or_else(|| panic!("{key} is not in version 2"))
}

fn unknown_risk(q: &Question) -> Option<Decimal> {
    q.options
        .iter()
        .flatten()
        .find(|o| o.unknown)
        .map(|o| o.risk.unwrap_or_default())
}

#[test]
fn every_gate_of_a_scored_follow_up_asks_it_on_unknown_at_no_lower_risk() {
    let saq = standard_saq();
    let mut gates = 0;
    for (_, follow_up) in saq.questions() {
        let Some(condition) = &follow_up.show_if else {
            continue;
        };
        let gate = question(&condition.question);
        let showing: Vec<_> = gate
            .options
            .iter()
            .flatten()
            .filter(|o| serde_json::Value::String(o.value.clone()) == condition.equals)
            .collect();
        assert!(
            !showing.is_empty(),
            "{} shows on a value its gate lacks",
            follow_up.key
        );
        match unknown_risk(gate) {
            Some(unknown) => {
                gates += 1;
                for option in showing {
                    assert!(
                        unknown >= option.risk.unwrap_or_default(),
                        "{}: 'unknown' risks less than '{}', which shows {}",
                        gate.key,
                        option.value,
                        follow_up.key
                    );
                }
            }
            // Only a gate whose follow-up is an unscored upload may lack
            // "We do not know" (the supplier knows its own written policy).
            None => assert!(
                !follow_up.is_scored() && follow_up.kind == QuestionType::File,
                "{} gates the scored {} but has no 'We do not know'",
                gate.key,
                follow_up.key
            ),
        }
    }
    assert!(gates >= 6, "only {gates} gated follow-ups");
}

#[test]
fn practices_a_supplier_may_not_know_have_we_do_not_know() {
    for key in [
        "docs.held",
        "fees.deposits",
        "fees.recovered_by_deduction",
        "movement.leave_premises",
        "fees.workers_paid_any",
        "fees.months_of_wages",
        "wages.held_back",
        "contracts.substitution",
        "housing.provided",
    ] {
        assert!(unknown_risk(question(key)).is_some(), "{key}");
    }
    // Every scored choice has one, except the supplier's own controls.
    let own_controls = [
        "fees.policy",
        "grievance.arrival_interviews",
        "age.goods_screening",
    ];
    for (_, q) in standard_saq().questions() {
        if q.is_scored() && q.options.is_some() && !own_controls.contains(&q.key.as_str()) {
            assert!(unknown_risk(q).is_some(), "{} has no 'We do not know'", q.key);
        }
    }
}

#[test]
fn months_of_wages_is_asked_only_when_fees_were_paid_and_may_be_unknown() {
    let months = question("fees.months_of_wages");
    let gate = months.show_if.as_ref().unwrap();
    assert_eq!(gate.question, "fees.workers_paid_any");
    assert_eq!(gate.equals, "yes");
    assert_eq!(unknown_risk(months), Some(Decimal::from(100)));
}

#[test]
fn multi_part_questions_are_split_and_new_subjects_asked() {
    let saq = standard_saq();
    assert!(saq.question("contracts.personal_data").is_none());
    for key in [
        "grievance.channel",
        "grievance.channel_languages",
        "grievance.channel_agency_workers",
        "grievance.non_retaliation",
        "wages.below_minimum",
        "wages.disciplinary_fines",
        "data.only_for_hiring",
        "data.kept_secure",
        "data.shared_with_consent",
        "voice.representation",
        "voice.organising_penalised",
        "rec.origin_countries",
        "rec.recruiters_used",
        "age.discriminatory_tests",
        "movement.phones",
        "movement.remote_site",
        "movement.change_employer",
        "contracts.pre_departure_orientation",
        "housing.safety",
    ] {
        assert!(saq.question(key).is_some(), "{key} is missing");
    }
    let below = question("wages.below_minimum");
    assert!(!below.text.get("en", "en").contains("fines"));
    assert_eq!(
        question("rec.recruiters_used").show_if.as_ref().unwrap().question,
        "rec.uses_recruiters"
    );
}

#[test]
fn a_statutory_gratuity_is_not_wages_held_back() {
    let help = question("wages.held_back").help.as_ref().unwrap();
    for (locale, word) in [("en", "gratuity"), ("es", "indemnización"), ("fr", "indemnité")] {
        assert!(help.get(locale, "en").contains(word), "{locale}");
    }
}

/// Every red flag of version 2: question, the answers or bound that raise it,
/// severity, zero tolerance, and the indicator it names (the question's first).
/// A flag added, removed or changed in the file without this table fails.
const RED_FLAGS: &[(&str, &str, Severity, bool, &str)] = &[
    (
        "rec.all_licensed",
        "some_unlicensed,unknown",
        Severity::Major,
        false,
        "recruiter_due_diligence",
    ),
    (
        "rec.sub_agents",
        "yes_unregistered,unknown",
        Severity::Major,
        false,
        "recruiter_due_diligence",
    ),
    ("fees.policy", "no", Severity::Major, false, "recruitment_fees"),
    (
        "fees.recruiter_contracts",
        "no",
        Severity::Major,
        false,
        "recruitment_fees",
    ),
    (
        "fees.workers_paid_any",
        "yes",
        Severity::Priority,
        false,
        "recruitment_fees",
    ),
    (
        "fees.workers_paid_any",
        "unknown",
        Severity::Priority,
        false,
        "recruitment_fees",
    ),
    (
        "fees.months_of_wages",
        "one_to_three,three_or_more",
        Severity::Major,
        false,
        "debt_bondage",
    ),
    (
        "fees.workers_borrowed",
        "unknown",
        Severity::Major,
        false,
        "debt_bondage",
    ),
    (
        "fees.lenders",
        "recruiter_linked",
        Severity::Major,
        false,
        "debt_bondage",
    ),
    (
        "fees.recovered_by_deduction",
        "yes",
        Severity::Priority,
        true,
        "withholding_of_wages",
    ),
    ("fees.deposits", "yes", Severity::Priority, true, "debt_bondage"),
    (
        "contracts.before_departure",
        "no",
        Severity::Major,
        false,
        "deception",
    ),
    (
        "contracts.substitution",
        "worse",
        Severity::Priority,
        true,
        "deception",
    ),
    (
        "docs.held",
        "yes",
        Severity::Priority,
        true,
        "retention_of_identity_documents",
    ),
    (
        "docs.access",
        "permission",
        Severity::Major,
        false,
        "retention_of_identity_documents",
    ),
    (
        "movement.leave_premises",
        "no",
        Severity::Major,
        false,
        "restriction_of_movement",
    ),
    ("movement.phones", "no", Severity::Major, false, "isolation"),
    (
        "movement.remote_site",
        "isolated",
        Severity::Major,
        false,
        "isolation",
    ),
    (
        "movement.resign",
        "penalty",
        Severity::Major,
        false,
        "intimidation_threats",
    ),
    (
        "movement.change_employer",
        "permission_refused",
        Severity::Major,
        false,
        "freedom_of_movement",
    ),
    (
        "wages.payment_method",
        "third_party",
        Severity::Major,
        false,
        "withholding_of_wages",
    ),
    (
        "wages.longest_delay",
        ">=31",
        Severity::Major,
        false,
        "withholding_of_wages",
    ),
    (
        "wages.held_back",
        "yes",
        Severity::Priority,
        true,
        "withholding_of_wages",
    ),
    (
        "wages.below_minimum",
        "yes",
        Severity::Major,
        false,
        "withholding_of_wages",
    ),
    (
        "wages.disciplinary_fines",
        "yes",
        Severity::Major,
        false,
        "withholding_of_wages",
    ),
    (
        "hours.max_weekly",
        ">=60.5",
        Severity::Major,
        false,
        "excessive_overtime",
    ),
    (
        "hours.max_weekly",
        ">=84.5",
        Severity::Priority,
        false,
        "excessive_overtime",
    ),
    (
        "hours.overtime_voluntary",
        "penalised",
        Severity::Major,
        false,
        "excessive_overtime",
    ),
    (
        "housing.safety",
        "no",
        Severity::Major,
        false,
        "abusive_conditions",
    ),
    (
        "housing.charges_share",
        ">=30",
        Severity::Major,
        false,
        "withholding_of_wages",
    ),
    (
        "grievance.channel",
        "no,unknown",
        Severity::Major,
        false,
        "access_to_remedy",
    ),
    (
        "voice.organising_penalised",
        "yes",
        Severity::Major,
        false,
        "intimidation_threats",
    ),
    (
        "grievance.allegations",
        "substantiated",
        Severity::Priority,
        true,
        "physical_sexual_violence",
    ),
    (
        "grievance.allegations",
        "open",
        Severity::Major,
        false,
        "physical_sexual_violence",
    ),
    (
        "age.underage",
        "yes",
        Severity::Priority,
        true,
        "abuse_of_vulnerability",
    ),
    (
        "age.discriminatory_tests",
        "yes",
        Severity::Major,
        false,
        "abuse_of_vulnerability",
    ),
    (
        "age.goods_screening",
        "match",
        Severity::Major,
        false,
        "legal_compliance",
    ),
];

/// The facts zero tolerance is kept for (questionnaire-format.md, model 2 §5):
/// documents retained, deposits, fees recovered by deductions, wages withheld to
/// stop workers leaving, contract substitution, forced or child labour, violence.
const ZERO_TOLERANCE_QUESTIONS: [&str; 7] = [
    "docs.held",
    "fees.deposits",
    "fees.recovered_by_deduction",
    "wages.held_back",
    "contracts.substitution",
    "age.underage",
    "grievance.allegations",
];

#[test]
fn every_red_flag_has_the_severity_and_indicator_of_the_table() {
    let indicators: BTreeSet<&str> = reference::indicators().iter().map(|i| i.key.as_str()).collect();
    let mut in_file = Vec::new();
    for (_, q) in standard_saq().questions() {
        for flag in q.red_flag.iter().flat_map(|f| f.as_vec()) {
            let trigger = match (&flag.when, flag.min) {
                (Some(when), _) => when.join(","),
                (None, Some(min)) => format!(">={min}"),
                (None, None) => String::new(),
            };
            let first = q.indicators.first().map(String::as_str).unwrap_or_default();
            assert!(indicators.contains(first), "{}: {first}", q.key);
            if flag.zero_tolerance {
                assert_eq!(flag.severity, Severity::Priority, "{}", q.key);
                assert!(
                    ZERO_TOLERANCE_QUESTIONS.contains(&q.key.as_str()),
                    "{} is zero tolerance",
                    q.key
                );
            }
            in_file.push((
                q.key.clone(),
                trigger,
                flag.severity,
                flag.zero_tolerance,
                first.to_string(),
            ));
        }
    }
    let table: Vec<_> = RED_FLAGS
        .iter()
        .map(|(k, t, s, z, i)| (k.to_string(), t.to_string(), *s, *z, i.to_string()))
        .collect();
    assert_eq!(in_file, table);
}

#[test]
fn a_worker_paid_fee_is_priority_but_not_zero_tolerance() {
    let paid = question("fees.workers_paid_any");
    let flags = paid.red_flag.as_ref().unwrap().as_vec();
    let on_yes = flags
        .iter()
        .find(|f| f.when.as_ref().is_some_and(|w| w.contains(&"yes".to_string())))
        .unwrap();
    assert_eq!(
        (on_yes.severity, on_yes.zero_tolerance),
        (Severity::Priority, false)
    );
    assert_eq!(paid.indicators[0], "recruitment_fees");
    // No question about fees paid is zero tolerance; deductions and deposits are.
    for (_, q) in standard_saq().questions() {
        if q.indicators.first().is_some_and(|i| i == "recruitment_fees") {
            assert!(
                q.red_flag
                    .iter()
                    .flat_map(|f| f.as_vec())
                    .all(|f| !f.zero_tolerance),
                "{}",
                q.key
            );
        }
    }
}
