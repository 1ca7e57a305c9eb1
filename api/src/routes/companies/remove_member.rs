//! `DELETE /companies/{cid}/members/{uid}`: remove a person from the company. The
//! path names the user (the id `GET /me` shows), as the API exposes no membership
//! ids; the person keeps their account and any other membership.

use actix_web::{HttpResponse, delete, web};
use domain::{accounts, transaction::BeginWrite as _};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    state::ApiState,
};

/// Removes a member (officers and admins; only an admin removes an admin; the
/// company's last admin stays: `409`).
#[utoipa::path(
    tag = "companies",
    security(("bearer" = [])),
    params(
        ("cid" = Uuid, Path, description = "Company id"),
        ("uid" = Uuid, Path, description = "The member's user id"),
    ),
    responses(
        (status = 204, description = "Removed"),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 409, body = Problem, description = "The company's last admin"),
    )
)]
#[delete("/members/{uid}")]
pub async fn remove_member(
    state: web::Data<ApiState>,
    caller: Authenticated,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (cid, uid) = path.into_inner();
    let txn = state.db.begin_write().await?;
    accounts::remove_user(&txn, &caller.0, cid, uid).await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
