//! "Urgent worker report": a worker reported threats or violence, documents held
//! or under-age work; to the company's admins, officers and advisors at once
//! (see `domain::voice::submit`). The report's words are never in the email.

use domain::values::Locale;
use serde::Deserialize;

use super::{
    RenderedEmail, assemble,
    labels::{reason_role, subject},
    localized,
};

/// The stored parameters.
#[derive(Debug, Deserialize)]
struct VoiceUrgent {
    company_name: String,
    supplier_name: String,
    category: String,
    case_code: String,
    reason: String,
    link: String,
    #[serde(skip)]
    role: String,
    #[serde(skip)]
    category_label: String,
}

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
pub(super) fn render(locale: Locale, params: &serde_json::Value) -> anyhow::Result<RenderedEmail> {
    let mut v = VoiceUrgent::deserialize(params)?;
    v.role = reason_role(&v.reason, locale);
    v.category_label = domain::voice::i18n::VoiceTr::new(locale.code()).get(&format!("cat-{}", v.category));
    assemble(
        subject(
            locale,
            domain::voice::TEMPLATE_URGENT,
            &[("supplier_name", v.supplier_name.as_str().into())],
        ),
        Text::new(locale, &v),
        Html::new(locale, &v),
    )
}
