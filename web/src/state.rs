//! The portal's settings and shared state.

use std::sync::Arc;

use domain::database::Database;
use domain::login_throttle::LoginThrottle;
use secrecy::SecretString;

use crate::session::SessionKeys;

/// Settings the portal needs; passed in explicitly.
#[derive(Clone)]
pub struct PortalConfig {
    /// Secret for signing session cookies.
    pub secret: SecretString,
    /// Mark cookies `Secure` (when served over https).
    pub secure_cookies: bool,
    /// Base of links in emails the portal's use cases send.
    pub public_url: String,
    /// Let webhooks point at private addresses (tests and closed networks; the
    /// same setting as the API's).
    pub webhook_allow_private: bool,
    /// Open Supply Hub, asked to match sites (the same client settings as the API's).
    pub os_hub: domain::sites::os_hub::OsHub,
}

/// Shared state of the portal.
#[derive(Clone)]
pub struct PortalState {
    /// The connection pool.
    pub db: Database,
    /// Signs and checks session cookies.
    pub sessions: Arc<SessionKeys>,
    /// Signs and checks supplier links' cookies (never a user's session).
    pub link_sessions: Arc<SessionKeys>,
    /// Settings.
    pub config: Arc<PortalConfig>,
    /// The login throttle, shared with the API so both doors count together.
    pub login_throttle: Arc<LoginThrottle>,
    /// Where evidence files are stored (`None`: uploads are refused).
    pub files: Option<Arc<domain::files::FileStore>>,
    /// Worker voice: the sealing key and the anonymous throttles, shared with the
    /// API (`None`: the public reporting pages answer 503).
    pub voice: Option<Arc<domain::voice::Voice>>,
}

impl PortalState {
    /// Builds the state; fails on an unusable secret.
    pub fn new(
        db: Database,
        config: PortalConfig,
        login_throttle: Arc<LoginThrottle>,
    ) -> Result<Self, String> {
        let sessions = SessionKeys::new(&config.secret)
            .map_err(|e| format!("the session secret cannot be used: {e}"))?;
        let link_sessions = SessionKeys::for_links(&config.secret)
            .map_err(|e| format!("the session secret cannot be used: {e}"))?;
        Ok(Self {
            db,
            sessions: Arc::new(sessions),
            link_sessions: Arc::new(link_sessions),
            config: Arc::new(config),
            login_throttle,
            files: None,
            voice: None,
        })
    }

    /// Serves the public worker-voice pages with `voice`.
    pub fn with_voice(mut self, voice: Arc<domain::voice::Voice>) -> Self {
        self.voice = Some(voice);
        self
    }

    /// Lets suppliers upload evidence from the portal, into `files`.
    pub fn with_files(mut self, files: domain::files::FileStore) -> Self {
        self.files = Some(Arc::new(files));
        self
    }
}
