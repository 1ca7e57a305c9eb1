//! "A webhook was disabled": after repeated failed deliveries; to the company's
//! admins, who manage its webhooks.

use domain::values::Locale;
use serde::Deserialize;

use super::{RenderedEmail, assemble, labels::subject, localized};

/// The stored parameters.
#[derive(Debug, Deserialize)]
struct WebhookDisabled {
    company_name: String,
    url: String,
    failures: i64,
}

localized!(
    Text,
    WebhookDisabled,
    en: "email/webhook_disabled/en.txt",
    es: "email/webhook_disabled/es.txt",
    fr: "email/webhook_disabled/fr.txt",
);
localized!(
    Html,
    WebhookDisabled,
    en: "email/webhook_disabled/en.html",
    es: "email/webhook_disabled/es.html",
    fr: "email/webhook_disabled/fr.html",
);

/// Renders the message in `locale`.
pub(super) fn render(locale: Locale, params: &serde_json::Value) -> anyhow::Result<RenderedEmail> {
    let v = WebhookDisabled::deserialize(params)?;
    assemble(
        subject(
            locale,
            domain::webhooks::TEMPLATE_DISABLED,
            &[("company_name", v.company_name.as_str().into())],
        ),
        Text::new(locale, &v),
        Html::new(locale, &v),
    )
}
