//! `POST /companies/{cid}/advisors`: invite an external reviewer.

use actix_web::{HttpResponse, post, web};
use domain::transaction::BeginWrite as _;
use domain::{
    accounts::{self, Invite},
    entities::organization,
    values::{Email, Locale, Role},
};
use sea_orm::EntityTrait;
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
#[post("/companies/{cid}/advisors")]
pub async fn invite_advisor(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    body: JsonBody<InviteAdvisorRequest>,
) -> ApiResult<HttpResponse> {
    let cid = cid.into_inner();
    caller.0.company_manager(cid)?;
    let email = Email::parse(&body.0.email).map_err(|m| ApiError::invalid_field("email", m))?;
    let company = organization::Entity::find_by_id(cid)
        .one(&state.db)
        .await?
        .ok_or_else(|| ApiError::NotFound("company".into()))?;
    let txn = state.db.begin_write().await?;
    let invitation = accounts::invite(
        &txn,
        Invite {
            company_id: cid,
            company_name: company.name.clone(),
            organization_id: cid,
            organization_name: company.name,
            email,
            role: Role::Advisor,
            invited_by: Some(caller.0.user_id),
            public_url: state.config.public_url.clone(),
            locale: Locale::parse(&company.locale).unwrap_or_default(),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(InvitationCreated {
        invitation_id: invitation.id,
    }))
}
