//! A company's directory of referral services by country: hotlines, support
//! organisations, IOM and labour-inspection offices. Maintained by the company;
//! Fairhire ships none as real (demo rows are flagged `example` and shown so).

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder,
};
use uuid::Uuid;

use crate::{
    audit::{self, AuditEntry},
    clock,
    entities::referral_service,
    error::{DomainError, FieldError},
    values::CountryCode,
};

/// The kinds of service.
pub const KINDS: [&str; 6] = ["hotline", "ngo", "iom", "labour_inspection", "legal_aid", "other"];

/// A service as typed.
#[derive(Debug, Clone, Default)]
pub struct ServiceForm {
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// One of [`KINDS`].
    pub kind: String,
    /// The service's name as workers would recognise it (one line).
    pub name: String,
    /// Phone.
    pub phone: Option<String>,
    /// Where workers can write to the service, if it takes email.
    pub email: Option<String>,
    /// Website.
    pub url: Option<String>,
    /// Language codes it answers in.
    pub languages: Vec<String>,
    /// What it does, who it helps.
    pub description: String,
    /// Demonstration data, not a real contact.
    pub example: bool,
    /// Countries whose nationals it serves (an embassy, a labour attaché, a
    /// home-country hotline); empty: everyone in `country`.
    pub serves_nationals: Vec<String>,
}

fn optional(raw: Option<String>) -> Option<String> {
    raw.map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
}

/// A checked service.
#[derive(Debug, Clone)]
pub struct Service(ServiceForm);

impl Service {
    /// Checks every field, listing all problems.
    pub fn parse(form: ServiceForm) -> Result<Self, DomainError> {
        let mut errors = Vec::new();
        let country = match CountryCode::parse(&form.country) {
            Ok(c) => c.as_str().to_string(),
            Err(message) => {
                errors.push(FieldError::new("country", message));
                String::new()
            }
        };
        if !KINDS.contains(&form.kind.as_str()) {
            errors.push(FieldError::new(
                "kind",
                format!("must be one of {}", KINDS.join(", ")),
            ));
        }
        let name = crate::values::RequiredText::parse(&form.name, 200)
            .map(crate::values::RequiredText::into_inner)
            .unwrap_or_else(|message| {
                errors.push(FieldError::new("name", message));
                String::new()
            });
        let phone = optional(form.phone);
        let email = optional(form.email);
        let url = optional(form.url);
        if phone.is_none() && email.is_none() && url.is_none() {
            errors.push(FieldError::new(
                "phone",
                "give at least one of phone, email or url",
            ));
        }
        if phone
            .as_ref()
            .is_some_and(|p| p.len() > 40 || !p.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c)))
        {
            errors.push(FieldError::new(
                "phone",
                "digits, spaces and + - ( ) only, 40 at most",
            ));
        }
        if email
            .as_ref()
            .is_some_and(|e| crate::values::Email::parse(e).is_err())
        {
            errors.push(FieldError::new("email", "is not an email address"));
        }
        if url.as_ref().is_some_and(|u| {
            !url::Url::parse(u).is_ok_and(|p| matches!(p.scheme(), "http" | "https")) || u.len() > 500
        }) {
            errors.push(FieldError::new("url", "must be an http(s) URL"));
        }
        let mut languages = Vec::new();
        for code in &form.languages {
            let code = code.trim().to_ascii_lowercase();
            if code.len() < 2
                || code.len() > 12
                || !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            {
                errors.push(FieldError::new(
                    "languages",
                    format!("'{code}' is not a language code"),
                ));
            } else if !languages.contains(&code) {
                languages.push(code);
            }
        }
        // Shown to workers as a paragraph or two: line breaks allowed.
        if let Err(message) =
            crate::values::refuse_control_characters(&form.description, crate::values::Lines::Many)
        {
            errors.push(FieldError::new("description", message));
        } else if form.description.chars().count() > 2000 {
            errors.push(FieldError::new("description", "2000 characters at most"));
        }
        let mut serves_nationals = Vec::new();
        for raw in &form.serves_nationals {
            match CountryCode::parse(raw) {
                Ok(code) if !serves_nationals.contains(&code.as_str().to_string()) => {
                    serves_nationals.push(code.as_str().to_string())
                }
                Ok(_) => {}
                Err(message) => errors.push(FieldError::new("serves_nationals", message)),
            }
        }
        if !errors.is_empty() {
            return Err(DomainError::Invalid(errors));
        }
        Ok(Self(ServiceForm {
            serves_nationals,
            country,
            name,
            phone,
            email,
            url,
            languages,
            description: form.description.trim().to_string(),
            ..form
        }))
    }
}

