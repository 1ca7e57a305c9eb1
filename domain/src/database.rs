//! What the doors (API, portal) need of the database without being able to query
//! it: a handle to hold and pass on, a connection bound for helpers that take the
//! pool or a transaction, the error to map, and readiness. `api` and `web` do not
//! depend on sea-orm, so every query has to be a use case here; this module names
//! the types without handing out sea-orm's query traits.

use std::time::Duration;

use sea_orm::ConnectionTrait;

mod by_id;
mod in_thread;
mod in_thread_writes;
mod limit_inline;
mod pools;
mod sqlite_rows;
#[cfg(test)]
pub(crate) mod test_file;
mod write_thread;

pub(crate) use by_id::{Beside, row_and_supplier, row_by_id, row_supplier_and};
pub(crate) use in_thread::{InThreadReads, InThreadRow, in_thread_reads_of};
pub(crate) use in_thread_writes::{InThreadWrites, run_now};

/// The database handle (a read pool and a write pool), cloned cheaply into each
/// door's state; see `pools` for why writes have a pool of their own.
pub use pools::Database;

/// Runs a write transaction on the thread that does nothing else (see
/// `write_thread` for why).
pub(crate) use write_thread::on_write_thread;

/// A write transaction opened with `transaction::BeginWrite::begin_write`; it ends
/// with its own `commit()` or `rollback()`.
pub type Transaction = sea_orm::DatabaseTransaction;

/// A failure of the database itself (connection lost, constraint violated…): a
/// bug or an outage, shown to nobody but the log.
pub type DatabaseError = sea_orm::DbErr;

/// Anything a use case can run on: the pool or a transaction. Door helpers that
/// pass a connection through to the domain take `C: Connection`; they cannot
/// query it (sea-orm's query traits are not theirs). Owned (`'static`): the
/// domain asks whether it is the app's [`Database`] to read on the calling
/// thread (`in_thread`).
pub trait Connection: ConnectionTrait + Send + Sync + 'static {}

impl<T: ConnectionTrait + Send + Sync + 'static> Connection for T {}

/// How long readiness waits for the database before saying it is not ready.
const READY_TIMEOUT: Duration = Duration::from_secs(3);

/// Whether the database answers a trivial query within a few seconds (the
/// readiness probe of orchestrators).
pub async fn ready(db: &Database) -> bool {
    matches!(
        tokio::time::timeout(READY_TIMEOUT, db.execute_unprepared("SELECT 1")).await,
        Ok(Ok(_))
    )
}
