//! The Fairhire benchmark harness (issue 11; fee import: issue 5, acceptance 4).
//!
//! `cargo run --release -p fairhire-bench -- <what> [--db sqlite|postgres] [--size N]`
//! measures, on SQLite and PostgreSQL, and writes or updates `BENCHMARKS.md`:
//! fee import (floor, engine, peak memory, the whole upload), scoring through the
//! queue, API throughput under wrk beside an in-binary ceiling, and start-up and idle
//! memory of `fairhire serve`. Every figure at two sizes (×10). Everything runs on
//! 127.0.0.1, bounded in count and time.

mod env;
mod fee;
mod feegen;
mod list_growth;
mod list_profile;
mod load;
mod machine;
mod pdf;
mod report;
mod scoring;
mod sections;
mod stats;

use std::path::PathBuf;

use anyhow::{Context, anyhow};
use clap::{Parser, ValueEnum};

use crate::env::DbKind;

/// What to measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum What {
    /// Everything, in one run.
    All,
    /// Fee import: floor, engine, memory, upload.
    Fee,
    /// Scoring through the queue.
    Scoring,
    /// API throughput with wrk.
    Api,
    /// Start-up time and idle memory of `fairhire serve`.
    Startup,
    /// Scoring, API and start-up on the same seeded databases (one seeding).
    Seeded,
    /// The demo report's PDF render beside WeasyPrint (SQLite only; `--size` = renders).
    Pdf,
    /// Only write a generated fee-audit CSV (`--file`, `--size`) and its FX rates.
    Generate,
    /// (internal) run the fee engine on `--file` and report peak memory.
    #[value(hide = true)]
    EngineChild,
    /// (internal, for profiling) one upload of `--size` rows per database and the
    /// in-process profile, printed rather than written to BENCHMARKS.md.
    #[value(hide = true)]
    FeeUpload,
    /// (internal, for profiling) the demo report rendered `--size` times (default
    /// 20), without WeasyPrint; run under callgrind with
    /// `--toggle-collect='worker::report::render*'` to count the render alone.
    #[value(hide = true)]
    PdfProfile,
    /// (internal, for profiling) `--size` suppliers seeded and served by the
    /// release `fairhire api` until `{scratch}/list-profile.stop` appears, for a
    /// profiler attached from outside (see `list_profile`).
    #[value(hide = true)]
    ListProfile,
    /// (internal) the supplier list at 1,000, 10,000 and 100,000 suppliers (or
    /// `--size` and its tenth and hundredth), suppliers only; prints a table.
    #[value(hide = true)]
    ListGrowth,
}

#[derive(Debug, Parser)]
#[command(name = "fairhire-bench", about = "Measures Fairhire and writes BENCHMARKS.md")]
struct Cli {
    /// What to measure.
    #[arg(value_enum)]
    what: What,
    /// One database only (default: both).
    #[arg(long, value_enum)]
    db: Option<DbKind>,
    /// The larger size (the smaller is a tenth): fee rows (default 200000) or
    /// suppliers/assessments (default 10000).
    #[arg(long)]
    size: Option<usize>,
    /// Where to write the report.
    #[arg(long, default_value = "BENCHMARKS.md")]
    out: PathBuf,
    /// Scratch directory (generated files, SQLite databases); removed afterwards.
    #[arg(long, default_value = "target/bench-scratch")]
    scratch: PathBuf,
    /// `generate`/`engine-child`: the fee-audit CSV.
    #[arg(long)]
    file: Option<PathBuf>,
    /// `engine-child`: the FX-rate CSV.
    #[arg(long, hide = true)]
    fx: Option<PathBuf>,
    /// `engine-child`: read the whole file into memory first, as the API does.
    #[arg(long, hide = true)]
    buffered: bool,
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.what {
        What::EngineChild => {
            let file = cli.file.as_deref().ok_or_else(|| anyhow!("--file"))?;
            let fx = cli.fx.as_deref().ok_or_else(|| anyhow!("--fx"))?;
            fee::engine_child(file, fx, cli.buffered)
        }
        What::Generate => {
            let rows = cli.size.unwrap_or(200_000);
            let file = cli
                .file
                .unwrap_or_else(|| PathBuf::from(format!("fee-audit-{rows}.csv")));
            let (csv, generated) = feegen::fee_audit_csv(rows);
            std::fs::write(&file, csv).with_context(|| format!("writing {}", file.display()))?;
            let fx = file.with_extension("fx.csv");
            std::fs::write(&fx, feegen::fx_rates_csv(chrono::Utc::now().date_naive()))?;
            println!(
                "{}: {} rows, {} workers, {} bytes; rates in {}",
                file.display(),
                generated.rows,
                generated.workers,
                generated.bytes,
                fx.display()
            );
            Ok(())
        }
        What::FeeUpload => {
            let dbs = match cli.db {
                Some(db) => vec![db],
                None => vec![DbKind::Sqlite, DbKind::Postgres],
            };
            let rows = cli.size.unwrap_or(200_000);
            actix_web::rt::System::new().block_on(sections::fee_upload_profile(&dbs, rows, &cli.scratch))
        }
        What::ListProfile => {
            let kind = cli.db.unwrap_or(DbKind::Sqlite);
            let size = cli.size.unwrap_or(10_000);
            std::fs::create_dir_all(&cli.scratch)?;
            actix_web::rt::System::new().block_on(list_profile::serve(kind, size, &cli.scratch))
        }
        What::ListGrowth => {
            let dbs = match cli.db {
                Some(db) => vec![db],
                None => vec![DbKind::Sqlite, DbKind::Postgres],
            };
            let big = cli.size.unwrap_or(100_000);
            std::fs::create_dir_all(&cli.scratch)?;
            let table = actix_web::rt::System::new().block_on(list_growth::run(
                &dbs,
                &[big / 100, big / 10, big],
                &cli.scratch,
            ))?;
            print!("{table}");
            Ok(())
        }
        What::PdfProfile => {
            let runs = cli.size.unwrap_or(20);
            actix_web::rt::System::new().block_on(pdf::profile(&cli.scratch, runs))
        }
        what => {
            let dbs = match cli.db {
                Some(db) => vec![db],
                None => vec![DbKind::Sqlite, DbKind::Postgres],
            };
            let plan = sections::Plan {
                fee: matches!(what, What::All | What::Fee),
                scoring: matches!(what, What::All | What::Scoring | What::Seeded),
                api: matches!(what, What::All | What::Api | What::Seeded),
                startup: matches!(what, What::All | What::Startup | What::Seeded),
                pdf: matches!(what, What::All | What::Pdf),
                dbs,
                size: cli.size,
                scratch: cli.scratch,
                out: cli.out,
                command: std::env::args().skip(1).collect::<Vec<_>>().join(" "),
            };
            actix_web::rt::System::new().block_on(sections::run(plan))
        }
    }
}
