//! A caller confirmed by the read it asks for (issue #23).
//!
//! A signed token says who a request is: its user and sign-in session. Loading
//! the caller before the handler reads anything ([`Caller::load_session`]) makes
//! every list two statements, and on SQLite each statement is a hand-off to the
//! connection's thread and back. A list read for a [`SessionClaim`] instead
//! carries the caller's rows in its own statement, and computes its page only
//! behind a gate: the claimed user is a member of the company and the session is
//! live. The handler then decides on the caller exactly as it would have (the
//! rule stays in [`Caller`]), and the page is thrown away when it refuses. Both
//! are read in one statement, so the caller and the page are of one instant.
//!
//! Used where the caller's statement is a large share of the request: the
//! supplier list (+20–30% requests per second on both databases, measured in
//! BENCHMARKS.md), and saving answers, whose assessment is read with the
//! caller's rows beside it and decided after the caller is confirmed
//! ([`crate::access::readable::assessment_asked`]; +10% on PostgreSQL). The
//! assessment list and the audit trail were measured the same way and gained
//! nothing (their page is most of the work), so they keep the caller loaded
//! first.
//!
//! The gate is a necessary condition of every rule that admits a caller to a
//! company's list (each starts from [`Caller::company_role`]), so a page the
//! rule admits was always computed; [`Asked::admitted`] says whether it was,
//! and the API treats "admitted by the rule, not by the gate" as a bug.

use sea_orm::{DatabaseBackend, Statement, Value};
use serde::Deserialize;
use uuid::Uuid;

use super::{Caller, CallerRow, caller_rows_from};
use crate::{
    database::{Beside, in_thread_reads_of},
    error::DomainError,
    listing::json_page::{sqlite_id, stored_time},
};

/// Who a signed token says a request is: its user and sign-in session, not yet
/// confirmed by the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionClaim {
    /// The token's user.
    pub user_id: Uuid,
    /// The token's sign-in session.
    pub session_id: Uuid,
}

/// Who asks for a read.
#[derive(Debug, Clone)]
pub enum Asker {
    /// A caller already loaded (an API key's: it is looked up by its hash).
    Known(Caller),
    /// A session's token, confirmed by the read itself.
    Claimed(SessionClaim),
}

/// A read made for an [`Asker`].
#[derive(Debug)]
pub struct Asked<T> {
    /// The caller as the database knew them at the read; `None` when the claim
    /// does not hold (the user is gone, or the session ended or is not theirs).
    pub caller: Option<Caller>,
    /// Whether the gate let the read through; `value` is meaningful only then.
    pub admitted: bool,
    /// What was read (empty when not admitted).
    pub value: T,
}

impl<T> Asked<T> {
    /// The same caller, with `then` of what was read when the gate let it
    /// through, or `otherwise` (nothing more is read) when it did not.
    pub(crate) async fn then_admitted<U>(
        self,
        otherwise: U,
        then: impl AsyncFnOnce(T) -> Result<U, DomainError>,
    ) -> Result<Asked<U>, DomainError> {
        let value = if self.admitted {
            then(self.value).await?
        } else {
            otherwise
        };
        Ok(Asked {
            caller: self.caller,
            admitted: self.admitted,
            value,
        })
    }
}

/// Placeholders in the order they are written, from `next` on (PostgreSQL's
/// `$n`; SQLite's `?` binds in order of appearance).
pub(crate) struct Placeholders {
    backend: DatabaseBackend,
    next: usize,
}

impl Placeholders {
    /// Numbering after the `bound` values a statement already has.
    pub(crate) fn after(backend: DatabaseBackend, bound: usize) -> Self {
        Self {
            backend,
            next: bound + 1,
        }
    }

    fn take(&mut self) -> String {
        let place = if self.backend == DatabaseBackend::Postgres {
            format!("${}", self.next)
        } else {
            "?".to_string()
        };
        self.next += 1;
        place
    }
}

/// SQL with its values, in the order its placeholders were written.
pub(crate) struct Fragment {
    pub sql: String,
    pub values: Vec<Value>,
}

impl SessionClaim {
    /// A scalar subquery giving the caller's rows (those of [`Caller::load`],
    /// through [`caller_rows_from`]) as one JSON array of arrays, text; `[]` or
    /// `NULL` when the user does not exist.
    pub(crate) fn rows(&self, places: &mut Placeholders) -> Fragment {
        Fragment {
            sql: rows_sql(places),
            values: self.rows_values(),
        }
    }

    /// The values of [`SessionClaim::rows`], in the order its placeholders are
    /// written: the session's, then the user's.
    fn rows_values(&self) -> Vec<Value> {
        vec![self.session_id.into(), self.user_id.into()]
    }

