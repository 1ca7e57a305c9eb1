//! Fee import (issue 5, acceptance 4): the bare-parsing floor, the engine alone, its
//! peak memory in a child process, the whole upload through the HTTP API, and where
//! the upload's time goes.

use domain::transaction::BeginWrite as _;
use std::{
    hint::black_box,
    io::BufReader,
    path::Path,
    process::Command,
    time::{Duration, Instant},
};

use anyhow::{Context, anyhow, bail};
use chrono::NaiveDate;
use domain::{
    entities::{fee_audit, fee_audit_line_chunk, supplier},
    fee_audit::engine::{AuditedLine, FeeAuditOutcome, RateTable, audit_csv, read_fx_rates},
    fee_audit::store::LineChunks,
};
use rust_decimal::Decimal;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};
use serde::Deserialize;
use uuid::Uuid;

use crate::{
    env::{BenchDb, Seeded, Server, client},
    machine::status_kib,
    stats::Samples,
};

/// A row exactly as the file has it, typed: what "just parsing" produces.
#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct TypedRow {
    worker_ref: String,
    nationality: String,
    recruiter: String,
    recruiter_country: String,
    hire_date: NaiveDate,
    #[serde(with = "rust_decimal::serde::str")]
    monthly_wage: Decimal,
    wage_currency: String,
    category: String,
    #[serde(with = "rust_decimal::serde::str")]
    amount: Decimal,
    currency: String,
    paid_on: NaiveDate,
    loan: String,
    #[serde(with = "rust_decimal::serde::str_option")]
    reimbursed: Option<Decimal>,
    evidence: String,
}

/// The floor: the `csv` crate + serde into [`TypedRow`]s (one reused record, the
/// fastest idiomatic way), from memory. Returns the rows read.
pub fn parse_floor(bytes: &[u8]) -> anyhow::Result<usize> {
    let mut reader = csv::Reader::from_reader(bytes);
    let headers = reader.byte_headers()?.clone();
    let mut record = csv::ByteRecord::new();
    let mut rows = 0;
    let mut total = Decimal::ZERO;
    while reader.read_byte_record(&mut record)? {
        let row: TypedRow = record.deserialize(Some(&headers))?;
        total += row.amount;
        black_box(&row);
        rows += 1;
    }
    black_box(total);
    Ok(rows)
}

/// The company's rates as the API loads them.
pub fn rate_table(fx_csv: &str) -> anyhow::Result<RateTable> {
    let rates = read_fx_rates(fx_csv.as_bytes()).map_err(|e| anyhow!("fx rates: {e:?}"))?;
    let mut table = RateTable::new();
    for rate in rates {
        table.insert(rate.currency, rate.date, rate.usd_per_unit);
    }
    Ok(table)
}

/// The engine alone: every rule, conversion and tally, each line handed to a no-op.
pub fn run_engine(
    input: impl std::io::Read,
    rates: &RateTable,
    today: NaiveDate,
) -> anyhow::Result<FeeAuditOutcome> {
    audit_csv(input, today, rates, |line: &AuditedLine| {
        black_box(line);
    })
    .map_err(|errors| anyhow!("{} bad rows, e.g. {:?}", errors.len(), errors.first()))
}

/// Times `f` `runs` times (after one warm-up run).
pub fn time_runs(runs: usize, mut f: impl FnMut() -> anyhow::Result<()>) -> anyhow::Result<Samples> {
    f()?;
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        f()?;
        times.push(start.elapsed());
    }
    Ok(Samples::of_durations(&times))
}

/// What the engine child reports.
#[derive(Debug, Clone, Default, serde::Serialize, Deserialize)]
pub struct ChildReport {
    /// VmHWM before reading the upload (the process's own baseline), kB.
    pub hwm_before_kib: u64,
    /// VmHWM after the results are out, kB.
    pub hwm_after_kib: u64,
    /// Rows read.
    pub rows: u64,
    /// Workers.
    pub workers: u64,
    /// Seconds.
    pub secs: f64,
}

