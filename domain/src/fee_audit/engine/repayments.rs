//! Repayments recorded after an audit (fee-audit.md, "What it leads to"): the upload
//! `worker_ref,amount,currency,paid_on`, converted at `rate(currency, paid_on)`, and the
//! progress against what each worker is owed. Paying a worker more than they are owed
//! is not refused (the money is theirs) but reported as `over_repaid_usd`.

use std::{collections::BTreeMap, io::Read};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{
    Problem, RateTable, RowError, WorkerResult,
    cells::{self, at},
    codes, money,
    table::Table,
};
use crate::values::CurrencyCode;

/// One checked repayment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Repayment {
    /// Line number in the upload (header = 1).
    pub row: u64,
    /// The worker repaid.
    pub worker_ref: String,
    /// The amount (> 0), in `currency`.
    pub amount: Decimal,
    /// The currency paid in.
    #[serde(serialize_with = "codes::as_text", deserialize_with = "codes::currency")]
    pub currency: CurrencyCode,
    /// When it was paid.
    pub paid_on: NaiveDate,
    /// USD per unit of `currency` on `paid_on` (the rate used).
    pub usd_per_unit: Decimal,
    /// `amount × usd_per_unit`, exact.
    pub amount_usd: Decimal,
}

/// Reads a repayments upload. `is_worker` says whether a `worker_ref` belongs to the
/// audit; `today` is the last allowed `paid_on`. All or nothing: every bad row listed.
pub fn read_repayments<R: Read>(
    input: R,
    today: NaiveDate,
    rates: &RateTable,
    is_worker: impl Fn(&str) -> bool,
) -> Result<Vec<Repayment>, Vec<RowError>> {
    let mut table = Table::open(input, &["worker_ref", "amount", "currency", "paid_on"], &[])?;
    let (mut repayments, mut errors) = (Vec::new(), Vec::new());
    while let Some(row) = table.next_row() {
        let row = match row {
            Ok(row) => row,
            Err(error) => {
                errors.push(error);
                continue;
            }
        };
        let line = row.line;
        let worker_ref = row.cell("worker_ref").and_then(|raw| match cells::required(raw) {
            Ok(known) if is_worker(known) => Ok(known.to_owned()),
            Ok(_) => Err(RowError::new(line, "worker_ref", no_worker(raw))),
            Err(message) => Err(RowError::new(line, "worker_ref", message)),
        });
        let amount = row
            .cell("amount")
            .and_then(|raw| cells::positive(raw).map_err(at(line, "amount")));
        let currency = row
            .cell("currency")
            .and_then(|raw| cells::currency(raw).map_err(at(line, "currency")));
        let paid_on = row.cell("paid_on").and_then(|raw| {
            let date = cells::date(raw).map_err(at(line, "paid_on"))?;
            if date > today {
                let text = format!("{date} is after today ({today}): a repayment cannot be in the future");
                let args = vec![("date", date.to_string()), ("today", today.to_string())];
                return Err(RowError::new(
                    line,
                    "paid_on",
                    Problem::new("csv-future-repayment", args, text),
                ));
            }
            Ok(date)
        });
        let (worker_ref, amount, currency, paid_on) = match (worker_ref, amount, currency, paid_on) {
            (Ok(w), Ok(a), Ok(c), Ok(p)) => (w, a, c, p),
            (w, a, c, p) => {
                errors.extend([w.err(), a.err(), c.err(), p.err()].into_iter().flatten());
                continue;
            }
        };
        let converted = rates
            .rate_for_row(currency, paid_on, line, "currency")
            .and_then(|rate| {
                let too_large = || {
                    let text = "is too large to convert to US dollars";
                    RowError::new(line, "amount", Problem::new("csv-too-large", Vec::new(), text))
                };
                Ok((rate, amount.checked_mul(rate).ok_or_else(too_large)?))
            });
        match converted {
            Ok((usd_per_unit, amount_usd)) => repayments.push(Repayment {
                row: line,
                worker_ref,
                amount,
                currency,
                paid_on,
                usd_per_unit,
                amount_usd,
            }),
            Err(error) => errors.push(error),
        }
    }
    if errors.is_empty() {
        Ok(repayments)
    } else {
        Err(errors)
    }
}

/// What each worker was owed by the audit and what has been repaid since.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RepaymentLedger {
    /// worker_ref → (outstanding at the audit, repaid so far), both USD, exact.
    workers: BTreeMap<String, (Decimal, Decimal)>,
}

