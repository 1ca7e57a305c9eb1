//! `fetch_fx_rates`: the daily fetch from `FAIRHIRE_FX_URL` into every company's
//! rate table. A provider that is down or answers 5xx is a failed attempt (the
//! runner retries with backoff); a malformed answer is too, with a message that
//! says what was wrong.

use std::time::Duration;

use anyhow::{Context, bail};

use domain::fee_audit::store::FetchFxRates;

use crate::runner::JobContext;

/// Runs the job; nothing to do when no provider is configured.
pub async fn run(ctx: JobContext, _job: FetchFxRates) -> anyhow::Result<()> {
    let Some(url) = ctx.config.fx_url.clone() else {
        tracing::info!("no FX provider configured; nothing to fetch");
        return Ok(());
    };
    crate::webhooks::install_tls_provider();
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .context("building the HTTP client")?;
    let response = client.get(&url).send().await.context("asking the FX provider")?;
    let status = response.status();
    if !status.is_success() {
        bail!("the FX provider answered {status}");
    }
    let body = response
        .bytes()
        .await
        .context("reading the FX provider's answer")?;
    let (date, rates) = domain::fee_audit::store::parse_provider_body(&body).map_err(anyhow::Error::msg)?;
    let written = domain::fee_audit::store::store_fetched(&ctx.db, date, &rates).await?;
    tracing::info!(%date, currencies = rates.len(), written, "FX rates fetched");
    Ok(())
}
