//! The emails' words that are not the body: subjects, and stored codes (roles,
//! severities) as a reader of each language knows them. They are this crate's
//! Fluent files, `worker/locales/<lang>/email.ftl`, through the domain's one i18n
//! machinery; the bodies are askama templates.

use std::sync::LazyLock;

use domain::{
    i18n::{Catalog, FluentArgs, FluentValue},
    values::Locale,
};

/// The Fluent sources, by language (this crate's own files).
const SOURCES: [(&str, &str); 3] = [
    ("en", include_str!("../../../locales/en/email.ftl")),
    ("es", include_str!("../../../locales/es/email.ftl")),
    ("fr", include_str!("../../../locales/fr/email.ftl")),
];

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| Catalog::new("email", &SOURCES));

/// The subject of the message `template` (`subject-<template>`) with its
/// arguments; numbers as Fluent numbers, so a file can select on them.
pub(super) fn subject(locale: Locale, template: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        fluent.set(*name, value.clone());
    }
    CATALOG.format(locale.code(), &format!("subject-{template}"), &fluent)
}

/// A yes/no argument for a subject's selector.
pub(super) fn yes_no(flag: bool) -> FluentValue<'static> {
    FluentValue::from(if flag { "yes" } else { "no" })
}

/// The role's name; `None` for a role the files lack.
pub(super) fn role_label(role: &str, locale: Locale) -> Option<String> {
    CATALOG.message(locale.code(), &format!("role-{role}"), None)
}

/// A finding's severity (`priority`, `major`, `minor`); unknown codes as stored.
pub(super) fn severity_label(severity: &str, locale: Locale) -> String {
    CATALOG
        .message(locale.code(), &format!("severity-{severity}"), None)
        .unwrap_or_else(|| severity.to_string())
}

/// The recipient's role, for "why you are receiving this" (a role name, or
/// empty for `contact`/`owner`, which the templates word themselves).
pub(super) fn reason_role(reason: &str, locale: Locale) -> String {
    role_label(reason, locale).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROLES: [&str; 4] = ["admin", "officer", "advisor", "supplier"];
    const SEVERITIES: [&str; 3] = ["priority", "major", "minor"];

    #[test]
    fn every_code_has_a_label_in_every_locale() {
        for locale in Locale::ALL {
            for role in ROLES {
                assert!(role_label(role, locale).is_some(), "{role} {locale}");
            }
            for severity in SEVERITIES {
                assert_ne!(severity_label(severity, locale), severity, "{severity} {locale}");
            }
        }
        assert_eq!(role_label("auditor", Locale::En), None);
        assert_eq!(severity_label("observation", Locale::Fr), "observation");
    }

    /// Every file parses and has every English message and no other; every
    /// subject, role and severity the code asks for exists.
    #[test]
    fn every_used_key_exists_in_every_language() {
        let mut used: Vec<String> = domain::email::TemplateKey::ALL
            .iter()
            .map(|template| format!("subject-{}", template.as_str()))
            .collect();
        used.extend(ROLES.iter().map(|role| format!("role-{role}")));
        used.extend(SEVERITIES.iter().map(|severity| format!("severity-{severity}")));
        let used: Vec<&str> = used.iter().map(String::as_str).collect();
        let problems = CATALOG.audit(&used);
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn subjects_choose_their_words_by_number() {
        let digest = |locale, total: u64| {
            subject(
                locale,
                "findings_digest",
                &[
                    ("company_name", "Acme".into()),
                    ("total", total.into()),
                    ("day", "2026-11-27".into()),
                ],
            )
        };
        assert_eq!(
            digest(Locale::Es, 1),
            "Resumen de hallazgos de Acme: 1 nuevo el 2026-11-27"
        );
        assert_eq!(
            digest(Locale::Fr, 3),
            "Synthèse des constats de Acme : 3 nouveaux le 2026-11-27"
        );
        let due = |days: i64| {
            subject(
                Locale::En,
                "assessment_reminder",
                &[
                    ("overdue", yes_no(false)),
                    ("days", days.into()),
                    ("questionnaire_title", "SAQ".into()),
                    ("company_name", "Acme".into()),
                ],
            )
        };
        assert_eq!(due(0), "Reminder: SAQ is due today");
        assert_eq!(due(1), "Reminder: SAQ is due tomorrow");
        assert_eq!(due(5), "Reminder: SAQ is due in 5 days");
    }
}
