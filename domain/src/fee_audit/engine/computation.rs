//! The fee-audit computation as a running tally: lines are added one at a time and
//! only per-worker, per-recruiter, per-category and per-evidence sums are kept, so
//! memory grows with the number of workers and recruiters, never with the number of
//! rows. Every sum is exact and checked: a figure too large for a decimal is an error
//! on the row that made it so, never a panic.
//!
//! Workers and recruiters are kept in vectors and found by name with at most one hash
//! look-up each per row: the reader passes the worker's slot from the row's checks to
//! the tally, and a row of the previous row's worker needs none. A worker's recruiters
//! are indexes into the recruiters, not copies of their names. Results are put in
//! order only at the end.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{
    AuditedLine, Category, CategoryFees, CorridorCost, Evidence, EvidenceFees, FeeAuditOutcome,
    FeeAuditSummary, Problem, RecruiterFees, RecruitmentCost, RowError, Sex, SexCost, StaleRate,
    WorkerResult, cells::is_positive,
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
    pub(crate) sex: Sex,
    /// In `wage_currency`, as the row gives it (`None`: the wage). Compared as given,
    /// so that a file without the column reads as before.
    pub(crate) monthly_earnings: Option<Decimal>,
}

/// Where a worker's tally is kept (an index into the engine's workers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WorkerSlot(usize);

#[derive(Debug)]
struct WorkerTally {
    profile: WorkerProfile,
    /// Set by the worker's first counted line; a worker with none (registered from a
    /// row that turned out bad) is left out of the results.
    monthly_wage_usd: Option<Decimal>,
    /// `monthly_wage_usd < 1`: only then can the months of wages overflow.
    wage_below_one: bool,
    fees_usd: Decimal,
    reimbursed_usd: Decimal,
    loan: bool,
    recruiters: WorkerRecruiters,
    /// Set with `monthly_wage_usd`.
    monthly_earnings_usd: Decimal,
    /// `monthly_earnings_usd < 1`: only then can the indicator overflow.
    earnings_below_one: bool,
    /// Σ USD of the worker's `loan_interest` lines (left out of the indicator).
    loan_interest_usd: Decimal,
    deducted_from_wages: bool,
}

/// The recruiters a worker paid through, each with whether the worker paid them
/// anything. Nearly every worker has one, kept inline; more go to `others`, which
/// allocates only when used.
#[derive(Debug, Default)]
struct WorkerRecruiters {
    first: Option<(RecruiterId, bool)>,
    others: Vec<(RecruiterId, bool)>,
}

/// An index into the engine's recruiters.
type RecruiterId = usize;

#[derive(Debug)]
struct RecruiterTally {
    name: String,
    country: Option<CountryCode>,
    workers: u64,
    workers_who_paid: u64,
    fees_usd: Decimal,
}

/// Accumulates checked lines into per-worker results and the summary. Fed by the CSV
/// reader, or by stored lines when an audit is recomputed.
#[derive(Debug, Default)]
pub struct FeeAuditEngine {
    /// `worker_ref` → index into `workers`. Names come from the upload, so this map and
    /// `recruiter_ids` keep std's randomly keyed hasher: a file cannot be crafted to
    /// make every name collide (measured: no slower than a fixed hasher here).
    worker_slots: HashMap<Box<str>, usize>,
    workers: Vec<WorkerTally>,
    /// The worker of the last row and their slot: an upload lists a worker's rows
    /// together, so most rows need no look-up at all.
    last_worker: Option<(String, usize)>,
    /// Recruiter name → index into `recruiters`.
    recruiter_ids: HashMap<String, RecruiterId>,
    recruiters: Vec<RecruiterTally>,
    /// Fees per category, by [`Category`] order; `None` until a line of it is counted.
    by_category: [Option<Decimal>; Category::ALL.len()],
    /// Fees per evidence level, by [`Evidence`] order; `None` until one is counted.
    by_evidence: [Option<Decimal>; Evidence::ALL.len()],
    /// Checked running totals: they guarantee the summary's sums cannot overflow.
    total_fees_usd: Decimal,
    total_reimbursed_usd: Decimal,
    rows: u64,
    /// The site's country: the destination of every worker's corridor.
    site_country: Option<CountryCode>,
    /// Stale rates used: (currency, date of the rate) → latest date it was wanted for.
    stale_rates: BTreeMap<(CurrencyCode, NaiveDate), NaiveDate>,
}

