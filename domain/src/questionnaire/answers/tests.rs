#![allow(clippy::unwrap_used)]

use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::{check_answer, merge_answers, missing_required};
use crate::questionnaire::{Definition, Question, validate::parse_definition, visibility::Answers};

fn definition() -> Definition {
    let raw = json!({
        "key": "t", "version": 1, "default_locale": "en", "title": {"en": "T"},
        "sections": [{"key": "s", "title": {"en": "S"}, "questions": [
            {"key": "borrowed", "type": "yes_no", "text": {"en": "Borrowed?"}, "required": true},
            {"key": "lender", "type": "single_choice", "text": {"en": "Lender"}, "required": true,
             "options": [{"value": "agency", "label": {"en": "Agency"}}, {"value": "family", "label": {"en": "Family"}}],
             "show_if": {"question": "borrowed", "equals": "yes"}},
            {"key": "lender_terms", "type": "text", "text": {"en": "Terms"}, "required": true,
             "show_if": {"question": "lender", "equals": "agency"}},
            {"key": "costs", "type": "multi_choice", "text": {"en": "Costs"},
             "options": [{"value": "visa", "label": {"en": "Visa"}}, {"value": "medical", "label": {"en": "Medical"}},
                         {"value": "none", "label": {"en": "None"}}]},
            {"key": "hours", "type": "number", "text": {"en": "Hours"}, "min": 0, "max": 168, "required": true},
            {"key": "since", "type": "date", "text": {"en": "Since"}},
            {"key": "policy", "type": "file", "text": {"en": "Policy"}, "required": true}
        ]}]
    });
    parse_definition(&raw).unwrap()
}

fn question(key: &str) -> Question {
    definition().question(key).unwrap().clone()
}

const FILE: Uuid = Uuid::from_u128(7);

fn only_file(id: Uuid) -> bool {
    id == FILE
}

fn check(key: &str, value: Value) -> Result<Value, String> {
    check_answer(&question(key), &value, &only_file)
}

fn map(value: Value) -> Map<String, Value> {
    value.as_object().unwrap().clone()
}

#[test]
fn yes_no_takes_yes_or_no() {
    assert_eq!(check("borrowed", json!("Yes ")), Ok(json!("yes")));
    assert_eq!(check("borrowed", json!("no")), Ok(json!("no")));
    assert!(check("borrowed", json!("maybe")).is_err());
    assert!(check("borrowed", json!(true)).is_err());
}

#[test]
fn single_choice_takes_one_option_value() {
    assert_eq!(check("lender", json!("family")), Ok(json!("family")));
    assert!(check("lender", json!("bank")).is_err());
    assert!(check("lender", json!(["family"])).is_err());
}

#[test]
fn multi_choice_takes_distinct_options_in_definition_order() {
    assert_eq!(
        check("costs", json!(["medical", "visa"])),
        Ok(json!(["visa", "medical"]))
    );
    assert!(check("costs", json!([])).is_err());
    assert!(check("costs", json!(["visa", "visa"])).is_err());
    assert!(check("costs", json!(["bribe"])).is_err());
    assert!(check("costs", json!("visa")).is_err());
}

#[test]
fn numbers_stay_within_bounds() {
    assert_eq!(check("hours", json!(60)), Ok(json!(60)));
    assert_eq!(check("hours", json!(59.5)), Ok(json!(59.5)));
    assert!(check("hours", json!(169)).is_err());
    assert!(check("hours", json!(-1)).is_err());
    assert!(check("hours", json!("60")).is_err());
}

#[test]
fn text_is_a_bounded_non_empty_string() {
    assert_eq!(
        check("lender_terms", json!(" 5% a month ")),
        Ok(json!("5% a month"))
    );
    assert!(check("lender_terms", json!("   ")).is_err());
    assert!(check("lender_terms", json!("x".repeat(10_001))).is_err());
    assert!(check("lender_terms", json!("é".repeat(10_000))).is_ok());
}

#[test]
fn dates_are_real_and_written_in_full() {
    assert_eq!(check("since", json!("2024-02-29")), Ok(json!("2024-02-29")));
    assert!(check("since", json!("2023-02-29")).is_err());
    assert!(check("since", json!("2024-2-9")).is_err());
    assert!(check("since", json!("29/02/2024")).is_err());
}

#[test]
fn files_are_evidence_of_this_assessment() {
    assert_eq!(
        check("policy", json!(FILE.to_string().to_uppercase())),
        Ok(json!(FILE.to_string()))
    );
    assert!(check("policy", json!(Uuid::from_u128(8).to_string())).is_err());
    assert!(check("policy", json!("not-a-uuid")).is_err());
}

#[test]
fn merge_names_every_unknown_key_and_bad_value() {
    let incoming = map(json!({"nope": "x", "hours": 500, "borrowed": "no"}));
    let errors = merge_answers(&definition(), &Answers::new(), &incoming, &only_file).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["hours", "nope"]);
}

#[test]
fn merge_keeps_current_answers_and_null_removes_one() {
    let current: Answers = [
        ("hours".to_string(), json!(40)),
        ("since".to_string(), json!("2024-01-01")),
    ]
    .into();
    let incoming = map(json!({"since": null, "borrowed": "no"}));
    let merged = merge_answers(&definition(), &current, &incoming, &only_file).unwrap();
    assert_eq!(
        merged,
        [
            ("hours".to_string(), json!(40)),
            ("borrowed".to_string(), json!("no"))
        ]
        .into()
    );
}

#[test]
fn merge_drops_answers_to_hidden_questions_down_the_chain() {
    let incoming = map(json!({"borrowed": "yes", "lender": "agency", "lender_terms": "paid back monthly"}));
    let merged = merge_answers(&definition(), &Answers::new(), &incoming, &only_file).unwrap();
    assert_eq!(merged.len(), 3);
    let hide = map(json!({"borrowed": "no"}));
    let merged = merge_answers(&definition(), &merged, &hide, &only_file).unwrap();
    assert_eq!(merged, [("borrowed".to_string(), json!("no"))].into());
}

#[test]
fn missing_required_lists_asked_questions_in_order() {
    let d = definition();
    assert_eq!(
        missing_required(&d, &Answers::new()),
        ["borrowed", "hours", "policy"]
    );
    let answers: Answers = [
        ("borrowed".to_string(), json!("yes")),
        ("hours".to_string(), json!(10)),
    ]
    .into();
    assert_eq!(missing_required(&d, &answers), ["lender", "policy"]);
    let answers: Answers = [
        ("borrowed".to_string(), json!("yes")),
        ("lender".to_string(), json!("agency")),
    ]
    .into();
    assert_eq!(
        missing_required(&d, &answers),
        ["lender_terms", "hours", "policy"]
    );
}
