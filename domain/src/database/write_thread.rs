//! Write transactions driven by a thread of their own (issue #23).
//!
//! Why: a request's future runs on the HTTP worker that accepted it, and each
//! of a transaction's statements wakes that future again when the database has
//! answered. Under load the worker is busy with the other connections' requests
//! (parsing, authentication, reads, JSON), so each step of the transaction waits
//! its turn in that queue while it holds the write lock: SQLite's one writer, or
//! PostgreSQL's row locks. Profiled under the save-answers load on SQLite, half
//! of the CPU was idle while saves queued for the writer (BENCHMARKS.md, "Saves,
//! profiled"). Here the transaction runs on a single-threaded runtime that does
//! nothing else, so each step continues the moment its answer is in; the request
//! only waits for the result.
//!
//! One thread for the process (not one per app: tests build many apps), started
//! at first use. What runs on it must not compute for long: it is the writer's
//! turn that is being saved, so parse and validate before, encode after.

use std::{future::Future, sync::OnceLock, thread};

use tokio::runtime::{Builder, Handle};

use crate::error::DomainError;

/// Runs `transaction` to its end on the write thread and returns its result.
///
/// The transaction runs to its end even if the caller stops waiting (a client
/// that hangs up does not leave a save half-made or roll it back halfway).
pub async fn on_write_thread<F, T>(transaction: F) -> Result<T, DomainError>
where
    F: Future<Output = Result<T, DomainError>> + Send + 'static,
    T: Send + 'static,
{
    match write_runtime()?.spawn(transaction).await {
        Ok(result) => result,
        Err(failed) => Err(DomainError::Internal(format!(
            "a write transaction did not finish: {failed}"
        ))),
    }
}

/// The write thread's runtime, started at first use.
fn write_runtime() -> Result<&'static Handle, DomainError> {
    static RUNTIME: OnceLock<Result<Handle, String>> = OnceLock::new();
    RUNTIME
        .get_or_init(start)
        .as_ref()
        .map_err(|e| DomainError::Internal(e.clone()))
}

fn start() -> Result<Handle, String> {
    let runtime = Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("the write thread's runtime did not start: {e}"))?;
    let handle = runtime.handle().clone();
    thread::Builder::new()
        .name("fairhire-writes".into())
        // Lives as long as the process: it drives every write transaction.
        .spawn(move || runtime.block_on(std::future::pending::<()>()))
        .map_err(|e| format!("the write thread did not start: {e}"))?;
    Ok(handle)
}

#[cfg(test)]
mod tests {
    use super::on_write_thread;
    use crate::error::DomainError;

    #[tokio::test]
    async fn runs_on_its_own_thread_and_returns_the_result() -> Result<(), DomainError> {
        let here = std::thread::current().id();
        let (there, name) = on_write_thread(async {
            let me = std::thread::current();
            Ok((me.id(), me.name().map(str::to_string)))
        })
        .await?;
        assert_ne!(here, there);
        assert_eq!(name.as_deref(), Some("fairhire-writes"));
        let refused: Result<(), DomainError> =
            on_write_thread(async { Err(DomainError::Conflict("kept".into())) }).await;
        assert!(matches!(refused, Err(DomainError::Conflict(m)) if m == "kept"));
        Ok(())
    }

    #[tokio::test]
    async fn a_panic_is_an_error_not_a_crash() {
        let failed: Result<(), DomainError> = on_write_thread(async { panic!("boom") }).await;
        assert!(matches!(failed, Err(DomainError::Internal(_))));
        // The thread is still there for the next transaction.
        assert!(matches!(on_write_thread(async { Ok(1) }).await, Ok(1)));
    }
}
