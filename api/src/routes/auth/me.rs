//! `GET /me`: who the token belongs to, and where they are a member.

use actix_web::{HttpResponse, get};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    routes::auth::register::UserView,
};

/// One membership.
#[derive(Debug, Serialize, ToSchema)]
pub struct MembershipResponse {
    /// The organization.
    pub organization_id: Uuid,
    /// Its name.
    pub organization_name: String,
    /// `company` or `supplier`.
    pub kind: String,
    /// `admin`, `officer`, `advisor` or `supplier`.
    pub role: String,
}

/// The caller's profile.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeResponse {
    /// The user.
    pub user: UserView,
    /// Their memberships.
    pub memberships: Vec<MembershipResponse>,
}

/// The caller's profile and memberships.
#[utoipa::path(
    tag = "auth",
    security(("bearer" = [])),
    responses((status = 200, body = MeResponse), (status = 401, body = Problem))
)]
#[get("")]
pub async fn me(caller: Authenticated) -> ApiResult<HttpResponse> {
    let caller = caller.0;
    Ok(HttpResponse::Ok().json(MeResponse {
        user: UserView {
            id: caller.user_id,
            email: caller.email,
            name: caller.name,
        },
        memberships: caller
            .memberships
            .into_iter()
            .map(|m| MembershipResponse {
                organization_id: m.organization_id,
                organization_name: m.organization_name,
                kind: m.kind.as_str().to_string(),
                role: m.role.as_str().to_string(),
            })
            .collect(),
    }))
}
