//! Who is asking, and what they may see. Every lookup of a tenant's data goes
//! through here, so "another tenant's id is a 404" is decided in one place.

pub mod claim;
pub mod readable;

use sea_orm::{ConnectionTrait, DatabaseBackend, EntityTrait, FromQueryResult, Statement};
use uuid::Uuid;

use crate::{
    entities::{organization, supplier},
    error::DomainError,
    values::{OrganizationKind, Role},
};

/// One of the caller's memberships, with what it says about the organization.
#[derive(Debug, Clone, serde::Serialize)]
pub struct MembershipView {
    /// The organization.
    pub organization_id: Uuid,
    /// Its display name.
    pub organization_name: String,
    /// `company` or `supplier`.
    pub kind: OrganizationKind,
    /// The caller's role there.
    pub role: Role,
    /// The company the organization belongs to (itself, for a company).
    #[serde(skip)]
    pub company_id: Uuid,
}

/// One row of [`Caller::load`]'s join: the user, and one membership when they
/// have any (all `None` otherwise). Read by column from a row, or from a JSON
/// array in field order ([`claim`]).
#[derive(Debug, FromQueryResult, serde::Deserialize)]
pub(crate) struct CallerRow {
    email: String,
    name: String,
    locale: Option<String>,
    role: Option<String>,
    organization_id: Option<Uuid>,
    organization_name: Option<String>,
    organization_kind: Option<String>,
    company_id: Option<Uuid>,
    #[serde(deserialize_with = "claim::optional_flag")]
    organization_mfa_required: Option<bool>,
    #[serde(deserialize_with = "claim::flag")]
    has_second_factor: bool,
    session_id: Option<Uuid>,
    #[serde(deserialize_with = "claim::optional_time")]
    session_last_seen_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// An authenticated person and their memberships, loaded once per request.
#[derive(Debug, Clone)]
pub struct Caller {
    /// The user.
    pub user_id: Uuid,
    /// Their email (for matching action owners; never logged).
    pub email: String,
    /// Their display name.
    pub name: String,
    /// Their language preference, if set.
    pub locale: Option<String>,
    /// Every organization they belong to.
    pub memberships: Vec<MembershipView>,
    /// A `read_only` API key: reads like an advisor, may change nothing.
    pub read_only: bool,
    /// The sign-in session the request came with (`None` for an API key).
    pub session_id: Option<Uuid>,
    /// A company of theirs requires a second factor of its staff, and they have
    /// none yet: only enrolment is open to them.
    pub must_enrol_second_factor: bool,
}

/// How the caller reaches a supplier's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SupplierAccess {
    /// Through the owning company, with this role.
    Company(Role),
    /// As one of the supplier's own users.
    OwnSupplier,
}

impl SupplierAccess {
    /// The role the caller acts in: their company role, or `Supplier`.
    pub fn role(self) -> Role {
        match self {
            Self::Company(role) => role,
            Self::OwnSupplier => Role::Supplier,
        }
    }

    /// Requires one of the supplier's own users: only they answer and submit.
    pub fn own_supplier(self) -> Result<(), DomainError> {
        match self {
            Self::OwnSupplier => Ok(()),
            Self::Company(_) => Err(DomainError::Forbidden(
                "only the supplier's own users may do this",
            )),
        }
    }
}

/// `FROM … WHERE …` of the rows a caller is read from: the user (`user` is
/// its placeholder), their live session (`session`'s placeholder; without one
/// the join matches nothing, `s.id` is never NULL), their second factor, and
/// each membership with its organization and that organization's company.
/// [`Caller::load`] and the reads that confirm a [`claim::SessionClaim`] share
/// it, so both decide alike.
pub(crate) fn caller_rows_from(user: &str, session: Option<&str>) -> String {
    let session_join = match session {
        Some(session) => {
            format!(
                "LEFT JOIN user_sessions s ON s.id = {session} AND s.user_id = u.id AND s.ended_at IS NULL"
            )
        }
        None => "LEFT JOIN user_sessions s ON 1 = 0".to_string(),
    };
    format!(
        "FROM users u \
         {session_join} \
         LEFT JOIN user_totp t ON t.user_id = u.id \
         LEFT JOIN memberships m ON m.user_id = u.id \
         LEFT JOIN organizations o ON o.id = m.organization_id \
         LEFT JOIN organizations c ON c.id = COALESCE(o.company_id, o.id) \
         WHERE u.id = {user}"
    )
}

impl Caller {
    /// Loads the user and memberships; `None` if the user no longer exists. Runs on
    /// every authenticated request, so it is one round trip (the user joined to
    /// their memberships and organizations), read fresh each time: a removed member
    /// loses access on their very next request.
    pub async fn load<C: ConnectionTrait>(db: &C, user_id: Uuid) -> Result<Option<Self>, DomainError> {
        Self::load_rows(db, user_id, None).await
    }

