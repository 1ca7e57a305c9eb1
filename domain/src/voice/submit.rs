//! What a worker does on the public page: report a problem (which opens a case
//! and, for an urgent category, queues the alert emails in the same
//! transaction), and later check the case with its code and secret.

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};
use uuid::Uuid;

use super::{Category, codes, message_kind, referrals, seal::VoiceKey, status};
use crate::{
    audit::{self, AuditEntry},
    clock,
    email::{self, NewEmail, messages::VoiceUrgentMessage},
    entities::{organization, referral_service, supplier, voice_case, voice_channel, voice_message},
    error::{DomainError, FieldError},
    notifications::recipients,
    values::{MultilineText, RequiredText, Role},
};

/// The longest report accepted, in characters.
pub const MAX_TEXT: usize = 5000;
/// The longest contact accepted, in characters.
pub const MAX_CONTACT: usize = 300;

/// A report as typed, not yet checked.
#[derive(Debug, Clone, Default)]
pub struct ReportForm {
    /// A category key.
    pub category: String,
    /// What happened.
    pub description: String,
    /// How to reach the reporter (optional).
    pub contact: Option<String>,
    /// The language the reporter used.
    pub locale: String,
    /// The reporter's nationality (ISO 3166-1 alpha-2), optional.
    pub nationality: Option<String>,
}

/// A checked report.
#[derive(Debug, Clone)]
pub struct NewReport {
    category: Category,
    description: String,
    contact: Option<String>,
    locale: &'static str,
    nationality: Option<String>,
}

impl NewReport {
    /// Checks every field; the errors name the fields as the form and API do.
    pub fn parse(form: ReportForm) -> Result<Self, DomainError> {
        let mut errors = Vec::new();
        let category = Category::parse(&form.category);
        if category.is_none() {
            errors.push(FieldError::new(
                "category",
                format!("must be one of {}", Category::ALL.map(Category::key).join(", ")),
            ));
        }
        // A worker tells what happened in their own words, over several lines
        // if they like; a contact (a phone number, a handle) is one line.
        let description = match MultilineText::parse(&form.description, MAX_TEXT) {
            Ok(text) => text.into_inner(),
            Err(message) => {
                errors.push(FieldError::new("description", message));
                String::new()
            }
        };
        let contact = match form.contact.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            None => None,
            Some(raw) => RequiredText::parse(raw, MAX_CONTACT)
                .map_err(|message| errors.push(FieldError::new("contact", message)))
                .ok()
                .map(RequiredText::into_inner),
        };
        // Optional: only a worker who wants their own country's services gives it.
        let nationality = match form
            .nationality
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            None => None,
            Some(raw) => crate::values::CountryCode::parse(raw)
                .map_err(|message| errors.push(FieldError::new("nationality", message)))
                .ok()
                .map(|c| c.as_str().to_string()),
        };
        match category {
            Some(category) if errors.is_empty() => Ok(Self {
                category,
                description,
                contact,
                nationality,
                locale: super::i18n::supported(&form.locale).unwrap_or("en"),
            }),
            _ => Err(DomainError::Invalid(errors)),
        }
    }
}

/// What the reporter is shown once, after submitting.
#[derive(Debug, Clone)]
pub struct Receipt {
    /// The case.
    pub case: voice_case::Model,
    /// The secret (shown once; only its hash is kept).
    pub secret: String,
    /// Referral services for the supplier's country.
    pub referrals: Vec<referral_service::Model>,
    /// The company's promise: days to a first answer, if it made one.
    pub promise_days: Option<u32>,
}

/// Files `new` on the channel its public `token` names, in a write transaction of
/// its own: the API and the worker's page both file here, so neither door holds
/// the transaction or the lookup.
pub async fn file(
    db: &crate::database::Database,
    key: &VoiceKey,
    token: &str,
    new: NewReport,
    public_url: &str,
) -> Result<Receipt, DomainError> {
    use crate::transaction::BeginWrite as _;
    let txn = db.begin_write().await?;
    let (channel, supplier) = super::channels::by_token(&txn, token).await?;
    let receipt = report(&txn, key, &channel, &supplier, new, public_url).await?;
    txn.commit().await?;
    Ok(receipt)
}

