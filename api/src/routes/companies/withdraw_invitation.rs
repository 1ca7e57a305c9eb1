//! `DELETE /companies/{cid}/invitations/{id}`: withdraw a pending invitation (the
//! id `POST /companies/{cid}/advisors` answered); its link stops working.

use actix_web::{HttpResponse, delete, web};
use domain::{accounts, transaction::BeginWrite as _};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    state::ApiState,
};

/// Withdraws a pending invitation (officers and admins). An accepted one is a
/// `409`: remove the member instead.
#[utoipa::path(
    tag = "companies",
    security(("bearer" = [])),
    params(
        ("cid" = Uuid, Path, description = "Company id"),
        ("id" = Uuid, Path, description = "Invitation id"),
    ),
    responses(
        (status = 204, description = "Withdrawn"),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 409, body = Problem, description = "Already accepted"),
    )
)]
#[delete("/invitations/{id}")]
pub async fn withdraw_invitation(
    state: web::Data<ApiState>,
    caller: Authenticated,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (cid, id) = path.into_inner();
    let txn = state.db.begin_write().await?;
    accounts::withdraw_invitation(&txn, &caller.0, cid, id).await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