impl FeeAuditEngine {
    /// An engine with nothing counted.
    pub fn new() -> Self {
        Self::default()
    }

    /// An engine for the workers of a site in `country` (the supplier's): the
    /// destination of the corridors of the recruitment cost indicator.
    pub fn at_site(country: Option<CountryCode>) -> Self {
        Self {
            site_country: country,
            ..Self::default()
        }
    }

    /// Notes that the rate of `currency` on `used` was used for `wanted`, more than
    /// [`super::rates::STALE_AFTER_DAYS`] later. Kept once per stored rate, with the
    /// latest date it served: the summary then lists each old rate once, however many
    /// rows it converted.
    pub(crate) fn note_stale_rate(&mut self, currency: CurrencyCode, wanted: NaiveDate, used: NaiveDate) {
        let latest = self.stale_rates.entry((currency, used)).or_insert(wanted);
        *latest = (*latest).max(wanted);
    }

    /// The worker's slot and the profile of their first row, registering `profile`
    /// when the worker is new: a worker is remembered from a row whose worker fields are
    /// good, even if the row is otherwise bad, so that later rows are compared with the
    /// first one. `None` for a new worker.
    pub(crate) fn worker(
        &mut self,
        worker_ref: &str,
        profile: impl FnOnce() -> WorkerProfile,
    ) -> (WorkerSlot, Option<&WorkerProfile>) {
        let known = match &self.last_worker {
            Some((last_ref, slot)) if last_ref == worker_ref => Some(*slot),
            _ => self.worker_slots.get(worker_ref).copied(),
        };
        let slot = known.unwrap_or(self.workers.len());
        match &mut self.last_worker {
            Some((last_ref, last_slot)) => {
                if last_ref != worker_ref {
                    last_ref.clear();
                    last_ref.push_str(worker_ref);
                }
                *last_slot = slot;
            }
            None => self.last_worker = Some((worker_ref.to_owned(), slot)),
        }
        if known.is_some() {
            let first = self.workers.get(slot).map(|tally| &tally.profile);
            return (WorkerSlot(slot), first);
        }
        self.worker_slots.insert(worker_ref.into(), slot);
        self.workers.push(WorkerTally::new(profile()));
        (WorkerSlot(slot), None)
    }

    /// Counts one line. Nothing changes when it fails (a sum would overflow, or the
    /// wage is too small to convert), so the engine stays consistent.
    pub fn add(&mut self, line: &AuditedLine) -> Result<(), RowError> {
        let (slot, _) = self.worker(&line.worker_ref, || WorkerProfile::of(line));
        self.add_to(slot, line)
    }

