#![allow(clippy::unwrap_used)]

use serde_json::{Value, json};

use super::parse_definition;

/// A small definition that breaks no rule; each test breaks exactly one.
fn valid() -> Value {
    json!({
        "key": "test", "version": 1, "default_locale": "en",
        "title": {"en": "Test", "es": "Prueba"},
        "sections": [{
            "key": "fees", "title": {"en": "Fees"},
            "questions": [
                {"key": "fees.paid", "type": "single_choice", "text": {"en": "Paid?"}, "required": true,
                 "indicators": ["recruitment_fees"], "weight": 5,
                 "options": [
                    {"value": "no", "label": {"en": "No"}, "risk": 0},
                    {"value": "yes", "label": {"en": "Yes"}, "risk": 100}],
                 "red_flag": {"when": ["yes"], "severity": "priority", "zero_tolerance": true,
                              "finding": {"en": "Fees paid"}}},
                {"key": "fees.lender", "type": "text", "text": {"en": "Who?"},
                 "show_if": {"question": "fees.paid", "equals": "yes"}},
                {"key": "fees.held", "type": "yes_no", "text": {"en": "Held?"}},
                {"key": "hours.max", "type": "number", "text": {"en": "Hours"}, "min": 0, "max": 168,
                 "indicators": ["excessive_overtime"], "weight": 3,
                 "risk_ranges": [{"max": 60, "risk": 0}, {"min": 60, "max": 72, "risk": 60}, {"min": 72, "risk": 100}],
                 "red_flag": [{"min": 60, "severity": "major", "finding": {"en": "Over 60"}},
                              {"min": 84, "severity": "priority", "zero_tolerance": true,
                               "finding": {"en": "Over 84"}}]}
            ]
        }]
    })
}

/// The fields named by the errors of `valid()` after `change`.
fn fields_after(change: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut definition = valid();
    change(&mut definition);
    match parse_definition(&definition) {
        Ok(_) => vec![],
        Err(errors) => errors.into_iter().map(|e| e.field).collect(),
    }
}

fn q(d: &mut Value, j: usize) -> &mut Value {
    &mut d["sections"][0]["questions"][j]
}

const Q0: &str = "sections[0].questions[0]";
const Q3: &str = "sections[0].questions[3]";

#[test]
fn the_base_definition_is_valid() {
    assert_eq!(fields_after(|_| {}), Vec::<String>::new());
}

#[test]
fn key_and_version_are_required_and_version_starts_at_one() {
    assert_eq!(
        fields_after(|d| _ = d.as_object_mut().unwrap().remove("version")),
        ["version"]
    );
    assert_eq!(fields_after(|d| d["version"] = json!(0)), ["version"]);
    assert_eq!(fields_after(|d| d["key"] = json!(" ")), ["key"]);
}

#[test]
fn shape_errors_name_their_path() {
    assert_eq!(
        fields_after(|d| q(d, 0)["options"][1]["value"] = json!(7)),
        [format!("{Q0}.options[1].value")]
    );
    assert_eq!(
        fields_after(|d| q(d, 0)["colour"] = json!("red")),
        [format!("{Q0}.colour")]
    );
}

#[test]
fn default_locale_is_a_platform_language_and_every_text_has_it() {
    assert_eq!(
        fields_after(|d| d["default_locale"] = json!("de")),
        [
            "default_locale",
            "title",
            "sections[0].title",
            format!("{Q0}.text").as_str(),
            format!("{Q0}.options[0].label").as_str(),
            format!("{Q0}.options[1].label").as_str(),
            format!("{Q0}.red_flag.finding").as_str(),
            "sections[0].questions[1].text",
            "sections[0].questions[2].text",
            format!("{Q3}.text").as_str(),
            format!("{Q3}.red_flag[0].finding").as_str(),
            format!("{Q3}.red_flag[1].finding").as_str()
        ]
    );
    assert_eq!(fields_after(|d| d["title"] = json!({"es": "Prueba"})), ["title"]);
    assert_eq!(
        fields_after(|d| q(d, 0)["options"][1]["label"] = json!({"en": ""})),
        [format!("{Q0}.options[1].label")]
    );
}

#[test]
fn section_and_question_keys_are_unique_and_the_second_is_named() {
    let fields = fields_after(|d| {
        let section = d["sections"][0].clone();
        d["sections"].as_array_mut().unwrap().push(section);
    });
    assert!(fields.contains(&"sections[1].key".to_string()), "{fields:?}");
    assert!(
        fields.contains(&"sections[1].questions[0].key".to_string()),
        "{fields:?}"
    );
    assert!(!fields.contains(&"sections[0].key".to_string()));
}

#[test]
fn indicators_must_be_known() {
    assert_eq!(
        fields_after(|d| q(d, 0)["indicators"] = json!(["recruitment_fees", "child_labour"])),
        [format!("{Q0}.indicators[1]")]
    );
}

