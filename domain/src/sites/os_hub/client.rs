//! The HTTP side of Open Supply Hub: one `GET` per question, a bounded wait, and
//! every failure named so the caller can answer 502/503 and change nothing. The
//! token never appears in a log line or an error message.

use std::{fmt, time::Duration};

use super::{Facility, SEARCH_SIZE, SearchAnswer};

/// How long a whole request may take: a person is waiting on the page.
const TIMEOUT: Duration = Duration::from_secs(15);
/// How long connecting may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// Why Open Supply Hub gave no usable answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OsHubError {
    /// No token is configured (`FAIRHIRE_OS_HUB_TOKEN`).
    #[error("Open Supply Hub is not configured: FAIRHIRE_OS_HUB_TOKEN is not set")]
    NotConfigured,
    /// It could not be reached, or did not answer in time.
    #[error("Open Supply Hub cannot be reached right now; try again later")]
    Unreachable,
    /// It refused our token (401/403).
    #[error("Open Supply Hub refused the configured token (FAIRHIRE_OS_HUB_TOKEN)")]
    Refused,
    /// It answered with an error status.
    #[error("Open Supply Hub answered with an error (HTTP {0}); try again later")]
    Failed(u16),
    /// Its answer was not the documented shape.
    #[error("Open Supply Hub's answer could not be read")]
    Malformed,
}

impl OsHubError {
    /// True when the service is unavailable (not configured, unreachable, timed
    /// out) rather than answering badly: 503 against 502.
    pub fn is_unavailable(&self) -> bool {
        matches!(self, Self::NotConfigured | Self::Unreachable)
    }
}

/// Where Open Supply Hub is and the key to ask it with.
#[derive(Clone)]
pub struct OsHub {
    base_url: String,
    token: Option<String>,
}

impl fmt::Debug for OsHub {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OsHub")
            .field("base_url", &self.base_url)
            .field("token", &self.token.as_ref().map(|_| "[redacted]"))
            .finish()
    }
}

impl OsHub {
    /// `base_url` such as `https://opensupplyhub.org`; `token` from the
    /// account's API settings (none: every call is `NotConfigured`).
    pub fn new(base_url: &str, token: Option<String>) -> Self {
        Self {
            base_url: base_url.trim_end_matches('/').to_string(),
            token: token.filter(|t| !t.trim().is_empty()),
        }
    }

    /// Production locations named like `name` in `country` (fuzzy on the name).
    pub async fn search(&self, name: &str, country: &str) -> Result<Vec<Facility>, OsHubError> {
        let size = SEARCH_SIZE.to_string();
        self.production_locations(&[("name", name), ("country", country), ("size", &size)])
            .await
    }

    /// The production location with this OS ID, if Open Supply Hub has it.
    pub async fn facility(&self, os_id: &str) -> Result<Option<Facility>, OsHubError> {
        let found = self.production_locations(&[("os_id", os_id)]).await?;
        Ok(found.into_iter().find(|f| f.os_id == os_id))
    }

    async fn production_locations(&self, query: &[(&str, &str)]) -> Result<Vec<Facility>, OsHubError> {
        let token = self.token.as_deref().ok_or(OsHubError::NotConfigured)?;
        let mut url = url::Url::parse(&format!("{}/api/v1/production-locations/", self.base_url))
            .map_err(|_| OsHubError::NotConfigured)?;
        url.query_pairs_mut().extend_pairs(query);
        // reqwest is built without a TLS provider of its own (see files.rs); an
        // Err only means one is installed already.
        let _ = rustls::crypto::ring::default_provider().install_default();
        // A client per call: matching is a rare, human-paced action.
        let client = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .connect_timeout(CONNECT_TIMEOUT)
            .build()
            .map_err(|_| OsHubError::Unreachable)?;
        let response = client
            .get(url)
            .header("Authorization", format!("Token {token}"))
            .header("Accept", "application/json")
            .send()
            .await
            .map_err(|_| OsHubError::Unreachable)?;
        let status = response.status().as_u16();
        match status {
            200 => {}
            401 | 403 => return Err(OsHubError::Refused),
            other => return Err(OsHubError::Failed(other)),
        }
        let body = response.bytes().await.map_err(|_| OsHubError::Unreachable)?;
        let answer: SearchAnswer = serde_json::from_slice(&body).map_err(|_| OsHubError::Malformed)?;
        Ok(answer.data)
    }
}
