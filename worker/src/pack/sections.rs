//! The pack's sections, in the order the contents list them. Each starts a
//! page (`Canvas::section`), so the contents page can give its number.

use domain::{evidence_packs::PackContents, fee_audit::engine::format_number, values::Locale};
use rust_decimal::Decimal;

use super::{
    i18n::{t, with_n},
    map,
};
use crate::report::{
    canvas::{Canvas, MUTED, Style},
    i18n::value,
    table::Table,
};

/// Every section after the contents page.
pub fn body(canvas: &mut Canvas<'_>, pack: &PackContents, l: Locale) {
    summary(canvas, pack, l);
    asks(canvas, pack, l);
    parties(canvas, pack, l);
    canvas.section(&t(l, "section-map"));
    map::draw(canvas, &pack.map, l);
    assessments(canvas, pack, l);
    fees(canvas, pack, l);
    actions(canvas, pack, l);
    voice(canvas, pack, l);
    screening(canvas, pack, l);
    evidence(canvas, pack, l);
}

/// A USD amount as stored (`1342.50`) written for `l`.
pub fn usd(l: Locale, raw: &str) -> String {
    raw.parse::<Decimal>()
        .map(|d| format_number(d, 2, l))
        .unwrap_or_else(|_| raw.to_string())
}

/// A two-column table of label and value (no header row to speak of).
fn facts(canvas: &mut Canvas<'_>, rows: Vec<(String, String)>) {
    let mut table = Table::new(&["", ""], &[3.0, 2.0]).numeric(&[1]);
    for (label, shown) in rows {
        table.row(vec![label, shown]);
    }
    table.draw(canvas);
}

/// A table with headers from the catalog, or "none recorded" when empty.
fn listed(canvas: &mut Canvas<'_>, l: Locale, headers: &[&str], widths: &[f32], rows: Vec<Vec<String>>) {
    if rows.is_empty() {
        canvas.paragraph(&t(l, "label-none"), Style::BODY.colored(MUTED));
        return;
    }
    let headers: Vec<String> = headers.iter().map(|h| t(l, h)).collect();
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut table = Table::new(&headers, widths);
    for row in rows {
        table.row(row);
    }
    table.draw(canvas);
}

fn summary(canvas: &mut Canvas<'_>, pack: &PackContents, l: Locale) {
    let s = &pack.summary;
    canvas.section(&t(l, "section-summary"));
    let open: u64 = s.open_findings_by_severity.values().sum();
    let by_severity: Vec<String> = s
        .open_findings_by_severity
        .iter()
        .map(|(severity, n)| format!("{} {n}", value(l, severity)))
        .collect();
    let open = if by_severity.is_empty() {
        open.to_string()
    } else {
        format!("{open} ({})", by_severity.join(", "))
    };
    facts(
        canvas,
        vec![
            (
                t(l, "label-risk-band"),
                s.risk_band
                    .as_deref()
                    .map(|b| value(l, b))
                    .unwrap_or_else(|| t(l, "label-not-scored")),
            ),
            (
                t(l, "label-risk-score"),
                s.risk_score
                    .map(|x| format!("{x:.1}"))
                    .unwrap_or_else(|| "—".into()),
            ),
            (t(l, "label-open-findings"), open),
            (t(l, "label-workers"), s.workers.to_string()),
            (t(l, "label-workers-paid"), s.workers_who_paid.to_string()),
            (t(l, "label-outstanding"), usd(l, &s.fees_outstanding_usd)),
            (t(l, "label-repaid"), usd(l, &s.fees_repaid_usd)),
            (t(l, "label-remaining"), usd(l, &s.fees_remaining_usd)),
            (t(l, "label-open-actions"), s.open_actions.to_string()),
            (
                t(l, "label-confirmed-hits"),
                s.confirmed_screening_hits.to_string(),
            ),
            (t(l, "label-evidence-files"), s.evidence_files.to_string()),
        ],
    );
}

fn asks(canvas: &mut Canvas<'_>, pack: &PackContents, l: Locale) {
    canvas.section(&t(l, "section-asks"));
    canvas.paragraph(&pack.authority, Style::BODY.bold());
    let rows = pack
        .asks
        .iter()
        .map(|a| {
            vec![
                a.what.clone(),
                a.source.clone(),
                t(l, &format!("section-{}", a.answered_in)),
            ]
        })
        .collect();
    listed(
        canvas,
        l,
        &["col-what", "col-source", "col-answered"],
        &[3.0, 4.0, 1.6],
        rows,
    );
}

fn parties(canvas: &mut Canvas<'_>, pack: &PackContents, l: Locale) {
    canvas.section(&t(l, "section-parties"));
    let rows = pack
        .parties
        .iter()
        .map(|p| {
            vec![
                value(l, &p.kind),
                p.name.clone(),
                p.country.clone().unwrap_or_default(),
                p.role.clone(),
            ]
        })
        .collect();
    listed(
        canvas,
        l,
        &["col-kind", "col-name", "col-country", "col-role"],
        &[1.3, 2.6, 0.9, 3.4],
        rows,
    );
    canvas.subsection(&t(l, "sub-products"), 40.0);
    let rows = pack
        .products
        .iter()
        .map(|p| {
            vec![
                p.name.clone(),
                p.sku.clone(),
                p.role.clone(),
                p.origins.join(", "),
            ]
        })
        .collect();
    listed(
        canvas,
        l,
        &["col-name", "col-sku", "col-role", "col-origins"],
        &[2.4, 1.4, 1.6, 2.8],
        rows,
    );
}

