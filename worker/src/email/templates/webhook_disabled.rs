//! "A webhook was disabled": after repeated failed deliveries; to the company's
//! admins, who manage its webhooks.

use domain::{email::messages::WebhookDisabledMessage, values::Locale};

use super::{RenderedEmail, assemble, labels::subject, localized};

localized!(
    Text,
    WebhookDisabledMessage,
    en: "email/webhook_disabled/en.txt",
    es: "email/webhook_disabled/es.txt",
    fr: "email/webhook_disabled/fr.txt",
);
localized!(
    Html,
    WebhookDisabledMessage,
    en: "email/webhook_disabled/en.html",
    es: "email/webhook_disabled/es.html",
    fr: "email/webhook_disabled/fr.html",
);

/// Renders the message in `locale`.
pub(super) fn render(locale: Locale, v: WebhookDisabledMessage) -> anyhow::Result<RenderedEmail> {
    assemble(
        subject(
            locale,
            domain::email::TemplateKey::WebhookDisabled.as_str(),
            &[("company_name", v.company_name.as_str().into())],
        ),
        Text::new(locale, &v),
        Html::new(locale, &v),
    )
}
