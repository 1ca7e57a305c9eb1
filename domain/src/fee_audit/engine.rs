//! The fee-audit computation as a running tally: lines are added one at a time and
//! only per-worker, per-recruiter, per-category and per-evidence sums are kept, so
//! memory grows with the number of workers and recruiters, never with the number of
//! rows. Every sum is exact and checked: a figure too large for a decimal is an error
//! on the row that made it so, never a panic.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{
    AuditedLine, Category, CategoryFees, Evidence, EvidenceFees, FeeAuditOutcome, FeeAuditSummary, Problem,
    RecruiterFees, RowError, WorkerResult,
};
use crate::values::{CountryCode, CurrencyCode};

/// The values that must be the same on all of a worker's rows, as first seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WorkerProfile {
    pub(crate) first_row: u64,
    pub(crate) nationality: CountryCode,
    pub(crate) hire_date: NaiveDate,
    pub(crate) monthly_wage: Decimal,
    pub(crate) wage_currency: CurrencyCode,
}

#[derive(Debug)]
struct WorkerTally {
    profile: WorkerProfile,
    monthly_wage_usd: Option<Decimal>,
    lines: u64,
    fees_usd: Decimal,
    reimbursed_usd: Decimal,
    loan: bool,
    /// Recruiter name → whether this worker paid that recruiter anything.
    recruiters: BTreeMap<String, bool>,
}

#[derive(Debug, Default)]
struct RecruiterTally {
    country: Option<CountryCode>,
    workers: u64,
    workers_who_paid: u64,
    fees_usd: Decimal,
}

/// Accumulates checked lines into per-worker results and the summary. Fed by the CSV
/// reader, or by stored lines when an audit is recomputed.
#[derive(Debug, Default)]
pub struct FeeAuditEngine {
    workers: BTreeMap<String, WorkerTally>,
    recruiters: HashMap<String, RecruiterTally>,
    by_category: BTreeMap<Category, Decimal>,
    by_evidence: BTreeMap<Evidence, Decimal>,
    /// Checked running totals: they guarantee the summary's sums cannot overflow.
    total_fees_usd: Decimal,
    total_reimbursed_usd: Decimal,
    rows: u64,
}

impl FeeAuditEngine {
    /// An engine with nothing counted.
    pub fn new() -> Self {
        Self::default()
    }

    /// The worker's profile, when one of their rows has been seen.
    pub(crate) fn profile(&self, worker_ref: &str) -> Option<&WorkerProfile> {
        self.workers.get(worker_ref).map(|tally| &tally.profile)
    }

    /// Remembers a worker's profile from a row whose worker fields are good, even if
    /// the row is otherwise bad, so that later rows are compared with the first one.
    pub(crate) fn register(&mut self, worker_ref: &str, profile: WorkerProfile) {
        if !self.workers.contains_key(worker_ref) {
            self.workers
                .insert(worker_ref.to_owned(), WorkerTally::new(profile));
        }
    }

