//! `GET /suppliers/{sid}/fee-audits/new` and `POST /suppliers/{sid}/fee-audits`:
//! an officer uploads a recruitment-fee audit (CSV) — the same domain use case as
//! `POST /suppliers/{sid}/fee-audits` in the API. Stored: on to its results.
//! Refused: every bad row is listed beside the upload form, and nothing is stored.

use std::io::Cursor;

use actix_web::{HttpResponse, get, http::StatusCode, post, web};
use askama::Template;
use domain::transaction::BeginWrite as _;
use domain::{
    fee_audit::engine::RowError,
    fee_audit::store::{self, Intent},
};
use uuid::Uuid;

use crate::{
    context::{Layout, Member},
    error::{OrPage, PortalError},
    form::CsrfUpload,
    pages::{finish_upload, see_other},
    routes,
    state::PortalState,
};

/// The upload page, with the bad rows of a refused file.
#[derive(Template)]
#[template(path = "fee_audit_upload.html")]
pub struct FeeAuditUploadPage {
    l: Layout,
    supplier_name: String,
    supplier_href: String,
    action: String,
    /// The company's FX rates, which the upload converts with.
    rates_href: String,
    /// `missing`: no file chosen.
    problem: String,
    rows: Vec<RowError>,
}

/// The upload form.
#[get("/suppliers/{sid}/fee-audits/new")]
pub async fn show(
    state: web::Data<PortalState>,
    member: Member,
    sid: web::Path<Uuid>,
) -> Result<HttpResponse, PortalError> {
    let supplier = store::supplier_for(&state.db, &member.caller, *sid, Intent::Upload)
        .await
        .or_page(member.t())?;
    member.render(&FeeAuditUploadPage {
        l: member.layout(),
        supplier_name: supplier.name,
        supplier_href: routes::supplier(supplier.id),
        action: routes::fee_audit_upload(supplier.id),
        rates_href: routes::fx_rates(supplier.company_id),
        problem: String::new(),
        rows: Vec::new(),
    })
}

/// Stores the audit (all or nothing) and shows its results, or lists every bad row.
#[post("/suppliers/{sid}/fee-audits")]
pub async fn upload(
    state: web::Data<PortalState>,
    member: Member,
    sid: web::Path<Uuid>,
    form: CsrfUpload,
) -> Result<HttpResponse, PortalError> {
    let t = member.t();
    let supplier = store::supplier_for(&state.db, &member.caller, *sid, Intent::Upload)
        .await
        .or_page(t)?;
    let again = |problem: &str, rows: Vec<RowError>| -> Result<HttpResponse, PortalError> {
        let mut response = member.render(&FeeAuditUploadPage {
            l: member.layout(),
            supplier_name: supplier.name.clone(),
            supplier_href: routes::supplier(supplier.id),
            action: routes::fee_audit_upload(supplier.id),
            rates_href: routes::fx_rates(supplier.company_id),
            problem: problem.into(),
            rows,
        })?;
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        Ok(response)
    };
    let Some((_, bytes)) = form.file.filter(|(_, b)| !b.is_empty()) else {
        return again("missing", Vec::new());
    };
    let txn = state.db.begin_write().await.or_page(t)?;
    let today = domain::clock::now().date_naive();
    let result =
        store::upload_fee_audit(&txn, &supplier, member.caller.user_id, Cursor::new(bytes), today).await;
    match finish_upload(txn, result, t).await? {
        Ok(store::StoredFeeAudit { audit, .. }) => {
            tracing::info!(fee_audit_id = %audit.id, rows = audit.row_count, "fee audit stored from the portal");
            Ok(see_other(&routes::fee_audit(audit.id)).finish())
        }
        Err(rows) => again("rows", rows),
    }
}
