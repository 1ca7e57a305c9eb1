//! The rows a caller may read, loaded with the supplier they belong to and how the
//! caller reaches it. Both doors (API and portal) load through here, so "another
//! tenant's id is a 404" and the row-to-supplier company check are decided once.

use sea_orm::{ConnectionTrait, EntityTrait, PrimaryKeyTrait};
use uuid::Uuid;

use super::{
    Caller, SupplierAccess,
    claim::{Asked, Asker},
};
use crate::{
    database::{row_and_supplier, row_by_id, row_supplier_and},
    entities::{assessment, corrective_action, finding, report, supplier},
    error::DomainError,
};

/// A row the caller may read, its supplier, and how the caller reaches it.
#[derive(Debug, Clone)]
pub struct Reached<T> {
    /// The row itself.
    pub row: T,
    /// The supplier it concerns.
    pub supplier: supplier::Model,
    /// How the caller reaches the supplier's data.
    pub access: SupplierAccess,
}

/// A supplier the caller may read, and how they reach it; anything else is
/// `NotFound("supplier")`, whether or not it exists.
pub async fn supplier<C: ConnectionTrait + 'static>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<(supplier::Model, SupplierAccess), DomainError> {
    const NOT_FOUND: DomainError = DomainError::NotFound("supplier");
    let found = row_by_id::<supplier::Entity, _>(db, id).await?.ok_or(NOT_FOUND)?;
    let access = caller.supplier_access(&found).map_err(|_| NOT_FOUND)?;
    Ok((found, access))
}

/// A row and its supplier as read, not yet decided for a caller
/// ([`Unreached::reach`]): read in the statement that learns who the caller is
/// ([`assessment_asked`]).
#[derive(Debug)]
pub struct Unreached<T> {
    found: Option<(T, supplier::Model)>,
    company_of: fn(&T) -> Uuid,
    not_found: DomainError,
}

impl<T> Unreached<T> {
    /// The row, when `caller` may read its supplier. The row's company must be
    /// the supplier's too: a mismatch would be a bug, and is treated as "not
    /// yours" rather than trusted (as evidence files are).
    pub fn reach(self, caller: &Caller) -> Result<Reached<T>, DomainError> {
        let Some((row, supplier)) = self.found else {
            return Err(self.not_found);
        };
        if supplier.company_id != (self.company_of)(&row) {
            return Err(self.not_found);
        }
        match caller.supplier_access(&supplier) {
            Ok(access) => Ok(Reached {
                row,
                supplier,
                access,
            }),
            Err(_) => Err(self.not_found),
        }
    }
}

/// What is read of row `id` of `E`: the column naming its supplier, its
/// company, and the error for "not found or not yours".
struct Kind<E: EntityTrait> {
    supplier_key: E::Column,
    company_of: fn(&E::Model) -> Uuid,
    not_found: DomainError,
}

