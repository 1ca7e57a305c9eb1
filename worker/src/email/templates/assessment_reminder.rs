//! "Your questionnaire is due in N days" / "… is overdue": the daily reminder to
//! a supplier's users and contact (see `domain::notifications::queue_reminders`).

use domain::values::Locale;
use serde::Deserialize;

use super::{RenderedEmail, assemble, localized};

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
    Subject,
    AssessmentReminder,
    en: "email/assessment_reminder/en.subject.txt",
    es: "email/assessment_reminder/es.subject.txt",
    fr: "email/assessment_reminder/fr.subject.txt",
);
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
        Subject::new(locale, &v),
        Text::new(locale, &v),
        Html::new(locale, &v),
    )
}
