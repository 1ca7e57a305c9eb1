//! The evidence packs' words: `worker/locales/<lang>/pack.ftl` (English the
//! source; Spanish and French machine-drafted, not reviewed), through the
//! domain's one i18n machinery.

use std::sync::LazyLock;

use domain::{
    i18n::{Catalog, FluentArgs, FluentValue},
    values::Locale,
};

const SOURCES: [(&str, &str); 3] = [
    ("en", include_str!("../../locales/en/pack.ftl")),
    ("es", include_str!("../../locales/es/pack.ftl")),
    ("fr", include_str!("../../locales/fr/pack.ftl")),
];

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| Catalog::new("pack", &SOURCES));

/// The label `key` in `locale`.
pub fn t(locale: Locale, key: &str) -> String {
    CATALOG.text(locale.code(), key)
}

/// The message `key` with one number `n`.
pub fn with_n(locale: Locale, key: &str, n: u64) -> String {
    let mut args = FluentArgs::new();
    args.set("n", FluentValue::from(n.to_string()));
    CATALOG.format(locale.code(), key, &args)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// Every file has every English message and no other, and every key the
    /// pack's code asks for by name exists.
    #[test]
    fn every_used_key_exists_in_every_language() {
        let mut used = BTreeSet::new();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/pack");
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            for marker in ["t(l, \"", "with_n(l, \""] {
                for piece in text.split(marker).skip(1) {
                    used.insert(piece.split('"').next().unwrap_or_default().to_string());
                }
            }
        }
        used.insert("regime-uflpa".into());
        used.insert("regime-eu_flr".into());
        assert!(used.len() > 40, "the scan found the keys: {used:?}");
        let used: Vec<&str> = used.iter().map(String::as_str).collect();
        let problems = CATALOG.audit(&used);
        assert!(problems.is_empty(), "{problems:?}");
    }
}
