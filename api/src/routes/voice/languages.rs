//! `GET /voice/languages`: the languages a channel can offer, each with how its
//! words were made and whether a native speaker reviewed them, so whoever
//! chooses a channel's `locales` sees that a language is a machine draft before
//! printing its posters. The status is read from each `voice.ftl`
//! (`translation-method`, `translation-reviewed`), never from a list in code.

use actix_web::{HttpResponse, get};
use domain::voice::i18n::{self, VoiceTr};
use serde::Serialize;
use utoipa::ToSchema;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
};

/// A worker-voice language.
#[derive(Debug, Serialize, ToSchema)]
pub struct LanguageResponse {
    /// The code to send in a channel's or poster's `locales`.
    pub code: String,
    /// The language's name in itself (`नेपाली`, `العربية`).
    pub name: String,
    /// `ltr` or `rtl`.
    pub direction: String,
    /// How the words were produced: `source` (English), `human`,
    /// `machine-assisted`, `machine` or `unknown`.
    pub translation_method: String,
    /// Whether a native speaker reviewed them: `yes`, `no` or `unknown`.
    pub native_review: String,
}

impl LanguageResponse {
    /// The language `code` (one with a `voice.ftl`).
    pub fn of(code: &str) -> Self {
        let words = VoiceTr::new(code);
        let translation = words.translation();
        Self {
            code: words.code.to_string(),
            name: words.language_name(),
            direction: words.direction().to_string(),
            translation_method: translation.method.key().to_string(),
            native_review: translation.reviewed.key().to_string(),
        }
    }
}

/// Every worker-voice language, English first (any signed-in user).
#[utoipa::path(
    tag = "worker voice",
    security(("bearer" = [])),
    responses((status = 200, body = Vec<LanguageResponse>), (status = 401, body = Problem))
)]
#[get("/languages")]
pub async fn list_languages(_caller: Authenticated) -> ApiResult<HttpResponse> {
    let items: Vec<LanguageResponse> = i18n::codes().into_iter().map(LanguageResponse::of).collect();
    Ok(HttpResponse::Ok().json(items))
}
