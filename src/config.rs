//! Typed, layered settings: defaults → optional `fairhire.toml` (`--config`) →
//! `FAIRHIRE_*` environment variables (api-contract.md, "Running it"). A bad value
//! stops the start with one line naming the variable and what is wrong.

use std::{collections::BTreeMap, net::SocketAddr, path::PathBuf};

use secrecy::SecretString;

/// Log line format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

/// Everything the platform reads at start.
#[derive(Clone)]
pub struct Settings {
    /// `FAIRHIRE_BIND`: address to listen on (`:0` picks a free port).
    pub bind: String,
    /// `FAIRHIRE_DATABASE_URL`: `sqlite://…` or `postgres://…`.
    pub database_url: SecretString,
    /// `FAIRHIRE_DATA_DIR`: files, outbox, generated keys.
    pub data_dir: PathBuf,
    /// `FAIRHIRE_PUBLIC_URL`: base of links in emails.
    pub public_url: String,
    /// `FAIRHIRE_SMTP_URL`: unset → `.eml` files in `{data_dir}/outbox/`.
    pub smtp_url: Option<SecretString>,
    /// `FAIRHIRE_MAIL_FROM`: the sender.
    pub mail_from: String,
    /// `FAIRHIRE_JWT_SECRET`: unset → generated once and kept in `data_dir`.
    pub jwt_secret: Option<SecretString>,
    /// `FAIRHIRE_STORAGE_URL`: `file://…` or `s3://bucket/prefix`.
    pub storage_url: String,
    /// `FAIRHIRE_LOG`: the log filter.
    pub log: String,
    /// `FAIRHIRE_LOG_FORMAT`: `text` or `json`.
    pub log_format: LogFormat,
    /// `FAIRHIRE_FX_URL`: a provider of daily FX rates (JSON), fetched by the worker.
    pub fx_url: Option<String>,
    /// `FAIRHIRE_WEBHOOK_ALLOW_PRIVATE`: let webhooks reach private and loopback
    /// addresses (off: such URLs are refused, against SSRF).
    pub webhook_allow_private: bool,
    /// `FAIRHIRE_SHUTDOWN_GRACE_SECONDS`: after SIGTERM, how long HTTP requests may
    /// drain and running jobs may finish before they are released to other workers.
    pub shutdown_grace_seconds: u64,
    /// `FAIRHIRE_JOB_LEASE_SECONDS`: how long a claimed job belongs to its worker
    /// before another may take it over (renewed while the job runs).
    pub job_lease_seconds: u64,
    /// `FAIRHIRE_WORKER_CONCURRENCY`: how many jobs one worker process runs at once
    /// (each claims its own job from the queue).
    pub worker_concurrency: usize,
    /// `FAIRHIRE_METRICS_BIND`: in `worker` mode, serve `/metrics` and `/health/*`
    /// on this address (unset: the worker serves no HTTP).
    pub metrics_bind: Option<String>,
    /// `FAIRHIRE_VOICE_KEY`: 64 hex digits sealing worker-voice reports at rest;
    /// unset → generated once and kept in `data_dir` (set it, the same on every
    /// replica, in production). Never logged.
    pub voice_key: Option<SecretString>,
    /// `FAIRHIRE_COUNTRY_RISK_FILE`: a newer edition of the country-risk table
    /// (same CSV shape as `domain/data/country-risk.csv`), read and checked here so
    /// a bad file stops the start; unset → the table shipped with the binary.
    pub country_risk_file: Option<PathBuf>,
    /// The table read from `country_risk_file`, installed by `main` before any use.
    pub country_risk_table: Option<Vec<domain::reference::CountryRisk>>,
    /// `FAIRHIRE_OS_HUB_URL`: Open Supply Hub's base URL, asked to match sites.
    pub os_hub_url: String,
    /// `FAIRHIRE_OS_HUB_TOKEN`: the Open Supply Hub API token (unset: matching
    /// answers 503). Never logged.
    pub os_hub_token: Option<SecretString>,
}

