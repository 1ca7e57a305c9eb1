//! `POST /auth/register`: a new company and its first (admin) user.

use actix_web::{HttpRequest, HttpResponse, post, web};
use domain::{
    accounts::{self, RegisterCompany},
    error::FieldError,
    values::{Email, NewPassword, RequiredText},
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    error::{ApiError, ApiResult, Problem},
    extract::JsonBody,
    routes::auth::TokenResponse,
    state::ApiState,
};

/// The registration form.
#[derive(Debug, Deserialize, ToSchema)]
pub struct RegisterRequest {
    /// The company's name.
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub company_name: String,
    /// Your name.
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: String,
    /// Your email (your login).
    #[schema(format = Email, max_length = 254)]
    pub email: String,
    /// At least 10 characters.
    #[schema(min_length = 10, max_length = 1024)]
    pub password: String,
}

/// A user as shown to themselves.
#[derive(Debug, Serialize, ToSchema)]
pub struct UserView {
    /// The new user's id.
    pub id: Uuid,
    /// The address the user signs in with (stored lower-cased).
    pub email: String,
    /// The user's display name.
    pub name: String,
}

/// An organization, briefly.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrganizationView {
    /// The new company's id: the `{cid}` of every company route.
    pub id: Uuid,
    /// The company's name as registered.
    pub name: String,
    /// `company` or `supplier`.
    pub kind: String,
}

/// What registration returns.
#[derive(Debug, Serialize, ToSchema)]
pub struct RegisterResponse {
    /// The new user (admin of the new company).
    pub user: UserView,
    /// The new company.
    pub organization: OrganizationView,
    /// Token for the new user.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: &'static str,
    /// Seconds until the token expires.
    pub expires_in: u64,
}

fn parse(body: RegisterRequest) -> Result<(RegisterCompany, NewPassword), ApiError> {
    let mut errors = Vec::new();
    let company_name = RequiredText::parse(&body.company_name, 200)
        .map_err(|m| errors.push(FieldError::new("company_name", m)))
        .ok();
    let name = RequiredText::parse(&body.name, 200)
        .map_err(|m| errors.push(FieldError::new("name", m)))
        .ok();
    let email = Email::parse(&body.email)
        .map_err(|m| errors.push(FieldError::new("email", m)))
        .ok();
    let password = NewPassword::parse(&body.password)
        .map_err(|m| errors.push(FieldError::new("password", m)))
        .ok();
    match (company_name, name, email, password) {
        (Some(company_name), Some(name), Some(email), Some(password)) if errors.is_empty() => Ok((
            RegisterCompany {
                company_name,
                name,
                email,
                password_hash: String::new(),
            },
            password,
        )),
        _ => Err(domain::DomainError::Invalid(errors).into()),
    }
}

/// Registers a company; you become its admin.
#[utoipa::path(
    tag = "auth",
    request_body = RegisterRequest,
    responses(
        (status = 201, body = RegisterResponse),
        (status = 409, body = Problem, description = "The email is already registered"),
        (status = 422, body = Problem),
    )
)]
#[post("/register")]
pub async fn register(
    req: HttpRequest,
    state: web::Data<ApiState>,
    body: JsonBody<RegisterRequest>,
) -> ApiResult<HttpResponse> {
    let (mut input, password) = parse(body.0)?;
    input.password_hash = crate::auth::password::hash(password).await?;
    let registered = accounts::register_company(&state.db, input).await?;
    let token = TokenResponse::sign_in(&state, &req, registered.user.id, None).await?;
    tracing::info!(user_id = %registered.user.id, company_id = %registered.organization.id, "company registered");
    Ok(HttpResponse::Created().json(RegisterResponse {
        user: UserView {
            id: registered.user.id,
            email: registered.user.email,
            name: registered.user.name,
        },
        organization: OrganizationView {
            id: registered.organization.id,
            name: registered.organization.name,
            kind: registered.organization.kind,
        },
        access_token: token.access_token,
        token_type: token.token_type,
        expires_in: token.expires_in,
    }))
}
