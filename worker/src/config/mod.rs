//! What the binary hands the worker: plain values, already read from the
//! environment or a file by the caller (nothing here reads the environment).

mod smtp_url;

use std::{path::PathBuf, time::Duration};

use secrecy::SecretString;

/// The sender used when the operator sets none.
pub const DEFAULT_FROM: &str = "Fairhire <no-reply@localhost>";

/// Links in emails start here unless the binary says otherwise
/// (`FAIRHIRE_PUBLIC_URL`'s default, api-contract.md).
pub const DEFAULT_PUBLIC_URL: &str = "http://127.0.0.1:8080";

/// Jobs a runner runs at once unless told otherwise.
pub const DEFAULT_CONCURRENCY: usize = 4;

/// Jobs of a batched kind (scoring) one slot claims and runs together. Enough
/// that a batch's claim, commit and finish cost little per job; few enough that a
/// batch's transaction (on SQLite it holds the one write lock) stays short: 32
/// scorings take some tens of milliseconds.
pub const DEFAULT_BATCH: usize = 32;

/// How a runner claims, retries and sends.
#[derive(Debug, Clone)]
pub struct WorkerConfig {
    /// Names this runner in `jobs.locked_by`; unique per process so a runner only
    /// finishes the jobs it still holds.
    pub worker_id: String,
    /// Sleep between polls when no job is due.
    pub poll_interval: Duration,
    /// Delay before the first retry; doubled for each further attempt.
    pub backoff_base: Duration,
    /// Upper bound of the retry delay.
    pub backoff_max: Duration,
    /// How long a claimed job belongs to this runner before another may take it
    /// over (the runner renews it while the job runs).
    pub lease: Duration,
    /// How many jobs [`crate::Runner::run`] runs at once (`FAIRHIRE_WORKER_CONCURRENCY`).
    /// Most jobs wait on the database or the network, so one process keeps several
    /// in flight; each slot claims its own job. Treated as 1 when 0.
    pub concurrency: usize,
    /// How many jobs of a kind that runs in batches (`Catalogue::add_batched`) a
    /// slot claims and runs in one transaction ([`DEFAULT_BATCH`]); 1 runs every
    /// job alone.
    pub batch: usize,
    /// Where and as whom email is sent.
    pub mail: MailConfig,
    /// How webhooks are delivered.
    pub webhooks: WebhookDelivery,
    /// The daily FX-rate provider (`FAIRHIRE_FX_URL`); no fetching when `None`.
    pub fx_url: Option<String>,
    /// Where rendered reports are stored (`FAIRHIRE_STORAGE_URL`); report jobs fail
    /// when `None`.
    pub files: Option<domain::files::FileStore>,
    /// The base of links in the emails jobs write (`FAIRHIRE_PUBLIC_URL`), without a
    /// trailing slash.
    pub public_url: String,
    /// The worker-voice key (`FAIRHIRE_VOICE_KEY`): opens a worker's sealed number
    /// and message to send an SMS or WhatsApp message; those jobs fail when `None`.
    pub voice_key: Option<domain::voice::seal::VoiceKey>,
}

/// Webhook delivery settings.
#[derive(Debug, Clone)]
pub struct WebhookDelivery {
    /// `FAIRHIRE_WEBHOOK_ALLOW_PRIVATE`: deliver to private and loopback addresses
    /// too (tests, closed networks). Off by default (SSRF).
    pub allow_private: bool,
    /// How long one attempt may take, connection to last byte.
    pub timeout: Duration,
}

impl Default for WebhookDelivery {
    fn default() -> Self {
        Self {
            allow_private: false,
            timeout: Duration::from_secs(10),
        }
    }
}

impl WorkerConfig {
    /// The defaults (poll 500 ms, backoff 2 s doubling up to 1 h, lease 5 min,
    /// [`DEFAULT_CONCURRENCY`] slots, batches of [`DEFAULT_BATCH`]) with a fresh worker id and the given mail settings.
    pub fn new(mail: MailConfig) -> Self {
        Self {
            worker_id: default_worker_id(),
            poll_interval: Duration::from_millis(500),
            backoff_base: Duration::from_secs(2),
            backoff_max: Duration::from_secs(3600),
            lease: Duration::from_secs(300),
            concurrency: DEFAULT_CONCURRENCY,
            batch: DEFAULT_BATCH,
            mail,
            webhooks: WebhookDelivery::default(),
            fx_url: None,
            files: None,
            public_url: DEFAULT_PUBLIC_URL.to_string(),
            voice_key: None,
        }
    }
}

/// `worker-<pid>-<random>`: the pid helps an operator find the process, the random
/// part keeps two containers that both run as pid 1 apart.
fn default_worker_id() -> String {
    let random = uuid::Uuid::new_v4().simple().to_string();
    format!("worker-{}-{}", std::process::id(), &random[..8])
}

/// Email delivery settings.
#[derive(Debug, Clone)]
pub struct MailConfig {
    /// Where messages go.
    pub transport: MailTransport,
    /// The `From` mailbox, e.g. `Fairhire <no-reply@localhost>`.
    pub from: String,
}

impl MailConfig {
    /// The given transport with the default sender.
    pub fn new(transport: MailTransport) -> Self {
        Self {
            transport,
            from: DEFAULT_FROM.to_string(),
        }
    }
}

/// Where messages go.
#[derive(Debug, Clone)]
pub enum MailTransport {
    /// Write each message as `<email-id>.eml` into this directory (embedded mode
    /// and tests: nothing leaves the machine).
    Outbox(PathBuf),
    /// Hand messages to an SMTP server.
    Smtp(SmtpSettings),
}

/// An SMTP server to send through, parsed from `FAIRHIRE_SMTP_URL`.
#[derive(Debug, Clone)]
pub struct SmtpSettings {
    /// Host name or address.
    pub host: String,
    /// TCP port.
    pub port: u16,
    /// How the connection is encrypted.
    pub tls: SmtpTls,
    /// Login, when the server wants one.
    pub credentials: Option<SmtpCredentials>,
}

/// How the SMTP connection is encrypted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpTls {
    /// Plain text: only for a relay on the same machine or network.
    None,
    /// Plain connection upgraded with STARTTLS (required, not opportunistic).
    StartTls,
    /// TLS from the first byte (`smtps://`, usually port 465).
    Implicit,
}

/// An SMTP login.
#[derive(Debug, Clone)]
pub struct SmtpCredentials {
    /// The user name.
    pub username: String,
    /// The password; `SecretString` keeps it out of `Debug` output and logs.
    pub password: SecretString,
}
