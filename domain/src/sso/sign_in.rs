//! Signing in through a company's identity provider: authorization code with PKCE
//! (S256), `state` and `nonce` (OpenID Connect Core 1.0 §3.1). [`start`] builds the
//! redirect and the pending sign-in the portal keeps in a signed, short-lived
//! cookie; [`finish`] checks the callback against it, exchanges the code, verifies
//! the ID token and finds or creates the user.
//!
//! Who may be signed in: the token's email must be verified and in the company's
//! email domains. A new address becomes a user with a membership in the company
//! and the role the claim maps to (or the default role). An existing user is signed
//! in only if they are already on the company's team: a provider must not be able
//! to sign in someone another company (or nobody) vouched for just because it
//! asserts their address. Every refusal and every sign-in goes to the audit trail
//! (a reason word, never the email or the token).

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ConnectionTrait, EntityTrait, TransactionSession, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::{
    id_token::{self, Expected, TokenRefusal},
    provider::{self, CodeExchange},
    settings::{self, redirect_uri},
};
use crate::{
    access::Caller,
    accounts::find_user_by_email,
    audit::{self, AuditEntry},
    clock,
    entities::{company_sso, membership, organization, user},
    error::DomainError,
    secret_token,
    transaction::BeginWrite as _,
    values::{Email, OrganizationKind, Role},
};

/// What the portal keeps between [`start`] and [`finish`] (signed, never shown).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PendingSignIn {
    /// The company whose provider was asked.
    pub company_id: Uuid,
    /// The `state` sent: the callback must bring it back unchanged.
    pub state: String,
    /// The `nonce` sent: the ID token must carry it.
    pub nonce: String,
    /// The PKCE verifier whose S256 challenge was sent.
    pub code_verifier: String,
}

/// Where to send the browser, and what to keep.
#[derive(Debug, Clone)]
pub struct Started {
    /// The provider's authorization endpoint with our request.
    pub authorization_url: String,
    /// To keep until the callback.
    pub pending: PendingSignIn,
}

/// Why a sign-in was refused (the portal shows a page per reason).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The company has no single sign-on (or does not exist).
    NotConfigured,
    /// No pending sign-in in this browser (expired, or another browser).
    NoPendingSignIn,
    /// The callback's `state` is not the one sent (tampered or replayed).
    StateMismatch,
    /// The provider answered with an error (e.g. the person cancelled).
    ProviderDenied,
    /// The provider could not be reached or answered badly.
    ProviderUnavailable,
    /// The ID token failed verification.
    Token(TokenRefusal),
    /// The token carries no verified email.
    NoVerifiedEmail,
    /// The email's domain is not one the company allows.
    EmailDomainNotAllowed,
    /// No claim value maps to a role and there is no default role.
    NoRole,
    /// An account with this email exists but is not on the company's team.
    AccountNotInCompany,
}

impl Refusal {
    /// The audit trail's word for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotConfigured => "not_configured",
            Self::NoPendingSignIn => "no_pending_sign_in",
            Self::StateMismatch => "state_mismatch",
            Self::ProviderDenied => "provider_denied",
            Self::ProviderUnavailable => "provider_unavailable",
            Self::Token(t) => t.as_str(),
            Self::NoVerifiedEmail => "no_verified_email",
            Self::EmailDomainNotAllowed => "email_domain_not_allowed",
            Self::NoRole => "no_role",
            Self::AccountNotInCompany => "account_not_in_company",
        }
    }
}

/// A refusal, or a failure of ours.
#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    /// Refused, for this reason (recorded in the audit trail).
    #[error("single sign-on refused: {}", .0.as_str())]
    Refused(Refusal),
    /// The database failed.
    #[error(transparent)]
    Domain(#[from] DomainError),
}

impl From<sea_orm::DbErr> for SignInError {
    fn from(e: sea_orm::DbErr) -> Self {
        Self::Domain(e.into())
    }
}

/// A successful sign-in.
#[derive(Debug, Clone)]
pub struct SignedIn {
    /// The user to open a session for.
    pub user_id: Uuid,
    /// Whether the user was created by this sign-in.
    pub created: bool,
}

/// What came back to the callback.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Callback {
    /// The authorization code.
    pub code: Option<String>,
    /// The state, to compare.
    pub state: Option<String>,
    /// An error code from the provider.
    pub error: Option<String>,
    /// The issuer (RFC 9207), when the provider sends it.
    pub iss: Option<String>,
}

async fn company_settings<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
) -> Result<company_sso::Model, SignInError> {
    company_sso::Entity::find_by_id(company_id)
        .one(db)
        .await?
        .ok_or(SignInError::Refused(Refusal::NotConfigured))
}

