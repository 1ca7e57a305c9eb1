//! A company's single sign-on settings: read and replaced by its admins only
//! (officers and advisors `Forbidden`, another company `NotFound`). Saving fetches
//! the issuer's discovery document first, so a typo is a 422 naming `issuer` rather
//! than a broken sign-in later. The client secret is write-only: it is never in a
//! view, an error or the audit trail (which records only that it changed).

use std::collections::BTreeMap;

use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, EntityTrait, IntoActiveModel};
use uuid::Uuid;

use super::provider::{self, ProviderError};
use crate::{
    access::Caller,
    audit::{self, AuditEntry},
    clock,
    entities::company_sso,
    error::{DomainError, FieldError},
    values::Role,
};

/// The roles an identity provider may give: staff of the company, never supplier.
const STAFF_ROLES: [Role; 3] = [Role::Admin, Role::Officer, Role::Advisor];
/// Bounds on free text, so a row stays small.
const MAX_TEXT: usize = 500;
const MAX_MAPPINGS: usize = 50;
const MAX_DOMAINS: usize = 50;

/// The settings as submitted (a full replacement).
#[derive(Debug, Clone, Default)]
pub struct SsoSettingsInput {
    /// The issuer URL (https, or http on localhost/127.0.0.1).
    pub issuer: String,
    /// Our client id at the provider.
    pub client_id: String,
    /// Our client secret; `None` keeps the stored one (required the first time).
    pub client_secret: Option<String>,
    /// The ID-token claim carrying the role.
    pub role_claim: String,
    /// Claim value → role name.
    pub role_map: BTreeMap<String, String>,
    /// The role when no value maps (`None`: refuse such sign-ins).
    pub default_role: Option<String>,
    /// Email domains the provider may sign in.
    pub email_domains: Vec<String>,
    /// Refuse password login for the company's staff.
    pub sso_required: bool,
}

