//! "Urgent worker report": a worker reported threats or violence, documents held
//! or under-age work; to the company's admins, officers and advisors at once
//! (see `domain::voice::submit`). The report's words are never in the email.

use domain::{email::messages::VoiceUrgentMessage, values::Locale};

use super::{RenderedEmail, WithRole, assemble, labels::subject, localized, reads_through};

/// What the templates see: the message, the reader's role, and the category in
/// the reader's language.
struct VoiceUrgent {
    message: WithRole<VoiceUrgentMessage>,
    category_label: String,
}
reads_through!(VoiceUrgent => message: WithRole<VoiceUrgentMessage>);

localized!(
    Text,
    VoiceUrgent,
    en: "email/voice_urgent/en.txt",
    es: "email/voice_urgent/es.txt",
    fr: "email/voice_urgent/fr.txt",
);
localized!(
    Html,
    VoiceUrgent,
    en: "email/voice_urgent/en.html",
    es: "email/voice_urgent/es.html",
    fr: "email/voice_urgent/fr.html",
);

/// Renders the message in `locale`; the category's label comes from `voice.ftl`.
pub(super) fn render(locale: Locale, message: VoiceUrgentMessage) -> anyhow::Result<RenderedEmail> {
    let category_label =
        domain::voice::i18n::VoiceTr::new(locale.code()).get(&format!("cat-{}", message.category));
    let v = VoiceUrgent {
        message: WithRole::new(message, locale, |m| m.reason.as_str()),
        category_label,
    };
    assemble(
        subject(
            locale,
            domain::email::TemplateKey::VoiceUrgent.as_str(),
            &[("supplier_name", v.supplier_name.as_str().into())],
        ),
        Text::new(locale, &v),
        Html::new(locale, &v),
    )
}