/// The company whose provider signs in `email`'s domain, if one does.
pub async fn company_for_email<C: ConnectionTrait>(
    db: &C,
    email: &Email,
) -> Result<Option<Uuid>, DomainError> {
    let Some((_, domain)) = email.as_str().split_once('@') else {
        return Ok(None);
    };
    // Few companies configure single sign-on: reading their rows is cheaper than a
    // JSON query that differs between SQLite and PostgreSQL.
    let rows = company_sso::Entity::find().all(db).await?;
    Ok(rows
        .iter()
        .find(|row| settings::email_domains(row).iter().any(|d| d == domain))
        .map(|row| row.company_id))
}

fn pkce_challenge(verifier: &str) -> String {
    use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// Starts a sign-in at company `company_id`'s provider.
pub async fn start<C: ConnectionTrait>(
    db: &C,
    company_id: Uuid,
    public_url: &str,
) -> Result<Started, SignInError> {
    let row = company_settings(db, company_id).await?;
    let discovery = provider::discover(&row.issuer)
        .await
        .map_err(|_| SignInError::Refused(Refusal::ProviderUnavailable))?;
    let pending = PendingSignIn {
        company_id,
        state: secret_token::generate(),
        nonce: secret_token::generate(),
        code_verifier: secret_token::generate(),
    };
    let mut url = url::Url::parse(&discovery.authorization_endpoint)
        .map_err(|_| SignInError::Refused(Refusal::ProviderUnavailable))?;
    url.query_pairs_mut()
        .append_pair("response_type", "code")
        .append_pair("client_id", &row.client_id)
        .append_pair("redirect_uri", &redirect_uri(public_url))
        .append_pair("scope", "openid email profile")
        .append_pair("state", &pending.state)
        .append_pair("nonce", &pending.nonce)
        .append_pair("code_challenge", &pkce_challenge(&pending.code_verifier))
        .append_pair("code_challenge_method", "S256");
    Ok(Started {
        authorization_url: url.into(),
        pending,
    })
}

/// Records a refusal and returns it.
pub async fn refuse<C: ConnectionTrait>(db: &C, company_id: Option<Uuid>, refusal: Refusal) -> SignInError {
    let entry = AuditEntry {
        company_id,
        actor_user_id: None,
        action: "sso.sign_in_refused",
        entity_type: "company_sso",
        entity_id: company_id,
        before: None,
        after: Some(serde_json::json!({"reason": refusal.as_str()})),
    };
    match audit::record(db, entry).await {
        Ok(()) => SignInError::Refused(refusal),
        Err(e) => SignInError::Domain(e),
    }
}

/// Finishes a sign-in: `pending` is what [`start`] returned (`None` when the
/// browser brought none back). Every refusal is recorded before it is returned.
pub async fn finish<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    pending: Option<PendingSignIn>,
    callback: Callback,
    public_url: &str,
) -> Result<SignedIn, SignInError> {
    let Some(pending) = pending else {
        return Err(refuse(db, None, Refusal::NoPendingSignIn).await);
    };
    let company_id = pending.company_id;
    match verified_claims(db, &pending, callback, public_url).await {
        Ok(claims) => match sign_in(db, company_id, &claims).await {
            Err(SignInError::Refused(refusal)) => Err(refuse(db, Some(company_id), refusal).await),
            other => other,
        },
        Err(SignInError::Refused(refusal)) => Err(refuse(db, Some(company_id), refusal).await),
        Err(e) => Err(e),
    }
}

/// The ID token's claims, once the callback and the token check out.
async fn verified_claims<C: ConnectionTrait>(
    db: &C,
    pending: &PendingSignIn,
    callback: Callback,
    public_url: &str,
) -> Result<(company_sso::Model, Map<String, Value>), SignInError> {
    use SignInError::Refused;
    // The state first: a callback that is not the answer to this browser's request
    // (login CSRF, a tampered or replayed link) goes no further.
    if callback.state.as_deref() != Some(pending.state.as_str()) {
        return Err(Refused(Refusal::StateMismatch));
    }
    if callback.error.is_some() {
        return Err(Refused(Refusal::ProviderDenied));
    }
    let row = company_settings(db, pending.company_id).await?;
    let unavailable = |_| Refused(Refusal::ProviderUnavailable);
    let discovery = provider::discover(&row.issuer).await.map_err(unavailable)?;
    // RFC 9207: a provider that names itself must name the one we asked.
    if let Some(iss) = &callback.iss
        && iss != &discovery.issuer
    {
        return Err(Refused(Refusal::Token(TokenRefusal::WrongIssuer)));
    }
    let code = callback.code.ok_or(Refused(Refusal::ProviderDenied))?;
    let redirect = redirect_uri(public_url);
    let token = provider::exchange_code(
        &discovery,
        CodeExchange {
            client_id: &row.client_id,
            client_secret: &row.client_secret,
            code: &code,
            redirect_uri: &redirect,
            code_verifier: &pending.code_verifier,
        },
    )
    .await
    .map_err(|e| match e {
        // invalid_grant and the like: the code was refused (expired, used, not ours).
        provider::ProviderError::Failed(400..=499) => Refused(Refusal::ProviderDenied),
        _ => Refused(Refusal::ProviderUnavailable),
    })?;
    let keys = provider::signing_keys(&discovery).await.map_err(unavailable)?;
    let expected = Expected {
        issuer: &discovery.issuer,
        client_id: &row.client_id,
        nonce: &pending.nonce,
    };
    let claims = id_token::verify(&token, &keys, &expected).map_err(|t| Refused(Refusal::Token(t)))?;
    Ok((row, claims))
}

