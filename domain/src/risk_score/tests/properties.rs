//! Properties over generated definitions and answers (questionnaire-format.md:
//! "Properties the tests must hold").

use proptest::prelude::*;
use serde_json::{Value, json};

use super::*;

/// A generated question: single choice (options with ascending risks), a number
/// with ascending ranges, or multi choice; flags only on high-risk answers (so
/// raising a risk never removes a flag); `show_if` on unscored yes/no gates or on
/// scored gates with a "We do not know" option (model 2), whose risk is at least
/// that of "yes", the answer that shows the follow-ups.
#[derive(Debug, Clone)]
enum Gen {
    Choice {
        weight: u32,
        risks: Vec<u32>,
        flag_from: usize,
        zero: bool,
    },
    Number {
        weight: u32,
        cut1: u32,
        cut2: u32,
        risks: [u32; 3],
        flag_at: u32,
    },
    Multi {
        weight: u32,
        risks: Vec<u32>,
    },
    Gate,
    UnknownGate {
        weight: u32,
        no: u32,
        yes: u32,
        unknown: u32,
        flag: bool,
    },
}

fn ascending(mut v: Vec<u32>) -> Vec<u32> {
    v.sort_unstable();
    v
}

fn question() -> impl Strategy<Value = Gen> {
    prop_oneof![
        (
            0u32..10,
            prop::collection::vec(0u32..=100, 2..5),
            0usize..4,
            any::<bool>()
        )
            .prop_map(|(weight, risks, flag_from, zero)| Gen::Choice {
                weight,
                risks: ascending(risks),
                flag_from,
                zero
            }),
        (
            0u32..10,
            1u32..50,
            50u32..100,
            prop::collection::vec(0u32..=100, 3),
            0u32..150
        )
            .prop_map(|(weight, cut1, cut2, risks, flag_at)| {
                let r = ascending(risks);
                Gen::Number {
                    weight,
                    cut1,
                    cut2,
                    risks: [r[0], r[1], r[2]],
                    flag_at,
                }
            }),
        (0u32..10, prop::collection::vec(0u32..=100, 2..5)).prop_map(|(weight, risks)| Gen::Multi {
            weight,
            risks: ascending(risks)
        }),
        Just(Gen::Gate),
        (0u32..10, prop::collection::vec(0u32..=100, 3), any::<bool>()).prop_map(|(weight, risks, flag)| {
            let r = ascending(risks);
            Gen::UnknownGate {
                weight,
                no: r[0],
                yes: r[1],
                unknown: r[2],
                flag,
            }
        }),
    ]
}

fn to_json(index: usize, q: &Gen, gate: Option<usize>) -> Value {
    let key = format!("q{index}");
    let mut value = match q {
        Gen::Choice {
            weight,
            risks,
            flag_from,
            zero,
        } => {
            let options: Vec<Value> = risks
                .iter()
                .enumerate()
                .map(|(i, r)| json!({"value": format!("o{i}"), "label": {"en": "x"}, "risk": r}))
                .collect();
            let when: Vec<String> = (*flag_from.min(&(risks.len() - 1))..risks.len())
                .map(|i| format!("o{i}"))
                .collect();
            let severity = if *zero { "priority" } else { "major" };
            json!({"key": key, "type": "single_choice", "text": {"en": "x"}, "indicators": ["deception"],
                   "weight": weight, "options": options,
                   "red_flag": {"when": when, "severity": severity, "zero_tolerance": zero, "finding": {"en": "f"}}})
        }
        Gen::Number {
            weight,
            cut1,
            cut2,
            risks,
            flag_at,
        } => json!({
            "key": key, "type": "number", "text": {"en": "x"}, "indicators": ["excessive_overtime"], "weight": weight,
            "risk_ranges": [{"max": cut1, "risk": risks[0]}, {"min": cut1, "max": cut2, "risk": risks[1]}, {"min": cut2, "risk": risks[2]}],
            "red_flag": {"min": flag_at, "severity": "priority", "finding": {"en": "f"}}}),
        Gen::Multi { weight, risks } => {
            let options: Vec<Value> = risks
                .iter()
                .enumerate()
                .map(|(i, r)| json!({"value": format!("o{i}"), "label": {"en": "x"}, "risk": r}))
                .collect();
            json!({"key": key, "type": "multi_choice", "text": {"en": "x"}, "indicators": ["isolation"],
                   "weight": weight, "options": options})
        }
        Gen::Gate => json!({"key": key, "type": "yes_no", "text": {"en": "x"}}),
        Gen::UnknownGate {
            weight,
            no,
            yes,
            unknown,
            flag,
        } => {
            let mut gate = json!({"key": key, "type": "single_choice", "text": {"en": "x"},
                "indicators": ["restriction_of_movement"], "weight": weight,
                "options": [{"value": "no", "label": {"en": "x"}, "risk": no},
                            {"value": "yes", "label": {"en": "x"}, "risk": yes},
                            {"value": "unknown", "label": {"en": "x"}, "risk": unknown, "unknown": true}]});
            if *flag {
                gate["red_flag"] =
                    json!({"when": ["yes", "unknown"], "severity": "major", "finding": {"en": "f"}});
            }
            gate
        }
    };
    if let (Some(g), false) = (gate, is_gate(q)) {
        value["show_if"] = json!({"question": format!("q{g}"), "equals": "yes"});
    }
    value
}

