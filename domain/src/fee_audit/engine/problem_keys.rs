//! Every message key a refused CSV row or file can carry ([`super::Problem::code`]),
//! so that the crates that word them (the portal's `csv-…` messages) can check
//! they have a message for each without reading this crate's files.

/// The keys, sorted.
pub const PROBLEM_KEYS: &[&str] = &[
    "csv-category",
    "csv-cell-count",
    "csv-control-characters",
    "csv-country",
    "csv-currency",
    "csv-different-rate",
    "csv-differs",
    "csv-differs-must-agree",
    "csv-duplicate-column",
    "csv-empty",
    "csv-empty-file",
    "csv-evidence",
    "csv-future-payment",
    "csv-future-repayment",
    "csv-header-not-utf8",
    "csv-missing-column",
    "csv-negative",
    "csv-no-data-rows",
    "csv-no-rate",
    "csv-no-worker",
    "csv-none-with-amount",
    "csv-not-date",
    "csv-not-number",
    "csv-not-positive",
    "csv-not-utf8",
    "csv-not-yes-no",
    "csv-payee-type",
    "csv-rate-too-old",
    "csv-reimbursed-more",
    "csv-repaid-too-large",
    "csv-row-unreadable",
    "csv-sex",
    "csv-sum-too-large",
    "csv-too-large",
    "csv-too-many-digits",
    "csv-too-many-rows",
    "csv-unreadable",
    "csv-usd-rate",
    "csv-wage-too-small",
    "csv-zero-amount",
];

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::PROBLEM_KEYS;

    /// The list is exactly the `"csv-…"` keys this module's files use, so a new
    /// problem cannot be left out of it.
    #[test]
    fn the_list_is_every_key_the_readers_use() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/fee_audit/engine");
        let mut found = BTreeSet::new();
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            if entry.path().ends_with("problem_keys.rs") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            for piece in text.split("\"csv-").skip(1) {
                let rest = piece.split('"').next().unwrap_or_default();
                found.insert(format!("csv-{rest}"));
            }
        }
        let listed: BTreeSet<String> = PROBLEM_KEYS.iter().map(|k| k.to_string()).collect();
        assert!(found.len() > 20, "the scan found the keys: {found:?}");
        assert_eq!(found, listed);
    }
}
