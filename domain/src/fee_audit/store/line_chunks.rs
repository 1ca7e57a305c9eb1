//! A stored audit's input lines, each with the rates used (so the audit can be
//! recomputed and shown in a report), kept as chunks of compact CSV: one `INSERT` per
//! few thousand lines instead of one JSON row per line.

use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::UploadError;
use crate::{entities::fee_audit_line_chunk, error::DomainError, fee_audit::engine::AuditedLine};

/// Lines per chunk: a chunk of the benchmark's upload is about 0.7 MB of text, a
/// 200,000-row upload about 50 statements.
pub const LINES_PER_CHUNK: usize = 4096;

/// Collects lines as they stream out of the engine into chunks ready to insert.
pub struct LineChunks {
    fee_audit_id: Uuid,
    lines_per_chunk: usize,
    writer: csv::Writer<Vec<u8>>,
    first_line: Option<u64>,
    last_line: u64,
    lines: usize,
}

impl LineChunks {
    /// Chunks of [`LINES_PER_CHUNK`] lines for the audit.
    pub fn new(fee_audit_id: Uuid) -> Self {
        Self::with_size(fee_audit_id, LINES_PER_CHUNK)
    }

    /// Chunks of `lines_per_chunk` lines (the benchmark compares sizes).
    pub fn with_size(fee_audit_id: Uuid, lines_per_chunk: usize) -> Self {
        Self {
            fee_audit_id,
            lines_per_chunk: lines_per_chunk.max(1),
            writer: new_writer(),
            first_line: None,
            last_line: 0,
            lines: 0,
        }
    }

    /// Adds a line; a full chunk comes back to be inserted.
    pub fn push(
        &mut self,
        line: &AuditedLine,
    ) -> Result<Option<fee_audit_line_chunk::ActiveModel>, UploadError> {
        self.writer.serialize(line).map_err(internal)?;
        self.first_line.get_or_insert(line.row);
        self.last_line = line.row;
        self.lines += 1;
        if self.lines == self.lines_per_chunk {
            return self.take().map(Some);
        }
        Ok(None)
    }

    /// The last, partly filled chunk, if any line is left.
    pub fn finish(mut self) -> Result<Option<fee_audit_line_chunk::ActiveModel>, UploadError> {
        if self.lines == 0 {
            return Ok(None);
        }
        self.take().map(Some)
    }

    fn take(&mut self) -> Result<fee_audit_line_chunk::ActiveModel, UploadError> {
        let writer = std::mem::replace(&mut self.writer, new_writer());
        let bytes = writer.into_inner().map_err(|e| internal(e.into_error()))?;
        // Every cell was checked as UTF-8 when the upload was read.
        let body = String::from_utf8(bytes).map_err(internal)?;
        let line_no = |line: u64| i32::try_from(line).unwrap_or(i32::MAX);
        let first = self.first_line.take().unwrap_or(self.last_line);
        self.lines = 0;
        Ok(fee_audit_line_chunk::ActiveModel {
            id: Set(Uuid::now_v7()),
            fee_audit_id: Set(self.fee_audit_id),
            first_line: Set(line_no(first)),
            last_line: Set(line_no(self.last_line)),
            body: Set(body),
        })
    }
}

fn new_writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new().from_writer(Vec::with_capacity(1 << 20))
}

fn internal(error: impl std::fmt::Display) -> UploadError {
    UploadError::Domain(DomainError::Internal(format!("fee audit lines: {error}")))
}

/// Every stored input line of an audit, in file order, with the rates used.
pub async fn load_audited_lines<C: ConnectionTrait>(
    db: &C,
    fee_audit_id: Uuid,
) -> Result<Vec<AuditedLine>, DomainError> {
    let chunks = fee_audit_line_chunk::Entity::find()
        .filter(fee_audit_line_chunk::Column::FeeAuditId.eq(fee_audit_id))
        .order_by_asc(fee_audit_line_chunk::Column::FirstLine)
        .all(db)
        .await?;
    let mut lines = Vec::new();
    for chunk in chunks {
        for line in csv::Reader::from_reader(chunk.body.as_bytes()).deserialize() {
            let line: AuditedLine = line.map_err(|e| {
                DomainError::Internal(format!(
                    "fee_audit_line_chunks row {} cannot be read: {e}",
                    chunk.id
                ))
            })?;
            lines.push(line);
        }
    }
    Ok(lines)
}