impl<E> Kind<E>
where
    E: EntityTrait + 'static,
    <E::PrimaryKey as PrimaryKeyTrait>::ValueType: From<Uuid>,
{
    /// Row `id` with its supplier, read in one statement (`row_and_supplier`).
    async fn read<C: ConnectionTrait + 'static>(
        self,
        db: &C,
        id: Uuid,
    ) -> Result<Unreached<E::Model>, DomainError> {
        let found = row_and_supplier::<E, _>(db, id, self.supplier_key).await?;
        Ok(self.unreached(found.and_then(|(row, supplier)| Some((row, supplier?)))))
    }

    /// Row `id` with its supplier, read for `asker`: a session's caller is
    /// read in the same statement (`row_supplier_and`), so a request about one
    /// row is one read where it was two. When there is no such row, the
    /// caller is read on its own, so that a refused token is still refused
    /// before "not found".
    async fn asked<C: ConnectionTrait + 'static>(
        self,
        db: &C,
        asker: &Asker,
        id: Uuid,
    ) -> Result<Asked<Unreached<E::Model>>, DomainError> {
        let claim = match asker {
            Asker::Known(caller) => {
                return Ok(Asked {
                    caller: Some(caller.clone()),
                    admitted: true,
                    value: self.read(db, id).await?,
                });
            }
            Asker::Claimed(claim) => claim,
        };
        let found = row_supplier_and::<E, _>(db, id, self.supplier_key, &claim.beside()).await?;
        let (caller, found) = match found {
            Some((row, supplier, caller_rows)) => (
                claim.caller(db, caller_rows.as_deref()).await?,
                supplier.map(|supplier| (row, supplier)),
            ),
            None => (
                Caller::load_session(db, claim.user_id, claim.session_id).await?,
                None,
            ),
        };
        Ok(Asked {
            caller,
            // No gate: one row is read whoever asks, and decided by `reach`.
            admitted: true,
            value: self.unreached(found),
        })
    }

    fn unreached(self, found: Option<(E::Model, supplier::Model)>) -> Unreached<E::Model> {
        Unreached {
            found,
            company_of: self.company_of,
            not_found: self.not_found,
        }
    }
}

fn assessment_kind() -> Kind<assessment::Entity> {
    Kind {
        supplier_key: assessment::Column::SupplierId,
        company_of: |row| row.company_id,
        not_found: DomainError::NotFound("assessment"),
    }
}

/// An assessment read for `asker` (see [`Unreached::reach`]), with its
/// caller when the asker is a session's token: the request's caller and the
/// assessment in one statement.
pub async fn assessment_asked<C: ConnectionTrait + 'static>(
    db: &C,
    asker: &Asker,
    id: Uuid,
) -> Result<Asked<Unreached<assessment::Model>>, DomainError> {
    assessment_kind().asked(db, asker, id).await
}

/// An assessment the caller may read; anything else is `NotFound("assessment")`.
pub async fn assessment<C: ConnectionTrait + 'static>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<Reached<assessment::Model>, DomainError> {
    assessment_kind().read(db, id).await?.reach(caller)
}

/// A finding the caller may read; anything else is `NotFound("finding")`.
pub async fn finding<C: ConnectionTrait + 'static>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<Reached<finding::Model>, DomainError> {
    Kind::<finding::Entity> {
        supplier_key: finding::Column::SupplierId,
        company_of: |row| row.company_id,
        not_found: DomainError::NotFound("finding"),
    }
    .read(db, id)
    .await?
    .reach(caller)
}

/// A corrective action the caller may read; anything else is `NotFound("action")`.
pub async fn action<C: ConnectionTrait + 'static>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<Reached<corrective_action::Model>, DomainError> {
    Kind::<corrective_action::Entity> {
        supplier_key: corrective_action::Column::SupplierId,
        company_of: |row| row.company_id,
        not_found: DomainError::NotFound("action"),
    }
    .read(db, id)
    .await?
    .reach(caller)
}

