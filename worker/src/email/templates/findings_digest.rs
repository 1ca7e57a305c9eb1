//! The daily findings digest: yesterday's findings that did not warrant an email
//! of their own; to admins, officers and advisors who keep it on.

use domain::{
    email::messages::{DigestFinding, FindingsDigestMessage},
    values::Locale,
};

use super::{
    RenderedEmail, WithRole, WithSeverity, assemble, labels::subject, localized, reads_through,
    with_severities,
};

/// What the templates see: the message, the reader's role, and each finding
/// with its severity in the reader's language.
struct FindingsDigest {
    message: WithRole<FindingsDigestMessage>,
    findings: Vec<WithSeverity<DigestFinding>>,
}
reads_through!(FindingsDigest => message: WithRole<FindingsDigestMessage>);

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
        subject(
            locale,
            domain::email::TemplateKey::FindingsDigest.as_str(),
            &[
                ("company_name", v.company_name.as_str().into()),
                ("total", v.total.into()),
                ("day", v.day.as_str().into()),
            ],
        ),
        Text::new(locale, &v),
        Html::new(locale, &v),
    )
}
