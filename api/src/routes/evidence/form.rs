//! Reading the upload's `multipart/form-data` body: one `file` part, an optional
//! `question_key`, every part bounded as it streams in.

use actix_multipart::{Multipart, MultipartError};
use domain::evidence::upload::Upload;
use futures_util::{StreamExt, TryStreamExt};

use crate::error::ApiError;

/// What the parts other than `file` may add up to (they are short text fields).
const FIELDS_LIMIT: usize = 16 * 1024;

/// The multipart body's framing (part headers, boundaries) on top of the file
/// itself; a declared length beyond the file limit plus this cannot fit.
pub const FRAMING_ALLOWANCE: usize = 64 * 1024;

/// Reads the parts, refusing a file over `file_limit` bytes (413) as soon as the
/// stream passes it, so no more than the limit is ever held in memory.
pub async fn read_upload(mut multipart: Multipart, file_limit: usize) -> Result<Upload, ApiError> {
    let mut file: Option<(String, Vec<u8>)> = None;
    let mut question_key: Option<Vec<u8>> = None;
    let mut fields_used = 0;
    while let Some(mut field) = multipart.try_next().await.map_err(unreadable)? {
        let name = field.name().unwrap_or_default().to_string();
        let is_file = name == "file";
        if is_file && file.is_some() {
            return Err(ApiError::invalid_field("file", "send one file per upload"));
        }
        let limit = if is_file {
            file_limit
        } else {
            FIELDS_LIMIT - fields_used
        };
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(unreadable)?;
            if bytes.len() + chunk.len() > limit {
                return Err(ApiError::PayloadTooLarge(file_limit));
            }
            bytes.extend_from_slice(&chunk);
        }
        if is_file {
            let filename = field
                .content_disposition()
                .and_then(|d| d.get_filename())
                .unwrap_or("evidence")
                .to_string();
            file = Some((filename, bytes));
        } else {
            fields_used += bytes.len();
            if name == "question_key" {
                question_key = Some(bytes);
            }
        }
    }
    let (filename, bytes) =
        file.ok_or_else(|| ApiError::invalid_field("file", "send the file in a part named 'file'"))?;
    let question_key = match question_key {
        None => None,
        Some(raw) => {
            let text = String::from_utf8(raw)
                .map_err(|_| ApiError::invalid_field("question_key", "must be text (UTF-8)"))?;
            Some(text.trim().to_string()).filter(|k| !k.is_empty())
        }
    };
    Ok(Upload {
        filename,
        bytes,
        question_key,
    })
}

/// A body that is not multipart at all is the wrong content type (415); one that
/// breaks off or is malformed is a bad request (400).
fn unreadable(error: MultipartError) -> ApiError {
    match error {
        MultipartError::ContentTypeMissing
        | MultipartError::ContentTypeParse
        | MultipartError::ContentTypeIncompatible
        | MultipartError::BoundaryMissing => ApiError::UnsupportedMediaType(
            "send the file as multipart/form-data with a part named 'file'".into(),
        ),
        other => ApiError::BadRequest(format!("the multipart body cannot be read: {other}")),
    }
}
