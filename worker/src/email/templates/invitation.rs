//! The invitation: sent when someone is invited to a company or supplier; carries
//! the one-time token that lets them create their access.

use domain::{email::messages::InvitationMessage, values::Locale};

use super::{
    RenderedEmail, assemble,
    labels::{role_label, subject},
    localized, reads_through,
};

/// What the templates see: the message, with the role in the reader's language
/// (in place of its key).
struct Invitation {
    message: InvitationMessage,
    role: String,
}
reads_through!(Invitation => message: InvitationMessage);

localized!(
    Text,
    Invitation,
    en: "email/invitation/en.txt",
    es: "email/invitation/es.txt",
    fr: "email/invitation/fr.txt",
);
localized!(
    Html,
    Invitation,
    en: "email/invitation/en.html",
    es: "email/invitation/es.html",
    fr: "email/invitation/fr.html",
);

/// Renders the invitation in `locale`.
pub(super) fn render(locale: Locale, message: InvitationMessage) -> anyhow::Result<RenderedEmail> {
    let v = Invitation {
        role: role_label(&message.role, locale).unwrap_or_else(|| message.role.clone()),
        message,
    };
    assemble(
        subject(
            locale,
            domain::email::TemplateKey::Invitation.as_str(),
            &[("company_name", v.company_name.as_str().into())],
        ),
        Text::new(locale, &v),
        Html::new(locale, &v),
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// Renders the invitation from its parameters as stored, as the worker does.
    fn stored(locale: Locale, params: &serde_json::Value) -> anyhow::Result<RenderedEmail> {
        super::super::render(domain::email::TemplateKey::Invitation.as_str(), locale, params)
    }

    fn params(company: &str) -> serde_json::Value {
        serde_json::json!({
            "accept_url": "https://fairhire.test/invitations/tok_123",
            "token": "tok_123",
            "company_name": company,
            "organization_name": "Textiles del Sur",
            "role": "supplier",
            "expires_on": "2026-12-24",
        })
    }

    #[test]
    fn every_locale_has_the_link_the_code_and_the_expiry() {
        for locale in Locale::ALL {
            let email = stored(locale, &params("Acme")).unwrap();
            assert!(
                email.subject.contains("Acme") && !email.subject.contains('\n'),
                "{locale:?}"
            );
            for body in [&email.text, &email.html] {
                assert!(
                    body.contains("https://fairhire.test/invitations/tok_123"),
                    "{locale:?}"
                );
                assert!(body.contains("Invitation code: tok_123"), "{locale:?}: {body}");
                assert!(
                    body.contains("2026-12-24") && body.contains("Textiles del Sur"),
                    "{locale:?}"
                );
            }
            let link_line = email.text.lines().find(|l| l.contains("https://")).unwrap();
            assert_eq!(
                link_line.trim(),
                "https://fairhire.test/invitations/tok_123",
                "on its own line"
            );
        }
    }

    #[test]
    fn the_role_is_named_in_the_readers_language() {
        let email = stored(Locale::Fr, &params("Acme")).unwrap();
        assert!(email.text.contains("Fournisseur"));
    }

    #[test]
    fn html_escapes_names_but_text_keeps_them() {
        let email = stored(Locale::En, &params("<script>alert(1)</script>")).unwrap();
        assert!(!email.html.contains("<script>"));
        assert!(email.html.contains("&#60;script&#62;") || email.html.contains("&lt;script&gt;"));
        assert!(email.text.contains("<script>alert(1)</script>"));
    }

    #[test]
    fn missing_parameters_are_an_error() {
        assert!(stored(Locale::En, &serde_json::json!({"token": "x"})).is_err());
    }
}
