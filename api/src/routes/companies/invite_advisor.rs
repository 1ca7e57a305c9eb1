//! `POST /companies/{cid}/advisors`: invite an external reviewer.

use actix_web::{HttpResponse, post, web};
use domain::{
    accounts,
    values::{Email, Role},
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    extract::JsonBody,
    state::ApiState,
};

/// Who to invite.
#[derive(Debug, Deserialize, ToSchema)]
pub struct InviteAdvisorRequest {
    /// Their email; the invitation goes there.
    pub email: String,
    /// Their name, if known.
    pub name: Option<String>,
}

/// The invitation sent.
#[derive(Debug, Serialize, ToSchema)]
pub struct InvitationCreated {
    /// Its id.
    pub invitation_id: Uuid,
}

/// Invites an advisor to the company (officers and admins).
#[utoipa::path(
    tag = "companies",
    security(("bearer" = [])),
    request_body = InviteAdvisorRequest,
    params(("cid" = Uuid, Path, description = "Company id")),
    responses(
        (status = 201, body = InvitationCreated),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[post("/advisors")]
pub async fn invite_advisor(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    body: JsonBody<InviteAdvisorRequest>,
) -> ApiResult<HttpResponse> {
    let cid = cid.into_inner();
    caller.0.company_manager(cid)?;
    let email = Email::parse(&body.0.email).map_err(|m| ApiError::invalid_field("email", m))?;
    let invitation = accounts::invite_to_company(
        &state.db,
        &caller.0,
        cid,
        email,
        Role::Advisor,
        &state.config.public_url,
    )
    .await?;
    Ok(HttpResponse::Created().json(InvitationCreated {
        invitation_id: invitation.id,
    }))
}
