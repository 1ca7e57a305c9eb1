//! `DELETE /sites/{id}`.

use actix_web::{HttpResponse, delete, web};
use domain::{sites, transaction::BeginWrite as _};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    state::ApiState,
};

/// Deletes a site (the company's officers and admins); the audit trail keeps it.
#[utoipa::path(
    tag = "sites",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Site id")),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem))
)]
#[delete("")]
pub async fn delete_site(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let (site, _) = sites::site_for_managing(&state.db, &caller.0, id.into_inner()).await?;
    let txn = state.db.begin_write().await?;
    sites::delete_site(&txn, site, caller.0.user_id).await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}
