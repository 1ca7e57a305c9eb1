//! The daily findings digest: yesterday's findings that did not warrant an email
//! of their own; to admins, officers and advisors who keep it on.

use domain::values::Locale;
use serde::Deserialize;

use super::{
    RenderedEmail, assemble,
    labels::{reason_role, severity_label, subject},
    localized,
};

/// The stored parameters, plus the labels computed for the reader.
#[derive(Debug, Deserialize)]
struct FindingsDigest {
    company_name: String,
    /// The day the findings were raised.
    day: String,
    findings: Vec<Item>,
    total: u64,
    /// Findings beyond the listed ones.
    more: u64,
    reason: String,
    #[serde(skip)]
    role: String,
}

/// One finding.
#[derive(Debug, Deserialize)]
struct Item {
    supplier_name: String,
    title: String,
    severity: String,
    link: String,
    #[serde(skip)]
    severity_label: String,
}

localized!(
    Text,
    FindingsDigest,
    en: "email/findings_digest/en.txt",
    es: "email/findings_digest/es.txt",
    fr: "email/findings_digest/fr.txt",
);
localized!(
    Html,
    FindingsDigest,
    en: "email/findings_digest/en.html",
    es: "email/findings_digest/es.html",
    fr: "email/findings_digest/fr.html",
);

/// Renders the message in `locale`.
pub(super) fn render(locale: Locale, params: &serde_json::Value) -> anyhow::Result<RenderedEmail> {
    let mut v = FindingsDigest::deserialize(params)?;
    v.role = reason_role(&v.reason, locale);
    for item in &mut v.findings {
        item.severity_label = severity_label(&item.severity, locale);
    }
    assemble(
        subject(
            locale,
            domain::notifications::template::FINDINGS_DIGEST,
            &[
                ("company_name", v.company_name.as_str().into()),
                ("total", v.total.into()),
                ("day", v.day.as_str().into()),
            ],
        ),
        Text::new(locale, &v),
        Html::new(locale, &v),
    )
}
