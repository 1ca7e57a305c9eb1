//! Stored codes (roles, severities) as a reader of each language knows them.

use domain::values::Locale;

/// The role's name; `None` for a role this list lacks.
pub(super) fn role_label(role: &str, locale: Locale) -> Option<&'static str> {
    let label = match (role, locale) {
        ("admin", Locale::En) => "Administrator",
        ("admin", Locale::Es) => "Administrador",
        ("admin", Locale::Fr) => "Administrateur",
        ("officer", Locale::En) => "Compliance officer",
        ("officer", Locale::Es) => "Responsable de cumplimiento",
        ("officer", Locale::Fr) => "Responsable conformité",
        ("advisor", Locale::En) => "Advisor",
        ("advisor", Locale::Es) => "Asesor",
        ("advisor", Locale::Fr) => "Conseiller",
        ("supplier", Locale::En) => "Supplier",
        ("supplier", Locale::Es) => "Proveedor",
        ("supplier", Locale::Fr) => "Fournisseur",
        _ => return None,
    };
    Some(label)
}

/// A finding's severity (`priority`, `major`, `minor`); unknown codes as stored.
pub(super) fn severity_label(severity: &str, locale: Locale) -> String {
    let label = match (severity, locale) {
        ("priority", Locale::En) => "Priority",
        ("priority", Locale::Es) => "Prioritario",
        ("priority", Locale::Fr) => "Prioritaire",
        ("major", Locale::En) => "Major",
        ("major", Locale::Es) => "Mayor",
        ("major", Locale::Fr) => "Majeur",
        ("minor", Locale::En) => "Minor",
        ("minor", Locale::Es) => "Menor",
        ("minor", Locale::Fr) => "Mineur",
        (other, _) => other,
    };
    label.to_string()
}

/// The recipient's role, for "why you are receiving this" (a role name, or
/// empty for `contact`/`owner`, which the templates word themselves).
pub(super) fn reason_role(reason: &str, locale: Locale) -> String {
    role_label(reason, locale).unwrap_or_default().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_label_in_every_locale() {
        for locale in Locale::ALL {
            for role in ["admin", "officer", "advisor", "supplier"] {
                assert!(role_label(role, locale).is_some(), "{role} {locale}");
            }
            for severity in ["priority", "major", "minor"] {
                assert_ne!(severity_label(severity, locale), severity, "{severity} {locale}");
            }
        }
        assert_eq!(role_label("auditor", Locale::En), None);
        assert_eq!(severity_label("observation", Locale::Fr), "observation");
    }
}
