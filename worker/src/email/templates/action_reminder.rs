//! "A corrective action is due soon" / "… is overdue": to the action's owner and
//! the company's officers and admins (see `domain::notifications::queue_reminders`).

use domain::values::Locale;
use serde::Deserialize;

use super::{
    RenderedEmail, assemble,
    labels::{reason_role, subject, yes_no},
    localized,
};

/// The stored parameters; `days` counts days left, or days overdue.
#[derive(Debug, Deserialize)]
struct ActionReminder {
    company_name: String,
    supplier_name: String,
    description: String,
    finding_title: String,
    due_date: String,
    overdue: bool,
    days: i64,
    reason: String,
    link: String,
    #[serde(skip)]
    role: String,
}

localized!(
    Text,
    ActionReminder,
    en: "email/action_reminder/en.txt",
    es: "email/action_reminder/es.txt",
    fr: "email/action_reminder/fr.txt",
);
localized!(
    Html,
    ActionReminder,
    en: "email/action_reminder/en.html",
    es: "email/action_reminder/es.html",
    fr: "email/action_reminder/fr.html",
);

/// Renders the message in `locale`.
pub(super) fn render(locale: Locale, params: &serde_json::Value) -> anyhow::Result<RenderedEmail> {
    let mut v = ActionReminder::deserialize(params)?;
    v.role = reason_role(&v.reason, locale);
    assemble(
        subject(
            locale,
            domain::notifications::template::ACTION_REMINDER,
            &[
                ("overdue", yes_no(v.overdue)),
                ("days", v.days.into()),
                ("supplier_name", v.supplier_name.as_str().into()),
                ("finding_title", v.finding_title.as_str().into()),
            ],
        ),
        Text::new(locale, &v),
        Html::new(locale, &v),
    )
}
