//! "Screening hit": a supplier or recruiter resembles a name on a public
//! forced-labour list; to the company's officers and admins (see
//! `domain::notifications`).

use domain::{email::messages::ScreeningHitMessage, values::Locale};

use super::{RenderedEmail, WithRole, assemble, labels::subject, localized};

localized!(
    Text,
    WithRole<ScreeningHitMessage>,
    en: "email/screening_hit/en.txt",
    es: "email/screening_hit/es.txt",
    fr: "email/screening_hit/fr.txt",
);
localized!(
    Html,
    WithRole<ScreeningHitMessage>,
    en: "email/screening_hit/en.html",
    es: "email/screening_hit/es.html",
    fr: "email/screening_hit/fr.html",
);

/// Renders the message in `locale`.
pub(super) fn render(locale: Locale, message: ScreeningHitMessage) -> anyhow::Result<RenderedEmail> {
    let v = WithRole::new(message, locale, |m| m.reason.as_str());
    assemble(
        subject(
            locale,
            domain::email::TemplateKey::ScreeningHit.as_str(),
            &[
                ("subject_name", v.subject_name.as_str().into()),
                ("list_name", v.list_name.as_str().into()),
            ],
        ),
        Text::new(locale, &v),
        Html::new(locale, &v),
    )
}
