//! Scope and method; context and inherent risk with the cited sources.

use domain::reports::ReportData;

use super::{field, number};
use crate::report::{
    canvas::{Canvas, MARGIN_X, Style},
    i18n::{t, with},
};

/// "Scope and method".
pub fn scope(canvas: &mut Canvas<'_>, data: &ReportData) {
    let locale = data.locale;
    canvas.section(&t(locale, "scope"));
    let (key, version) = &data.questionnaire;
    let text = with(
        locale,
        "scope_text",
        &[
            ("questionnaire", &format!("{key} v{version}")),
            ("model", super::cover::scoring_model(data)),
        ],
    );
    canvas.paragraph(&text, Style::BODY);
    canvas.paragraph(&t(locale, "standards"), Style::BODY);
}

/// "Context and inherent risk".
pub fn inherent(canvas: &mut Canvas<'_>, data: &ReportData) {
    let locale = data.locale;
    canvas.section(&t(locale, "inherent_title"));
    let parts = data
        .assessment
        .score_breakdown
        .as_ref()
        .map(|b| &b["components"]["inherent"]);
    let value_x = MARGIN_X + 200.0;
    field(canvas, &t(locale, "country"), &data.country_name, value_x);
    field(canvas, &t(locale, "sector"), &data.sector_name, value_x);
    if let Some(parts) = parts {
        for (label, risk, overridden) in [
            ("country_risk", "country_risk", "country_overridden"),
            ("sector_risk", "sector_risk", "sector_overridden"),
        ] {
            let mut shown = format!(
                "{} / 100",
                number(locale, parts[risk].as_f64().unwrap_or_default(), 0)
            );
            if parts[overridden].as_bool() == Some(true) {
                shown.push_str(&format!(" ({})", &t(locale, "overridden")));
            }
            field(canvas, &t(locale, label), &shown, value_x);
        }
        let value = parts["value"].as_f64().unwrap_or_default();
        field(
            canvas,
            &t(locale, "inherent"),
            &format!("{} / 100", number(locale, value, 1)),
            value_x,
        );
    }
    if let Some(explained) = super::risk_words::explained(data) {
        if let Some(origins) = super::risk_words::origins(data, &explained) {
            field(canvas, &t(locale, "origin_risk"), &origins, value_x);
        }
        if let Some(context) = super::risk_words::context(data, &explained) {
            canvas.paragraph(&context, Style::BODY.bold());
        }
    }
    canvas.subsection(&t(locale, "sources"), 20.0);
    for source in &data.sources {
        canvas.bullet(source, Style::SMALL);
    }
}