/// Adds a service to the company's directory.
pub async fn create<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    actor: Uuid,
    service: Service,
) -> Result<referral_service::Model, DomainError> {
    let s = service.0;
    let now = clock::now();
    let row = referral_service::ActiveModel {
        id: Set(Uuid::now_v7()),
        company_id: Set(company_id),
        country: Set(s.country),
        kind: Set(s.kind),
        name: Set(s.name),
        phone: Set(s.phone),
        email: Set(s.email),
        url: Set(s.url),
        languages: Set(s.languages.join(",")),
        description: Set(s.description),
        example: Set(s.example),
        serves_nationals: Set(s.serves_nationals.join(",")),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    record(db, &row, actor, "referral_service.created").await?;
    Ok(row)
}

/// Replaces a service's fields.
pub async fn update<C: ConnectionTrait>(
    db: &C,
    current: referral_service::Model,
    actor: Uuid,
    service: Service,
) -> Result<referral_service::Model, DomainError> {
    let s = service.0;
    let mut active = current.into_active_model();
    active.country = Set(s.country);
    active.kind = Set(s.kind);
    active.name = Set(s.name);
    active.phone = Set(s.phone);
    active.email = Set(s.email);
    active.url = Set(s.url);
    active.languages = Set(s.languages.join(","));
    active.description = Set(s.description);
    active.example = Set(s.example);
    active.serves_nationals = Set(s.serves_nationals.join(","));
    active.updated_at = Set(clock::now());
    let row = active.update(db).await?;
    record(db, &row, actor, "referral_service.updated").await?;
    Ok(row)
}

/// Removes a service.
pub async fn delete<C: ConnectionTrait>(
    db: &C,
    row: referral_service::Model,
    actor: Uuid,
) -> Result<(), DomainError> {
    record(db, &row, actor, "referral_service.deleted").await?;
    referral_service::Entity::delete_by_id(row.id).exec(db).await?;
    Ok(())
}

async fn record<C: ConnectionTrait>(
    db: &C,
    row: &referral_service::Model,
    actor: Uuid,
    action: &'static str,
) -> Result<(), DomainError> {
    audit::record(
        db,
        AuditEntry {
            company_id: Some(row.company_id),
            actor_user_id: Some(actor),
            action,
            entity_type: "referral_service",
            entity_id: Some(row.id),
            before: None,
            after: Some(serde_json::json!({"country": row.country, "kind": row.kind, "name": row.name})),
        },
    )
    .await
}

/// The company's services for `country`, by kind then name.
pub async fn for_country<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    country: &str,
) -> Result<Vec<referral_service::Model>, DomainError> {
    Ok(referral_service::Entity::find()
        .filter(referral_service::Column::CompanyId.eq(company_id))
        .filter(referral_service::Column::Country.eq(country))
        .order_by_asc(referral_service::Column::Kind)
        .order_by_asc(referral_service::Column::Name)
        .all(db)
        .await?)
}

/// Whether `service` serves the nationals of `nationality`.
pub fn serves(service: &referral_service::Model, nationality: &str) -> bool {
    service.serves_nationals.split(',').any(|c| c == nationality)
}

/// The services a worker at a site in `site_country` is shown: those in the
/// site's country that serve everyone, then — when the worker gave a
/// nationality — those serving nationals of that country, wherever they are
/// (an embassy or labour attaché, a home-country hotline). Services for other
/// nationals are not shown.
pub async fn for_worker<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    site_country: &str,
    nationality: Option<&str>,
) -> Result<Vec<referral_service::Model>, DomainError> {
    let rows = referral_service::Entity::find()
        .filter(referral_service::Column::CompanyId.eq(company_id))
        .order_by_asc(referral_service::Column::Kind)
        .order_by_asc(referral_service::Column::Name)
        .all(db)
        .await?;
    let (local, origin): (Vec<_>, Vec<_>) = rows.into_iter().partition(|s| s.serves_nationals.is_empty());
    let mut shown: Vec<referral_service::Model> =
        local.into_iter().filter(|s| s.country == site_country).collect();
    if let Some(nationality) = nationality {
        shown.extend(origin.into_iter().filter(|s| serves(s, nationality)));
    }
    Ok(shown)
}
