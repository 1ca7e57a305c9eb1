//! "Your report is ready": an advisory report PDF can be downloaded; to the
//! company's officers and admins (api-contract.md, Reports) and the requester.

use domain::values::Locale;
use serde::Deserialize;

use super::{
    RenderedEmail, assemble,
    labels::{reason_role, subject},
    localized,
};

/// The stored parameters.
#[derive(Debug, Deserialize)]
struct ReportReady {
    company_name: String,
    supplier_name: String,
    reason: String,
    link: String,
    #[serde(skip)]
    role: String,
}

localized!(
    Text,
    ReportReady,
    en: "email/report_ready/en.txt",
    es: "email/report_ready/es.txt",
    fr: "email/report_ready/fr.txt",
);
localized!(
    Html,
    ReportReady,
    en: "email/report_ready/en.html",
    es: "email/report_ready/es.html",
    fr: "email/report_ready/fr.html",
);

/// Renders the message in `locale`.
pub(super) fn render(locale: Locale, params: &serde_json::Value) -> anyhow::Result<RenderedEmail> {
    let mut v = ReportReady::deserialize(params)?;
    v.role = reason_role(&v.reason, locale);
    assemble(
        subject(
            locale,
            domain::notifications::template::REPORT_READY,
            &[("supplier_name", v.supplier_name.as_str().into())],
        ),
        Text::new(locale, &v),
        Html::new(locale, &v),
    )
}
