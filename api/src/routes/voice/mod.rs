//! Worker voice over the API: the public, unauthenticated reporting door
//! (`public`), and the company side — channels and posters, cases, the referral
//! directory and the dashboard figures. Case routes answer 404 to anyone but the
//! company's admins, officers and advisors (supplier users included).

pub mod case_referrals;
pub mod cases;
pub mod channels;
pub mod inbound;
pub mod languages;
pub mod messaging;
pub mod metrics;
pub mod promise;
pub mod public;
pub mod pulse;
pub mod referrals;

use chrono::{DateTime, Utc};
use domain::entities::{referral_service, voice_case, voice_channel, voice_poster};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// A referral service as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReferralResponse {
    /// The referral service's id, for `PUT`/`DELETE /referral-services/{id}`.
    pub id: Uuid,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// `hotline`, `ngo`, `iom`, `labour_inspection`, `legal_aid` or `other`.
    pub kind: String,
    /// The service's name as shown to workers.
    pub name: String,
    /// Phone.
    pub phone: Option<String>,
    /// Where workers can write to the service, if it takes email.
    pub email: Option<String>,
    /// Website.
    pub url: Option<String>,
    /// Language codes it answers in.
    pub languages: Vec<String>,
    /// What it does.
    pub description: String,
    /// Demonstration data: not a real contact.
    pub example: bool,
    /// Countries whose nationals it serves (empty: everyone in `country`).
    pub serves_nationals: Vec<String>,
}

impl From<referral_service::Model> for ReferralResponse {
    fn from(r: referral_service::Model) -> Self {
        Self {
            id: r.id,
            country: r.country,
            kind: r.kind,
            name: r.name,
            phone: r.phone,
            email: r.email,
            url: r.url,
            languages: r
                .languages
                .split(',')
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect(),
            description: r.description,
            example: r.example,
            serves_nationals: r
                .serves_nationals
                .split(',')
                .filter(|c| !c.is_empty())
                .map(str::to_string)
                .collect(),
        }
    }
}

/// A channel as the company sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChannelResponse {
    /// The channel's id, for its posters and cases (not the public token).
    pub id: Uuid,
    /// The supplier site.
    pub supplier_id: Uuid,
    /// The public token.
    pub token: String,
    /// The public link workers open (also in the QR code).
    pub url: String,
    /// The languages offered.
    pub locales: Vec<String>,
    /// The same languages with their names and translation status (how each
    /// was made, whether a native speaker reviewed it).
    pub languages: Vec<languages::LanguageResponse>,
    /// Whether reports are accepted.
    pub active: bool,
    /// When it was opened.
    pub created_at: DateTime<Utc>,
}

impl ChannelResponse {
    /// From a row, with links under `public_url`.
    pub fn new(c: voice_channel::Model, public_url: &str) -> Self {
        Self {
            url: format!(
                "{}{}",
                public_url.trim_end_matches('/'),
                domain::voice::channels::path(&c.token)
            ),
            locales: domain::voice::channels::locales(&c),
            languages: domain::voice::channels::locales(&c)
                .iter()
                .map(|code| languages::LanguageResponse::of(code))
                .collect(),
            id: c.id,
            supplier_id: c.supplier_id,
            token: c.token,
            active: c.active,
            created_at: c.created_at,
        }
    }
}

/// A poster request.
#[derive(Debug, Serialize, ToSchema)]
pub struct PosterResponse {
    /// The poster's id: `GET /voice/posters/{id}/pdf` once it is ready.
    pub id: Uuid,
    /// The channel.
    pub channel_id: Uuid,
    /// The languages on it.
    pub locales: Vec<String>,
    /// `queued`, `ready` or `failed`.
    pub status: String,
    /// When it was requested.
    pub created_at: DateTime<Utc>,
    /// When the PDF was ready.
    pub ready_at: Option<DateTime<Utc>>,
}

impl From<voice_poster::Model> for PosterResponse {
    fn from(p: voice_poster::Model) -> Self {
        Self {
            id: p.id,
            channel_id: p.channel_id,
            locales: p.locales.split(',').map(str::to_string).collect(),
            status: p.status,
            created_at: p.created_at,
            ready_at: p.ready_at,
        }
    }
}

/// A case in a list (no words: those are in the case itself).
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseSummary {
    /// The case's id, for `GET`/`PATCH /voice/cases/{id}` (never shown to the worker, who has the case code).
    pub id: Uuid,
    /// The code the reporter holds.
    pub code: String,
    /// The supplier site.
    pub supplier_id: Uuid,
    /// Category key.
    pub category: String,
    /// The ILO indicator it maps to.
    pub indicator: String,
    /// Urgent category.
    pub urgent: bool,
    /// The reporter's language.
    pub locale: String,
    /// `new`, `acknowledged`, `investigating`, `confirmed`, `not_confirmed`, `closed`.
    pub status: String,
    /// When a handler first replied.
    pub first_response_at: Option<DateTime<Utc>>,
    /// When it was reported.
    pub created_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
}

impl From<voice_case::Model> for CaseSummary {
    fn from(c: voice_case::Model) -> Self {
        Self {
            id: c.id,
            code: c.code,
            supplier_id: c.supplier_id,
            category: c.category,
            indicator: c.indicator,
            urgent: c.urgent,
            locale: c.locale,
            status: c.status,
            first_response_at: c.first_response_at,
            created_at: c.created_at,
            updated_at: c.updated_at,
        }
    }
}
