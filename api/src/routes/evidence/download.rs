//! `GET /evidence/{id}`: the file itself.

use actix_web::{HttpResponse, get, web};
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    state::ApiState,
};

/// Downloads an evidence file, as the type detected at upload and always as an
/// attachment (whoever may read its supplier's assessments; anyone else 404).
#[utoipa::path(
    tag = "assessments",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Evidence file id")),
    responses(
        // Every type `domain::evidence::kind::detect` accepts at upload, so that the
        // document names what the server really sends.
        (status = 200, description = "The file's bytes, with the type detected at upload", content(
            (Vec<u8> = "application/pdf"),
            (Vec<u8> = "image/png"),
            (Vec<u8> = "image/jpeg"),
            (Vec<u8> = "image/webp"),
            (Vec<u8> = "text/plain"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            (Vec<u8> = "application/zip"),
        )),
        (status = 404, body = Problem)
    )
)]
#[get("/{id}")]
pub async fn download_evidence(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let row = domain::evidence::find::readable(&state.db, &caller.0, id.into_inner()).await?;
    let bytes = state
        .files
        .get(&row.storage_key)
        .await
        .map_err(ApiError::Internal)?;
    Ok(HttpResponse::Ok()
        .content_type(row.content_type.as_str())
        .insert_header(("Content-Disposition", content_disposition(&row.filename)))
        // The type was checked at upload; the browser must not guess another.
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .insert_header(("Cache-Control", "private, no-store"))
        .body(bytes))
}

/// `attachment` with an ASCII fallback name (quotes, backslashes and anything
/// outside printable ASCII become `_`) and, when the name is not plain ASCII, the
/// exact name as RFC 5987 `filename*` (RFC 6266 §4.3).
fn content_disposition(filename: &str) -> String {
    let fallback: String = filename
        .chars()
        .map(|c| {
            if (c.is_ascii_graphic() && c != '"' && c != '\\') || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if fallback == filename {
        return format!("attachment; filename=\"{fallback}\"");
    }
    let encoded: String = filename
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::content_disposition;

    #[test]
    fn names_are_safe_in_the_header() {
        assert_eq!(
            content_disposition("policy.pdf"),
            "attachment; filename=\"policy.pdf\""
        );
        assert_eq!(
            content_disposition("a\"b\\c.pdf"),
            "attachment; filename=\"a_b_c.pdf\"; filename*=UTF-8''a%22b%5Cc.pdf"
        );
        assert_eq!(
            content_disposition("politique é.pdf"),
            "attachment; filename=\"politique _.pdf\"; filename*=UTF-8''politique%20%C3%A9.pdf"
        );
    }
}
