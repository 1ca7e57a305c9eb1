//! "Your answers need changes": a reviewer returned the assessment; to the
//! supplier's users and contact, with the reviewer's comment.

use domain::{email::messages::AssessmentReturnedMessage, values::Locale};

use super::{RenderedEmail, assemble, localized};

localized!(
    Subject,
    AssessmentReturnedMessage,
    en: "email/assessment_returned/en.subject.txt",
    es: "email/assessment_returned/es.subject.txt",
    fr: "email/assessment_returned/fr.subject.txt",
);
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
        Subject::new(locale, &v),
        Text::new(locale, &v),
        Html::new(locale, &v),
    )
}
