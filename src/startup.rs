//! Assembling the running platform: one HTTP server (portal at `/`, API at
//! `/api/v1`, health, OpenAPI) and/or the job runner, on one database pool.
//! `Application::build` binds its own listener, so tests can ask for port 0.

use std::{net::TcpListener, path::Path, sync::Arc, time::Duration};

use actix_web::{
    App, HttpRequest, HttpResponse, HttpServer,
    dev::Server,
    middleware::{Compress, from_fn},
    web,
};
use anyhow::Context;
use domain::database::Database;
use domain::login_throttle::LoginThrottle;
use rand::RngCore;
use secrecy::{ExposeSecret, SecretString};
use tokio::sync::watch;

use crate::{config::Settings, database, request_log};

/// Which parts run in this process.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// HTTP and the job runner (the embedded default).
    Serve,
    /// HTTP only.
    Api,
    /// The job runner only.
    Worker,
}

/// A built, not yet running, platform.
pub struct Application {
    address: Option<std::net::SocketAddr>,
    server: Option<Server>,
    runner: Option<worker::Runner>,
    db: Database,
    /// `worker` mode with `FAIRHIRE_METRICS_BIND`: `/metrics` and `/health/*` only.
    metrics: Option<(std::net::SocketAddr, Server)>,
    /// `FAIRHIRE_SHUTDOWN_GRACE_SECONDS`.
    grace: Duration,
}

impl Application {
    /// Connects (and, for `serve`, migrates), then builds the parts `mode` asks for.
    pub async fn build(settings: &Settings, mode: Mode) -> anyhow::Result<Self> {
        let db = database::connect(settings).await?;
        if mode == Mode::Serve {
            database::migrate(&db).await?;
        }
        Self::build_with(settings, db, mode).await
    }

    /// Builds on an existing pool (tests pass their own database).
    pub async fn build_with(settings: &Settings, db: Database, mode: Mode) -> anyhow::Result<Self> {
        let secret = signing_secret(settings)?;
        let (address, server) = if mode == Mode::Worker {
            (None, None)
        } else {
            let listener = TcpListener::bind(&settings.bind)
                .with_context(|| format!("binding FAIRHIRE_BIND={}", settings.bind))?;
            let address = listener.local_addr()?;
            let server = http_server(settings, db.clone(), secret, listener)?;
            (Some(address), Some(server))
        };
        let runner = if mode == Mode::Api {
            None
        } else {
            Some(runner(db.clone(), worker_config(settings)?)?)
        };
        let metrics = match (&settings.metrics_bind, mode) {
            (Some(bind), Mode::Worker) => {
                let listener = TcpListener::bind(bind)
                    .with_context(|| format!("binding FAIRHIRE_METRICS_BIND={bind}"))?;
                let address = listener.local_addr()?;
                Some((address, metrics_server(settings, db.clone(), listener)?))
            }
            _ => None,
        };
        Ok(Self {
            address,
            server,
            runner,
            db,
            metrics,
            grace: Duration::from_secs(settings.shutdown_grace_seconds),
        })
    }

    /// The address the HTTP server listens on (`None` in worker mode).
    pub fn address(&self) -> Option<std::net::SocketAddr> {
        self.address
    }

    /// Where a worker serves `/metrics` (`FAIRHIRE_METRICS_BIND`, worker mode only).
    pub fn metrics_address(&self) -> Option<std::net::SocketAddr> {
        self.metrics.as_ref().map(|(address, _)| *address)
    }

    /// The pool.
    pub fn db(&self) -> &Database {
        &self.db
    }

