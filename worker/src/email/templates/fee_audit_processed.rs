//! "Fee audit processed": the headline figures of an uploaded recruitment-fee
//! audit, to the company's admins, officers and advisors.

use domain::{email::messages::FeeAuditProcessedMessage, values::Locale};

use super::{RenderedEmail, WithRole, assemble, labels::subject, localized};

localized!(
    Text,
    WithRole<FeeAuditProcessedMessage>,
    en: "email/fee_audit_processed/en.txt",
    es: "email/fee_audit_processed/es.txt",
    fr: "email/fee_audit_processed/fr.txt",
);
localized!(
    Html,
    WithRole<FeeAuditProcessedMessage>,
    en: "email/fee_audit_processed/en.html",
    es: "email/fee_audit_processed/es.html",
    fr: "email/fee_audit_processed/fr.html",
);

/// Renders the message in `locale`.
pub(super) fn render(locale: Locale, message: FeeAuditProcessedMessage) -> anyhow::Result<RenderedEmail> {
    let v = WithRole::new(message, locale, |m| m.reason.as_str());
    assemble(
        subject(
            locale,
            domain::email::TemplateKey::FeeAuditProcessed.as_str(),
            &[("supplier_name", v.supplier_name.as_str().into())],
        ),
        Text::new(locale, &v),
        Html::new(locale, &v),
    )
}
