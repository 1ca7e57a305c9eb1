//! "A questionnaire is waiting for you": sent to the supplier's users and contact
//! when a company sends an assessment (see `domain::assessments::send`).

use domain::{email::messages::AssessmentSentMessage, values::Locale};

use super::{RenderedEmail, assemble, localized};

localized!(
    Subject,
    AssessmentSentMessage,
    en: "email/assessment_sent/en.subject.txt",
    es: "email/assessment_sent/es.subject.txt",
    fr: "email/assessment_sent/fr.subject.txt",
);
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
        Subject::new(locale, &v),
        Text::new(locale, &v),
        Html::new(locale, &v),
    )
}
