//! Where composed messages go: an SMTP server or an outbox directory. Built once
//! per runner so SMTP connections are pooled across jobs.

use std::{path::PathBuf, time::Duration};

use anyhow::Context;
use lettre::{
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor, message::Mailbox,
    transport::smtp::authentication::Credentials,
};
use secrecy::ExposeSecret;
use uuid::Uuid;

use crate::config::{MailConfig, MailTransport, SmtpSettings, SmtpTls};

/// A stuck server must not hold a job for minutes: give up and retry later.
const SMTP_TIMEOUT: Duration = Duration::from_secs(10);

/// Sends composed messages as the configured sender.
pub struct Mailer {
    from: Mailbox,
    transport: Transport,
}

/// The two destinations.
enum Transport {
    Outbox(PathBuf),
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

/// Why a message was not sent, sorted by whether trying again can help.
#[derive(Debug)]
pub enum SendError {
    /// The server refused it for good (5xx, e.g. unknown mailbox): do not retry.
    Permanent(String),
    /// Worth retrying later (4xx, connection refused or dropped, timeout, disk).
    Transient(anyhow::Error),
}

impl Mailer {
    /// Parses the sender and sets up the transport (no connection is made yet).
    pub fn new(config: &MailConfig) -> anyhow::Result<Self> {
        let from: Mailbox = config
            .from
            .parse()
            .with_context(|| format!("the sender {:?} is not a valid mailbox", config.from))?;
        let transport = match &config.transport {
            MailTransport::Outbox(dir) => Transport::Outbox(dir.clone()),
            MailTransport::Smtp(settings) => Transport::Smtp(smtp_transport(settings)?),
        };
        Ok(Self { from, transport })
    }

    /// The `From` mailbox.
    pub fn from(&self) -> &Mailbox {
        &self.from
    }

    /// Delivers `message`; `email_id` names the outbox file.
    pub async fn send(&self, email_id: Uuid, message: &Message) -> Result<(), SendError> {
        match &self.transport {
            Transport::Outbox(dir) => write_to_outbox(dir, email_id, message)
                .await
                .map_err(SendError::Transient),
            Transport::Smtp(smtp) => smtp.send(message.clone()).await.map(drop).map_err(|error| {
                let text = redact_addresses(&error.to_string());
                if error.is_permanent() {
                    SendError::Permanent(text)
                } else {
                    SendError::Transient(anyhow::anyhow!("SMTP: {text}"))
                }
            }),
        }
    }
}

/// The pooled SMTP transport for `settings`.
fn smtp_transport(settings: &SmtpSettings) -> anyhow::Result<AsyncSmtpTransport<Tokio1Executor>> {
    type Smtp = AsyncSmtpTransport<Tokio1Executor>;
    let builder = match settings.tls {
        // Plain text is only offered for a relay on the local machine or network.
        SmtpTls::None => Smtp::builder_dangerous(settings.host.as_str()),
        SmtpTls::StartTls => Smtp::starttls_relay(&settings.host).context("setting up STARTTLS")?,
        SmtpTls::Implicit => Smtp::relay(&settings.host).context("setting up TLS")?,
    };
    let mut builder = builder.port(settings.port).timeout(Some(SMTP_TIMEOUT));
    if let Some(login) = &settings.credentials {
        builder = builder.credentials(Credentials::new(
            login.username.clone(),
            login.password.expose_secret().to_string(),
        ));
    }
    Ok(builder.build())
}

/// Writes `<dir>/<email-id>.eml` via a temporary name, so whoever watches the
/// outbox never reads half a message.
async fn write_to_outbox(dir: &std::path::Path, email_id: Uuid, message: &Message) -> anyhow::Result<()> {
    tokio::fs::create_dir_all(dir)
        .await
        .with_context(|| format!("creating the outbox {}", dir.display()))?;
    let partial = dir.join(format!(".{email_id}.partial"));
    let done = dir.join(format!("{email_id}.eml"));
    tokio::fs::write(&partial, message.formatted())
        .await
        .with_context(|| format!("writing {}", partial.display()))?;
    tokio::fs::rename(&partial, &done)
        .await
        .with_context(|| format!("renaming to {}", done.display()))
}

/// Server replies often quote the recipient; errors end up in logs and tables, so
/// every word with an `@` is masked.
fn redact_addresses(text: &str) -> String {
    text.split(' ')
        .map(|word| if word.contains('@') { "<address>" } else { word })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::redact_addresses;

    #[test]
    fn addresses_are_masked_in_errors() {
        assert_eq!(
            redact_addresses("550 5.1.1 <bob@example.com>: Recipient address rejected"),
            "550 5.1.1 <address> Recipient address rejected"
        );
    }
}
