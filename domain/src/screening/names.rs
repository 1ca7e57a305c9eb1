//! Comparing a company name a buyer typed with a name on a list.
//!
//! A name is first reduced to the words that carry its identity: lower case,
//! diacritics folded (NFKD without combining marks, plus the few Latin letters
//! NFKD leaves alone), dots and apostrophes dropped ("S.A." is "sa", "Co.,Ltd." is
//! "co ltd"), other punctuation a space, legal forms (Co., Ltd., LLC, GmbH, S.A.,
//! Bhd, 有限公司 …) and filler words removed, common abbreviations written out.
//!
//! The score is a symmetric token-set Jaro-Winkler: every word of one name is
//! paired with its most similar word of the other; a pair below
//! [`WORD_THRESHOLD`] counts as no match at all (so "Giant" is not "Grant"), and
//! the words are averaged weighted by their length, generic trade words
//! ("manufacturing", "group", "textile" …) weighing a quarter. The score is the
//! lower of the two directions, so a short name that is contained in a long one
//! ("Apparel" in "Natchi Apparel") does not match it.
//!
//! Why [`HIT_THRESHOLD`] = 0.90: a listed name typed with its legal form missing or
//! doubled, other punctuation, other case or without diacritics scores 1.0; word
//! order changed ("Bitland (Hefei) …") scores 1.0; one typo in a long word keeps
//! that word above 0.9 and the name above 0.95. A different distinctive word
//! drops the name to at most about the share of its generic words, well under
//! 0.9. The unit tests below and the hundred ordinary names of
//! `tests/api/screening.rs` hold both sides of the line.

use unicode_normalization::UnicodeNormalization as _;

/// A name scoring at least this against a list entry is a hit to review.
pub const HIT_THRESHOLD: f64 = 0.90;

/// Two words less similar than this are not the same word.
pub const WORD_THRESHOLD: f64 = 0.90;

/// How much a generic trade word weighs against a distinctive one.
const GENERIC_WEIGHT: f64 = 0.25;

/// Legal forms and filler words: they say nothing about which company it is.
const DROPPED: &[&str] = &[
    "co",
    "company",
    "companies",
    "ltd",
    "limited",
    "llc",
    "llp",
    "lp",
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "gmbh",
    "mbh",
    "ag",
    "kg",
    "sa",
    "sas",
    "sarl",
    "srl",
    "spa",
    "sl",
    "bv",
    "nv",
    "plc",
    "pty",
    "pte",
    "bhd",
    "berhad",
    "sdn",
    "doo",
    "oy",
    "ab",
    "as",
    "asa",
    "kk",
    "jsc",
    "ojsc",
    "pjsc",
    "ooo",
    "tbk",
    "pt",
    "cv",
    "sab",
    "de",
    "the",
    "and",
    "of",
    "et",
    "y",
    "und",
];

/// Chinese legal forms, removed before splitting (they are not space-separated).
const DROPPED_CJK: &[&str] = &["股份有限公司", "有限责任公司", "有限公司", "集团", "公司"];

/// Abbreviations written out, so "Tech" meets "Technology".
const EXPANDED: &[(&str, &str)] = &[
    ("tech", "technology"),
    ("intl", "international"),
    ("int", "international"),
    ("mfg", "manufacturing"),
    ("mfr", "manufacturing"),
    ("ind", "industrial"),
    ("indus", "industrial"),
    ("grp", "group"),
    ("hldgs", "holdings"),
    ("svcs", "services"),
    ("prods", "products"),
    ("elec", "electronics"),
];

/// Words many unrelated companies share.
const GENERIC: &[&str] = &[
    "group",
    "holding",
    "holdings",
    "industrial",
    "industry",
    "industries",
    "international",
    "trading",
    "trade",
    "manufacturing",
    "manufacture",
    "products",
    "product",
    "technology",
    "technologies",
    "enterprise",
    "enterprises",
    "factory",
    "works",
    "global",
    "services",
    "service",
    "textile",
    "textiles",
    "garment",
    "garments",
    "apparel",
    "materials",
    "material",
    "development",
    "business",
    "import",
    "export",
    "new",
    "general",
    "national",
    "china",
    "chinese",
    "electronics",
    "electric",
    "machinery",
    "plant",
    "products",
    "science",
    "system",
    "systems",
    "solutions",
    "supply",
    "logistics",
];

