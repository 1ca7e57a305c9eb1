use std::fmt;

/// An email address, trimmed and lower-cased, with one `@`, a non-empty local part
/// and a dotted domain. Deliberately simple: deliverability is proven by the
/// invitation email, not by a regular expression.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    /// Parses user input into an address, or says what is wrong.
    pub fn parse(raw: &str) -> Result<Self, &'static str> {
        let value = raw.trim().to_lowercase();
        if value.is_empty() {
            return Err("is required");
        }
        if value.len() > 254 {
            return Err("is too long (254 characters at most)");
        }
        let Some((local, domain)) = value.split_once('@') else {
            return Err("is not an email address");
        };
        let valid_domain = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@');
        // A control character (a NUL from a hostile client) is never part of an
        // address, and PostgreSQL could not store it.
        let strange = |c: char| c.is_whitespace() || c.is_control();
        if local.is_empty() || !valid_domain || value.chars().any(strange) {
            return Err("is not an email address");
        }
        Ok(Self(value))
    }

    /// The address as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::Email;

    #[test]
    fn normalises_and_rejects() {
        assert_eq!(
            Email::parse("  Ana@Example.ORG ").map(|e| e.to_string()),
            Ok("ana@example.org".to_string())
        );
        for bad in [
            "",
            "ana",
            "ana@",
            "@x.org",
            "ana@x",
            "a b@x.org",
            "a@@x.org",
            "a\0@x.org",
            "a@x.org\0",
            "a\u{1b}@x.org",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad} should be rejected");
        }
    }
}