    /// Counts one line. Nothing changes when it fails (a sum would overflow, or the
    /// wage is too small to convert), so the engine stays consistent.
    pub fn add(&mut self, line: &AuditedLine) -> Result<(), RowError> {
        let too_large = || {
            let text = "the amounts are too large to add up";
            RowError::new(
                line.row,
                "amount",
                Problem::new("csv-sum-too-large", Vec::new(), text),
            )
        };
        if !self.workers.contains_key(&line.worker_ref) {
            self.register(&line.worker_ref, WorkerProfile::of(line));
        }
        let Some(tally) = self.workers.get_mut(&line.worker_ref) else {
            return Err(too_large());
        };
        let wage_usd = match tally.monthly_wage_usd {
            Some(wage_usd) => wage_usd,
            None => line
                .monthly_wage
                .checked_mul(line.wage_usd_per_unit)
                .ok_or_else(too_large)?,
        };
        if wage_usd <= Decimal::ZERO {
            let text = "is too small to convert to US dollars";
            let problem = Problem::new("csv-wage-too-small", Vec::new(), text);
            return Err(RowError::new(line.row, "monthly_wage", problem));
        }
        let fees = tally
            .fees_usd
            .checked_add(line.amount_usd)
            .ok_or_else(too_large)?;
        let reimbursed = tally
            .reimbursed_usd
            .checked_add(line.reimbursed_usd)
            .ok_or_else(too_large)?;
        let total_fees = self
            .total_fees_usd
            .checked_add(line.amount_usd)
            .ok_or_else(too_large)?;
        let total_reimbursed = self
            .total_reimbursed_usd
            .checked_add(line.reimbursed_usd)
            .ok_or_else(too_large)?;
        // The months of wages must be computable when the audit is finished.
        fees.checked_div(wage_usd).ok_or_else(too_large)?;
        let recruiter = self
            .recruiters
            .get(&line.recruiter)
            .map_or(Decimal::ZERO, |r| r.fees_usd);
        let recruiter_fees = recruiter.checked_add(line.amount_usd).ok_or_else(too_large)?;
        let (category_fees, evidence_fees) = if line.category == Category::None {
            (None, None)
        } else {
            let category = self.by_category.get(&line.category).copied().unwrap_or_default();
            let evidence = self.by_evidence.get(&line.evidence).copied().unwrap_or_default();
            (
                Some(category.checked_add(line.amount_usd).ok_or_else(too_large)?),
                Some(evidence.checked_add(line.amount_usd).ok_or_else(too_large)?),
            )
        };

        // Every check passed: commit.
        tally.monthly_wage_usd = Some(wage_usd);
        tally.lines += 1;
        tally.fees_usd = fees;
        tally.reimbursed_usd = reimbursed;
        tally.loan |= line.loan;
        self.total_fees_usd = total_fees;
        self.total_reimbursed_usd = total_reimbursed;
        let paid_here = line.amount_usd > Decimal::ZERO;
        let recruiter = self.recruiters.entry(line.recruiter.clone()).or_default();
        recruiter.fees_usd = recruiter_fees;
        recruiter.country = recruiter.country.or(line.recruiter_country);
        match tally.recruiters.get_mut(&line.recruiter) {
            None => {
                tally.recruiters.insert(line.recruiter.clone(), paid_here);
                recruiter.workers += 1;
                recruiter.workers_who_paid += u64::from(paid_here);
            }
            Some(paid) if !*paid && paid_here => {
                *paid = true;
                recruiter.workers_who_paid += 1;
            }
            Some(_) => {}
        }
        if let (Some(category_fees), Some(evidence_fees)) = (category_fees, evidence_fees) {
            self.by_category.insert(line.category, category_fees);
            self.by_evidence.insert(line.evidence, evidence_fees);
        }
        self.rows += 1;
        Ok(())
    }