/// The role the claim maps to: a string claim or an array of strings; with several
/// matching values, the one giving the least access wins (least privilege).
fn mapped_role(row: &company_sso::Model, claims: &Map<String, Value>) -> Option<Role> {
    let map = settings::role_map(row);
    let values: Vec<&str> = match claims.get(&row.role_claim) {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let rank = |r: &Role| match r {
        Role::Advisor => 0,
        Role::Officer => 1,
        _ => 2,
    };
    values
        .iter()
        .filter_map(|v| map.get(*v).copied())
        .min_by_key(rank)
        .or_else(|| settings::default_role(row))
}

async fn sign_in<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    company_id: Uuid,
    (row, claims): &(company_sso::Model, Map<String, Value>),
) -> Result<SignedIn, SignInError> {
    use SignInError::Refused;
    // OpenID Connect Core §5.1: an unverified address proves nothing.
    if claims.get("email_verified").and_then(Value::as_bool) == Some(false) {
        return Err(Refused(Refusal::NoVerifiedEmail));
    }
    let email = claims
        .get("email")
        .and_then(Value::as_str)
        .and_then(|e| Email::parse(e).ok())
        .ok_or(Refused(Refusal::NoVerifiedEmail))?;
    let domain = email.as_str().split_once('@').map(|(_, d)| d).unwrap_or_default();
    if !settings::email_domains(row).iter().any(|d| d == domain) {
        return Err(Refused(Refusal::EmailDomainNotAllowed));
    }
    let (user_id, created) = match find_user_by_email(db, &email).await? {
        Some(existing) => {
            let caller = Caller::load(db, existing.id).await?;
            if caller.is_none_or(|c| c.company_role(company_id).is_err()) {
                return Err(Refused(Refusal::AccountNotInCompany));
            }
            (existing.id, false)
        }
        None => {
            let role = mapped_role(row, claims).ok_or(Refused(Refusal::NoRole))?;
            let name = claims
                .get("name")
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|n| !n.is_empty() && n.len() <= 200)
                .unwrap_or_else(|| email.as_str().split('@').next().unwrap_or_default())
                .to_string();
            let txn = db.begin_write().await?;
            let id = create_user(&txn, company_id, &email, name, role).await?;
            txn.commit().await?;
            (id, true)
        }
    };
    audit::record(
        db,
        AuditEntry {
            company_id: Some(company_id),
            actor_user_id: Some(user_id),
            action: "sso.signed_in",
            entity_type: "user",
            entity_id: Some(user_id),
            before: None,
            after: Some(serde_json::json!({"created": created})),
        },
    )
    .await?;
    Ok(SignedIn { user_id, created })
}

/// A user who signs in only through the provider: their password hash is not a
/// PHC string, so no password ever matches it.
const NO_PASSWORD: &str = "!single-sign-on";

async fn create_user<C: ConnectionTrait>(
    txn: &C,
    company_id: Uuid,
    email: &Email,
    name: String,
    role: Role,
) -> Result<Uuid, SignInError> {
    let company = organization::Entity::find_by_id(company_id)
        .one(txn)
        .await?
        .filter(|o| o.kind == OrganizationKind::Company.as_str())
        .ok_or(SignInError::Refused(Refusal::NotConfigured))?;
    let now = clock::now();
    let user = user::ActiveModel {
        id: Set(Uuid::now_v7()),
        email: Set(email.as_str().into()),
        name: Set(name),
        password_hash: Set(NO_PASSWORD.into()),
        locale: Set(None),
        digest_enabled: Set(true),
        created_at: Set(now),
    }
    .insert(txn)
    .await?;
    membership::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user.id),
        organization_id: Set(company.id),
        role: Set(role.as_str().into()),
        created_at: Set(now),
    }
    .insert(txn)
    .await?;
    audit::record(
        txn,
        AuditEntry {
            company_id: Some(company.id),
            actor_user_id: Some(user.id),
            action: "sso.user_created",
            entity_type: "user",
            entity_id: Some(user.id),
            before: None,
            after: Some(serde_json::json!({"role": role.as_str()})),
        },
    )
    .await?;
    Ok(user.id)
}
