//! "Priority findings: contain now": to the company's admins, officers and
//! advisors as soon as priority or zero-tolerance findings are raised
//! (ethical-recruitment.md §6: containment at once, CAP due in 7 days).

use domain::{
    email::messages::{FindingsPriorityMessage, PriorityFinding},
    values::Locale,
};

use super::{
    RenderedEmail, WithRole, WithSeverity, assemble, labels::subject, localized, reads_through,
    with_severities,
};

/// What the templates see: the message, the reader's role, and each finding
/// with its severity in the reader's language.
struct FindingsPriority {
    message: WithRole<FindingsPriorityMessage>,
    findings: Vec<WithSeverity<PriorityFinding>>,
}
reads_through!(FindingsPriority => message: WithRole<FindingsPriorityMessage>);

localized!(
    Text,
    FindingsPriority,
    en: "email/findings_priority/en.txt",
    es: "email/findings_priority/es.txt",
    fr: "email/findings_priority/fr.txt",
);
localized!(
    Html,
    FindingsPriority,
    en: "email/findings_priority/en.html",
    es: "email/findings_priority/es.html",
    fr: "email/findings_priority/fr.html",
);

/// Renders the message in `locale`.
pub(super) fn render(locale: Locale, message: FindingsPriorityMessage) -> anyhow::Result<RenderedEmail> {
    let findings = with_severities(&message.findings, locale, |f| f.severity.as_str());
    let v = FindingsPriority {
        message: WithRole::new(message, locale, |m| m.reason.as_str()),
        findings,
    };
    assemble(
        subject(
            locale,
            domain::email::TemplateKey::FindingsPriority.as_str(),
            &[("supplier_name", v.supplier_name.as_str().into())],
        ),
        Text::new(locale, &v),
        Html::new(locale, &v),
    )
}
