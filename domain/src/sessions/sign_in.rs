//! The end of a sign-in, after the password was checked (by the door, on its
//! blocking pool): the second factor when the account has one, then a new
//! session. Every outcome goes to the audit trail, without the code typed.

use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, TransactionSession, TransactionTrait};
use uuid::Uuid;

use super::Client;
use crate::{
    audit, clock,
    entities::user_session,
    error::DomainError,
    second_factor::{self, Proof},
    transaction::BeginWrite as _,
};

/// How a sign-in with a right password ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignIn {
    /// Signed in: the tokens carry this session id.
    Started {
        /// The new session.
        session_id: Uuid,
    },
    /// The account has a second factor and no code came with the password.
    FactorRequired,
    /// The code was wrong, or already used.
    FactorRefused,
}

/// Finishes the sign-in of `user_id` (whose password was right) with the
/// optional `code` (a TOTP code or a recovery code).
pub async fn sign_in<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    user_id: Uuid,
    code: Option<&str>,
    client: Client,
) -> Result<SignIn, DomainError> {
    let txn = db.begin_write().await?;
    let mut proof = None;
    if let Some(factor) = second_factor::confirmed(&txn, user_id).await? {
        let Some(code) = code.map(str::trim).filter(|c| !c.is_empty()) else {
            return Ok(SignIn::FactorRequired);
        };
        match second_factor::check_code(&txn, &factor, code).await? {
            Some(found) => proof = Some(found),
            None => {
                audit::record_account(
                    &txn,
                    user_id,
                    None,
                    "auth.sign_in_failed",
                    Some(serde_json::json!({"reason": "second_factor"})),
                )
                .await?;
                txn.commit().await?;
                return Ok(SignIn::FactorRefused);
            }
        }
    }
    if proof == Some(Proof::RecoveryCode) {
        audit::record_account(&txn, user_id, Some(user_id), "mfa.recovery_code_used", None).await?;
    }
    let factor = match proof {
        Some(Proof::Totp) => "totp",
        Some(Proof::RecoveryCode) => "recovery_code",
        None => "none",
    };
    let session_id = open_session(&txn, user_id, &client, factor).await?;
    txn.commit().await?;
    Ok(SignIn::Started { session_id })
}

/// Opens a session for `user_id` whom a company's identity provider has just
/// signed in (single sign-on): the provider, not Fairhire, checked the person's
/// factors, so no code is asked here. Audited like every sign-in.
pub async fn sign_in_delegated<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    user_id: Uuid,
    client: Client,
) -> Result<Uuid, DomainError> {
    let txn = db.begin_write().await?;
    let session_id = open_session(&txn, user_id, &client, "identity_provider").await?;
    txn.commit().await?;
    Ok(session_id)
}

/// Inserts the session row and its `auth.signed_in` audit entry.
async fn open_session<C: ConnectionTrait>(
    txn: &C,
    user_id: Uuid,
    client: &Client,
    factor: &str,
) -> Result<Uuid, DomainError> {
    let now = clock::now();
    let session = user_session::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user_id),
        user_agent: Set(client.user_agent.clone()),
        ip_prefix: Set(client.ip_prefix.clone()),
        created_at: Set(now),
        last_seen_at: Set(now),
        ended_at: Set(None),
    }
    .insert(txn)
    .await?;
    audit::record_account(
        txn,
        user_id,
        Some(user_id),
        "auth.signed_in",
        Some(serde_json::json!({
            "session_id": session.id,
            "second_factor": factor,
            "client": client.user_agent,
            "network": client.ip_prefix,
        })),
    )
    .await?;
    Ok(session.id)
}

/// Records a refused password for an existing account (an unknown email has no
/// account to file it under, and is not recorded).
pub async fn password_refused<C: ConnectionTrait>(db: &C, user_id: Uuid) -> Result<(), DomainError> {
    audit::record_account(
        db,
        user_id,
        None,
        "auth.sign_in_failed",
        Some(serde_json::json!({"reason": "password"})),
    )
    .await
}