/// The identity-bearing words of `name`, in order.
pub fn tokens(name: &str) -> Vec<String> {
    let mut text = name.to_lowercase();
    for form in DROPPED_CJK {
        text = text.replace(form, " ");
    }
    let folded: String = text
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(fold_letter)
        .collect();
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !DROPPED.contains(w))
        .map(|w| {
            EXPANDED
                .iter()
                .find(|(short, _)| *short == w)
                .map_or_else(|| w.to_string(), |(_, long)| (*long).to_string())
        })
        .collect()
}

/// Letters NFKD does not decompose; dots and apostrophes vanish so that "S.A." is one word.
fn fold_letter(c: char) -> Vec<char> {
    match c {
        'ß' => vec!['s', 's'],
        'æ' => vec!['a', 'e'],
        'œ' => vec!['o', 'e'],
        'ø' => vec!['o'],
        'đ' | 'ð' => vec!['d'],
        'ł' => vec!['l'],
        'ı' => vec!['i'],
        'þ' => vec!['t', 'h'],
        '.' | '\'' | '’' => vec![],
        other => vec![other],
    }
}

/// How similar two names are, 0–1 (see the module comment).
pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (tokens(a), tokens(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    covered(&a, &b).min(covered(&b, &a))
}

/// How much of `from` (weighted by length) finds its word in `to`.
fn covered(from: &[String], to: &[String]) -> f64 {
    let mut total = 0.0;
    let mut matched = 0.0;
    for word in from {
        let weight = word.chars().count() as f64
            * if GENERIC.contains(&word.as_str()) {
                GENERIC_WEIGHT
            } else {
                1.0
            };
        let best = to
            .iter()
            .map(|other| strsim::jaro_winkler(word, other))
            .fold(0.0_f64, f64::max);
        total += weight;
        if best >= WORD_THRESHOLD {
            matched += weight * best;
        }
    }
    if total == 0.0 { 0.0 } else { matched / total }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(a: &str, b: &str) -> bool {
        similarity(a, b) >= HIT_THRESHOLD
    }

    #[test]
    fn legal_forms_punctuation_and_case_do_not_matter() {
        let listed = "Hefei Bitland Information Technology Co., Ltd.";
        assert!(hit("HEFEI BITLAND INFORMATION TECHNOLOGY CO LTD", listed));
        assert!(hit("hefei bitland information technology", listed));
        assert!(hit(
            "Hefei Bitland Information Technology Co., Ltd. Co., Ltd.",
            listed
        ));
        assert!(hit("Bitland (Hefei) Information Tech", listed));
        assert!(hit("Hefei-Bitland Information-Technology Limited", listed));
        assert_eq!(
            similarity("Top Glove Corp. Bhd.", "Top Glove Corporation Bhd"),
            1.0
        );
        assert_eq!(similarity("natchi apparel s.a.", "NATCHI APPAREL"), 1.0);
    }

    #[test]
    fn diacritics_fold_and_chinese_legal_forms_go() {
        assert_eq!(tokens("Société Générale S.A."), vec!["societe", "generale"]);
        assert_eq!(tokens("Müller & Søn GmbH"), vec!["muller", "son"]);
        assert_eq!(tokens("新疆中泰化学股份有限公司"), vec!["新疆中泰化学"]);
        assert!(hit(
            "Xinjiang Junggar Cötton & Linen",
            "Xinjiang Junggar Cotton and Linen Co., Ltd."
        ));
    }

    #[test]
    fn one_typo_still_matches() {
        assert!(hit(
            "Hoshine Silicone Industry",
            "Hoshine Silicon Industry Co., Ltd."
        ));
        assert!(hit(
            "Lop County Meixin Hair Product",
            "Lop County Meixin Hair Products Co., Ltd."
        ));
    }

    #[test]
    fn a_different_distinctive_word_is_no_match() {
        assert!(!hit(
            "Grant Manufacturing Co., Ltd.",
            "Giant Manufacturing Co., Ltd."
        ));
        assert!(!hit("Apparel Co.", "Natchi Apparel"));
        assert!(!hit("Natchi Apparel", "Apparel Co."));
        assert!(!hit(
            "Shanghai Huada Electronics Co., Ltd.",
            "Shanghai Huadong Electric Welding Machine Factory"
        ));
        assert!(!hit("Top Gear Gloves", "Top Glove Corporation Bhd"));
        assert!(!hit("Hetian Trading Co.", "Hetian Taida Apparel Co., Ltd."));
    }

    #[test]
    fn nothing_to_compare_is_no_match() {
        assert_eq!(similarity("Co., Ltd.", "Co., Ltd."), 0.0);
        assert_eq!(similarity("", "Natchi Apparel"), 0.0);
    }
}
