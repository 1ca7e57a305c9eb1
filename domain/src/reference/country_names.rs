//! Country names in en, es and fr, from Debian's iso-codes translations
//! (`domain/data/country-names.csv`).

use std::{collections::BTreeMap, sync::OnceLock};

use crate::values::Locale;

fn table() -> &'static BTreeMap<String, [String; 3]> {
    static TABLE: OnceLock<BTreeMap<String, [String; 3]>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut reader = csv::Reader::from_reader(include_str!("../../data/country-names.csv").as_bytes());
        reader
            .records()
            .filter_map(Result::ok)
            .filter_map(|r| {
                Some((
                    r.get(0)?.to_string(),
                    [
                        r.get(1)?.to_string(),
                        r.get(2)?.to_string(),
                        r.get(3)?.to_string(),
                    ],
                ))
            })
            .collect()
    })
}

/// The country's name in `locale` (English when the code is unknown to the table).
pub fn country_name(code: &str, locale: Locale) -> Option<&'static str> {
    let names = table().get(code)?;
    Some(match locale {
        Locale::En => &names[0],
        Locale::Es => &names[1],
        Locale::Fr => &names[2],
    })
}

/// Every country code the table names, in code order.
pub fn country_codes() -> impl Iterator<Item = &'static str> {
    table().keys().map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_exist_in_three_languages() {
        assert_eq!(country_name("DE", Locale::Es), Some("Alemania"));
        assert_eq!(country_name("DE", Locale::Fr), Some("Allemagne"));
        assert_eq!(country_name("NP", Locale::En), Some("Nepal"));
        assert!(table().len() >= 249);
    }
}