    /// Runs until SIGINT/SIGTERM. Then, within `FAIRHIRE_SHUTDOWN_GRACE_SECONDS`,
    /// the HTTP server stops accepting and drains its requests while the runner's
    /// slots stop claiming and finish their current jobs. A job still running when
    /// the grace period ends is released (queued again) for another worker; a
    /// process killed outright leaves its jobs to be taken over when the lease runs out.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        let (stop_tx, stop_rx) = watch::channel(false);
        let worker_id = self.runner.as_ref().map(|r| r.config().worker_id.clone());
        let runner_task = self.runner.map(|runner| tokio::spawn(runner.run(stop_rx)));
        // Once every HTTP worker has built its app, give back what building freed.
        tokio::spawn(async {
            tokio::time::sleep(Duration::from_secs(2)).await;
            crate::allocator::give_back_freed_memory();
        });
        let server = self.server.or(self.metrics.map(|(_, server)| server));
        let mut served = Ok(());
        match server {
            Some(server) => {
                let handle = server.handle();
                let mut server = std::pin::pin!(server);
                tokio::select! {
                    result = &mut server => served = result.context("HTTP server"),
                    () = shutdown_signal() => {
                        tracing::info!(grace_seconds = self.grace.as_secs(), "shutdown signal received; draining");
                        let _ = stop_tx.send(true);
                        // Graceful: in-flight requests get up to the grace period. The
                        // server future must be polled for the stop command to run.
                        let ((), result) = tokio::join!(handle.stop(true), &mut server);
                        served = result.context("HTTP server");
                    }
                }
            }
            None => {
                shutdown_signal().await;
                tracing::info!(grace_seconds = self.grace.as_secs(), "shutdown signal received");
            }
        }
        let _ = stop_tx.send(true);
        if let Some(mut task) = runner_task
            && tokio::time::timeout(self.grace, &mut task).await.is_err()
        {
            task.abort();
            let _ = task.await;
            if let Some(worker_id) = worker_id {
                match worker::runner::release(&self.db, &worker_id).await {
                    Ok(released) => tracing::warn!(released, "grace period over; running jobs released"),
                    Err(error) => {
                        tracing::error!(error = %format!("{error:#}"), "could not release running jobs; their lease will expire")
                    }
                }
            }
        }
        served
    }
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {},
                _ = term.recv() => {},
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

/// The worker-voice sealing key: configured, or generated once and kept (mode
/// 0600) in the data dir so sealed reports open after a restart. Never logged.
pub fn voice_key(settings: &Settings) -> anyhow::Result<domain::voice::seal::VoiceKey> {
    use domain::voice::seal::VoiceKey;
    if let Some(key) = &settings.voice_key {
        return VoiceKey::from_hex(key.expose_secret())
            .map_err(|m| anyhow::anyhow!("FAIRHIRE_VOICE_KEY: {m}"));
    }
    let path = settings.data_dir.join("voice-key");
    if let Ok(existing) = std::fs::read_to_string(&path) {
        return VoiceKey::from_hex(existing.trim()).map_err(|m| anyhow::anyhow!("{}: {m}", path.display()));
    }
    std::fs::create_dir_all(&settings.data_dir)
        .with_context(|| format!("creating {}", settings.data_dir.display()))?;
    let generated = VoiceKey::generate_hex();
    write_private(&path, &generated)?;
    tracing::info!(path = %path.display(), "generated a new worker-voice sealing key");
    VoiceKey::from_hex(&generated).map_err(|m| anyhow::anyhow!("generated voice key: {m}"))
}

/// The signing secret: configured, or generated once and kept in the data dir so
/// tokens survive a restart.
fn signing_secret(settings: &Settings) -> anyhow::Result<SecretString> {
    if let Some(secret) = &settings.jwt_secret {
        return Ok(secret.clone());
    }
    let path = settings.data_dir.join("jwt-secret");
    if let Ok(existing) = std::fs::read_to_string(&path) {
        let existing = existing.trim().to_string();
        if existing.len() >= 32 {
            return Ok(existing.into());
        }
    }
    std::fs::create_dir_all(&settings.data_dir)
        .with_context(|| format!("creating {}", settings.data_dir.display()))?;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let secret = hex::encode(bytes);
    write_private(&path, &secret)?;
    tracing::info!(path = %path.display(), "generated a new token signing secret");
    Ok(secret.into())
}

