//! "Your answers need changes": a reviewer returned the assessment; to the
//! supplier's users and contact, with the reviewer's comment.

use domain::{email::messages::AssessmentReturnedMessage, values::Locale};

use super::{RenderedEmail, assemble, labels::subject, localized};

localized!(
    Text,
    AssessmentReturnedMessage,
    en: "email/assessment_returned/en.txt",
    es: "email/assessment_returned/es.txt",
    fr: "email/assessment_returned/fr.txt",
);
localized!(
    Html,
    AssessmentReturnedMessage,
    en: "email/assessment_returned/en.html",
    es: "email/assessment_returned/es.html",
    fr: "email/assessment_returned/fr.html",
);

/// Renders the message in `locale`.
pub(super) fn render(locale: Locale, v: AssessmentReturnedMessage) -> anyhow::Result<RenderedEmail> {
    assemble(
        subject(
            locale,
            domain::email::TemplateKey::AssessmentReturned.as_str(),
            &[
                ("questionnaire_title", v.questionnaire_title.as_str().into()),
                ("company_name", v.company_name.as_str().into()),
            ],
        ),
        Text::new(locale, &v),
        Html::new(locale, &v),
    )
}
