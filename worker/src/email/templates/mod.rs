//! Rendering a stored email (template key, locale, JSON parameters) into subject,
//! plain text and HTML.
//!
//! Each message is a module here, a subject `subject-<key>` in
//! `worker/locales/<locale>/email.ftl` (Fluent, see [`labels`]), and a folder
//! `templates/email/<key>/` holding, per locale, `<locale>.txt` and
//! `<locale>.html` (which extends `email/layout.html`). `.html` files are
//! auto-escaped by askama, so a company named `<script>` shows as text. The
//! parameters are the domain's message struct for the key
//! (`domain::email::messages`), read back from the stored JSON. To add a message:
//! its struct and `TemplateKey` in the domain, the subjects and the six files, a
//! module here with its [`localized!`] parts, and its arm in [`render`] (the
//! compiler asks for it).

mod action_reminder;
mod assessment_reminder;
mod assessment_returned;
mod assessment_sent;
mod evidence_pack_ready;
mod fee_audit_processed;
mod findings_digest;
mod findings_priority;
mod invitation;
mod labels;
mod password_reset;
mod report_ready;
mod screening_hit;
mod voice_urgent;
mod webhook_disabled;

use anyhow::Context as _;
use domain::{
    email::{Message, TemplateKey},
    values::Locale,
};
use labels::reason_role;

/// A message ready to be put in an envelope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedEmail {
    /// The `Subject` header, one line.
    pub subject: String,
    /// The `text/plain` part.
    pub text: String,
    /// The `text/html` part.
    pub html: String,
}

/// Renders the message `template` in `locale` from its stored parameters, read
/// into the domain's type for that key. Fails on an unknown template or
/// parameters that do not fit it (the caller marks the email failed for good).
pub fn render(template: &str, locale: Locale, params: &serde_json::Value) -> anyhow::Result<RenderedEmail> {
    let Some(key) = TemplateKey::parse(template) else {
        anyhow::bail!("no email template {template:?}");
    };
    // One arm per key, checked by the compiler: a new key needs its renderer.
    match key {
        TemplateKey::Invitation => invitation::render(locale, stored(params)?),
        TemplateKey::AssessmentSent => assessment_sent::render(locale, stored(params)?),
        TemplateKey::AssessmentReminder => assessment_reminder::render(locale, stored(params)?),
        TemplateKey::AssessmentReturned => assessment_returned::render(locale, stored(params)?),
        TemplateKey::FindingsPriority => findings_priority::render(locale, stored(params)?),
        TemplateKey::FindingsDigest => findings_digest::render(locale, stored(params)?),
        TemplateKey::ActionReminder => action_reminder::render(locale, stored(params)?),
        TemplateKey::FeeAuditProcessed => fee_audit_processed::render(locale, stored(params)?),
        TemplateKey::ReportReady => report_ready::render(locale, stored(params)?),
        TemplateKey::EvidencePackReady => evidence_pack_ready::render(locale, stored(params)?),
        TemplateKey::WebhookDisabled => webhook_disabled::render(locale, stored(params)?),
        TemplateKey::VoiceUrgent => voice_urgent::render(locale, stored(params)?),
        TemplateKey::ScreeningHit => screening_hit::render(locale, stored(params)?),
        TemplateKey::PasswordReset => password_reset::render(locale, stored(params)?),
    }
}

/// The stored parameters as the message type `M` of their key.
fn stored<M: Message>(params: &serde_json::Value) -> anyhow::Result<M> {
    M::deserialize(params).with_context(|| format!("the parameters of the {} email do not fit it", M::KEY))
}

/// A message and the reader's role in words (from why they get it); templates
/// read the message's own fields through `Deref` (`v.company_name`, `v.role`).
struct WithRole<M> {
    message: M,
    role: String,
}

impl<M> WithRole<M> {
    /// Wraps `message`, naming the role its `reason` gives, in `locale`.
    fn new(message: M, locale: Locale, reason: impl Fn(&M) -> &str) -> Self {
        let role = reason_role(reason(&message), locale);
        Self { message, role }
    }
}

impl<M> std::ops::Deref for WithRole<M> {
    type Target = M;

    fn deref(&self) -> &M {
        &self.message
    }
}

/// One finding of a message, with its severity in the reader's words
/// (`f.severity_label`); its own fields read through `Deref`.
struct WithSeverity<F> {
    finding: F,
    severity_label: String,
}

impl<F> std::ops::Deref for WithSeverity<F> {
    type Target = F;

    fn deref(&self) -> &F {
        &self.finding
    }
}

/// Each of `findings` with its severity (`severity` reads its key) named in `locale`.
fn with_severities<F: Clone>(
    findings: &[F],
    locale: Locale,
    severity: impl Fn(&F) -> &str,
) -> Vec<WithSeverity<F>> {
    findings
        .iter()
        .map(|finding| WithSeverity {
            severity_label: labels::severity_label(severity(finding), locale),
            finding: finding.clone(),
        })
        .collect()
}

/// Lets a template read a view's wrapped message as its own fields: the view
/// derefs to it.
macro_rules! reads_through {
    ($view:ty => $field:ident: $target:ty) => {
        impl std::ops::Deref for $view {
            type Target = $target;

            fn deref(&self) -> &$target {
                &self.$field
            }
        }
    };
}
use reads_through;

/// Declares one part of a message as an askama enum with one variant (and one
/// template file) per locale, each holding the message's parameters as `v`, and a
/// constructor picking the variant for a [`Locale`].
macro_rules! localized {
    ($part:ident, $params:ty, en: $en:literal, es: $es:literal, fr: $fr:literal $(,)?) => {
        #[derive(askama::Template)]
        enum $part<'a> {
            #[template(path = $en)]
            En { v: &'a $params },
            #[template(path = $es)]
            Es { v: &'a $params },
            #[template(path = $fr)]
            Fr { v: &'a $params },
        }

        impl<'a> $part<'a> {
            fn new(locale: domain::values::Locale, v: &'a $params) -> Self {
                match locale {
                    domain::values::Locale::En => Self::En { v },
                    domain::values::Locale::Es => Self::Es { v },
                    domain::values::Locale::Fr => Self::Fr { v },
                }
            }
        }
    };
}
use localized;

/// Renders the body's two parts and tidies the subject into one line.
fn assemble(
    subject: String,
    text: impl askama::Template,
    html: impl askama::Template,
) -> anyhow::Result<RenderedEmail> {
    Ok(RenderedEmail {
        subject: subject.split_whitespace().collect::<Vec<_>>().join(" "),
        text: text.render()?,
        html: html.render()?,
    })
}

#[cfg(test)]
mod messages;
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_template_is_an_error() {
        let error = render("nope", Locale::En, &serde_json::json!({})).err();
        assert!(error.is_some_and(|e| e.to_string().contains("nope")));
    }

    #[test]
    fn every_key_has_a_renderer_that_reads_its_parameters() {
        for key in TemplateKey::ALL {
            // Parameters of no message: the key's renderer is reached and refuses them.
            let error = render(key.as_str(), Locale::En, &serde_json::json!({"nothing": 1}))
                .err()
                .map(|e| format!("{e:#}"));
            assert!(
                error
                    .as_deref()
                    .is_some_and(|e| e.contains(key.as_str()) && !e.contains("no email template")),
                "{key}: {error:?}"
            );
        }
    }
}
