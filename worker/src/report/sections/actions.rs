//! Recommendations in three layers, and the corrective-action plan table.

use domain::{reports::ReportData, values::Locale};

use super::severity_rank;
use crate::report::{
    canvas::{Canvas, Style},
    i18n::{date, t, value},
    table::Table,
};

/// Systemic prevention, the same for every supplier (ethical-recruitment.md §6.7).
pub fn prevention(locale: Locale) -> [&'static str; 3] {
    match locale {
        Locale::En => [
            "Write the Employer Pays Principle into every recruiter contract, with the right to audit and to terminate.",
            "Move recruitment to vetted or IRIS-certified recruiters, and budget for the full cost of recruitment.",
            "Give workers a confidential channel, in their language, to report fees and other abuses without retaliation.",
        ],
        Locale::Es => [
            "Incluir el principio de «el empleador paga» en todos los contratos con agencias, con derecho a auditar y a rescindir.",
            "Contratar a través de agencias evaluadas o certificadas IRIS y presupuestar el coste total de la contratación.",
            "Ofrecer a los trabajadores un canal confidencial, en su idioma, para denunciar comisiones y otros abusos sin represalias.",
        ],
        Locale::Fr => [
            "Inscrire le principe « l’employeur paie » dans chaque contrat de recruteur, avec droit d’audit et de résiliation.",
            "Recourir à des recruteurs vérifiés ou certifiés IRIS et prévoir au budget le coût complet du recrutement.",
            "Offrir aux travailleurs un canal confidentiel, dans leur langue, pour signaler les frais et autres abus sans représailles.",
        ],
    }
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
        canvas.bullet(text, Style::BODY);
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
