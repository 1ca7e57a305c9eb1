/// A trimmed, non-empty piece of text with an upper bound on its length, for names
/// and titles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequiredText(String);

impl RequiredText {
    /// Trims and checks `1..=max` characters.
    pub fn parse(raw: &str, max: usize) -> Result<Self, String> {
        let value = raw.trim();
        if value.is_empty() {
            return Err("is required".into());
        }
        if value.chars().count() > max {
            return Err(format!("is too long ({max} characters at most)"));
        }
        Ok(Self(value.to_string()))
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