fn assessments(canvas: &mut Canvas<'_>, pack: &PackContents, l: Locale) {
    canvas.section(&t(l, "section-assessments"));
    let rows = pack
        .assessments
        .iter()
        .map(|a| {
            vec![
                a.created_at.date_naive().to_string(),
                value(l, &a.status),
                a.score.map(|x| format!("{x:.1}")).unwrap_or_else(|| "—".into()),
                a.risk_band
                    .as_deref()
                    .map(|b| value(l, b))
                    .unwrap_or_else(|| "—".into()),
            ]
        })
        .collect();
    listed(
        canvas,
        l,
        &["col-date", "col-status", "col-score", "col-band"],
        &[1.5, 1.8, 1.0, 1.4],
        rows,
    );
    canvas.subsection(&t(l, "sub-findings"), 40.0);
    let rows = pack
        .findings
        .iter()
        .map(|f| {
            vec![
                f.title.clone(),
                value(l, &f.severity),
                value(l, &f.status),
                value(l, &f.source),
                f.created_at.date_naive().to_string(),
            ]
        })
        .collect();
    listed(
        canvas,
        l,
        &[
            "col-title",
            "col-severity",
            "col-status",
            "col-source-record",
            "col-date",
        ],
        &[4.0, 1.2, 1.2, 1.3, 1.3],
        rows,
    );
}

fn fees(canvas: &mut Canvas<'_>, pack: &PackContents, l: Locale) {
    canvas.section(&t(l, "section-fees"));
    let Some(f) = &pack.fee_audit else {
        canvas.paragraph(&t(l, "label-none"), Style::BODY.colored(MUTED));
        return;
    };
    let yes_no = |b: bool| t(l, if b { "label-yes" } else { "label-no" });
    facts(
        canvas,
        vec![
            (
                t(l, "label-audit-date"),
                crate::report::i18n::date(l, f.uploaded_at.date_naive()),
            ),
            (t(l, "label-workers"), f.workers.to_string()),
            (t(l, "label-workers-paid"), f.workers_who_paid.to_string()),
            (t(l, "label-total-fees"), usd(l, &f.total_fees_usd)),
            (t(l, "label-reimbursed"), usd(l, &f.total_reimbursed_usd)),
            (t(l, "label-outstanding"), usd(l, &f.total_outstanding_usd)),
            (t(l, "label-repaid"), usd(l, &f.total_repaid_usd)),
            (t(l, "label-remaining"), usd(l, &f.total_remaining_usd)),
            (t(l, "label-still-owed"), f.workers_still_owed.to_string()),
            (
                t(l, "label-debt-risk"),
                f.workers_with_debt_bondage_risk.to_string(),
            ),
            (t(l, "label-settled"), yes_no(f.settled)),
        ],
    );
}

fn actions(canvas: &mut Canvas<'_>, pack: &PackContents, l: Locale) {
    canvas.section(&t(l, "section-actions"));
    let rows = pack
        .corrective_actions
        .iter()
        .map(|a| {
            vec![
                a.description.clone(),
                a.finding_title.clone(),
                a.due_date.to_string(),
                value(l, &a.status),
            ]
        })
        .collect();
    listed(
        canvas,
        l,
        &["col-action", "col-finding", "col-due", "col-status"],
        &[3.4, 2.6, 1.2, 1.2],
        rows,
    );
}

fn voice(canvas: &mut Canvas<'_>, pack: &PackContents, l: Locale) {
    let v = &pack.worker_voice;
    canvas.section(&t(l, "section-voice"));
    canvas.paragraph(&with_n(l, "voice-note", v.threshold), Style::SMALL.colored(MUTED));
    canvas.space(4.0);
    let shown = |n: Option<u64>| {
        n.map(|n| n.to_string())
            .unwrap_or_else(|| with_n(l, "voice-withheld", v.threshold))
    };
    let mut rows = vec![vec![t(l, "voice-total"), shown(v.total)]];
    rows.extend(v.by_category.iter().map(|(k, n)| vec![value(l, k), shown(*n)]));
    rows.extend(v.by_status.iter().map(|(k, n)| vec![value(l, k), shown(*n)]));
    listed(canvas, l, &["col-category", "col-count"], &[3.0, 1.5], rows);
}

fn screening(canvas: &mut Canvas<'_>, pack: &PackContents, l: Locale) {
    canvas.section(&t(l, "section-screening"));
    let rows = pack
        .screening
        .iter()
        .map(|h| {
            let status = match &h.reason {
                Some(reason) => format!("{}: {reason}", value(l, &h.status)),
                None => value(l, &h.status),
            };
            vec![
                h.subject_name.clone(),
                h.list_key.clone(),
                h.entry_name.clone(),
                format!("{:.2}", h.score),
                status,
            ]
        })
        .collect();
    listed(
        canvas,
        l,
        &[
            "col-subject",
            "col-list",
            "col-entry",
            "col-similarity",
            "col-status",
        ],
        &[2.0, 1.5, 2.2, 0.9, 2.0],
        rows,
    );
}

fn evidence(canvas: &mut Canvas<'_>, pack: &PackContents, l: Locale) {
    canvas.section(&t(l, "section-evidence"));
    let rows = pack
        .evidence
        .iter()
        .map(|e| {
            vec![
                e.zip_path.clone(),
                e.content_type.clone(),
                e.size_bytes.to_string(),
                e.sha256.clone(),
            ]
        })
        .collect();
    listed(
        canvas,
        l,
        &["col-file", "col-type", "col-size", "col-sha256"],
        &[2.6, 1.3, 0.8, 3.6],
        rows,
    );
}
