//! "A questionnaire is waiting for you": sent to the supplier's users and contact
//! when a company sends an assessment (see `domain::assessments::send`).

use domain::{email::messages::AssessmentSentMessage, values::Locale};

use super::{RenderedEmail, assemble, labels::subject, localized};

localized!(
    Text,
    AssessmentSentMessage,
    en: "email/assessment_sent/en.txt",
    es: "email/assessment_sent/es.txt",
    fr: "email/assessment_sent/fr.txt",
);
localized!(
    Html,
    AssessmentSentMessage,
    en: "email/assessment_sent/en.html",
    es: "email/assessment_sent/es.html",
    fr: "email/assessment_sent/fr.html",
);

/// Renders the message in `locale`.
pub(super) fn render(locale: Locale, v: AssessmentSentMessage) -> anyhow::Result<RenderedEmail> {
    assemble(
        subject(
            locale,
            domain::email::TemplateKey::AssessmentSent.as_str(),
            &[
                ("company_name", v.company_name.as_str().into()),
                ("questionnaire_title", v.questionnaire_title.as_str().into()),
            ],
        ),
        Text::new(locale, &v),
        Html::new(locale, &v),
    )
}
