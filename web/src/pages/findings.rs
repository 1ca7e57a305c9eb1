//! A supplier's findings and corrective actions (`GET /suppliers/{sid}/findings`)
//! and progress updates on an action (`POST /actions/{id}`: `in_progress`/`done`
//! and a note, within the domain's role rules).

use actix_web::{HttpResponse, get, post, web};
use askama::Template;
use domain::transaction::BeginWrite as _;
use domain::{
    access::SupplierAccess,
    entities::{corrective_action, finding},
    findings::{self, ActionChange},
    values::Role,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    context::{Layout, Member},
    error::{OrPage, PortalError},
    form::CsrfForm,
    load,
    pages::see_other,
    routes,
    state::PortalState,
};

/// The page.
#[derive(Template)]
#[template(path = "findings.html")]
pub struct FindingsPage {
    l: Layout,
    supplier_name: String,
    items: Vec<(finding::Model, Vec<corrective_action::Model>)>,
}

/// The list.
#[get("/suppliers/{sid}/findings")]
pub async fn list(
    state: web::Data<PortalState>,
    member: Member,
    sid: web::Path<Uuid>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let (supplier, _) = load::supplier(&state.db, &member.caller, *sid, t).await?;
    let found = finding::Entity::find()
        .filter(finding::Column::SupplierId.eq(supplier.id))
        .order_by_desc(finding::Column::CreatedAt)
        .all(&state.db)
        .await
        .or_page(t)?;
    let actions = corrective_action::Entity::find()
        .filter(corrective_action::Column::SupplierId.eq(supplier.id))
        .order_by_asc(corrective_action::Column::DueDate)
        .all(&state.db)
        .await
        .or_page(t)?;
    let items = found
        .into_iter()
        .map(|f| {
            let mine = actions.iter().filter(|a| a.finding_id == f.id).cloned().collect();
            (f, mine)
        })
        .collect();
    member.render(&FindingsPage {
        l: member.layout(),
        supplier_name: supplier.name,
        items,
    })
}

/// The progress form.
#[derive(Deserialize)]
pub struct ProgressForm {
    status: String,
    #[serde(default)]
    note: String,
}

/// Updates an action's progress.
#[post("/actions/{id}")]
pub async fn progress(
    state: web::Data<PortalState>,
    member: Member,
    id: web::Path<Uuid>,
    form: CsrfForm<ProgressForm>,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let action = corrective_action::Entity::find_by_id(*id)
        .one(&state.db)
        .await
        .or_page(t)?
        .or_page(t)?;
    let (supplier, access) = load::supplier(&state.db, &member.caller, action.supplier_id, t).await?;
    let role = match access {
        SupplierAccess::Company(role) => role,
        SupplierAccess::OwnSupplier => Role::Supplier,
    };
    let form = form.0;
    let txn = state.db.begin_write().await.or_page(t)?;
    findings::change_action(
        &txn,
        action,
        member.caller.user_id,
        role,
        ActionChange {
            status: Some(form.status),
            note: Some(form.note.trim().to_string()).filter(|n| !n.is_empty()),
        },
    )
    .await
    .or_page(t)?;
    txn.commit().await.or_page(t)?;
    Ok(see_other(&routes::supplier_findings(supplier.id)).finish())
}
