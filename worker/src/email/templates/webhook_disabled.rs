//! "A webhook was disabled": after repeated failed deliveries; to the company's
//! admins, who manage its webhooks.

use domain::{email::messages::WebhookDisabledMessage, values::Locale};

use super::{RenderedEmail, assemble, localized};

localized!(
    Subject,
    WebhookDisabledMessage,
    en: "email/webhook_disabled/en.subject.txt",
    es: "email/webhook_disabled/es.subject.txt",
    fr: "email/webhook_disabled/fr.subject.txt",
);
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
        Subject::new(locale, &v),
        Text::new(locale, &v),
        Html::new(locale, &v),
    )
}
