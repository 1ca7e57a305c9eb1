//! The domain jobs: thin handlers that parse the payload (ids only) and call the
//! domain use case, which does its work in one transaction.

mod deliver_webhook;
mod fetch_fx_rates;
pub mod render_report;
mod render_voice_poster;
mod score_assessment;
mod send_scheduled;

use std::sync::Arc;

use crate::runner::Runner;

/// Registers every domain job on the runner; links in what they send start with
/// `public_url`.
pub fn register(runner: &mut Runner, public_url: &str) {
    runner.register(domain::jobs::kind::SCORE_ASSESSMENT, score_assessment::run);
    runner.register(domain::jobs::kind::FETCH_FX_RATES, fetch_fx_rates::run);
    runner.register(domain::jobs::kind::RENDER_REPORT, render_report::run);
    runner.register(domain::jobs::kind::RENDER_VOICE_POSTER, render_voice_poster::run);
    crate::webhooks::install_tls_provider();
    runner.register(domain::jobs::kind::DELIVER_WEBHOOK, deliver_webhook::run);
    let base: Arc<str> = Arc::from(public_url.trim_end_matches('/'));
    runner.register(
        domain::jobs::kind::SEND_SCHEDULED_ASSESSMENTS,
        move |ctx, payload| send_scheduled::run(ctx, payload, base.clone()),
    );
}