fn write_private(path: &Path, contents: &str) -> anyhow::Result<()> {
    std::fs::write(path, contents).with_context(|| format!("writing {}", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(())
}

/// A job runner on `db` of every job the platform has, with its metrics.
pub fn runner(db: Database, config: worker::WorkerConfig) -> anyhow::Result<worker::Runner> {
    let mut runner = worker::Runner::new(db, config, worker::jobs::catalogue())?;
    runner.set_observer(crate::metrics::job_observer());
    Ok(runner)
}

/// The worker's settings from the platform's.
pub fn worker_config(settings: &Settings) -> anyhow::Result<worker::WorkerConfig> {
    let transport = match &settings.smtp_url {
        Some(url) => worker::MailTransport::Smtp(
            worker::MailTransport::parse_smtp_url(url.expose_secret())
                .map_err(|m| anyhow::anyhow!("FAIRHIRE_SMTP_URL: {m}"))?,
        ),
        None => worker::MailTransport::Outbox(settings.data_dir.join("outbox")),
    };
    let mut config = worker::WorkerConfig::new(worker::MailConfig {
        transport,
        from: settings.mail_from.clone(),
    });
    config.worker_id = format!("{}-{}", hostname(), std::process::id());
    config.poll_interval = Duration::from_millis(500);
    config.lease = Duration::from_secs(settings.job_lease_seconds);
    config.concurrency = job_slots(settings);
    config.webhooks.allow_private = settings.webhook_allow_private;
    config.fx_url = settings.fx_url.clone();
    config.public_url = settings.public_url.trim_end_matches('/').to_string();
    config.voice_key = Some(voice_key(settings)?);
    config.files = Some(
        domain::files::FileStore::from_url(&settings.storage_url)
            .map_err(|m| anyhow::anyhow!("FAIRHIRE_STORAGE_URL: {m}"))?,
    );
    Ok(config)
}

/// How many jobs this process runs at once. SQLite has one writer at a time, so
/// further slots add no throughput there, only transactions queued behind each
/// other: at 10,000 queued scorings with 4 slots, two jobs hung until their lease
/// ran out (found by the benchmark). On SQLite the worker runs one job at a time,
/// whatever `FAIRHIRE_WORKER_CONCURRENCY` says; PostgreSQL takes the setting.
fn job_slots(settings: &Settings) -> usize {
    if settings.database_url.expose_secret().starts_with("sqlite:") {
        if settings.worker_concurrency > 1 {
            tracing::info!(
                asked = settings.worker_concurrency,
                "SQLite has one writer at a time: the worker runs one job at a time"
            );
        }
        1
    } else {
        settings.worker_concurrency
    }
}

fn hostname() -> String {
    std::env::var("HOSTNAME").unwrap_or_else(|_| "fairhire".into())
}

/// The Open Supply Hub client both doors share (the token stays in memory only).
fn os_hub(settings: &Settings) -> domain::sites::os_hub::OsHub {
    domain::sites::os_hub::OsHub::new(
        &settings.os_hub_url,
        settings
            .os_hub_token
            .as_ref()
            .map(|t| t.expose_secret().to_string()),
    )
}

fn http_server(
    settings: &Settings,
    db: Database,
    secret: SecretString,
    listener: TcpListener,
) -> anyhow::Result<Server> {
    let throttle = Arc::new(LoginThrottle::default());
    let voice = Arc::new(domain::voice::Voice::new(voice_key(settings)?));
    let mut api_config = api::ApiConfig::new(secret.clone(), settings.public_url.clone());
    api_config.webhook_allow_private = settings.webhook_allow_private;
    api_config.os_hub = os_hub(settings);
    let csv_limit = api_config.csv_limit;
    let metrics_db = web::Data::new(db.clone());
    let api_state = web::Data::new(
        api::ApiState::new(
            db.clone(),
            api_config,
            throttle.clone(),
            domain::files::FileStore::from_url(&settings.storage_url)
                .map_err(|m| anyhow::anyhow!("FAIRHIRE_STORAGE_URL: {m}"))?,
            voice.clone(),
        )
        .map_err(|m| anyhow::anyhow!("FAIRHIRE_JWT_SECRET: {m}"))?,
    );
    let portal_state = web::Data::new(
        ::web::PortalState::new(
            db,
            ::web::PortalConfig {
                secret,
                secure_cookies: settings.public_url.starts_with("https://"),
                public_url: settings.public_url.clone(),
                webhook_allow_private: settings.webhook_allow_private,
                os_hub: os_hub(settings),
            },
            throttle,
        )
        .map_err(|m| anyhow::anyhow!("FAIRHIRE_JWT_SECRET: {m}"))?
        .with_files(
            domain::files::FileStore::from_url(&settings.storage_url)
                .map_err(|m| anyhow::anyhow!("FAIRHIRE_STORAGE_URL: {m}"))?,
        )
        .with_voice(voice),
    );
    // Built once, shared by every HTTP worker (each built its own before: issue #23).
    let openapi = web::Data::new(api::openapi::publish().context("rendering the OpenAPI document")?);
    let server = HttpServer::new(move || {
        App::new()
            .app_data(api_state.clone())
            .app_data(portal_state.clone())
            .app_data(openapi.clone())
            .app_data(web::PayloadConfig::new(csv_limit))
            .app_data(web::FormConfig::default().limit(64 * 1024))
            .app_data(web::PathConfig::default().error_handler(unreadable_path))
            .app_data(web::QueryConfig::default().error_handler(unreadable_query))
            .service(
                web::scope("/api/v1")
                    .wrap(from_fn(api::idempotency::middleware))
                    .wrap(from_fn(api::plain_text::middleware))
                    .configure(api::routes::configure),
            )
            .service(api::routes::health::live)
            .service(api::routes::health::ready)
            .route("/api/openapi.json", web::get().to(openapi_document))
            .service(
                web::resource("/metrics")
                    .app_data(metrics_db.clone())
                    .route(web::get().to(crate::metrics::endpoint)),
            )
            .configure(::web::configure)
            .default_service(web::to(not_found))
            .wrap(::web::headers::security_headers())
            .wrap(Compress::default())
            .wrap(from_fn(request_log::middleware))
    })
    .listen(listener)?
    // `run_until_stopped` handles SIGTERM, so the runner stops at the same moment.
    .disable_signals()
    .shutdown_timeout(settings.shutdown_grace_seconds)
    .run();
    Ok(server)
}

/// A worker's own small server: `/metrics` (its job durations and the queue) and
/// `/health/*` for the orchestrator's probes.
fn metrics_server(settings: &Settings, db: Database, listener: TcpListener) -> anyhow::Result<Server> {
    let db = web::Data::new(db);
    let server = HttpServer::new(move || {
        App::new()
            .app_data(db.clone())
            .route("/metrics", web::get().to(crate::metrics::endpoint))
            .route("/health/live", web::get().to(crate::metrics::live))
            .route("/health/ready", web::get().to(crate::metrics::ready))
    })
    .workers(1)
    .listen(listener)?
    .disable_signals()
    .shutdown_timeout(settings.shutdown_grace_seconds)
    .run();
    Ok(server)
}

async fn openapi_document(openapi: web::Data<api::openapi::Published>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(actix_web::http::header::ContentType::json())
        .body(openapi.json.clone())
}

async fn not_found(req: HttpRequest) -> HttpResponse {
    let allowed = req
        .app_data::<web::Data<api::openapi::Published>>()
        .map(|openapi| api::openapi::allowed_methods(&openapi.document, req.path()))
        .unwrap_or_default();
    if !allowed.is_empty() {
        let error = api::ApiError::MethodNotAllowed(format!(
            "{} is not allowed here; use {}",
            req.method(),
            allowed.join(", ")
        ));
        let mut response = actix_web::ResponseError::error_response(&error);
        if let Ok(value) = actix_web::http::header::HeaderValue::from_str(&allowed.join(", ")) {
            response
                .headers_mut()
                .insert(actix_web::http::header::ALLOW, value);
        }
        return response;
    }
    if req.path().starts_with("/api/") {
        let error = api::ApiError::NotFound(format!("no route for {} {}", req.method(), req.path()));
        actix_web::ResponseError::error_response(&error)
    } else {
        HttpResponse::NotFound()
            .content_type("text/html; charset=utf-8")
            .body(
                "<!doctype html><title>Not found</title><h1>Not found</h1><p><a href=\"/\">Fairhire</a></p>",
            )
    }
}

/// A path segment that does not parse (an id that is not a UUID) names nothing: `404`,
/// as problem details under `/api/`, as a page elsewhere.
fn unreadable_path(error: actix_web::error::PathError, req: &HttpRequest) -> actix_web::Error {
    let response = if req.path().starts_with("/api/") {
        let error = api::ApiError::NotFound("resource".into());
        actix_web::ResponseError::error_response(&error)
    } else {
        HttpResponse::NotFound()
            .content_type("text/html; charset=utf-8")
            .body(
                "<!doctype html><title>Not found</title><h1>Not found</h1><p><a href=\"/\">Fairhire</a></p>",
            )
    };
    actix_web::error::InternalError::from_response(error, response).into()
}

/// A query string that does not parse is the caller's mistake: `400` with the reason.
fn unreadable_query(error: actix_web::error::QueryPayloadError, _req: &HttpRequest) -> actix_web::Error {
    let problem = api::ApiError::BadRequest(format!("the query string is not valid: {error}"));
    let response = actix_web::ResponseError::error_response(&problem);
    actix_web::error::InternalError::from_response(error, response).into()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::worker_config;
    use crate::config::Settings;

    fn settings(url: &str) -> Settings {
        let raw = BTreeMap::from([
            ("FAIRHIRE_DATABASE_URL".to_string(), url.to_string()),
            ("FAIRHIRE_WORKER_CONCURRENCY".to_string(), "8".to_string()),
            (
                "FAIRHIRE_DATA_DIR".to_string(),
                std::env::temp_dir().display().to_string(),
            ),
        ]);
        Settings::from_values(&raw).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn sqlite_runs_one_job_at_a_time_and_postgres_takes_the_setting() {
        let sqlite = worker_config(&settings("sqlite://./data/fairhire.db?mode=rwc"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(sqlite.concurrency, 1);
        let postgres = worker_config(&settings("postgres://postgres@127.0.0.1:5432/x"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(postgres.concurrency, 8);
    }
}
