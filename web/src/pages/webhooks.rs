//! Webhooks (company view, officers and admins): the list with the subscribe form
//! (`GET/POST /companies/{cid}/webhooks`), one webhook's recent deliveries
//! (`GET /webhooks/{id}`), disabling or re-enabling it (`POST /webhooks/{id}/active`)
//! and deleting it (`POST /webhooks/{id}/delete`). The same domain use cases as the
//! API's `/webhooks` routes; the secret is write-only here too (a hint is shown).

use std::collections::BTreeMap;

use actix_web::{HttpResponse, get, http::StatusCode, post, web};
use askama::Template;
use domain::transaction::BeginWrite as _;
use domain::{
    DomainError,
    entities::{webhook, webhook_delivery},
    events,
    webhooks::{self, NewWebhook, Window, target},
};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    context::{Layout, Member},
    error::{ErrorKind, OrPage, PortalError},
    form::CsrfForm,
    i18n::Tr,
    pages::see_other,
    routes,
    state::PortalState,
};

/// How many delivery attempts the webhook's page shows (the API pages the rest).
const RECENT_DELIVERIES: u64 = 50;

/// A webhook as the pages show it (never the secret).
pub struct WebhookRow {
    url: String,
    events: Vec<String>,
    secret_hint: String,
    active: bool,
    failures: i32,
    created: String,
    href: String,
    active_action: String,
    delete_action: String,
    test_action: String,
}