/// The settings as shown to admins (no secret).
#[derive(Debug, Clone, serde::Serialize)]
pub struct SsoSettingsView {
    /// The company.
    pub company_id: Uuid,
    /// The issuer URL.
    pub issuer: String,
    /// Our client id.
    pub client_id: String,
    /// Whether a secret is stored (it is never shown).
    pub client_secret_set: bool,
    /// The claim carrying the role.
    pub role_claim: String,
    /// Claim value → role.
    pub role_map: BTreeMap<String, Role>,
    /// The role when no value maps.
    pub default_role: Option<Role>,
    /// The email domains the provider may sign in.
    pub email_domains: Vec<String>,
    /// Whether password login is refused for the company's staff.
    pub sso_required: bool,
    /// The redirect URI to register at the provider.
    pub redirect_uri: String,
    /// Last change.
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// The redirect URI of this installation (`public_url` without a trailing slash).
pub fn redirect_uri(public_url: &str) -> String {
    format!("{}/sso/callback", public_url.trim_end_matches('/'))
}

fn staff_role(raw: &str) -> Option<Role> {
    Role::parse(raw).filter(|r| STAFF_ROLES.contains(r))
}

/// The stored role map (written by [`save_settings`], so always valid).
pub(super) fn role_map(row: &company_sso::Model) -> BTreeMap<String, Role> {
    let raw: BTreeMap<String, String> = serde_json::from_str(&row.role_map).unwrap_or_default();
    raw.into_iter()
        .filter_map(|(value, role)| staff_role(&role).map(|r| (value, r)))
        .collect()
}

/// The stored email domains.
pub(super) fn email_domains(row: &company_sso::Model) -> Vec<String> {
    serde_json::from_str(&row.email_domains).unwrap_or_default()
}

/// The stored default role.
pub(super) fn default_role(row: &company_sso::Model) -> Option<Role> {
    row.default_role.as_deref().and_then(staff_role)
}

fn view(row: &company_sso::Model, public_url: &str) -> SsoSettingsView {
    SsoSettingsView {
        company_id: row.company_id,
        issuer: row.issuer.clone(),
        client_id: row.client_id.clone(),
        client_secret_set: !row.client_secret.is_empty(),
        role_claim: row.role_claim.clone(),
        role_map: role_map(row),
        default_role: default_role(row),
        email_domains: email_domains(row),
        sso_required: row.sso_required,
        redirect_uri: redirect_uri(public_url),
        updated_at: row.updated_at,
    }
}

/// A lower-case domain such as `acme.com`: dotted labels of letters, digits, `-`.
fn parse_domain(raw: &str) -> Option<String> {
    let domain = raw.trim().trim_start_matches('@').to_lowercase();
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    (domain.len() <= 253 && domain.contains('.') && domain.split('.').all(label_ok)).then_some(domain)
}

fn required_text(errors: &mut Vec<FieldError>, field: &str, raw: &str) -> String {
    let value = raw.trim();
    if value.is_empty() {
        errors.push(FieldError::new(field, "is required"));
    } else if value.len() > MAX_TEXT || value.chars().any(char::is_control) {
        errors.push(FieldError::new(
            field,
            "must be at most 500 characters, without control characters",
        ));
    }
    value.to_string()
}

/// Settings checked field by field (every problem named), before any network call.
struct Parsed {
    issuer: String,
    client_id: String,
    client_secret: Option<String>,
    role_claim: String,
    role_map: BTreeMap<String, Role>,
    default_role: Option<Role>,
    email_domains: Vec<String>,
    sso_required: bool,
}

fn parse(input: SsoSettingsInput, has_secret: bool) -> Result<Parsed, DomainError> {
    let mut errors = Vec::new();
    let issuer = required_text(&mut errors, "issuer", &input.issuer)
        .trim_end_matches('/')
        .to_string();
    if !issuer.is_empty() && !provider::secure_url(&issuer) {
        errors.push(FieldError::new(
            "issuer",
            "must be an https URL (http only for localhost or 127.0.0.1)",
        ));
    }
    let client_id = required_text(&mut errors, "client_id", &input.client_id);
    let client_secret = match input.client_secret {
        Some(secret) => Some(required_text(&mut errors, "client_secret", &secret)),
        None if has_secret => None,
        None => {
            errors.push(FieldError::new("client_secret", "is required the first time"));
            None
        }
    };
    let role_claim = required_text(&mut errors, "role_claim", &input.role_claim);
    if input.role_map.len() > MAX_MAPPINGS {
        errors.push(FieldError::new("role_map", "has more than 50 entries"));
    }
    let mut role_map = BTreeMap::new();
    for (value, role) in input.role_map {
        let field = format!("role_map.{value}");
        let value = required_text(&mut errors, &field, &value);
        match staff_role(role.trim()) {
            Some(role) => {
                role_map.insert(value, role);
            }
            None => errors.push(FieldError::new(field, "must be admin, officer or advisor")),
        }
    }
    let default_role = match input.default_role.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(raw) => {
            let role = staff_role(raw);
            if role.is_none() {
                errors.push(FieldError::new(
                    "default_role",
                    "must be admin, officer, advisor or null",
                ));
            }
            role
        }
    };
    if input.email_domains.is_empty() {
        errors.push(FieldError::new(
            "email_domains",
            "name at least one email domain the identity provider may sign in",
        ));
    } else if input.email_domains.len() > MAX_DOMAINS {
        errors.push(FieldError::new("email_domains", "has more than 50 entries"));
    }
    let mut email_domains = Vec::new();
    for (i, raw) in input.email_domains.iter().enumerate() {
        match parse_domain(raw) {
            Some(d) if !email_domains.contains(&d) => email_domains.push(d),
            Some(_) => {}
            None => errors.push(FieldError::new(
                format!("email_domains[{i}]"),
                "is not a domain such as example.com",
            )),
        }
    }
    if !errors.is_empty() {
        return Err(DomainError::Invalid(errors));
    }
    Ok(Parsed {
        issuer,
        client_id,
        client_secret,
        role_claim,
        role_map,
        default_role,
        email_domains,
        sso_required: input.sso_required,
    })
}

/// The company's settings (admins), or `NotFound("single sign-on settings")`.
pub async fn get_settings<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
    public_url: &str,
) -> Result<SsoSettingsView, DomainError> {
    require_admin(caller, company_id)?;
    let row = company_sso::Entity::find_by_id(company_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("single sign-on settings"))?;
    Ok(view(&row, public_url))
}

