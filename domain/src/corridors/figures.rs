//! The corridor figures of a set of workers, in exact decimals: the pure half of the
//! analysis (the use case in `mod.rs` feeds it the workers of the latest audits).
//!
//! The indicator of a group is the mean, over all its workers, of each worker's own
//! `(fees_usd − loan_interest_usd) / monthly_earnings_usd` (fee-audit.md, "A
//! comparable indicator"), exactly as one audit computes it: corridors that span
//! several suppliers sum the workers' values, never average the audits' means (a
//! supplier of 2 workers would otherwise weigh as much as one of 2,000).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::{
    fee_audit::engine::{Sex, WorkerResult},
    values::CountryCode,
};

/// The figures of a group of workers (a corridor, one sex of it, one hire month of it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CorridorFigures {
    /// Workers.
    pub workers: u64,
    /// Of those, workers who paid anything.
    pub workers_who_paid: u64,
    /// Of those, workers whose recruitment cost is known: all but those of audits
    /// stored before scoring model 2, whose loan interest and earnings were not kept.
    pub workers_with_indicator: u64,
    /// Σ the known workers' indicators.
    indicator_sum: Decimal,
    /// Σ the workers' `fees_usd`.
    fees_usd: Decimal,
}

impl CorridorFigures {
    fn add(&mut self, worker: &WorkerResult) {
        self.workers += 1;
        self.workers_who_paid += u64::from(worker.paid);
        self.fees_usd = self.fees_usd.saturating_add(worker.fees_usd);
        if let Some(cost) = worker.recruitment_cost {
            self.workers_with_indicator += 1;
            self.indicator_sum = self.indicator_sum.saturating_add(cost.indicator);
        }
    }

    /// The recruitment cost indicator (comparable to SDG 10.7.1): the mean of the
    /// known workers' indicators, those who paid nothing counting 0; `None` when no
    /// worker's is known.
    pub fn recruitment_cost_indicator(&self) -> Option<Decimal> {
        (self.workers_with_indicator > 0)
            .then(|| self.indicator_sum / Decimal::from(self.workers_with_indicator))
    }

    /// Mean `fees_usd` over all the workers, those who paid nothing counting 0 (as
    /// for the indicator); 0 for no workers.
    pub fn mean_fees_usd(&self) -> Decimal {
        if self.workers == 0 {
            Decimal::ZERO
        } else {
            self.fees_usd / Decimal::from(self.workers)
        }
    }
}

/// A hire month, `YYYY-MM` when shown: the time axis of a corridor's trend (by when
/// workers were hired, not when they were audited, so that a re-audit does not move
/// past hires to a later point).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct HireMonth {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
}

impl HireMonth {
    /// The month of a date.
    pub fn of(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            month: date.month(),
        }
    }
}

impl std::fmt::Display for HireMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A quarter of hire, `YYYY-Qn` when shown: the time axis of the corridor page's
/// trend (a month holds too few hires of one sex for a readable line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct HireQuarter {
    /// The year.
    pub year: i32,
    /// The quarter, 1–4.
    pub quarter: u32,
}

impl HireQuarter {
    /// The quarter of a date.
    pub fn of(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            quarter: date.month0() / 3 + 1,
        }
    }
}

impl std::fmt::Display for HireQuarter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-Q{}", self.year, self.quarter)
    }
}

/// One quarter of a corridor's trend: all its hires, and per sex present.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarterFigures {
    /// The quarter of hire.
    pub quarter: HireQuarter,
    /// Everyone hired in it.
    pub all: CorridorFigures,
    /// Per sex present, in the order female, male, other, unknown.
    pub by_sex: Vec<(Sex, CorridorFigures)>,
}

/// One corridor: workers of one nationality at suppliers of one country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corridor {
    /// The workers' nationality.
    pub origin: CountryCode,
    /// The supplier's country.
    pub destination: CountryCode,
    /// All the corridor's workers.
    pub figures: CorridorFigures,
    /// Per sex present, in the order female, male, other, unknown.
    pub by_sex: Vec<(Sex, CorridorFigures)>,
    /// Per month of hire, oldest first.
    pub by_hire_month: Vec<(HireMonth, CorridorFigures)>,
    /// Per quarter of hire, oldest first, each split by sex.
    pub by_hire_quarter: Vec<QuarterFigures>,
}