/// In the child: runs the engine on `file`, streamed from disk (`buffered` = false)
/// or read into memory first as the API does, and prints a [`ChildReport`] as JSON.
pub fn engine_child(file: &Path, fx: &Path, buffered: bool) -> anyhow::Result<()> {
    let rates = rate_table(&std::fs::read_to_string(fx)?)?;
    let today = chrono::Utc::now().date_naive();
    let hwm_before_kib = status_kib("self", "VmHWM:").unwrap_or(0);
    let start = Instant::now();
    let outcome = if buffered {
        let bytes = std::fs::read(file)?;
        run_engine(&bytes[..], &rates, today)?
    } else {
        run_engine(BufReader::new(std::fs::File::open(file)?), &rates, today)?
    };
    let report = ChildReport {
        hwm_before_kib,
        hwm_after_kib: status_kib("self", "VmHWM:").unwrap_or(0),
        rows: outcome.rows,
        workers: outcome.workers.len() as u64,
        secs: start.elapsed().as_secs_f64(),
    };
    println!("{}", serde_json::to_string(&report)?);
    Ok(())
}

/// Runs [`engine_child`] in a fresh process of this binary.
pub fn measure_child(file: &Path, fx: &Path, buffered: bool) -> anyhow::Result<ChildReport> {
    let mut cmd = Command::new(std::env::current_exe()?);
    cmd.arg("engine-child")
        .arg("--file")
        .arg(file)
        .arg("--fx")
        .arg(fx);
    if buffered {
        cmd.arg("--buffered");
    }
    let output = cmd.output().context("running the engine child")?;
    if !output.status.success() {
        bail!("engine child failed: {}", String::from_utf8_lossy(&output.stderr));
    }
    Ok(serde_json::from_slice(&output.stdout)?)
}

/// One upload through the API: the time from sending the request to having read the
/// whole `201` response, and the response's size.
pub async fn upload_once(server: &Server, seeded: &Seeded, body: &[u8]) -> anyhow::Result<(Duration, usize)> {
    let http = client()?;
    let url = server.url(&format!(
        "/api/v1/suppliers/{}/fee-audits",
        seeded.user_supplier_id
    ));
    let start = Instant::now();
    let response = http
        .post(url)
        .bearer_auth(&seeded.admin_token)
        .header("content-type", "text/csv")
        .body(body.to_vec())
        .send()
        .await?;
    let status = response.status();
    let bytes = response.bytes().await?;
    let elapsed = start.elapsed();
    if status.as_u16() != 201 {
        bail!(
            "upload answered {status}: {}",
            String::from_utf8_lossy(&bytes[..bytes.len().min(600)])
        );
    }
    Ok((elapsed, bytes.len()))
}

/// Where an upload's time goes, measured in-process on the same database inside a
/// transaction that is rolled back: the engine, plus encoding each line into the CSV
/// chunks the upload stores, plus inserting the chunks, for each chunk size.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// Engine + encoding every line into chunks (seconds).
    pub engine_and_encoding: f64,
    /// Engine + encoding + `INSERT` of every chunk, by lines per chunk (seconds).
    pub with_inserts: Vec<(usize, f64)>,
    /// The per-worker rows, each stored form: `INSERT` of every worker, then reading
    /// every worker back a page at a time and writing it out as JSON (seconds).
    pub workers: Vec<WorkerRows>,
    /// `upload_fee_audit` as a whole, in process (no HTTP, no commit, no response).
    pub upload_in_process: f64,
}

/// The per-worker rows of one stored form, timed.
#[derive(Debug, Clone, Default)]
pub struct WorkerRows {
    /// How they were inserted: [`STORED_NOW`] (the upload's) or [`STORED_BEFORE`].
    pub form: &'static str,
    /// Storing every worker (seconds).
    pub store: f64,
    /// Reading every worker back, pages of `WORKERS_PER_PAGE`, and encoding it as JSON (seconds).
    pub read: f64,
}