/// Opens a case from `report` on `channel`, on `db` (the caller's transaction):
/// seals the words, records the audit row without them, and for an urgent
/// category queues an alert to the company's admins, officers and advisors.
pub async fn report<C: ConnectionTrait>(
    db: &C,
    key: &VoiceKey,
    channel: &voice_channel::Model,
    supplier: &supplier::Model,
    report: NewReport,
    public_url: &str,
) -> Result<Receipt, DomainError> {
    let id = Uuid::now_v7();
    let secret = codes::secret();
    let now = clock::now();
    let case = voice_case::ActiveModel {
        id: Set(id),
        company_id: Set(channel.company_id),
        supplier_id: Set(channel.supplier_id),
        channel_id: Set(channel.id),
        code: Set(codes::case_code()),
        secret_hash: Set(codes::secret_hash(&secret)),
        category: Set(report.category.key().to_string()),
        indicator: Set(report.category.indicator().to_string()),
        urgent: Set(report.category.urgent()),
        locale: Set(report.locale.to_string()),
        report_sealed: Set(key.seal(id, &report.description)?),
        contact_sealed: Set(match &report.contact {
            Some(contact) => Some(key.seal(id, contact)?),
            None => None,
        }),
        status: Set(status::NEW.to_string()),
        first_response_at: Set(None),
        closed_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        nationality: Set(report.nationality.clone()),
    }
    .insert(db)
    .await?;
    audit::record(
        db,
        AuditEntry {
            company_id: Some(case.company_id),
            actor_user_id: None,
            action: "voice_case.reported",
            entity_type: "voice_case",
            entity_id: Some(case.id),
            before: None,
            after: Some(serde_json::json!({
                "supplier_id": case.supplier_id, "category": case.category, "urgent": case.urgent
            })),
        },
    )
    .await?;
    if case.urgent {
        alert(db, &case, supplier, public_url).await?;
    }
    let referrals = referrals::for_worker(
        db,
        case.company_id,
        &supplier.country,
        case.nationality.as_deref(),
    )
    .await?;
    let promise_days = super::promise::of(db, case.company_id).await?;
    Ok(Receipt {
        case,
        secret,
        referrals,
        promise_days,
    })
}

/// Queues the urgent-report email to each of the company's admins, officers and
/// advisors. It names the supplier and the category, never the words.
async fn alert<C: ConnectionTrait>(
    db: &C,
    case: &voice_case::Model,
    supplier: &supplier::Model,
    public_url: &str,
) -> Result<(), DomainError> {
    let Some(company) = organization::Entity::find_by_id(case.company_id).one(db).await? else {
        return Ok(());
    };
    let people =
        recipients::company_staff(db, &company, &[Role::Admin, Role::Officer, Role::Advisor]).await?;
    for person in people {
        email::queue(
            db,
            NewEmail::new(
                Some(company.id),
                person.email,
                person.locale,
                &VoiceUrgentMessage {
                    company_name: company.name.clone(),
                    supplier_name: supplier.name.clone(),
                    category: case.category.clone(),
                    case_code: case.code.clone(),
                    reason: person.reason.to_string(),
                    link: format!("{}/voice/cases/{}", public_url.trim_end_matches('/'), case.id),
                },
            )?,
        )
        .await?;
    }
    Ok(())
}

/// What the reporter sees when checking their case.
#[derive(Debug, Clone)]
pub struct ReporterView {
    /// The case.
    pub case: voice_case::Model,
    /// The handlers' replies (not their notes), oldest first: (when, text).
    pub replies: Vec<(chrono::DateTime<chrono::Utc>, String)>,
    /// Referral services for the supplier's country.
    pub referrals: Vec<referral_service::Model>,
    /// The company's promise: days to a first answer, if it made one.
    pub promise_days: Option<u32>,
}

/// The case with `code` whose secret is `secret`; `NotFound` for a wrong code
/// and a wrong secret alike.
pub async fn check<C: ConnectionTrait>(
    db: &C,
    key: &VoiceKey,
    code: &str,
    secret: &str,
) -> Result<ReporterView, DomainError> {
    let code = codes::canonical_code(code);
    if code.len() != 9 {
        return Err(DomainError::NotFound("case"));
    }
    let case = voice_case::Entity::find()
        .filter(voice_case::Column::Code.eq(code))
        .one(db)
        .await?
        .ok_or(DomainError::NotFound("case"))?;
    let expected = case.secret_hash.as_bytes();
    let given = codes::secret_hash(secret);
    let same = expected.len() == given.len()
        && expected
            .iter()
            .zip(given.as_bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0;
    if !same {
        return Err(DomainError::NotFound("case"));
    }
    let messages = voice_message::Entity::find()
        .filter(voice_message::Column::CaseId.eq(case.id))
        .filter(voice_message::Column::Kind.eq(message_kind::REPLY))
        .order_by_asc(voice_message::Column::CreatedAt)
        .all(db)
        .await?;
    let mut replies = Vec::with_capacity(messages.len());
    for m in messages {
        replies.push((m.created_at, key.open(m.id, &m.body_sealed)?));
    }
    let country = supplier::Entity::find_by_id(case.supplier_id)
        .one(db)
        .await?
        .map(|s| s.country)
        .unwrap_or_default();
    let referrals = referrals::for_worker(db, case.company_id, &country, case.nationality.as_deref()).await?;
    let promise_days = super::promise::of(db, case.company_id).await?;
    Ok(ReporterView {
        case,
        replies,
        referrals,
        promise_days,
    })
}