    /// [`SessionClaim::rows`] as an expression read beside a row and its
    /// supplier ([`crate::access::readable`]): a request about one row learns
    /// its caller in the statement that reads the row.
    pub(crate) fn beside(&self) -> Beside {
        Beside {
            name: "caller_rows",
            sql: |backend, bound| rows_sql(&mut Placeholders::after(backend, bound)),
            values: self.rows_values(),
        }
    }

    /// A condition that holds when the claimed user is a member of
    /// `organization_id` and the claimed session is theirs and live: what every
    /// rule admitting a caller to that company's lists requires at least.
    pub(crate) fn gate(&self, places: &mut Placeholders, organization_id: Uuid) -> Fragment {
        let (session, user, organization) = (places.take(), places.take(), places.take());
        Fragment {
            sql: format!(
                "EXISTS (SELECT 1 FROM memberships gm \
                   JOIN user_sessions gs ON gs.id = {session} AND gs.user_id = gm.user_id \
                     AND gs.ended_at IS NULL \
                   WHERE gm.user_id = {user} AND gm.organization_id = {organization})"
            ),
            values: vec![
                self.session_id.into(),
                self.user_id.into(),
                organization_id.into(),
            ],
        }
    }

    /// The caller of this claim ([`Caller::load_session`]'s), read on the calling
    /// thread where the database does that (SQLite in a file, see
    /// [`crate::database::in_thread`]): its rows as one JSON row, one short
    /// statement without a hand-off. `None` where it is not read there.
    pub(crate) async fn caller_here<C: sea_orm::ConnectionTrait + 'static>(
        &self,
        db: &C,
    ) -> Result<Option<Option<Caller>>, DomainError> {
        let Some(reads) = in_thread_reads_of(db) else {
            return Ok(None);
        };
        let rows = self.rows(&mut Placeholders::after(DatabaseBackend::Sqlite, 0));
        let statement = Statement::from_sql_and_values(
            DatabaseBackend::Sqlite,
            format!("SELECT {} AS caller_rows", rows.sql),
            rows.values,
        );
        let Some(found) = reads.one_row(&statement)? else {
            return Ok(None);
        };
        let text = match found {
            Some(row) => row.text("caller_rows")?,
            None => None,
        };
        Ok(Some(self.caller(db, text.as_deref()).await?))
    }

    /// The caller of the rows [`SessionClaim::rows`] read (`None` when the user
    /// or the live session is missing), as [`Caller::load_session`] gives it.
    pub(crate) async fn caller<C: sea_orm::ConnectionTrait>(
        &self,
        db: &C,
        rows: Option<&str>,
    ) -> Result<Option<Caller>, DomainError> {
        // Each row is an array in `CallerRow`'s field order, which serde reads
        // into its fields in turn.
        let rows: Vec<CallerRow> = match rows {
            Some(text) => serde_json::from_str(text)
                .map_err(|e| DomainError::Internal(format!("the caller's rows do not parse: {e}")))?,
            None => Vec::new(),
        };
        let caller = Caller::from_rows(db, self.user_id, rows).await?;
        Ok(caller.filter(|caller| caller.session_id.is_some()))
    }
}

/// The SQL of [`SessionClaim::rows`]: its placeholders are taken from `places`
/// in this order, the session's then the user's.
fn rows_sql(places: &mut Placeholders) -> String {
    let backend = places.backend;
    // Written in this order: the session's placeholder, then the user's.
    let session = places.take();
    let user = places.take();
    let from = caller_rows_from(&user, Some(&session));
    if backend == DatabaseBackend::Postgres {
        format!(
            "(SELECT json_agg(json_build_array(u.email, u.name, u.locale, m.role, o.id, o.name, \
               o.kind, o.company_id, c.mfa_required, (t.confirmed_at IS NOT NULL), s.id, \
               s.last_seen_at) ORDER BY m.created_at, m.id)::text {from})"
        )
    } else {
        format!(
            "(SELECT json_group_array(json_array(u.email, u.name, u.locale, m.role, {org}, o.name, \
               o.kind, {company}, c.mfa_required, (t.confirmed_at IS NOT NULL), {session_id}, \
               s.last_seen_at) ORDER BY m.created_at, m.id) {from})",
            org = sqlite_id("o.id"),
            company = sqlite_id("o.company_id"),
            session_id = sqlite_id("s.id"),
        )
    }
}

/// A flag as either database writes it in JSON: PostgreSQL's boolean, or
/// SQLite's integer.
#[derive(Deserialize)]
#[serde(untagged)]
enum Flag {
    Bool(bool),
    Number(i64),
}

impl Flag {
    fn set(self) -> bool {
        match self {
            Self::Bool(set) => set,
            Self::Number(n) => n != 0,
        }
    }
}

