//! The `send_email` job: render one `outbound_emails` row, send it, record it.

use anyhow::Context;
use domain::{
    email::{SendEmail, status},
    entities::outbound_email,
    values::Locale,
};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait, IntoActiveModel};

use super::{SendError, compose::compose, templates};
use crate::runner::JobContext;

/// Sends the email named by the payload. Idempotent: a row that is no longer
/// `queued` (already sent, or failed for good) is left alone. Permanent failures
/// (template or address unusable, SMTP 5xx) mark the row `failed` without retry;
/// transient ones return `Err` so the runner retries with backoff.
pub async fn send_email(ctx: JobContext, SendEmail { email_id }: SendEmail) -> anyhow::Result<()> {
    let row = outbound_email::Entity::find_by_id(email_id)
        .one(&ctx.db)
        .await
        .context("loading the email")?
        .with_context(|| format!("email {email_id} does not exist"))?;
    if row.status != status::QUEUED {
        tracing::info!(email.id = %email_id, status = %row.status, "email already handled");
        return Ok(());
    }
    let locale = Locale::parse(&row.locale).unwrap_or_default();
    let params = row.params.clone().unwrap_or(serde_json::Value::Null);
    let message = templates::render(&row.template, locale, &params)
        .and_then(|rendered| compose(email_id, ctx.mailer.from(), &row.to_address, rendered));
    let message = match message {
        Ok(message) => message,
        // Rendering again will not fix a missing template or a bad address.
        Err(error) => return mark_failed(&ctx, row, format!("{error:#}")).await,
    };
    match ctx.mailer.send(email_id, &message).await {
        Ok(()) => mark_sent(&ctx, row, &message).await,
        Err(SendError::Permanent(reason)) => mark_failed(&ctx, row, reason).await,
        Err(SendError::Transient(error)) => {
            if ctx.is_last_attempt() {
                mark_failed(&ctx, row, format!("{error:#}")).await?;
            }
            Err(error)
        }
    }
}

/// Records delivery and drops the parameters, which may hold a secret token.
async fn mark_sent(
    ctx: &JobContext,
    row: outbound_email::Model,
    message: &lettre::Message,
) -> anyhow::Result<()> {
    let message_id = message.headers().get_raw("Message-ID").map(str::to_string);
    let mut row = row.into_active_model();
    row.status = Set(status::SENT.to_string());
    row.message_id = Set(message_id);
    row.sent_at = Set(Some(domain::clock::now()));
    row.params = Set(None);
    row.last_error = Set(None);
    row.update(&ctx.db).await.context("recording the email as sent")?;
    tracing::info!("email sent");
    Ok(())
}

/// Gives up on the email; the job itself ends normally (nothing left to retry).
async fn mark_failed(ctx: &JobContext, row: outbound_email::Model, reason: String) -> anyhow::Result<()> {
    tracing::warn!(email.id = %row.id, "email failed for good");
    let mut row = row.into_active_model();
    row.status = Set(status::FAILED.to_string());
    // Nobody will send it now, so a token in the parameters is only a liability.
    row.params = Set(None);
    row.last_error = Set(Some(reason.chars().take(2000).collect()));
    row.update(&ctx.db)
        .await
        .context("recording the email as failed")?;
    Ok(())
}
