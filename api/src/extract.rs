//! Request-body extractors that fail the contract's way: wrong content type 415,
//! too large 413, unreadable 400, readable but wrong 422 naming the field (the
//! JSON path comes from serde_path_to_error).

use std::{future::Future, pin::Pin};

use actix_web::{FromRequest, HttpMessage, HttpRequest, dev::Payload, web};
use futures_util::StreamExt;
use serde::de::DeserializeOwned;

use crate::{error::ApiError, state::ApiState};

/// A JSON body parsed into `T`.
pub struct JsonBody<T>(pub T);

/// Reads the whole body, refusing more than `limit` bytes.
pub async fn read_limited<S, E>(
    req: &HttpRequest,
    payload: &mut S,
    limit: usize,
) -> Result<web::Bytes, ApiError>
where
    S: futures_util::Stream<Item = Result<web::Bytes, E>> + Unpin,
    E: std::fmt::Display,
{
    let declared = req
        .headers()
        .get(actix_web::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit) {
        return Err(ApiError::PayloadTooLarge(limit));
    }
    // Sized from the declared length (within the limit): growing by doubling would
    // leave up to half the buffer unused and copy the body on each growth.
    let mut body = web::BytesMut::with_capacity(declared.unwrap_or(0));
    while let Some(chunk) = payload.next().await {
        let chunk =
            chunk.map_err(|e| ApiError::BadRequest(format!("could not read the request body: {e}")))?;
        if body.len() + chunk.len() > limit {
            return Err(ApiError::PayloadTooLarge(limit));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

/// Parses JSON bytes into `T`, mapping syntax errors to 400 and data errors to a
/// 422 naming the JSON path. Every body is a JSON object (serde would otherwise
/// read a struct from an array), and a number written with a zero fraction (`3.0`)
/// counts as the integer it equals, as JSON Schema's `integer` does.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let mut value: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|inner| ApiError::BadRequest(format!("the body is not valid JSON: {inner}")))?;
    if !value.is_object() {
        return Err(ApiError::invalid_field("body", "must be a JSON object"));
    }
    // No text field may carry a NUL or another control character (see
    // domain::values::text); checked before any field is read, for every body.
    let strange = domain::values::control_characters_in_json(&value);
    if !strange.is_empty() {
        return Err(ApiError::from(domain::DomainError::Invalid(strange)));
    }
    integral_numbers_as_integers(&mut value);
    let result: Result<T, _> = serde_path_to_error::deserialize(value);
    result.map_err(|error| {
        let path = error.path().to_string();
        let message = error.into_inner().to_string();
        let field = match (path.as_str(), missing_field(&message)) {
            (".", Some(missing)) => missing,
            (".", None) => "body".to_string(),
            (p, Some(missing)) => format!("{p}.{missing}"),
            (p, None) => p.to_string(),
        };
        ApiError::invalid_field(field, message)
    })
}

/// The largest integer an `f64` holds exactly (2^53).
const EXACT_INTEGER_LIMIT: f64 = 9_007_199_254_740_992.0;

fn integral_numbers_as_integers(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Number(number) => {
            if let Some(float) = number.as_f64().filter(|_| number.is_f64())
                && float.fract() == 0.0
                && float.abs() < EXACT_INTEGER_LIMIT
            {
                #[allow(clippy::cast_possible_truncation)]
                let integer = float as i64;
                *value = serde_json::Value::from(integer);
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(integral_numbers_as_integers),
        serde_json::Value::Object(fields) => fields.values_mut().for_each(integral_numbers_as_integers),
        _ => {}
    }
}

fn missing_field(message: &str) -> Option<String> {
    let rest = message.strip_prefix("missing field `")?;
    Some(rest.split('`').next()?.to_string())
}

fn is_json(req: &HttpRequest) -> bool {
    req.mime_type()
        .ok()
        .flatten()
        .is_some_and(|mime| mime.subtype() == "json" || mime.suffix().is_some_and(|s| s == "json"))
}

impl<T: DeserializeOwned + 'static> FromRequest for JsonBody<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let mut payload = payload.take();
        Box::pin(async move {
            if !is_json(&req) {
                return Err(ApiError::UnsupportedMediaType(
                    "send the body as application/json".into(),
                ));
            }
            let limit = req
                .app_data::<web::Data<ApiState>>()
                .map(|s| s.config.json_limit)
                .unwrap_or(1024 * 1024);
            let bytes = read_limited(&req, &mut payload, limit).await?;
            parse_json(&bytes).map(JsonBody)
        })
    }
}

/// Checks that the body is declared as CSV.
pub fn require_csv(req: &HttpRequest) -> Result<(), ApiError> {
    let is_csv = req
        .mime_type()
        .ok()
        .flatten()
        .is_some_and(|m| m.type_() == "text" && m.subtype() == "csv");
    if is_csv {
        Ok(())
    } else {
        Err(ApiError::UnsupportedMediaType("send the file as text/csv".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Person {
        name: String,
        age: u8,
    }

    #[test]
    fn a_body_is_an_object_and_integral_numbers_are_integers() {
        match parse_json::<Person>(br#"["a", 3]"#) {
            Err(ApiError::Unprocessable(errors)) => assert_eq!(errors[0].field.as_deref(), Some("body")),
            other => panic!("unexpected {other:?}"),
        }
        let person = parse_json::<Person>(br#"{"name": "a", "age": 3.0}"#);
        assert!(matches!(person, Ok(Person { age: 3, .. })), "{person:?}");
        assert!(matches!(
            parse_json::<Person>(br#"{"name": "a", "age": 3.5}"#),
            Err(ApiError::Unprocessable(_))
        ));
    }

    #[test]
    fn syntax_is_400_and_data_is_422_with_the_field() {
        assert!(matches!(parse_json::<Person>(b"{"), Err(ApiError::BadRequest(_))));
        match parse_json::<Person>(br#"{"name": "a"}"#) {
            Err(ApiError::Unprocessable(errors)) => assert_eq!(errors[0].field.as_deref(), Some("age")),
            other => panic!("unexpected {other:?}"),
        }
        match parse_json::<Person>(br#"{"name": "a", "age": "x"}"#) {
            Err(ApiError::Unprocessable(errors)) => assert_eq!(errors[0].field.as_deref(), Some("age")),
            other => panic!("unexpected {other:?}"),
        }
    }
}
