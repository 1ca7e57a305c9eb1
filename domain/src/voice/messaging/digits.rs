//! Menu numbers typed in a script's own digits. A worker on a Bengali keypad
//! types ১ for 1, on a Devanagari one १, in Arabic ١, in Urdu or Persian ۱, in
//! Burmese ၁, in Khmer ១. `char::to_digit` reads ASCII only, so every Unicode
//! decimal digit (General Category `Nd`) is turned into its ASCII digit before
//! the menu choice is read.
//!
//! Unicode lays every `Nd` run out as ten consecutive code points from zero to
//! nine (Unicode Standard, chapter 4.6, "Numeric Value"), so a digit's value is
//! its distance from the start of its run, modulo ten where runs touch (the
//! mathematical digits, U+1D7CE–U+1D7FF, are five runs side by side).

use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

fn is_decimal(c: char) -> bool {
    c.general_category() == GeneralCategory::DecimalNumber
}

/// The value of a Unicode decimal digit (`Nd`), `None` for anything else.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return c.to_digit(10);
    }
    if !is_decimal(c) {
        return None;
    }
    let mut run = 0u32;
    let mut code = c as u32;
    while let Some(before) = code.checked_sub(1).and_then(char::from_u32) {
        if !is_decimal(before) {
            break;
        }
        run += 1;
        code -= 1;
    }
    Some(run % 10)
}

/// `text` with every Unicode decimal digit replaced by its ASCII digit; other
/// characters unchanged.
pub fn to_ascii_digits(text: &str) -> String {
    text.chars()
        .map(|c| match decimal_value(c) {
            Some(v) if !c.is_ascii_digit() => char::from_digit(v, 10).unwrap_or(c),
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_script_of_the_corridor_languages_reads_as_ascii() {
        // One, two, nine and ten in each script.
        for (script, one, two, nine, ten) in [
            ("Bengali", "১", "২", "৯", "১০"),
            ("Devanagari", "१", "२", "९", "१०"),
            ("Arabic-Indic", "١", "٢", "٩", "١٠"),
            ("Extended Arabic-Indic", "۱", "۲", "۹", "۱۰"),
            ("Myanmar", "၁", "၂", "၉", "၁၀"),
            ("Khmer", "១", "២", "៩", "១០"),
            (
                "Sinhala Lith",
                "\u{0DE7}",
                "\u{0DE8}",
                "\u{0DEF}",
                "\u{0DE7}\u{0DE6}",
            ),
            ("Fullwidth", "１", "２", "９", "１０"),
            (
                "Mathematical bold",
                "\u{1D7CF}",
                "\u{1D7D0}",
                "\u{1D7D7}",
                "\u{1D7CF}\u{1D7CE}",
            ),
            (
                "Mathematical monospace",
                "\u{1D7F7}",
                "\u{1D7F8}",
                "\u{1D7FF}",
                "\u{1D7F7}\u{1D7F6}",
            ),
        ] {
            assert_eq!(to_ascii_digits(one), "1", "{script}");
            assert_eq!(to_ascii_digits(two), "2", "{script}");
            assert_eq!(to_ascii_digits(nine), "9", "{script}");
            assert_eq!(to_ascii_digits(ten), "10", "{script}");
        }
    }

    #[test]
    fn other_characters_are_left_alone() {
        assert_eq!(to_ascii_digits("12 STATUS"), "12 STATUS");
        // Ethiopic numerals (፩) are not decimal digits (No, no zero): not read.
        assert_eq!(decimal_value('፩'), None);
        // Superscripts and circled numbers are No, not Nd.
        assert_eq!(decimal_value('²'), None);
        assert_eq!(decimal_value('①'), None);
        assert_eq!(decimal_value('a'), None);
        assert_eq!(to_ascii_digits("নতুন ৩."), "নতুন 3.");
    }
}
