//! A supplier's findings and corrective actions (`GET /suppliers/{sid}/findings`)
//! and progress updates on an action (`POST /actions/{id}`: `in_progress`/`done`
//! and a note, within the domain's role rules). For the company's reviewers each
//! finding also carries its forms — edit, dismiss, add a corrective action (see
//! `finding_edit`, `finding_dismiss`, `action_new`) — and a refused one comes back
//! here with its values and a message per field.

use actix_web::{HttpResponse, get, http::StatusCode, post, web};
use askama::Template;
use domain::transaction::BeginWrite as _;
use domain::{
    access::{SupplierAccess, readable},
    entities::{corrective_action, finding, supplier},
    findings::{self, ActionChange},
};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    context::{Layout, Member},
    error::{OrPage, PortalError},
    finding_forms::{ActionForm, DismissForm, EditForm, Filled, SEVERITIES},
    form::CsrfForm,
    load,
    pages::see_other,
    routes,
    state::PortalState,
};

/// One finding with its actions and, for reviewers, its forms.
pub struct Item {
    f: finding::Model,
    actions: Vec<corrective_action::Model>,
    edit: Filled<EditForm>,
    dismiss: Filled<DismissForm>,
    action: Filled<ActionForm>,
}

/// The page.
#[derive(Template)]
#[template(path = "findings.html")]
pub struct FindingsPage {
    l: Layout,
    supplier_name: String,
    items: Vec<Item>,
    /// The company's reviewers see the forms that change findings.
    can_edit: bool,
    severities: [&'static str; 3],
    statuses: [&'static str; 3],
    /// What the last form did (`?done=`), said back.
    notice: Option<String>,
}

/// `?done=` after a form on the page.
#[derive(Deserialize, Default)]
pub struct Done {
    #[serde(default)]
    done: Option<String>,
}

impl Done {
    fn notice_key(&self) -> Option<&'static str> {
        match self.done.as_deref()? {
            "updated" => Some("notice-finding-updated"),
            "dismissed" => Some("notice-finding-dismissed"),
            "confirmed" => Some("notice-finding-confirmed"),
            "action" => Some("notice-action-added"),
            _ => None,
        }
    }
}

/// A reviewer's form that was refused: which finding, and what came back.
pub enum Refused {
    /// The edit form.
    Edit(Filled<EditForm>),
    /// The dismiss form.
    Dismiss(Filled<DismissForm>),
    /// The add-action form.
    Action(Filled<ActionForm>),
}

async fn build(
    state: &PortalState,
    member: &Member,
    supplier: supplier::Model,
    access: SupplierAccess,
    done: &Done,
) -> Result<FindingsPage, PortalError> {
    let t = member.t();
    let found = findings::read::of_supplier(&state.db, supplier.id)
        .await
        .or_page(t)?;
    let actions = findings::read::actions_of_supplier(&state.db, supplier.id)
        .await
        .or_page(t)?;
    let today = domain::clock::now().date_naive();
    let items = found
        .into_iter()
        .map(|f| {
            let mine = actions.iter().filter(|a| a.finding_id == f.id).cloned().collect();
            // The due date offered is the CAP timeline of the severity (§3.6).
            let due = findings::default_due_date(&f.severity, today);
            Item {
                edit: Filled::new(EditForm {
                    severity: f.severity.clone(),
                    title: f.title.clone(),
                    detail: f.detail.clone(),
                    status: f.status.clone(),
                }),
                dismiss: Filled::default(),
                action: Filled::new(ActionForm {
                    due_date: due.to_string(),
                    ..ActionForm::default()
                }),
                actions: mine,
                f,
            }
        })
        .collect();
    Ok(FindingsPage {
        l: member.layout(),
        supplier_name: supplier.name,
        items,
        can_edit: load::require_reviewer(access, &member.caller, t).is_ok(),
        severities: SEVERITIES,
        statuses: findings::status::ALL,
        notice: done.notice_key().map(|key| t.get(key)),
    })
}

/// The list.
#[get("/suppliers/{sid}/findings")]
pub async fn list(
    state: web::Data<PortalState>,
    member: Member,
    sid: web::Path<Uuid>,
    done: web::Query<Done>,
) -> Result<HttpResponse, PortalError> {
    let (supplier, access) = load::supplier(&state.db, &member.caller, *sid, member.t()).await?;
    let page = build(&state, &member, supplier, access, &done).await?;
    member.render(&page)
}

/// The page again with one refused form of finding `id` as typed, and 422.
pub async fn refused(
    state: &PortalState,
    member: &Member,
    supplier: supplier::Model,
    access: SupplierAccess,
    id: Uuid,
    form: Refused,
) -> Result<HttpResponse, PortalError> {
    let mut page = build(state, member, supplier, access, &Done::default()).await?;
    if let Some(item) = page.items.iter_mut().find(|i| i.f.id == id) {
        match form {
            Refused::Edit(filled) => item.edit = filled,
            Refused::Dismiss(filled) => item.dismiss = filled,
            Refused::Action(filled) => item.action = filled,
        }
    }
    let mut response = member.render(&page)?;
    *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

/// Where a reviewer's form on finding `f` goes back to when it succeeded.
pub fn back_to(f: &finding::Model, done: &str) -> String {
    format!(
        "{}?done={done}#finding-{}",
        routes::supplier_findings(f.supplier_id),
        f.id
    )
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
    let reached = readable::action(&state.db, &member.caller, *id)
        .await
        .or_page(t)?;
    let form = form.0;
    let txn = state.db.begin_write().await.or_page(t)?;
    findings::change_action(
        &txn,
        reached.row,
        member.caller.user_id,
        reached.access.role(),
        ActionChange {
            status: Some(form.status),
            note: Some(form.note.trim().to_string()).filter(|n| !n.is_empty()),
        },
    )
    .await
    .or_page(t)?;
    txn.commit().await.or_page(t)?;
    Ok(see_other(&routes::supplier_findings(reached.supplier.id)).finish())
}