/// A report the caller's company may read; a supplier's own users and anyone
/// else get `NotFound("report")` (reports are the company's advice).
pub async fn report<C: ConnectionTrait + 'static>(
    db: &C,
    caller: &Caller,
    id: Uuid,
) -> Result<report::Model, DomainError> {
    const NOT_FOUND: DomainError = DomainError::NotFound("report");
    let row = row_by_id::<report::Entity, _>(db, id).await?.ok_or(NOT_FOUND)?;
    match assessment(db, caller, row.assessment_id).await {
        Ok(Reached {
            access: SupplierAccess::Company(_),
            ..
        }) => Ok(row),
        Ok(_) | Err(DomainError::NotFound(_)) => Err(NOT_FOUND),
        Err(other) => Err(other),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use sea_orm::{ConnectionTrait as _, DbBackend, Statement, Value};
    use uuid::Uuid;

    use super::assessment_asked;
    use crate::{
        access::{
            SupplierAccess,
            claim::{Asker, SessionClaim},
        },
        database::{Database, test_file},
        error::DomainError,
        questionnaire::store,
    };

    /// An assessment read for a session's token carries its caller, read in
    /// the same statement: on the calling thread (the read pool is closed and
    /// both are still read) as through the pool. With no such assessment the
    /// caller is still read (a refused token is refused before "not found");
    /// an ended session reads as no caller.
    #[tokio::test]
    async fn an_assessment_is_read_with_the_caller_its_token_claims() {
        let (file, writes) = test_file::TestFile::migrated("asked").await;
        store::ensure_builtins(&writes).await.unwrap();
        let (company, maker) = test_file::company_and_supplier(&writes).await;
        let id = test_file::assessment_of(&writes, company, maker, "in_progress").await;
        let (user, live, ended) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
        let now = chrono::Utc::now();
        for (sql, values) in [
            (
                "INSERT INTO users (id, email, name, password_hash, locale, created_at) \
                 VALUES (?, 'rh@example.com', 'Rosa', 'x', 'es', ?)",
                vec![Value::from(user), Value::from(now)],
            ),
            (
                "INSERT INTO memberships (id, user_id, organization_id, role, created_at) \
                 VALUES (?, ?, ?, 'supplier', ?)",
                vec![
                    Value::from(Uuid::now_v7()),
                    Value::from(user),
                    Value::from(maker),
                    Value::from(now),
                ],
            ),
            (
                "INSERT INTO user_sessions (id, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)",
                vec![
                    Value::from(live),
                    Value::from(user),
                    Value::from(now),
                    Value::from(now),
                ],
            ),
            (
                "INSERT INTO user_sessions (id, user_id, created_at, last_seen_at, ended_at) \
                 VALUES (?, ?, ?, ?, ?)",
                vec![
                    Value::from(ended),
                    Value::from(user),
                    Value::from(now),
                    Value::from(now),
                    Value::from(now),
                ],
            ),
        ] {
            writes
                .execute_raw(Statement::from_sql_and_values(DbBackend::Sqlite, sql, values))
                .await
                .unwrap();
        }
        let claimed = |session_id| {
            Asker::Claimed(SessionClaim {
                user_id: user,
                session_id,
            })
        };
        let reads = sea_orm::Database::connect(&file.url).await.unwrap();
        let pooled = Database::split(reads.clone(), writes.clone());
        let by_pool = assessment_asked(&pooled, &claimed(live), id).await.unwrap();
        let caller = by_pool.caller.clone().unwrap();
        assert_eq!(caller.session_id, Some(live));
        let reached = by_pool.value.reach(&caller).unwrap();
        assert_eq!(
            (reached.row.id, reached.access),
            (id, SupplierAccess::OwnSupplier)
        );

        let in_thread =
            Database::split(reads.clone(), writes.clone()).with_in_thread_reads(file.path.clone());
        reads.close().await.unwrap();
        let here = assessment_asked(&in_thread, &claimed(live), id).await.unwrap();
        assert_eq!(format!("{:?}", here.caller), format!("{:?}", Some(&caller)));
        assert_eq!(here.value.reach(&caller).unwrap().row, reached.row);

        let missing = assessment_asked(&in_thread, &claimed(live), Uuid::now_v7())
            .await
            .unwrap();
        assert!(missing.caller.is_some(), "the caller is read without the row");
        assert!(matches!(
            missing.value.reach(&caller),
            Err(DomainError::NotFound("assessment"))
        ));
        let refused = assessment_asked(&in_thread, &claimed(ended), id).await.unwrap();
        assert!(refused.caller.is_none(), "an ended session is no caller");
        assert!(
            assessment_asked(&pooled, &claimed(live), id).await.is_err(),
            "the read pool is closed, so the reads above were on the calling thread"
        );
        drop((pooled, in_thread));
        writes.close().await.unwrap();
    }
}
