//! Rendering a stored email (template key, locale, JSON parameters) into subject,
//! plain text and HTML.
//!
//! Each message is a module here plus a folder `templates/email/<key>/` holding,
//! per locale, `<locale>.subject.txt`, `<locale>.txt` and `<locale>.html` (which
//! extends `email/layout.html`). `.html` files are auto-escaped by askama, so a
//! company named `<script>` shows as text. To add a message: write the nine
//! files, a module with its parameter struct and [`localized!`] parts, and one arm
//! in [`render`].

mod action_reminder;
mod assessment_reminder;
mod assessment_returned;
mod assessment_sent;
mod fee_audit_processed;
mod findings_digest;
mod findings_priority;
mod invitation;
mod labels;
mod report_ready;
mod screening_hit;
mod voice_urgent;
mod webhook_disabled;

use domain::{notifications::template as key, values::Locale};

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

/// Renders the message `template` in `locale` with its stored parameters. Fails on
/// an unknown template or parameters that do not fit it.
pub fn render(template: &str, locale: Locale, params: &serde_json::Value) -> anyhow::Result<RenderedEmail> {
    match template {
        "invitation" => invitation::render(locale, params),
        key::ASSESSMENT_SENT => assessment_sent::render(locale, params),
        key::ASSESSMENT_REMINDER => assessment_reminder::render(locale, params),
        key::ASSESSMENT_RETURNED => assessment_returned::render(locale, params),
        key::FINDINGS_PRIORITY => findings_priority::render(locale, params),
        key::FINDINGS_DIGEST => findings_digest::render(locale, params),
        key::ACTION_REMINDER => action_reminder::render(locale, params),
        key::FEE_AUDIT_PROCESSED => fee_audit_processed::render(locale, params),
        key::REPORT_READY => report_ready::render(locale, params),
        key::SCREENING_HIT => screening_hit::render(locale, params),
        domain::webhooks::TEMPLATE_DISABLED => webhook_disabled::render(locale, params),
        domain::voice::TEMPLATE_URGENT => voice_urgent::render(locale, params),
        other => anyhow::bail!("no email template {other:?}"),
    }
}

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

/// Renders the three parts and tidies the subject into one line.
fn assemble(
    subject: impl askama::Template,
    text: impl askama::Template,
    html: impl askama::Template,
) -> anyhow::Result<RenderedEmail> {
    let subject = subject.render()?;
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
}
