//! Text as people write it. Every piece of text the platform accepts is parsed
//! here, once, at the door of its use case: a control character is never part of
//! a name, a title or an answer. It arrives from a hostile or broken client, and a
//! NUL cannot even be stored by PostgreSQL (SQLite stores it), so refusing it here
//! gives the same 422 naming the field on both databases, in the API and the portal.
//!
//! Line breaks and tabs are the only control characters allowed, and only in
//! multi-line text ([`MultilineText`]: descriptions, notes, free-text answers,
//! reports) where a person may legitimately press Enter; a name, a title, an email
//! address or a search term is one line ([`RequiredText`], [`SearchText`]).

use serde_json::Value;

use crate::error::FieldError;

/// Whether a piece of text may span lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// Names, titles, addresses, codes, search terms: no control character at all.
    One,
    /// Descriptions, notes, answers: line breaks (`\n`, `\r`) and tabs allowed.
    Many,
}

/// How every refusal of a control character begins, so that a door which words
/// its own messages (the portal, in the person's language) can tell it apart.
pub const CONTROL_CHARACTERS: &str = "must not contain control characters";

/// Refuses the control characters `lines` does not allow (C0, DEL and C1, as
/// `char::is_control` says), naming the first one found.
pub fn refuse_control_characters(value: &str, lines: Lines) -> Result<(), String> {
    let allowed = |c: char| lines == Lines::Many && matches!(c, '\n' | '\r' | '\t');
    match value.chars().find(|c| c.is_control() && !allowed(*c)) {
        None => Ok(()),
        Some(c) if lines == Lines::One && matches!(c, '\n' | '\r' | '\t') => {
            Err("must be a single line (no line breaks or tabs)".into())
        }
        Some(c) => Err(format!("{CONTROL_CHARACTERS} (found U+{:04X})", u32::from(c))),
    }
}

/// A trimmed, non-empty, single-line piece of text with an upper bound on its
/// length, for names and titles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequiredText(String);

/// `raw` trimmed, when it is `1..=max` characters with only the control
/// characters `lines` allows: the one rule behind [`RequiredText`] and
/// [`MultilineText`].
fn required(raw: &str, max: usize, lines: Lines) -> Result<String, String> {
    let value = raw.trim();
    if value.is_empty() {
        return Err("is required".into());
    }
    refuse_control_characters(value, lines)?;
    if value.chars().count() > max {
        return Err(format!("is too long ({max} characters at most)"));
    }
    Ok(value.to_string())
}

impl RequiredText {
    /// Trims and checks `1..=max` characters on one line.
    pub fn parse(raw: &str, max: usize) -> Result<Self, String> {
        required(raw, max, Lines::One).map(Self)
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text, owned.
    pub fn into_inner(self) -> String {
        self.0
    }
}

/// A trimmed, non-empty text that may span lines (a description, a note, a
/// free-text answer, a worker's report), with an upper bound on its length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MultilineText(String);

impl MultilineText {
    /// Trims and checks `1..=max` characters; line breaks and tabs are kept.
    pub fn parse(raw: &str, max: usize) -> Result<Self, String> {
        required(raw, max, Lines::Many).map(Self)
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text, owned.
    pub fn into_inner(self) -> String {
        self.0
    }
}

/// What a person typed into a search box or a text filter: one line, trimmed;
/// empty means "no filter".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchText(String);

impl SearchText {
    /// The longest search term, in characters.
    pub const MAX: usize = 200;

    /// `None` for an empty term; an error for control characters or a term too
    /// long to be a search.
    pub fn parse(raw: &str) -> Result<Option<Self>, String> {
        let value = raw.trim();
        if value.is_empty() {
            return Ok(None);
        }
        refuse_control_characters(value, Lines::One)?;
        if value.chars().count() > Self::MAX {
            return Err(format!("is too long ({} characters at most)", Self::MAX));
        }
        Ok(Some(Self(value.to_string())))
    }

