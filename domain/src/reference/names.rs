//! A name in each of the platform's languages, as the reference files store it.

use serde::{Deserialize, Serialize};

use crate::values::Locale;

/// A name in English, Spanish and French; reference data is always complete in
/// all three, so no fallback is needed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Names {
    /// English.
    pub en: String,
    /// Spanish.
    pub es: String,
    /// French.
    pub fr: String,
}

impl Names {
    /// The name in `locale`.
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::En => &self.en,
            Locale::Es => &self.es,
            Locale::Fr => &self.fr,
        }
    }

    /// Whether every language has a non-blank name.
    pub fn is_complete(&self) -> bool {
        Locale::ALL.iter().all(|l| !self.get(*l).trim().is_empty())
    }
}