#[derive(Default)]
struct Parts {
    all: CorridorFigures,
    by_sex: BTreeMap<Sex, CorridorFigures>,
    by_hire_month: BTreeMap<HireMonth, CorridorFigures>,
    by_hire_quarter: BTreeMap<HireQuarter, (CorridorFigures, BTreeMap<Sex, CorridorFigures>)>,
}

/// Workers added one at a time, figures per corridor at the end.
#[derive(Default)]
pub struct CorridorTally {
    corridors: BTreeMap<(CountryCode, CountryCode), Parts>,
}

impl CorridorTally {
    /// Counts a worker of a supplier in `destination`.
    pub fn add(&mut self, destination: CountryCode, worker: &WorkerResult) {
        let parts = self
            .corridors
            .entry((worker.nationality, destination))
            .or_default();
        parts.all.add(worker);
        parts.by_sex.entry(worker.sex).or_default().add(worker);
        parts
            .by_hire_month
            .entry(HireMonth::of(worker.hire_date))
            .or_default()
            .add(worker);
        let quarter = parts
            .by_hire_quarter
            .entry(HireQuarter::of(worker.hire_date))
            .or_default();
        quarter.0.add(worker);
        quarter.1.entry(worker.sex).or_default().add(worker);
    }

    /// The corridors, by origin then destination.
    pub fn finish(self) -> Vec<Corridor> {
        self.corridors
            .into_iter()
            .map(|((origin, destination), parts)| Corridor {
                origin,
                destination,
                figures: parts.all,
                // `Sex` orders as fee-audit.md lists it.
                by_sex: parts.by_sex.into_iter().collect(),
                by_hire_month: parts.by_hire_month.into_iter().collect(),
                by_hire_quarter: parts
                    .by_hire_quarter
                    .into_iter()
                    .map(|(quarter, (all, by_sex))| QuarterFigures {
                        quarter,
                        all,
                        by_sex: by_sex.into_iter().collect(),
                    })
                    .collect(),
            })
            .collect()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::str::FromStr;

    use super::*;
    use crate::fee_audit::engine::RecruitmentCost;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    fn country(code: &str) -> CountryCode {
        CountryCode::parse(code).unwrap()
    }

    /// A worker of `nationality` who paid `fees` with indicator `indicator` (`None`:
    /// stored before scoring model 2).
    fn worker(nationality: &str, sex: Sex, hired: &str, fees: &str, indicator: Option<&str>) -> WorkerResult {
        WorkerResult {
            worker_ref: "W".into(),
            nationality: country(nationality),
            hire_date: hired.parse().unwrap(),
            monthly_wage: dec("100"),
            wage_currency: crate::values::CurrencyCode::parse("USD").unwrap(),
            monthly_wage_usd: dec("100"),
            fees_usd: dec(fees),
            reimbursed_usd: Decimal::ZERO,
            outstanding_usd: dec(fees),
            months_of_wages: dec(fees) / dec("100"),
            paid: dec(fees) > Decimal::ZERO,
            loan: false,
            debt_bondage_risk: false,
            recruiters: Vec::new(),
            sex,
            deducted_from_wages: false,
            recruitment_cost: indicator.map(|i| RecruitmentCost {
                monthly_earnings_usd: dec("100"),
                loan_interest_usd: Decimal::ZERO,
                indicator: dec(i),
            }),
        }
    }

    #[test]
    fn a_corridor_over_two_suppliers_is_the_mean_over_workers_not_of_the_audits_means() {
        let mut tally = CorridorTally::default();
        // Supplier 1 in MY: one NP worker at 3. Supplier 2 in MY: three NP workers at
        // 1, 0 and 0. Over workers: 4 / 4 = 1 (a mean of the audits' means would be
        // (3 + 1/3) / 2 = 1.67).
        tally.add(
            country("MY"),
            &worker("NP", Sex::Female, "2026-01-10", "900", Some("3")),
        );
        for (fees, indicator) in [("300", "1"), ("0", "0"), ("0", "0")] {
            tally.add(
                country("MY"),
                &worker("NP", Sex::Male, "2026-02-10", fees, Some(indicator)),
            );
        }
        tally.add(
            country("TH"),
            &worker("NP", Sex::Male, "2026-02-10", "10", Some("0.1")),
        );
        let corridors = tally.finish();
        assert_eq!(corridors.len(), 2);
        let my = &corridors[0];
        assert_eq!((my.origin.as_str(), my.destination.as_str()), ("NP", "MY"));
        assert_eq!((my.figures.workers, my.figures.workers_who_paid), (4, 2));
        assert_eq!(my.figures.recruitment_cost_indicator(), Some(dec("1")));
        assert_eq!(my.figures.mean_fees_usd(), dec("300"));
        assert_eq!(
            my.by_sex
                .iter()
                .map(|(s, f)| (*s, f.workers, f.recruitment_cost_indicator()))
                .collect::<Vec<_>>(),
            [
                (Sex::Female, 1, Some(dec("3"))),
                (Sex::Male, 3, Some(dec("1") / dec("3")))
            ]
        );
        assert_eq!(
            my.by_hire_month
                .iter()
                .map(|(m, f)| (m.to_string(), f.workers))
                .collect::<Vec<_>>(),
            [("2026-01".to_string(), 1), ("2026-02".to_string(), 3)]
        );
        assert_eq!(corridors[1].destination.as_str(), "TH");
    }

    #[test]
    fn the_trend_is_by_quarter_of_hire_and_by_sex_within_each_quarter() {
        let mut tally = CorridorTally::default();
        // Q1 2026: a woman at 3 (hired in March), a man at 1 (January). Q2 2026: a
        // man at 0.5 (April). Q4 2025: a woman at 2 (December).
        tally.add(
            country("MY"),
            &worker("NP", Sex::Female, "2026-03-31", "900", Some("3")),
        );
        tally.add(
            country("MY"),
            &worker("NP", Sex::Male, "2026-01-01", "300", Some("1")),
        );
        tally.add(
            country("MY"),
            &worker("NP", Sex::Male, "2026-04-01", "150", Some("0.5")),
        );
        tally.add(
            country("MY"),
            &worker("NP", Sex::Female, "2025-12-31", "600", Some("2")),
        );
        let corridor = &tally.finish()[0];
        let quarters: Vec<(String, u64, Option<Decimal>)> = corridor
            .by_hire_quarter
            .iter()
            .map(|q| {
                (
                    q.quarter.to_string(),
                    q.all.workers,
                    q.all.recruitment_cost_indicator(),
                )
            })
            .collect();
        assert_eq!(
            quarters,
            [
                ("2025-Q4".to_string(), 1, Some(dec("2"))),
                ("2026-Q1".to_string(), 2, Some(dec("2"))),
                ("2026-Q2".to_string(), 1, Some(dec("0.5"))),
            ]
        );
        let q1 = &corridor.by_hire_quarter[1];
        assert_eq!(
            q1.by_sex
                .iter()
                .map(|(s, f)| (*s, f.recruitment_cost_indicator(), f.mean_fees_usd()))
                .collect::<Vec<_>>(),
            [
                (Sex::Female, Some(dec("3")), dec("900")),
                (Sex::Male, Some(dec("1")), dec("300")),
            ]
        );
    }

    #[test]
    fn workers_without_a_known_cost_count_as_workers_but_not_in_the_indicator() {
        let mut tally = CorridorTally::default();
        tally.add(
            country("MY"),
            &worker("BD", Sex::Unknown, "2025-05-01", "500", None),
        );
        let only_old = tally.finish();
        assert_eq!(only_old[0].figures.recruitment_cost_indicator(), None);
        assert_eq!(only_old[0].figures.mean_fees_usd(), dec("500"));

        let mut tally = CorridorTally::default();
        tally.add(
            country("MY"),
            &worker("BD", Sex::Unknown, "2025-05-01", "500", None),
        );
        tally.add(
            country("MY"),
            &worker("BD", Sex::Unknown, "2025-05-01", "100", Some("0.5")),
        );
        let mixed = &tally.finish()[0].figures;
        assert_eq!((mixed.workers, mixed.workers_with_indicator), (2, 1));
        assert_eq!(mixed.recruitment_cost_indicator(), Some(dec("0.5")));
        assert_eq!(mixed.mean_fees_usd(), dec("300"));
    }

    #[test]
    fn no_workers_no_corridors() {
        assert!(CorridorTally::default().finish().is_empty());
        assert_eq!(CorridorFigures::default().mean_fees_usd(), Decimal::ZERO);
    }
}
