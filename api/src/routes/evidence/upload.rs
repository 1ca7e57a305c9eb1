//! `POST /assessments/{aid}/evidence` (multipart/form-data: `file`, optional
//! `question_key`).

use actix_multipart::Multipart;
use actix_web::{HttpResponse, post, web};
use domain::{
    access::SupplierAccess,
    assessments::status,
    audit::{self, AuditEntry},
    entities::evidence_file,
    files::detect_evidence_type,
    questionnaire::QuestionType,
};
use futures_util::{StreamExt, TryStreamExt};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, TransactionTrait};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    routes::{
        assessments::{definition_for, readable},
        evidence::EvidenceResponse,
    },
    state::ApiState,
};

/// The uploaded parts.
struct Upload {
    filename: String,
    bytes: Vec<u8>,
    question_key: Option<String>,
}

async fn read_parts(mut multipart: Multipart, limit: usize) -> Result<Upload, ApiError> {
    let mut file: Option<(String, Vec<u8>)> = None;
    let mut question_key = None;
    while let Some(mut field) = multipart
        .try_next()
        .await
        .map_err(|e| ApiError::BadRequest(format!("the multipart body cannot be read: {e}")))?
    {
        let name = field.name().unwrap_or_default().to_string();
        let filename = field
            .content_disposition()
            .and_then(|d| d.get_filename())
            .map(str::to_string);
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk =
                chunk.map_err(|e| ApiError::BadRequest(format!("the upload was interrupted: {e}")))?;
            if bytes.len() + chunk.len() > limit {
                return Err(ApiError::PayloadTooLarge(limit));
            }
            bytes.extend_from_slice(&chunk);
        }
        match name.as_str() {
            "file" => file = Some((filename.unwrap_or_else(|| "evidence".into()), bytes)),
            "question_key" => question_key = Some(String::from_utf8_lossy(&bytes).trim().to_string()),
            _ => {}
        }
    }
    let (filename, bytes) =
        file.ok_or_else(|| ApiError::invalid_field("file", "send the file in a part named 'file'"))?;
    Ok(Upload {
        filename,
        bytes,
        question_key: question_key.filter(|k| !k.is_empty()),
    })
}

/// The file's name without any path, at most 200 characters.
fn clean_filename(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or(raw).trim();
    let base: String = base.chars().filter(|c| !c.is_control()).take(200).collect();
    if base.is_empty() { "evidence".into() } else { base }
}

/// Uploads evidence (the supplier's own users, while the assessment is editable).
/// The type is checked from the content: PDF, images, text/CSV, Excel/Word.
#[utoipa::path(
    tag = "assessments",
    security(("bearer" = [])),
    params(("aid" = Uuid, Path, description = "Assessment id")),
    request_body(content = String, content_type = "multipart/form-data", description = "`file` (the evidence) and optionally `question_key`"),
    responses(
        (status = 201, body = EvidenceResponse),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 409, body = Problem),
        (status = 413, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[post("/assessments/{aid}/evidence")]
pub async fn upload_evidence(
    state: web::Data<ApiState>,
    caller: Authenticated,
    aid: web::Path<Uuid>,
    multipart: Multipart,
) -> ApiResult<HttpResponse> {
    let (found, _, access) = readable(&state.db, &caller.0, aid.into_inner()).await?;
    if access != SupplierAccess::OwnSupplier {
        return Err(ApiError::Forbidden(
            "only the supplier's own users upload its evidence".into(),
        ));
    }
    if !status::editable(&found.status) {
        return Err(ApiError::Conflict(format!(
            "this assessment is {} and can no longer be changed",
            found.status
        )));
    }
    let upload = read_parts(multipart, state.config.file_limit).await?;
    if upload.bytes.is_empty() {
        return Err(ApiError::invalid_field("file", "the file is empty"));
    }
    let content_type = detect_evidence_type(&upload.bytes).ok_or_else(|| {
        ApiError::invalid_field(
            "file",
            "this file type is not accepted (PDF, images, text/CSV, Excel/Word)",
        )
    })?;
    if let Some(key) = &upload.question_key {
        let definition = definition_for(&state.db, &found).await?;
        if definition
            .question(key)
            .is_none_or(|q| q.kind != QuestionType::File)
        {
            return Err(ApiError::invalid_field(
                "question_key",
                "is not a file question of this assessment",
            ));
        }
    }
    let id = Uuid::now_v7();
    let storage_key = format!("evidence/{}/{}/{}", found.company_id, found.id, id);
    let sha256 = hex::encode(Sha256::digest(&upload.bytes));
    let size = i64::try_from(upload.bytes.len()).unwrap_or(i64::MAX);
    state
        .files
        .put(&storage_key, upload.bytes)
        .await
        .map_err(ApiError::Internal)?;
    let txn = state.db.begin().await?;
    let row = evidence_file::ActiveModel {
        id: Set(id),
        company_id: Set(found.company_id),
        supplier_id: Set(found.supplier_id),
        assessment_id: Set(Some(found.id)),
        question_key: Set(upload.question_key),
        filename: Set(clean_filename(&upload.filename)),
        content_type: Set(content_type.into()),
        size_bytes: Set(size),
        sha256: Set(sha256),
        storage_key: Set(storage_key),
        uploaded_by: Set(Some(caller.0.user_id)),
        created_at: Set(domain::clock::now()),
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        AuditEntry {
            company_id: Some(row.company_id),
            actor_user_id: Some(caller.0.user_id),
            action: "evidence.uploaded",
            entity_type: "evidence_file",
            entity_id: Some(row.id),
            before: None,
            after: Some(serde_json::json!({"assessment_id": found.id, "size_bytes": row.size_bytes, "content_type": row.content_type})),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(EvidenceResponse::from(row)))
}
