//! "Priority findings: contain now": to the company's admins, officers and
//! advisors as soon as priority or zero-tolerance findings are raised
//! (ethical-recruitment.md §6: containment at once, CAP due in 7 days).

use domain::values::Locale;
use serde::Deserialize;

use super::{
    RenderedEmail, assemble,
    labels::{reason_role, severity_label, subject},
    localized,
};

/// The stored parameters, plus the labels computed for the reader.
#[derive(Debug, Deserialize)]
struct FindingsPriority {
    company_name: String,
    supplier_name: String,
    findings: Vec<Item>,
    reason: String,
    #[serde(skip)]
    role: String,
}

/// One finding.
#[derive(Debug, Deserialize)]
struct Item {
    title: String,
    severity: String,
    indicator: String,
    zero_tolerance: bool,
    link: String,
    #[serde(skip)]
    severity_label: String,
}

localized!(
    Text,
    FindingsPriority,
    en: "email/findings_priority/en.txt",
    es: "email/findings_priority/es.txt",
    fr: "email/findings_priority/fr.txt",
);
localized!(
    Html,
    FindingsPriority,
    en: "email/findings_priority/en.html",
    es: "email/findings_priority/es.html",
    fr: "email/findings_priority/fr.html",
);

/// Renders the message in `locale`.
pub(super) fn render(locale: Locale, params: &serde_json::Value) -> anyhow::Result<RenderedEmail> {
    let mut v = FindingsPriority::deserialize(params)?;
    v.role = reason_role(&v.reason, locale);
    for item in &mut v.findings {
        item.severity_label = severity_label(&item.severity, locale);
    }
    assemble(
        subject(
            locale,
            domain::notifications::template::FINDINGS_PRIORITY,
            &[("supplier_name", v.supplier_name.as_str().into())],
        ),
        Text::new(locale, &v),
        Html::new(locale, &v),
    )
}
