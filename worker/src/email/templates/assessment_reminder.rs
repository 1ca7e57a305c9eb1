//! "Your questionnaire is due in N days" / "… is overdue": the daily reminder to
//! a supplier's users and contact (see `domain::notifications::queue_reminders`).

use domain::{email::messages::AssessmentReminderMessage, values::Locale};

use super::{
    RenderedEmail, assemble,
    labels::{subject, yes_no},
    localized,
};

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
        subject(
            locale,
            domain::email::TemplateKey::AssessmentReminder.as_str(),
            &[
                ("overdue", yes_no(v.overdue)),
                ("days", v.days.into()),
                ("questionnaire_title", v.questionnaire_title.as_str().into()),
                ("company_name", v.company_name.as_str().into()),
            ],
        ),
        Text::new(locale, &v),
        Html::new(locale, &v),
    )
}
