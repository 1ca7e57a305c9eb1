//! `send_voice_message`: sends one worker-voice message (a WhatsApp answer, or a
//! staff reply on a case opened by SMS or WhatsApp) through the company's
//! provider, exactly once:
//!
//! - Twilio: `POST {api_base}/2010-04-01/Accounts/{account_sid}/Messages.json`,
//!   basic auth `account_sid:auth_token`, form `To`, `From`, `Body`; Twilio answers
//!   `201` with the message's `sid` (api-contract.md; Twilio, "Messages resource",
//!   <https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource>).
//! - WhatsApp Cloud API: `POST {whatsapp_api_base}/{phone_number_id}/messages`,
//!   bearer token, `{"messaging_product": "whatsapp", "to", "type": "text",
//!   "text": {"body"}}`; Meta answers with `messages[0].id` (Meta for Developers,
//!   "Send messages", <https://developers.facebook.com/docs/whatsapp/cloud-api/guides/send-messages>).
//!
//! The provider's message id is recorded on the row, so a retried job finds it
//! sent and sends nothing. A 4xx is the request's fault: recorded as failed, not
//! retried. A 5xx or a network error is retried with backoff. Neither the
//! number nor the provider's answer body (which may repeat the number) is
//! logged or stored: only the HTTP status.
//!
//! SSRF: the API base is resolved and checked like a webhook target (private
//! addresses refused unless `FAIRHIRE_WEBHOOK_ALLOW_PRIVATE`).

use anyhow::Context;
use domain::{
    transaction::BeginWrite as _,
    voice::messaging::{
        outbound::{self, Delivery, Prepared, SendVoiceMessage},
        provider,
    },
    webhooks::target,
};

use crate::runner::JobContext;

/// How one attempt ended.
enum Sent {
    /// Accepted, with the provider's message id.
    Accepted(String),
    /// Refused for good (4xx), with the status.
    Refused(u16),
}

/// Runs the job.
pub async fn run(ctx: JobContext, job: SendVoiceMessage) -> anyhow::Result<()> {
    let key = ctx
        .config
        .voice_key
        .clone()
        .context("no worker-voice key is configured (FAIRHIRE_VOICE_KEY)")?;
    let prepared = {
        let txn = ctx.db.begin_write().await?;
        let prepared = outbound::prepare(&txn, &key, job.outbound_id).await?;
        txn.commit().await?;
        prepared
    };
    let delivery = match prepared {
        Prepared::Done => return Ok(()),
        Prepared::Dropped => {
            tracing::info!(outbound_id = %job.outbound_id, "worker-voice message dropped: its number is forgotten");
            return Ok(());
        }
        Prepared::Send(delivery) => delivery,
    };
    match send(&ctx, &delivery).await {
        Ok(Sent::Accepted(message_id)) => {
            outbound::record(&ctx.db, job.outbound_id, Ok(message_id)).await?;
            Ok(())
        }
        Ok(Sent::Refused(code)) => {
            tracing::warn!(outbound_id = %job.outbound_id, status = code, "the provider refused a worker-voice message");
            outbound::record(
                &ctx.db,
                job.outbound_id,
                Err(format!("the provider answered {code}")),
            )
            .await?;
            Ok(())
        }
        Err(error) => {
            if ctx.is_last_attempt() {
                outbound::record(&ctx.db, job.outbound_id, Err(format!("{error:#}"))).await?;
            }
            Err(error)
        }
    }
}

/// One attempt: the provider's verdict, or an error to retry.
async fn send(ctx: &JobContext, delivery: &Delivery) -> anyhow::Result<Sent> {
    let settings = &delivery.settings;
    let (url, request_body, json) = if delivery.outbound.provider == provider::WHATSAPP {
        let phone_number_id = settings
            .whatsapp_phone_number_id
            .as_deref()
            .context("WhatsApp is not set up")?;
        let body = serde_json::json!({
            "messaging_product": "whatsapp",
            "recipient_type": "individual",
            "to": delivery.to.trim_start_matches('+'),
            "type": "text",
            "text": {"preview_url": false, "body": delivery.text},
        });
        (
            format!("{}/{phone_number_id}/messages", settings.whatsapp_api_base),
            serde_json::to_vec(&body)?,
            true,
        )
    } else {
        let form = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("To", &delivery.to)
            .append_pair("From", &settings.from_number)
            .append_pair("Body", &delivery.text)
            .finish();
        (
            format!(
                "{}/2010-04-01/Accounts/{}/Messages.json",
                settings.api_base, settings.account_sid
            ),
            form.into_bytes(),
            false,
        )
    };
    let target = target::resolve(&url, ctx.config.webhooks.allow_private)
        .await
        .map_err(|e| anyhow::anyhow!("the provider's address is refused: {e}"))?;
    crate::webhooks::install_tls_provider();
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .timeout(ctx.config.webhooks.timeout)
        .resolve_to_addrs(&target.host, &target.addresses)
        .user_agent(concat!("Fairhire/", env!("CARGO_PKG_VERSION")))
        .build()
        .context("building the HTTP client")?;
    let request = client.post(target.url);
    let request = if json {
        request
            .bearer_auth(
                delivery
                    .secrets
                    .whatsapp_access_token
                    .as_deref()
                    .unwrap_or_default(),
            )
            .header(reqwest::header::CONTENT_TYPE, "application/json")
    } else {
        request
            .basic_auth(&settings.account_sid, Some(&delivery.secrets.auth_token))
            .header(reqwest::header::CONTENT_TYPE, "application/x-www-form-urlencoded")
    };
    // The error's text names the host, never the request body.
    let response = request
        .body(request_body)
        .send()
        .await
        .map_err(|e| anyhow::anyhow!("the provider could not be reached: {}", e.without_url()))?;
    let status = response.status();
    if status.is_server_error() {
        anyhow::bail!("the provider answered {}", status.as_u16());
    }
    if !status.is_success() {
        return Ok(Sent::Refused(status.as_u16()));
    }
    let answer: serde_json::Value = response.json().await.unwrap_or_default();
    let id = if json {
        answer["messages"][0]["id"].as_str()
    } else {
        answer["sid"].as_str()
    };
    // Accepted even when the id cannot be read: sending again would duplicate it.
    Ok(Sent::Accepted(id.unwrap_or("(no id in the answer)").to_string()))
}
