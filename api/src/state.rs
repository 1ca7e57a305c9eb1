//! What every handler can reach: the database, the token keys, the settings and the
//! login throttle. Built once by the binary and shared by all HTTP workers.

use std::sync::Arc;

use domain::database::Database;
use domain::login_throttle::LoginThrottle;

use crate::{auth::jwt::JwtKeys, config::ApiConfig};

/// Shared state of the API.
#[derive(Clone)]
pub struct ApiState {
    /// The connection pool.
    pub db: Database,
    /// Signs and checks access tokens.
    pub jwt: Arc<JwtKeys>,
    /// Settings.
    pub config: Arc<ApiConfig>,
    /// Where evidence files are stored.
    pub files: Arc<domain::files::FileStore>,
    /// Throttles login attempts per client address and per email.
    pub login_throttle: Arc<LoginThrottle>,
    /// Worker voice: the sealing key and the anonymous throttles.
    pub voice: Arc<domain::voice::Voice>,
}

impl ApiState {
    /// Builds the state from a pool and the settings; fails on an unusable signing
    /// secret.
    pub fn new(
        db: Database,
        config: ApiConfig,
        login_throttle: Arc<LoginThrottle>,
        files: domain::files::FileStore,
        voice: Arc<domain::voice::Voice>,
    ) -> Result<Self, String> {
        let jwt = JwtKeys::new(&config.jwt_secret, config.token_ttl)
            .map_err(|e| format!("the token signing secret cannot be used: {e}"))?;
        Ok(Self {
            db,
            jwt: Arc::new(jwt),
            config: Arc::new(config),
            login_throttle,
            voice,
            files: Arc::new(files),
        })
    }
}
