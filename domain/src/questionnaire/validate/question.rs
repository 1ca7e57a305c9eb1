//! The rules of one question: its type, options, numbers, risks, red flags and
//! the question it depends on.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use super::Report;
use crate::questionnaire::definition::{NumberRange, Question, QuestionType, RedFlag, RedFlags};
use crate::reference;

/// What a question is checked against.
pub(super) struct Context<'a> {
    /// Its JSON path, e.g. `sections[0].questions[2]`.
    pub path: &'a str,
    /// The definition's default locale.
    pub locale: &'a str,
    /// The questions before it, by key.
    pub earlier: &'a BTreeMap<&'a str, &'a Question>,
    /// Every question key of the definition.
    pub all_keys: &'a BTreeSet<&'a str>,
}

/// The answer values a question accepts as options, if it is a choice question.
fn option_values(q: &Question) -> Option<Vec<&str>> {
    match q.kind {
        QuestionType::YesNo => Some(vec!["yes", "no"]),
        QuestionType::SingleChoice | QuestionType::MultiChoice => {
            Some(q.options.iter().flatten().map(|o| o.value.as_str()).collect())
        }
        _ => None,
    }
}

fn within_0_100(value: Decimal) -> bool {
    (Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&value)
}

pub(super) fn check(q: &Question, cx: &Context<'_>, report: &mut Report) {
    let p = cx.path;
    report.text(&q.text, &format!("{p}.text"), cx.locale);
    if let Some(help) = &q.help {
        report.text(help, &format!("{p}.help"), cx.locale);
    }
    for (k, key) in q.indicators.iter().enumerate() {
        if !reference::is_indicator(key) {
            report.add(
                format!("{p}.indicators[{k}]"),
                format!("'{key}' is not a known indicator"),
            );
        }
    }
    if q.weight.is_some_and(|w| w < Decimal::ZERO) {
        report.add(format!("{p}.weight"), "must not be negative");
    }
    check_kind(q, p, report);
    check_options(q, cx, report);
    check_numbers(q, p, report);
    if let Some(flags) = &q.red_flag {
        match flags {
            RedFlags::One(flag) => check_red_flag(q, flag, &format!("{p}.red_flag"), cx.locale, report),
            RedFlags::Many(list) => {
                if list.is_empty() {
                    report.add(
                        format!("{p}.red_flag"),
                        "an empty list of red flags; leave it out instead",
                    );
                }
                for (n, flag) in list.iter().enumerate() {
                    check_red_flag(q, flag, &format!("{p}.red_flag[{n}]"), cx.locale, report);
                }
            }
        }
    }
    check_show_if(q, cx, report);
    if q.is_scored() && q.indicators.is_empty() {
        report.add(
            format!("{p}.indicators"),
            "a scored question must name at least one indicator",
        );
    }
}

/// Which parts each type may have.
fn check_kind(q: &Question, p: &str, report: &mut Report) {
    let unscored = matches!(
        q.kind,
        QuestionType::Text | QuestionType::Date | QuestionType::File
    );
    if unscored {
        for (present, part) in [
            (q.options.is_some(), "options"),
            (q.risk_ranges.is_some(), "risk_ranges"),
            (q.red_flag.is_some(), "red_flag"),
        ] {
            if present {
                report.add(
                    format!("{p}.{part}"),
                    "text, date and file questions are never scored",
                );
            }
        }
    }
    if q.kind != QuestionType::Number {
        for (present, part) in [(q.min.is_some(), "min"), (q.max.is_some(), "max")] {
            if present {
                report.add(format!("{p}.{part}"), "only number questions have bounds");
            }
        }
        if !unscored && q.risk_ranges.is_some() {
            report.add(
                format!("{p}.risk_ranges"),
                "only number questions have risk ranges",
            );
        }
    }
    match q.kind {
        QuestionType::SingleChoice | QuestionType::MultiChoice
            if q.options.as_ref().is_none_or(Vec::is_empty) =>
        {
            report.add(format!("{p}.options"), "a choice question needs options");
        }
        QuestionType::YesNo => {
            if let Some(options) = &q.options {
                let mut values: Vec<&str> = options.iter().map(|o| o.value.as_str()).collect();
                values.sort_unstable();
                if values != ["no", "yes"] {
                    report.add(
                        format!("{p}.options"),
                        "the options of a yes/no question are exactly 'yes' and 'no'",
                    );
                }
            }
        }
        QuestionType::Number if q.options.is_some() => {
            report.add(
                format!("{p}.options"),
                "a number question takes risk_ranges, not options",
            );
        }
        _ => {}
    }
}