    /// The term.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Every string in a JSON document (values and keys) that carries a control
/// character no text field allows (anything but line breaks and tabs), named by
/// its path as serde_path_to_error spells it (`contacts[0].name`). The API runs it
/// on every JSON body before it is read into a request type, so that no field
/// (including one a use case keeps verbatim, such as a webhook description) can
/// bring a NUL to the database; single-line fields are then held to [`Lines::One`]
/// by their own value types.
pub fn control_characters_in_json(document: &Value) -> Vec<FieldError> {
    let mut found = Vec::new();
    walk(document, &mut String::new(), &mut found);
    found
}

fn walk(value: &Value, path: &mut String, found: &mut Vec<FieldError>) {
    let here = |path: &str| {
        if path.is_empty() {
            "body".to_string()
        } else {
            path.to_string()
        }
    };
    match value {
        Value::String(text) => {
            if let Err(message) = refuse_control_characters(text, Lines::Many) {
                found.push(FieldError::new(here(path), message));
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{index}]"));
                walk(item, path, found);
                path.truncate(len);
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                if let Err(message) = refuse_control_characters(key, Lines::One) {
                    found.push(FieldError::new(here(path), format!("has a key that {message}")));
                    continue;
                }
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                walk(item, path, found);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn single_line_text_refuses_every_control_character() {
        assert_eq!(
            RequiredText::parse("  Tejidos del Norte ", 200).unwrap().as_str(),
            "Tejidos del Norte"
        );
        for bad in [
            "Tej\0idos",
            "Tej\u{7}idos",
            "Tej\u{1b}[31midos",
            "Tej\u{7f}",
            "Tej\u{85}idos",
            "a\nb",
            "a\tb",
        ] {
            assert!(
                RequiredText::parse(bad, 200).is_err(),
                "{bad:?} should be refused"
            );
            assert!(
                SearchText::parse(bad).is_err(),
                "{bad:?} should be refused as a search"
            );
        }
        assert!(RequiredText::parse("a\0", 200).unwrap_err().contains("U+0000"));
        assert!(
            RequiredText::parse("a\nb", 200)
                .unwrap_err()
                .contains("single line")
        );
    }

    #[test]
    fn multiline_text_keeps_line_breaks_and_tabs_only() {
        let text = MultilineText::parse(" Paid 300 USD\r\n\tto the agent \n", 1000).unwrap();
        assert_eq!(text.as_str(), "Paid 300 USD\r\n\tto the agent");
        for bad in ["a\0b", "a\u{8}b", "a\u{1b}b", "a\u{9b}b"] {
            assert!(
                MultilineText::parse(bad, 1000).is_err(),
                "{bad:?} should be refused"
            );
        }
        assert!(MultilineText::parse("  ", 10).is_err());
        assert!(MultilineText::parse("abc", 2).is_err());
    }

    #[test]
    fn an_empty_search_is_no_filter() {
        assert_eq!(SearchText::parse("  "), Ok(None));
        assert_eq!(SearchText::parse(" tej ").unwrap().unwrap().as_str(), "tej");
        assert!(SearchText::parse(&"x".repeat(201)).is_err());
    }

    #[test]
    fn json_strings_and_keys_are_named_by_their_path() {
        let body = json!({
            "name": "ok\nfine",
            "contact": {"name": "A\0na"},
            "answers": {"q\u{1}": "x", "q2": ["a", "b\u{7f}"]}
        });
        let mut fields: Vec<String> = control_characters_in_json(&body)
            .into_iter()
            .map(|e| e.field)
            .collect();
        fields.sort();
        assert_eq!(fields, ["answers", "answers.q2[1]", "contact.name"]);
        assert!(control_characters_in_json(&json!("\0"))[0].field == "body");
        assert!(control_characters_in_json(&json!({"a": 1, "b": [true, null]})).is_empty());
    }
}