fn is_gate(q: &Gen) -> bool {
    matches!(q, Gen::Gate | Gen::UnknownGate { .. })
}

/// An answer "level" per question: the index of the chosen option (or a number).
fn answer_for(q: &Gen, level: u32) -> Value {
    match q {
        Gen::Choice { risks, .. } => json!(format!("o{}", level as usize % risks.len())),
        Gen::Number { .. } => json!(level % 150),
        Gen::Multi { risks, .. } => json!([format!("o{}", level as usize % risks.len())]),
        Gen::Gate => json!(if level.is_multiple_of(2) { "yes" } else { "no" }),
        Gen::UnknownGate { .. } => json!(["no", "yes", "unknown"][level as usize % 3]),
    }
}

/// The same answer one step riskier (a later option, a higher number).
fn riskier(q: &Gen, level: u32) -> Option<Value> {
    match q {
        Gen::Choice { risks, .. } | Gen::Multi { risks, .. } => {
            let i = level as usize % risks.len();
            (i + 1 < risks.len()).then(|| answer_for(q, (i + 1) as u32))
        }
        Gen::Number { .. } => Some(json!(level % 150 + 7)),
        Gen::Gate => None,
        Gen::UnknownGate { .. } => {
            let i = level as usize % 3;
            (i < 2).then(|| answer_for(q, (i + 1) as u32))
        }
    }
}

fn case() -> impl Strategy<Value = (Vec<Gen>, Vec<Option<usize>>, Vec<u32>, u32, u32)> {
    prop::collection::vec(question(), 1..8).prop_flat_map(|qs| {
        let n = qs.len();
        let gates = prop::collection::vec(prop::option::of(0usize..n), n);
        let levels = prop::collection::vec(0u32..200, n);
        (Just(qs), gates, levels, 0u32..=100, 0u32..=100)
    })
}

