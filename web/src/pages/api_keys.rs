//! `GET/POST /companies/{cid}/api-keys`: the company's API keys, for its admins
//! (the same domain use cases as `/api/v1/companies/{cid}/api-keys`): create one
//! (the key is shown once, on the page that answers the form), and revoke one
//! (`POST …/api-keys/{id}/revoke`; it stays listed, marked revoked).

use actix_web::{HttpResponse, get, http::StatusCode, post, web};
use askama::Template;
use domain::{
    DomainError,
    api_keys::{self, KeyRole},
};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    context::{Layout, Member},
    error::{OrPage, PortalError},
    form::CsrfForm,
    pages::see_other,
    routes,
    state::PortalState,
};

/// The keys a page lists at most (a company has a handful; the API pages through
/// them all).
const LISTED: u64 = 200;

/// One key, as listed.
pub struct Listed {
    name: String,
    role: String,
    prefix: String,
    created: String,
    last_used: Option<String>,
    revoked: Option<String>,
    revoke_action: String,
}

/// The API-keys page.
#[derive(Template)]
#[template(path = "api_keys.html")]
pub struct ApiKeysPage {
    l: Layout,
    action: String,
    keys: Vec<Listed>,
    /// What the form held, kept on a refusal.
    name: String,
    role: String,
    name_error: Option<String>,
    /// The key just created: shown this once.
    created: Option<String>,
    revoked: bool,
}

/// `?revoked=1` after a revocation.
#[derive(Deserialize)]
pub struct KeysQuery {
    #[serde(default)]
    revoked: Option<String>,
}

/// The create form.
#[derive(Deserialize)]
pub struct CreateForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    role: String,
}

async fn page(state: &PortalState, member: &Member, cid: Uuid) -> Result<ApiKeysPage, PortalError> {
    let t = member.t();
    let (rows, _) = api_keys::keys_of(&state.db, &member.caller, cid, 0, LISTED)
        .await
        .or_page(t)?;
    let day = |at: chrono::DateTime<chrono::Utc>| at.date_naive().to_string();
    let keys = rows
        .into_iter()
        .map(|k| Listed {
            revoke_action: routes::api_key_revoke(cid, k.id),
            created: day(k.created_at),
            last_used: k.last_used_at.map(day),
            revoked: k.revoked_at.map(day),
            name: k.name,
            role: k.role,
            prefix: k.key_prefix,
        })
        .collect();
    Ok(ApiKeysPage {
        l: member.layout(),
        action: routes::api_keys(cid),
        keys,
        name: String::new(),
        role: KeyRole::ReadOnly.as_str().into(),
        name_error: None,
        created: None,
        revoked: false,
    })
}

/// The keys and the form (admins; others 403, another company 404).
#[get("/companies/{cid}/api-keys")]
pub async fn show(
    state: web::Data<PortalState>,
    member: Member,
    cid: web::Path<Uuid>,
    query: web::Query<KeysQuery>,
) -> Result<HttpResponse, PortalError> {
    let mut listed = page(&state, &member, *cid).await?;
    listed.revoked = query.revoked.is_some();
    member.render(&listed)
}

/// Creates a key and shows it once; a refused name is said beside the field and
/// nothing is stored.
#[post("/companies/{cid}/api-keys")]
pub async fn create(
    state: web::Data<PortalState>,
    member: Member,
    cid: web::Path<Uuid>,
    form: CsrfForm<CreateForm>,
) -> Result<HttpResponse, PortalError> {
    let (cid, t) = (*cid, member.t());
    let form = form.0;
    let Some(role) = KeyRole::parse(&form.role) else {
        return Err(member.fail(crate::error::ErrorKind::BadRequest));
    };
    match api_keys::create_key(&state.db, &member.caller, cid, &form.name, role).await {
        Ok(created) => {
            let mut listed = page(&state, &member, cid).await?;
            listed.created = Some(created.key);
            let mut response = member.render(&listed)?;
            *response.status_mut() = StatusCode::CREATED;
            Ok(response)
        }
        Err(DomainError::Invalid(_)) => {
            let mut listed = page(&state, &member, cid).await?;
            listed.name = form.name;
            listed.role = role.as_str().into();
            listed.name_error = Some(t.get("api-key-name-error"));
            let mut response = member.render(&listed)?;
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
        Err(other) => Err(PortalError::from_domain(other, t)),
    }
}

/// Revokes a key at once (the page asks to confirm first).
#[post("/companies/{cid}/api-keys/{id}/revoke")]
pub async fn revoke(
    state: web::Data<PortalState>,
    member: Member,
    path: web::Path<(Uuid, Uuid)>,
    _form: CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, PortalError> {
    let ((cid, id), t) = (path.into_inner(), member.t());
    let revoked = api_keys::revoke_key(&state.db, &member.caller, id)
        .await
        .or_page(t)?;
    if revoked.company_id != cid {
        // The key is the caller's, but not under this address: say nothing of it.
        return Err(PortalError::from_domain(DomainError::NotFound("API key"), t));
    }
    Ok(see_other(&format!("{}?revoked=1", routes::api_keys(cid))).finish())
}