/// Repayment progress of one worker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkerRepayment {
    /// The worker.
    pub worker_ref: String,
    /// What the audit found outstanding.
    #[serde(serialize_with = "money::money")]
    pub outstanding_usd: Decimal,
    /// Repaid since.
    #[serde(serialize_with = "money::money")]
    pub repaid_usd: Decimal,
    /// `max(0, outstanding − repaid)`: still owed.
    #[serde(serialize_with = "money::money")]
    pub remaining_usd: Decimal,
    /// `max(0, repaid − outstanding)`: paid beyond what was owed.
    #[serde(serialize_with = "money::money")]
    pub over_repaid_usd: Decimal,
}

/// Repayment progress of a whole audit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepaymentProgress {
    /// Per worker, by `worker_ref`.
    pub workers: Vec<WorkerRepayment>,
    /// Σ outstanding at the audit.
    #[serde(serialize_with = "money::money")]
    pub total_outstanding_usd: Decimal,
    /// Σ repaid.
    #[serde(serialize_with = "money::money")]
    pub total_repaid_usd: Decimal,
    /// Σ still owed (over-repayment of one worker never offsets another's debt).
    #[serde(serialize_with = "money::money")]
    pub total_remaining_usd: Decimal,
    /// Σ paid beyond what was owed.
    #[serde(serialize_with = "money::money")]
    pub total_over_repaid_usd: Decimal,
    /// Workers still owed something.
    pub workers_still_owed: u64,
    /// Nothing remains owed to anyone: the finding may close once an advisor verifies.
    pub settled: bool,
}

impl RepaymentLedger {
    /// A ledger owing each worker their `outstanding_usd`, nothing repaid yet.
    pub fn new(workers: &[WorkerResult]) -> Self {
        let workers = workers
            .iter()
            .map(|w| (w.worker_ref.clone(), (w.outstanding_usd, Decimal::ZERO)))
            .collect();
        Self { workers }
    }

    /// Records `amount_usd` repaid to a worker (a new repayment, or the total stored
    /// earlier). An unknown worker or an impossible sum is refused with a message.
    pub fn record(&mut self, worker_ref: &str, amount_usd: Decimal) -> Result<(), Problem> {
        let Some((_, repaid)) = self.workers.get_mut(worker_ref) else {
            return Err(no_worker(worker_ref));
        };
        *repaid = repaid.checked_add(amount_usd).ok_or_else(|| {
            let text = "the repayments are too large to add up";
            Problem::new("csv-repaid-too-large", Vec::new(), text)
        })?;
        Ok(())
    }

    /// Records every repayment of an upload; the rows that cannot be recorded.
    pub fn record_all(&mut self, repayments: &[Repayment]) -> Result<(), Vec<RowError>> {
        let errors: Vec<RowError> = repayments
            .iter()
            .filter_map(|r| {
                let column = if self.workers.contains_key(&r.worker_ref) {
                    "amount"
                } else {
                    "worker_ref"
                };
                self.record(&r.worker_ref, r.amount_usd)
                    .err()
                    .map(at(r.row, column))
            })
            .collect();
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }

    /// Progress per worker and in total.
    pub fn progress(&self) -> RepaymentProgress {
        let workers: Vec<WorkerRepayment> = self
            .workers
            .iter()
            .map(|(worker_ref, &(outstanding, repaid))| WorkerRepayment {
                worker_ref: worker_ref.clone(),
                outstanding_usd: outstanding,
                repaid_usd: repaid,
                remaining_usd: (outstanding - repaid).max(Decimal::ZERO),
                over_repaid_usd: (repaid - outstanding).max(Decimal::ZERO),
            })
            .collect();
        let total = |figure: fn(&WorkerRepayment) -> Decimal| {
            workers
                .iter()
                .map(figure)
                .fold(Decimal::ZERO, |sum, x| sum.saturating_add(x))
        };
        let total_remaining_usd = total(|w| w.remaining_usd);
        RepaymentProgress {
            total_outstanding_usd: total(|w| w.outstanding_usd),
            total_repaid_usd: total(|w| w.repaid_usd),
            total_remaining_usd,
            total_over_repaid_usd: total(|w| w.over_repaid_usd),
            workers_still_owed: workers.iter().filter(|w| w.remaining_usd > Decimal::ZERO).count() as u64,
            settled: total_remaining_usd.is_zero(),
            workers,
        }
    }
}

/// A `worker_ref` that is not one of the audit's workers.
fn no_worker(raw: &str) -> Problem {
    let text = format!("no worker {} in this audit", cells::quoted(raw));
    Problem::new("csv-no-worker", vec![("value", cells::quoted(raw))], text)
}