fn build(qs: &[Gen], gates: &[Option<usize>]) -> Definition {
    let questions: Vec<Value> = qs
        .iter()
        .enumerate()
        .map(|(i, q)| {
            // Only an earlier gate may control visibility.
            let gate = gates[i].filter(|g| *g < i && is_gate(&qs[*g]));
            to_json(i, q, gate)
        })
        .collect();
    serde_json::from_value(
        json!({"key": "p", "version": 1, "title": {"en": "P"}, "default_locale": "en",
        "sections": [{"key": "s", "title": {"en": "S"}, "questions": questions}]}),
    )
    .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn raising_one_answer_never_lowers_score_or_band((qs, gates, levels, country, sector) in case(), pick in 0usize..8) {
        let definition = build(&qs, &gates);
        let base: Answers = qs.iter().enumerate().map(|(i, q)| (format!("q{i}"), answer_for(q, levels[i]))).collect();
        let i = pick % qs.len();
        if let Some(higher) = riskier(&qs[i], levels[i]) {
            let mut raised = base.clone();
            raised.insert(format!("q{i}"), higher);
            // The property holds with the set of asked questions unchanged.
            let asked = |a: &Answers| -> Vec<String> {
                crate::questionnaire::visibility::asked(&definition, a).iter().map(|q| q.key.clone()).collect()
            };
            prop_assume!(asked(&base) == asked(&raised));
            let inherent = inherent(&country.to_string(), &sector.to_string());
            let before = run(&definition, &base, inherent.clone(), None);
            let after = run(&definition, &raised, inherent, None);
            prop_assert!(after.score >= before.score, "{} < {}", after.score, before.score);
            prop_assert!(after.band >= before.band);
        }
    }

    #[test]
    fn an_unknown_gate_answer_shows_the_follow_ups_and_never_scores_lower((qs, gates, levels, country, sector) in case()) {
        let definition = build(&qs, &gates);
        let base: Answers = qs.iter().enumerate().map(|(i, q)| (format!("q{i}"), answer_for(q, levels[i]))).collect();
        let asked = |a: &Answers| -> Vec<String> {
            crate::questionnaire::visibility::asked(&definition, a).iter().map(|q| q.key.clone()).collect()
        };
        for (g, q) in qs.iter().enumerate() {
            if !matches!(q, Gen::UnknownGate { .. }) {
                continue;
            }
            let mut unknown = base.clone();
            unknown.insert(format!("q{g}"), json!("unknown"));
            let by_unknown = run(&definition, &unknown, inherent(&country.to_string(), &sector.to_string()), None);
            for other in ["no", "yes"] {
                let mut answered = base.clone();
                answered.insert(format!("q{g}"), json!(other));
                if other == "yes" {
                    // "yes" shows the follow-ups: so does "We do not know".
                    prop_assert_eq!(asked(&unknown), asked(&answered));
                } else if asked(&unknown) != asked(&answered) {
                    continue;
                }
                let by_other = run(&definition, &answered, inherent(&country.to_string(), &sector.to_string()), None);
                prop_assert!(by_unknown.score >= by_other.score, "{} < {}", by_unknown.score, by_other.score);
                prop_assert!(by_unknown.band >= by_other.band);
            }
        }
    }

    #[test]
    fn same_input_same_output_and_within_bounds((qs, gates, levels, country, sector) in case()) {
        let definition = build(&qs, &gates);
        let answers: Answers = qs.iter().enumerate().map(|(i, q)| (format!("q{i}"), answer_for(q, levels[i]))).collect();
        let a = run(&definition, &answers, inherent(&country.to_string(), &sector.to_string()), None);
        let b = run(&definition, &answers, inherent(&country.to_string(), &sector.to_string()), None);
        prop_assert_eq!(&a, &b);
        prop_assert!(a.score >= Decimal::ZERO && a.score <= Decimal::ONE_HUNDRED);
    }

    #[test]
    fn lowest_risk_everywhere_with_no_inherent_risk_is_zero_and_low((qs, gates, _levels, _c, _s) in case()) {
        // A definition whose lowest answers carry no risk and raise no flag.
        let qs: Vec<Gen> = qs
            .into_iter()
            .map(|q| match q {
                Gen::Choice { weight, mut risks, flag_from, zero } => {
                    risks[0] = 0;
                    Gen::Choice { weight, risks, flag_from: flag_from.max(1), zero }
                }
                Gen::Multi { weight, mut risks } => {
                    risks[0] = 0;
                    Gen::Multi { weight, risks }
                }
                Gen::Number { weight, cut1, cut2, mut risks, flag_at } => {
                    risks[0] = 0;
                    Gen::Number { weight, cut1, cut2, risks, flag_at: flag_at.max(1) }
                }
                Gen::Gate => Gen::Gate,
                Gen::UnknownGate { weight, yes, unknown, .. } => Gen::UnknownGate { weight, no: 0, yes, unknown, flag: false },
            })
            .collect();
        let definition = build(&qs, &gates);
        // The lowest-risk answer: the first option, a number below every cut (0 lies
        // in the first range), a gate answered yes.
        let answers: Answers = qs.iter().enumerate().map(|(i, q)| (format!("q{i}"), answer_for(q, 0))).collect();
        let s = run(&definition, &answers, inherent("0", "0"), None);
        prop_assert_eq!(s.score, Decimal::ZERO);
        prop_assert_eq!(s.band, crate::values::RiskBand::Low);
    }
}