/// A setting that cannot be used; displayed as the one line the start prints.
#[derive(Debug, thiserror::Error)]
#[error("{variable}: {message}")]
pub struct ConfigError {
    /// The variable (or config-file key) at fault.
    pub variable: String,
    /// What is wrong with it.
    pub message: String,
}

fn bad(variable: &str, message: impl Into<String>) -> ConfigError {
    ConfigError {
        variable: variable.to_string(),
        message: message.into(),
    }
}

/// Every setting's variable name; the config file uses the same names lower-cased
/// without the prefix (`FAIRHIRE_BIND` → `bind`).
pub const VARIABLES: &[&str] = &[
    "FAIRHIRE_BIND",
    "FAIRHIRE_DATABASE_URL",
    "FAIRHIRE_DATA_DIR",
    "FAIRHIRE_PUBLIC_URL",
    "FAIRHIRE_SMTP_URL",
    "FAIRHIRE_MAIL_FROM",
    "FAIRHIRE_JWT_SECRET",
    "FAIRHIRE_STORAGE_URL",
    "FAIRHIRE_LOG",
    "FAIRHIRE_LOG_FORMAT",
    "FAIRHIRE_WEBHOOK_ALLOW_PRIVATE",
    "FAIRHIRE_FX_URL",
    "FAIRHIRE_SHUTDOWN_GRACE_SECONDS",
    "FAIRHIRE_JOB_LEASE_SECONDS",
    "FAIRHIRE_WORKER_CONCURRENCY",
    "FAIRHIRE_METRICS_BIND",
    "FAIRHIRE_VOICE_KEY",
    "FAIRHIRE_COUNTRY_RISK_FILE",
    "FAIRHIRE_OS_HUB_URL",
    "FAIRHIRE_OS_HUB_TOKEN",
];

impl Settings {
    /// Reads the settings from an optional file and the process environment.
    pub fn load(config_file: Option<&std::path::Path>) -> Result<Self, ConfigError> {
        let mut raw = BTreeMap::new();
        if let Some(path) = config_file {
            raw.extend(read_file(path)?);
        }
        for variable in VARIABLES {
            if let Ok(value) = std::env::var(variable) {
                raw.insert(variable.to_string(), value);
            }
        }
        Self::from_values(&raw)
    }

