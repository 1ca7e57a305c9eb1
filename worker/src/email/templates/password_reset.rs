//! "Reset your password": the one-time link someone asked for (valid an hour).
//! The Spanish and French texts are machine-drafted, not reviewed by a native
//! speaker.

use domain::{email::messages::PasswordResetMessage, values::Locale};

use super::{RenderedEmail, assemble, labels::subject, localized};

localized!(
    Text,
    PasswordResetMessage,
    en: "email/password_reset/en.txt",
    es: "email/password_reset/es.txt",
    fr: "email/password_reset/fr.txt",
);
localized!(
    Html,
    PasswordResetMessage,
    en: "email/password_reset/en.html",
    es: "email/password_reset/es.html",
    fr: "email/password_reset/fr.html",
);

/// Renders the message in `locale`.
pub(super) fn render(locale: Locale, v: PasswordResetMessage) -> anyhow::Result<RenderedEmail> {
    assemble(
        subject(locale, domain::email::TemplateKey::PasswordReset.as_str(), &[]),
        Text::new(locale, &v),
        Html::new(locale, &v),
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_has_the_link_on_its_own_line_and_the_validity() {
        let params = serde_json::json!({
            "reset_url": "https://fairhire.test/password-reset/tok_1",
            "valid_minutes": 60,
        });
        for locale in Locale::ALL {
            let email = super::super::render(
                domain::email::TemplateKey::PasswordReset.as_str(),
                locale,
                &params,
            )
            .unwrap();
            assert!(
                !email.subject.is_empty() && !email.subject.contains('\n'),
                "{locale:?}"
            );
            let line = email.text.lines().find(|l| l.contains("https://")).unwrap();
            assert_eq!(
                line.trim(),
                "https://fairhire.test/password-reset/tok_1",
                "{locale:?}"
            );
            assert!(
                email.text.contains("60") && email.html.contains("60"),
                "{locale:?}"
            );
        }
    }
}
