//! Starting a transaction that will write.
//!
//! On SQLite a plain `BEGIN` is deferred: it starts as a reader and upgrades to a
//! writer at its first write. If another connection committed in between, the
//! upgrade fails at once with `SQLITE_BUSY` (the busy timeout does not apply), and
//! the user would see a 500 under ordinary concurrent use. `BEGIN IMMEDIATE` takes
//! the write lock up front and waits its turn instead. PostgreSQL ignores the mode.
//! `clippy.toml` forbids the plain `begin()` so that no new code forgets this.

use sea_orm::{DbErr, SqliteTransactionMode, TransactionOptions, TransactionTrait};

/// `begin_write()`: a transaction that may write, safe under concurrency on SQLite
/// (a nested one is a savepoint, as with `begin()`).
pub trait BeginWrite: TransactionTrait {
    /// Starts the transaction (`BEGIN IMMEDIATE` on SQLite).
    fn begin_write(&self) -> impl Future<Output = Result<Self::Transaction, DbErr>> + Send;
}

impl<T: TransactionTrait + ?Sized> BeginWrite for T {
    fn begin_write(&self) -> impl Future<Output = Result<Self::Transaction, DbErr>> + Send {
        self.begin_with_options(TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..TransactionOptions::default()
        })
    }
}
