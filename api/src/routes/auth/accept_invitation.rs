//! `POST /invitations/{token}/accept`: join the inviting organization.

use actix_web::{HttpRequest, HttpResponse, post, web};
use domain::{
    accounts::{self, AcceptInvitation},
    error::FieldError,
    values::{NewPassword, RequiredText},
};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::{
    error::{ApiResult, Problem},
    extract::JsonBody,
    routes::auth::TokenResponse,
    state::ApiState,
};

/// What the invitee chooses.
#[derive(Debug, Deserialize, ToSchema)]
pub struct AcceptRequest {
    /// Their name.
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: String,
    /// Their password (at least 10 characters).
    #[schema(min_length = 10, max_length = 1024)]
    pub password: String,
}

/// Accepts an invitation (single use, valid 14 days).
#[utoipa::path(
    tag = "auth",
    request_body = AcceptRequest,
    params(("token" = String, Path, description = "The invitation code from the email")),
    responses(
        (status = 200, body = TokenResponse),
        (status = 404, body = Problem, description = "Unknown invitation"),
        (status = 410, body = Problem, description = "Used or expired invitation"),
        (status = 422, body = Problem),
    )
)]
#[post("/{token}/accept")]
pub async fn accept_invitation(
    req: HttpRequest,
    state: web::Data<ApiState>,
    token: web::Path<String>,
    body: JsonBody<AcceptRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.0;
    let mut errors = Vec::new();
    let name = RequiredText::parse(&body.name, 200)
        .map_err(|m| errors.push(FieldError::new("name", m)))
        .ok();
    let password = NewPassword::parse(&body.password)
        .map_err(|m| errors.push(FieldError::new("password", m)))
        .ok();
    let (Some(name), Some(password)) = (name, password) else {
        return Err(domain::DomainError::Invalid(errors).into());
    };
    let password_hash = crate::auth::password::hash(password).await?;
    let user = accounts::accept_invitation(
        &state.db,
        AcceptInvitation {
            token: token.into_inner(),
            name,
            password_hash,
        },
    )
    .await?;
    // A person who already had an account and a second factor signs in with it.
    Ok(HttpResponse::Ok().json(TokenResponse::sign_in(&state, &req, user.id, None).await?))
}