#[test]
fn show_if_names_an_earlier_question() {
    assert_eq!(
        fields_after(|d| q(d, 1)["show_if"]["question"] = json!("hours.max")),
        ["sections[0].questions[1].show_if.question"]
    );
    assert_eq!(
        fields_after(|d| q(d, 1)["show_if"]["question"] = json!("nowhere")),
        ["sections[0].questions[1].show_if.question"]
    );
}

#[test]
fn show_if_equals_is_an_option_of_a_choice_question() {
    assert_eq!(
        fields_after(|d| q(d, 1)["show_if"]["equals"] = json!("maybe")),
        ["sections[0].questions[1].show_if.equals"]
    );
}

#[test]
fn option_values_are_unique() {
    assert_eq!(
        fields_after(|d| q(d, 0)["options"][0]["value"] = json!("yes")),
        [format!("{Q0}.options[1].value")]
    );
}

#[test]
fn yes_no_options_are_exactly_yes_and_no() {
    let options = json!([{"value": "yes", "label": {"en": "Yes"}}, {"value": "nope", "label": {"en": "No"}}]);
    assert_eq!(
        fields_after(|d| q(d, 2)["options"] = options),
        ["sections[0].questions[2].options"]
    );
    let options = json!([{"value": "no", "label": {"en": "No"}}, {"value": "yes", "label": {"en": "Yes"}}]);
    assert_eq!(
        fields_after(|d| q(d, 2)["options"] = options),
        Vec::<String>::new()
    );
}

#[test]
fn choice_questions_need_options() {
    assert_eq!(
        fields_after(|d| {
            q(d, 0).as_object_mut().unwrap().remove("options");
            q(d, 0).as_object_mut().unwrap().remove("red_flag");
            q(d, 1).as_object_mut().unwrap().remove("show_if");
        }),
        [format!("{Q0}.options")]
    );
}

#[test]
fn risks_are_between_0_and_100() {
    assert_eq!(
        fields_after(|d| q(d, 0)["options"][1]["risk"] = json!(101)),
        [format!("{Q0}.options[1].risk")]
    );
    assert_eq!(
        fields_after(|d| q(d, 3)["risk_ranges"][0]["risk"] = json!(-1)),
        [format!("{Q3}.risk_ranges[0].risk")]
    );
}

#[test]
fn weight_is_not_negative() {
    assert_eq!(
        fields_after(|d| q(d, 0)["weight"] = json!(-1)),
        [format!("{Q0}.weight")]
    );
}

#[test]
fn number_min_is_not_above_max() {
    assert_eq!(
        fields_after(|d| q(d, 3)["min"] = json!(200)),
        [format!("{Q3}.max")]
    );
}

#[test]
fn risk_ranges_do_not_overlap() {
    assert_eq!(
        fields_after(|d| q(d, 3)["risk_ranges"][2]["min"] = json!(70)),
        [format!("{Q3}.risk_ranges[2]")]
    );
    assert_eq!(
        fields_after(|d| q(d, 3)["risk_ranges"][1] = json!({"max": 72, "risk": 60})),
        [format!("{Q3}.risk_ranges[1]")]
    );
}

#[test]
fn risk_ranges_only_on_numbers() {
    assert_eq!(
        fields_after(|d| q(d, 0)["risk_ranges"] = json!([{"risk": 10}])),
        [format!("{Q0}.risk_ranges")]
    );
}

#[test]
fn red_flag_when_names_options() {
    assert_eq!(
        fields_after(|d| q(d, 0)["red_flag"]["when"] = json!(["yes", "sometimes"])),
        [format!("{Q0}.red_flag.when[1]")]
    );
    assert_eq!(
        fields_after(|d| q(d, 3)["red_flag"][0]["when"] = json!(["yes"])),
        [format!("{Q3}.red_flag[0].when")]
    );
}

#[test]
fn red_flag_bounds_only_on_numbers() {
    assert_eq!(
        fields_after(|d| q(d, 0)["red_flag"]["min"] = json!(1)),
        [format!("{Q0}.red_flag.min")]
    );
}

#[test]
fn zero_tolerance_only_with_priority() {
    assert_eq!(
        fields_after(|d| q(d, 3)["red_flag"][0]["zero_tolerance"] = json!(true)),
        [format!("{Q3}.red_flag[0].zero_tolerance")]
    );
}

#[test]
fn scored_questions_name_an_indicator() {
    assert_eq!(
        fields_after(|d| q(d, 0)["indicators"] = json!([])),
        [format!("{Q0}.indicators")]
    );
    // Weight zero: not scored, so no indicator is needed.
    assert_eq!(
        fields_after(|d| {
            q(d, 0)["indicators"] = json!([]);
            q(d, 0)["weight"] = json!(0);
        }),
        Vec::<String>::new()
    );
}