    /// [`Self::add`] for a worker whose slot is known (from [`Self::worker`] with the
    /// line's `worker_ref`).
    pub(crate) fn add_to(&mut self, slot: WorkerSlot, line: &AuditedLine) -> Result<(), RowError> {
        let too_large = || {
            let text = "the amounts are too large to add up";
            RowError::new(
                line.row,
                "amount",
                Problem::new("csv-sum-too-large", Vec::new(), text),
            )
        };
        let Some(tally) = self.workers.get_mut(slot.0) else {
            return Err(too_large());
        };
        let (wage_usd, wage_below_one, earnings_usd, earnings_below_one) = match tally.monthly_wage_usd {
            Some(wage_usd) => (
                wage_usd,
                tally.wage_below_one,
                tally.monthly_earnings_usd,
                tally.earnings_below_one,
            ),
            None => {
                let wage_usd = line
                    .monthly_wage
                    .checked_mul(line.wage_usd_per_unit)
                    .ok_or_else(too_large)?;
                let earnings_usd = match line.monthly_earnings {
                    None => wage_usd,
                    Some(earnings) => earnings
                        .checked_mul(line.wage_usd_per_unit)
                        .ok_or_else(too_large)?,
                };
                (
                    wage_usd,
                    wage_usd < Decimal::ONE,
                    earnings_usd,
                    earnings_usd < Decimal::ONE,
                )
            }
        };
        let too_small = |column: &'static str| {
            let text = "is too small to convert to US dollars";
            let problem = Problem::new("csv-wage-too-small", Vec::new(), text);
            RowError::new(line.row, column, problem)
        };
        if !is_positive(wage_usd) {
            return Err(too_small("monthly_wage"));
        }
        if !is_positive(earnings_usd) {
            return Err(too_small("monthly_earnings"));
        }
        let loan_interest = if line.category == Category::LoanInterest {
            tally
                .loan_interest_usd
                .checked_add(line.amount_usd)
                .ok_or_else(too_large)?
        } else {
            tally.loan_interest_usd
        };
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
        // The months of wages must be computable when the audit is finished. A division
        // costs as much as the rest of the tally, so it is tried only when it can fail:
        // by a wage of at least 1 USD the quotient is no larger than the fees.
        if wage_below_one {
            fees.checked_div(wage_usd).ok_or_else(too_large)?;
        }
        // Likewise the indicator (loan interest is part of the fees: never negative).
        if earnings_below_one {
            (fees - loan_interest)
                .checked_div(earnings_usd)
                .ok_or_else(too_large)?;
        }
        // Only recruiters and sub-agents are recruiters; a clinic's fee is counted
        // everywhere else.
        let counts_as_recruiter = line.payee_type.is_recruiter();
        let recruiter_id = if counts_as_recruiter {
            self.recruiter_ids.get(line.recruiter.as_str()).copied()
        } else {
            None
        };
        let recruiter = recruiter_id
            .and_then(|id| self.recruiters.get(id))
            .map_or(Decimal::ZERO, |r| r.fees_usd);
        let recruiter_fees = recruiter.checked_add(line.amount_usd).ok_or_else(too_large)?;
        let (category, evidence) = (line.category as usize, line.evidence as usize);
        let fees_by_kind = if line.category == Category::None {
            None
        } else {
            let category_fees = self
                .by_category
                .get(category)
                .copied()
                .flatten()
                .unwrap_or_default();
            let evidence_fees = self
                .by_evidence
                .get(evidence)
                .copied()
                .flatten()
                .unwrap_or_default();
            Some((
                category_fees.checked_add(line.amount_usd).ok_or_else(too_large)?,
                evidence_fees.checked_add(line.amount_usd).ok_or_else(too_large)?,
            ))
        };

