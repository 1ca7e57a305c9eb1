//! Whatever a client sends, the parsers answer with a value or with errors: they
//! never panic. Property tests over the questionnaire-definition parser (any JSON,
//! and the standard SAQ with parts removed or replaced) and the supplier-import CSV
//! reader (any bytes, and CSV-like rows). The fee-audit, repayment and FX readers
//! have theirs in `domain/src/fee_audit/tests/properties.rs`; the fuzz target in
//! `fuzz/` drives all of them with coverage guidance.

#![allow(clippy::unwrap_used)]

use domain::{questionnaire::validate::parse_definition, suppliers::parse_import};
use proptest::prelude::*;
use serde_json::Value;

/// Any JSON value, a few levels deep.
fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("en"),
            Just("yes_no"),
            Just("number"),
            Just("critical"),
            Just("fees.paid")
        ]
        .prop_map(|s| Value::String(s.to_string())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(
                prop_oneof![
                    Just("key".to_string()),
                    Just("sections".to_string()),
                    Just("questions".to_string()),
                    Just("type".to_string()),
                    Just("text".to_string()),
                    Just("show_if".to_string()),
                    Just("weight".to_string()),
                    ".{0,6}",
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn standard() -> Value {
    let text = include_str!("../data/questionnaires/ethical-recruitment-saq.v1.json");
    serde_json::from_str(text).unwrap()
}

/// Every JSON pointer into `value` (objects and arrays), so a test can pick one.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(fields) => {
            for (key, child) in fields {
                let path = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
                out.push(path.clone());
                pointers(child, path, out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let path = format!("{at}/{i}");
                out.push(path.clone());
                pointers(child, path, out);
            }
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_json_is_a_definition_or_errors(value in json()) {
        if let Err(errors) = parse_definition(&value) {
            prop_assert!(!errors.is_empty());
        }
    }

    #[test]
    fn the_standard_saq_with_a_part_replaced_is_a_definition_or_errors(
        pick in any::<prop::sample::Index>(),
        replacement in json(),
    ) {
        let mut value = standard();
        let mut all = Vec::new();
        pointers(&value, String::new(), &mut all);
        let pointer = pick.get(&all).clone();
        *value.pointer_mut(&pointer).unwrap() = replacement;
        if let Err(errors) = parse_definition(&value) {
            prop_assert!(!errors.is_empty());
        }
    }

    #[test]
    fn any_bytes_are_suppliers_or_row_errors(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        if let Err(errors) = parse_import(&bytes) {
            prop_assert!(!errors.is_empty());
        }
    }

    #[test]
    fn csv_like_rows_are_suppliers_or_row_errors(
        rows in proptest::collection::vec(
            proptest::collection::vec(
                prop_oneof![
                    Just(String::new()),
                    Just("MY".to_string()),
                    Just("electronics".to_string()),
                    Just("a@b.example".to_string()),
                    "[ -~]{0,10}",
                    "\"[a-z,\\n]{0,5}\"",
                ],
                0..7,
            ),
            0..10,
        )
    ) {
        let body: Vec<String> = rows.iter().map(|cells| cells.join(",")).collect();
        let csv = format!("name,country,sector,contact_email,contact_name\n{}", body.join("\n"));
        if let Err(errors) = parse_import(csv.as_bytes()) {
            prop_assert!(!errors.is_empty());
        }
    }
}

#[test]
fn the_standard_saq_itself_parses() {
    assert!(parse_definition(&standard()).is_ok());
}
