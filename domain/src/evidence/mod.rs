//! Evidence files: what a supplier uploads to back an answer (a policy, a payslip
//! sample) and a `file` question names by id. The bytes live in the file store
//! ([`crate::files::FileStore`]) under a key the platform builds; the
//! `evidence_files` row says whose they are. The type is decided from the content,
//! never from the name or the declared type, and the file is only ever served back
//! as that type.

pub mod find;
pub mod kind;
pub mod upload;

use uuid::Uuid;

/// Where an evidence file's bytes are stored: ids only, never user input, so a
/// filename cannot steer the write (`../`) or collide with another tenant's file.
pub fn storage_key(company_id: Uuid, assessment_id: Uuid, file_id: Uuid) -> String {
    format!("evidence/{company_id}/{assessment_id}/{file_id}")
}
