//! Storing an upload: who may, when, what is accepted, and the row that records it.

use crate::transaction::BeginWrite as _;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ConnectionTrait, EntityTrait, TransactionSession, TransactionTrait,
};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::{
    access::SupplierAccess,
    assessments::status,
    audit::{self, AuditEntry},
    clock,
    entities::{assessment, evidence_file},
    error::{DomainError, FieldError},
    files::FileStore,
    questionnaire::{Definition, QuestionType},
    values::{Lines, refuse_control_characters},
};

/// The longest filename kept (characters).
const MAX_FILENAME: usize = 200;

/// An upload as received, before any check.
#[derive(Debug)]
pub struct Upload {
    /// The name the client gave the file (may contain a path; only the base is kept).
    pub filename: String,
    /// The content; its size is bounded by whoever read it off the wire.
    pub bytes: Vec<u8>,
    /// The `file` question it is meant for, if the client said.
    pub question_key: Option<String>,
}

/// Only the supplier's own users add evidence, and only while the assessment can
/// still be answered. Cheap, so the API checks it before reading the body.
pub fn may_upload(access: SupplierAccess, assessment: &assessment::Model) -> Result<(), DomainError> {
    if access != SupplierAccess::OwnSupplier {
        return Err(DomainError::Forbidden(
            "only the supplier's own users upload its evidence",
        ));
    }
    if !status::editable(&assessment.status) {
        return Err(DomainError::Conflict(format!(
            "this assessment is {} and can no longer be changed",
            assessment.status
        )));
    }
    Ok(())
}

/// The file's name without any path or control characters, at most 200 characters
/// (`evidence` if nothing is left).
pub fn clean_filename(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or(raw);
    let base: String = base
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_FILENAME)
        .collect();
    let base = base.trim();
    if base.is_empty() || base == "." || base == ".." {
        "evidence".into()
    } else {
        base.to_string()
    }
}

/// Stores an upload for `assessment`: checks the caller and state
/// ([`may_upload`]), the content (non-empty, an accepted type — every problem
/// listed), the question (a `file` question of `definition`); writes the bytes,
/// then the row and the audit entry in one transaction. If the transaction fails
/// the bytes are removed again, so no object is left without a row.
pub async fn store_upload<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    files: &FileStore,
    assessment: &assessment::Model,
    definition: &Definition,
    access: SupplierAccess,
    upload: Upload,
    actor: Uuid,
) -> Result<evidence_file::Model, DomainError> {
    may_upload(access, assessment)?;
    let content_type = check(&upload, definition)?;
    let id = Uuid::now_v7();
    let key = super::storage_key(assessment.company_id, assessment.id, id);
    let row = evidence_file::ActiveModel {
        id: Set(id),
        company_id: Set(assessment.company_id),
        supplier_id: Set(assessment.supplier_id),
        assessment_id: Set(Some(assessment.id)),
        question_key: Set(upload.question_key),
        filename: Set(clean_filename(&upload.filename)),
        content_type: Set(content_type.into()),
        size_bytes: Set(i64::try_from(upload.bytes.len()).unwrap_or(i64::MAX)),
        sha256: Set(hex::encode(Sha256::digest(&upload.bytes))),
        storage_key: Set(key.clone()),
        uploaded_by: Set(Some(actor)),
        created_at: Set(clock::now()),
    };
    files
        .put(&key, upload.bytes)
        .await
        .map_err(DomainError::Internal)?;
    match record(db, assessment.id, row, actor).await {
        Ok(stored) => Ok(stored),
        Err(e) => {
            if let Err(cleanup) = files.delete(&key).await {
                tracing::warn!(file_id = %id, error = %cleanup, "an unrecorded evidence file was left in storage");
            }
            Err(e)
        }
    }
}

/// The detected type, or every reason the upload is refused.
fn check(upload: &Upload, definition: &Definition) -> Result<&'static str, DomainError> {
    let mut errors = Vec::new();
    // A name is cleaned of paths, but a control character in it is no name a
    // person gave a file: refused, as in every other text (issue #22).
    if let Err(message) = refuse_control_characters(&upload.filename, Lines::One) {
        errors.push(FieldError::new("file", format!("the file name {message}")));
    }
    let detected = if upload.bytes.is_empty() {
        errors.push(FieldError::new("file", "the file is empty"));
        None
    } else {
        let found = super::kind::detect(&upload.bytes);
        if found.is_none() {
            errors.push(FieldError::new("file", super::kind::ACCEPTED));
        }
        found
    };
    if let Some(key) = &upload.question_key
        && definition
            .question(key)
            .is_none_or(|q| q.kind != QuestionType::File)
    {
        errors.push(FieldError::new(
            "question_key",
            format!("'{key}' is not a file question of this assessment"),
        ));
    }
    match detected {
        Some(found) if errors.is_empty() => Ok(found),
        _ => Err(DomainError::Invalid(errors)),
    }
}

/// Inserts the row and its audit entry, re-reading the assessment inside the
/// transaction so an upload racing a submit does not land after it.
async fn record<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    assessment_id: Uuid,
    row: evidence_file::ActiveModel,
    actor: Uuid,
) -> Result<evidence_file::Model, DomainError> {
    let txn = db.begin_write().await?;
    let current = assessment::Entity::find_by_id(assessment_id)
        .one(&txn)
        .await?
        .ok_or(DomainError::NotFound("assessment"))?;
    if !status::editable(&current.status) {
        return Err(DomainError::Conflict(format!(
            "this assessment is {} and can no longer be changed",
            current.status
        )));
    }
    let stored = row.insert(&txn).await?;
    audit::record(
        &txn,
        AuditEntry {
            company_id: Some(stored.company_id),
            actor_user_id: Some(actor),
            action: "evidence.uploaded",
            entity_type: "evidence_file",
            entity_id: Some(stored.id),
            before: None,
            // Metadata only: never the content, and not the name (it may name a worker).
            after: Some(serde_json::json!({
                "assessment_id": assessment_id,
                "question_key": stored.question_key,
                "content_type": stored.content_type,
                "size_bytes": stored.size_bytes,
                "sha256": stored.sha256,
            })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(stored)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filenames_keep_only_a_short_base_name() {
        assert_eq!(clean_filename("../../etc/policy.pdf"), "policy.pdf");
        assert_eq!(clean_filename("C:\\Users\\me\\payslips.pdf"), "payslips.pdf");
        assert_eq!(clean_filename("a\u{0}b\r\n.pdf"), "ab.pdf");
        assert_eq!(clean_filename("dir/"), "evidence");
        assert_eq!(clean_filename(".."), "evidence");
        assert_eq!(clean_filename(&"é".repeat(300)).chars().count(), 200);
    }
}
