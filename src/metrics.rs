//! `GET /metrics` in the Prometheus text format.
//!
//! Two kinds of series:
//! - counted in this process: HTTP requests and their latency by *route pattern*
//!   (never the raw path: it may hold an invitation token), method and status (fed by
//!   [`crate::request_log`]), and job attempts and their duration by kind and result
//!   (fed by the runner's observer, so only processes that run jobs have them);
//! - read from the database at scrape time, so every replica reports the same
//!   cluster-wide figures: jobs by kind and status, outbound emails by status,
//!   webhook deliveries by outcome. A scrape while the database is away still
//!   answers, with `fairhire_database_up 0`.

use std::{
    sync::{Arc, LazyLock},
    time::Duration,
};

use actix_web::{HttpResponse, web};
use domain::database::Database;
use prometheus::{
    Encoder, GaugeVec, HistogramOpts, HistogramVec, IntCounterVec, IntGauge, Opts, Registry, TextEncoder,
};
use sea_orm::{ConnectionTrait, Statement};

/// How long a scrape waits for the database before reporting it down.
const DB_TIMEOUT: Duration = Duration::from_secs(2);

/// The series this process counts itself.
struct Process {
    registry: Registry,
    http_requests: IntCounterVec,
    http_duration: HistogramVec,
    job_duration: HistogramVec,
}

static PROCESS: LazyLock<Option<Process>> = LazyLock::new(|| match Process::new() {
    Ok(process) => Some(process),
    Err(error) => {
        tracing::error!(%error, "metrics unavailable");
        None
    }
});

impl Process {
    fn new() -> prometheus::Result<Self> {
        let registry = Registry::new();
        let http_requests = IntCounterVec::new(
            Opts::new("fairhire_http_requests_total", "HTTP requests answered"),
            &["method", "route", "status"],
        )?;
        let http_duration = HistogramVec::new(
            HistogramOpts::new(
                "fairhire_http_request_duration_seconds",
                "Time to answer an HTTP request",
            )
            .buckets(vec![
                0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
            ]),
            &["method", "route", "status"],
        )?;
        let job_duration = HistogramVec::new(
            HistogramOpts::new(
                "fairhire_job_duration_seconds",
                "Time one job attempt ran, by kind and result (done, retry, failed)",
            )
            .buckets(vec![
                0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0,
            ]),
            &["kind", "result"],
        )?;
        registry.register(Box::new(http_requests.clone()))?;
        registry.register(Box::new(http_duration.clone()))?;
        registry.register(Box::new(job_duration.clone()))?;
        Ok(Self {
            registry,
            http_requests,
            http_duration,
            job_duration,
        })
    }
}

/// Counts one answered request (called by the request-log middleware).
pub fn observe_request(method: &str, route: &str, status: u16, elapsed: Duration) {
    if let Some(process) = PROCESS.as_ref() {
        let status = status.to_string();
        let labels = [method, route, status.as_str()];
        process.http_requests.with_label_values(&labels).inc();
        process
            .http_duration
            .with_label_values(&labels)
            .observe(elapsed.as_secs_f64());
    }
}

/// Counts one finished job attempt (installed on the runner with
/// `Runner::set_observer`).
pub fn job_observer() -> worker::runner::JobObserver {
    Arc::new(|kind: &str, result: &worker::JobResult, elapsed: Duration| {
        if let Some(process) = PROCESS.as_ref() {
            let result = match result {
                worker::JobResult::Done => "done",
                worker::JobResult::Retry { .. } => "retry",
                worker::JobResult::Failed => "failed",
            };
            process
                .job_duration
                .with_label_values(&[kind, result])
                .observe(elapsed.as_secs_f64());
        }
    })
}

/// `GET /metrics`.
pub async fn endpoint(db: web::Data<Database>) -> HttpResponse {
    let mut families = PROCESS.as_ref().map(|p| p.registry.gather()).unwrap_or_default();
    match tokio::time::timeout(DB_TIMEOUT, database_families(db.get_ref())).await {
        Ok(Ok(found)) => families.extend(found),
        Ok(Err(error)) => {
            tracing::warn!(error = %format!("{error:#}"), "metrics: database figures unavailable");
            families.extend(database_down());
        }
        Err(_) => {
            tracing::warn!("metrics: the database did not answer in time");
            families.extend(database_down());
        }
    }
    let mut body = Vec::new();
    let encoder = TextEncoder::new();
    if let Err(error) = encoder.encode(&families, &mut body) {
        tracing::error!(%error, "metrics: encoding failed");
        return HttpResponse::InternalServerError().finish();
    }
    HttpResponse::Ok().content_type(encoder.format_type()).body(body)
}

