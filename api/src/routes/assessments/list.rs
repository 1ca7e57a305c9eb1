//! `GET /companies/{cid}/assessments`.

use actix_web::{HttpResponse, get, web};
use domain::{assessments::status, entities::assessment};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    pagination::{PageQuery, Paginated},
    routes::assessments::{AssessmentResponse, responses},
    state::ApiState,
};

/// Filters.
#[derive(Debug, Deserialize, IntoParams)]
pub struct AssessmentQuery {
    /// Only this status.
    pub status: Option<String>,
    /// Only this supplier.
    pub supplier_id: Option<Uuid>,
}

/// The company's assessments, newest first (officers, admins, advisors).
#[utoipa::path(
    tag = "assessments",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id"), AssessmentQuery, PageQuery),
    responses((status = 200, body = Paginated<AssessmentResponse>), (status = 404, body = Problem), (status = 422, body = Problem))
)]
#[get("/companies/{cid}/assessments")]
pub async fn list_assessments(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    filter: web::Query<AssessmentQuery>,
    page: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let cid = cid.into_inner();
    caller.0.company_role(cid)?;
    let page = page.into_inner().checked()?;
    let mut query = assessment::Entity::find().filter(assessment::Column::CompanyId.eq(cid));
    if let Some(wanted) = &filter.status {
        if !status::ALL.contains(&wanted.as_str()) {
            return Err(ApiError::invalid_field(
                "status",
                format!("must be one of {}", status::ALL.join(", ")),
            ));
        }
        query = query.filter(assessment::Column::Status.eq(wanted.as_str()));
    }
    if let Some(supplier) = filter.supplier_id {
        query = query.filter(assessment::Column::SupplierId.eq(supplier));
    }
    let total = query.clone().count(&state.db).await?;
    let rows = query
        .order_by_desc(assessment::Column::CreatedAt)
        .order_by_desc(assessment::Column::Id)
        .offset(page.offset())
        .limit(page.per_page)
        .all(&state.db)
        .await?;
    Ok(HttpResponse::Ok().json(Paginated::new(responses(&state.db, rows).await?, total, page)))
}
