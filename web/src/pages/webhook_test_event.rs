//! `POST /webhooks/{id}/test`: "send test event" — the same use case as the API's
//! route of that path: a `webhook.test` event queued to this webhook alone, signed
//! like any other. The webhook's page says so and lists the attempt once made.

use actix_web::{HttpResponse, post, web};
use domain::webhooks;
use uuid::Uuid;

use crate::{
    context::Member,
    error::{OrPage, PortalError},
    form::CsrfForm,
    pages::see_other,
    routes,
    state::PortalState,
};

/// Queues the test event (officers and admins).
#[post("/webhooks/{id}/test")]
pub async fn send(
    state: web::Data<PortalState>,
    member: Member,
    id: web::Path<Uuid>,
    _form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let (hook, _) = webhooks::send_test_event(&state.db, &member.caller, *id)
        .await
        .or_page(t)?;
    Ok(see_other(&format!("{}?done=test", routes::webhook(hook.id))).finish())
}