        // Every check passed: commit.
        tally.monthly_wage_usd = Some(wage_usd);
        tally.wage_below_one = wage_below_one;
        tally.fees_usd = fees;
        tally.reimbursed_usd = reimbursed;
        tally.loan |= line.loan;
        tally.monthly_earnings_usd = earnings_usd;
        tally.earnings_below_one = earnings_below_one;
        tally.loan_interest_usd = loan_interest;
        tally.deducted_from_wages |= line.deducted_from_wages;
        self.total_fees_usd = total_fees;
        self.total_reimbursed_usd = total_reimbursed;
        let id = recruiter_id.or_else(|| {
            counts_as_recruiter.then(|| {
                let id = self.recruiters.len();
                self.recruiter_ids.insert(line.recruiter.clone(), id);
                self.recruiters.push(RecruiterTally::new(line.recruiter.clone()));
                id
            })
        });
        if let Some(id) = id
            && let Some(recruiter) = self.recruiters.get_mut(id)
        {
            recruiter.fees_usd = recruiter_fees;
            recruiter.country = recruiter.country.or(line.recruiter_country);
            let paid_here = is_positive(line.amount_usd);
            match tally.recruiters.paid(id) {
                None => {
                    tally.recruiters.push(id, paid_here);
                    recruiter.workers += 1;
                    recruiter.workers_who_paid += u64::from(paid_here);
                }
                Some(paid) if !*paid && paid_here => {
                    *paid = true;
                    recruiter.workers_who_paid += 1;
                }
                Some(_) => {}
            }
        }
        if let Some((category_fees, evidence_fees)) = fees_by_kind {
            if let Some(fees) = self.by_category.get_mut(category) {
                *fees = Some(category_fees);
            }
            if let Some(fees) = self.by_evidence.get_mut(evidence) {
                *fees = Some(evidence_fees);
            }
        }
        self.rows += 1;
        Ok(())
    }

    /// The per-worker results and the summary.
    pub fn finish(self) -> FeeAuditOutcome {
        // In the order workers were first seen, then by name: an upload that lists its
        // workers in order is then sorted already, which the sort sees in one pass.
        let mut by_slot: Vec<Option<Box<str>>> = self.workers.iter().map(|_| None).collect();
        for (name, slot) in self.worker_slots {
            if let Some(place) = by_slot.get_mut(slot) {
                *place = Some(name);
            }
        }
        let mut names: Vec<(Box<str>, usize)> = by_slot
            .into_iter()
            .enumerate()
            .filter_map(|(slot, name)| Some((name?, slot)))
            .collect();
        // Names are unique: the order is total, and is the order of `worker_ref`s.
        names.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut at_risk_by_recruiter = vec![0_u64; self.recruiters.len()];
        let mut workers: Vec<WorkerResult> = Vec::with_capacity(names.len());
        workers.extend(names.into_iter().filter_map(|(name, slot)| {
            let tally = self.workers.get(slot)?;
            let result = tally.result(name.into(), &self.recruiters)?;
            if result.debt_bondage_risk {
                for id in tally.recruiters.ids() {
                    if let Some(count) = at_risk_by_recruiter.get_mut(id) {
                        *count += 1;
                    }
                }
            }
            Some(result)
        }));
        drop(self.workers);
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
        let mut by_recruiter: Vec<RecruiterFees> = self
            .recruiters
            .into_iter()
            .zip(at_risk_by_recruiter)
            .map(|(tally, debt_bondage_risks)| RecruiterFees {
                recruiter: tally.name,
                country: tally.country,
                workers: tally.workers,
                workers_who_paid: tally.workers_who_paid,
                debt_bondage_risks,
                fees_usd: tally.fees_usd,
            })
            .collect();
        by_recruiter.sort_by(|a, b| {
            b.fees_usd
                .cmp(&a.fees_usd)
                .then_with(|| a.recruiter.cmp(&b.recruiter))
        });
        let mut by_category: Vec<CategoryFees> = Category::ALL
            .into_iter()
            .zip(self.by_category)
            .filter_map(|(category, fees)| fees.map(|fees_usd| CategoryFees { category, fees_usd }))
            .collect();
        // Stable sort: equal fees keep the categories' own order.
        by_category.sort_by_key(|c| std::cmp::Reverse(c.fees_usd));
        let costs = RecruitmentCosts::of(&workers, self.site_country);
        let stale_rates = self
            .stale_rates
            .into_iter()
            .map(|((currency, used), wanted)| StaleRate {
                currency,
                wanted,
                used,
            })
            .collect();
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
            by_evidence: Evidence::ALL
                .into_iter()
                .zip(self.by_evidence)
                .filter_map(|(evidence, fees)| fees.map(|fees_usd| EvidenceFees { evidence, fees_usd }))
                .collect(),
            recruitment_cost_indicator: Some(costs.overall),
            by_corridor: costs.by_corridor,
            by_sex: costs.by_sex,
            stale_rates,
            workers_with_fees_deducted_from_wages: count(|w| w.deducted_from_wages),
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
            sex: line.sex,
            monthly_earnings: line.monthly_earnings,
        }
    }
}

impl WorkerTally {
    fn new(profile: WorkerProfile) -> Self {
        Self {
            profile,
            monthly_wage_usd: None,
            wage_below_one: false,
            fees_usd: Decimal::ZERO,
            reimbursed_usd: Decimal::ZERO,
            loan: false,
            recruiters: WorkerRecruiters::default(),
            monthly_earnings_usd: Decimal::ZERO,
            earnings_below_one: false,
            loan_interest_usd: Decimal::ZERO,
            deducted_from_wages: false,
        }
    }

    /// The worker's result; `None` for a worker none of whose lines was counted.
    fn result(&self, worker_ref: String, recruiters: &[RecruiterTally]) -> Option<WorkerResult> {
        let wage_usd = self.monthly_wage_usd?;
        // `add` checked that the division works and that the wage is above zero.
        let months = self.fees_usd.checked_div(wage_usd).unwrap_or_default();
        let paid = self.fees_usd > Decimal::ZERO;
        let mut names: Vec<String> = self
            .recruiters
            .ids()
            .filter_map(|id| recruiters.get(id).map(|r| r.name.clone()))
            .collect();
        names.sort_unstable();
        Some(WorkerResult {
            worker_ref,
            nationality: self.profile.nationality,
            hire_date: self.profile.hire_date,
            monthly_wage: self.profile.monthly_wage,
            wage_currency: self.profile.wage_currency,
            monthly_wage_usd: wage_usd,
            sex: self.profile.sex,
            deducted_from_wages: self.deducted_from_wages,
            recruitment_cost: Some(RecruitmentCost {
                monthly_earnings_usd: self.monthly_earnings_usd,
                loan_interest_usd: self.loan_interest_usd,
                // `add` checked that the division works and that earnings are above zero.
                indicator: (self.fees_usd - self.loan_interest_usd)
                    .checked_div(self.monthly_earnings_usd)
                    .unwrap_or_default(),
            }),
            fees_usd: self.fees_usd,
            reimbursed_usd: self.reimbursed_usd,
            outstanding_usd: (self.fees_usd - self.reimbursed_usd).max(Decimal::ZERO),
            months_of_wages: months,
            paid,
            loan: self.loan,
            debt_bondage_risk: paid && (self.loan || months >= Decimal::ONE),
            recruiters: names,
        })
    }
}