fn require_admin(caller: &Caller, company_id: Uuid) -> Result<(), DomainError> {
    if caller.company_role(company_id)? == Role::Admin && !caller.read_only {
        Ok(())
    } else {
        Err(DomainError::Forbidden(
            "only the company's admins manage single sign-on",
        ))
    }
}

/// Replaces the company's settings (admins) after checking the issuer's discovery
/// document; on any failure nothing is stored.
pub async fn save_settings<C: ConnectionTrait>(
    db: &C,
    caller: &Caller,
    company_id: Uuid,
    input: SsoSettingsInput,
    public_url: &str,
) -> Result<SsoSettingsView, DomainError> {
    require_admin(caller, company_id)?;
    let current = company_sso::Entity::find_by_id(company_id).one(db).await?;
    let parsed = parse(
        input,
        current.as_ref().is_some_and(|c| !c.client_secret.is_empty()),
    )?;
    // An admin whose own address the provider may not sign in would lock
    // themselves (and perhaps every admin) out of the company.
    let own_domain = caller.email.rsplit_once('@').map(|(_, d)| d.to_lowercase());
    if parsed.sso_required && !own_domain.is_some_and(|d| parsed.email_domains.contains(&d)) {
        return Err(DomainError::invalid(
            "sso_required",
            "would lock you out: your own email's domain is not in email_domains, so you could not sign in",
        ));
    }
    if let Err(e) = provider::discover(&parsed.issuer).await {
        let message = match e {
            ProviderError::Unreachable => {
                "its discovery document (/.well-known/openid-configuration) cannot be fetched".to_string()
            }
            ProviderError::Failed(status) => format!("its discovery document answered HTTP {status}"),
            ProviderError::Malformed(why) => format!("its discovery document is not usable: {why}"),
        };
        return Err(DomainError::invalid("issuer", message));
    }
    let now = clock::now();
    let role_map: BTreeMap<&str, &str> = parsed
        .role_map
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let secret_changed = parsed.client_secret.is_some();
    let before = current.as_ref().map(|c| snapshot(c, false));
    let mut active = match current {
        Some(row) => row.into_active_model(),
        None => company_sso::ActiveModel {
            company_id: Set(company_id),
            created_at: Set(now),
            ..Default::default()
        },
    };
    active.issuer = Set(parsed.issuer);
    active.client_id = Set(parsed.client_id);
    if let Some(secret) = parsed.client_secret {
        active.client_secret = Set(secret);
    }
    active.role_claim = Set(parsed.role_claim);
    active.role_map = Set(serde_json::to_string(&role_map)?);
    active.default_role = Set(parsed.default_role.map(|r| r.as_str().to_string()));
    active.email_domains = Set(serde_json::to_string(&parsed.email_domains)?);
    active.sso_required = Set(parsed.sso_required);
    active.updated_at = Set(now);
    let row = if before.is_some() {
        active.update(db).await?
    } else {
        active.insert(db).await?
    };
    audit::record(
        db,
        AuditEntry {
            company_id: Some(company_id),
            actor_user_id: Some(caller.user_id),
            action: "sso.configured",
            entity_type: "company_sso",
            entity_id: Some(company_id),
            before,
            after: Some(snapshot(&row, secret_changed)),
        },
    )
    .await?;
    Ok(view(&row, public_url))
}

/// What the audit trail keeps: never the secret, only whether it was replaced.
fn snapshot(row: &company_sso::Model, secret_changed: bool) -> serde_json::Value {
    serde_json::json!({
        "issuer": row.issuer,
        "client_id": row.client_id,
        "client_secret_changed": secret_changed,
        "role_claim": row.role_claim,
        "role_map": role_map(row),
        "default_role": row.default_role,
        "email_domains": email_domains(row),
        "sso_required": row.sso_required,
    })
}

#[cfg(test)]
mod tests {
    use super::parse_domain;

    #[test]
    fn domains_are_dotted_labels() {
        assert_eq!(parse_domain(" @Acme.COM ").as_deref(), Some("acme.com"));
        assert_eq!(parse_domain("acme-sso.test").as_deref(), Some("acme-sso.test"));
        assert!(parse_domain("acme").is_none());
        assert!(parse_domain("acme..com").is_none());
        assert!(parse_domain("-acme.com").is_none());
        assert!(parse_domain("acme.com/x").is_none());
    }
}