    /// Like [`Caller::load`], for a token of sign-in session `session_id`: `None`
    /// as well when that session is not the user's or has ended. The session is
    /// joined on its primary key in the same round trip; its `last_seen_at` is
    /// written at most every five minutes, not on every request.
    ///
    /// On SQLite it is read on the calling thread (`claim::SessionClaim::caller_here`).
    pub async fn load_session<C: ConnectionTrait + 'static>(
        db: &C,
        user_id: Uuid,
        session_id: Uuid,
    ) -> Result<Option<Self>, DomainError> {
        let claim = claim::SessionClaim { user_id, session_id };
        if let Some(caller) = claim.caller_here(db).await? {
            return Ok(caller);
        }
        let Some(caller) = Self::load_rows(db, user_id, Some(session_id)).await? else {
            return Ok(None);
        };
        Ok(caller.session_id.is_some().then_some(caller))
    }

    async fn load_rows<C: ConnectionTrait>(
        db: &C,
        user_id: Uuid,
        session_id: Option<Uuid>,
    ) -> Result<Option<Self>, DomainError> {
        let backend = db.get_database_backend();
        let (first, second) = if backend == DatabaseBackend::Postgres {
            ("$1", "$2")
        } else {
            ("?", "?")
        };
        let sql = format!(
            "SELECT u.email, u.name, u.locale, m.role, o.id AS organization_id, \
               o.name AS organization_name, o.kind AS organization_kind, o.company_id, \
               c.mfa_required AS organization_mfa_required, \
               (t.confirmed_at IS NOT NULL) AS has_second_factor, \
               s.id AS session_id, s.last_seen_at AS session_last_seen_at \
             {from} \
             ORDER BY m.created_at, m.id",
            from = caller_rows_from(first, session_id.map(|_| second)),
        );
        // SQLite binds `?` in the order they appear: the session's, then the user's.
        let values: Vec<sea_orm::Value> = match (session_id, backend) {
            (Some(sid), DatabaseBackend::Postgres) => vec![user_id.into(), sid.into()],
            (Some(sid), _) => vec![sid.into(), user_id.into()],
            (None, _) => vec![user_id.into()],
        };
        let statement = Statement::from_sql_and_values(backend, sql, values);
        let rows = CallerRow::find_by_statement(statement).all(db).await?;
        Self::from_rows(db, user_id, rows).await
    }

    /// The caller of `rows` (the user joined to each membership, as
    /// [`Caller::load`] and [`claim`] read them); `None` when there is no row
    /// (the user no longer exists). Writes the session's `last_seen_at` when it
    /// is due.
    async fn from_rows<C: ConnectionTrait>(
        db: &C,
        user_id: Uuid,
        rows: Vec<CallerRow>,
    ) -> Result<Option<Self>, DomainError> {
        let Some(first) = rows.first() else {
            return Ok(None);
        };
        let (email, name, locale) = (first.email.clone(), first.name.clone(), first.locale.clone());
        let (session, last_seen, has_factor) = (
            first.session_id,
            first.session_last_seen_at,
            first.has_second_factor,
        );
        if let (Some(sid), Some(seen)) = (session, last_seen) {
            crate::sessions::touch(db, sid, seen).await?;
        }
        let mut must_enrol = false;
        let memberships = rows
            .into_iter()
            .filter_map(|row| {
                let kind = OrganizationKind::parse(row.organization_kind.as_deref()?)?;
                let organization_id = row.organization_id?;
                let role = Role::parse(row.role.as_deref()?)?;
                // The policy binds the company's staff, not its suppliers' users.
                if kind == OrganizationKind::Company
                    && role.reads_company()
                    && row.organization_mfa_required == Some(true)
                    && !has_factor
                {
                    must_enrol = true;
                }
                Some(MembershipView {
                    organization_id,
                    organization_name: row.organization_name?,
                    kind,
                    role,
                    company_id: row.company_id.unwrap_or(organization_id),
                })
            })
            .collect();
        Ok(Some(Self {
            user_id,
            email,
            name,
            locale,
            memberships,
            read_only: false,
            session_id: session,
            must_enrol_second_factor: must_enrol,
        }))
    }

    /// The caller an API key acts as: a member of the key's company alone, with
    /// the key's role (`read_only` reads as an advisor). `user_id` is the key's
    /// id, so the audit trail names the key; there is no email.
    pub async fn for_api_key<C: ConnectionTrait>(
        db: &C,
        key: &crate::entities::api_key::Model,
    ) -> Result<Option<Self>, DomainError> {
        let Some(company) = organization::Entity::find_by_id(key.company_id).one(db).await? else {
            return Ok(None);
        };
        let read_only = crate::api_keys::KeyRole::parse(&key.role) != Some(crate::api_keys::KeyRole::Officer);
        Ok(Some(Self {
            user_id: key.id,
            email: String::new(),
            name: key.name.clone(),
            locale: None,
            memberships: vec![MembershipView {
                organization_id: company.id,
                organization_name: company.name,
                kind: OrganizationKind::Company,
                role: if read_only { Role::Advisor } else { Role::Officer },
                company_id: company.id,
            }],
            read_only,
            session_id: None,
            must_enrol_second_factor: false,
        }))
    }

    /// The caller's role in company `company_id`, or `NotFound` when they are not a
    /// member of it (whether or not it exists).
    pub fn company_role(&self, company_id: Uuid) -> Result<Role, DomainError> {
        self.memberships
            .iter()
            .find(|m| m.kind == OrganizationKind::Company && m.organization_id == company_id)
            .map(|m| m.role)
            .ok_or(DomainError::NotFound("company"))
    }

    /// Like [`Caller::company_role`], but also requires one of the company's
    /// reviewers (admin, officer, advisor); a member with a lesser role gets
    /// `Forbidden`.
    pub fn company_reviewer(&self, company_id: Uuid) -> Result<Role, DomainError> {
        let role = self.company_role(company_id)?;
        if role.reads_company() {
            Ok(role)
        } else {
            Err(DomainError::Forbidden(
                "only the company's officers, admins and advisors may do this",
            ))
        }
    }

    /// Like [`Caller::company_role`], but also requires officer or admin; a
    /// member with a lesser role gets `Forbidden`.
    pub fn company_manager(&self, company_id: Uuid) -> Result<Role, DomainError> {
        let role = self.company_role(company_id)?;
        if self.read_only {
            return Err(DomainError::Forbidden("this API key is read-only"));
        }
        if role.manages_company() {
            Ok(role)
        } else {
            Err(DomainError::Forbidden("only officers and admins may do this"))
        }
    }

    /// May the caller change a supplier it reaches through `access`: its
    /// company's officers and admins may; the supplier's own users read it but
    /// may not (`Forbidden`, not `NotFound`: they see it). Both doors ask here.
    pub fn supplier_manager(&self, access: SupplierAccess) -> Result<Role, DomainError> {
        if self.read_only {
            return Err(DomainError::Forbidden("this API key is read-only"));
        }
        match access {
            SupplierAccess::Company(role) if role.manages_company() => Ok(role),
            _ => Err(DomainError::Forbidden(
                "only the company's officers and admins may change a supplier",
            )),
        }
    }

    /// How the caller reaches this supplier's data, or `NotFound`.
    pub fn supplier_access(&self, supplier: &supplier::Model) -> Result<SupplierAccess, DomainError> {
        if let Ok(role) = self.company_role(supplier.company_id) {
            return Ok(SupplierAccess::Company(role));
        }
        let own = self
            .memberships
            .iter()
            .any(|m| m.kind == OrganizationKind::Supplier && m.organization_id == supplier.id);
        if own {
            Ok(SupplierAccess::OwnSupplier)
        } else {
            Err(DomainError::NotFound("supplier"))
        }
    }

    /// Requires one of the company's reviewers (admin, officer or advisor) reaching
    /// the supplier through the company, and a caller who may change things: a
    /// supplier's own users read their findings and report progress, nothing more,
    /// and a read-only API key changes nothing. Both doors call this one rule.
    pub fn reviewer(&self, access: SupplierAccess) -> Result<Role, DomainError> {
        if self.read_only {
            return Err(DomainError::Forbidden("this API key is read-only"));
        }
        self.company_reader(access)
    }

    /// Requires one of the company's reviewers reaching the supplier through the
    /// company, for reading what only the company sees (reports, say); a
    /// read-only API key may.
    pub fn company_reader(&self, access: SupplierAccess) -> Result<Role, DomainError> {
        match access {
            SupplierAccess::Company(role) if role.reads_company() => Ok(role),
            _ => Err(DomainError::Forbidden(
                "only the company's officers, admins and advisors may do this",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn officer(read_only: bool) -> Caller {
        let company = Uuid::now_v7();
        Caller {
            user_id: Uuid::now_v7(),
            email: String::new(),
            name: "key".into(),
            locale: None,
            memberships: vec![MembershipView {
                organization_id: company,
                organization_name: "Co".into(),
                kind: OrganizationKind::Company,
                role: if read_only { Role::Advisor } else { Role::Officer },
                company_id: company,
            }],
            read_only,
            session_id: None,
            must_enrol_second_factor: false,
        }
    }

    #[test]
    fn a_reviewer_is_a_company_member_who_may_change_things() {
        assert_eq!(
            officer(false)
                .reviewer(SupplierAccess::Company(Role::Officer))
                .ok(),
            Some(Role::Officer)
        );
        assert!(matches!(
            officer(true).reviewer(SupplierAccess::Company(Role::Advisor)),
            Err(DomainError::Forbidden("this API key is read-only"))
        ));
        assert!(matches!(
            officer(false).reviewer(SupplierAccess::OwnSupplier),
            Err(DomainError::Forbidden(_))
        ));
    }
}
