//! "A corrective action is due soon" / "… is overdue": to the action's owner and
//! the company's officers and admins (see `domain::notifications::queue_reminders`).

use domain::{email::messages::ActionReminderMessage, values::Locale};

use super::{RenderedEmail, WithRole, assemble, localized};

localized!(
    Subject,
    WithRole<ActionReminderMessage>,
    en: "email/action_reminder/en.subject.txt",
    es: "email/action_reminder/es.subject.txt",
    fr: "email/action_reminder/fr.subject.txt",
);
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
        Subject::new(locale, &v),
        Text::new(locale, &v),
        Html::new(locale, &v),
    )
}
