//! "Your questionnaire is due in N days" / "… is overdue": the daily reminder to
//! a supplier's users and contact (see `domain::notifications::queue_reminders`).

use domain::{email::messages::AssessmentReminderMessage, values::Locale};

use super::{RenderedEmail, assemble, localized};

localized!(
    Subject,
    AssessmentReminderMessage,
    en: "email/assessment_reminder/en.subject.txt",
    es: "email/assessment_reminder/es.subject.txt",
    fr: "email/assessment_reminder/fr.subject.txt",
);
localized!(
    Text,
    AssessmentReminderMessage,
    en: "email/assessment_reminder/en.txt",
    es: "email/assessment_reminder/es.txt",
    fr: "email/assessment_reminder/fr.txt",
);
localized!(
    Html,
    AssessmentReminderMessage,
    en: "email/assessment_reminder/en.html",
    es: "email/assessment_reminder/es.html",
    fr: "email/assessment_reminder/fr.html",
);

/// Renders the message in `locale`.
pub(super) fn render(locale: Locale, v: AssessmentReminderMessage) -> anyhow::Result<RenderedEmail> {
    assemble(
        Subject::new(locale, &v),
        Text::new(locale, &v),
        Html::new(locale, &v),
    )
}
