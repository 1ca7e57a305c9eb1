//! Fee audit and remediation: totals, fees by category (chart), by recruiter
//! (table), the months-of-wages distribution (histogram), debt risk and
//! repayment progress.

use domain::{
    fee_audit::engine::{format_money, format_number},
    fee_audit::store::cost_lines,
    reports::{FeeAuditFigures, ReportData},
};
use rust_decimal::{Decimal, prelude::ToPrimitive};

use super::field;
use crate::report::{
    canvas::{ACCENT, Canvas, MARGIN_X, Style},
    charts::{self, Bar},
    i18n::{date, t, value, with},
    table::Table,
};

/// Upper bounds of the histogram's buckets, months of wages.
const BUCKETS: [u32; 6] = [1, 2, 3, 4, 6, 9];

/// The section.
pub fn draw(canvas: &mut Canvas<'_>, data: &ReportData, fees: &FeeAuditFigures) {
    let locale = data.locale;
    let s = &fees.summary;
    let money = |v: Decimal| format_money(v, locale);
    canvas.section(&t(locale, "fees_title"));
    let value_x = MARGIN_X + 250.0;
    field(canvas, &t(locale, "workers"), &s.workers.to_string(), value_x);
    field(
        canvas,
        &t(locale, "workers_paid"),
        &s.workers_who_paid.to_string(),
        value_x,
    );
    field(
        canvas,
        &t(locale, "total_fees"),
        &money(s.total_fees_usd),
        value_x,
    );
    field(
        canvas,
        &t(locale, "reimbursed"),
        &money(s.total_reimbursed_usd),
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
        &t(locale, "debt_risk"),
        &s.workers_with_debt_bondage_risk.to_string(),
        value_x,
    );

    recruitment_cost(canvas, data, fees);

    canvas.subsection(&t(locale, "by_category"), 60.0);
    let bars: Vec<Bar> = s
        .by_category
        .iter()
        .map(|c| Bar {
            label: value(locale, c.category.as_str()),
            value: c.fees_usd.to_f64().unwrap_or_default(),
            shown: money(c.fees_usd),
            color: ACCENT,
        })
        .collect();
    charts::bars(canvas, &bars, None);

    canvas.subsection(&t(locale, "distribution"), 170.0);
    charts::histogram(
        canvas,
        &buckets(&fees.months_of_wages, locale),
        (0.75, 0.30, 0.16),
        &t(locale, "workers_axis"),
    );

    canvas.subsection(&t(locale, "by_recruiter"), 40.0);
    let mut table = Table::new(
        &[
            &t(locale, "recruiter"),
            &t(locale, "country"),
            &t(locale, "paid_count"),
            &t(locale, "debt_risk"),
            "USD",
        ],
        &[3.0, 1.0, 1.4, 1.8, 1.6],
    )
    .numeric(&[2, 3, 4]);
    for r in &s.by_recruiter {
        table.row(vec![
            r.recruiter.clone(),
            r.country.as_ref().map(ToString::to_string).unwrap_or_default(),
            format!("{} / {}", r.workers_who_paid, r.workers),
            r.debt_bondage_risks.to_string(),
            money(r.fees_usd),
        ]);
    }
    table.draw(canvas);

    canvas.subsection(&t(locale, "repayment"), 60.0);
    let r = &fees.repayments;
    let shown = |text: &str| {
        text.parse::<Decimal>()
            .map(money)
            .unwrap_or_else(|_| text.to_string())
    };
    field(
        canvas,
        &t(locale, "outstanding"),
        &shown(&r.total_outstanding_usd),
        value_x,
    );
    field(canvas, &t(locale, "repaid"), &shown(&r.total_repaid_usd), value_x);
    field(
        canvas,
        &t(locale, "remaining"),
        &shown(&r.total_remaining_usd),
        value_x,
    );
    field(
        canvas,
        &t(locale, "still_owed"),
        &r.workers_still_owed.to_string(),
        value_x,
    );
    if r.settled {
        canvas.paragraph(&t(locale, "settled"), Style::BODY.bold());
    }
}

/// The recruitment cost indicator, overall, by corridor (country names) and by sex,
/// and a warning when it rests on old exchange rates. Left out for audits stored
/// before it was computed.
fn recruitment_cost(canvas: &mut Canvas<'_>, data: &ReportData, fees: &FeeAuditFigures) {
    let locale = data.locale;
    let Some(costs) = cost_lines(&fees.summary, locale) else {
        return;
    };
    canvas.subsection(&t(locale, "cost_title"), 120.0);
    canvas.paragraph(&t(locale, "cost_note"), Style::SMALL);
    field(
        canvas,
        &t(locale, "cost_overall"),
        &costs.overall,
        MARGIN_X + 250.0,
    );
    let breakdown = |first: &str| {
        Table::new(
            &[
                first,
                &t(locale, "workers"),
                &t(locale, "paid_count"),
                &t(locale, "cost_column"),
            ],
            &[3.0, 1.4, 1.4, 1.4],
        )
        .numeric(&[1, 2, 3])
    };
    let mut table = breakdown(&t(locale, "corridor"));
    for c in &costs.by_corridor {
        table.row(vec![
            c.label.clone(),
            c.workers.to_string(),
            c.workers_who_paid.to_string(),
            c.indicator.clone(),
        ]);
    }
    table.draw(canvas);
    let mut table = breakdown(&t(locale, "sex"));
    for (sex, c) in &costs.by_sex {
        table.row(vec![
            t(locale, &format!("sex_{}", sex.as_str())),
            c.workers.to_string(),
            c.workers_who_paid.to_string(),
            c.indicator.clone(),
        ]);
    }
    table.draw(canvas);
    if !costs.stale_rates.is_empty() {
        canvas.paragraph(&t(locale, "stale_rates"), Style::BODY.bold());
        for r in &costs.stale_rates {
            let line = with(
                locale,
                "stale_rate",
                &[
                    ("currency", r.currency.as_str()),
                    ("used", &date(locale, r.used)),
                    ("wanted", &date(locale, r.wanted)),
                ],
            );
            canvas.paragraph(&line, Style::BODY);
        }
    }
}

/// Workers per range of months of wages: `0–1`, `1–2` … `9+`.
pub fn buckets(months: &[Decimal], locale: domain::values::Locale) -> Vec<(String, u64)> {
    let mut out: Vec<(String, u64)> = Vec::new();
    let mut lower = 0;
    for upper in BUCKETS {
        let count = months
            .iter()
            .filter(|m| **m >= Decimal::from(lower) && **m < Decimal::from(upper))
            .count() as u64;
        out.push((format!("{lower}–{upper}"), count));
        lower = upper;
    }
    let last = months.iter().filter(|m| **m >= Decimal::from(lower)).count() as u64;
    out.push((
        format!("{}+", format_number(Decimal::from(lower), 0, locale)),
        last,
    ));
    out
}