    /// The per-worker results and the summary.
    pub fn finish(self) -> FeeAuditOutcome {
        let workers: Vec<WorkerResult> = self
            .workers
            .into_iter()
            .filter(|(_, t)| t.lines > 0)
            .map(|(r, t)| t.result(r))
            .collect();
        let mut payers: Vec<Decimal> = workers
            .iter()
            .filter(|w| w.paid)
            .map(|w| w.months_of_wages)
            .collect();
        payers.sort_unstable();
        let count = |keep: fn(&WorkerResult) -> bool| workers.iter().filter(|w| keep(w)).count() as u64;
        let paid = payers.len() as u64;
        let share = match workers.len() {
            0 => Decimal::ZERO,
            all => Decimal::from(paid) / Decimal::from(all as u64),
        };
        let mut at_risk_by_recruiter: HashMap<&str, u64> = HashMap::new();
        for name in workers
            .iter()
            .filter(|w| w.debt_bondage_risk)
            .flat_map(|w| &w.recruiters)
        {
            *at_risk_by_recruiter.entry(name.as_str()).or_default() += 1;
        }
        let mut by_recruiter: Vec<RecruiterFees> = self
            .recruiters
            .iter()
            .map(|(name, tally)| RecruiterFees {
                recruiter: name.clone(),
                country: tally.country,
                workers: tally.workers,
                workers_who_paid: tally.workers_who_paid,
                debt_bondage_risks: at_risk_by_recruiter.get(name.as_str()).copied().unwrap_or(0),
                fees_usd: tally.fees_usd,
            })
            .collect();
        by_recruiter.sort_by(|a, b| {
            b.fees_usd
                .cmp(&a.fees_usd)
                .then_with(|| a.recruiter.cmp(&b.recruiter))
        });
        let mut by_category: Vec<CategoryFees> = self
            .by_category
            .into_iter()
            .map(|(category, fees_usd)| CategoryFees { category, fees_usd })
            .collect();
        // Stable sort: equal fees keep the categories' own order.
        by_category.sort_by_key(|c| std::cmp::Reverse(c.fees_usd));
        let summary = FeeAuditSummary {
            workers: workers.len() as u64,
            workers_who_paid: paid,
            share_of_workers_who_paid: share,
            total_fees_usd: workers.iter().map(|w| w.fees_usd).sum(),
            total_reimbursed_usd: workers.iter().map(|w| w.reimbursed_usd).sum(),
            total_outstanding_usd: workers.iter().map(|w| w.outstanding_usd).sum(),
            median_months_of_wages: median(&payers),
            max_months_of_wages: payers.last().copied().unwrap_or_default(),
            workers_with_debt_bondage_risk: count(|w| w.debt_bondage_risk),
            by_recruiter,
            by_category,
            by_evidence: self
                .by_evidence
                .into_iter()
                .map(|(evidence, fees_usd)| EvidenceFees { evidence, fees_usd })
                .collect(),
        };
        FeeAuditOutcome {
            summary,
            workers,
            rows: self.rows,
        }
    }
}

impl WorkerProfile {
    fn of(line: &AuditedLine) -> Self {
        Self {
            first_row: line.row,
            nationality: line.nationality,
            hire_date: line.hire_date,
            monthly_wage: line.monthly_wage,
            wage_currency: line.wage_currency,
        }
    }
}

impl WorkerTally {
    fn new(profile: WorkerProfile) -> Self {
        Self {
            profile,
            monthly_wage_usd: None,
            lines: 0,
            fees_usd: Decimal::ZERO,
            reimbursed_usd: Decimal::ZERO,
            loan: false,
            recruiters: BTreeMap::new(),
        }
    }

    fn result(self, worker_ref: String) -> WorkerResult {
        let wage_usd = self.monthly_wage_usd.unwrap_or_default();
        // `add` checked that the division works and that the wage is above zero.
        let months = self.fees_usd.checked_div(wage_usd).unwrap_or_default();
        let paid = self.fees_usd > Decimal::ZERO;
        WorkerResult {
            worker_ref,
            nationality: self.profile.nationality,
            hire_date: self.profile.hire_date,
            monthly_wage: self.profile.monthly_wage,
            wage_currency: self.profile.wage_currency,
            monthly_wage_usd: wage_usd,
            fees_usd: self.fees_usd,
            reimbursed_usd: self.reimbursed_usd,
            outstanding_usd: (self.fees_usd - self.reimbursed_usd).max(Decimal::ZERO),
            months_of_wages: months,
            paid,
            loan: self.loan,
            debt_bondage_risk: paid && (self.loan || months >= Decimal::ONE),
            recruiters: self.recruiters.into_keys().collect(),
        }
    }
}

/// The median of sorted values: the middle one, or the mean of the two middle ones
/// for an even count; 0 for none.
fn median(sorted: &[Decimal]) -> Decimal {
    let middle = sorted.len() / 2;
    match (
        sorted.len() % 2,
        sorted.get(middle.wrapping_sub(1)),
        sorted.get(middle),
    ) {
        (1, _, Some(value)) => *value,
        (0, Some(low), Some(high)) => match low.checked_add(*high) {
            Some(sum) => sum / Decimal::TWO,
            // Only for values near the decimal limit: halve first.
            None => *low / Decimal::TWO + *high / Decimal::TWO,
        },
        _ => Decimal::ZERO,
    }
}