fn check_options(q: &Question, cx: &Context<'_>, report: &mut Report) {
    let mut seen = BTreeSet::new();
    for (i, option) in q.options.iter().flatten().enumerate() {
        let o = format!("{}.options[{i}]", cx.path);
        if option.value.trim().is_empty() {
            report.add(format!("{o}.value"), "is required");
        } else if !seen.insert(option.value.as_str()) {
            report.add(
                format!("{o}.value"),
                format!("another option already has the value '{}'", option.value),
            );
        }
        report.text(&option.label, &format!("{o}.label"), cx.locale);
        if option.risk.is_some_and(|r| !within_0_100(r)) {
            report.add(format!("{o}.risk"), "must be between 0 and 100");
        }
    }
}

fn check_numbers(q: &Question, p: &str, report: &mut Report) {
    if let (Some(min), Some(max)) = (q.min, q.max)
        && min > max
    {
        report.add(format!("{p}.max"), "must not be less than min");
    }
    let Some(ranges) = &q.risk_ranges else { return };
    for (i, range) in ranges.iter().enumerate() {
        if !within_0_100(range.risk) {
            report.add(format!("{p}.risk_ranges[{i}].risk"), "must be between 0 and 100");
        }
        if let (Some(min), Some(max)) = (range.min, range.max)
            && min >= max
        {
            report.add(format!("{p}.risk_ranges[{i}]"), "min must be less than max");
        }
    }
    // Ranges are half-open [min, max): sorted by lower bound (an open bound first),
    // each must end at or before the next one starts.
    let mut order: Vec<(usize, &NumberRange)> = ranges.iter().enumerate().collect();
    order.sort_by_key(|(_, r)| r.min);
    for pair in order.windows(2) {
        let ((a_index, a), (b_index, b)) = (pair[0], pair[1]);
        let overlaps = match (a.max, b.min) {
            (Some(end), Some(start)) => end > start,
            _ => true,
        };
        if overlaps {
            report.add(
                format!("{p}.risk_ranges[{b_index}]"),
                format!("overlaps risk_ranges[{a_index}]"),
            );
        }
    }
}

fn check_red_flag(q: &Question, flag: &RedFlag, f: &str, locale: &str, report: &mut Report) {
    report.text(&flag.finding, &format!("{f}.finding"), locale);
    if flag.zero_tolerance && flag.severity != crate::questionnaire::Severity::Priority {
        report.add(
            format!("{f}.zero_tolerance"),
            "only a priority red flag can be zero tolerance",
        );
    }
    let is_number = q.kind == QuestionType::Number;
    if !is_number {
        for (present, part) in [(flag.min.is_some(), "min"), (flag.max.is_some(), "max")] {
            if present {
                report.add(
                    format!("{f}.{part}"),
                    "only number questions have red flags by bounds",
                );
            }
        }
    }
    match (&flag.when, option_values(q)) {
        (Some(_), None) => report.add(
            format!("{f}.when"),
            "only choice and yes/no questions have red flags by answer",
        ),
        (Some(when), Some(values)) => {
            if when.is_empty() {
                report.add(format!("{f}.when"), "must list at least one option value");
            }
            for (k, value) in when.iter().enumerate() {
                if !values.contains(&value.as_str()) {
                    report.add(
                        format!("{f}.when[{k}]"),
                        format!("'{value}' is not an option of this question"),
                    );
                }
            }
        }
        (None, Some(_)) => report.add(
            format!("{f}.when"),
            "is required: the answers that raise the flag",
        ),
        (None, None) if is_number && flag.min.is_none() && flag.max.is_none() => {
            report.add(f, "a number red flag needs min or max");
        }
        (None, None) => {}
    }
}

fn check_show_if(q: &Question, cx: &Context<'_>, report: &mut Report) {
    let Some(condition) = &q.show_if else { return };
    let p = cx.path;
    let Some(parent) = cx.earlier.get(condition.question.as_str()) else {
        let message = if cx.all_keys.contains(condition.question.as_str()) {
            format!(
                "'{}' comes later; a question can only depend on an earlier one",
                condition.question
            )
        } else {
            format!("no question has the key '{}'", condition.question)
        };
        report.add(format!("{p}.show_if.question"), message);
        return;
    };
    if let Some(values) = option_values(parent) {
        let known = condition.equals.as_str().is_some_and(|v| values.contains(&v));
        if !known {
            report.add(
                format!("{p}.show_if.equals"),
                format!(
                    "must be one of the options of '{}': {}",
                    parent.key,
                    values.join(", ")
                ),
            );
        }
    }
}
