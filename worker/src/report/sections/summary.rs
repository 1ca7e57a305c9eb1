//! The executive summary: band badge, score and components, red-flag and
//! zero-tolerance counts, the fee headline and the priority actions.

use domain::reports::ReportData;
use serde_json::Value;

use super::{band_color, field, number, severity_color, severity_rank};
use crate::report::{
    canvas::{ACCENT, Canvas, MARGIN_X, Style},
    charts::{self, Bar},
    i18n::{t, value},
};

/// The score components from the stored breakdown: (label key, value).
pub fn components(breakdown: Option<&Value>) -> Vec<(&'static str, f64)> {
    let Some(parts) = breakdown.map(|b| &b["components"]) else {
        return Vec::new();
    };
    ["practice", "inherent", "fee"]
        .into_iter()
        .filter_map(|key| parts[key]["value"].as_f64().map(|v| (key, v)))
        .collect()
}

/// The section.
pub fn draw(canvas: &mut Canvas<'_>, data: &ReportData) {
    let locale = data.locale;
    canvas.section(&t(locale, "summary"));
    let band = data.assessment.risk_band.clone().unwrap_or_default();
    let score = data.assessment.score.unwrap_or_default();
    let badge = value(locale, &band).to_uppercase();
    let style = Style::BODY.sized(14.0).bold().colored((1.0, 1.0, 1.0));
    let w = canvas.width(&badge, style) + 24.0;
    canvas.rect(MARGIN_X, canvas.y, w, 26.0, band_color(&band));
    canvas.text_at(MARGIN_X + 12.0, canvas.y + 18.0, &badge, style);
    let score_text = format!("{} {} / 100", &t(locale, "score"), number(locale, score, 1));
    canvas.text_at(
        MARGIN_X + w + 14.0,
        canvas.y + 18.0,
        &score_text,
        Style::BODY.sized(14.0).bold(),
    );
    canvas.y += 40.0;

    canvas.subsection(&t(locale, "components"), 60.0);
    let bars: Vec<Bar> = components(data.assessment.score_breakdown.as_ref())
        .into_iter()
        .map(|(key, v)| Bar {
            label: t(locale, key),
            value: v,
            shown: number(locale, v, 1),
            color: ACCENT,
        })
        .collect();
    charts::bars(canvas, &bars, Some(100.0));

    // The inherent context apart from practice, and why the band is what it is.
    if let Some(explained) = super::risk_words::explained(data) {
        if let Some(context) = super::risk_words::context(data, &explained) {
            canvas.paragraph(&context, Style::BODY.bold());
        }
        let floors = super::risk_words::floors(data, &explained);
        if !floors.is_empty() {
            canvas.subsection(&t(locale, "why_band"), 40.0);
            for floor in floors {
                canvas.bullet(&floor, Style::BODY);
            }
        }
    }

    let red_flags = data
        .assessment
        .score_breakdown
        .as_ref()
        .map_or(0, |b| b["red_flags"].as_array().map_or(0, Vec::len));
    let zero_tolerance = data.findings.iter().filter(|f| f.zero_tolerance).count();
    let value_x = MARGIN_X + 250.0;
    field(canvas, &t(locale, "red_flags"), &red_flags.to_string(), value_x);
    field(
        canvas,
        &t(locale, "zero_tolerance"),
        &zero_tolerance.to_string(),
        value_x,
    );

    canvas.subsection(&t(locale, "fee_headline"), 60.0);
    match &data.fee_audit {
        Some(fees) => {
            let s = &fees.summary;
            let money = |v| domain::fee_audit::engine::format_money(v, locale);
            let months = |v| domain::fee_audit::engine::format_number(v, 2, locale);
            field(
                canvas,
                &t(locale, "workers_paid"),
                &format!("{} / {}", s.workers_who_paid, s.workers),
                value_x,
            );
            field(
                canvas,
                &t(locale, "outstanding"),
                &money(s.total_outstanding_usd),
                value_x,
            );
            field(
                canvas,
                &t(locale, "median_months"),
                &months(s.median_months_of_wages),
                value_x,
            );
            field(
                canvas,
                &t(locale, "max_months"),
                &months(s.max_months_of_wages),
                value_x,
            );
        }
        None => canvas.paragraph(&t(locale, "no_fee_audit"), Style::BODY),
    }

    canvas.subsection(&t(locale, "priorities"), 40.0);
    for finding in priorities(data) {
        let due = data
            .actions
            .iter()
            .find(|a| a.finding_id == finding.id)
            .map(|a| {
                format!(
                    " — {} ({})",
                    a.description,
                    crate::report::i18n::date(locale, a.due_date)
                )
            })
            .unwrap_or_default();
        let text = format!("[{}] {}{due}", value(locale, &finding.severity), finding.title);
        let color = severity_color(&finding.severity);
        canvas.bullet(
            &text,
            Style::BODY.colored(if finding.severity == "priority" {
                color
            } else {
                Style::BODY.color
            }),
        );
    }
}

/// The three to five most severe open findings.
pub fn priorities(data: &ReportData) -> Vec<&domain::entities::finding::Model> {
    let mut open: Vec<_> = data.findings.iter().filter(|f| f.status != "closed").collect();
    open.sort_by_key(|f| (!f.zero_tolerance, severity_rank(&f.severity)));
    open.truncate(5);
    open
}
