//! `GET /companies/{cid}/exports/findings.csv`.

use actix_web::{HttpResponse, get, web};
use domain::database::Database;
use domain::{
    entities::finding,
    exports::{self, ExportedFinding},
    listing::Window,
};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    routes::exports::{PAGE, csv_response, paged},
    state::ApiState,
};

const HEADER: &[&str] = &[
    "finding_id",
    "supplier_id",
    "supplier_name",
    "assessment_id",
    "fee_audit_id",
    "severity",
    "indicator",
    "question_key",
    "title",
    "detail",
    "status",
    "created_at",
    "action_id",
    "action_description",
    "action_due_date",
    "action_owner_email",
    "action_status",
    "action_note",
];

/// The company's findings and their corrective actions, as CSV: one line per
/// action, or one line with empty action columns for a finding without any
/// (officers, admins and advisors).
#[utoipa::path(
    tag = "exports",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id")),
    responses((status = 200, content_type = "text/csv", body = String), (status = 403, body = Problem), (status = 404, body = Problem))
)]
#[get("/exports/findings.csv")]
pub async fn export_findings(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let cid = cid.into_inner();
    exports::may_export_findings(&caller.0, cid)?;
    let db = state.db.clone();
    let body = paged(HEADER, move |offset| page(db.clone(), cid, offset));
    Ok(csv_response("findings.csv", body))
}

/// One page of findings, expanded into lines with their actions.
async fn page(db: Database, cid: Uuid, offset: u64) -> Result<(Vec<Vec<String>>, u64), ApiError> {
    let findings = exports::findings_page(&db, cid, Window::page(offset, PAGE)).await?;
    let read = findings.len() as u64;
    let mut lines = Vec::with_capacity(findings.len());
    for ExportedFinding {
        finding: f,
        supplier_name,
        actions: own,
    } in findings
    {
        let base = finding_cells(&f, supplier_name);
        if own.is_empty() {
            let mut line = base.clone();
            line.extend(std::iter::repeat_n(String::new(), 6));
            lines.push(line);
        }
        for a in own {
            let mut line = base.clone();
            line.extend([
                a.id.to_string(),
                a.description.clone(),
                a.due_date.to_string(),
                a.owner_email.clone().unwrap_or_default(),
                a.status.clone(),
                a.note.clone().unwrap_or_default(),
            ]);
            lines.push(line);
        }
    }
    Ok((lines, read))
}

fn finding_cells(f: &finding::Model, supplier_name: String) -> Vec<String> {
    vec![
        f.id.to_string(),
        f.supplier_id.to_string(),
        supplier_name,
        f.assessment_id.map(|id| id.to_string()).unwrap_or_default(),
        f.fee_audit_id.map(|id| id.to_string()).unwrap_or_default(),
        f.severity.clone(),
        f.indicator.clone(),
        f.question_key.clone().unwrap_or_default(),
        f.title.clone(),
        f.detail.clone(),
        f.status.clone(),
        f.created_at.to_rfc3339(),
    ]
}
