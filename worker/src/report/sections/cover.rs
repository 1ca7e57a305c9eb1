//! The cover and control block.

use domain::{reports::ReportData, risk_score::breakdown_model};

use super::{band_color, field};
use crate::report::{
    canvas::{ACCENT, CONTENT_W, Canvas, MARGIN_X, MUTED, Style},
    i18n::{date, t, value},
};

/// Page 1.
pub fn cover(canvas: &mut Canvas<'_>, data: &ReportData) {
    let locale = data.locale;
    canvas.new_page();
    canvas.rect(0.0, 0.0, crate::report::canvas::PAGE_W, 8.0, ACCENT);
    canvas.y = 150.0;
    let title = Style::BODY.sized(22.0).bold().colored(ACCENT);
    canvas.paragraph(&t(locale, "title"), title);
    canvas.space(6.0);
    canvas.paragraph(&data.supplier.name, Style::BODY.sized(16.0).bold());
    canvas.space(10.0);
    if let Some(band) = &data.assessment.risk_band {
        let text = format!("{}: {}", &t(locale, "risk_band"), value(locale, band)).to_uppercase();
        let style = Style::BODY.sized(11.0).bold().colored((1.0, 1.0, 1.0));
        let w = canvas.width(&text, style) + 20.0;
        canvas.rect(MARGIN_X, canvas.y, w, 22.0, band_color(band));
        canvas.text_at(MARGIN_X + 10.0, canvas.y + 15.0, &text, style);
        canvas.y += 40.0;
    }
    let value_x = MARGIN_X + 170.0;
    let (key, version) = &data.questionnaire;
    let rows = [
        (t(locale, "client"), data.company_name.clone()),
        (t(locale, "supplier"), data.supplier.name.clone()),
        (t(locale, "country"), data.country_name.clone()),
        (t(locale, "sector"), data.sector_name.clone()),
        (
            t(locale, "date"),
            date(locale, data.report.created_at.date_naive()),
        ),
        (
            t(locale, "advisor"),
            data.advisor.clone().unwrap_or_else(|| "—".into()),
        ),
        (t(locale, "questionnaire"), format!("{key} v{version}")),
        (t(locale, "model"), scoring_model(data).to_string()),
    ];
    for (label, shown) in rows {
        field(canvas, &label, &shown, value_x);
    }
    canvas.y = canvas.y.max(620.0);
    canvas.line((MARGIN_X, canvas.y), (MARGIN_X + CONTENT_W, canvas.y), 0.5, MUTED);
    canvas.space(10.0);
    canvas.paragraph(&t(locale, "confidential"), Style::SMALL.colored(MUTED));
}

/// The scoring model the reported result was computed with (a result keeps its
/// model until it is re-scored; one stored before models were named is model 1).
pub fn scoring_model(data: &ReportData) -> &str {
    breakdown_model(data.assessment.score_breakdown.as_ref())
}
