//! Recommendations in three layers, and the corrective-action plan table.

use domain::{reports::ReportData, values::Locale};

use super::severity_rank;
use crate::report::{
    canvas::{Canvas, Style},
    i18n::{date, t, value},
    table::Table,
};

/// Systemic prevention, the same for every supplier (ethical-recruitment.md §6.7),
/// in `locale` (`prevention-<key>`).
pub fn prevention(locale: Locale) -> Vec<String> {
    ["contracts", "recruiters", "grievance"]
        .iter()
        .map(|key| t(locale, &format!("prevention-{key}")))
        .collect()
}

/// "Recommendations".
pub fn recommendations(canvas: &mut Canvas<'_>, data: &ReportData) {
    let locale = data.locale;
    canvas.section(&t(locale, "recommendations"));
    let mut open: Vec<_> = data.findings.iter().filter(|f| f.status != "closed").collect();
    open.sort_by_key(|f| (severity_rank(&f.severity), f.created_at));
    let (urgent, other): (Vec<_>, Vec<_>) = open
        .into_iter()
        .partition(|f| f.zero_tolerance || f.severity == "priority");
    canvas.subsection(&t(locale, "containment"), 30.0);
    for f in &urgent {
        canvas.bullet(&f.title, Style::BODY);
    }
    if urgent.is_empty() {
        canvas.paragraph("—", Style::BODY);
    }
    canvas.subsection(&t(locale, "corrective"), 30.0);
    for f in &other {
        canvas.bullet(
            &format!("[{}] {}", value(locale, &f.severity), f.title),
            Style::BODY,
        );
    }
    if other.is_empty() {
        canvas.paragraph("—", Style::BODY);
    }
    canvas.subsection(&t(locale, "prevention"), 30.0);
    for text in prevention(locale) {
        canvas.bullet(&text, Style::BODY);
    }
}

/// "Corrective-action plan": one row per action.
pub fn plan(canvas: &mut Canvas<'_>, data: &ReportData) {
    let locale = data.locale;
    canvas.section(&t(locale, "cap"));
    if data.actions.is_empty() {
        canvas.paragraph(&t(locale, "no_actions"), Style::BODY);
        return;
    }
    let mut table = Table::new(
        &[
            &t(locale, "finding"),
            &t(locale, "action"),
            &t(locale, "owner"),
            &t(locale, "due"),
            &t(locale, "status"),
        ],
        &[2.9, 3.3, 2.4, 1.8, 1.1],
    );
    for action in &data.actions {
        let finding = data
            .findings
            .iter()
            .find(|f| f.id == action.finding_id)
            .map(|f| format!("{} ({})", f.title, value(locale, &f.severity)))
            .unwrap_or_default();
        table.row(vec![
            finding,
            action.description.clone(),
            action
                .owner_email
                .clone()
                .unwrap_or_else(|| t(locale, "unassigned")),
            date(locale, action.due_date),
            value(locale, &action.status),
        ]);
    }
    table.draw(canvas);
}
