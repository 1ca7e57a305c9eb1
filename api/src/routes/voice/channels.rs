//! Channels and their posters (company side).

use actix_web::{HttpResponse, get, post, web};
use domain::transaction::BeginWrite as _;
use domain::{
    entities::voice_poster,
    listing::Window,
    voice::{channels, posters, staff},
};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::{ChannelResponse, PosterResponse};
use crate::{
    auth::Authenticated,
    error::{ApiError, ApiResult, Problem},
    extract::JsonBody,
    pagination::{PageQuery, Paginated},
    state::ApiState,
};

/// A channel to open.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CreateChannelRequest {
    /// The supplier site.
    pub supplier_id: Uuid,
    /// Languages for the page and poster (codes with a `voice.ftl`; default all).
    pub locales: Option<Vec<String>>,
}

/// Opens the public reporting channel of a supplier site (officers, admins).
#[utoipa::path(
    tag = "worker voice",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id")),
    request_body = CreateChannelRequest,
    responses((status = 201, body = ChannelResponse), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem))
)]
// `POST /api/v1/companies/{cid}/voice/channels` (the path below is relative to its scope).
#[post("/voice/channels")]
pub async fn create_channel(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    body: JsonBody<CreateChannelRequest>,
) -> ApiResult<HttpResponse> {
    let cid = cid.into_inner();
    caller.0.company_manager(cid)?;
    let body = body.0;
    let requested = body.locales.unwrap_or_else(|| {
        domain::voice::i18n::codes()
            .into_iter()
            .map(str::to_string)
            .collect()
    });
    let languages = channels::parse_locales("locales", &requested)?;
    let supplier = staff::channel_site(&state.db, cid, body.supplier_id).await?;
    let txn = state.db.begin_write().await?;
    let channel = channels::open(&txn, &supplier, caller.0.user_id, &languages).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(ChannelResponse::new(channel, &state.config.public_url)))
}

/// The company's channels (staff).
#[utoipa::path(
    tag = "worker voice",
    security(("bearer" = [])),
    params(("cid" = Uuid, Path, description = "Company id"), PageQuery),
    responses((status = 200, body = Paginated<ChannelResponse>), (status = 404, body = Problem), (status = 422, body = Problem))
)]
// `GET /api/v1/companies/{cid}/voice/channels` (the path below is relative to its scope).
#[get("/voice/channels")]
pub async fn list_channels(
    state: web::Data<ApiState>,
    caller: Authenticated,
    cid: web::Path<Uuid>,
    page: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let cid = cid.into_inner();
    domain::voice::cases::require_staff(&caller.0, cid)?;
    let page = page.into_inner().checked()?;
    let window = Window::page(page.offset(), page.per_page);
    let (rows, total) = staff::channels_of(&state.db, &caller.0, cid, window).await?;
    let items = rows
        .into_iter()
        .map(|c| ChannelResponse::new(c, &state.config.public_url))
        .collect();
    Ok(HttpResponse::Ok().json(Paginated::new(items, total, page)))
}

/// A poster to render.
#[derive(Debug, Deserialize, ToSchema)]
pub struct PosterRequest {
    /// Languages to print, in order (default: the channel's).
    pub locales: Option<Vec<String>>,
}

/// Queues an A4 poster PDF with the link, its QR code and the instructions in
/// each chosen language (officers, admins, advisors).
#[utoipa::path(
    tag = "worker voice",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Channel id")),
    request_body = PosterRequest,
    responses((status = 202, body = PosterResponse), (status = 404, body = Problem), (status = 422, body = Problem))
)]
// `POST /api/v1/voice/channels/{id}/posters` (the path below is relative to its scope).
#[post("/channels/{id}/posters")]
pub async fn request_poster(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
    body: JsonBody<PosterRequest>,
) -> ApiResult<HttpResponse> {
    let channel = staff::handled_channel(&state.db, &caller.0, id.into_inner()).await?;
    let requested = body.0.locales.unwrap_or_else(|| channels::locales(&channel));
    let languages = channels::parse_locales("locales", &requested)?;
    let link = format!(
        "{}{}",
        state.config.public_url.trim_end_matches('/'),
        channels::path(&channel.token)
    );
    let txn = state.db.begin_write().await?;
    let poster = posters::request(&txn, &channel, caller.0.user_id, &languages, &link).await?;
    txn.commit().await?;
    Ok(HttpResponse::Accepted().json(PosterResponse::from(poster)))
}

async fn readable_poster(
    state: &ApiState,
    caller: &domain::access::Caller,
    id: Uuid,
) -> Result<voice_poster::Model, ApiError> {
    Ok(staff::readable_poster(&state.db, caller, id).await?)
}

/// A poster's status.
#[utoipa::path(
    tag = "worker voice",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Poster id")),
    responses((status = 200, body = PosterResponse), (status = 404, body = Problem))
)]
// `GET /api/v1/voice/posters/{id}` (the path below is relative to its scope).
#[get("/posters/{id}")]
pub async fn get_poster(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let poster = readable_poster(&state, &caller.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(PosterResponse::from(poster)))
}

/// The poster PDF once ready (409 before).
#[utoipa::path(
    tag = "worker voice",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Poster id")),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 404, body = Problem), (status = 409, body = Problem))
)]
// `GET /api/v1/voice/posters/{id}/pdf` (the path below is relative to its scope).
#[get("/posters/{id}/pdf")]
pub async fn download_poster(
    state: web::Data<ApiState>,
    caller: Authenticated,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let poster = readable_poster(&state, &caller.0, id.into_inner()).await?;
    let key = match (poster.status.as_str(), &poster.storage_key) {
        (posters::status::READY, Some(key)) => key.clone(),
        (posters::status::FAILED, _) => {
            return Err(ApiError::Conflict("the poster could not be rendered".into()));
        }
        _ => return Err(ApiError::Conflict("the poster is not ready yet".into())),
    };
    let bytes = state.files.get(&key).await.map_err(ApiError::Internal)?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            "Content-Disposition",
            "attachment; filename=\"fairhire-worker-voice-poster.pdf\"",
        ))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .body(bytes))
}
