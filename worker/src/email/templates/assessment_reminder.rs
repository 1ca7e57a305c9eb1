//! "Your questionnaire is due in N days" / "… is overdue": the daily reminder to
//! a supplier's users and contact (see `domain::notifications::queue_reminders`).

use domain::values::Locale;
use serde::Deserialize;

use super::{
    RenderedEmail, assemble,
    labels::{subject, yes_no},
    localized,
};

/// The stored parameters; `days` counts days left, or days overdue.
#[derive(Debug, Deserialize)]
struct AssessmentReminder {
    company_name: String,
    supplier_name: String,
    questionnaire_title: String,
    due_date: String,
    overdue: bool,
    days: i64,
    reason: String,
    link: String,
}

localized!(
    Text,
    AssessmentReminder,
    en: "email/assessment_reminder/en.txt",
    es: "email/assessment_reminder/es.txt",
    fr: "email/assessment_reminder/fr.txt",
);
localized!(
    Html,
    AssessmentReminder,
    en: "email/assessment_reminder/en.html",
    es: "email/assessment_reminder/es.html",
    fr: "email/assessment_reminder/fr.html",
);

/// Renders the message in `locale`.
pub(super) fn render(locale: Locale, params: &serde_json::Value) -> anyhow::Result<RenderedEmail> {
    let v = AssessmentReminder::deserialize(params)?;
    assemble(
        subject(
            locale,
            domain::notifications::template::ASSESSMENT_REMINDER,
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
