//! Where the supplier's workers come from (scoring model 2, "Inherent risk"): a
//! country of origin raises the inherent risk when it is not the site's country
//! and gives at least 10% of the workers. Migrant workers recruited from a
//! high-risk country carry that country's recruitment risk with them.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

/// The smallest share of the workers that makes an origin country count (10%).
pub const ORIGIN_SHARE_THRESHOLD: Decimal = Decimal::from_parts(10, 0, 0, false, 2);

/// A country the supplier's workers come from, with its share of the workers
/// (0–1) and its country risk (reference or the company's override).
#[derive(Debug, Clone, PartialEq)]
pub struct WorkerOrigin {
    /// ISO 3166-1 alpha-2 code.
    pub country: String,
    /// Share of the workers, 0–1.
    pub share: Decimal,
    /// The country's risk 0–100.
    pub country_risk: Decimal,
}

/// The origins that count: not the site's country, at least 10% of the workers.
pub fn counted_origins<'a>(site_country: &str, origins: &'a [WorkerOrigin]) -> Vec<&'a WorkerOrigin> {
    origins
        .iter()
        .filter(|o| !o.country.eq_ignore_ascii_case(site_country) && o.share >= ORIGIN_SHARE_THRESHOLD)
        .collect()
}

/// `origin_risk`: the highest country risk among the counted origins; 0 when the
/// origins are unknown or none counts.
pub fn origin_risk(site_country: &str, origins: &[WorkerOrigin]) -> Decimal {
    counted_origins(site_country, origins)
        .iter()
        .map(|o| o.country_risk)
        .max()
        .unwrap_or(Decimal::ZERO)
}

/// Each nationality's share of the distinct workers of a fee audit (`counts`:
/// workers by nationality). Empty when there are no workers.
pub fn shares_of_workers(counts: &BTreeMap<String, u64>) -> Vec<(String, Decimal)> {
    let total: u64 = counts.values().sum();
    if total == 0 {
        return Vec::new();
    }
    counts
        .iter()
        .map(|(country, n)| (country.clone(), Decimal::from(*n) / Decimal::from(total)))
        .collect()
}

/// The origins from both sources, the supplier profile's declared origins and the
/// latest fee audit's nationalities, each as (country, share). A country counts
/// if it reaches 10% in EITHER source, so each country keeps the larger of its
/// two shares: a declaration cannot hide what the payroll shows, nor the reverse.
pub fn origins_from_declared_and_audited(
    declared: &[(String, Decimal)],
    audited: &[(String, Decimal)],
) -> Vec<(String, Decimal)> {
    let mut merged: BTreeMap<String, Decimal> = BTreeMap::new();
    for (country, share) in declared.iter().chain(audited) {
        let key = country.trim().to_ascii_uppercase();
        let entry = merged.entry(key).or_insert(Decimal::ZERO);
        *entry = (*entry).max(*share);
    }
    merged.into_iter().collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn origin(country: &str, share: &str, risk: &str) -> WorkerOrigin {
        WorkerOrigin {
            country: country.into(),
            share: d(share),
            country_risk: d(risk),
        }
    }

    #[test]
    fn the_riskiest_foreign_origin_with_at_least_ten_percent_counts() {
        let origins = [
            origin("TH", "0.5", "60"),
            origin("MM", "0.30", "90"),
            origin("KH", "0.10", "80"),
            origin("LA", "0.0999", "95"),
        ];
        assert_eq!(origin_risk("TH", &origins), d("90"));
        // 10% exactly counts, just under does not.
        let counted: Vec<&str> = counted_origins("TH", &origins)
            .iter()
            .map(|o| o.country.as_str())
            .collect();
        assert_eq!(counted, ["MM", "KH"]);
    }

    #[test]
    fn the_site_country_never_counts_as_an_origin() {
        assert_eq!(origin_risk("MY", &[origin("MY", "1", "70")]), Decimal::ZERO);
        assert_eq!(origin_risk("my", &[origin("MY", "1", "70")]), Decimal::ZERO);
    }

    #[test]
    fn unknown_origins_give_zero() {
        assert_eq!(origin_risk("TH", &[]), Decimal::ZERO);
    }

    #[test]
    fn shares_are_of_distinct_workers() {
        let counts = BTreeMap::from([("MM".to_string(), 3), ("TH".to_string(), 1)]);
        assert_eq!(
            shares_of_workers(&counts),
            vec![("MM".to_string(), d("0.75")), ("TH".to_string(), d("0.25"))]
        );
        assert!(shares_of_workers(&BTreeMap::new()).is_empty());
    }

    #[test]
    fn a_country_counts_if_it_reaches_ten_percent_in_either_source() {
        let declared = vec![("NP".to_string(), d("0.05")), ("BD".to_string(), d("0.40"))];
        let audited = vec![("np".to_string(), d("0.20")), ("BD".to_string(), d("0.02"))];
        let merged = origins_from_declared_and_audited(&declared, &audited);
        assert_eq!(
            merged,
            vec![("BD".to_string(), d("0.40")), ("NP".to_string(), d("0.20"))]
        );
        // Declared only, audited only.
        let only_declared = origins_from_declared_and_audited(&declared, &[]);
        assert_eq!(
            only_declared,
            vec![("BD".to_string(), d("0.40")), ("NP".to_string(), d("0.05"))]
        );
        let only_audited = origins_from_declared_and_audited(&[], &audited);
        assert_eq!(
            only_audited,
            vec![("BD".to_string(), d("0.02")), ("NP".to_string(), d("0.20"))]
        );
        // Below 10% in both: present, but it does not count.
        let low = origins_from_declared_and_audited(&[("VN".into(), d("0.09"))], &[("VN".into(), d("0.05"))]);
        let origins: Vec<WorkerOrigin> = low
            .iter()
            .map(|(c, s)| WorkerOrigin {
                country: c.clone(),
                share: *s,
                country_risk: d("80"),
            })
            .collect();
        assert_eq!(origin_risk("MY", &origins), Decimal::ZERO);
    }
}