fn database_down() -> Vec<prometheus::proto::MetricFamily> {
    let up = IntGauge::new("fairhire_database_up", "1 when the database answered this scrape");
    match up {
        Ok(up) => {
            up.set(0);
            prometheus::core::Collector::collect(&up)
        }
        Err(_) => Vec::new(),
    }
}

/// The cluster-wide figures, read now.
async fn database_families(db: &Database) -> anyhow::Result<Vec<prometheus::proto::MetricFamily>> {
    let registry = Registry::new();
    let up = IntGauge::new("fairhire_database_up", "1 when the database answered this scrape")?;
    let jobs = GaugeVec::new(
        Opts::new("fairhire_jobs", "Jobs in the queue table by kind and status"),
        &["kind", "status"],
    )?;
    let emails = GaugeVec::new(
        Opts::new(
            "fairhire_outbound_emails",
            "Outbound emails by status (queued, sent, failed)",
        ),
        &["status"],
    )?;
    let webhooks = GaugeVec::new(
        Opts::new(
            "fairhire_webhook_deliveries",
            "Webhook delivery attempts by outcome (success: a 2xx answer)",
        ),
        &["outcome"],
    )?;
    registry.register(Box::new(up.clone()))?;
    registry.register(Box::new(jobs.clone()))?;
    registry.register(Box::new(emails.clone()))?;
    registry.register(Box::new(webhooks.clone()))?;

    for (labels, count) in counts(
        db,
        "SELECT kind, status, COUNT(*) AS n FROM jobs GROUP BY kind, status",
        2,
    )
    .await?
    {
        jobs.with_label_values(&[labels[0].as_str(), labels[1].as_str()])
            .set(count);
    }
    for (labels, count) in counts(
        db,
        "SELECT status, COUNT(*) AS n FROM outbound_emails GROUP BY status",
        1,
    )
    .await?
    {
        emails.with_label_values(&[labels[0].as_str()]).set(count);
    }
    let deliveries = "SELECT CASE WHEN status_code >= 200 AND status_code < 300 THEN 'success' ELSE 'failure' END AS outcome, \
                      COUNT(*) AS n FROM webhook_deliveries GROUP BY 1";
    for (labels, count) in counts(db, deliveries, 1).await? {
        webhooks.with_label_values(&[labels[0].as_str()]).set(count);
    }
    up.set(1);
    Ok(registry.gather())
}

/// Runs a `GROUP BY` whose first `labels` columns are text and whose last is `n`.
async fn counts(db: &Database, sql: &str, labels: usize) -> anyhow::Result<Vec<(Vec<String>, f64)>> {
    let statement = Statement::from_string(db.get_database_backend(), sql.to_string());
    let rows = db.query_all_raw(statement).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let mut values = Vec::with_capacity(labels);
        for index in 0..labels {
            values.push(row.try_get_by_index::<String>(index)?);
        }
        let count: i64 = row.try_get("", "n")?;
        // Counts stay far below 2^53, where f64 is exact.
        #[allow(clippy::cast_precision_loss)]
        out.push((values, count as f64));
    }
    Ok(out)
}

/// `GET /health/live` on a worker's metrics address.
pub async fn live() -> HttpResponse {
    HttpResponse::Ok().json(serde_json::json!({"status": "live"}))
}

/// `GET /health/ready` on a worker's metrics address: `503` while the database
/// does not answer (within 3 s).
pub async fn ready(db: web::Data<Database>) -> HttpResponse {
    if domain::database::ready(&db).await {
        HttpResponse::Ok().json(serde_json::json!({"status": "ready"}))
    } else {
        HttpResponse::ServiceUnavailable().json(serde_json::json!({"status": "database unavailable"}))
    }
}
