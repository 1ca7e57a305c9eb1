//! "A corrective action is due soon" / "… is overdue": to the action's owner and
//! the company's officers and admins (see `domain::notifications::queue_reminders`).

use domain::{email::messages::ActionReminderMessage, values::Locale};

use super::{
    RenderedEmail, WithRole, assemble,
    labels::{subject, yes_no},
    localized,
};

localized!(
    Text,
    WithRole<ActionReminderMessage>,
    en: "email/action_reminder/en.txt",
    es: "email/action_reminder/es.txt",
    fr: "email/action_reminder/fr.txt",
);
localized!(
    Html,
    WithRole<ActionReminderMessage>,
    en: "email/action_reminder/en.html",
    es: "email/action_reminder/es.html",
    fr: "email/action_reminder/fr.html",
);

/// Renders the message in `locale`.
pub(super) fn render(locale: Locale, message: ActionReminderMessage) -> anyhow::Result<RenderedEmail> {
    let v = WithRole::new(message, locale, |m| m.reason.as_str());
    assemble(
        subject(
            locale,
            domain::email::TemplateKey::ActionReminder.as_str(),
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
