//! "Your report is ready": an advisory report PDF can be downloaded; to the
//! company's officers and admins (api-contract.md, Reports) and the requester.

use domain::{email::messages::ReportReadyMessage, values::Locale};

use super::{RenderedEmail, WithRole, assemble, labels::subject, localized};

localized!(
    Text,
    WithRole<ReportReadyMessage>,
    en: "email/report_ready/en.txt",
    es: "email/report_ready/es.txt",
    fr: "email/report_ready/fr.txt",
);
localized!(
    Html,
    WithRole<ReportReadyMessage>,
    en: "email/report_ready/en.html",
    es: "email/report_ready/es.html",
    fr: "email/report_ready/fr.html",
);

/// Renders the message in `locale`.
pub(super) fn render(locale: Locale, message: ReportReadyMessage) -> anyhow::Result<RenderedEmail> {
    let v = WithRole::new(message, locale, |m| m.reason.as_str());
    assemble(
        subject(
            locale,
            domain::email::TemplateKey::ReportReady.as_str(),
            &[("supplier_name", v.supplier_name.as_str().into())],
        ),
        Text::new(locale, &v),
        Html::new(locale, &v),
    )
}
