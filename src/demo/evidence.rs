//! A sample evidence file (a one-page PDF payslip summary) for the demo's answered
//! assessments, stored under the same key scheme as uploads
//! (`evidence/{company}/{assessment}/{file}` below the files directory).

use anyhow::Context;
use domain::{
    clock,
    entities::{assessment, evidence_file},
};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait};
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// A minimal valid PDF saying what the file stands for.
const SAMPLE_PDF: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n4 0 obj<</Length 60>>stream\nBT /F1 14 Tf 72 770 Td (Demo payslip sample, 3 months) Tj ET\nendstream endobj\n5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

/// Stores the sample in `files` and records it for `on`; returns its id.
pub async fn payslip_sample<C: ConnectionTrait>(
    db: &C,
    on: &assessment::Model,
    uploaded_by: Uuid,
    files: &domain::files::FileStore,
) -> anyhow::Result<Option<Uuid>> {
    let id = Uuid::now_v7();
    let key = format!("evidence/{}/{}/{}", on.company_id, on.id, id);
    files
        .put(&key, SAMPLE_PDF.to_vec())
        .await
        .map_err(anyhow::Error::msg)
        .context("storing the sample evidence")?;
    evidence_file::ActiveModel {
        id: Set(id),
        company_id: Set(on.company_id),
        supplier_id: Set(on.supplier_id),
        assessment_id: Set(Some(on.id)),
        question_key: Set(None),
        filename: Set("payslips-sample.pdf".into()),
        content_type: Set("application/pdf".into()),
        size_bytes: Set(i64::try_from(SAMPLE_PDF.len()).unwrap_or_default()),
        sha256: Set(hex::encode(Sha256::digest(SAMPLE_PDF))),
        storage_key: Set(key),
        uploaded_by: Set(Some(uploaded_by)),
        created_at: Set(clock::now()),
    }
    .insert(db)
    .await?;
    Ok(Some(id))
}
