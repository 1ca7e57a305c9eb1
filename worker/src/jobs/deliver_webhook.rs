//! `deliver_webhook`: POSTs one stored event to one webhook, signed
//! (`Fairhire-Signature`), and logs the attempt. A non-2xx answer, a timeout or a
//! refused address is a failed attempt: the runner retries it with backoff, and
//! the webhook is disabled after `DISABLE_AFTER` failures in a row.
//!
//! SSRF: the host is resolved here, every address is checked, and the request is
//! pinned to those addresses (`resolve_to_addrs`), so DNS cannot hand reqwest a
//! different, internal address between the check and the connection. Redirects
//! are not followed and proxies from the environment are not used.

use domain::transaction::BeginWrite as _;
use std::time::Instant;

use anyhow::Context;
use domain::{
    entities::{webhook, webhook_event},
    events::{self, DeliverWebhook},
    webhooks::{self, AttemptOutcome, signature, target},
};
use sea_orm::EntityTrait;

use crate::runner::JobContext;

/// Bytes of the response body kept in the delivery log.
const SNIPPET_BYTES: usize = 1024;

/// Runs the job.
pub async fn run(ctx: JobContext, job: DeliverWebhook) -> anyhow::Result<()> {
    let Some(hook) = webhook::Entity::find_by_id(job.webhook_id).one(&ctx.db).await? else {
        tracing::info!(webhook_id = %job.webhook_id, "webhook deleted; nothing to deliver");
        return Ok(());
    };
    if !hook.active {
        tracing::info!(webhook_id = %hook.id, "webhook disabled; delivery dropped");
        return Ok(());
    }
    if webhooks::already_delivered(&ctx.db, hook.id, job.event_id).await? {
        return Ok(());
    }
    let event = webhook_event::Entity::find_by_id(job.event_id)
        .one(&ctx.db)
        .await?
        .with_context(|| format!("webhook event {} is missing", job.event_id))?;
    let body = serde_json::to_vec(&events::body(&event)).context("serializing the event")?;
    let outcome = attempt(&ctx, &hook, &event, body).await;
    let txn = ctx.db.begin_write().await?;
    let hook = webhooks::record_attempt(&txn, hook, event.id, &event.event, &outcome).await?;
    txn.commit().await?;
    if outcome.succeeded() {
        return Ok(());
    }
    if !hook.active {
        tracing::warn!(webhook_id = %hook.id, "webhook disabled after repeated failures");
        return Ok(());
    }
    // An error makes the runner retry with backoff.
    match (&outcome.error, outcome.status_code) {
        (Some(error), _) => anyhow::bail!("webhook {} not delivered: {error}", hook.id),
        (None, status) => anyhow::bail!("webhook {} answered {}", hook.id, status.unwrap_or_default()),
    }
}

/// Makes one signed POST; never fails, the outcome says what happened.
async fn attempt(
    ctx: &JobContext,
    hook: &webhook::Model,
    event: &webhook_event::Model,
    body: Vec<u8>,
) -> AttemptOutcome {
    let started = Instant::now();
    let mut outcome = AttemptOutcome {
        attempt: ctx.attempt,
        status_code: None,
        duration_ms: 0,
        response_snippet: None,
        error: None,
    };
    let result = send(ctx, hook, event, body).await;
    outcome.duration_ms = i64::try_from(started.elapsed().as_millis()).unwrap_or(i64::MAX);
    match result {
        Ok((status, snippet)) => {
            outcome.status_code = Some(i32::from(status));
            outcome.response_snippet = Some(snippet);
        }
        Err(error) => outcome.error = Some(format!("{error:#}")),
    }
    outcome
}

/// Resolves and checks the target, then POSTs; the status and the start of the body.
async fn send(
    ctx: &JobContext,
    hook: &webhook::Model,
    event: &webhook_event::Model,
    body: Vec<u8>,
) -> anyhow::Result<(u16, String)> {
    let target = target::resolve(&hook.url, ctx.config.webhooks.allow_private)
        .await
        .context("refused")?;
    crate::webhooks::install_tls_provider();
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .timeout(ctx.config.webhooks.timeout)
        .resolve_to_addrs(&target.host, &target.addresses)
        .user_agent(concat!("Fairhire-Webhooks/", env!("CARGO_PKG_VERSION")))
        .build()
        .context("building the HTTP client")?;
    let unix = domain::clock::now().timestamp();
    let mut response = client
        .post(target.url)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .header(signature::HEADER, signature::sign(&hook.secret, unix, &body))
        .header("Fairhire-Event", &event.event)
        .header("Fairhire-Delivery", event.id.to_string())
        .body(body)
        .send()
        .await
        .map_err(describe)?;
    let status = response.status().as_u16();
    let mut snippet = Vec::new();
    while snippet.len() < SNIPPET_BYTES {
        match response.chunk().await.map_err(describe)? {
            Some(chunk) => snippet.extend_from_slice(&chunk),
            None => break,
        }
    }
    snippet.truncate(SNIPPET_BYTES);
    Ok((status, String::from_utf8_lossy(&snippet).into_owned()))
}

/// A reqwest error in words an officer reading the delivery log understands.
fn describe(error: reqwest::Error) -> anyhow::Error {
    if error.is_timeout() {
        anyhow::anyhow!("timed out")
    } else if error.is_connect() {
        anyhow::anyhow!("could not connect: {error}")
    } else {
        anyhow::anyhow!("request failed: {error}")
    }
}