#[test]
fn text_date_and_file_questions_are_never_scored() {
    let options = json!([{"value": "a", "label": {"en": "A"}}]);
    assert_eq!(
        fields_after(|d| q(d, 1)["options"] = options),
        ["sections[0].questions[1].options"]
    );
    assert_eq!(
        fields_after(|d| q(d, 1)["risk_ranges"] = json!([{"risk": 1}])),
        ["sections[0].questions[1].risk_ranges"]
    );
    let flag = json!({"when": ["a"], "severity": "minor", "finding": {"en": "A"}});
    let fields = fields_after(|d| q(d, 1)["red_flag"] = flag);
    assert!(
        fields.contains(&"sections[0].questions[1].red_flag".to_string()),
        "{fields:?}"
    );
}

#[test]
fn every_error_is_reported_at_once() {
    let fields = fields_after(|d| {
        d["version"] = json!(0);
        q(d, 0)["weight"] = json!(-2);
        q(d, 3)["min"] = json!(500);
    });
    assert_eq!(fields, ["version", &format!("{Q0}.weight"), &format!("{Q3}.max")]);
}

/// `valid()` with a "We do not know" option on fees.paid (a gate: "yes" shows
/// fees.lender) at `index`, raising the same flag as "yes" when `flagged`.
fn with_unknown(risk: Option<u32>, index: usize, flagged: bool) -> impl FnOnce(&mut Value) {
    move |d| {
        let mut dk = json!({"value": "dk", "label": {"en": "We do not know"}, "unknown": true});
        if let Some(risk) = risk {
            dk["risk"] = json!(risk);
        }
        q(d, 0)["options"].as_array_mut().unwrap().insert(index, dk);
        if flagged {
            q(d, 0)["red_flag"]["when"]
                .as_array_mut()
                .unwrap()
                .push(json!("dk"));
        }
    }
}

/// Scoring model 2: "We do not know" shows the follow-ups, so it must not carry
/// less risk than the answer that shows them.
#[test]
fn an_unknown_option_of_a_gate_is_at_least_as_risky_as_the_answer_that_shows_follow_ups() {
    // Below "yes" (100), which shows fees.lender: refused at the unknown option's path.
    assert_eq!(
        fields_after(with_unknown(Some(60), 2, true)),
        [format!("{Q0}.options[2]")]
    );
    // As risky as "yes": accepted. Riskier than "no" alone does not matter ("no"
    // hides the follow-ups).
    assert!(fields_after(with_unknown(Some(100), 2, true)).is_empty());
    // An unknown option without a risk counts as 0.
    assert_eq!(
        fields_after(with_unknown(None, 0, true)),
        [format!("{Q0}.options[0]")]
    );
    // An unknown option of a question that gates nothing is not a gate's.
    assert!(
        fields_after(|d| {
            q(d, 1).as_object_mut().unwrap().remove("show_if");
            with_unknown(Some(10), 2, false)(d);
        })
        .is_empty()
    );
}

/// The floors read the red flags, so an unknown option of a gate that raises a
/// weaker flag than the answer that shows the follow-ups would put not knowing
/// a band lower (the shipped SAQ v2 had "yes" `priority`, "We do not know" `major`
/// on fees.workers_paid_any).
#[test]
fn an_unknown_option_of_a_gate_raises_a_flag_at_least_as_severe_as_the_answer_that_shows_follow_ups() {
    let unknown_at = format!("{Q0}.options[2]");
    // "yes" raises a priority flag; "We do not know", as risky, raises none.
    assert_eq!(
        fields_after(with_unknown(Some(100), 2, false)),
        std::slice::from_ref(&unknown_at)
    );
    // Its own major flag is still weaker than priority.
    let with_major = |d: &mut Value| {
        with_unknown(Some(100), 2, false)(d);
        let yes_flag = q(d, 0)["red_flag"].clone();
        let dk_flag = json!({"when": ["dk"], "severity": "major", "finding": {"en": "Not known"}});
        q(d, 0)["red_flag"] = json!([yes_flag, dk_flag]);
    };
    assert_eq!(fields_after(with_major), std::slice::from_ref(&unknown_at));
    // Priority without zero tolerance is as strong as "yes" here: a paid fee is
    // never zero tolerance (model 2), whatever the definition says.
    let with_priority = |d: &mut Value| {
        with_major(d);
        q(d, 0)["red_flag"][1]["severity"] = json!("priority");
    };
    assert!(fields_after(with_priority).is_empty());
    // On another indicator zero tolerance counts: priority alone is weaker.
    assert_eq!(
        fields_after(|d| {
            with_priority(d);
            q(d, 0)["indicators"] = json!(["debt_bondage"]);
        }),
        [unknown_at]
    );
}
