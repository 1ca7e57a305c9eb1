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
use domain::login_throttle::LoginThrottle;
use rand::RngCore;
use sea_orm::DatabaseConnection;
use secrecy::{ExposeSecret, SecretString};
use tokio::sync::watch;
use utoipa::OpenApi;
use utoipa_actix_web::AppExt;

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
    db: DatabaseConnection,
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
    pub async fn build_with(settings: &Settings, db: DatabaseConnection, mode: Mode) -> anyhow::Result<Self> {
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
            Some(runner(db.clone(), worker_config(settings)?, settings)?)
        };
        Ok(Self {
            address,
            server,
            runner,
            db,
        })
    }

    /// The address the HTTP server listens on (`None` in worker mode).
    pub fn address(&self) -> Option<std::net::SocketAddr> {
        self.address
    }

    /// The pool.
    pub fn db(&self) -> &DatabaseConnection {
        &self.db
    }

    /// Runs until SIGINT/SIGTERM: the HTTP server drains its requests, the runner
    /// finishes its current job and stops claiming.
    pub async fn run_until_stopped(self) -> anyhow::Result<()> {
        let (stop_tx, stop_rx) = watch::channel(false);
        let runner_task = self.runner.map(|runner| tokio::spawn(runner.run(stop_rx)));
        match self.server {
            // actix handles SIGINT/SIGTERM itself and resolves when drained.
            Some(server) => server.await.context("HTTP server")?,
            None => {
                shutdown_signal().await;
                tracing::info!("shutdown signal received");
            }
        }
        let _ = stop_tx.send(true);
        if let Some(task) = runner_task {
            let _ = task.await;
        }
        Ok(())
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

/// A job runner on `db` whose emails link under `FAIRHIRE_PUBLIC_URL`.
pub fn runner(
    db: DatabaseConnection,
    config: worker::WorkerConfig,
    settings: &Settings,
) -> anyhow::Result<worker::Runner> {
    let mut runner = worker::Runner::new(db, config)?;
    runner.set_public_url(&settings.public_url);
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
    config.webhooks.allow_private = settings.webhook_allow_private;
    config.fx_url = settings.fx_url.clone();
    Ok(config)
}

fn hostname() -> String {
    std::env::var("HOSTNAME").unwrap_or_else(|_| "fairhire".into())
}

fn http_server(
    settings: &Settings,
    db: DatabaseConnection,
    secret: SecretString,
    listener: TcpListener,
) -> anyhow::Result<Server> {
    let throttle = Arc::new(LoginThrottle::default());
    let mut api_config = api::ApiConfig::new(secret.clone(), settings.public_url.clone());
    api_config.webhook_allow_private = settings.webhook_allow_private;
    let csv_limit = api_config.csv_limit;
    let api_state = web::Data::new(
        api::ApiState::new(
            db.clone(),
            api_config,
            throttle.clone(),
            domain::files::FileStore::from_url(&settings.storage_url)
                .map_err(|m| anyhow::anyhow!("FAIRHIRE_STORAGE_URL: {m}"))?,
        )
        .map_err(|m| anyhow::anyhow!("FAIRHIRE_JWT_SECRET: {m}"))?,
    );
    let portal_state = web::Data::new(
        ::web::PortalState::new(
            db,
            ::web::PortalConfig {
                secret,
                secure_cookies: settings.public_url.starts_with("https://"),
            },
            throttle,
        )
        .map_err(|m| anyhow::anyhow!("FAIRHIRE_JWT_SECRET: {m}"))?,
    );
    let server = HttpServer::new(move || {
        let (app, mut document) = App::new()
            .into_utoipa_app()
            .openapi(api::openapi::ApiDoc::openapi())
            .app_data(api_state.clone())
            .app_data(portal_state.clone())
            .app_data(web::PayloadConfig::new(csv_limit))
            .app_data(web::FormConfig::default().limit(64 * 1024))
            .service(
                utoipa_actix_web::scope("/api/v1")
                    .wrap(from_fn(api::idempotency::middleware))
                    .configure(api::routes::configure),
            )
            .service(api::routes::health::live)
            .service(api::routes::health::ready)
            .split_for_parts();
        api::openapi::complete(&mut document);
        app.app_data(web::Data::new(document))
            .route("/api/openapi.json", web::get().to(openapi_document))
            .configure(::web::configure)
            .default_service(web::to(not_found))
            .wrap(::web::headers::security_headers())
            .wrap(Compress::default())
            .wrap(from_fn(request_log::middleware))
    })
    .listen(listener)?
    .shutdown_timeout(30)
    .run();
    Ok(server)
}

async fn openapi_document(document: web::Data<utoipa::openapi::OpenApi>) -> HttpResponse {
    HttpResponse::Ok().json(document.get_ref())
}

async fn not_found(req: HttpRequest) -> HttpResponse {
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
