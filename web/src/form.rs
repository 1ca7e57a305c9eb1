//! Every portal form is read through [`CsrfForm`]: it checks the CSRF field
//! against the cookie before anything else, so no POST handler can forget it.

use std::{collections::BTreeMap, future::Future, pin::Pin};

use actix_web::{FromRequest, HttpRequest, dev::Payload};
use domain::DomainError;
use futures_util::StreamExt;
use serde::de::DeserializeOwned;

use crate::{
    csrf,
    error::{ErrorKind, PortalError},
    i18n::{self, Tr},
};

/// The largest form body the portal reads.
const LIMIT: usize = 256 * 1024;

/// A urlencoded form whose `csrf_token` field matched the cookie, parsed into `T`
/// (`Vec<(String, String)>` keeps repeated fields, e.g. checkboxes).
pub struct CsrfForm<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for CsrfForm<T> {
    type Error = PortalError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let mut payload = payload.take();
        Box::pin(async move {
            let t = Tr::new(i18n::locale(&req));
            let mut body = Vec::new();
            while let Some(chunk) = payload.next().await {
                let chunk = chunk.map_err(|_| PortalError::new(ErrorKind::BadRequest, t))?;
                if body.len() + chunk.len() > LIMIT {
                    return Err(PortalError::new(ErrorKind::BadRequest, t));
                }
                body.extend_from_slice(&chunk);
            }
            let pairs: Vec<(String, String)> =
                serde_urlencoded::from_bytes(&body).map_err(|_| PortalError::new(ErrorKind::Csrf, t))?;
            let token = pairs
                .iter()
                .find(|(k, _)| k == "csrf_token")
                .map(|(_, v)| v.as_str())
                .unwrap_or_default();
            if !csrf::verify(&req, token) {
                return Err(PortalError::new(ErrorKind::Csrf, t));
            }
            serde_urlencoded::from_bytes(&body)
                .map(CsrfForm)
                .map_err(|_| PortalError::new(ErrorKind::BadRequest, t))
        })
    }
}

/// The largest evidence file the portal accepts (as the API: 20 MiB).
pub const FILE_LIMIT: usize = 20 * 1024 * 1024;

/// A `multipart/form-data` upload whose `csrf_token` part matched the cookie:
/// its text fields and its one file (`file`: name and bytes).
pub struct CsrfUpload {
    /// The text parts.
    pub fields: Vec<(String, String)>,
    /// The file part, if one was sent with content.
    pub file: Option<(String, Vec<u8>)>,
}

impl FromRequest for CsrfUpload {
    type Error = PortalError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let multipart = actix_multipart::Multipart::new(req.headers(), payload.take());
        Box::pin(async move {
            let t = Tr::new(i18n::locale(&req));
            let bad = || PortalError::new(ErrorKind::BadRequest, t);
            let mut multipart = multipart;
            let mut upload = CsrfUpload {
                fields: Vec::new(),
                file: None,
            };
            let mut total = 0usize;
            // Until the token is seen, an unreadable body is a forged form (403).
            let refuse = |fields: &[(String, String)]| {
                let token = fields
                    .iter()
                    .find(|(k, _)| k == "csrf_token")
                    .map(|(_, v)| v.as_str());
                if token.is_some_and(|v| csrf::verify(&req, v)) {
                    bad()
                } else {
                    PortalError::new(ErrorKind::Csrf, t)
                }
            };
            while let Some(field) = multipart.next().await {
                let mut field = field.map_err(|_| refuse(&upload.fields))?;
                let name = field.name().unwrap_or_default().to_string();
                let filename = field
                    .content_disposition()
                    .and_then(|d| d.get_filename())
                    .map(str::to_string);
                let mut bytes = Vec::new();
                while let Some(chunk) = field.next().await {
                    let chunk = chunk.map_err(|_| refuse(&upload.fields))?;
                    total += chunk.len();
                    if total > FILE_LIMIT + LIMIT {
                        return Err(refuse(&upload.fields));
                    }
                    bytes.extend_from_slice(&chunk);
                }
                match filename {
                    Some(filename) if name == "file" => upload.file = Some((filename, bytes)),
                    _ => upload
                        .fields
                        .push((name, String::from_utf8_lossy(&bytes).into_owned())),
                }
            }
            let token = upload
                .fields
                .iter()
                .find(|(k, _)| k == "csrf_token")
                .map(|(_, v)| v.as_str())
                .unwrap_or_default();
            if !csrf::verify(&req, token) {
                return Err(PortalError::new(ErrorKind::Csrf, t));
            }
            Ok(upload)
        })
    }
}

/// A domain refusal of a form's fields as messages beside them, in the reader's
/// language (the catalog's `{prefix}-error-{field}`, the domain names the field); any
/// other refusal is the page's error.
pub fn messages_beside_fields(
    t: Tr,
    prefix: &str,
    error: DomainError,
) -> Result<BTreeMap<String, String>, PortalError> {
    match error {
        DomainError::Invalid(found) => Ok(found
            .into_iter()
            .map(|e| {
                let message = t.get(&format!("{prefix}-error-{}", e.field));
                (e.field, message)
            })
            .collect()),
        other => Err(PortalError::from_domain(other, t)),
    }
}