    /// Builds settings from `FAIRHIRE_*` names and values, applying defaults and
    /// checking every value.
    pub fn from_values(raw: &BTreeMap<String, String>) -> Result<Self, ConfigError> {
        let get = |name: &str| {
            raw.get(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let data_dir = PathBuf::from(get("FAIRHIRE_DATA_DIR").unwrap_or_else(|| "./data".into()));
        let bind = get("FAIRHIRE_BIND").unwrap_or_else(|| "127.0.0.1:8080".into());
        check_bind(&bind)?;
        let data_dir_text = data_dir.display().to_string();
        let database_url = get("FAIRHIRE_DATABASE_URL").unwrap_or_else(|| {
            format!(
                "sqlite://{}/fairhire.db?mode=rwc",
                data_dir_text.trim_end_matches('/')
            )
        });
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            return Err(bad(
                "FAIRHIRE_DATABASE_URL",
                "must start with sqlite:// or postgres://",
            ));
        }
        let public_url = get("FAIRHIRE_PUBLIC_URL").unwrap_or_else(|| "http://127.0.0.1:8080".into());
        match url::Url::parse(&public_url) {
            Ok(url) if matches!(url.scheme(), "http" | "https") && url.host().is_some() => {}
            _ => {
                return Err(bad(
                    "FAIRHIRE_PUBLIC_URL",
                    format!(
                        "must be an http(s) URL such as https://fairhire.example.org, got '{public_url}'"
                    ),
                ));
            }
        }
        let smtp_url = get("FAIRHIRE_SMTP_URL");
        if let Some(url) = &smtp_url {
            worker::MailTransport::parse_smtp_url(url).map_err(|m| bad("FAIRHIRE_SMTP_URL", m))?;
        }
        let mail_from = get("FAIRHIRE_MAIL_FROM").unwrap_or_else(|| "Fairhire <no-reply@localhost>".into());
        if mail_from.parse::<lettre::message::Mailbox>().is_err() {
            return Err(bad(
                "FAIRHIRE_MAIL_FROM",
                format!("must be an address such as 'Fairhire <no-reply@example.org>', got '{mail_from}'"),
            ));
        }
        let jwt_secret = get("FAIRHIRE_JWT_SECRET");
        if jwt_secret.as_ref().is_some_and(|s| s.len() < 32) {
            return Err(bad(
                "FAIRHIRE_JWT_SECRET",
                "must be at least 32 characters (use e.g. `openssl rand -hex 32`)",
            ));
        }
        let storage_url = get("FAIRHIRE_STORAGE_URL")
            .unwrap_or_else(|| format!("file://{}/files", data_dir_text.trim_end_matches('/')));
        if !(storage_url.starts_with("file://") || storage_url.starts_with("s3://")) {
            return Err(bad("FAIRHIRE_STORAGE_URL", "must start with file:// or s3://"));
        }
        let log = get("FAIRHIRE_LOG").unwrap_or_else(|| "info".into());
        if tracing_subscriber::EnvFilter::try_new(&log).is_err() {
            return Err(bad("FAIRHIRE_LOG", format!("is not a valid log filter: '{log}'")));
        }
        let log_format = match get("FAIRHIRE_LOG_FORMAT").as_deref() {
            None | Some("text") => LogFormat::Text,
            Some("json") => LogFormat::Json,
            Some(other) => {
                return Err(bad(
                    "FAIRHIRE_LOG_FORMAT",
                    format!("must be 'text' or 'json', got '{other}'"),
                ));
            }
        };
        let webhook_allow_private = match get("FAIRHIRE_WEBHOOK_ALLOW_PRIVATE").as_deref() {
            None | Some("false") => false,
            Some("true") => true,
            Some(other) => {
                return Err(bad(
                    "FAIRHIRE_WEBHOOK_ALLOW_PRIVATE",
                    format!("must be 'true' or 'false', got '{other}'"),
                ));
            }
        };
        let fx_url = get("FAIRHIRE_FX_URL");
        if let Some(url) = &fx_url
            && !url::Url::parse(url).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
        {
            return Err(bad(
                "FAIRHIRE_FX_URL",
                "must be an http(s) URL of the rates provider",
            ));
        }
        let shutdown_grace_seconds = seconds(
            get("FAIRHIRE_SHUTDOWN_GRACE_SECONDS"),
            "FAIRHIRE_SHUTDOWN_GRACE_SECONDS",
            30,
            0,
        )?;
        let job_lease_seconds = seconds(
            get("FAIRHIRE_JOB_LEASE_SECONDS"),
            "FAIRHIRE_JOB_LEASE_SECONDS",
            300,
            1,
        )?;
        let worker_concurrency = worker_concurrency(get("FAIRHIRE_WORKER_CONCURRENCY"))?;
        let metrics_bind = get("FAIRHIRE_METRICS_BIND");
        if let Some(address) = &metrics_bind {
            check_bind(address).map_err(|e| bad("FAIRHIRE_METRICS_BIND", e.message))?;
        }
        let voice_key = get("FAIRHIRE_VOICE_KEY");
        if let Some(key) = &voice_key {
            domain::voice::seal::VoiceKey::from_hex(key).map_err(|m| {
                bad(
                    "FAIRHIRE_VOICE_KEY",
                    format!("{m} (use e.g. `openssl rand -hex 32`)"),
                )
            })?;
        }
        let country_risk_file = get("FAIRHIRE_COUNTRY_RISK_FILE").map(PathBuf::from);
        let country_risk_table = match &country_risk_file {
            None => None,
            Some(path) => Some(
                domain::reference::countries::load_file(path)
                    .map_err(|e| bad("FAIRHIRE_COUNTRY_RISK_FILE", format!("{}: {e}", path.display())))?,
            ),
        };
        let os_hub_url =
            get("FAIRHIRE_OS_HUB_URL").unwrap_or_else(|| domain::sites::os_hub::DEFAULT_URL.into());
        if !url::Url::parse(&os_hub_url).is_ok_and(|u| matches!(u.scheme(), "http" | "https")) {
            return Err(bad(
                "FAIRHIRE_OS_HUB_URL",
                "must be an http(s) URL such as https://opensupplyhub.org",
            ));
        }
        Ok(Self {
            bind,
            fx_url,
            os_hub_url,
            os_hub_token: get("FAIRHIRE_OS_HUB_TOKEN").map(Into::into),
            country_risk_file,
            country_risk_table,
            voice_key: voice_key.map(Into::into),
            shutdown_grace_seconds,
            job_lease_seconds,
            worker_concurrency,
            metrics_bind,
            database_url: database_url.into(),
            data_dir,
            public_url: public_url.trim_end_matches('/').to_string(),
            smtp_url: smtp_url.map(Into::into),
            mail_from,
            jwt_secret: jwt_secret.map(Into::into),
            storage_url,
            log,
            log_format,
            webhook_allow_private,
        })
    }
}

/// A whole number of seconds, at least `min`, or `default` when unset.
fn seconds(value: Option<String>, variable: &str, default: u64, min: u64) -> Result<u64, ConfigError> {
    let Some(value) = value else {
        return Ok(default);
    };
    match value.parse::<u64>() {
        Ok(n) if n >= min && n <= 86_400 => Ok(n),
        _ => Err(bad(
            variable,
            format!("must be a whole number of seconds from {min} to 86400, got '{value}'"),
        )),
    }
}

/// The most job slots one worker process may run; beyond that a second process
/// (or a bigger database pool) is the better answer.
const MAX_WORKER_CONCURRENCY: usize = 64;

/// `FAIRHIRE_WORKER_CONCURRENCY`: 1 to [`MAX_WORKER_CONCURRENCY`], the worker's
/// default when unset.
fn worker_concurrency(value: Option<String>) -> Result<usize, ConfigError> {
    let Some(value) = value else {
        return Ok(worker::config::DEFAULT_CONCURRENCY);
    };
    match value.parse::<usize>() {
        Ok(n) if (1..=MAX_WORKER_CONCURRENCY).contains(&n) => Ok(n),
        _ => Err(bad(
            "FAIRHIRE_WORKER_CONCURRENCY",
            format!("must be a whole number of jobs from 1 to {MAX_WORKER_CONCURRENCY}, got '{value}'"),
        )),
    }
}

fn check_bind(bind: &str) -> Result<(), ConfigError> {
    let explain = || {
        bad(
            "FAIRHIRE_BIND",
            format!("must be HOST:PORT such as 127.0.0.1:8080 (port 0 picks a free one), got '{bind}'"),
        )
    };
    if bind.parse::<SocketAddr>().is_ok() {
        return Ok(());
    }
    let (host, port) = bind.rsplit_once(':').ok_or_else(explain)?;
    if host.is_empty() || port.parse::<u16>().is_err() {
        return Err(explain());
    }
    Ok(())
}

fn read_file(path: &std::path::Path) -> Result<BTreeMap<String, String>, ConfigError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| bad("--config", format!("cannot read {}: {e}", path.display())))?;
    let table: toml::Table = text
        .parse()
        .map_err(|e| bad("--config", format!("{} is not valid TOML: {e}", path.display())))?;
    let mut values = BTreeMap::new();
    for (key, value) in table {
        let variable = format!("FAIRHIRE_{}", key.to_uppercase());
        if !VARIABLES.contains(&variable.as_str()) {
            return Err(bad(
                &key,
                format!(
                    "is not a setting (known: {})",
                    VARIABLES
                        .iter()
                        .map(|v| v[9..].to_lowercase())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
        let text = match value {
            toml::Value::String(s) => s,
            toml::Value::Integer(i) => i.to_string(),
            toml::Value::Boolean(b) => b.to_string(),
            other => return Err(bad(&key, format!("must be a string, got {}", other.type_str()))),
        };
        values.insert(variable, text);
    }
    Ok(values)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(pairs: &[(&str, &str)]) -> Result<Settings, ConfigError> {
        Settings::from_values(
            &pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn defaults_follow_the_contract() {
        let settings = with(&[]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(settings.bind, "127.0.0.1:8080");
        assert_eq!(settings.public_url, "http://127.0.0.1:8080");
        assert_eq!(settings.storage_url, "file://./data/files");
        assert_eq!(settings.mail_from, "Fairhire <no-reply@localhost>");
        assert!(settings.smtp_url.is_none());
        assert_eq!(settings.shutdown_grace_seconds, 30);
        assert_eq!(settings.job_lease_seconds, 300);
        assert_eq!(settings.worker_concurrency, 4);
        assert!(settings.metrics_bind.is_none());
        assert_eq!(settings.os_hub_url, "https://opensupplyhub.org");
        assert!(settings.os_hub_token.is_none());
    }

    #[test]
    fn a_bad_value_names_its_variable() {
        for (variable, value) in [
            ("FAIRHIRE_BIND", "nonsense"),
            ("FAIRHIRE_DATABASE_URL", "mysql://x"),
            ("FAIRHIRE_PUBLIC_URL", "ftp://x"),
            ("FAIRHIRE_SMTP_URL", "http://mail"),
            ("FAIRHIRE_JWT_SECRET", "short"),
            ("FAIRHIRE_LOG_FORMAT", "xml"),
            ("FAIRHIRE_STORAGE_URL", "gs://bucket"),
            ("FAIRHIRE_SHUTDOWN_GRACE_SECONDS", "soon"),
            ("FAIRHIRE_JOB_LEASE_SECONDS", "0"),
            ("FAIRHIRE_WORKER_CONCURRENCY", "0"),
            ("FAIRHIRE_WORKER_CONCURRENCY", "four"),
            ("FAIRHIRE_WORKER_CONCURRENCY", "65"),
            ("FAIRHIRE_METRICS_BIND", "nowhere"),
            ("FAIRHIRE_VOICE_KEY", "not-hex"),
            ("FAIRHIRE_COUNTRY_RISK_FILE", "/nonexistent/country-risk.csv"),
            ("FAIRHIRE_OS_HUB_URL", "opensupplyhub.org"),
        ] {
            let error = with(&[(variable, value)])
                .err()
                .unwrap_or_else(|| panic!("{variable} accepted"));
            assert!(error.to_string().starts_with(&format!("{variable}: ")), "{error}");
        }
    }

    #[test]
    fn a_country_risk_file_is_read_or_refused_naming_the_row() {
        let dir = std::env::temp_dir().join(format!("fairhire-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        let good = dir.join("good.csv");
        let shipped = include_str!("../domain/data/country-risk.csv");
        std::fs::write(&good, shipped.replace("MY,2,2025,", "MY,2WL,2025,"))
            .unwrap_or_else(|e| panic!("{e}"));
        let good_path = good.display().to_string();
        let settings =
            with(&[("FAIRHIRE_COUNTRY_RISK_FILE", good_path.as_str())]).unwrap_or_else(|e| panic!("{e}"));
        let table = settings.country_risk_table.unwrap_or_default();
        let malaysia = table.iter().find(|c| c.code.as_str() == "MY");
        assert_eq!(
            malaysia.and_then(|c| c.inputs.tip_tier()),
            Some(domain::reference::TipTier::TwoWatchList)
        );
        let bad_file = dir.join("bad.csv");
        std::fs::write(&bad_file, shipped.replace("MY,2,2025,", "MY,4,2025,"))
            .unwrap_or_else(|e| panic!("{e}"));
        let bad_path = bad_file.display().to_string();
        let error = with(&[("FAIRHIRE_COUNTRY_RISK_FILE", bad_path.as_str())])
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        let row = shipped
            .lines()
            .position(|l| l.starts_with("MY,"))
            .unwrap_or_default()
            + 1;
        assert!(
            error.starts_with(&format!(
                "FAIRHIRE_COUNTRY_RISK_FILE: {}: row {row}: tip_tier '4'",
                bad_file.display()
            )),
            "{error}"
        );
        assert!(!error.contains('\n'), "one line: {error}");
        std::fs::remove_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    }

    #[test]
    fn worker_concurrency_is_read() {
        let settings = with(&[("FAIRHIRE_WORKER_CONCURRENCY", "16")]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(settings.worker_concurrency, 16);
    }
}