/// Measures a [`Profile`] for `body`.
pub async fn profile(
    db: &BenchDb,
    seeded: &Seeded,
    body: &[u8],
    rates: &RateTable,
    chunk_sizes: &[usize],
) -> anyhow::Result<Profile> {
    let today = chrono::Utc::now().date_naive();
    let start = Instant::now();
    let mut chunks = LineChunks::new(Uuid::now_v7());
    let mut failed = None;
    audit_csv(body, today, rates, |line| {
        if let Err(error) = chunks.push(line) {
            failed.get_or_insert(error);
        }
    })
    .map_err(|e| anyhow!("{} bad rows", e.len()))?;
    black_box(chunks.finish()?);
    if let Some(error) = failed {
        return Err(error.into());
    }
    let engine_and_encoding = start.elapsed().as_secs_f64();
    let own = supplier::Entity::find_by_id(seeded.user_supplier_id)
        .one(&db.db)
        .await?
        .ok_or_else(|| anyhow!("supplier not found"))?;
    let mut with_inserts = Vec::new();
    for &size in chunk_sizes {
        let txn = db.db.begin_write().await?;
        let start = Instant::now();
        let audit = fee_audit::ActiveModel {
            id: Set(Uuid::now_v7()),
            company_id: Set(own.company_id),
            supplier_id: Set(own.id),
            summary: Set(serde_json::json!({})),
            row_count: Set(0),
            created_by: Set(None),
            created_at: Set(chrono::Utc::now()),
        }
        .insert(&txn)
        .await?;
        // The engine is synchronous, so lines are gathered per chunk as the upload does.
        let mut reader = domain::fee_audit::engine::FeeAuditReader::new(body, today, rates);
        let mut chunks = LineChunks::with_size(audit.id, size);
        for line in &mut reader {
            if let Some(chunk) = chunks.push(&line)? {
                fee_audit_line_chunk::Entity::insert(chunk)
                    .exec_without_returning(&txn)
                    .await?;
            }
        }
        reader.finish().map_err(|e| anyhow!("{} bad rows", e.len()))?;
        if let Some(chunk) = chunks.finish()? {
            fee_audit_line_chunk::Entity::insert(chunk)
                .exec_without_returning(&txn)
                .await?;
        }
        with_inserts.push((size, start.elapsed().as_secs_f64()));
        txn.rollback().await?;
    }
    let outcome = run_engine(body, rates, today)?;
    let mut workers = Vec::new();
    for form in [STORED_NOW, STORED_BEFORE] {
        let txn = db.db.begin_write().await?;
        let audit = empty_audit(&own).insert(&txn).await?;
        let start = Instant::now();
        if form == STORED_NOW {
            domain::fee_audit::store::store_workers(&txn, audit.id, &outcome.workers).await?;
        } else {
            store_workers_with_insert_many(&txn, audit.id, &outcome.workers).await?;
        }
        let store = start.elapsed().as_secs_f64();
        let start = Instant::now();
        let mut tally = domain::fee_audit::store::RepaymentTally::default();
        let mut after: Option<String> = None;
        let mut json = Vec::new();
        loop {
            let page =
                domain::fee_audit::store::worker_page(&txn, audit.id, after.as_deref(), &mut tally).await?;
            let Some(last) = page.last() else { break };
            after = Some(last.worker_ref.clone());
            json.clear();
            for worker in &page {
                serde_json::to_writer(&mut json, worker)?;
            }
            black_box(&json);
        }
        black_box(tally.totals());
        workers.push(WorkerRows {
            form,
            store,
            read: start.elapsed().as_secs_f64(),
        });
        txn.rollback().await?;
    }
    let txn = db.db.begin_write().await?;
    let start = Instant::now();
    let input = std::io::Cursor::new(body.to_vec());
    domain::fee_audit::store::upload_fee_audit(&txn, &own, seeded.admin_id, input, today)
        .await
        .map_err(|e| anyhow!("upload: {e}"))?;
    let upload_in_process = start.elapsed().as_secs_f64();
    txn.rollback().await?;
    Ok(Profile {
        engine_and_encoding,
        with_inserts,
        workers,
        upload_in_process,
    })
}

fn empty_audit(supplier: &supplier::Model) -> fee_audit::ActiveModel {
    fee_audit::ActiveModel {
        id: Set(Uuid::now_v7()),
        company_id: Set(supplier.company_id),
        supplier_id: Set(supplier.id),
        summary: Set(serde_json::json!({})),
        row_count: Set(0),
        created_by: Set(None),
        created_at: Set(chrono::Utc::now()),
    }
}

/// The upload's way of storing the workers (`domain::fee_audit::store::store_workers`).
pub const STORED_NOW: &str = "chunks of 5,000 (the upload's)";
/// How the upload stored them before, for comparison.
pub const STORED_BEFORE: &str = "a row each, insert_many of 1,666 (before)";

/// The per-worker results stored as a row each, as uploads stored them before
/// migration `000014`: sea-orm `insert_many` with as many rows per statement as the
/// bind-parameter limit allows.
async fn store_workers_with_insert_many(
    db: &impl sea_orm::ConnectionTrait,
    fee_audit_id: Uuid,
    workers: &[domain::fee_audit::engine::WorkerResult],
) -> anyhow::Result<()> {
    use domain::entities::fee_audit_worker;
    for chunk in workers.chunks(30_000 / 18) {
        let rows = chunk
            .iter()
            .map(|worker| domain::fee_audit::store::new_row(fee_audit_id, worker))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| anyhow!("{e}"))?;
        fee_audit_worker::Entity::insert_many(rows)
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}
