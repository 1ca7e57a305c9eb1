//! `PATCH /recruiters/{id}`.

use actix_web::{HttpResponse, patch, web};
use domain::recruiters::{self, LicenceInput, RecruiterInput, recruiter_profile};
use domain::transaction::BeginWrite as _;
use serde::{Deserialize, Deserializer};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::{
    auth::Authenticated,
    error::{ApiResult, Problem},
    extract::JsonBody,
    routes::recruiters::RecruiterResponse,
    state::ApiState,
};

/// A licence as sent.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LicenceRequest {
    /// The number on the licence.
    pub number: String,
    /// ISO 3166-1 alpha-2 of the issuing country.
    pub issuing_country: String,
    /// The issuing authority, as written on the licence.
    pub authority: String,
    /// `YYYY-MM-DD`, when it expires.
    #[serde(default)]
    pub expires_on: Option<String>,
}

/// What the company records about a recruiter; an absent field is left as it is,
/// `null` clears it, a list replaces the stored one.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateRecruiterRequest {
    /// The recruiter of the same registry this one is a sub-agent of (no loops).
    #[serde(default, deserialize_with = "present")]
    pub sub_agent_of: Option<Option<Uuid>>,
    /// The company's suppliers it works for.
    pub works_for: Option<Vec<Uuid>>,
    /// The countries it recruits from (ISO 3166-1 alpha-2).
    pub origin_countries: Option<Vec<String>>,
    /// Its licences.
    pub licences: Option<Vec<LicenceRequest>>,
    /// `none`, `applied`, `certified` or `suspended`, as the company's source says;
    /// other than `none`, a date and a source are required.
    pub iris_status: Option<String>,
    /// The date the status holds from (`YYYY-MM-DD`).
    #[serde(default, deserialize_with = "present")]
    pub iris_status_on: Option<Option<String>>,
    /// Where the company read the status (for example IOM's published list).
    #[serde(default, deserialize_with = "present")]
    pub iris_source: Option<Option<String>>,
}

/// A field that is present (even as `null`) is `Some`, so `null` can clear a value.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

/// Records a recruiter's links, origin countries, licences and IRIS status
/// (officers and admins); every bad field is named in the 422 and nothing changes.
#[utoipa::path(
    tag = "fee-audits",
    security(("bearer" = [])),
    request_body = UpdateRecruiterRequest,
    params(("id" = Uuid, Path, description = "Recruiter id")),
    responses(
        (status = 200, body = RecruiterResponse),
        (status = 403, body = Problem),
        (status = 404, body = Problem),
        (status = 422, body = Problem),
    )
)]
#[patch("")]
pub async fn update_recruiter(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
    body: JsonBody<UpdateRecruiterRequest>,
) -> ApiResult<HttpResponse> {
    let body = body.0;
    let input = RecruiterInput {
        sub_agent_of: body.sub_agent_of,
        works_for: body.works_for,
        origin_countries: body.origin_countries,
        licences: body.licences.map(|list| {
            list.into_iter()
                .map(|l| LicenceInput {
                    number: l.number,
                    issuing_country: l.issuing_country,
                    authority: l.authority,
                    expires_on: l.expires_on,
                })
                .collect()
        }),
        iris_status: body.iris_status,
        iris_status_on: body.iris_status_on,
        iris_source: body.iris_source,
    };
    let txn = state.db.begin_write().await?;
    let updated = recruiters::update_recruiter(&txn, &caller.0, id.into_inner(), input).await?;
    let profile = recruiter_profile(&txn, &caller.0, updated.id).await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().json(RecruiterResponse::from(profile)))
}