impl From<webhook::Model> for WebhookRow {
    fn from(w: webhook::Model) -> Self {
        Self {
            events: w
                .events
                .as_array()
                .map(|names| {
                    names
                        .iter()
                        .filter_map(|e| e.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default(),
            secret_hint: webhooks::secret_hint(&w.secret),
            active: w.active,
            failures: w.consecutive_failures,
            created: w.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
            href: routes::webhook(w.id),
            active_action: routes::webhook_active(w.id),
            delete_action: routes::webhook_delete(w.id),
            test_action: routes::webhook_test(w.id),
            url: w.url,
        }
    }
}

/// The list and the subscribe form.
#[derive(Template)]
#[template(path = "webhooks.html")]
pub struct WebhooksPage {
    l: Layout,
    action: String,
    rows: Vec<WebhookRow>,
    url: String,
    /// Every event, and whether its box is ticked.
    chosen: Vec<(&'static str, bool)>,
    secret: String,
    min_secret: usize,
    /// By field (`url`, `events`, `secret`): what is wrong, in the visitor's words.
    errors: BTreeMap<&'static str, String>,
    /// `created`, `disabled`, `enabled` or `deleted` after a form.
    done: String,
}

/// Every event with whether `chosen` names it.
fn ticked(chosen: &[String]) -> Vec<(&'static str, bool)> {
    events::ALL
        .iter()
        .map(|e| (*e, chosen.iter().any(|c| c == e)))
        .collect()
}

/// `?done=` after a form.
#[derive(Deserialize)]
pub struct DoneQuery {
    #[serde(default)]
    done: String,
}

async fn list_page(state: &PortalState, member: &Member, cid: Uuid) -> Result<WebhooksPage, PortalError> {
    let (rows, _) = webhooks::webhooks_of(&state.db, &member.caller, cid, Window::default())
        .await
        .or_page(member.t())?;
    Ok(WebhooksPage {
        l: member.layout(),
        action: routes::webhooks(cid),
        rows: rows.into_iter().map(WebhookRow::from).collect(),
        url: String::new(),
        chosen: ticked(&[]),
        secret: String::new(),
        min_secret: webhooks::MIN_SECRET_CHARS,
        errors: BTreeMap::new(),
        done: String::new(),
    })
}

/// The company's webhooks (officers and admins).
#[get("/companies/{cid}/webhooks")]
pub async fn list(
    state: web::Data<PortalState>,
    member: Member,
    cid: web::Path<Uuid>,
    query: web::Query<DoneQuery>,
) -> Result<HttpResponse, PortalError> {
    member.caller.company_manager(*cid).or_page(member.t())?;
    let mut page = list_page(&state, &member, *cid).await?;
    page.done = query.into_inner().done;
    member.render(&page)
}

/// What is wrong with a subscription, by field (empty when it can be stored), and
/// the URL as it will be stored. The rules are the domain's ([`webhooks::check`],
/// [`target::resolve`]).
async fn problems(
    state: &PortalState,
    url: &str,
    events: &[String],
    secret: &str,
    t: Tr,
) -> Result<(BTreeMap<&'static str, String>, String), PortalError> {
    let mut errors = BTreeMap::new();
    match webhooks::check(events, secret) {
        Ok(_) => {}
        Err(DomainError::Invalid(fields)) => {
            for field in fields {
                if field.field == "secret" && field.message.contains(domain::values::CONTROL_CHARACTERS) {
                    errors.insert("secret", t.get("err-control-characters"));
                } else if field.field == "secret" {
                    errors.insert(
                        "secret",
                        t.arg1("webhook-secret-short", "min", webhooks::MIN_SECRET_CHARS),
                    );
                } else {
                    errors.insert("events", t.get("webhook-events-missing"));
                }
            }
        }
        Err(other) => return Err(PortalError::from_domain(other, t)),
    }
    let checked = match target::resolve(url, state.config.webhook_allow_private).await {
        Ok(target) => target.url.to_string(),
        Err(_) => {
            errors.insert("url", t.get("webhook-url-refused"));
            String::new()
        }
    };
    Ok((errors, checked))
}

/// Subscribes a URL; a refused one is shown again with each problem beside its
/// field and nothing stored.
#[post("/companies/{cid}/webhooks")]
pub async fn create(
    state: web::Data<PortalState>,
    member: Member,
    cid: web::Path<Uuid>,
    form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, PortalError> {
    let (cid, t) = (*cid, member.t());
    member.caller.company_manager(cid).or_page(t)?;
    let field = |name: &str| {
        form.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_string())
            .unwrap_or_default()
    };
    let (url, secret) = (field("url"), field("secret"));
    let chosen: Vec<String> = form
        .0
        .iter()
        .filter(|(k, _)| k == "events")
        .map(|(_, v)| v.clone())
        .collect();
    let (errors, checked) = problems(&state, &url, &chosen, &secret, t).await?;
    if !errors.is_empty() {
        let mut page = list_page(&state, &member, cid).await?;
        page.url = url;
        page.chosen = ticked(&chosen);
        page.secret = secret;
        page.errors = errors;
        let mut response = member.render(&page)?;
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(response);
    }
    let txn = state.db.begin_write().await.or_page(t)?;
    webhooks::create(
        &txn,
        NewWebhook {
            company_id: cid,
            url: checked,
            events: chosen,
            secret,
            actor: member.caller.user_id,
        },
    )
    .await
    .or_page(t)?;
    txn.commit().await.or_page(t)?;
    Ok(see_other(&format!("{}?done=created", routes::webhooks(cid))).finish())
}

/// One webhook and its recent deliveries.
#[derive(Template)]
#[template(path = "webhook.html")]
pub struct WebhookPage {
    l: Layout,
    hook: WebhookRow,
    list_href: String,
    deliveries: Vec<webhook_delivery::Model>,
    /// A test event was just queued (`?done=test`).
    test_sent: bool,
}

/// `?done=test` after the send-test-event form.
#[derive(Deserialize)]
pub struct ShowQuery {
    #[serde(default)]
    done: String,
}

/// A webhook's delivery log, newest first (officers and admins).
#[get("/webhooks/{id}")]
pub async fn show(
    state: web::Data<PortalState>,
    member: Member,
    id: web::Path<Uuid>,
    query: web::Query<ShowQuery>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let hook = webhooks::managed(&state.db, &member.caller, *id)
        .await
        .or_page(t)?;
    let window = Window {
        offset: 0,
        limit: Some(RECENT_DELIVERIES),
    };
    let (deliveries, _) = webhooks::deliveries_of(&state.db, &hook, window)
        .await
        .or_page(t)?;
    member.render(&WebhookPage {
        l: member.layout(),
        list_href: routes::webhooks(hook.company_id),
        hook: hook.into(),
        deliveries,
        test_sent: query.done == "test",
    })
}

/// The disable / re-enable form.
#[derive(Deserialize)]
pub struct ActiveForm {
    active: String,
}

/// Disables or re-enables a webhook.
#[post("/webhooks/{id}/active")]
pub async fn set_active(
    state: web::Data<PortalState>,
    member: Member,
    id: web::Path<Uuid>,
    form: CsrfForm<ActiveForm>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let active = match form.0.active.as_str() {
        "true" => true,
        "false" => false,
        _ => return Err(member.fail(ErrorKind::BadRequest)),
    };
    let company = webhooks::switch_webhook(&state.db, &member.caller, *id, active)
        .await
        .or_page(t)?
        .company_id;
    let done = if active { "enabled" } else { "disabled" };
    Ok(see_other(&format!("{}?done={done}", routes::webhooks(company))).finish())
}

/// Deletes a webhook and its delivery log (the page asks to confirm first).
#[post("/webhooks/{id}/delete")]
pub async fn delete(
    state: web::Data<PortalState>,
    member: Member,
    id: web::Path<Uuid>,
    _form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let company = webhooks::delete_webhook(&state.db, &member.caller, *id)
        .await
        .or_page(t)?
        .company_id;
    Ok(see_other(&format!("{}?done=deleted", routes::webhooks(company))).finish())
}