impl WorkerRecruiters {
    /// Whether the worker paid recruiter `id` anything; `None` if not one of theirs.
    fn paid(&mut self, id: RecruiterId) -> Option<&mut bool> {
        let (first, paid) = self.first.as_mut()?;
        if *first == id {
            return Some(paid);
        }
        self.others
            .iter_mut()
            .find(|(other, _)| *other == id)
            .map(|(_, paid)| paid)
    }

    fn push(&mut self, id: RecruiterId, paid: bool) {
        match self.first {
            None => self.first = Some((id, paid)),
            Some(_) => self.others.push((id, paid)),
        }
    }

    fn ids(&self) -> impl Iterator<Item = RecruiterId> + '_ {
        self.first.iter().chain(&self.others).map(|(id, _)| *id)
    }
}

impl RecruiterTally {
    fn new(name: String) -> Self {
        Self {
            name,
            country: None,
            workers: 0,
            workers_who_paid: 0,
            fees_usd: Decimal::ZERO,
        }
    }
}

/// The recruitment cost indicator of an audit: the mean of the workers' indicators,
/// overall, per corridor and per sex (fee-audit.md, "Additions").
struct RecruitmentCosts {
    overall: Decimal,
    by_corridor: Vec<CorridorCost>,
    by_sex: Vec<SexCost>,
}

/// The workers of one group and the sum of their indicators.
#[derive(Default)]
struct Group {
    workers: u64,
    workers_who_paid: u64,
    /// `None` once the sum no longer fits a decimal (then the mean is summed in parts).
    sum: Option<Decimal>,
}

impl RecruitmentCosts {
    fn of(workers: &[WorkerResult], destination: Option<CountryCode>) -> Self {
        let indicator = |w: &WorkerResult| w.recruitment_cost.map_or(Decimal::ZERO, |c| c.indicator);
        let mut overall = Group::default();
        let mut corridors: BTreeMap<CountryCode, Group> = BTreeMap::new();
        let mut sexes: [Group; Sex::ALL.len()] = Default::default();
        for w in workers {
            let value = indicator(w);
            overall.add(value, w.paid);
            corridors.entry(w.nationality).or_default().add(value, w.paid);
            if let Some(group) = sexes.get_mut(w.sex as usize) {
                group.add(value, w.paid);
            }
        }
        let mean = |group: &Group, member: &dyn Fn(&WorkerResult) -> bool| match group.sum {
            Some(sum) if group.workers > 0 => sum / Decimal::from(group.workers),
            Some(_) => Decimal::ZERO,
            // Only near the decimal limit: divide first, then add.
            None => {
                let n = Decimal::from(group.workers);
                workers
                    .iter()
                    .filter(|w| member(w))
                    .map(|w| indicator(w) / n)
                    .fold(Decimal::ZERO, |sum, part| sum.saturating_add(part))
            }
        };
        Self {
            overall: mean(&overall, &|_| true),
            by_corridor: corridors
                .iter()
                .map(|(origin, group)| CorridorCost {
                    origin: *origin,
                    destination,
                    workers: group.workers,
                    workers_who_paid: group.workers_who_paid,
                    recruitment_cost_indicator: mean(group, &|w| w.nationality == *origin),
                })
                .collect(),
            by_sex: Sex::ALL
                .into_iter()
                .zip(&sexes)
                .filter(|(_, group)| group.workers > 0)
                .map(|(sex, group)| SexCost {
                    sex,
                    workers: group.workers,
                    workers_who_paid: group.workers_who_paid,
                    recruitment_cost_indicator: mean(group, &|w| w.sex == sex),
                })
                .collect(),
        }
    }
}

impl Group {
    fn add(&mut self, value: Decimal, paid: bool) {
        self.sum = match (self.workers, self.sum) {
            (0, _) => Some(value),
            (_, Some(sum)) => sum.checked_add(value),
            (_, None) => None,
        };
        self.workers += 1;
        self.workers_who_paid += u64::from(paid);
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
