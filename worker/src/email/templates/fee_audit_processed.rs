//! "Fee audit processed": the headline figures of an uploaded recruitment-fee
//! audit, to the company's admins, officers and advisors.

use domain::values::Locale;
use serde::Deserialize;

use super::{
    RenderedEmail, assemble,
    labels::{reason_role, subject},
    localized,
};

/// The stored parameters (figures as the audit's summary writes them).
#[derive(Debug, Deserialize)]
struct FeeAuditProcessed {
    company_name: String,
    supplier_name: String,
    workers: String,
    workers_who_paid: String,
    total_fees_usd: String,
    total_outstanding_usd: String,
    reason: String,
    link: String,
    #[serde(skip)]
    role: String,
}

localized!(
    Text,
    FeeAuditProcessed,
    en: "email/fee_audit_processed/en.txt",
    es: "email/fee_audit_processed/es.txt",
    fr: "email/fee_audit_processed/fr.txt",
);
localized!(
    Html,
    FeeAuditProcessed,
    en: "email/fee_audit_processed/en.html",
    es: "email/fee_audit_processed/es.html",
    fr: "email/fee_audit_processed/fr.html",
);

/// Renders the message in `locale`.
pub(super) fn render(locale: Locale, params: &serde_json::Value) -> anyhow::Result<RenderedEmail> {
    let mut v = FeeAuditProcessed::deserialize(params)?;
    v.role = reason_role(&v.reason, locale);
    assemble(
        subject(
            locale,
            domain::notifications::template::FEE_AUDIT_PROCESSED,
            &[("supplier_name", v.supplier_name.as_str().into())],
        ),
        Text::new(locale, &v),
        Html::new(locale, &v),
    )
}
