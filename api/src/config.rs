//! The API's share of the settings, filled in by the binary.

use std::time::Duration;

use secrecy::SecretString;

/// Settings the API needs; passed in explicitly (no globals).
#[derive(Clone)]
pub struct ApiConfig {
    /// Secret for signing access tokens (HS256).
    pub jwt_secret: SecretString,
    /// How long an access token lives.
    pub token_ttl: Duration,
    /// Base of links in emails, e.g. `http://127.0.0.1:8080`.
    pub public_url: String,
    /// Largest JSON body accepted, in bytes.
    pub json_limit: usize,
    /// Largest CSV body accepted, in bytes.
    pub csv_limit: usize,
    /// Largest uploaded file accepted, in bytes.
    pub file_limit: usize,
    /// `FAIRHIRE_WEBHOOK_ALLOW_PRIVATE`: accept webhook URLs on private and
    /// loopback addresses (tests, closed networks). Off by default (SSRF).
    pub webhook_allow_private: bool,
    /// Open Supply Hub (`FAIRHIRE_OS_HUB_URL`, `FAIRHIRE_OS_HUB_TOKEN`), asked to
    /// match sites to OS IDs.
    pub os_hub: domain::sites::os_hub::OsHub,
}

impl ApiConfig {
    /// Defaults for everything but the secret and the public URL.
    pub fn new(jwt_secret: SecretString, public_url: String) -> Self {
        Self {
            jwt_secret,
            token_ttl: Duration::from_secs(60 * 60),
            public_url,
            json_limit: 1024 * 1024,
            csv_limit: 64 * 1024 * 1024,
            file_limit: 20 * 1024 * 1024,
            webhook_allow_private: false,
            os_hub: domain::sites::os_hub::OsHub::new(domain::sites::os_hub::DEFAULT_URL, None),
        }
    }
}
