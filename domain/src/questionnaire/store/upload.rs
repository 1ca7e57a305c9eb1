//! A company's own questionnaire, uploaded: the one use case behind
//! `POST /api/v1/companies/{cid}/questionnaires` and the portal's upload form.

use crate::database::Database;
use serde_json::Value;
use uuid::Uuid;

use crate::{
    access::Caller, entities::questionnaire, error::DomainError, questionnaire::validate::parse_definition,
    transaction::BeginWrite as _,
};

/// Stores `raw` as a questionnaire of company `company_id`. Officers and admins
/// only (another member: `Forbidden`; not a member: `NotFound`). An invalid
/// definition is `Invalid`, listing every broken rule with its JSON path; a key
/// and version the company (or the built-ins) already has is a `Conflict`.
pub async fn upload(
    db: &Database,
    caller: &Caller,
    company_id: Uuid,
    raw: &Value,
) -> Result<questionnaire::Model, DomainError> {
    caller.company_manager(company_id)?;
    let definition = parse_definition(raw).map_err(DomainError::Invalid)?;
    let txn = db.begin_write().await?;
    let row = super::create_for_company(&txn, company_id, caller.user_id, &definition).await?;
    txn.commit().await?;
    Ok(row)
}
