//! Query parameters and path segments are text too: one holding a control
//! character (a NUL from a hostile client, which PostgreSQL cannot even compare
//! against) is refused before any route reads it, by the same rule as every body
//! field (`domain::values::refuse_control_characters`): a 422 naming the
//! parameter, or a 404 for a path, since no resource is named so.

use actix_web::{
    Error, ResponseError,
    body::{BoxBody, MessageBody},
    dev::{ServiceRequest, ServiceResponse},
    middleware::Next,
};
use domain::values::{Lines, refuse_control_characters};

use crate::error::ApiError;

/// The middleware; wrap the `/api/v1` scope with `from_fn(plain_text::middleware)`.
pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    if let Some(problem) = refusal(req.path(), req.query_string()) {
        let response = problem.error_response();
        return Ok(req.into_response(response));
    }
    next.call(req).await.map(ServiceResponse::map_into_boxed_body)
}

fn refusal(path: &str, query: &str) -> Option<ApiError> {
    let decoded_path = percent_decode(path);
    if refuse_control_characters(&decoded_path, Lines::One).is_err() {
        return Some(ApiError::NotFound("the resource".into()));
    }
    // Parameters are one line each: filters, search terms, codes, languages.
    for (name, value) in form_urlencoded_pairs(query) {
        if let Err(message) = refuse_control_characters(&name, Lines::One) {
            return Some(ApiError::invalid_field(
                "query",
                format!("a parameter name {message}"),
            ));
        }
        if let Err(message) = refuse_control_characters(&value, Lines::One) {
            return Some(ApiError::invalid_field(name, message));
        }
    }
    None
}

fn form_urlencoded_pairs(query: &str) -> Vec<(String, String)> {
    // An unreadable query string is left to the route's own 400.
    actix_web::web::Query::<Vec<(String, String)>>::from_query(query)
        .map(actix_web::web::Query::into_inner)
        .unwrap_or_default()
}

fn percent_decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::refusal;

    #[test]
    fn control_characters_in_parameters_and_paths_are_refused() {
        assert!(refusal("/api/v1/companies/x/suppliers", "q=tej&sector=apparel").is_none());
        assert!(refusal("/api/v1/companies/x/suppliers", "q=caf%C3%A9+norte").is_none());
        match refusal("/api/v1/companies/x/suppliers", "q=tej%00idos") {
            Some(crate::ApiError::Unprocessable(errors)) => assert_eq!(errors[0].field.as_deref(), Some("q")),
            other => panic!("unexpected {other:?}"),
        }
        assert!(matches!(
            refusal("/api/v1/companies/x/suppliers", "sector=a%0Ab"),
            Some(crate::ApiError::Unprocessable(_))
        ));
        assert!(matches!(
            refusal("/api/v1/voice/channels/ab%00cd", ""),
            Some(crate::ApiError::NotFound(_))
        ));
    }
}
