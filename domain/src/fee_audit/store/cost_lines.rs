//! The recruitment cost indicator of an audit as a reader sees it (fee-audit.md,
//! "Additions"): figures rounded to two decimals in the reader's language, corridors
//! named by country names rather than codes. Shared by the portal and the reports,
//! which label it "comparable to SDG 10.7.1".

use crate::{
    fee_audit::engine::{FeeAuditSummary, Sex, StaleRate, format_number},
    reference::country_name,
    values::{CountryCode, Locale},
};

/// One line of a breakdown: who, how many, and their indicator as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostLine {
    /// The corridor ("Nepal → Malaysia") or, for a sex, its stored name.
    pub label: String,
    /// Workers of the group.
    pub workers: u64,
    /// Of those, who paid.
    pub workers_who_paid: u64,
    /// The group's indicator, two decimals, in the reader's language.
    pub indicator: String,
}

/// The indicator overall and broken down, and the stale rates to warn about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostLines {
    /// Over all audited workers.
    pub overall: String,
    /// Per corridor, by origin.
    pub by_corridor: Vec<CostLine>,
    /// Per sex present, with the sex (each door names it in its own words).
    pub by_sex: Vec<(Sex, CostLine)>,
    /// Old rates the figures rest on.
    pub stale_rates: Vec<StaleRate>,
}

/// The lines of `summary` in `locale`; `None` for an audit stored before the
/// indicator was computed.
pub fn cost_lines(summary: &FeeAuditSummary, locale: Locale) -> Option<CostLines> {
    let overall = summary.recruitment_cost_indicator?;
    let shown = |value| format_number(value, 2, locale);
    Some(CostLines {
        overall: shown(overall),
        by_corridor: summary
            .by_corridor
            .iter()
            .map(|c| CostLine {
                label: format!(
                    "{} → {}",
                    named(Some(c.origin), locale),
                    named(c.destination, locale)
                ),
                workers: c.workers,
                workers_who_paid: c.workers_who_paid,
                indicator: shown(c.recruitment_cost_indicator),
            })
            .collect(),
        by_sex: summary
            .by_sex
            .iter()
            .map(|s| {
                let line = CostLine {
                    label: s.sex.as_str().to_string(),
                    workers: s.workers,
                    workers_who_paid: s.workers_who_paid,
                    indicator: shown(s.recruitment_cost_indicator),
                };
                (s.sex, line)
            })
            .collect(),
        stale_rates: summary.stale_rates.clone(),
    })
}

/// A country's name in `locale`; its code if the names do not know it; a dash for
/// none.
fn named(code: Option<CountryCode>, locale: Locale) -> String {
    match code {
        Some(code) => country_name(code.as_str(), locale)
            .map(str::to_string)
            .unwrap_or_else(|| code.to_string()),
        None => "—".to_string(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::fee_audit::engine::{FeeAuditReader, RateTable};

    #[test]
    fn corridors_are_named_in_the_readers_language_and_figures_rounded_when_shown() {
        // W1 pays 1000 on a 1500 wage (0.6667), W2 nothing: mean 0.3333 → 0,33.
        let text = "worker_ref,nationality,recruiter,hire_date,monthly_wage,wage_currency,category,amount,currency,paid_on,sex\n\
                    W1,NP,A,2026-01-10,1500,USD,recruitment_fee,1000,USD,2026-01-05,female\n\
                    W2,NP,A,2026-01-10,1500,USD,none,0,USD,2026-01-05,\n";
        let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let rates = RateTable::new();
        let outcome = FeeAuditReader::new(text.as_bytes(), today, &rates)
            .at_site(CountryCode::parse("MY").ok())
            .finish()
            .unwrap();
        let en = cost_lines(&outcome.summary, Locale::En).unwrap();
        assert_eq!(en.overall, "0.33");
        assert_eq!(en.by_corridor[0].label, "Nepal → Malaysia");
        assert_eq!(en.by_corridor[0].indicator, "0.33");
        let fr = cost_lines(&outcome.summary, Locale::Fr).unwrap();
        assert_eq!(fr.overall, "0,33");
        assert_eq!(fr.by_corridor[0].label, "Népal → Malaisie");
        let sexes: Vec<_> = en
            .by_sex
            .iter()
            .map(|(s, l)| (*s, l.indicator.as_str()))
            .collect();
        assert_eq!(sexes, [(Sex::Female, "0.67"), (Sex::Unknown, "0.00")]);

        let mut old = outcome.summary;
        old.recruitment_cost_indicator = None;
        assert!(cost_lines(&old, Locale::En).is_none(), "not computed: not shown");
    }
}
