//! (internal) How the supplier list grows with the company (issue #23): one
//! database per kind, grown to each size in turn (suppliers only, through the
//! create use case, see [`env::seed_bare_suppliers`]), and at each size wrk on
//! page 1, on a deep page by `cursor` (taken from the page before it, as a
//! client walking the list holds it) and on the same page by number. Prints a
//! Markdown table for BENCHMARKS.md's notes.

use std::path::Path;

use crate::{
    env::{self, BenchDb, DbKind, Server},
    load::{self, WrkResult},
};

/// The deep page: page 100, or the last full page of a smaller list.
const DEEP_PAGE: usize = 100;

/// Grows each database through `sizes` (ascending) and measures the list at each.
pub async fn run(kinds: &[DbKind], sizes: &[usize], scratch: &Path) -> anyhow::Result<String> {
    let fx_csv = crate::feegen::fx_rates_csv(chrono::Utc::now().date_naive());
    let mut table = String::from(
        "| database | suppliers | seeded in | page 1: req/s (p99) | deep page | by cursor: req/s (p99) | by number: req/s (p99) |\n\
         |---|---|---|---|---|---|---|\n",
    );
    for &kind in kinds {
        let db = BenchDb::fresh(kind, scratch, "growth").await?;
        let server = Server::spawn(&db, "api")?;
        let seeded = env::seed_company(&db, &server, &fx_csv).await?;
        let mut have = 0;
        for &size in sizes {
            // A deep page needs a page before it with a next page.
            anyhow::ensure!(
                size > 50,
                "list-growth needs more than 50 suppliers at its smallest size (--size over 5,000)"
            );
            let started = std::time::Instant::now();
            env::seed_bare_suppliers(&db, &seeded, have, size).await?;
            let seeded_in = started.elapsed().as_secs_f64();
            have = size;
            eprintln!(
                "== {} at {size} suppliers (seeded in {seeded_in:.1} s)",
                kind.label()
            );
            let list = server.url(&format!(
                "/api/v1/companies/{}/suppliers?per_page=50",
                seeded.company_id
            ));
            let deep = DEEP_PAGE.min(size / 50).max(2);
            let cursor = env::cursor_to(&list, &seeded.admin_token, deep).await?;
            let first = measure(&list, &seeded.admin_token).await?;
            let by_cursor = measure(&format!("{list}&cursor={cursor}"), &seeded.admin_token).await?;
            let by_number = measure(&format!("{list}&page={deep}"), &seeded.admin_token).await?;
            table.push_str(&format!(
                "| {} | {size} | {seeded_in:.0} s | {} | {deep} | {} | {} |\n",
                kind.label(),
                cell(&first),
                cell(&by_cursor),
                cell(&by_number),
            ));
        }
        server.stop();
        db.drop_db().await?;
    }
    Ok(table)
}

/// wrk on `url` as the company's admin; a run with any failed request is an error.
async fn measure(url: &str, token: &str) -> anyhow::Result<WrkResult> {
    let url = url.to_string();
    let auth = format!("Bearer {token}");
    let result =
        tokio::task::spawn_blocking(move || load::wrk(&url, &[("Authorization", auth.as_str())], None))
            .await??;
    anyhow::ensure!(
        result.non_2xx == 0 && result.socket_errors.is_none(),
        "{} non-2xx responses, socket errors {:?}",
        result.non_2xx,
        result.socket_errors
    );
    Ok(result)
}

fn cell(result: &WrkResult) -> String {
    format!("{:.0} ({:.1} ms)", result.rps, result.p99 * 1000.0)
}