/// [`CallerRow`]'s flags read from JSON ([`Flag`]).
pub(super) fn flag<'de, D: serde::Deserializer<'de>>(from: D) -> Result<bool, D::Error> {
    Flag::deserialize(from).map(Flag::set)
}

/// [`flag`] of a nullable column.
pub(super) fn optional_flag<'de, D: serde::Deserializer<'de>>(from: D) -> Result<Option<bool>, D::Error> {
    Ok(Option::<Flag>::deserialize(from)?.map(Flag::set))
}

/// A nullable time read from JSON as the row decoder reads it ([`stored_time`]).
pub(super) fn optional_time<'de, D: serde::Deserializer<'de>>(
    from: D,
) -> Result<Option<chrono::DateTime<chrono::Utc>>, D::Error> {
    Option::<String>::deserialize(from)?
        .as_deref()
        .map(stored_time)
        .transpose()
        .map_err(serde::de::Error::custom)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use sea_orm::{ConnectionTrait as _, DbBackend, Statement, Value};
    use uuid::Uuid;

    use crate::{access::Caller, database::Database};

    /// The tables the caller's rows read, as the migrations make them on SQLite
    /// (ids as sqlx's 16-byte blobs, times as RFC 3339 text).
    const TABLES: &str = "PRAGMA journal_mode=WAL;
        CREATE TABLE users (id BLOB PRIMARY KEY, email TEXT, name TEXT, locale TEXT);
        CREATE TABLE user_sessions (id BLOB PRIMARY KEY, user_id BLOB, ended_at TEXT, last_seen_at TEXT);
        CREATE TABLE user_totp (user_id BLOB PRIMARY KEY, confirmed_at TEXT);
        CREATE TABLE organizations (id BLOB PRIMARY KEY, name TEXT, kind TEXT, company_id BLOB,
          mfa_required INTEGER);
        CREATE TABLE memberships (id BLOB PRIMARY KEY, user_id BLOB, organization_id BLOB, role TEXT,
          created_at TEXT);";

    /// A session's caller is read on the calling thread on SQLite: with the
    /// read pool closed it is still read, the same as the pool read it, and an
    /// ended session or another user's still reads as no caller.
    #[tokio::test]
    async fn a_sessions_caller_is_read_on_the_calling_thread_as_the_pool_reads_it() {
        let path = std::env::temp_dir().join(format!("fh-claim-{}.db", Uuid::new_v4().simple()));
        let url = format!("sqlite://{}?mode=rwc", path.display());
        let writes = sea_orm::Database::connect(&url).await.unwrap();
        writes.execute_unprepared(TABLES).await.unwrap();
        let (user, session, ended, company) =
            (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
        let now = chrono::Utc::now();
        let rows: [(&str, Vec<Value>); 5] = [
            (
                "INSERT INTO users VALUES (?, 'ana@example.org', 'Ana', 'es')",
                vec![user.into()],
            ),
            (
                "INSERT INTO user_sessions VALUES (?, ?, NULL, ?)",
                vec![session.into(), user.into(), now.into()],
            ),
            (
                "INSERT INTO user_sessions VALUES (?, ?, ?, ?)",
                vec![ended.into(), user.into(), now.into(), now.into()],
            ),
            (
                "INSERT INTO organizations VALUES (?, 'Acme', 'company', NULL, 0)",
                vec![company.into()],
            ),
            (
                "INSERT INTO memberships VALUES (?, ?, ?, 'admin', ?)",
                vec![Uuid::new_v4().into(), user.into(), company.into(), now.into()],
            ),
        ];
        for (sql, values) in rows {
            writes
                .execute_raw(Statement::from_sql_and_values(DbBackend::Sqlite, sql, values))
                .await
                .unwrap();
        }
        let reads = sea_orm::Database::connect(&url).await.unwrap();
        let pooled = Database::split(reads.clone(), writes.clone());
        let by_pool = Caller::load_session(&pooled, user, session)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(by_pool.memberships.len(), 1);

        let in_thread = Database::split(reads.clone(), writes.clone()).with_in_thread_reads(path.clone());
        reads.close().await.unwrap();
        let here = Caller::load_session(&in_thread, user, session)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(format!("{here:?}"), format!("{by_pool:?}"));
        assert!(
            Caller::load_session(&in_thread, user, ended)
                .await
                .unwrap()
                .is_none(),
            "an ended session is no caller"
        );
        assert!(
            Caller::load_session(&in_thread, Uuid::new_v4(), session)
                .await
                .unwrap()
                .is_none(),
            "another user's session is no caller"
        );
        assert!(
            Caller::load_session(&pooled, user, session).await.is_err(),
            "the read pool is closed, so the reads above were on the calling thread"
        );
        writes.close().await.unwrap();
        drop((pooled, in_thread));
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    }
}
