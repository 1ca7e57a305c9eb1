//! The daily findings digest: yesterday's findings that did not warrant an email
//! of their own; to admins, officers and advisors who keep it on.

use domain::{
    email::messages::{DigestFinding, FindingsDigestMessage},
    values::Locale,
};

use super::{RenderedEmail, WithRole, WithSeverity, assemble, localized, reads_through, with_severities};

/// What the templates see: the message, the reader's role, and each finding
/// with its severity in the reader's language.
struct FindingsDigest {
    message: WithRole<FindingsDigestMessage>,
    findings: Vec<WithSeverity<DigestFinding>>,
}
reads_through!(FindingsDigest => message: WithRole<FindingsDigestMessage>);

localized!(
    Subject,
    FindingsDigest,
    en: "email/findings_digest/en.subject.txt",
    es: "email/findings_digest/es.subject.txt",
    fr: "email/findings_digest/fr.subject.txt",
);
localized!(
    Text,
    FindingsDigest,
    en: "email/findings_digest/en.txt",
    es: "email/findings_digest/es.txt",
    fr: "email/findings_digest/fr.txt",
);
localized!(
    Html,
    FindingsDigest,
    en: "email/findings_digest/en.html",
    es: "email/findings_digest/es.html",
    fr: "email/findings_digest/fr.html",
);

/// Renders the message in `locale`.
pub(super) fn render(locale: Locale, message: FindingsDigestMessage) -> anyhow::Result<RenderedEmail> {
    let findings = with_severities(&message.findings, locale, |f| f.severity.as_str());
    let v = FindingsDigest {
        message: WithRole::new(message, locale, |m| m.reason.as_str()),
        findings,
    };
    assemble(
        Subject::new(locale, &v),
        Text::new(locale, &v),
        Html::new(locale, &v),
    )
}
